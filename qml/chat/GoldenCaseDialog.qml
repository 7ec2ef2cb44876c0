pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Chat

// "Save this turn as a golden case": the set file, the case's id and task type, and what a good
// answer must satisfy, prefilled from the turn by GoldenCaseDraft (which also appends the case).
Dialog {
    id: dialog

    property ChatSessionModel chat

    function openFor(turn: int) {
        if (draft.prepare(dialog.chat, turn))
            dialog.open();
    }

    title: qsTr("Save turn as a golden case")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, (parent ? parent.width : 640) - 40)
    standardButtons: Dialog.Save | Dialog.Cancel

    // Stays open (with the error) when the case cannot be written.
    onAccepted: {
        if (!draft.save())
            dialog.open();
    }

    GoldenCaseDraft {
        id: draft

        objectName: "goldenCaseDraft"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: qsTr("Set file")
            color: Theme.textMuted
        }
        RowLayout {
            Layout.fillWidth: true

            TextField {
                objectName: "goldenSetPath"
                Layout.fillWidth: true
                text: draft.setPath
                onTextEdited: draft.setPath = text
            }
            Button {
                text: qsTr("Browse…")
                onClicked: setDialog.open()
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 8
            rowSpacing: 6

            Label {
                text: qsTr("Case id")
                color: Theme.textMuted
            }
            TextField {
                Layout.fillWidth: true
                text: draft.caseId
                onTextEdited: draft.caseId = text
            }
            Label {
                text: qsTr("Task type")
                color: Theme.textMuted
            }
            TextField {
                Layout.fillWidth: true
                text: draft.task
                onTextEdited: draft.task = text
            }
            Label {
                Layout.alignment: Qt.AlignTop
                text: qsTr("Conversation")
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%n user turn(s); the last: “%1”", "", draft.turns.length)
                      .arg(draft.turns.length > 0 ? draft.turns[draft.turns.length - 1] : "")
                color: Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            Label {
                Layout.alignment: Qt.AlignTop
                text: qsTr("Answer")
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: draft.model + ": " + draft.answer
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            Label {
                text: qsTr("A good answer")
                color: Theme.textMuted
            }
            ComboBox {
                objectName: "goldenScorer"
                Layout.fillWidth: true
                model: draft.scorers
                currentIndex: draft.scorerIndex
                onActivated: index => draft.scorer = draft.scorers[index]
            }
            Label {
                Layout.alignment: Qt.AlignTop
                visible: valueBox.visible
                text: draft.scorer === "contains" ? qsTr("Contains") : qsTr("Equals")
                color: Theme.textMuted
            }
            TextBox {
                id: valueBox

                Layout.fillWidth: true
                minimumHeight: 50
                maximumHeight: 120
                visible: draft.scorer === "exact" || draft.scorer === "normalised"
                         || draft.scorer === "last_number" || draft.scorer === "contains"
                text: draft.value
                onEdited: text => draft.value = text
            }
            Label {
                visible: patternField.visible
                text: qsTr("Pattern")
                color: Theme.textMuted
            }
            TextField {
                id: patternField

                Layout.fillWidth: true
                visible: draft.scorer === "regex"
                font.family: Theme.monoFamily
                text: draft.pattern
                onTextEdited: draft.pattern = text
            }
            Label {
                Layout.alignment: Qt.AlignTop
                visible: schemaBox.visible
                text: qsTr("JSON Schema")
                color: Theme.textMuted
            }
            TextBox {
                id: schemaBox

                Layout.fillWidth: true
                minimumHeight: 60
                visible: draft.scorer === "json_schema"
                textFont.family: Theme.monoFamily
                text: draft.schemaText
                onEdited: text => draft.schemaText = text
            }
            Label {
                Layout.alignment: Qt.AlignTop
                visible: rubricBox.visible
                text: qsTr("Rubric")
                color: Theme.textMuted
            }
            TextBox {
                id: rubricBox

                Layout.fillWidth: true
                minimumHeight: 60
                visible: draft.scorer === "judge"
                text: draft.rubric
                onEdited: text => draft.rubric = text
            }
        }
        Label {
            Layout.fillWidth: true
            visible: draft.error !== ""
            text: draft.error
            color: Theme.error
            wrapMode: Text.Wrap
        }
    }

    FileDialog {
        id: setDialog

        title: qsTr("Golden set to add the case to")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "jsonl"
        nameFilters: [qsTr("Golden sets (*.jsonl)")]
        onAccepted: draft.setPath = String(selectedFile)
    }
}
