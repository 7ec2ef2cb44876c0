import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// One export target in the Export area's list: its name and what the file holds.
ItemDelegate {
    id: target

    property string title
    property string description
    property bool selected

    implicitHeight: contentItem.implicitHeight + 20
    highlighted: target.selected

    background: Rectangle {
        radius: Theme.radius
        color: target.selected ? Theme.panel : (target.hovered ? Theme.panelAlt : "transparent")
        border.color: target.selected ? Theme.accent : "transparent"
        border.width: target.selected ? 2 : 0
    }
    contentItem: ColumnLayout {
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: target.title
            font.pixelSize: Theme.fontNormal + 1
            font.weight: Font.DemiBold
            color: target.selected ? Theme.accent : Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: target.description
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
