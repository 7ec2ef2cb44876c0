import QtQuick
import QtTest
import LadderStudio

// Compare in blind mode, as the window shows it: the columns are labelled A and B, the user's
// pick per turn marks that answer as preferred, and Reveal names the ladders behind the labels.
Item {
    id: root

    width: 1440
    height: 900

    CompareView {
        id: compareView

        anchors.fill: parent
        compare: Studio.compare
    }
    LadderDocument {
        id: baselineDoc
    }

    TestCase {
        id: test

        function columnItem(index) {
            const found = [];
            const walk = item => {
                if (item.objectName === "compareColumn")
                    found.push(item);
                for (let i = 0; i < item.children.length; ++i)
                    walk(item.children[i]);
            };
            walk(compareView);
            found.sort((a, b) => a.index - b.index);
            verify(found.length > index, "column " + index + " is shown");
            return found[index];
        }
        // The row (message and pick button) of the answer to `turn` in a column.
        function answerRow(column, turn) {
            const list = findChild(column, "answers");
            for (let r = column.session.rowOfTurn(turn); r >= 0 && r < list.count; ++r) {
                list.positionViewAtIndex(r, ListView.Contain);
                const item = list.itemAtIndex(r);
                if (item && item.kind === "assistant" && item.turn === turn)
                    return item;
            }
            fail("no answer to turn " + turn);
        }
        function answerOf(column, turn) {
            const row = answerRow(column, turn);
            for (let i = 0; i < row.children.length; ++i) {
                if (row.children[i].kind === "assistant")
                    return row.children[i];
            }
            fail("no message in the answer's row");
        }
        function pickButton(column, turn) {
            return findChild(answerRow(column, turn), "pickButton");
        }

        name: "CompareBlind"
        when: windowShown

        function test_blindPickThenReveal() {
            const cmp = Studio.compare;
            cmp.clearColumns();
            cmp.timeScale = 0;
            verify(cmp.addTemplate("framing"));
            verify(cmp.addTemplate("escalation-tool"));
            cmp.blind = true;
            compare(cmp.column(0).label, "Ladder A");
            compare(cmp.column(1).label, "Ladder B");
            compare(cmp.send("Plan a migration of billing to Python 3."), 2);
            tryCompare(cmp, "busy", false, 30000);

            const second = columnItem(1);
            compare(second.session, cmp.column(1));
            // nothing names the tier or the model until the ladders are revealed
            const answer = answerOf(second, 1);
            compare(findChild(answer, "tierChip").text, "Answer");
            verify(!findChild(answer, "modelLabel").visible);
            // nor the timeline: one neutral lane, whatever the ladder's tiers
            for (const index of [0, 1]) {
                const timeline = findChild(columnItem(index), "columnTimeline");
                compare(timeline.lanes.length, 1);
                compare(timeline.lanes[0].label, "");
            }
            const button = pickButton(second, 1);
            verify(button, "a pick button under the answer");
            verify(button.visible);
            compare(button.text, "This one is better");
            mouseClick(button);
            compare(cmp.picks.length, 1);
            compare(cmp.picks[0].turn, 1);
            compare(cmp.picks[0].label, "B");
            compare(cmp.picks[0].ladder, "", "hidden until revealed");
            tryCompare(button, "text", "✓ Preferred");
            compare(pickButton(columnItem(0), 1).text, "This one is better");

            const reveal = findChild(compareView, "revealButton");
            verify(reveal.visible && reveal.enabled);
            mouseClick(reveal);
            verify(cmp.revealed);
            const names = [cmp.column(0).label, cmp.column(1).label].sort();
            compare(names, ["Escalation tool", "Framing ladder"]);
            compare(cmp.picks[0].ladder, cmp.column(1).label);
            verify(!reveal.enabled);
            const shown = answerOf(columnItem(1), 1);
            compare(findChild(shown, "tierChip").text, shown.tierLabel);
            verify(findChild(shown, "modelLabel").visible);
            const framingColumn = cmp.column(0).label === "Framing ladder" ? 0 : 1;
            verify(findChild(columnItem(framingColumn), "columnTimeline").lanes.length > 1,
                   "revealed: the ladder's tier lanes");
            cmp.blind = false;
        }

        // A one-tier baseline next to a ladder: while blind both timelines have the same one
        // neutral lane and their marks sit at the same height; Reveal shows their real lanes.
        function test_blindBaselineColumnLooksLikeALadder() {
            const cmp = Studio.compare;
            cmp.clearColumns();
            cmp.timeScale = 0;
            verify(baselineDoc.newFromTemplate("framing"));
            verify(cmp.addDocument(baselineDoc));
            verify(cmp.addBaseline(baselineDoc, "light"));
            cmp.blind = true;
            compare(cmp.send("Plan a migration of billing to Python 3."), 2);
            tryCompare(cmp, "busy", false, 30000);
            const lanes = [];
            for (const index of [0, 1]) {
                const timeline = findChild(columnItem(index), "columnTimeline");
                verify(timeline.anonymous);
                lanes.push(timeline.lanes.length);
            }
            compare(lanes, [1, 1]);
            mouseClick(findChild(compareView, "revealButton"));
            const revealed = [0, 1].map(
                i => findChild(columnItem(i), "columnTimeline").lanes.length).sort();
            compare(revealed, [1, 2], "the baseline has one tier, the ladder two");
            cmp.blind = false;
        }

        // A long code line in a narrow Compare column scrolls sideways instead of being cut off.
        function test_longCodeLinesScrollInNarrowColumns() {
            const cmp = Studio.compare;
            cmp.clearColumns();
            cmp.timeScale = 0;
            for (const name of ["framing", "escalation-tool", "step-down", "task-registry"])
                verify(cmp.addTemplate(name));
            compare(cmp.send("Write the function that reads the date from the EXIF data."), 4);
            tryCompare(cmp, "busy", false, 30000);
            let code = 0;
            for (let i = 0; i < 4; ++i) {
                const column = columnItem(i);
                verify(column.width < 400, "a narrow column: " + column.width);
                const answer = answerOf(column, 1);
                if (answer.text.indexOf("```") < 0)
                    continue;
                ++code;
                const scroll = findChild(answer, "answerScroll");
                tryCompare(scroll, "overflows", true);
                verify(scroll.contentWidth > scroll.width);
                scroll.flick(-3000, 0);
                tryVerify(() => scroll.contentX > 0, 2000, "the code scrolls sideways");
            }
            verify(code >= 2, "answers with code: " + code);
        }
    }
}
