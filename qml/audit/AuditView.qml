pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Audit

// Every provider call of a stored session: time, tier, model, attempt, status, tokens, cost,
// TTFT, latency; filters; the request as sent and the response of the selected call; JSONL export.
Rectangle {
    id: view

    // The studio's workspace (shell's Studio): the stored sessions and their calls.
    required property AuditWorkspace workspace
    // The chat's session: its calls are shown when no session is chosen.
    property string currentSessionId
    readonly property AuditCallModel calls: view.workspace.calls
    // untyped: qmllint 6.4 knows no array methods on QStringList
    readonly property var tierOptions: view.calls.tiers
    readonly property var modelOptions: view.calls.models
    readonly property var statusOptions: view.calls.statuses
    readonly property var columnWidths: [90, 44, 56, 110, 170, 100, 70, 70, 80, 70, 80]
    property var detail: ({})
    property int selectedCall: -1

    function select(callId: int) {
        view.selectedCall = callId;
        view.detail = view.calls.callDetail(callId);
    }
    function exportCalls(path: string): bool {
        return view.calls.exportJsonl(path);
    }

    color: Theme.window

    Component.onCompleted: {
        if (view.calls.sessionId === "" && view.currentSessionId !== "")
            view.workspace.showCallsOf(view.currentSessionId);
    }

    Connections {
        target: view.workspace
        // A scripted run shows its first answered call once it is over.
        function onUnattendedChanged() {
            if (view.workspace.unattended)
                return;
            for (let row = 0; row < view.calls.count; ++row) {
                const id = view.calls.callIdAt(row);
                if (id >= 0) {
                    view.select(id);
                    return;
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ViewHeader {
            title: qsTr("Audit")

            ComboBox {
                id: sessionPick

                Layout.preferredWidth: 320
                model: view.workspace.sessions
                textRole: "title"
                valueRole: "sessionId"
                currentIndex: view.workspace.sessions.rowOf(view.calls.sessionId)
                displayText: currentIndex >= 0 ? currentText : qsTr("Choose a session")
                onActivated: index => {
                    view.selectedCall = -1;
                    view.detail = {};
                    view.workspace.showCallsOf(view.workspace.sessions.idAt(index));
                }
            }
            ToolButton {
                text: qsTr("Refresh")
                onClicked: view.workspace.refreshSessions()
            }
            Label {
                text: qsTr("Tier")
                color: Theme.textMuted
            }
            ComboBox {
                objectName: "tierFilter"
                implicitWidth: 120
                model: [qsTr("All"), ...view.tierOptions]
                currentIndex: Math.max(0, view.tierOptions.indexOf(view.calls.tierFilter) + 1)
                onActivated: index => view.calls.tierFilter = index === 0 ? ""
                                                             : view.tierOptions[index - 1]
            }
            Label {
                text: qsTr("Model")
                color: Theme.textMuted
            }
            ComboBox {
                objectName: "modelFilter"
                implicitWidth: 170
                model: [qsTr("All"), ...view.modelOptions]
                currentIndex: Math.max(0, view.modelOptions.indexOf(view.calls.modelFilter) + 1)
                onActivated: index => view.calls.modelFilter = index === 0 ? ""
                                                              : view.modelOptions[index - 1]
            }
            Label {
                text: qsTr("Status")
                color: Theme.textMuted
            }
            ComboBox {
                objectName: "statusFilter"
                implicitWidth: 130
                model: [qsTr("All"), ...view.statusOptions]
                currentIndex: Math.max(0, view.statusOptions.indexOf(
                                           view.calls.statusFilter) + 1)
                onActivated: index => view.calls.statusFilter = index === 0 ? ""
                                                               : view.statusOptions[index - 1]
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Export JSONL…")
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("The calls shown, with their requests, one JSON object a line")
                enabled: view.calls.sessionId !== ""
                onClicked: jsonlDialog.open()
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 14
            Layout.topMargin: 6
            readonly property var t: view.calls.totals
            text: view.calls.errorString !== "" ? view.calls.errorString
                  : qsTr("%1 calls · %2 failed · %3 tokens · %4").arg(t.calls).arg(t.failed)
                    .arg(t.tokens).arg(t.costLabel)
            color: view.calls.errorString !== "" ? Theme.error : Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 8
            orientation: Qt.Vertical

            Rectangle {
                SplitView.fillHeight: true
                SplitView.minimumHeight: 150
                color: Theme.panel
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 1
                    spacing: 0

                    // Header row
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 28
                        color: Theme.panelAlt

                        Row {
                            anchors.fill: parent
                            anchors.leftMargin: 10

                            Repeater {
                                model: [qsTr("Time"), qsTr("Turn"), qsTr("Attempt"), qsTr("Tier"),
                                    qsTr("Model"), qsTr("Status"), qsTr("In tok"), qsTr("Out tok"),
                                    qsTr("Cost"), qsTr("TTFT"), qsTr("Latency")]

                                delegate: Label {
                                    required property int index
                                    required property string modelData

                                    width: view.columnWidths[index]
                                    height: 28
                                    verticalAlignment: Text.AlignVCenter
                                    text: modelData
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                    font.weight: Font.DemiBold
                                }
                            }
                        }
                    }

                    ListView {
                        id: table

                        objectName: "callTable"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: view.calls
                        ScrollBar.vertical: ScrollBar {}

                        delegate: ItemDelegate {
                            id: callRow

                            required property int index
                            required property int callId
                            required property string time
                            required property int turn
                            required property int attempt
                            required property string tier
                            required property string model
                            required property string status
                            required property real inputTokens
                            required property real outputTokens
                            required property string costLabel
                            required property real ttft
                            required property real latency
                            required property bool ok

                            readonly property var cells: [time, turn, attempt, tier, model, status,
                                inputTokens, outputTokens, costLabel,
                                Formatter.duration(ttft), Formatter.duration(latency)]

                            width: ListView.view.width
                            height: 26
                            highlighted: view.selectedCall === callId
                            onClicked: view.select(callId)

                            background: Rectangle {
                                color: callRow.highlighted
                                       ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.18)
                                       : callRow.index % 2 ? Theme.panelAlt : Theme.panel
                            }
                            contentItem: Row {
                                leftPadding: 0

                                Repeater {
                                    model: callRow.cells

                                    delegate: Label {
                                        required property int index
                                        required property var modelData

                                        width: view.columnWidths[index]
                                        elide: Text.ElideRight
                                        text: modelData
                                        color: index === 5 && !callRow.ok ? Theme.error : Theme.text
                                        font.pixelSize: Theme.fontSmall + 1
                                        font.family: index >= 6 ? Theme.monoFamily : "sans-serif"
                                    }
                                }
                            }
                        }

                        Label {
                            anchors.centerIn: parent
                            visible: table.count === 0
                            text: view.calls.sessionId === ""
                                  ? qsTr("Choose a session to see its provider calls.")
                                  : qsTr("No calls match the filters.")
                            color: Theme.textMuted
                        }
                    }
                }
            }

            // Request and response of the selected call
            RowLayout {
                SplitView.preferredHeight: 300
                SplitView.minimumHeight: 100
                spacing: 8

                Repeater {
                    model: [{
                            "title": qsTr("Request as sent"),
                            "key": "request"
                        }, {
                            "title": qsTr("Response"),
                            "key": "response"
                        }]

                    delegate: Rectangle {
                        id: pane

                        required property var modelData

                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        color: Theme.panel
                        border.color: Theme.border

                        ColumnLayout {
                            anchors.fill: parent
                            anchors.margins: 8
                            spacing: 4

                            FieldLabel {
                                text: pane.modelData.title
                            }
                            ScrollView {
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                clip: true

                                TextArea {
                                    objectName: pane.modelData.key + "Text"
                                    readOnly: true
                                    selectByMouse: true
                                    wrapMode: TextEdit.WrapAnywhere
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontSmall
                                    text: view.detail.error ?? view.detail[pane.modelData.key]
                                          ?? qsTr("Select a call.")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    FileDialog {
        id: jsonlDialog

        title: qsTr("Export Calls as JSONL")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "jsonl"
        nameFilters: [qsTr("JSON Lines (*.jsonl)")]
        onAccepted: view.exportCalls(String(selectedFile))
    }
}
