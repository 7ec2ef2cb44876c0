import QtQuick
import QtQuick.Controls
import LadderStudio.Common
import LadderStudio

AbstractButton {
    id: button

    property string name
    property string glyph
    property string label
    property bool active: false

    implicitWidth: 78
    implicitHeight: 58
    Accessible.name: label
    ToolTip.visible: hovered
    ToolTip.delay: 800
    ToolTip.text: label

    background: Rectangle {
        radius: Theme.radius
        color: button.active ? Theme.railActive
                             : (button.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.12) : "transparent")
        border.color: button.active ? Theme.border : "transparent"

        Rectangle {
            visible: button.active
            width: 3
            height: parent.height - 16
            radius: 1.5
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.accent
        }
    }

    contentItem: Column {
        spacing: 2
        topPadding: 6

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: button.glyph
            font.pixelSize: 20
            color: button.active ? Theme.accent : Theme.textMuted
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            width: button.width - 4
            horizontalAlignment: Text.AlignHCenter
            // Long words (German "Einstellungen") shrink a little rather than lose letters.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall - 2
            elide: Text.ElideRight
            text: button.label
            font.pixelSize: Theme.fontSmall
            font.weight: button.active ? Font.DemiBold : Font.Normal
            color: button.active ? Theme.text : Theme.textMuted
        }
    }
}
