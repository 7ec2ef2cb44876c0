pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Chat

// One row of a chat: a user turn (editable), an answer with its tier badge and figures, or an
// inline notice (escalation, fallback, retry, handoff) whose details open on demand.
Item {
    id: message

    required property int index
    required property string kind
    required property string text
    required property int turn
    required property string tierLabel
    required property string tierColor
    required property string model
    required property real inputTokens
    required property real outputTokens
    required property real cost
    required property bool costKnown
    required property real ttft
    required property real latency
    required property string status
    required property string notice
    required property string detail
    required property string error
    required property bool editable

    property ChatSessionModel session
    property bool compact: false
    // Blind comparison: nothing that names the tier or the model behind the answer.
    property bool anonymous: false
    property bool selected: false
    property bool showDetail: false
    property bool editing: false

    signal turnClicked(int turn)
    signal runFromRequested(int turn)
    signal saveAsGoldenRequested(int turn)

    function noticeColor(): color {
        switch (message.notice) {
        case "escalation":
            return Theme.edgePost;
        case "fallback":
            return Theme.edgeFailure;
        case "retry":
            return Theme.warning;
        default:
            return Theme.edgeReturn;
        }
    }

    width: ListView.view ? ListView.view.width : 400
    height: column.implicitHeight + (message.kind === "notice" ? 4 : 14)

    ColumnLayout {
        id: column

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.leftMargin: message.compact ? 8 : 20
        anchors.rightMargin: message.compact ? 8 : 20
        anchors.topMargin: message.kind === "notice" ? 2 : 7
        spacing: 4

        // User turn
        Rectangle {
            visible: message.kind === "user"
            Layout.alignment: Qt.AlignRight
            Layout.maximumWidth: column.width * 0.85
            Layout.preferredWidth: userLayout.implicitWidth + 24
            implicitHeight: userLayout.implicitHeight + 16
            radius: 10
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
            border.color: message.selected ? Theme.accent : "transparent"

            ColumnLayout {
                id: userLayout

                anchors.fill: parent
                anchors.margins: 8
                anchors.leftMargin: 12
                anchors.rightMargin: 12
                spacing: 6

                Label {
                    visible: !message.editing
                    Layout.fillWidth: true
                    text: message.text
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                }
                TextArea {
                    id: editArea

                    objectName: "editArea"
                    visible: message.editing
                    Layout.fillWidth: true
                    Layout.minimumWidth: 320
                    wrapMode: TextEdit.Wrap
                    text: message.text
                }
                RowLayout {
                    Layout.alignment: Qt.AlignRight
                    spacing: 6

                    Label {
                        text: qsTr("Turn %1").arg(message.turn)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    ToolButton {
                        objectName: "editButton"
                        visible: message.editable && !message.editing && !message.compact
                        text: qsTr("Edit")
                        font.pixelSize: Theme.fontSmall
                        onClicked: {
                            editArea.text = message.text;
                            message.editing = true;
                        }
                    }
                    ToolButton {
                        objectName: "runFromButton"
                        visible: !message.editing && !message.compact && message.session !== null
                        text: qsTr("Run from here…")
                        font.pixelSize: Theme.fontSmall
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: qsTr("Replay the chat from this turn on another ladder or "
                                           + "with the memory as edited, side by side")
                        onClicked: message.runFromRequested(message.turn)
                    }
                    ToolButton {
                        visible: message.editing
                        text: qsTr("Cancel")
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.editing = false
                    }
                    Button {
                        objectName: "resendButton"
                        visible: message.editing
                        text: qsTr("Resend as new branch")
                        highlighted: true
                        font.pixelSize: Theme.fontSmall
                        onClicked: {
                            message.editing = false;
                            message.session.editAndResend(message.turn, editArea.text);
                        }
                    }
                }
            }
        }

        // Inline notice
        ColumnLayout {
            visible: message.kind === "notice"
            Layout.fillWidth: true
            spacing: 2

            RowLayout {
                Layout.fillWidth: true
                spacing: 6

                Rectangle {
                    Layout.preferredWidth: 3
                    Layout.fillHeight: true
                    color: message.noticeColor()
                }
                Label {
                    objectName: "noticeText"
                    Layout.fillWidth: true
                    text: message.text
                    color: message.noticeColor()
                    font.pixelSize: Theme.fontSmall + 1
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                }
                ToolButton {
                    objectName: "detailsButton"
                    visible: message.detail !== ""
                    text: message.showDetail ? qsTr("Hide details") : qsTr("Details")
                    font.pixelSize: Theme.fontSmall
                    onClicked: message.showDetail = !message.showDetail
                }
            }
            Rectangle {
                visible: message.showDetail
                Layout.fillWidth: true
                implicitHeight: detailText.implicitHeight + 16
                radius: Theme.radius
                color: Theme.panelAlt
                border.color: Theme.border

                TextEdit {
                    id: detailText

                    anchors.fill: parent
                    anchors.margins: 8
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    text: message.detail
                    color: Theme.textMuted
                    font.family: message.notice === "handoff" ? Theme.monoFamily
                                                               : "sans-serif"
                    font.pixelSize: Theme.fontSmall + 1
                }
            }
        }

        // Answer
        Rectangle {
            visible: message.kind === "assistant"
            Layout.fillWidth: true
            implicitHeight: answerLayout.implicitHeight + 20
            radius: 10
            clip: true
            color: Theme.panel
            border.color: message.selected ? Theme.accent
                          : message.status === "failed" ? Theme.error : Theme.border

            Rectangle {
                width: 4
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.margins: 1
                radius: 2
                color: message.anonymous ? Theme.border : message.tierColor
            }

            ColumnLayout {
                id: answerLayout

                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 10
                anchors.leftMargin: 16
                spacing: 6

                Flow {
                    Layout.fillWidth: true
                    spacing: 6

                    Chip {
                        objectName: "tierChip"
                        tint: message.anonymous ? Theme.textMuted : message.tierColor
                        text: message.anonymous ? qsTr("Answer")
                              : message.tierLabel !== "" ? message.tierLabel : qsTr("routing…")
                    }
                    Label {
                        objectName: "modelLabel"
                        visible: !message.anonymous
                        text: message.model
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        font.family: Theme.monoFamily
                    }
                    Label {
                        visible: message.status === "done"
                        text: qsTr("%1 in · %2 out tok").arg(message.inputTokens)
                              .arg(message.outputTokens)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        visible: message.status === "done" || message.cost > 0
                        text: Formatter.costLabel(message.cost, !message.costKnown)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        visible: message.status === "done"
                        text: qsTr("TTFT %1 · total %2").arg(Formatter.duration(message.ttft))
                              .arg(Formatter.duration(message.latency))
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    BusyIndicator {
                        visible: message.status === "pending" || message.status === "streaming"
                        running: visible
                        implicitWidth: 16
                        implicitHeight: 16
                    }
                }

                // Code lines never wrap: in a narrow column they scroll sideways instead of
                // being cut off.
                Flickable {
                    id: answerScroll

                    readonly property bool overflows: contentWidth > width + 1

                    objectName: "answerScroll"
                    visible: answerText.text !== ""
                    Layout.fillWidth: true
                    // The text's own implicit width, as when it sat in the layout directly:
                    // without it the message's width and the text's height never settled.
                    implicitWidth: answerText.implicitWidth
                    implicitHeight: answerText.implicitHeight + (overflows ? 10 : 0)
                    contentWidth: Math.max(width, answerText.contentWidth)
                    contentHeight: answerText.implicitHeight
                    flickableDirection: Flickable.HorizontalFlick
                    boundsBehavior: Flickable.StopAtBounds
                    interactive: overflows
                    clip: overflows
                    ScrollBar.horizontal: ScrollBar {
                        policy: answerScroll.overflows ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    }

                    TextEdit {
                        id: answerText

                        objectName: "answerText"
                        width: answerScroll.width
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.Wrap
                        // Markdown while streaming too: an open code fence shows as code at once
                        textFormat: TextEdit.MarkdownText
                        text: message.text
                        color: Theme.text
                        selectionColor: Theme.selection
                        font.pixelSize: Theme.fontNormal
                    }
                }

                Repeater {
                    model: message.status === "done" && !message.compact && message.session
                           ? message.session.codeBlocks(message.text) : []

                    delegate: Button {
                        required property int index
                        required property string modelData

                        text: qsTr("Copy code block %1").arg(index + 1)
                        font.pixelSize: Theme.fontSmall
                        flat: true
                        onClicked: message.session.copyText(modelData)
                    }
                }

                Label {
                    visible: message.error !== ""
                    Layout.fillWidth: true
                    text: message.error
                    color: message.status === "cancelled" ? Theme.textMuted : Theme.error
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSmall + 1
                }

                Flow { // wraps in a narrow answer instead of cutting the last buttons off
                    visible: !message.compact
                             && (message.status === "done" || message.status === "failed"
                                 || message.status === "cancelled")
                    Layout.fillWidth: true
                    spacing: 4

                    Button {
                        objectName: "retryButton"
                        visible: message.status !== "done" && message.session !== null
                                 && !message.session.readOnly
                        text: qsTr("Retry")
                        highlighted: true
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.session.retry(message.turn)
                    }
                    ToolButton {
                        text: qsTr("Copy")
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.session.copyText(message.text)
                    }
                    ToolButton {
                        visible: message.session !== null && !message.session.readOnly
                        text: qsTr("Regenerate")
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.session.editAndResend(
                                       message.turn, message.session.userTextOf(message.turn))
                    }
                    ChatFeedbackButtons {
                        session: message.session
                        turn: message.turn
                        status: message.status
                        tierLabel: message.tierLabel
                    }
                    ToolButton {
                        objectName: "saveGoldenButton"
                        visible: message.status === "done"
                        text: qsTr("Save as golden case…")
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.saveAsGoldenRequested(message.turn)
                    }
                    ToolButton {
                        text: qsTr("Show in timeline")
                        font.pixelSize: Theme.fontSmall
                        onClicked: message.turnClicked(message.turn)
                    }
                }
            }
        }
    }
}
