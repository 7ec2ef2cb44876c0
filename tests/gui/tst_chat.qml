import QtQuick
import QtTest
import LadderStudio

// Interaction with the chat's pieces on a ChatSessionModel of their own (no studio store):
// answers with their badge, edit and resend as a branch, notice details, the fallback line,
// retry of a stopped turn, "Run from here", the timeline's turn selection and a memory edit
// through the memory panel.
Item {
    id: root

    width: 1200
    height: 800

    ChatSessionModel {
        id: chat

        timeScale: 0
    }

    ListView {
        id: list

        width: 700
        height: 560
        model: chat
        delegate: ChatMessage {
            session: chat
        }
    }

    TierTimeline {
        id: timeline

        y: 600
        width: 700
        height: 170
        model: chat.timeline
        onTurnClicked: turn => root.clickedTurn = turn
    }

    MemoryPanel {
        id: memoryPanel

        x: 720
        width: 460
        height: 800
        session: chat
    }

    property int clickedTurn: 0

    SignalSpy {
        id: runFromSpy

        signalName: "runFromRequested"
    }

    TestCase {
        id: test

        function delegateOf(row) {
            list.positionViewAtIndex(row, ListView.Contain);
            const item = list.itemAtIndex(row);
            verify(item, "row " + row + " has a delegate");
            return item;
        }
        function rowOfKind(kind, turn) {
            for (let r = 0; r < list.count; ++r) {
                const item = delegateOf(r);
                if (item.kind === kind && item.turn === turn)
                    return r;
            }
            return -1;
        }
        function startChat(template) {
            verify(chat.setLadderFromTemplate(template));
            compare(list.count, 0);
        }

        name: "ChatInteraction"
        when: windowShown

        function test_answerHasTierBadgeAndFigures() {
            startChat("framing");
            verify(chat.send("Plan a migration of our billing service to Python 3."));
            tryCompare(chat, "busy", false, 10000);
            const answer = delegateOf(rowOfKind("assistant", 1));
            compare(answer.status, "done");
            compare(answer.tierLabel, "Strong (framing)");
            verify(answer.cost > 0);
            verify(answer.latency >= answer.ttft);
            const retry = findChild(answer, "retryButton");
            verify(!retry.visible, "no Retry on a turn that was answered");
        }

        function test_editAndResendStartsABranch() {
            startChat("framing");
            verify(chat.send("first question"));
            verify(chat.send("second question"));
            tryCompare(chat, "busy", false, 10000);
            const user = delegateOf(rowOfKind("user", 2));
            const oldSession = chat.sessionId;
            mouseClick(findChild(user, "editButton"));
            verify(user.editing);
            findChild(user, "editArea").text = "second question, edited";
            mouseClick(findChild(user, "resendButton"));
            tryCompare(chat, "busy", false, 10000);
            verify(chat.sessionId !== oldSession);
            compare(chat.userTextOf(1), "first question");
            compare(chat.userTextOf(2), "second question, edited");
        }

        function test_escalationDetailsOpenOnDemand() {
            startChat("escalation-tool");
            verify(chat.send("What about the legal implications of card data in logs? High stakes."));
            tryCompare(chat, "busy", false, 10000);
            const row = rowOfKind("notice", 1);
            verify(row >= 0, "an escalation notice");
            const notice = delegateOf(row);
            verify(notice.text.indexOf("escalated") >= 0);
            verify(!notice.showDetail);
            mouseClick(findChild(notice, "detailsButton"));
            verify(notice.showDetail);
            verify(notice.detail.indexOf("Discarded answer") >= 0);
        }

        function test_stoppedTurnOffersRetry() {
            startChat("framing");
            chat.timeScale = 1;
            verify(chat.send("please answer slowly"));
            chat.stop();
            tryCompare(chat, "busy", false, 5000);
            const answer = delegateOf(rowOfKind("assistant", 1));
            compare(answer.status, "cancelled");
            const retry = findChild(answer, "retryButton");
            verify(retry.visible);
            chat.timeScale = 0;
            mouseClick(retry);
            tryCompare(chat, "busy", false, 10000);
            compare(chat.userTextOf(2), "please answer slowly");
        }

        function test_fallbackLineSaysWhoAnswered() {
            startChat("framing");
            chat.setFaults("rate_limited@1");
            verify(chat.send("Plan a migration of our billing service to Python 3."));
            tryCompare(chat, "busy", false, 10000);
            chat.setFaults("");
            const notice = delegateOf(rowOfKind("notice", 1));
            compare(notice.notice, "fallback");
            const answer = delegateOf(rowOfKind("assistant", 1));
            verify(/^rate limited on \S+, answered by /.test(notice.text), notice.text);
            verify(notice.text.endsWith(", answered by " + answer.model), notice.text);
        }

        function test_runFromHereAsksForItsTurn() {
            startChat("framing");
            verify(chat.send("first question"));
            verify(chat.send("second question"));
            tryCompare(chat, "busy", false, 10000);
            const user = delegateOf(rowOfKind("user", 2));
            const button = findChild(user, "runFromButton");
            verify(button.visible);
            runFromSpy.target = user;
            runFromSpy.clear();
            mouseClick(button);
            compare(runFromSpy.count, 1);
            compare(runFromSpy.signalArguments[0][0], 2);
        }

        function test_timelineClickSelectsTheTurn() {
            startChat("framing");
            verify(chat.send("one"));
            verify(chat.send("two"));
            tryCompare(chat, "busy", false, 10000);
            compare(chat.timeline.count, 2);
            root.clickedTurn = 0;
            // the second turn's column: label area + 1.5 columns
            mouseClick(timeline, timeline.labelWidth + timeline.columnWidth * 1.5, 40);
            compare(root.clickedTurn, 2);
        }

        function test_memoryPanelEditBecomesUserVersion() {
            startChat("framing");
            verify(chat.send("Plan a migration of our billing service to Python 3."));
            tryCompare(chat, "busy", false, 10000);
            const before = chat.memory.version;
            verify(chat.memory.setFieldText("non_goals", "rewrite the UI"));
            compare(chat.memory.version, before + 1);
            compare(chat.memory.author, "user");
            verify(memoryPanel.memory.canUndo);
            chat.memory.undo();
            compare(chat.memory.version, before + 2); // undo writes the old items back
        }
    }
}
