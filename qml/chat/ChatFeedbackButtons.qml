import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Chat

// An answer's feedback: "Regenerate on a stronger tier" and the two votes. ChatFeedback keeps
// them as labelled cases for the learned listener (Design → a learned detector → Train).
RowLayout {
    id: buttons

    property ChatSessionModel session
    property int turn: 0
    property string status: ""
    property string tierLabel: "" // the answering tier: re-reads the stronger one when it changes

    readonly property bool active: buttons.session !== null && !buttons.session.readOnly
                                   && buttons.status === "done"
    readonly property int vote: buttons.active
                                ? (buttons.session.feedback.votes[String(buttons.turn)] ?? 0) : 0
    readonly property string strongerLabel: buttons.active && buttons.tierLabel !== ""
                                            ? buttons.session.feedback.strongerTierLabelOf(
                                                  buttons.turn) : ""

    visible: buttons.active
    spacing: 4

    ToolButton {
        objectName: "regenerateStrongerButton"
        visible: buttons.strongerLabel !== ""
        enabled: !buttons.session.busy
        text: qsTr("Regenerate on a stronger tier")
        font.pixelSize: Theme.fontSmall
        focusPolicy: Qt.StrongFocus
        Accessible.name: text
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 500
        ToolTip.text: qsTr("Answer this turn again on %1 in a new branch. The turn is kept as a "
                           + "case where this tier was not enough, for training the learned "
                           + "listener.").arg(buttons.strongerLabel)
        onClicked: buttons.session.feedback.regenerateStronger(buttons.turn)
    }
    ToolButton {
        objectName: "voteUpButton"
        text: qsTr("✓ Good")
        checked: buttons.vote === 1
        font.pixelSize: Theme.fontSmall
        focusPolicy: Qt.StrongFocus
        Accessible.name: qsTr("Good answer")
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 500
        ToolTip.text: checked ? qsTr("Click again to take the vote back")
                              : qsTr("A good answer from the cheapest tier is kept as a case "
                                     + "that did not need a stronger tier")
        onClicked: buttons.session.feedback.vote(buttons.turn, 1)
    }
    ToolButton {
        objectName: "voteDownButton"
        text: qsTr("✗ Not good enough")
        checked: buttons.vote === -1
        font.pixelSize: Theme.fontSmall
        focusPolicy: Qt.StrongFocus
        Accessible.name: qsTr("Answer not good enough")
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 500
        ToolTip.text: checked ? qsTr("Click again to take the vote back")
                              : qsTr("An answer from a tier below the strongest is kept as a "
                                     + "case that needs a stronger tier")
        onClicked: buttons.session.feedback.vote(buttons.turn, -1)
    }
}
