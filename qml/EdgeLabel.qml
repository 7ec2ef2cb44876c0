import QtQuick
import QtQuick.Controls
import LadderStudio

// The condition label of a transition at its curve's midpoint; click to select the transition.
// Drawn in a layer above the nodes so labels stay readable where edges pass under nodes.
Rectangle {
    id: labelBox

    required property string key
    required property string kind
    required property string label
    required property real labelX
    required property real labelY
    required property bool selected
    required property bool invalid
    required property string problem
    property LadderDocument doc
    property bool detailed: true
    readonly property color stroke: labelBox.invalid ? Theme.error
                                                     : (labelBox.selected
                                                        ? Theme.selection
                                                        : Theme.edgeColor(labelBox.kind))

    objectName: "label:" + key
    visible: label !== "" && detailed
    x: labelX - width / 2
    y: labelY - height / 2
    width: labelText.implicitWidth + 14
    height: labelText.implicitHeight + 6
    radius: height / 2
    color: labelBox.selected ? Qt.rgba(Theme.selection.r, Theme.selection.g,
                                       Theme.selection.b, 0.12) : Theme.labelBg
    border.color: stroke
    border.width: selected ? 2 : 1

    Text {
        id: labelText

        anchors.centerIn: parent
        text: labelBox.label
        font.pixelSize: Theme.fontSmall
        color: labelBox.invalid ? Theme.error : Theme.text
    }

    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: mouse => labelBox.doc.select(labelBox.key,
                                                (mouse.modifiers & (Qt.ShiftModifier
                                                                    | Qt.ControlModifier))
                                                ? "toggle" : "replace")
        ToolTip.visible: containsMouse && labelBox.problem !== ""
        ToolTip.delay: 400
        ToolTip.text: labelBox.problem
    }
}
