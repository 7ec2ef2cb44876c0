import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import LadderStudio

// One edge: a cubic bezier with an arrow head (geometry from C++). Fallback-on-failure edges
// are dashed. The condition label is drawn by EdgeLabel, above the nodes.
Item {
    id: edge

    required property string key
    required property string kind
    required property real x0
    required property real y0
    required property real c1x
    required property real c1y
    required property real c2x
    required property real c2y
    required property real x3
    required property real y3
    required property real arrowLx
    required property real arrowLy
    required property real arrowRx
    required property real arrowRy
    required property bool dashed
    required property bool selected
    required property bool invalid
    // false when zoomed far out: thin curves without antialiasing, cheaper to rasterise
    property bool detailed: true
    readonly property color stroke: edge.invalid ? Theme.error
                                                 : (edge.selected ? Theme.selection
                                                                  : Theme.edgeColor(edge.kind))

    objectName: "edge:" + key

    Shape {
        antialiasing: edge.detailed

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
}
