import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// A dismissable message strip above the views: load and save errors, recovery notices.
Rectangle {
    id: banner

    property string message: ""

    function show(text: string) {
        banner.message = text;
    }

    visible: message !== ""
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: Theme.dark ? "#4a2523" : "#fde8e6"
    border.color: Theme.error

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: 8
        spacing: 10

        Label {
            text: "⚠"
            color: Theme.error
            font.pixelSize: 16
        }
        Label {
            Layout.fillWidth: true
            text: banner.message
            wrapMode: Text.WordWrap
            color: Theme.text
        }
        ToolButton {
            text: "✕"
            Accessible.name: qsTr("Dismiss")
            onClicked: banner.message = ""
        }
    }
}
