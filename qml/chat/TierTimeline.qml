pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import LadderStudio.Common
import LadderStudio.Chat

// Turns along x, tier lanes along y (the most expensive model on top): a mark per turn in its
// tier's colour, escalation / fallback / handoff markers (reasons on hover), and the turn's cost
// as a bar along the bottom. Clicking a turn selects it.
Rectangle {
    id: timeline

    property ChatTimelineModel model
    property int selectedTurn: 0
    property bool compact: false
    // Blind comparison: one unnamed lane and neutral marks, so neither the number of tiers nor
    // their colours, escalations or handoffs tell which ladder a column is.
    property bool anonymous: false
    readonly property var lanes: !model ? [] : anonymous ? [{"label": "", "color": Theme.textMuted}]
                                                         : model.lanes
    readonly property int labelWidth: compact ? 84 : 130
    readonly property int columnWidth: compact ? 26 : 40
    readonly property int barArea: compact ? 22 : 34
    readonly property real laneHeight: Math.max(14, (plot.height - barArea - 8)
                                                / Math.max(1, lanes.length))
    // Lanes below the plot are not drawn: a big ladder does not get an item per tier.
    readonly property int shownLanes: Math.min(lanes.length,
                                               Math.ceil(plot.height / laneHeight) + 1)

    signal turnClicked(int turn)

    implicitHeight: compact ? 110 : 170
    color: Theme.panel
    border.color: Theme.border

    Label {
        visible: timeline.model !== null && timeline.model.count === 0
        anchors.centerIn: parent
        text: qsTr("The tier timeline fills as turns are answered.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    // Lane labels
    Column {
        id: labels

        x: 0
        y: 4
        width: timeline.labelWidth

        Repeater {
            model: timeline.lanes.slice(0, timeline.shownLanes)

            delegate: Item {
                required property var modelData
                required property int index

                width: timeline.labelWidth
                height: timeline.laneHeight

                Rectangle {
                    objectName: "timelineLane:" + parent.index
                    visible: !timeline.anonymous
                    anchors.verticalCenter: parent.verticalCenter
                    x: 8
                    width: 8
                    height: 8
                    radius: 4
                    color: parent.modelData.color
                }
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    x: 22
                    width: parent.width - 26
                    text: timeline.anonymous ? "" : parent.modelData.label
                    elide: Text.ElideRight
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
    Label {
        x: 8
        y: timeline.height - timeline.barArea + 2
        visible: !timeline.compact
        text: qsTr("cost / turn")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall - 1
    }

    Flickable {
        id: plot

        anchors.fill: parent
        anchors.leftMargin: timeline.labelWidth
        anchors.topMargin: 4
        anchors.rightMargin: 4
        clip: true
        contentWidth: Math.max(width, (timeline.model ? timeline.model.count : 0)
                               * timeline.columnWidth + 8)
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.horizontal: ScrollBar {}
        onContentWidthChanged: {
            if (contentWidth > width)
                contentX = contentWidth - width;
        }

        // Lane guides
        Repeater {
            model: timeline.shownLanes

            delegate: Rectangle {
                required property int index

                x: 0
                y: (index + 0.5) * timeline.laneHeight
                width: plot.contentWidth
                height: 1
                color: Theme.gridMajor
            }
        }

        Repeater {
            model: timeline.model

            delegate: Item {
                id: turnColumn

                required property int index
                required property int turn
                required property string tierLabel
                required property string tierColor
                required property int lane
                required property string model
                required property real cost
                required property bool costKnown
                required property string costLabel
                required property bool failed
                required property bool escalated
                required property bool handoff
                required property bool fallback
                required property string markerText
                required property bool steppedDown

                readonly property real markY: (timeline.anonymous ? 0.5 : Math.max(0, lane) + 0.5)
                                              * timeline.laneHeight
                readonly property color markColor: timeline.anonymous ? Theme.textMuted : tierColor
                readonly property real barHeight: timeline.model.maxCost > 0
                                                  ? (timeline.barArea - 6) * cost
                                                    / timeline.model.maxCost : 0

                x: index * timeline.columnWidth
                width: timeline.columnWidth
                height: plot.height

                Rectangle {
                    anchors.fill: parent
                    color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.10)
                    visible: timeline.selectedTurn === turnColumn.turn || hover.hovered
                }

                // Cost bar
                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: parent.height - 4 - height
                    width: timeline.columnWidth * 0.45
                    height: Math.max(1, turnColumn.barHeight)
                    color: turnColumn.markColor
                    opacity: 0.55
                    visible: turnColumn.costKnown
                }
                // No known price: a "?" where the bar would be, never a $0 bar
                Label {
                    objectName: "costUnknownMark"
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: parent.height - 4 - height
                    visible: !turnColumn.costKnown
                    text: "?"
                    color: Theme.textMuted
                    font.pixelSize: 10
                    font.weight: Font.Bold
                }

                // The turn's mark in its tier lane
                Rectangle {
                    objectName: "timelineMark:" + turnColumn.turn
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: turnColumn.markY - height / 2
                    width: timeline.compact ? 12 : 16
                    height: width
                    radius: width / 2
                    color: turnColumn.failed ? "transparent" : turnColumn.markColor
                    border.color: turnColumn.failed ? Theme.error : Qt.darker(turnColumn.markColor, 1.3)
                    border.width: turnColumn.failed ? 2 : 1

                    Label {
                        anchors.centerIn: parent
                        visible: !timeline.compact
                        text: turnColumn.failed ? "!" : turnColumn.turn
                        color: turnColumn.failed ? Theme.error : "white"
                        font.pixelSize: 9
                        font.weight: Font.Bold
                    }
                }

                // Markers above the mark
                Row {
                    visible: !timeline.anonymous
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: Math.max(0, turnColumn.markY - (timeline.compact ? 20 : 24))
                    spacing: 1

                    Label {
                        objectName: "escalatedMarker:" + turnColumn.turn
                        visible: turnColumn.escalated
                        text: "▲"
                        color: Theme.edgePost
                        font.pixelSize: 10
                    }
                    Label {
                        objectName: "stepDownMarker:" + turnColumn.turn
                        visible: turnColumn.steppedDown
                        text: "▼"
                        color: Theme.edgeReturn
                        font.pixelSize: 10
                    }
                    Label {
                        visible: turnColumn.fallback
                        text: "⚠"
                        color: Theme.edgeFailure
                        font.pixelSize: 10
                    }
                    Label {
                        visible: turnColumn.handoff
                        text: "⇄"
                        color: Theme.edgeReturn
                        font.pixelSize: 10
                    }
                }

                HoverHandler {
                    id: hover
                }
                TapHandler {
                    onTapped: timeline.turnClicked(turnColumn.turn)
                }
                ToolTip.visible: hover.hovered
                ToolTip.delay: 300
                ToolTip.text: timeline.anonymous
                              ? qsTr("Turn %1 · %2").arg(turnColumn.turn)
                                .arg(turnColumn.costLabel)
                              : qsTr("Turn %1 · %2 · %3 · %4").arg(turnColumn.turn)
                                .arg(turnColumn.tierLabel).arg(turnColumn.model)
                                .arg(turnColumn.costLabel)
                                + (turnColumn.markerText !== "" ? "\n" + turnColumn.markerText
                                                                : "")
            }
        }
    }
}
