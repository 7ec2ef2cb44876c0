import QtQuick
import QtQuick.Controls
import QtTest
import LadderStudio
import LadderStudioTest

// The Evaluate area: a run over a small golden set fills the frontier chart; Save chart as PNG
// writes a real image; clicking a point asks to open that ladder variant; the golden-set editor
// builds a set the run can use. Chat's "Save as golden case" dialog opens prefilled from a turn.
// With LADDER_TEST_SHOTS set, screenshots of each are left there.
Item {
    id: root

    width: 1440
    height: 900

    LadderDocument {
        id: ladderDoc
    }

    EvaluateView {
        id: view

        anchors.fill: parent
        doc: ladderDoc
        timeScale: Studio.timeScale
    }

    ChatSessionModel {
        id: chat

        timeScale: 0
    }

    GoldenCaseDialog {
        id: goldenDialog

        chat: chat
    }

    SignalSpy {
        id: openSpy

        target: view
        signalName: "openLadderRequested"
    }
    SignalSpy {
        id: savedSpy

        target: view
        signalName: "chartSaved"
    }
    SignalSpy {
        id: idleSpy

        target: chat
        signalName: "idle"
    }

    TestCase {
        id: test

        readonly property string set: '{"id": "sum", "task": "math", "turns": ["Calculate 12 + 30."], "answers": {"gpt-4-1106-preview": ["12 + 30 = 42"], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["It is 41"]}, "expect": {"scorer": "last_number", "value": "42"}}\n'
            + '{"id": "poem", "task": "writing", "turns": ["Write one line about the sea."], "answers": {"gpt-4-1106-preview": ["The sea keeps every secret."], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["Blue and wide."]}, "expect": {"scorer": "contains", "value": "sea"}}\n'

        function evaluation() {
            return findChild(view, "evaluateModel");
        }
        function shot(item, name) {
            if (TestFiles.shotDir() !== "")
                grabImage(item).save(TestFiles.shotDir() + "/" + name);
        }
        function runSmallSet() {
            const model = evaluation();
            const path = TestFiles.path("golden.jsonl");
            if (model.points.length > 0 && model.datasetPath === path)
                return model;
            verify(TestFiles.writeText(path, test.set));
            model.datasetPath = path;
            compare(model.error, "");
            model.sweepSpec = "long.min_chars=0:40:20";
            model.run();
            tryVerify(() => !model.running && model.points.length > 0, 30000);
            return model;
        }

        name: "Evaluate"
        when: windowShown

        function test_saveChartAsPng() {
            runSmallSet();
            findChild(view, "evaluatePages").currentIndex = 0;
            waitForRendering(view);
            shot(view, "evaluate-results.png");
            const path = TestFiles.path("frontier.png");
            savedSpy.clear();
            view.saveChart(path);
            savedSpy.wait(5000);
            compare(savedSpy.signalArguments[0][0], path);
            verify(savedSpy.signalArguments[0][1]);
            const info = TestFiles.imageInfo(path);
            compare(info.format, "png");
            const chart = findChild(view, "frontierChart");
            compare(info.width, Math.round(chart.width));
            // A drawn chart, not an empty frame: axes, labels, points, the front.
            verify(info.colours > 20, "colours: " + info.colours);
        }

        function test_clickingAPointOpensTheVariant() {
            const model = runSmallSet();
            findChild(view, "evaluatePages").currentIndex = 0;
            const chart = findChild(view, "frontierChart");
            waitForRendering(chart);
            const point = model.points.find(p => p.kind === "ladder");
            verify(point !== undefined);
            const series = chart.series(point.name);
            verify(series !== null);
            const at = chart.mapToPosition(Qt.point(point.cost, point.quality), series);
            openSpy.clear();
            mouseClick(chart, at.x, at.y);
            compare(openSpy.count, 1);
            const path = openSpy.signalArguments[0][0];
            verify(path.endsWith(".json"), path);
            verify(TestFiles.readLines(path).join("\n").indexOf("\"tiers\"") >= 0);
        }

        function test_goldenSetEditorBuildsARunnableSet() {
            runSmallSet(); // writes golden.jsonl
            const pages = findChild(view, "evaluatePages");
            mouseClick(findChild(view, "goldenSetTab"));
            compare(pages.currentIndex, 1);
            verify(view.editingSet);
            const editor = findChild(view, "goldenSetEditor");
            const set = editor.set;
            verify(set.open(TestFiles.path("golden.jsonl")));
            compare(set.count, 2);
            mouseClick(findChild(view, "addCaseButton"));
            compare(set.count, 3);
            compare(editor.row, 2);
            // A new case has an empty turn: the row says what is missing.
            verify(set.caseAt(2).problem.indexOf("/turns/0") === 0, set.caseAt(2).problem);
            verify(set.setField(2, "turns", ["Name the capital of France."]));
            verify(set.setField(2, "value", "Paris"));
            compare(set.problemCount, 0);
            verify(set.setField(2, "task", "geography"));
            waitForRendering(view);
            shot(view, "evaluate-golden-set-editor.png");
            set.undo();
            compare(set.caseAt(2).task, "");
            set.redo();
            compare(set.caseAt(2).task, "geography");
            verify(set.saveAs(TestFiles.path("edited.jsonl")));
            verify(!set.modified);
            compare(TestFiles.readLines(TestFiles.path("edited.jsonl")).length, 3);
            pages.currentIndex = 0;
            verify(!view.editingSet);
        }

        // A set typed in the editor has no recorded answers: Run this set answers live on the
        // studio's providers (here none: the simulated provider) and says so.
        function test_runThisSetAnswersLive() {
            Studio.timeScale = 0;
            const pages = findChild(view, "evaluatePages");
            mouseClick(findChild(view, "goldenSetTab"));
            const editor = findChild(view, "goldenSetEditor");
            const set = editor.set;
            set.newSet();
            set.addCase();
            verify(set.setField(0, "turns", ["Write one line about the sea."]));
            verify(set.setField(0, "scorer", "contains"));
            verify(set.setField(0, "value", "simulated"));
            set.addCase();
            verify(set.setField(1, "turns", ["Name the capital of France."]));
            verify(set.setField(1, "scorer", "contains"));
            verify(set.setField(1, "value", "Paris"));
            compare(set.problemCount, 0);
            const model = evaluation();
            model.sweepEnabled = false;
            mouseClick(findChild(view, "runSetButton"));
            compare(pages.currentIndex, 0);
            verify(model.liveOnly);
            tryVerify(() => !model.running && model.points.length > 0, 30000);
            verify(model.status.indexOf("live answers from the simulated provider") >= 0,
                   model.status);
            compare(model.cases.length, 2);
            verify(findChild(view, "evaluateMode").text.indexOf("live") >= 0);
            waitForRendering(view);
            shot(view, "evaluate-live.png");
            model.sweepEnabled = true;
            Studio.timeScale = 1;
        }

        function test_chatTurnOpensTheGoldenCaseDialog() {
            verify(chat.setLadderFromTemplate("framing"));
            idleSpy.clear();
            verify(chat.send("Plan a small herb garden on a balcony."));
            idleSpy.wait(30000);
            goldenDialog.openFor(1);
            tryVerify(() => goldenDialog.opened, 3000);
            const path = findChild(goldenDialog.contentItem, "goldenSetPath");
            verify(path.text.endsWith(".jsonl"), path.text);
            verify(path.text.indexOf("golden-sets") >= 0, path.text);
            waitForRendering(goldenDialog.contentItem);
            shot(root, "chat-save-golden-case.png");
            goldenDialog.close();
        }
    }
}
