pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import QtCharts
import LadderStudio.Common
import LadderStudio.Chat
import LadderStudio.Compare

// Charts of the open chat or comparison, updated as turns finish: cumulative cost per ladder,
// latency distribution (TTFT and total), tokens by tier, escalations and fallbacks.
Rectangle {
    id: view

    // "chat" or "compare"; a scripted compare run shows the comparison.
    property string source: Startup.initialView === "compare" ? "compare" : "chat"
    // The studio's workspace (its chat session) and comparison (shell's Studio).
    required property ChatWorkspace workspace
    required property CompareModel compare
    readonly property ChatSessionModel chat: view.workspace.chat
    property var stats: []

    // The four charts were written to `path` as one PNG (ok false: they could not be).
    signal chartsSaved(string path, bool ok)

    function saveCharts(path: string) {
        const grabbed = grid.grabToImage(result => view.chartsSaved(path, result.saveToFile(path)));
        if (!grabbed)
            view.chartsSaved(path, false);
    }

    function refresh() {
        const list = [];
        if (view.source === "compare") {
            const cols = view.compare.columns;
            for (let i = 0; i < cols.length; ++i)
                list.push(cols[i].stats());
        } else if (view.chat.hasLadder) {
            list.push(view.chat.stats());
        }
        view.stats = list;
        costChart.rebuild();
        latencyChart.rebuild();
        tokenChart.rebuild();
        eventChart.rebuild();
    }

    color: Theme.window
    onSourceChanged: refresh()
    Component.onCompleted: refreshTimer.start()

    Connections {
        target: view.chat
        function onStatsChanged() {
            if (view.source === "chat")
                refreshTimer.restart();
        }
        function onLadderChanged() {
            if (view.source === "chat")
                refreshTimer.restart();
        }
    }
    Connections {
        target: view.compare
        function onStatsChanged() {
            if (view.source === "compare")
                refreshTimer.restart();
        }
        function onColumnsChanged() {
            if (view.source === "compare")
                refreshTimer.restart();
        }
    }
    Connections {
        target: view.workspace
        function onScriptFinished() {
            if (view.compare.count > 0 && view.chat.turnCount === 0)
                view.source = "compare";
            view.refresh();
        }
    }
    Timer {
        id: refreshTimer

        interval: 50
        onTriggered: view.refresh()
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
                text: view.stats.length === 0 ? qsTr("Nothing to chart yet.")
                                              : view.stats.map(s => s.name).join(" · ")
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
                    let maxTurn = 1;
                    let maxCost = 0;
                    for (const s of view.stats) {
                        const line = createSeries(ChartView.SeriesTypeLine, s.costLegend, costX,
                                                  costY) as LineSeries;
                        line.pointsVisible = true;
                        line.append(0, 0);
                        for (let i = 0; i < s.turnNumbers.length; ++i) {
                            line.append(i + 1, s.cumulativeCost[i]);
                            maxCost = Math.max(maxCost, s.cumulativeCost[i]);
                        }
                        maxTurn = Math.max(maxTurn, s.turnNumbers.length);
                        line.hovered.connect((point, state) => tip.showAt(
                            state, qsTr("%1 · turn %2 · %3").arg(line.name).arg(point.x)
                                       .arg(s.cumulativeCostLabel[Math.round(point.x) - 1]
                                            ?? Formatter.costLabel(0, false))));
                    }
                    costX.max = maxTurn;
                    costY.max = maxCost > 0 ? maxCost * 1.1 : 0.001;
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
                    const names = [];
                    let max = 0;
                    for (const s of view.stats) {
                        names.push(s.name);
                        const a = s.ttftBox.length === 5 ? s.ttftBox : [0, 0, 0, 0, 0];
                        const b = s.latencyBox.length === 5 ? s.latencyBox : [0, 0, 0, 0, 0];
                        ttft.append(s.name, a);
                        total.append(s.name, b);
                        max = Math.max(max, b[4], a[4]);
                    }
                    latencyX.categories = names;
                    latencyY.max = max > 0 ? max * 1.1 : 1000;
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
                    const names = view.stats.map(s => s.name);
                    // one bar set per tier label (tiers of different ladders share a set by label)
                    // (Maps, not indexOf / find per tier: linear in the tier count.)
                    const labels = [];
                    const colors = {};
                    const tokensOf = view.stats.map(() => new Map());
                    view.stats.forEach((s, i) => {
                        for (const t of s.tiers) {
                            if (!tokensOf.some(m => m.has(t.label))) {
                                labels.push(t.label);
                                colors[t.label] = t.color;
                            }
                            if (!tokensOf[i].has(t.label))
                                tokensOf[i].set(t.label, t.input + t.output);
                        }
                    });
                    let max = 0;
                    const sums = names.map(() => 0);
                    const rows = labels.map(label => ({
                        "label": label,
                        "values": tokensOf.map(m => m.get(label) ?? 0)
                    }));
                    // Each bar set costs a legend marker and a legend rebuild: a big ladder's
                    // tiers beyond the 11 with most tokens share one "other tiers" set.
                    const kMaxSets = 12;
                    if (rows.length > kMaxSets) {
                        const total = r => r.values.reduce((a, b) => a + b, 0);
                        const ranked = rows.map((r, i) => ({"row": r, "i": i, "sum": total(r)}))
                            .sort((a, b) => b.sum - a.sum || a.i - b.i);
                        const kept = ranked.slice(0, kMaxSets - 1).sort((a, b) => a.i - b.i)
                            .map(x => x.row);
                        const other = {
                            "label": qsTr("%1 other tiers").arg(rows.length - kept.length),
                            "values": names.map(() => 0)
                        };
                        for (const x of ranked.slice(kMaxSets - 1))
                            x.row.values.forEach((v, i) => other.values[i] += v);
                        colors[other.label] = Theme.textMuted;
                        rows.splice(0, rows.length, ...kept, other);
                    }
                    for (const row of rows) {
                        row.values.forEach((v, i) => sums[i] += v);
                        const set = stacked.append(row.label, row.values);
                        set.color = colors[row.label];
                    }
                    for (const v of sums)
                        max = Math.max(max, v);
                    tokenX.categories = names;
                    tokenY.max = max > 0 ? max * 1.1 : 100;
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

                function rebuild() {
                    removeAllSeries();
                    const bars = createSeries(ChartView.SeriesTypeBar, qsTr("Events"), eventX,
                                              eventY) as BarSeries;
                    const names = view.stats.map(s => s.name);
                    const esc = bars.append(qsTr("Escalations"), view.stats.map(s => s.escalations));
                    esc.color = Theme.edgePost;
                    const fb = bars.append(qsTr("Fallbacks"), view.stats.map(s => s.fallbacks));
                    fb.color = Theme.edgeFailure;
                    const rt = bars.append(qsTr("Retries"), view.stats.map(s => s.retries));
                    rt.color = Theme.warning;
                    const failed = bars.append(qsTr("Failed turns"), view.stats.map(s => s.failed));
                    failed.color = Theme.textMuted;
                    let max = 1;
                    for (const s of view.stats)
                        max = Math.max(max, s.escalations, s.fallbacks, s.retries, s.failed);
                    eventX.categories = names;
                    eventY.max = max + 1;
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
