pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Evaluate

// The results table: one row per run; clicking a row picks the run whose cases are listed.
Panel {
    id: table

    required property EvaluateModel model

    readonly property var widths: [150, 48, 74, 52, 48, 76, 36]

    clip: true

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2

        Row {
            spacing: 4

            Repeater {
                model: [qsTr("Run"), qsTr("Quality"), qsTr("Cost"), qsTr("Strong"),
                    qsTr("Escal."), qsTr("p50/p95 ms"), qsTr("≈")]

                Label {
                    required property string modelData
                    required property int index

                    width: table.widths[index]
                    text: modelData
                    font.bold: true
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.model.runs

            delegate: Rectangle {
                id: row

                required property int index
                required property string name
                required property string kind
                required property string quality
                required property string cost
                required property string strongShare
                required property string escalation
                required property string latency
                required property int approximate
                required property bool pareto

                width: ListView.view.width
                height: 22
                color: table.model.selectedRun === index ? Theme.selection
                       : index % 2 ? Theme.panelAlt : Theme.panel
                opacity: table.model.selectedRun === index ? 0.85 : 1

                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 4

                    Repeater {
                        model: [(row.pareto ? "◆ " : "") + row.name, row.quality, row.cost,
                            row.strongShare, row.escalation, row.latency, String(row.approximate)]

                        Label {
                            required property string modelData
                            required property int index

                            width: table.widths[index]
                            text: modelData
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            font.italic: row.kind === "baseline" || row.kind === "router"
                            color: table.model.selectedRun === row.index ? Theme.accentText
                                                                          : Theme.text
                        }
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: table.model.selectedRun = row.index
                }
            }
        }
        Label {
            text: qsTr("◆ Pareto front · italic: baselines, recorded routers (cost ≤: upper bound)")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
