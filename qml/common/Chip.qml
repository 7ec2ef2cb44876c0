import QtQuick
import LadderStudio.Common

// A small rounded tag: tier role, "entry", detector signal. A plain Rectangle and Text, not a
// Control: the canvas makes many of them while a pan brings nodes into view.
Rectangle {
    id: chip

    property color tint: Theme.textMuted
    property string text

    implicitWidth: label.implicitWidth + 12
    implicitHeight: label.implicitHeight + 2
    radius: height / 2
    color: Qt.rgba(tint.r, tint.g, tint.b, 0.16)
    border.color: Qt.rgba(tint.r, tint.g, tint.b, 0.5)

    Text {
        id: label

        anchors.centerIn: parent
        text: Texts.nonEmpty(chip.text)
        font.pixelSize: Theme.fontSmall - 1
        font.weight: Font.DemiBold
        color: Theme.dark ? Qt.lighter(chip.tint, 1.4) : Qt.darker(chip.tint, 1.25)
    }
}
