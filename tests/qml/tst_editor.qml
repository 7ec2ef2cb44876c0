import QtQuick
import QtTest
import LadderStudio

// Interaction with the Design view: palette, canvas, inspector, clipboard, validation.
Item {
    id: root

    width: 1280
    height: 820

    LadderDocument {
        id: ladderDoc
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
            compare(ladderDoc.selection.length, 1);
            verify(ladderDoc.selection[0].startsWith("tier:"));
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
            const key = ladderDoc.selection[0];
            verify(key.startsWith("t:"));
            compare(ladderDoc.inspector.from, "light");
            compare(ladderDoc.inspector.to, "strong");
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
            compare(ladderDoc.selection, ["tier:light"]);
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

        function test_changingConditionTypeInInspector() {
            ladderDoc.select("t:0", "replace");
            settle();
            const box = findChild(design, "conditionTypeBox");
            verify(box, "the transition form is shown");
            box.activated(4); // on_failure
            compare(ladderDoc.inspector.conditionType, "on_failure");
            compare(ladderDoc.edges.get(1).dashed, true);
        }

        function test_copyPasteAddsNodesWithNewIds() {
            mouseClick(nodeItem("tier:light"), 30, 30);
            ladderDoc.copyToClipboard();
            const before = tierCount();
            verify(design.pasteAtCursor());
            compare(tierCount(), before + 1);
            verify(rowOf("tier:light_2") >= 0);
            ladderDoc.undo();
            compare(tierCount(), before);
        }

        function test_invalidTierGetsRedOutlineAndProblemSelectsIt() {
            ladderDoc.setFieldOf("tier:light", "provider", "nowhere");
            settle();
            const node = nodeItem("tier:light");
            verify(node.invalid);
            verify(ladderDoc.problems.errorCount > 0);
            ladderDoc.clearSelection();
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
            compare(ladderDoc.selection, ["tier:light"]);
            ladderDoc.undo();
            settle();
            verify(!node.invalid);
        }
    }
}
