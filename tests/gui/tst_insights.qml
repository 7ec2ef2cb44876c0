import QtQuick
import QtTest
import LadderStudio
import LadderStudioTest

// The Insights charts after a comparison of two ladders on the simulated provider: a series (or a
// bar / box per category) for each ladder, values that match the columns' totals, and the charts
// saved as a PNG.
Item {
    id: root

    width: 1300
    height: 860

    InsightsView {
        id: insights

        anchors.fill: parent
        workspace: Studio
        compare: Studio.compare
    }

    SignalSpy {
        id: saved

        target: insights
        signalName: "chartsSaved"
    }

    TestCase {
        id: test

        readonly property var turns: ["Plan a migration of billing to Python 3.",
            "What about the legal implications of card data in logs? High stakes.",
            "Write the first step as a shell script."]

        function chart(name) {
            const found = findChild(insights, name);
            verify(found, name);
            return found;
        }
        function runComparison() {
            const cmp = Studio.compare;
            cmp.clearColumns();
            cmp.blind = false;
            cmp.timeScale = 0;
            verify(cmp.addTemplate("framing"));
            verify(cmp.addTemplate("escalation-tool"));
            for (const t of test.turns)
                compare(cmp.send(t), 2);
            tryCompare(cmp, "busy", false, 30000);
            insights.source = "compare";
            insights.refresh();
        }

        name: "Insights"
        when: windowShown

        function initTestCase() {
            runComparison();
        }

        function test_costChartHasALinePerLadder() {
            const cost = chart("costChart");
            compare(cost.count, 2);
            for (let i = 0; i < 2; ++i) {
                const column = Studio.compare.column(i);
                const line = cost.series(i);
                compare(line.name, column.label);
                compare(line.count, test.turns.length + 1); // the origin and one point a turn
                compare(line.at(line.count - 1).x, test.turns.length);
                fuzzyCompare(line.at(line.count - 1).y, column.totals.cost, 1e-9);
            }
            compare(cost.axisX(cost.series(0)).titleText, "Turn");
            compare(cost.axisY(cost.series(0)).titleText, "Cost (USD)");
            verify(cost.legend.visible);
        }

        function test_latencyChartHasTtftAndTotalBoxesPerLadder() {
            const latency = chart("latencyChart");
            compare(latency.count, 2); // TTFT and total
            for (let s = 0; s < 2; ++s) {
                const series = latency.series(s);
                compare(series.count, 2); // one box per ladder
                for (let i = 0; i < 2; ++i) {
                    const box = series.at(i);
                    compare(box.label, Studio.compare.column(i).label);
                    verify(box.at(4) >= box.at(0), "max at least min");
                    verify(box.at(2) > 0, "a median latency");
                }
            }
            // total latency includes the time to the first token
            verify(latency.series(1).at(0).at(2) >= latency.series(0).at(0).at(2));
        }

        function test_tokenChartStacksTiersPerLadder() {
            const tokens = chart("tokenChart");
            compare(tokens.count, 1);
            const stacked = tokens.series(0);
            verify(stacked.count >= 2, "a bar set per tier");
            for (let i = 0; i < 2; ++i) {
                let sum = 0;
                for (let set = 0; set < stacked.count; ++set)
                    sum += stacked.at(set).at(i);
                compare(sum, Studio.compare.column(i).totals.tokens);
            }
        }

        // A 40-tier ladder (a chain, one tier a turn): one bar set per tier would cost a legend
        // rebuild each (quadratic; half of opening a 300-tier ladder). At most 12 sets, the
        // rest summed into one, the totals unchanged.
        function test_tokenChartOfABigLadderKeepsTwelveSets() {
            const tiers = [];
            const transitions = [];
            for (let i = 0; i < 40; ++i) {
                tiers.push({"id": "t" + i, "label": "Tier " + i, "role": "light",
                            "provider": "openai", "model": i % 2 ? "gpt-5-mini" : "gpt-5-nano"});
                if (i > 0)
                    transitions.push({"id": "s" + i, "from": "t" + (i - 1), "to": "t" + i,
                                      "when": {"type": "after_turns", "turns": 1}});
            }
            const doc = Qt.createQmlObject("import LadderStudio; LadderDocument {}", root);
            verify(doc.loadFromJson(JSON.stringify({"format": "ladder/1", "name": "Forty",
                                                    "entry": "t0", "tiers": tiers,
                                                    "transitions": transitions})),
                   doc.errorString);
            const cmp = Studio.compare;
            cmp.clearColumns();
            verify(cmp.addDocument(doc));
            for (let turn = 0; turn < 14; ++turn)
                compare(cmp.send("Turn " + turn), 1);
            tryCompare(cmp, "busy", false, 30000);
            insights.source = "compare";
            insights.refresh();
            const stacked = chart("tokenChart").series(0);
            compare(stacked.count, 12);
            let sum = 0;
            for (let set = 0; set < stacked.count; ++set)
                sum += stacked.at(set).at(0);
            compare(sum, Studio.compare.column(0).totals.tokens);
            compare(stacked.at(11).label, "29 other tiers"); // the 11 with most tokens kept
            doc.destroy();
            runComparison(); // the other tests' comparison
        }

        function test_eventChartCountsEscalationsAndFallbacks() {
            const events = chart("eventChart");
            compare(events.count, 1);
            const bars = events.series(0);
            compare(bars.count, 4);
            compare(bars.at(0).label, "Escalations");
            compare(bars.at(1).label, "Fallbacks");
            let escalations = 0;
            for (let i = 0; i < 2; ++i) {
                compare(bars.at(0).at(i), Studio.compare.column(i).totals.escalations);
                compare(bars.at(1).at(i), Studio.compare.column(i).totals.fallbacks);
                escalations += bars.at(0).at(i);
            }
            verify(escalations > 0, "the legal question escalates on the escalation-tool ladder");
        }

        function test_chartsSaveAsPng() {
            const path = TestFiles.path("charts.png");
            saved.clear();
            insights.saveCharts(path);
            saved.wait(10000);
            compare(saved.signalArguments[0][0], path);
            compare(saved.signalArguments[0][1], true);
            const info = TestFiles.imageInfo(path);
            compare(info.format, "png");
            const grid = findChild(insights, "chartGrid");
            compare(info.width, Math.round(grid.width));
            compare(info.height, Math.round(grid.height));
            verify(info.colours > 30, "the picture shows charts, not a flat colour");
        }

        function test_unwritablePathReportsFailure() {
            saved.clear();
            insights.saveCharts(TestFiles.path("no/such/dir/charts.png"));
            saved.wait(10000);
            compare(saved.signalArguments[0][1], false);
        }
    }
}
