pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Evaluate

// The cases of the selected run, beside the always-strong baseline's score; filtered to
// failures or to differences from that baseline.
Panel {
    id: table

    required property EvaluateModel model

    signal casePicked(int index)

    clip: true

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2

        RowLayout {
            Layout.fillWidth: true

            Label {
                text: qsTr("Cases")
                font.bold: true
                color: Theme.text
            }
            Item {
                Layout.fillWidth: true
            }
            ComboBox {
                model: [qsTr("All"), qsTr("Failures only"), qsTr("Differences only")]
                currentIndex: table.model.caseFilter === "failures" ? 1
                              : table.model.caseFilter === "differences" ? 2 : 0
                onActivated: index => table.model.caseFilter = ["all", "failures", "differences"][index]
            }
        }
        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.model.cases

            delegate: Rectangle {
                id: caseRow

                required property var modelData
                required property int index

                width: ListView.view.width
                height: 22
                color: list.currentIndex === index ? Theme.panelAlt : "transparent"

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 4
                    spacing: 6

                    Label {
                        Layout.preferredWidth: 60
                        text: caseRow.modelData.id
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                    Label {
                        Layout.preferredWidth: 70
                        text: caseRow.modelData.task
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.preferredWidth: 60
                        text: caseRow.modelData.quality + " / " + caseRow.modelData.strongQuality
                        font.pixelSize: Theme.fontSmall
                        color: caseRow.modelData.pass ? Theme.text : Theme.error
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (caseRow.modelData.approximation ? "≈ " : "") + caseRow.modelData.models
                              + " · " + caseRow.modelData.question
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        list.currentIndex = caseRow.index;
                        table.casePicked(caseRow.modelData.index);
                    }
                }
            }
        }
        Label {
            text: qsTr("score / always-strong · ≈ approximation (model switched mid-conversation)")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
