pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import QtCharts
import LadderStudio.Common
import LadderStudio.Chat
import LadderStudio.Compare
import LadderStudio.Insights

// Charts of the open chat or comparison, updated as turns finish: cumulative cost per ladder,
// latency distribution (TTFT and total), tokens by tier, escalations and fallbacks.
Rectangle {
    id: view

    // The studio's workspace (its chat session) and comparison (shell's Studio).
    required property ChatWorkspace workspace
    required property CompareModel compare
    // "chat" or "compare"; a scripted compare run shows the comparison.
    property alias source: insights.source

    // The four charts were written to `path` as one PNG (ok false: they could not be).
    signal chartsSaved(string path, bool ok)

    function saveCharts(path: string) {
        const grabbed = grid.grabToImage(result => view.chartsSaved(path, result.saveToFile(path)));
        if (!grabbed)
            view.chartsSaved(path, false);
    }
    function refresh() {
        insights.refresh();
    }

    color: Theme.window
    Component.onCompleted: insights.refreshSoon()

    // What the charts show, computed in C++; the charts below only draw it.
    InsightsModel {
        id: insights

        source: Startup.initialView === "compare" ? "compare" : "chat"
        chat: view.workspace.chat
        compare: view.compare
        onChanged: {
            costChart.rebuild();
            latencyChart.rebuild();
            tokenChart.rebuild();
            eventChart.rebuild();
        }
    }
    Connections {
        target: view.workspace
        function onUnattendedChanged() {
            if (!view.workspace.unattended)
                insights.showWhatRan();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ViewHeader {
            title: qsTr("Insights")

            ComboBox {
                objectName: "sourcePick"
                implicitWidth: 200
                model: [qsTr("Chat session"), qsTr("Comparison")]
                currentIndex: view.source === "compare" ? 1 : 0
                onActivated: index => view.source = index === 1 ? "compare" : "chat"
            }
            Label {
                Layout.fillWidth: true
                text: insights.count === 0 ? qsTr("Nothing to chart yet.") : insights.summary
                elide: Text.ElideRight
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            Button {
                text: qsTr("Save as PNG…")
                onClicked: pngDialog.open()
            }
        }

        GridLayout {
            id: grid

            objectName: "chartGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 8
            columns: 2
            rowSpacing: 8
            columnSpacing: 8

            ChartView {
                id: costChart

                objectName: "costChart"

                function rebuild() {
                    removeAllSeries();
                    for (const l of insights.costLines) {
                        const line = createSeries(ChartView.SeriesTypeLine, l.legend, costX,
                                                  costY) as LineSeries;
                        line.pointsVisible = true;
                        line.append(0, 0);
                        for (let i = 0; i < l.cumulative.length; ++i)
                            line.append(i + 1, l.cumulative[i]);
                        line.hovered.connect((point, state) => tip.showAt(
                            state, qsTr("%1 · turn %2 · %3").arg(line.name).arg(point.x)
                                       .arg(l.labels[Math.round(point.x)])));
                    }
                    costX.max = insights.costTurns;
                    costY.max = insights.costAxisMax;
                    costY.applyNiceNumbers();
                }

                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Cumulative cost per turn")
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                theme: Theme.dark ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                backgroundColor: Theme.panel

                // ValuesAxis: QValueAxis under its older name. Qt 6.4's QtCharts qmltypes list the
                // class twice and qmllint resolves only this name; the charts behave the same.
                ValuesAxis {
                    id: costX

                    min: 0
                    max: 1
                    tickType: ValuesAxis.TicksDynamic
                    tickInterval: 1
                    labelFormat: "%d"
                    titleText: qsTr("Turn")
                }
                ValuesAxis {
                    id: costY

                    min: 0
                    max: 0.001
                    labelFormat: "$%.4f"
                    titleText: qsTr("Cost (USD)")
                }
            }

            ChartView {
                id: latencyChart

                objectName: "latencyChart"

                function rebuild() {
                    removeAllSeries();
                    const ttft = createSeries(ChartView.SeriesTypeBoxPlot, qsTr("TTFT (ms)"),
                                             latencyX, latencyY) as BoxPlotSeries;
                    const total = createSeries(ChartView.SeriesTypeBoxPlot,
                                              qsTr("Total latency (ms)"), latencyX,
                                              latencyY) as BoxPlotSeries;
                    for (const box of insights.latencyBoxes) {
                        ttft.append(box.name, box.ttft);
                        total.append(box.name, box.total);
                    }
                    latencyX.categories = insights.names;
                    latencyY.max = insights.latencyAxisMax;
                    latencyY.applyNiceNumbers();
                    ttft.hovered.connect((status, set) => tip.showAt(
                        status, qsTr("TTFT median %1 ms").arg(Math.round(set.at(2)))));
                    total.hovered.connect((status, set) => tip.showAt(
                        status, qsTr("Latency median %1 ms").arg(Math.round(set.at(2)))));
                }

                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Latency distribution")
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                theme: Theme.dark ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                backgroundColor: Theme.panel

                BarCategoryAxis {
                    id: latencyX
                }
                ValuesAxis {
                    id: latencyY

                    min: 0
                    max: 1000
                    labelFormat: "%d"
                    titleText: qsTr("Milliseconds")
                }
            }

            ChartView {
                id: tokenChart

                objectName: "tokenChart"

                function rebuild() {
                    removeAllSeries();
                    const stacked = createSeries(ChartView.SeriesTypeStackedBar, qsTr("Tokens"),
                                                 tokenX, tokenY) as StackedBarSeries;
                    for (const row of insights.tokenSets) {
                        const set = stacked.append(row.label, row.values);
                        set.color = row.other ? Theme.textMuted : row.color;
                    }
                    tokenX.categories = insights.names;
                    tokenY.max = insights.tokenAxisMax;
                    tokenY.applyNiceNumbers();
                    stacked.hovered.connect((status, index, set) => tip.showAt(
                        status, qsTr("%1: %2 tokens").arg(set.label).arg(set.at(index))));
                }

                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Tokens by tier (input + output)")
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                theme: Theme.dark ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                backgroundColor: Theme.panel

                BarCategoryAxis {
                    id: tokenX
                }
                ValuesAxis {
                    id: tokenY

                    min: 0
                    max: 100
                    labelFormat: "%d"
                    titleText: qsTr("Tokens")
                }
            }

            ChartView {
                id: eventChart

                objectName: "eventChart"

                // The model's counts of one kind, per ladder.
                function countsOf(kind) {
                    return insights.events[kind];
                }
                function rebuild() {
                    removeAllSeries();
                    const bars = createSeries(ChartView.SeriesTypeBar, qsTr("Events"), eventX,
                                              eventY) as BarSeries;
                    const esc = bars.append(qsTr("Escalations"), countsOf("escalations"));
                    esc.color = Theme.edgePost;
                    const fb = bars.append(qsTr("Fallbacks"), countsOf("fallbacks"));
                    fb.color = Theme.edgeFailure;
                    const rt = bars.append(qsTr("Retries"), countsOf("retries"));
                    rt.color = Theme.warning;
                    const failed = bars.append(qsTr("Failed turns"), countsOf("failed"));
                    failed.color = Theme.textMuted;
                    eventX.categories = insights.names;
                    eventY.max = insights.eventAxisMax;
                    bars.hovered.connect((status, index, set) => tip.showAt(
                        status, qsTr("%1: %2").arg(set.label).arg(set.at(index))));
                }

                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Escalations and fallbacks")
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                theme: Theme.dark ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                backgroundColor: Theme.panel

                BarCategoryAxis {
                    id: eventX
                }
                ValuesAxis {
                    id: eventY

                    min: 0
                    max: 2
                    tickType: ValuesAxis.TicksDynamic
                    tickInterval: 1
                    labelFormat: "%d"
                    titleText: qsTr("Count")
                }
            }
        }
    }

    ToolTip {
        id: tip

        function showAt(state: bool, text: string) {
            if (state) {
                tip.text = text;
                tip.x = mouse.mouseX + 12;
                tip.y = mouse.mouseY + 12;
                tip.open();
            } else {
                tip.close();
            }
        }
    }
    MouseArea {
        id: mouse

        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.NoButton
    }

    FileDialog {
        id: pngDialog

        title: qsTr("Save Charts as PNG")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "png"
        nameFilters: [qsTr("PNG images (*.png)")]
        onAccepted: view.saveCharts(Files.toLocalFile(String(selectedFile)))
    }
}
