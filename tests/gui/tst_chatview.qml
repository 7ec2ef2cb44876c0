import QtQuick
import QtTest
import LadderStudio

// The Chat area as the window shows it, on the studio's chat and store (a temporary file, see
// main.cpp): the tier selector, Stop, renaming and reopening a saved session, and "Run from
// here", which opens a side-by-side replay.
Item {
    id: root

    width: 1440
    height: 900

    LadderDocument {
        id: ladderDoc
    }

    ChatView {
        id: chatView

        anchors.fill: parent
        doc: ladderDoc
        workspace: Studio
    }

    SignalSpy {
        id: compareRequested

        target: chatView
        signalName: "compareRequested"
    }

    Component {
        id: narrowAnswer

        ChatMessage {
            width: 260
            compact: true
        }
    }

    TestCase {
        id: test

        readonly property ChatSessionModel chat: Studio.chat

        function child(name) {
            const found = findChild(chatView, name);
            verify(found, name);
            return found;
        }
        function userRow(turn) {
            const list = child("messages");
            const row = test.chat.rowOfTurn(turn);
            verify(row >= 0, "turn " + turn + " is shown");
            list.positionViewAtIndex(row, ListView.Contain);
            const item = list.itemAtIndex(row);
            verify(item, "turn " + turn + " has a delegate");
            return item;
        }
        function startChat(turns) {
            Studio.timeScale = 0;
            Studio.compare.clearColumns();
            verify(ladderDoc.newFromTemplate("framing"));
            chatView.newChat();
            compare(test.chat.turnCount, 0);
            for (const t of turns)
                verify(test.chat.send(t));
            tryCompare(test.chat, "busy", false, 30000);
        }

        name: "ChatView"
        when: windowShown

        function test_longCodeLinesScrollSideways_data() {
            return [
                {tag: "code", overflows: true,
                 text: "Here:\n\n```\nrecords = parse(" + "argument, ".repeat(20) + ")\n```\n"},
                {tag: "prose", overflows: false, text: "word ".repeat(100)}
            ];
        }
        function test_longCodeLinesScrollSideways(data) {
            const message = createTemporaryObject(narrowAnswer, root, {
                index: 0, kind: "assistant", text: data.text, turn: 1, tierLabel: "Light",
                tierColor: "#2a9d8f", model: "m", inputTokens: 1, outputTokens: 1, cost: 0,
                costKnown: true, ttft: 0, latency: 0, status: "done", notice: "", detail: "", error: "",
                editable: false
            });
            verify(message);
            const scroll = findChild(message, "answerScroll");
            tryCompare(scroll, "overflows", data.overflows);
            // prose wraps inside the column; a code line keeps its length and scrolls
            verify(findChild(message, "answerText").width <= message.width);
            if (data.overflows) {
                scroll.flick(-3000, 0);
                tryVerify(() => scroll.contentX > 0, 2000, "the code scrolls sideways");
            }
        }

        function test_tierSelectorForcesTheNextTurn() {
            startChat([]);
            const pick = child("tierPick");
            const tiers = test.chat.tiers;
            const light = tiers.findIndex(t => t.id === "light");
            verify(light >= 0);
            mouseClick(pick);
            tryCompare(pick.popup, "opened", true);
            const entry = pick.popup.contentItem.itemAtIndex(light + 1); // after "Auto (router)"
            verify(entry, "the light tier is offered");
            mouseClick(entry);
            compare(test.chat.manualTier, "light");
            child("composerInput").text = "Plan a migration of billing to Python 3.";
            mouseClick(child("sendButton"));
            tryCompare(test.chat, "busy", false, 30000);
            compare(test.chat.timeline.count, 1);
            const byTier = test.chat.stats().tiers;
            for (const t of byTier)
                compare(t.output > 0, t.id === "light", t.id + " answered");
            compare(test.chat.manualTier, "", "back to the router after one turn");
            compare(pick.currentIndex, 0);
            compare(child("composerInput").text, "");
        }

        function answerRow(turn) {
            const list = child("messages");
            for (let row = test.chat.rowOfTurn(turn); row >= 0 && row < list.count; ++row) {
                list.positionViewAtIndex(row, ListView.Contain);
                const item = list.itemAtIndex(row);
                if (item && item.kind === "assistant" && item.turn === turn)
                    return item;
            }
            fail("no answer of turn " + turn);
        }

        // framing: turns 1 and 2 on the strong tier, turn 3 steps down to light.
        function test_answerVotesByKeyboard_data() {
            return [
                {tag: "not good enough on light", turn: 3, button: "voteDownButton", vote: -1,
                 stronger: true},
                {tag: "good on strong", turn: 1, button: "voteUpButton", vote: 1, stronger: false}
            ];
        }
        function test_answerVotesByKeyboard(data) {
            startChat(["Plan a small web shop.", "Go on.", "Write the next step."]);
            const answer = answerRow(data.turn);
            compare(findChild(answer, "regenerateStrongerButton").visible, data.stronger);
            const vote = findChild(answer, data.button);
            verify(vote.visible);
            vote.forceActiveFocus();
            keyClick(Qt.Key_Space);
            compare(test.chat.feedback.votes[String(data.turn)], data.vote);
            verify(vote.checked);
            keyClick(Qt.Key_Space); // again: taken back
            compare(test.chat.feedback.votes[String(data.turn)], undefined);
            verify(!vote.checked);
        }

        function test_regenerateOnAStrongerTier() {
            startChat(["Plan a small web shop.", "Go on.", "Write the next step."]);
            const before = test.chat.sessionId;
            const answer = answerRow(3);
            compare(answer.tierLabel, "Light (execution)");
            // The button is enabled once the chat says it is idle (from the event loop, after
            // the last turn): until then a click does nothing.
            const regenerate = findChild(answer, "regenerateStrongerButton");
            tryVerify(() => regenerate.enabled, 10000, "regenerate enabled");
            mouseClick(regenerate);
            // The branch may start after the key returns: wait for it, then for its answer.
            tryVerify(() => test.chat.sessionId !== before, 30000, "a new branch");
            tryCompare(test.chat, "busy", false, 30000);
            compare(test.chat.turnCount, 3);
            compare(answerRow(3).tierLabel, "Strong (framing)");
            compare(findChild(answerRow(3), "regenerateStrongerButton").visible, false);
        }

        function test_stopCancelsTheRunningTurn() {
            startChat([]);
            Studio.timeScale = 1;
            verify(test.chat.send("Please answer at length."));
            const stop = child("stopButton");
            tryCompare(stop, "visible", true);
            mouseClick(stop);
            tryCompare(test.chat, "busy", false, 10000);
            compare(test.chat.totals.answered, 0);
            Studio.timeScale = 0;
        }

        function test_renameAndReopenASavedSession() {
            startChat(["Plan a migration of billing to Python 3.", "Go on."]);
            const id = test.chat.sessionId;
            const title = child("titleField");
            title.forceActiveFocus();
            title.text = "Billing migration";
            title.editingFinished();
            compare(test.chat.title, "Billing migration");
            const sessions = child("sessionList");
            const row = Studio.sessions.rowOf(id);
            verify(row >= 0, "the session is listed");
            sessions.positionViewAtIndex(row, ListView.Contain);
            compare(sessions.itemAtIndex(row).title, "Billing migration");
            // a new chat, then the saved one again: read-only, same turns and title
            chatView.newChat();
            compare(test.chat.turnCount, 0);
            sessions.positionViewAtIndex(Studio.sessions.rowOf(id), ListView.Contain);
            mouseClick(sessions.itemAtIndex(Studio.sessions.rowOf(id)));
            compare(test.chat.sessionId, id);
            verify(test.chat.readOnly);
            compare(test.chat.turnCount, 2);
            compare(test.chat.title, "Billing migration");
            verify(!child("composerInput").enabled);
        }

        function test_runFromHereOpensASideBySideReplay_data() {
            return [{
                    "tag": "memory as edited",
                    "item": 0,
                    "label": "memory as edited"
                }, {
                    "tag": "baseline",
                    "item": 1,
                    "label": "always"
                }];
        }
        function test_runFromHereOpensASideBySideReplay(data) {
            startChat(["Plan a migration of billing to Python 3.", "List the modules to port first.",
                       "Write the first step."]);
            verify(test.chat.memory.setFieldText("constraints", "no downtime"));
            compareRequested.clear();
            const user = userRow(2);
            mouseClick(findChild(user, "runFromButton"));
            const menu = child("runFromMenu");
            tryCompare(menu, "opened", true);
            compare(menu.turn, 2);
            let item = menu.itemAt(data.item);
            verify(item.enabled);
            if (item.subMenu) { // the baselines: the first tier's
                mouseClick(item);
                tryCompare(item.subMenu, "opened", true);
                item = item.subMenu.itemAt(0);
            }
            mouseClick(item);
            compare(compareRequested.count, 1);
            const cmp = Studio.compare;
            compare(cmp.count, 2);
            compare(cmp.runFromTurn, 2);
            verify(cmp.column(1).label.indexOf(data.label) >= 0, cmp.column(1).label);
            tryCompare(cmp, "busy", false, 30000);
            compare(cmp.column(0).turnCount, 3);
            compare(cmp.column(1).turnCount, 3);
            compare(cmp.column(1).userTextOf(2), "List the modules to port first.");
        }
    }
}
