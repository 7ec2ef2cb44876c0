import QtQuick
import QtQuick.Controls
import LadderStudio

// A small rounded tag: tier role, "entry", detector signal.
Label {
    id: chip

    property color tint: Theme.textMuted

    leftPadding: 6
    rightPadding: 6
    topPadding: 1
    bottomPadding: 1
    font.pixelSize: Theme.fontSmall - 1
    font.weight: Font.DemiBold
    color: Theme.dark ? Qt.lighter(tint, 1.4) : Qt.darker(tint, 1.25)
    background: Rectangle {
        radius: height / 2
        color: Qt.rgba(chip.tint.r, chip.tint.g, chip.tint.b, 0.16)
        border.color: Qt.rgba(chip.tint.r, chip.tint.g, chip.tint.b, 0.5)
    }
}
