pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtCharts
import LadderStudio.Common
import LadderStudio.Evaluate

// Cost against quality for every run: the ladders, the sweep (a line), the always:TIER
// baselines and the recorded routers as labelled points, and the Pareto front drawn.
// Clicking a point asks to open that ladder variant.
ChartView {
    id: chart

    required property EvaluateModel model

    signal pointClicked(int run)

    function kindColor(kind: string): color {
        switch (kind) {
        case "baseline":
            return Theme.textMuted;
        case "router":
            return Theme.warning;
        case "sweep":
            return Theme.edgeReturn;
        default:
            return Theme.accent;
        }
    }

    function rebuild() {
        removeAllSeries();
        const points = chart.model.points;
        let maxCost = 0;
        let minQ = 1e9;
        let maxQ = -1e9;
        for (const p of points) {
            maxCost = Math.max(maxCost, p.cost);
            minQ = Math.min(minQ, p.quality);
            maxQ = Math.max(maxQ, p.quality);
        }
        axisX.min = 0;
        axisX.max = maxCost > 0 ? maxCost * 1.12 : 1;
        const pad = Math.max(0.05, (maxQ - minQ) * 0.12);
        axisY.min = points.length > 0 ? minQ - pad : 0;
        axisY.max = points.length > 0 ? maxQ + pad : 10;

        const front = createSeries(ChartView.SeriesTypeLine, qsTr("Pareto front"), axisX,
                                   axisY) as LineSeries;
        front.color = Theme.error;
        front.width = 2;
        for (const f of chart.model.front)
            front.append(f.cost, f.quality);

        if (chart.model.sweepCurve.length > 0) {
            const curve = createSeries(ChartView.SeriesTypeLine, qsTr("Sweep"), axisX,
                                       axisY) as LineSeries;
            curve.color = Theme.edgeReturn;
            curve.style = Qt.DashLine;
            for (const c of chart.model.sweepCurve)
                curve.append(c.cost, c.quality);
        }
        for (const p of points) {
            const labelled = p.kind !== "sweep";
            const s = createSeries(ChartView.SeriesTypeScatter, p.name, axisX,
                                   axisY) as ScatterSeries;
            s.color = chart.kindColor(p.kind);
            s.borderColor = p.pareto ? Theme.error : s.color;
            s.markerSize = p.kind === "sweep" ? 8 : 12;
            s.markerShape = p.kind === "router" ? ScatterSeries.MarkerShapeRectangle
                                                : ScatterSeries.MarkerShapeCircle;
            s.pointLabelsVisible = labelled;
            s.pointLabelsFormat = p.name;
            s.pointLabelsColor = Theme.text;
            s.pointLabelsClipping = false;
            s.append(p.cost, p.quality);
            const run = p.run;
            s.clicked.connect(() => chart.pointClicked(run));
            s.hovered.connect((point, state) => {
                tip.text = qsTr("%1 · $%2 · %3").arg(p.name).arg(point.x.toFixed(4))
                           .arg(point.y.toFixed(2));
                tip.visible = state;
            });
        }
    }

    title: qsTr("Cost against quality")
    antialiasing: true
    legend.visible: false
    theme: Theme.dark ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
    backgroundColor: Theme.panel

    Connections {
        target: chart.model
        function onResultsChanged() {
            chart.rebuild();
        }
    }

    ValuesAxis {
        id: axisX

        min: 0
        max: 1
        labelFormat: "$%.2f"
        titleText: qsTr("Total cost (USD, list prices, estimated tokens)")
    }
    ValuesAxis {
        id: axisY

        min: 0
        max: 10
        labelFormat: "%.2f"
        titleText: chart.model.qualityLabel
    }

    ToolTip {
        id: tip

        x: 12
        y: 12
    }
}
