import QtQuick
import LadderStudio.Common

// The start pill (first turn goes to the entry tier) and the "any tier" anchor of `from: "*"`.
Rectangle {
    id: body

    property string title
    property bool isAny: false

    radius: height / 2
    color: isAny ? Theme.panelAlt : Theme.accent
    border.color: isAny ? Theme.border : Theme.accent

    Text {
        anchors.centerIn: parent
        text: (body.isAny ? "✱  " : "▶  ") + body.title
        font.pixelSize: Theme.fontNormal
        font.weight: Font.DemiBold
        color: body.isAny ? Theme.text : Theme.accentText
    }
}
