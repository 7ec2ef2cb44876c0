import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Body of the memory node: handoff memory and history policy.
Rectangle {
    id: body

    property string title
    property string subtitle
    property string detail

    radius: Theme.radius
    color: Theme.nodeBody
    border.color: Theme.edgeReturn
    border.width: 1

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 10

        Rectangle {
            Layout.alignment: Qt.AlignTop
            width: 28
            height: 28
            radius: 14
            color: Qt.rgba(Theme.edgeReturn.r, Theme.edgeReturn.g, Theme.edgeReturn.b, 0.16)

            Label {
                anchors.centerIn: parent
                text: "≡"
                color: Theme.edgeReturn
                font.pixelSize: 16
                font.weight: Font.Bold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: body.title
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: body.subtitle
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: body.detail
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                color: Theme.textMuted
            }
        }
    }
}
