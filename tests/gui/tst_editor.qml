import QtQuick
import QtTest
import LadderStudio
import LadderStudioTest

// Interaction with the Design view: palette, canvas, inspector, clipboard, validation.
Item {
    id: root

    width: 1280
    height: 820

    LadderDocument {
        id: ladderDoc
    }
    LadderDocument {
        id: secondDoc
    }
    Component {
        id: shellComponent

        Main {}
    }

    DesignView {
        id: design

        anchors.fill: parent
        doc: ladderDoc
    }

    TestCase {
        id: test

        function nodeItem(key) {
            const item = findChild(design, "node:" + key);
            verify(item, "node " + key + " is on the canvas");
            return item;
        }
        function rowOf(key) {
            for (let r = 0; r < ladderDoc.nodes.count; ++r) {
                if (ladderDoc.nodes.get(r).key === key)
                    return r;
            }
            return -1;
        }
        function tierCount() {
            let n = 0;
            for (let r = 0; r < ladderDoc.nodes.count; ++r)
                n += ladderDoc.nodes.get(r).kind === "tier" ? 1 : 0;
            return n;
        }
        function settle() {
            wait(40);
        }
        // A view point of the canvas with no node under it (for background clicks).
        function emptySpot() {
            const canvas = design.graphCanvas;
            for (let y = 40; y < canvas.height - 40; y += 30) {
                for (let x = 40; x < canvas.width - 200; x += 30) {
                    const c = canvas.canvasPoint(x, y);
                    if (ladderDoc.nodeAt(c.x, c.y) === "" && canvas.edgeKeyAt(x, y) === "")
                        return Qt.point(x, y);
                }
            }
            fail("no empty spot on the canvas");
        }

        // The studio window's keyboard shortcuts, dirty marker and unsaved-changes prompt.
        function test_shellShortcutsEditTheLadder() {
            const shell = createTemporaryObject(shellComponent, root);
            verify(shell);
            shell.requestActivate();
            tryVerify(() => shell.active, 2000, "the studio window is active");
            const doc = findChild(shell.contentItem, "ladderDocument");
            verify(doc, "the window's document");
            const view = findChild(shell.contentItem, "designView");
            verify(doc.newFromTemplate("framing"));
            const nodes = () => doc.nodes.count;
            const before = nodes();
            verify(!shell.title.startsWith("●"));

            doc.selection.select("tier:light", "replace");
            keyClick(Qt.Key_D, Qt.ControlModifier);
            compare(nodes(), before + 1, "Ctrl+D duplicates");
            verify(doc.dirty);
            verify(shell.title.startsWith("●"), "the title marks unsaved changes");
            keyClick(Qt.Key_Z, Qt.ControlModifier);
            compare(nodes(), before, "Ctrl+Z undoes");
            keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier);
            compare(nodes(), before + 1, "Ctrl+Shift+Z redoes");
            keyClick(Qt.Key_Delete);
            compare(nodes(), before, "Delete removes the selection");

            doc.selection.select("tier:light", "replace");
            keyClick(Qt.Key_C, Qt.ControlModifier);
            keyClick(Qt.Key_V, Qt.ControlModifier);
            compare(nodes(), before + 1, "Ctrl+C, Ctrl+V paste a copy");

            const canvas = view.graphCanvas;
            const zoom = canvas.viewport.zoom;
            // The keys zoom with an animation: wait for where it settles, not for one frame.
            keyClick(Qt.Key_Plus);
            tryVerify(() => canvas.viewport.zoom > zoom, 5000, "+ zooms in");
            keyClick(Qt.Key_Minus);
            keyClick(Qt.Key_Minus);
            tryVerify(() => canvas.viewport.zoom < zoom, 5000, "- zooms out");
            keyClick(Qt.Key_F);
            tryVerify(() => Math.abs(canvas.viewport.zoom - zoom) < 0.01, 5000,
                      "F fits the ladder again");

            // Ctrl+N with unsaved changes asks first; Discard goes ahead.
            keyClick(Qt.Key_N, Qt.ControlModifier);
            const dialog = findChild(shell.contentItem, "saveChangesDialog");
            tryVerify(() => dialog.opened, 2000, "the unsaved-changes prompt opens");
            verify(doc.dirty, "nothing is lost before the answer");
            dialog.discarded();
            tryVerify(() => !doc.dirty);
            compare(doc.nodes.count < before, true, "a new ladder");
        }

        function test_shellSavesWithCtrlSAndRestoresGeometry() {
            AppController.saveWindowState(30, 40, 1111, 701, false);
            const shell = createTemporaryObject(shellComponent, root);
            compare(shell.width, 1111, "the saved window size comes back");
            compare(shell.height, 701);
            shell.requestActivate();
            tryVerify(() => shell.active, 2000);
            const doc = findChild(shell.contentItem, "ladderDocument");
            verify(doc.newFromTemplate("step-down"));
            const path = TestFiles.path("ctrl-s.json");
            verify(doc.saveAs(path));
            doc.inspector.setFieldOf("", "name", "Renamed");
            verify(doc.dirty);
            keyClick(Qt.Key_S, Qt.ControlModifier);
            verify(!doc.dirty, "Ctrl+S saves to the document's file");
            verify(!shell.title.startsWith("●"));
            verify(TestFiles.readLines(path).some(line => line.indexOf("\"Renamed\"") >= 0));
        }

        function test_draggingPaletteTierOntoCanvasAddsItWhereDropped() {
            const before = tierCount();
            const source = findChild(design, "palette:tier");
            const canvas = design.graphCanvas;
            const spot = emptySpot();
            const drop = canvas.mapToItem(source, spot.x, spot.y);
            mousePress(source, 40, 25);
            mouseMove(source, 60, 30);
            mouseMove(source, (40 + drop.x) / 2, (25 + drop.y) / 2);
            mouseMove(source, drop.x, drop.y);
            mouseRelease(source, drop.x, drop.y);
            compare(tierCount(), before + 1);
            const key = ladderDoc.selection.keys[0];
            verify(key.startsWith("tier:"));
            const node = ladderDoc.nodes.get(rowOf(key));
            const at = canvas.canvasPoint(spot.x, spot.y);
            verify(Math.abs(node.nodeX - (at.x - 110)) <= ladderDoc.gridSize, "dropped x");
            verify(Math.abs(node.nodeY - (at.y - 40)) <= ladderDoc.gridSize, "dropped y");
            ladderDoc.undo();
            compare(tierCount(), before);
        }

        function test_draggingPaletteItemAwayFromCanvasAddsNothing() {
            const before = ladderDoc.nodes.count;
            const source = findChild(design, "palette:detector");
            mousePress(source, 40, 25);
            mouseMove(source, 60, 40);
            mouseMove(source, 30, -200); // above the palette item, still in the palette
            mouseRelease(source, 30, -200);
            compare(ladderDoc.nodes.count, before);
        }

        function test_contextMenuAddsTierAtCursor() {
            const before = tierCount();
            const canvas = design.graphCanvas;
            const spot = emptySpot();
            mouseClick(canvas, spot.x, spot.y, Qt.RightButton);
            settle();
            keyClick(Qt.Key_Down); // first entry: Add Tier Here
            keyClick(Qt.Key_Return);
            compare(tierCount(), before + 1);
            const node = ladderDoc.nodes.get(rowOf(ladderDoc.selection.keys[0]));
            const at = canvas.canvasPoint(spot.x, spot.y);
            verify(Math.abs(node.nodeX - at.x) <= ladderDoc.gridSize, "added at the cursor (x)");
            verify(Math.abs(node.nodeY - at.y) <= ladderDoc.gridSize, "added at the cursor (y)");
        }

        function test_alignButtonsLineUpSelection() {
            ladderDoc.selection.select("tier:light", "replace");
            ladderDoc.selection.select("tier:strong", "add");
            settle();
            const button = findChild(design, "align:left");
            verify(button, "the multiple-selection form offers alignment");
            mouseClick(button);
            const light = ladderDoc.nodes.get(rowOf("tier:light"));
            const strong = ladderDoc.nodes.get(rowOf("tier:strong"));
            compare(light.nodeX, strong.nodeX);
            ladderDoc.undo();
            verify(ladderDoc.nodes.get(rowOf("tier:light")).nodeX !== strong.nodeX
                   || ladderDoc.nodes.get(rowOf("tier:strong")).nodeX !== strong.nodeX);
        }

        function test_fallbackRowsReorderWithArrowButtons() {
            ladderDoc.selection.select("tier:strong", "replace");
            settle();
            mouseClick(findChild(design, "addFallbackButton"));
            settle();
            const first = ladderDoc.inspector.fields.fallback[0].model;
            const second = ladderDoc.inspector.fields.fallback[1].model;
            verify(first !== second);
            mouseClick(findChild(design, "fallbackDown:0"));
            settle();
            compare(ladderDoc.inspector.fields.fallback[0].model, second);
            compare(ladderDoc.inspector.fields.fallback[1].model, first);
            mouseClick(findChild(design, "fallbackUp:1"));
            compare(ladderDoc.inspector.fields.fallback[0].model, first);
            ladderDoc.undo();
            ladderDoc.undo();
            compare(ladderDoc.inspector.fields.fallback[0].model, first);
            compare(ladderDoc.inspector.fields.fallback[1].model, second);
        }

        function test_copyPasteBetweenTwoOpenLadders() {
            secondDoc.newDocument();
            const model = ladderDoc.nodes.get(rowOf("tier:light")).subtitle;
            ladderDoc.selection.select("tier:light", "replace");
            ladderDoc.clipboard.copy();
            verify(secondDoc.clipboard.paste(200, 100));
            verify(secondDoc.selection.keys.indexOf("tier:light") >= 0);
            let pasted = null;
            for (let r = 0; r < secondDoc.nodes.count; ++r) {
                if (secondDoc.nodes.get(r).key === "tier:light")
                    pasted = secondDoc.nodes.get(r);
            }
            verify(pasted);
            compare(pasted.subtitle, model);
            secondDoc.undo();
            compare(secondDoc.selection.keys, []);
        }

        function test_problemEntryCentresTheElement() {
            ladderDoc.inspector.setFieldOf("tier:light", "provider", "nowhere");
            const canvas = design.graphCanvas;
            // The first problem opens the panel; the canvas, smaller, fits the ladder again.
            tryVerify(() => canvas.height < design.height - 100, 2000, "the problems are shown");
            settle();
            canvas.viewport.panBy(-2000, -1500); // the tier is far out of view
            settle();
            const list = findChild(design, "problemsList");
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i;
                if (list.currentItem.target === "tier:light")
                    break;
            }
            mouseClick(list.currentItem);
            settle();
            const r = ladderDoc.elementRect("tier:light");
            const centre = canvas.viewport.toView(r.x + r.width / 2, r.y + r.height / 2);
            fuzzyCompare(centre.x, canvas.width / 2, 2);
            fuzzyCompare(centre.y, canvas.height / 2, 2);
        }

        name: "Editor"
        when: windowShown
        visible: true

        function init() {
            verify(ladderDoc.newFromTemplate("framing"));
            design.fit();
            settle();
        }

        function test_clickingPaletteAddsTierAndUndoRemovesIt() {
            const before = tierCount();
            mouseClick(findChild(design, "palette:tier"));
            compare(tierCount(), before + 1);
            compare(ladderDoc.selection.count, 1);
            verify(ladderDoc.selection.keys[0].startsWith("tier:"));
            ladderDoc.undo();
            compare(tierCount(), before);
            ladderDoc.redo();
            compare(tierCount(), before + 1);
        }

        function test_draggingFromPortToTierConnects() {
            const before = ladderDoc.edges.count;
            const port = findChild(design, "port:tier:light");
            verify(port);
            const target = nodeItem("tier:strong");
            const p = target.mapToItem(port, target.width / 2, target.height / 2);
            mousePress(port, port.width / 2, port.height / 2);
            mouseMove(port, (port.width / 2 + p.x) / 2, (port.height / 2 + p.y) / 2);
            mouseMove(port, p.x, p.y);
            mouseRelease(port, p.x, p.y);
            compare(ladderDoc.edges.count, before + 1);
            const key = ladderDoc.selection.keys[0];
            verify(key.startsWith("t:"));
            compare(ladderDoc.inspector.fields.from, "light");
            compare(ladderDoc.inspector.fields.to, "strong");
        }

        function test_draggingNodeMovesItAsOneUndoStep() {
            const node = nodeItem("tier:light");
            const x0 = node.x;
            const y0 = node.y;
            mousePress(node, 20, 20);
            for (let i = 1; i <= 5; ++i)
                mouseMove(node, 20 + i * 16, 20 + i * 8);
            mouseRelease(node, 20 + 80, 20 + 40);
            settle();
            verify(node.x > x0 + 20, "moved right");
            verify(node.y > y0, "moved down");
            compare(node.x % 20, x0 % 20); // snapped to the grid
            ladderDoc.undo();
            settle();
            compare(node.x, x0);
            compare(node.y, y0);
        }

        function test_editingLabelInInspectorRenamesNode() {
            mouseClick(nodeItem("tier:light"), 30, 30);
            compare(ladderDoc.selection.keys, ["tier:light"]);
            settle();
            const field = findChild(design, "tierLabelField");
            verify(field, "the tier form is shown");
            field.forceActiveFocus();
            field.selectAll();
            keyClick(Qt.Key_Delete);
            for (const ch of "Worker")
                keyClick(ch);
            compare(ladderDoc.nodes.get(rowOf("tier:light")).title, "Worker");
            ladderDoc.undo(); // typing merged into one step
            verify(ladderDoc.nodes.get(rowOf("tier:light")).title !== "Worker");
            verify(ladderDoc.nodes.get(rowOf("tier:light")).title !== "");
        }

        function edgeOf(key) {
            for (let r = 0; r < ladderDoc.edges.count; ++r) {
                if (ladderDoc.edges.get(r).key === key)
                    return ladderDoc.edges.get(r);
            }
            return null;
        }
        // The canvas point at t (0..1) along an edge's curve, as the edge model has it.
        function curvePoint(e, t) {
            return ladderDoc.edges.pointOnCurve(e.key, t);
        }
        // A view point on an edge's curve, away from its label.
        function pointOnEdge(key, t) {
            const e = edgeOf(key);
            verify(e, "edge " + key + " exists");
            const p = curvePoint(e, t);
            return design.graphCanvas.viewport.toView(p.x, p.y);
        }
        function curvePointFree(key) {
            const canvas = design.graphCanvas;
            for (const t of [0.2, 0.25, 0.3, 0.7, 0.75, 0.8, 0.15, 0.85]) {
                const p = pointOnEdge(key, t);
                if (canvas.edgeKeyAt(p.x, p.y) === key && p.x > 0 && p.y > 0
                        && p.x < canvas.width && p.y < canvas.height)
                    return p;
            }
            fail("no free point on " + key);
        }

        // Opening another ladder replaces the canvas's edges: the edge scene (what the edge
        // layers draw and hit-test) holds the new ladder's curves only. Same-length ladders
        // keep their edge keys (t:0, t:1) and are updated row by row instead of reset.
        function test_openingAnotherLadderLeavesNoStaleEdges_data() {
            return [{tag: "framing, then step-down", from: "framing", to: "step-down"},
                    {tag: "same edge keys", from: "step-down", to: "escalation-tool"},
                    {tag: "more edges after fewer", from: "step-down", to: "task-registry"}];
        }
        function test_openingAnotherLadderLeavesNoStaleEdges(data) {
            const scene = findChild(design, "edges").scene;
            verify(scene, "the edge layer's scene");
            verify(ladderDoc.newFromTemplate(data.from));
            settle();
            const oldPoints = [];
            for (let r = 0; r < ladderDoc.edges.count; ++r) {
                for (const t of [0.25, 0.5, 0.75])
                    oldPoints.push(curvePoint(ladderDoc.edges.get(r), t));
            }
            verify(ladderDoc.newFromTemplate(data.to));
            settle();
            // How far `p` is from the current model's curve of edge `key` (sampled).
            const distanceToModelCurve = (key, p) => {
                const e = edgeOf(key);
                verify(e, "the scene's edge " + key + " is in the new ladder");
                let best = Infinity;
                for (let i = 0; i <= 400; ++i) {
                    const q = curvePoint(e, i / 400);
                    best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
                }
                return best;
            };
            for (let r = 0; r < ladderDoc.edges.count; ++r) {
                const e = ladderDoc.edges.get(r);
                const p = curvePoint(e, 0.5);
                const hit = scene.edgeAt(p.x, p.y, 1);
                verify(hit !== "", "the scene has " + e.key + " where the model has it");
                verify(distanceToModelCurve(hit, p) < 2);
            }
            for (const p of oldPoints) {
                const hit = scene.edgeAt(p.x, p.y, 1);
                if (hit !== "")
                    verify(distanceToModelCurve(hit, p) < 2,
                           "no curve of the previous ladder left at " + p.x + "," + p.y);
            }
        }

        // The ladder's description box grows with its text, between a floor and a ceiling.
        function test_descriptionBoxGrowsWithItsText() {
            ladderDoc.selection.clear();
            settle();
            const box = findChild(design, "ladderDescriptionBox");
            verify(box, "the ladder form is shown");
            const area = findChild(design, "ladderDescriptionArea");
            const textHeight = () => area.contentHeight + area.topPadding + area.bottomPadding;
            verify(textHeight() > box.minimumHeight, "the framing description is several lines");
            compare(box.height, textHeight(), "the whole description is visible");
            ladderDoc.inspector.setFieldOf("", "description", "One line.");
            settle();
            compare(box.height, box.minimumHeight);
            ladderDoc.inspector.setFieldOf("", "description", "A long description.\n".repeat(40));
            settle();
            compare(box.height, box.maximumHeight, "a very long one scrolls inside the box");
        }

        function test_systemPromptBoxFollowsItsText() {
            ladderDoc.selection.select("tier:strong", "replace");
            settle();
            const box = findChild(design, "tierPromptBox");
            verify(box, "the tier form is shown");
            ladderDoc.inspector.setField("systemPrompt", "A long instruction.\n".repeat(40));
            settle();
            compare(box.height, box.maximumHeight, "a long prompt scrolls inside the box");
            ladderDoc.inspector.setField("systemPrompt", "One line.");
            settle();
            compare(box.height, box.minimumHeight, "and the box shrinks again");
        }

        // One pattern per line: a long one scrolls sideways in the inspector, it is not cut.
        function test_longPatternScrollsSidewaysInInspector() {
            ladderDoc.selection.select("detector:goal_change", "replace");
            settle();
            const area = findChild(design, "patternsArea");
            verify(area, "the detector form is shown");
            const box = area.parent.parent.parent; // TextArea, Flickable content, Flickable
            verify(box.availableWidth > 0);
            const longPattern = "\\b(" + "alternative|".repeat(30) + "end)\\b";
            ladderDoc.inspector.setField("patterns", ladderDoc.inspector.fields.patterns + "\n" + longPattern);
            settle();
            verify(area.contentWidth > box.availableWidth, "the pattern is wider than the box");
            verify(area.width >= area.contentWidth, "the whole line is laid out, none cut off");
            verify(box.contentWidth >= area.contentWidth, "and can be scrolled to");
            compare(area.text.split("\n").length, ladderDoc.inspector.fields.patterns.split("\n").length,
                    "still one pattern per line");
        }

        // A node that cuts a line short shows the full texts in its tooltip; borders stay at
        // least a device pixel wide when zoomed out.
        function test_nodeWithCutTextHasFullTextTooltip() {
            const node = nodeItem("detector:goal_change");
            verify(!node.textCut, "a short id fits");
            const longId = "detector_with_a_remarkably_long_identifier_that_cannot_fit";
            ladderDoc.inspector.setFieldOf("detector:goal_change", "id", longId);
            settle();
            const renamed = nodeItem("detector:" + longId);
            verify(renamed.textCut, "the id is elided on the node");
            mouseMove(renamed, renamed.width / 2, renamed.height / 2);
            const area = findChild(renamed, "nodeDragArea");
            tryVerify(() => area.ToolTip.visible, 2000, "the tooltip opens");
            verify(area.ToolTip.text.indexOf(longId) >= 0, "with the full id");
            mouseMove(design, 1, 1);

            design.graphCanvas.viewport.setZoomAt(0, 0, 0.6);
            settle();
            const body = findChild(renamed, "nodeBody").item;
            verify(body.border.width * 0.6 >= 1, "the border is a device pixel at least");
        }

        function test_clickingAnEdgeCurveSelectsIt() {
            const canvas = design.graphCanvas;
            ladderDoc.selection.clear();
            const p = curvePointFree("t:0");
            mouseClick(canvas, p.x, p.y);
            compare(ladderDoc.selection.keys, ["t:0"]);
            verify(edgeOf("t:0").selected);
            const spot = emptySpot();
            mouseClick(canvas, spot.x, spot.y);
            compare(ladderDoc.selection.count, 0);
        }

        function test_edgeContextMenuDeletesTransition() {
            const canvas = design.graphCanvas;
            const before = ladderDoc.edges.count;
            const p = curvePointFree("t:0");
            mouseClick(canvas, p.x, p.y, Qt.RightButton);
            settle();
            compare(ladderDoc.selection.keys, ["t:0"]);
            keyClick(Qt.Key_Down); // the only entry: Delete Transition
            keyClick(Qt.Key_Return);
            compare(ladderDoc.edges.count, before - 1);
            ladderDoc.undo();
            compare(ladderDoc.edges.count, before);
        }

        function test_draggingEdgeHandleReconnectsTransition() {
            const added = ladderDoc.addNode("tier", 40, 460);
            design.fit();
            settle();
            const edge = edgeOf("t:0");
            ladderDoc.selection.select("t:0", "replace");
            settle();
            verify(findChild(design, "edgeHandle:source"), "the source end has a handle");
            const handle = findChild(design, "edgeHandle:target");
            verify(handle, "the target end has a handle");
            const target = nodeItem(added);
            const p = target.mapToItem(handle, target.width / 2, target.height / 2);
            mousePress(handle, handle.width / 2, handle.height / 2);
            mouseMove(handle, (handle.width / 2 + p.x) / 2, (handle.height / 2 + p.y) / 2);
            mouseMove(handle, p.x, p.y);
            mouseRelease(handle, p.x, p.y);
            compare(edgeOf("t:0").fromKey, edge.fromKey);
            compare(edgeOf("t:0").toKey, added);
            compare(ladderDoc.inspector.fields.to, added.substring("tier:".length));
            ladderDoc.undo(); // one step
            compare(edgeOf("t:0").toKey, edge.toKey);
            ladderDoc.redo();
            compare(edgeOf("t:0").toKey, added);
        }

        // The inspector's boxes list the name table (LadderNames): the format's spellings with
        // their words; picking one writes the spelling.
        function test_inspectorBoxesListTheNameTable() {
            ladderDoc.selection.select("t:1", "replace");
            settle();
            const types = findChild(design, "conditionTypeBox");
            compare(types.count, LadderNames.conditionTypes.length);
            for (let i = 0; i < types.count; ++i)
                compare(types.textAt(i), LadderNames.conditionTypes[i].text);
            compare(types.currentText, LadderNames.conditionTypes[
                        LadderNames.indexOf(LadderNames.conditionTypes, "on_signal")].text);
            ladderDoc.selection.select("detector:goal_change", "replace");
            settle();
            const kind = findChild(design, "detectorKindBox");
            compare(kind.count, LadderNames.detectorKinds.length);
            compare(kind.currentText, LadderNames.detectorKinds[0].text);
            const signal = findChild(design, "detectorSignalBox");
            compare(signal.count, LadderNames.preSignals.length);
            compare(signal.currentText, LadderNames.preSignals[
                        LadderNames.indexOf(LadderNames.preSignals, "goal_change")].text);
            signal.activated(LadderNames.indexOf(LadderNames.preSignals, "high_stakes"));
            compare(ladderDoc.inspector.fields.signal, "high_stakes");
            ladderDoc.undo();
            compare(ladderDoc.inspector.fields.signal, "goal_change");
        }

        function test_changingConditionTypeInInspector() {
            ladderDoc.selection.select("t:0", "replace");
            settle();
            const box = findChild(design, "conditionTypeBox");
            verify(box, "the transition form is shown");
            box.activated(4); // on_failure
            compare(ladderDoc.inspector.fields.conditionType, "on_failure");
            compare(ladderDoc.edges.get(1).dashed, true);
        }

        // The quality gate's fields in the tier form: switching the self check on shows its
        // fields; a threshold outside 0-1 is kept and becomes a problem; both are undoable.
        function test_selfCheckFieldsInTierInspector() {
            mouseClick(nodeItem("tier:light"), 30, 30);
            settle();
            const check = findChild(design, "selfCheckBox");
            verify(check, "the tier form has the self check");
            const threshold = findChild(design, "selfCheckThresholdField");
            verify(threshold);
            verify(!threshold.visible, "its fields are hidden while it is off");
            check.toggle(); // as a click does (the box may lie below the inspector's fold)
            check.toggled();
            compare(ladderDoc.inspector.fields.selfCheck, true);
            settle();
            verify(threshold.visible);
            compare(threshold.text, "0.5");
            threshold.forceActiveFocus();
            threshold.selectAll();
            keyClick(Qt.Key_Delete);
            for (const ch of "1.5")
                keyClick(ch);
            keyClick(Qt.Key_Return);
            compare(ladderDoc.inspector.fields.selfCheckThreshold, "1.5");
            verify(ladderDoc.problems.errorCount > 0);
            verify(nodeItem("tier:light").invalid);
            ladderDoc.undo();
            compare(ladderDoc.problems.errorCount, 0);
            ladderDoc.undo();
            compare(ladderDoc.inspector.fields.selfCheck, false);
            settle();
            verify(!threshold.visible);
        }

        // "Switch only when it pays" only where the format has it.
        function test_paysWithinTurnsOnlyOnItsConditions_data() {
            return [{tag: "after_turns", key: "t:0", shown: true},
                    {tag: "on_signal", key: "t:1", shown: true},
                    {tag: "post_turn", key: "t:2", shown: false},
                    {tag: "return_after", key: "t:3", shown: true}];
        }
        function test_paysWithinTurnsOnlyOnItsConditions(data) {
            ladderDoc.selection.select(data.key, "replace");
            settle();
            const spin = findChild(design, "paysWithinTurnsSpin");
            verify(spin, "the transition form is shown");
            compare(spin.visible, data.shown);
            if (!data.shown)
                return;
            spin.forceActiveFocus();
            keyClick(Qt.Key_Up);
            compare(ladderDoc.inspector.fields.paysWithinTurns, 1);
            ladderDoc.undo();
            compare(ladderDoc.inspector.fields.paysWithinTurns, 0);
        }

        function test_copyPasteAddsNodesWithNewIds() {
            mouseClick(nodeItem("tier:light"), 30, 30);
            ladderDoc.clipboard.copy();
            const before = tierCount();
            verify(design.pasteAtCursor());
            compare(tierCount(), before + 1);
            verify(rowOf("tier:light_2") >= 0);
            ladderDoc.undo();
            compare(tierCount(), before);
        }

        // Without problems the panel is its header; the first problem opens it, the header's
        // toggle folds and opens it, and it folds again when the last problem goes.
        function test_problemsPanelFoldsToItsHeaderWithoutProblems() {
            const panel = findChild(design, "problemsPanel");
            const list = findChild(design, "problemsList");
            compare(ladderDoc.problems.count, 0);
            tryCompare(panel, "height", panel.headerHeight);
            verify(!list.visible);
            ladderDoc.inspector.setFieldOf("tier:light", "provider", "nowhere");
            tryVerify(() => panel.height > 100, 2000, "the first problem opens the list");
            verify(list.visible);
            verify(list.count > 0);
            const toggle = findChild(panel, "problemsToggle");
            mouseClick(toggle);
            tryCompare(panel, "height", panel.headerHeight);
            mouseClick(toggle);
            tryVerify(() => panel.height > 100, 2000, "the toggle opens it again");
            ladderDoc.undo();
            tryCompare(panel, "height", panel.headerHeight);
            const canvas = design.graphCanvas;
            verify(canvas.height > design.height - panel.headerHeight - 20,
                   "the canvas takes the room");
        }

        // A detector's dashed link leads to the transition listening to its signal: hovering it
        // highlights it, clicking it selects the transition.
        function test_clickingADetectorLinkSelectsTheTransition_data() {
            return [{tag: "high stakes", detector: "high_stakes"},
                    {tag: "goal change", detector: "goal_change"},
                    {tag: "deep debugging", detector: "deep_debugging"}];
        }
        function test_clickingADetectorLinkSelectsTheTransition(data) {
            const canvas = design.graphCanvas;
            const scene = findChild(design, "edges").scene;
            const key = "detector:" + data.detector + ">t:1";
            compare(scene.transitionOfLink(key), "t:1");
            let spot = null;
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
                const c = scene.pointOnLink(key, t);
                const v = canvas.viewport.toView(c.x, c.y);
                if (v.x > 0 && v.y > 0 && v.x < canvas.width && v.y < canvas.height
                        && canvas.linkKeyAt(v.x, v.y) === key) {
                    spot = v;
                    break;
                }
            }
            verify(spot, "a free point on the link");
            compare(canvas.edgeKeyAt(spot.x, spot.y), "t:1");
            ladderDoc.selection.clear();
            mouseMove(canvas, spot.x + 1, spot.y); // enter the canvas, then move along
            mouseMove(canvas, spot.x, spot.y);
            compare(scene.hoveredLink, key);
            mouseClick(canvas, spot.x, spot.y);
            compare(ladderDoc.selection.keys, ["t:1"]);
            const away = emptySpot();
            mouseMove(canvas, away.x, away.y);
            compare(scene.hoveredLink, "");
        }

        function test_invalidTierGetsRedOutlineAndProblemSelectsIt() {
            ladderDoc.inspector.setFieldOf("tier:light", "provider", "nowhere");
            settle();
            const node = nodeItem("tier:light");
            verify(node.invalid);
            verify(ladderDoc.problems.errorCount > 0);
            ladderDoc.selection.clear();
            const list = findChild(design, "problemsList");
            verify(list);
            let row = -1;
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i;
                if (list.currentItem.target === "tier:light")
                    row = i;
            }
            verify(row >= 0);
            list.currentIndex = row;
            mouseClick(list.currentItem);
            compare(ladderDoc.selection.keys, ["tier:light"]);
            ladderDoc.undo();
            settle();
            verify(!node.invalid);
        }
    }
}
