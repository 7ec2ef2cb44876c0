pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// One case side by side: the user's turns and the golden expectation, then the selected run's
// answers beside the baselines', each with its score.
Panel {
    id: panel

    property var detail: ({})

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        Label {
            Layout.fillWidth: true
            text: panel.detail.id !== undefined
                  ? qsTr("Case %1 · %2").arg(panel.detail.id).arg(panel.detail.task)
                  : qsTr("Pick a case in the table to see it side by side")
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            visible: panel.detail.expectation !== undefined
            text: qsTr("Expected: %1").arg(panel.detail.expectation ?? "")
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            RowLayout {
                spacing: 8

                Repeater {
                    model: panel.detail.columns ?? []

                    ColumnLayout {
                        id: column

                        required property var modelData

                        Layout.preferredWidth: 300
                        Layout.alignment: Qt.AlignTop
                        spacing: 4

                        Label {
                            text: column.modelData.name
                            font.bold: true
                            color: Theme.accent
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Repeater {
                            model: column.modelData.turns

                            Rectangle {
                                id: turnBox

                                required property var modelData
                                required property int index

                                Layout.fillWidth: true
                                implicitHeight: turnText.implicitHeight + 36
                                color: Theme.panelAlt
                                radius: Theme.radius

                                Label {
                                    id: turnHead

                                    x: 6
                                    y: 4
                                    width: parent.width - 12
                                    text: qsTr("Turn %1 · %2 · score %3%4")
                                          .arg(turnBox.index + 1)
                                          .arg(turnBox.modelData.model)
                                          .arg(turnBox.modelData.score)
                                          .arg(turnBox.modelData.approximation
                                               ? qsTr(" · approximation") : "")
                                    font.pixelSize: Theme.fontSmall
                                    color: turnBox.modelData.approximation ? Theme.warning
                                                                           : Theme.textMuted
                                    elide: Text.ElideRight
                                }
                                Label {
                                    id: turnText

                                    x: 6
                                    anchors.top: turnHead.bottom
                                    anchors.topMargin: 4
                                    width: parent.width - 12
                                    text: turnBox.modelData.answer.length > 1200
                                          ? turnBox.modelData.answer.slice(0, 1200) + "…"
                                          : turnBox.modelData.answer
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
