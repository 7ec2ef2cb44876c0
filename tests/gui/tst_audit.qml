import QtQuick
import QtTest
import LadderStudio
import LadderStudioTest

// The Audit browser on a chat recorded in the studio's store (a temporary file, see main.cpp):
// the tier, model and status filters narrow the rows, opening a call shows its request and
// response, and the JSONL export writes the rows shown.
Item {
    id: root

    width: 1300
    height: 860

    AuditView {
        id: audit

        anchors.fill: parent
        workspace: Studio
        currentSessionId: Studio.chat.sessionId
    }

    TestCase {
        id: test

        property var table: null

        function rowsOf(role) {
            const values = [];
            for (let row = 0; row < test.table.count; ++row) {
                test.table.positionViewAtIndex(row, ListView.Contain);
                const item = test.table.itemAtIndex(row);
                verify(item, "row " + row + " has a delegate");
                values.push(item[role]);
            }
            return values;
        }
        // What choosing `option` (or "" for All) in a filter's combo box does.
        function choose(comboName, options, option) {
            const combo = findChild(audit, comboName);
            verify(combo, comboName);
            const index = option === "" ? 0 : options.indexOf(option) + 1;
            verify(index >= 0, option + " is offered");
            combo.currentIndex = index;
            combo.activated(index);
        }
        function clearFilters() {
            choose("tierFilter", audit.tierOptions, "");
            choose("modelFilter", audit.modelOptions, "");
            choose("statusFilter", audit.statusOptions, "");
        }

        name: "Audit"
        when: windowShown

        function initTestCase() {
            const chat = Studio.chat;
            Studio.timeScale = 0;
            verify(chat.setLadderFromTemplate("framing"));
            chat.setFaults("rate_limited@2");
            for (const t of ["Plan a migration of billing to Python 3.", "Go on.",
                             "Write the first step as a shell script."])
                verify(chat.send(t));
            tryCompare(chat, "busy", false, 30000);
            chat.setFaults(""); // the studio's chat is shared with the other test files
            Studio.showCallsOf(chat.sessionId);
            test.table = findChild(audit, "callTable");
            verify(test.table);
        }
        function init() {
            clearFilters();
        }

        function test_rowsAreTheSessionsCalls() {
            verify(test.table.count >= 4, "a call a turn, and the rate-limited attempt");
            compare(test.table.count, Studio.calls.totals.calls);
            const statuses = rowsOf("status");
            verify(statuses.indexOf("rate_limited") >= 0);
            verify(statuses.indexOf("ok") >= 0);
        }

        function test_filtersNarrowTheRows_data() {
            return [{
                    "tag": "tier",
                    "combo": "tierFilter",
                    "role": "tier",
                    "options": "tierOptions"
                }, {
                    "tag": "model",
                    "combo": "modelFilter",
                    "role": "model",
                    "options": "modelOptions"
                }, {
                    "tag": "status",
                    "combo": "statusFilter",
                    "role": "status",
                    "options": "statusOptions"
                }];
        }
        function test_filtersNarrowTheRows(data) {
            const all = rowsOf(data.role);
            const options = audit[data.options];
            verify(options.length >= 2, "more than one " + data.tag + " to filter by");
            for (const option of options) {
                choose(data.combo, options, option);
                const shown = rowsOf(data.role);
                compare(shown.length, all.filter(v => v === option).length, option);
                verify(shown.length < all.length, option + " narrows the rows");
                verify(shown.every(v => v === option), "only " + option);
            }
            choose(data.combo, options, "");
            compare(test.table.count, all.length);
        }

        function test_openingACallShowsRequestAndResponse() {
            const request = findChild(audit, "requestText");
            const response = findChild(audit, "responseText");
            verify(request && response);
            test.table.positionViewAtIndex(0, ListView.Beginning);
            const row = test.table.itemAtIndex(0);
            mouseClick(row);
            compare(audit.selectedCall, row.callId);
            verify(row.highlighted);
            const sent = JSON.parse(request.text);
            verify(sent.messages.length > 0, "the messages as sent");
            compare(sent.model, row.model);
            const answer = JSON.parse(response.text);
            verify(JSON.stringify(answer).length > 2, "a response");
        }

        function test_exportWritesTheRowsShown_data() {
            return [{
                    "tag": "all"
                }, {
                    "tag": "rate limited",
                    "status": "rate_limited"
                }];
        }
        function test_exportWritesTheRowsShown(data) {
            if (data.status)
                choose("statusFilter", audit.statusOptions, data.status);
            const ids = rowsOf("callId");
            const path = TestFiles.path("calls-" + ids.length + ".jsonl");
            verify(audit.exportCalls(path));
            const lines = TestFiles.readLines(path);
            compare(lines.length, ids.length);
            for (let i = 0; i < lines.length; ++i) {
                const call = JSON.parse(lines[i]);
                compare(call.id, ids[i]);
                compare(call.session_id, Studio.chat.sessionId);
                verify(call.request.messages.length > 0);
                if (data.status)
                    compare(call.status, data.status);
            }
        }

        function test_exportToAnUnwritablePathFails() {
            verify(!audit.exportCalls(TestFiles.path("no/such/dir/calls.jsonl")));
            verify(Studio.calls.errorString.indexOf("no/such/dir") >= 0);
        }
    }
}
