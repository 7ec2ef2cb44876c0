import QtQuick
import QtTest
import LadderStudio
import LadderStudioTest

// The Export area: picking a target on the left changes the preview, the preview follows the
// ladder as it is edited, the loss report counts what is lost, Save writes the file and its
// report beside it.
Item {
    id: root

    width: 1300
    height: 800

    LadderDocument {
        id: ladderDoc
    }

    ExportView {
        id: view

        anchors.fill: parent
        doc: ladderDoc
    }

    TestCase {
        id: test

        name: "Export"
        when: windowShown

        function target(id) {
            return findChild(view, "target_" + id);
        }

        function init() {
            verify(ladderDoc.newFromTemplate("framing"));
            view.model.refresh();
        }

        function cleanup() {
            view.visible = true;
        }

        function test_targets_data() {
            return [
                {tag: "litellm", first: "# LiteLLM proxy config", lost: true},
                {tag: "portkey", first: "{", lost: true},
                {tag: "json", first: "{", lost: false}
            ];
        }
        function test_targets(data) {
            mouseClick(target(data.tag));
            compare(view.model.format, data.tag);
            const preview = findChild(view, "preview");
            verify(preview.text.startsWith(data.first), preview.text.slice(0, 40));
            compare(view.model.lossCount > 0, data.lost);
            const chip = findChild(view, "lossChip");
            verify(chip.text.indexOf(data.lost ? "not expressed" : "nothing lost") >= 0, chip.text);
            if (data.tag !== "litellm")
                verify(JSON.parse(preview.text) !== null);
            if (data.tag === "portkey")
                compare(JSON.parse(preview.text).strategy["default"], "light");
            verify(view.model.reportView.indexOf("# Loss report") < 0);
        }

        function test_followsEdits() {
            mouseClick(target("portkey"));
            const preview = findChild(view, "preview");
            verify(preview.text.indexOf("gpt-5.4-mini") >= 0);
            ladderDoc.inspector.setFieldOf("tier:light", "model", "gpt-5-nano");
            tryVerify(() => preview.text.indexOf("\"model\": \"gpt-5-nano\"") >= 0, 3000);
            compare(preview.text.indexOf("gpt-5.4-mini"), -1);
            // A provider id no providers file knows: no export, the problem names the field.
            ladderDoc.inspector.setFieldOf("tier:light", "provider", "my-vllm");
            tryVerify(() => view.model.problem !== "", 3000);
            verify(view.model.problem.indexOf("/tiers/1/provider") >= 0, view.model.problem);
            compare(preview.text, "");
            verify(!findChild(view, "saveButton").enabled);
            ladderDoc.undo();
            tryVerify(() => view.model.problem === "", 3000);
            verify(findChild(view, "saveButton").enabled);
        }

        // A hidden Export area (the studio's StackLayout hides it until it is opened) exports
        // nothing: opening a 1,000-tier ladder must not export and colour it.
        function test_exportsOnlyWhileShown() {
            view.visible = false;
            verify(ladderDoc.newFromTemplate("step-down"));
            compare(view.model.text, "");
            compare(view.model.lossCount, 0);
            view.visible = true;
            tryVerify(() => view.model.text !== "", 3000);
            verify(findChild(view, "preview").text !== "");
        }

        function test_save() {
            mouseClick(target("litellm"));
            const path = TestFiles.path("framing.litellm.yaml");
            verify(view.model.save(path));
            const lines = TestFiles.readLines(path);
            compare(lines[0], "# LiteLLM proxy config exported by `ladder export` from \"Framing ladder\".");
            verify(lines.indexOf("model_list:") >= 0);
            const report = TestFiles.readLines(path + ".report.md");
            compare(report[0], "# Loss report: \"Framing ladder\" → LiteLLM proxy config");
            verify(view.model.message.indexOf("framing.litellm.yaml.report.md") >= 0);
        }
    

        // Serve this ladder…: the panel replaces the preview, Start runs `ladder serve` and shows
        // its address and snippets, Stop ends it; a target brings the preview back.
        function test_serve() {
            mouseClick(target("serve"));
            verify(view.serving);
            const panel = findChild(view, "servePanel");
            verify(panel.visible);
            verify(!findChild(view, "preview").visible);
            view.server.program = TestFiles.ladderProgram;
            view.server.extraArguments = ["--time-scale", "0"];
            mouseClick(findChild(view, "startButton"));
            tryCompare(view.server, "status", "running", 20000);
            compare(findChild(view, "serveUrl").text, view.server.url);
            verify(findChild(view, "snippet_curl").text.indexOf(view.server.url) >= 0);
            verify(findChild(view, "snippet_python").text.indexOf("base_url=\"" + view.server.url) >= 0);
            compare(findChild(view, "requestCount").text, "0");
            mouseClick(findChild(view, "stopButton"));
            tryCompare(view.server, "status", "stopped", 10000);
            verify(view.server.url === "");
            mouseClick(target("json"));
            verify(!view.serving);
            verify(findChild(view, "preview").visible);
        }

        // A server that cannot start: "failed", and the whole of its message shows (it wraps
        // over several lines: the box grows with it instead of cutting lines off).
        function test_serveFailureShowsTheWholeMessage() {
            mouseClick(target("serve"));
            view.server.program = TestFiles.ladderProgram;
            view.server.extraArguments = ["--state", "nowhere-" + "x".repeat(200)];
            mouseClick(findChild(view, "startButton"));
            tryCompare(view.server, "status", "failed", 20000);
            const error = findChild(view, "serveError");
            verify(error.visible);
            verify(error.text.indexOf("expected sqlite:PATH or redis://HOST:PORT/DB") >= 0, error.text);
            waitForRendering(error);
            verify(error.lineCount >= 3, error.lineCount);
            verify(error.height >= error.contentHeight + error.topPadding + error.bottomPadding,
                   error.height + " < " + error.contentHeight);
            view.server.extraArguments = ["--time-scale", "0"];
            mouseClick(target("json"));
        }
    }
}
