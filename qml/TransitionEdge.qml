import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import LadderStudio

// One edge: a cubic bezier with an arrow head (geometry from C++) and its condition label at
// the curve's midpoint. Fallback-on-failure edges are dashed.
Item {
    id: edge

    required property string key
    required property string kind
    required property string label
    required property real x0
    required property real y0
    required property real c1x
    required property real c1y
    required property real c2x
    required property real c2y
    required property real x3
    required property real y3
    required property real labelX
    required property real labelY
    required property real arrowLx
    required property real arrowLy
    required property real arrowRx
    required property real arrowRy
    required property bool dashed
    required property bool selected
    required property bool invalid
    required property string problem
    property LadderDocument doc
    readonly property color stroke: edge.invalid ? Theme.error
                                                 : (edge.selected ? Theme.selection
                                                                  : Theme.edgeColor(edge.kind))

    objectName: "edge:" + key

    Shape {
        ShapePath {
            strokeColor: edge.stroke
            strokeWidth: edge.selected ? 3 : 2
            fillColor: "transparent"
            strokeStyle: edge.dashed ? ShapePath.DashLine : ShapePath.SolidLine
            dashPattern: [5, 3]
            capStyle: ShapePath.RoundCap
            startX: edge.x0
            startY: edge.y0

            PathCubic {
                x: edge.x3
                y: edge.y3
                control1X: edge.c1x
                control1Y: edge.c1y
                control2X: edge.c2x
                control2Y: edge.c2y
            }
        }
        ShapePath {
            strokeColor: edge.stroke
            strokeWidth: 1
            fillColor: edge.stroke
            startX: edge.x3
            startY: edge.y3

            PathLine {
                x: edge.arrowLx
                y: edge.arrowLy
            }
            PathLine {
                x: edge.arrowRx
                y: edge.arrowRy
            }
            PathLine {
                x: edge.x3
                y: edge.y3
            }
        }
    }

    Rectangle {
        id: labelBox

        visible: edge.label !== ""
        x: edge.labelX - width / 2
        y: edge.labelY - height / 2
        width: labelText.implicitWidth + 14
        height: labelText.implicitHeight + 6
        radius: height / 2
        color: Theme.labelBg
        border.color: edge.stroke
        border.width: edge.selected ? 2 : 1

        Text {
            id: labelText

            anchors.centerIn: parent
            text: edge.label
            font.pixelSize: Theme.fontSmall
            color: edge.invalid ? Theme.error : Theme.text
        }

        MouseArea {
            anchors.fill: parent
            hoverEnabled: true
            cursorShape: Qt.PointingHandCursor
            onClicked: mouse => edge.doc.select(edge.key, (mouse.modifiers
                                                           & (Qt.ShiftModifier
                                                              | Qt.ControlModifier))
                                                          ? "toggle" : "replace")
            ToolTip.visible: containsMouse && edge.problem !== ""
            ToolTip.delay: 400
            ToolTip.text: edge.problem
        }
    }
}
