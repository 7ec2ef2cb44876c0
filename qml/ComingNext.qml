import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Placeholder body for an area that a later issue fills.
Rectangle {
    id: placeholder

    property string heading
    property string summary
    property string glyph

    color: Theme.window

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 520)
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: placeholder.glyph
            font.pixelSize: 48
            color: Theme.textMuted
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: placeholder.heading
            font.pixelSize: 22
            font.weight: Font.DemiBold
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: placeholder.summary
            color: Theme.textMuted
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Coming next")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            color: Theme.accent
            padding: 6
            leftPadding: 12
            rightPadding: 12
            background: Rectangle {
                radius: height / 2
                color: "transparent"
                border.color: Theme.accent
            }
        }
    }
}
