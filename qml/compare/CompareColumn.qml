pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Chat
import LadderStudio.Compare

// One column of a comparison: its ladder (or blind label), running totals, timeline and answers;
// in blind mode each answer has a "Better" button.
Rectangle {
    id: column

    required property ChatSessionModel session
    required property int index
    property CompareModel compare
    readonly property var totals: session ? session.totals : ({})
    // [{turn, label, ladder}]: read as a property, so that the pick buttons follow new picks
    readonly property var picks: compare ? compare.picks : []
    // Blind and not yet revealed: the answers show no tier or model, notices are left out.
    readonly property bool anonymous: compare !== null && compare.blind && !compare.revealed

    signal removeRequested(int index)

    color: Theme.window
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: head.implicitHeight + 14
            color: Theme.panel

            ColumnLayout {
                id: head

                anchors.fill: parent
                anchors.margins: 7
                anchors.leftMargin: 10
                spacing: 2

                RowLayout {
                    Layout.fillWidth: true

                    Label {
                        Layout.fillWidth: true
                        text: column.session ? column.session.label : ""
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    BusyIndicator {
                        running: column.session !== null && column.session.busy
                        visible: running
                        implicitWidth: 18
                        implicitHeight: 18
                    }
                    ToolButton {
                        text: "✕"
                        enabled: column.compare !== null && !column.compare.busy
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Remove this column")
                        onClicked: column.removeRequested(column.index)
                    }
                }
                Label {
                    Layout.fillWidth: true
                    // Escalations tell a ladder from a single model: not shown while blind.
                    text: column.anonymous
                          ? qsTr("%1 · %2 tokens · mean %3 ms")
                            .arg(column.totals.costLabel ?? "").arg(column.totals.tokens ?? 0)
                            .arg(Math.round(column.totals.meanLatency ?? 0))
                          : qsTr("%1 · %2 tokens · mean %3 ms · %4 escalations")
                            .arg(column.totals.costLabel ?? "").arg(column.totals.tokens ?? 0)
                            .arg(Math.round(column.totals.meanLatency ?? 0))
                            .arg(column.totals.escalations ?? 0)
                    elide: Text.ElideRight
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        TierTimeline {
            objectName: "columnTimeline"
            Layout.fillWidth: true
            compact: true
            anonymous: column.anonymous
            model: column.session ? column.session.timeline : null
        }

        ListView {
            id: answers

            objectName: "answers"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: column.session
            ScrollBar.vertical: ScrollBar {}
            onContentHeightChanged: followTimer.restart()

            Timer {
                id: followTimer

                interval: 0
                onTriggered: answers.positionViewAtEnd()
            }

            delegate: Column {
                id: row

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

                width: ListView.view.width

                // "Run from here": where the replay starts going at the model's pace
                Rectangle {
                    visible: column.compare !== null && row.kind === "user"
                             && row.turn === column.compare.runFromTurn
                    x: 8
                    width: row.width - 16
                    height: fromHere.implicitHeight + 6
                    color: "transparent"
                    border.color: Theme.accent
                    radius: Theme.radius

                    Label {
                        id: fromHere

                        anchors.centerIn: parent
                        text: qsTr("Run from here (turn %1)").arg(row.turn)
                        color: Theme.accent
                        font.pixelSize: Theme.fontSmall
                    }
                }
                ChatMessage {
                    visible: !(column.anonymous && row.kind === "notice")
                    index: row.index
                    kind: row.kind
                    text: row.text
                    turn: row.turn
                    tierLabel: row.tierLabel
                    tierColor: row.tierColor
                    model: row.model
                    inputTokens: row.inputTokens
                    outputTokens: row.outputTokens
                    cost: row.cost
                    costKnown: row.costKnown
                    ttft: row.ttft
                    latency: row.latency
                    status: row.status
                    notice: row.notice
                    detail: row.detail
                    error: row.error
                    editable: false
                    compact: true
                    anonymous: column.anonymous
                    session: column.session
                    width: row.width
                }
                Button {
                    readonly property bool preferred: column.compare !== null && column.picks.some(
                        p => p.turn === row.turn && p.label === column.compare.blindLabel(
                            column.index))

                    objectName: "pickButton"
                    visible: column.compare !== null && column.compare.blind
                             && row.kind === "assistant" && row.status === "done"
                    x: 8
                    text: preferred ? qsTr("✓ Preferred") : qsTr("This one is better")
                    highlighted: preferred
                    font.pixelSize: Theme.fontSmall
                    onClicked: column.compare.pick(row.turn, column.index)
                }
            }
        }
    }
}
