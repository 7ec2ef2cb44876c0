pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio

// The left tab rail: one button per area of the studio.
Rectangle {
    id: rail

    property string current: "design"

    signal activated(string name)

    implicitWidth: 86
    color: Theme.rail

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 10
        anchors.bottomMargin: 10
        spacing: 4

        Repeater {
            model: [
                { name: "design", glyph: "◇", text: qsTr("Design") },
                { name: "chat", glyph: "❝", text: qsTr("Chat") },
                { name: "compare", glyph: "⇆", text: qsTr("Compare") },
                { name: "insights", glyph: "▤", text: qsTr("Insights") },
                { name: "audit", glyph: "☰", text: qsTr("Audit") },
                { name: "evaluate", glyph: "◎", text: qsTr("Evaluate") },
                { name: "export", glyph: "⇪", text: qsTr("Export") }
            ]

            RailButton {
                required property var modelData

                Layout.alignment: Qt.AlignHCenter
                name: modelData.name
                glyph: modelData.glyph
                label: modelData.text
                active: rail.current === modelData.name
                onClicked: rail.activated(modelData.name)
            }
        }

        Item {
            Layout.fillHeight: true
        }

        RailButton {
            Layout.alignment: Qt.AlignHCenter
            name: "settings"
            glyph: "⚙"
            label: qsTr("Settings")
            active: rail.current === "settings"
            onClicked: rail.activated("settings")
        }
    }
}
