pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Chat

// Chat with the open ladder on the simulated provider: saved sessions on the left, the tier
// timeline and the conversation in the middle, the handoff memory on the right.
SplitView {
    id: view

    property LadderDocument doc
    // The studio's workspace (shell's Studio): the session, the stored sessions, the selected turn.
    required property ChatWorkspace workspace
    readonly property ChatSessionModel chat: view.workspace.chat
    // untyped: qmllint 6.4 knows no array methods on QVariantList
    readonly property var tierList: view.chat.tiers

    // "Run from here" opened a comparison: the window shows the Compare area.
    signal compareRequested()

    function scrollToTurn(turn: int) {
        const row = view.chat.rowOfTurn(turn);
        if (row >= 0)
            messages.positionViewAtIndex(row, ListView.Beginning);
    }
    function runFrom(turn: int, variant: string) {
        if (view.workspace.runFrom(turn, variant))
            view.compareRequested();
    }
    function newChat() {
        view.workspace.selectedTurn = 0;
        if (view.doc)
            view.chat.setLadderFrom(view.doc);
        else
            view.chat.clear();
    }

    orientation: Qt.Horizontal

    Component.onCompleted: {
        // A --script run (shell/ScriptRunner) gives the chat its ladder itself.
        if (Startup.scriptFile === "" && !view.chat.hasLadder && view.doc)
            startTimer.start(); // after the window has opened the document
    }

    Timer {
        id: startTimer

        interval: 0
        onTriggered: view.newChat()
    }

    Connections {
        target: view.workspace
        function onSelectedTurnChanged() {
            if (view.workspace.selectedTurn > 0) {
                messages.following = false;
                view.scrollToTurn(view.workspace.selectedTurn);
                scrollTimer.restart(); // again after the delegates settle
            }
        }
    }
    Timer {
        id: scrollTimer

        interval: 0
        onTriggered: view.scrollToTurn(view.workspace.selectedTurn)
    }
    Connections {
        target: view.doc
        // A different ladder was opened: a chat that has not started follows it.
        function onDocumentChanged() {
            if (!view.chat.busy && view.chat.turnCount === 0 && !view.workspace.unattended)
                view.chat.setLadderFrom(view.doc);
        }
    }

    // Saved sessions
    Rectangle {
        SplitView.preferredWidth: 230
        SplitView.minimumWidth: 160
        color: Theme.panelAlt

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 10

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Sessions")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Button {
                    text: qsTr("New chat")
                    highlighted: true
                    enabled: view.doc !== null
                    onClicked: view.newChat()
                }
            }
            Label {
                visible: view.workspace.storeError !== ""
                Layout.fillWidth: true
                Layout.margins: 10
                text: view.workspace.storeError
                color: Theme.error
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
            }
            ListView {
                id: sessionList

                objectName: "sessionList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: view.workspace.sessions
                ScrollBar.vertical: ScrollBar {}

                delegate: ItemDelegate {
                    id: sessionRow

                    required property string sessionId
                    required property string title
                    required property string ladderName
                    required property string created
                    required property int calls
                    required property string costLabel

                    width: ListView.view.width
                    highlighted: sessionId === view.chat.sessionId
                    onClicked: {
                        if (sessionId !== view.chat.sessionId)
                            view.workspace.openSession(sessionId);
                    }

                    ToolButton {
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        visible: sessionRow.hovered && !view.chat.busy
                        text: "✕"
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Delete this session and its audit records")
                        onClicked: view.workspace.deleteSession(sessionRow.sessionId)
                    }

                    contentItem: ColumnLayout {
                        spacing: 1

                        Label {
                            Layout.fillWidth: true
                            text: sessionRow.title
                            elide: Text.ElideRight
                            color: sessionRow.highlighted ? Theme.accentText : Theme.text
                            font.pixelSize: Theme.fontNormal
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2 · %3 calls · %4").arg(sessionRow.ladderName)
                                  .arg(sessionRow.created).arg(sessionRow.calls)
                                  .arg(sessionRow.costLabel)
                            elide: Text.ElideRight
                            color: sessionRow.highlighted ? Theme.accentText : Theme.textMuted
                            font.pixelSize: Theme.fontSmall - 1
                        }
                    }
                }
            }
            Label {
                visible: sessionList.count === 0
                Layout.fillWidth: true
                Layout.margins: 10
                text: qsTr("Chats are saved here as you go.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    // Conversation
    Rectangle {
        SplitView.fillWidth: true
        SplitView.minimumWidth: 420
        color: Theme.window

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            // Header
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: header.implicitHeight + 16
                color: Theme.panel

                RowLayout {
                    id: header

                    anchors.fill: parent
                    anchors.margins: 8
                    anchors.leftMargin: 14
                    spacing: 8

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        TextField {
                            id: titleField

                            objectName: "titleField"
                            Layout.fillWidth: true
                            text: view.chat.title
                            placeholderText: qsTr("New chat")
                            readOnly: view.chat.readOnly || view.chat.sessionId === ""
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.text
                            leftPadding: 0
                            topPadding: 0
                            bottomPadding: 0
                            background: Rectangle {
                                color: "transparent"
                                border.color: titleField.activeFocus ? Theme.accent : "transparent"
                                radius: 3
                            }
                            ToolTip.visible: hovered && !readOnly
                            ToolTip.text: qsTr("Rename the session")
                            // show the beginning of a long title, not its end
                            onTextChanged: {
                                if (!activeFocus)
                                    cursorPosition = 0;
                            }
                            onEditingFinished: {
                                if (text.trim() !== "" && text !== view.chat.title) {
                                    view.chat.title = text.trim();
                                    view.workspace.refreshSessions();
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            readonly property var t: view.chat.totals
                            objectName: "chatTotals"
                            text: qsTr("%1 · %2 turns · %3 · %4 tokens · mean %5 ms · %6 escalations · %7 fallbacks")
                                  .arg(view.chat.ladderName !== "" ? view.chat.ladderName
                                                                   : qsTr("no ladder"))
                                  .arg(t.turns).arg(t.costLabel).arg(t.tokens)
                                  .arg(Math.round(t.meanLatency)).arg(t.escalations)
                                  .arg(t.fallbacks)
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    Chip {
                        visible: view.chat.readOnly
                        tint: Theme.warning
                        text: qsTr("read-only replay")
                    }
                    Label {
                        text: qsTr("Speed")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    ComboBox {
                        readonly property var scales: [1.0, 0.25, 0.0]

                        implicitWidth: 120
                        model: [qsTr("Real time"), qsTr("4× faster"), qsTr("Instant")]
                        currentIndex: Math.max(0, scales.indexOf(view.workspace.timeScale))
                        onActivated: index => view.workspace.timeScale = scales[index]
                    }
                    Button {
                        text: qsTr("Export…")
                        enabled: view.chat.turnCount > 0
                        onClicked: exportDialog.open()
                    }
                }
            }

            TierTimeline {
                Layout.fillWidth: true
                model: view.chat.timeline
                selectedTurn: view.workspace.selectedTurn
                onTurnClicked: turn => {
                    view.workspace.selectedTurn = turn;
                    view.scrollToTurn(turn);
                }
            }

            ListView {
                id: messages

                property bool following: true

                objectName: "messages"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: view.chat
                topMargin: 8
                bottomMargin: 8
                ScrollBar.vertical: ScrollBar {}
                onMovementEnded: following = atYEnd
                onContentHeightChanged: {
                    if (following)
                        followTimer.restart();
                }

                Timer {
                    id: followTimer

                    interval: 0
                    onTriggered: {
                        if (messages.following)
                            messages.positionViewAtEnd();
                    }
                }

                delegate: ChatMessage {
                    session: view.chat
                    selected: turn === view.workspace.selectedTurn
                    onTurnClicked: turn => view.workspace.selectedTurn = turn
                    onRunFromRequested: turn => runFromMenu.openFor(turn)
                    onSaveAsGoldenRequested: turn => goldenCaseDialog.openFor(turn)
                }

                Label {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 40, 480)
                    visible: messages.count === 0
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: view.chat.hasLadder
                          ? qsTr("Ask something. The ladder “%1” decides which tier answers; "
                                 + "escalations, fallbacks and handoffs appear inline.")
                            .arg(view.chat.ladderName)
                          : qsTr("Open or create a ladder in Design, then chat with it here.")
                    color: Theme.textMuted
                }
            }

            ErrorBanner {
                objectName: "auditWarning"
                Layout.fillWidth: true
                message: view.chat.auditWarning
            }

            Label {
                visible: view.chat.errorString !== ""
                Layout.fillWidth: true
                Layout.leftMargin: 14
                text: view.chat.errorString
                color: Theme.error
                font.pixelSize: Theme.fontSmall
            }

            // Composer
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: composer.implicitHeight + 16
                color: Theme.panel
                border.color: Theme.border

                RowLayout {
                    id: composer

                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 8

                    ScrollView {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.min(120, Math.max(40, input.implicitHeight))

                        TextArea {
                            id: input

                            objectName: "composerInput"
                            enabled: view.chat.hasLadder && !view.chat.readOnly
                            placeholderText: view.chat.readOnly
                                             ? qsTr("A stored session is read-only: start a new chat to continue.")
                                             : qsTr("Message the ladder (Ctrl+Enter to send)")
                            wrapMode: TextEdit.Wrap
                            Keys.onPressed: event => {
                                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                        && (event.modifiers & Qt.ControlModifier)) {
                                    sendButton.clicked();
                                    event.accepted = true;
                                }
                            }
                        }
                    }
                    ComboBox {
                        id: tierPick

                        readonly property var ids: ["", ...view.tierList.map(t => t.id)]

                        objectName: "tierPick"
                        implicitWidth: 170
                        enabled: input.enabled
                        model: [qsTr("Auto (router)"),
                                ...view.tierList.map(t => qsTr("Force %1").arg(t.label))]
                        currentIndex: Math.max(0, ids.indexOf(view.chat.manualTier))
                        onActivated: index => view.chat.manualTier = ids[index]
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Tier for the next turn")
                    }
                    Button {
                        id: sendButton

                        objectName: "sendButton"
                        visible: !view.chat.busy
                        text: qsTr("Send")
                        highlighted: true
                        enabled: input.enabled && input.text.trim() !== ""
                        onClicked: {
                            messages.following = true;
                            if (view.chat.send(input.text))
                                input.text = "";
                        }
                    }
                    Button {
                        objectName: "stopButton"
                        visible: view.chat.busy
                        text: qsTr("Stop")
                        onClicked: view.chat.stop()
                    }
                }
            }
        }
    }

    MemoryPanel {
        SplitView.preferredWidth: 360
        SplitView.minimumWidth: 260
        session: view.chat
        selectedTurn: view.workspace.selectedTurn
        workspace: view.workspace
    }

    FileDialog {
        id: exportDialog

        title: qsTr("Export Chat")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "md"
        nameFilters: [qsTr("Markdown (*.md)"), qsTr("JSON (*.json)")]
        onAccepted: view.chat.exportTo(String(selectedFile))
    }

    GoldenCaseDialog {
        id: goldenCaseDialog

        chat: view.chat
    }

    // "Run from here": the same turns on another ladder, or with the memory as edited now.
    Menu {
        id: runFromMenu

        property int turn: 0
        readonly property var templates: view.doc ? view.doc.templates : []

        objectName: "runFromMenu"

        function openFor(turn: int) {
            runFromMenu.turn = turn;
            runFromMenu.popup();
        }

        MenuItem {
            text: qsTr("Same ladder, memory as edited now")
            enabled: view.chat.memory.editable && view.chat.memory.version > 0
            onTriggered: view.runFrom(runFromMenu.turn, "memory")
        }
        Menu {
            title: qsTr("Single-model baseline")

            Repeater {
                // The strongest tiers: a menu item per tier of a 1,000-tier ladder would cost
                // seconds to build (each insertion reorders the menu) and fill no screen.
                model: view.tierList.slice(0, 24)

                delegate: MenuItem {
                    required property var modelData

                    text: qsTr("Always %1 (%2)").arg(modelData.label).arg(modelData.model)
                    onTriggered: view.runFrom(runFromMenu.turn, "baseline:" + modelData.id)
                }
            }
        }
        Menu {
            title: qsTr("Template")

            Repeater {
                model: runFromMenu.templates

                delegate: MenuItem {
                    required property string modelData

                    text: view.doc ? view.doc.templateTitle(modelData) : modelData
                    onTriggered: view.runFrom(runFromMenu.turn, "template:" + modelData)
                }
            }
        }
    }
}
