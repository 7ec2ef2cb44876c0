pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Evaluate

// The golden-set editor: the cases of one set on the left, the selected case's form on the
// right (task, the conversation's user turns, what a good answer must satisfy). The model holds
// the cases, the undo stack and the errors; this file only lays them out.
Panel {
    id: editor

    readonly property GoldenSetModel set: goldenSet
    readonly property int row: cases.currentIndex
    // The selected case's fields (GoldenSetModel.caseAt), refreshed after every change.
    property var current: ({})

    // The user wants to run the set now (a saved file or a snapshot of the edits).
    signal runRequested(string path)

    function refresh() {
        editor.current = editor.row >= 0 ? goldenSet.caseAt(editor.row) : ({});
    }
    function edit(field: string, value: var) {
        goldenSet.setField(editor.row, field, value);
    }
    function saveOrAsk() {
        if (!goldenSet.save() && goldenSet.path === "")
            saveDialog.open();
    }
    function turnsWith(index: int, text: string): var {
        const turns = editor.current.turns.slice();
        turns[index] = text;
        return turns;
    }

    GoldenSetModel {
        id: goldenSet

        objectName: "goldenSetModel"

        onDataChanged: editor.refresh()
        onModelReset: {
            cases.currentIndex = goldenSet.count > 0 ? 0 : -1;
            editor.refresh();
        }
        onRowsInserted: (parent, first) => {
            cases.currentIndex = first;
            editor.refresh();
        }
        onRowsRemoved: editor.refresh()
    }

    Shortcut {
        sequences: ["Ctrl+S"]
        enabled: editor.visible
        onActivated: editor.saveOrAsk()
    }
    Shortcut {
        sequences: ["Ctrl+Z"]
        enabled: editor.visible && goldenSet.canUndo
        onActivated: goldenSet.undo()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]
        enabled: editor.visible && goldenSet.canRedo
        onActivated: goldenSet.redo()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 6

            Label {
                text: (goldenSet.modified ? "● " : "") + goldenSet.title
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: goldenSet.problemCount > 0
                      ? qsTr("%n case(s), %1 with a problem", "", goldenSet.count).arg(goldenSet.problemCount)
                      : qsTr("%n case(s)", "", goldenSet.count)
                color: goldenSet.problemCount > 0 ? Theme.error : Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            Button {
                text: qsTr("New set")
                onClicked: goldenSet.newSet()
            }
            Button {
                text: qsTr("Open…")
                onClicked: openDialog.open()
            }
            Button {
                objectName: "saveSetButton"
                text: qsTr("Save")
                enabled: goldenSet.modified || goldenSet.path === ""
                onClicked: editor.saveOrAsk()
            }
            Button {
                text: qsTr("Save as…")
                onClicked: saveDialog.open()
            }
            ToolButton {
                text: "↶"
                enabled: goldenSet.canUndo
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Undo %1").arg(goldenSet.undoText)
                onClicked: goldenSet.undo()
            }
            ToolButton {
                text: "↷"
                enabled: goldenSet.canRedo
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Redo %1").arg(goldenSet.redoText)
                onClicked: goldenSet.redo()
            }
            Button {
                objectName: "runSetButton"
                text: qsTr("Run this set")
                highlighted: true
                enabled: goldenSet.count > 0
                onClicked: {
                    const path = goldenSet.runnablePath();
                    if (path !== "")
                        editor.runRequested(path);
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: goldenSet.error !== ""
            text: goldenSet.error
            color: Theme.error
            wrapMode: Text.Wrap
        }

        // The cases on the left, the selected case's form beside them.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                id: caseColumn

                anchors.left: parent.left
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                width: 300
                spacing: 4

                ListView {
                    id: cases

                    objectName: "goldenCaseList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: goldenSet
                    onCurrentIndexChanged: editor.refresh()

                    delegate: Rectangle {
                        id: caseRow

                        required property int index
                        required property string caseId
                        required property string task
                        required property string summary
                        required property string scorer
                        required property string problem

                        width: ListView.view.width
                        height: column.implicitHeight + 8
                        color: cases.currentIndex === index ? Theme.panelAlt : "transparent"
                        border.color: problem !== "" ? Theme.error
                                      : cases.currentIndex === index ? Theme.accent : "transparent"
                        radius: 3

                        ColumnLayout {
                            id: column

                            anchors.fill: parent
                            anchors.margins: 4
                            spacing: 1

                            Label {
                                Layout.fillWidth: true
                                text: caseRow.caseId + (caseRow.task !== "" ? "  ·  " + caseRow.task : "")
                                      + "  ·  " + caseRow.scorer
                                font.bold: true
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: caseRow.problem !== "" ? caseRow.problem : caseRow.summary
                                color: caseRow.problem !== "" ? Theme.error : Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: cases.currentIndex = caseRow.index
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true

                    Button {
                        objectName: "addCaseButton"
                        text: qsTr("Add case")
                        onClicked: goldenSet.addCase()
                    }
                    Button {
                        text: qsTr("Duplicate")
                        enabled: editor.row >= 0
                        onClicked: goldenSet.duplicateCase(editor.row)
                    }
                    Button {
                        text: qsTr("Delete")
                        enabled: editor.row >= 0
                        onClicked: goldenSet.removeCase(editor.row)
                    }
                }
            }

            // The selected case.
            ScrollView {
                id: formScroll

                anchors.left: caseColumn.right
                anchors.leftMargin: 12
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                contentWidth: availableWidth
                visible: editor.row >= 0

                GridLayout {
                    width: formScroll.availableWidth
                    columns: 2
                    columnSpacing: 8
                    rowSpacing: 6

                    Label {
                        text: qsTr("Id")
                        color: Theme.textMuted
                    }
                    TextField {
                        Layout.fillWidth: true
                        text: editor.current.id ?? ""
                        onTextEdited: editor.edit("id", text)
                    }
                    Label {
                        text: qsTr("Task type")
                        color: Theme.textMuted
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("maths, writing, extraction, …")
                        text: editor.current.task ?? ""
                        onTextEdited: editor.edit("task", text)
                    }
                    Label {
                        Layout.alignment: Qt.AlignTop
                        text: qsTr("User turns")
                        color: Theme.textMuted
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4

                        Repeater {
                            model: editor.current.turns ?? []

                            delegate: RowLayout {
                                id: turnRow

                                required property string modelData
                                required property int index

                                Layout.fillWidth: true

                                Label {
                                    Layout.alignment: Qt.AlignTop
                                    text: (turnRow.index + 1) + "."
                                    color: Theme.textMuted
                                }
                                TextBox {
                                    Layout.fillWidth: true
                                    minimumHeight: 40
                                    maximumHeight: 140
                                    placeholderText: qsTr("What the user said")
                                    text: turnRow.modelData
                                    onEdited: text => editor.edit("turns", editor.turnsWith(turnRow.index, text))
                                }
                                ToolButton {
                                    Layout.alignment: Qt.AlignTop
                                    text: "✕"
                                    enabled: (editor.current.turns ?? []).length > 1
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("Remove this turn")
                                    onClicked: {
                                        const turns = editor.current.turns.slice();
                                        turns.splice(turnRow.index, 1);
                                        editor.edit("turns", turns);
                                    }
                                }
                            }
                        }
                        Button {
                            text: qsTr("Add a turn")
                            onClicked: editor.edit("turns", (editor.current.turns ?? []).concat([""]))
                        }
                    }
                    Label {
                        text: qsTr("A good answer")
                        color: Theme.textMuted
                    }
                    ComboBox {
                        id: scorerBox

                        objectName: "scorerBox"
                        Layout.fillWidth: true
                        model: goldenSet.scorers
                        currentIndex: goldenSet.scorers.indexOf(editor.current.scorer ?? "label")
                        displayText: ({
                            exact: qsTr("equals the value exactly"),
                            normalised: qsTr("equals the value (case and punctuation ignored)"),
                            last_number: qsTr("ends with the number (maths)"),
                            contains: qsTr("contains the value"),
                            regex: qsTr("matches the regular expression"),
                            json_schema: qsTr("is JSON satisfying the schema"),
                            judge: qsTr("a judge model rates it by the rubric"),
                            label: qsTr("the recorded label"),
                            preference: qsTr("is the answer the user preferred")
                        })[currentValue] ?? currentValue
                        onActivated: index => editor.edit("scorer", goldenSet.scorers[index])
                    }
                    Label {
                        visible: valueField.visible
                        text: qsTr("Value")
                        color: Theme.textMuted
                    }
                    TextField {
                        id: valueField

                        Layout.fillWidth: true
                        visible: ["exact", "normalised", "last_number", "contains"].includes(editor.current.scorer)
                        text: editor.current.value ?? ""
                        onTextEdited: editor.edit("value", text)
                    }
                    Label {
                        visible: patternField.visible
                        text: qsTr("Pattern")
                        color: Theme.textMuted
                    }
                    TextField {
                        id: patternField

                        Layout.fillWidth: true
                        visible: editor.current.scorer === "regex"
                        placeholderText: qsTr("a regular expression, case-insensitive")
                        font.family: "monospace"
                        text: editor.current.pattern ?? ""
                        onTextEdited: editor.edit("pattern", text)
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
                        visible: editor.current.scorer === "json_schema"
                        textFont.family: "monospace"
                        placeholderText: "{\"type\": \"object\", \"required\": [\"answer\"]}"
                        text: editor.current.schema ?? ""
                        onEdited: text => editor.edit("schema", text)
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
                        visible: editor.current.scorer === "judge"
                        placeholderText: qsTr("What the judge model checks, and how it scores")
                        text: editor.current.rubric ?? ""
                        onEdited: text => editor.edit("rubric", text)
                    }
                    Label {
                        visible: preferredBox.visible
                        text: qsTr("Preferred")
                        color: Theme.textMuted
                    }
                    ComboBox {
                        id: preferredBox

                        Layout.fillWidth: true
                        visible: editor.current.scorer === "preference"
                        model: editor.current.answerers ?? []
                        currentIndex: (editor.current.answerers ?? []).indexOf(editor.current.preferred ?? "")
                        onActivated: index => editor.edit("preferred", editor.current.answerers[index])
                    }
                    Label {
                        text: qsTr("Goal")
                        color: Theme.textMuted
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("what the first answer must capture (optional)")
                        text: editor.current.goal ?? ""
                        onTextEdited: editor.edit("goal", text)
                    }
                    Label {
                        Layout.alignment: Qt.AlignTop
                        text: qsTr("Constraints")
                        color: Theme.textMuted
                    }
                    TextBox {
                        Layout.fillWidth: true
                        minimumHeight: 50
                        wrapMode: TextEdit.NoWrap
                        textFont.family: "monospace"
                        placeholderText: qsTr("one regular expression a line; every answer should match")
                        text: (editor.current.constraints ?? []).join("\n")
                        onEdited: text => editor.edit("constraints", text.split("\n"))
                    }
                    Label {
                        Layout.alignment: Qt.AlignTop
                        visible: (editor.current.answerers ?? []).length > 0
                        text: qsTr("Recorded")
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: (editor.current.answerers ?? []).length > 0
                        text: qsTr("answers of %1 (replayed when the set runs)")
                              .arg((editor.current.answerers ?? []).join(", "))
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        visible: (editor.current.problem ?? "") !== ""
                        text: editor.current.problem ?? ""
                        color: Theme.error
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                anchors.fill: formScroll
                visible: editor.row < 0
                text: qsTr("No case selected. Add a case, or open a set (generic JSONL).")
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
            }
        }
    }

    FileDialog {
        id: openDialog

        title: qsTr("Open a golden set")
        nameFilters: [qsTr("Golden sets (*.jsonl)"), qsTr("All files (*)")]
        onAccepted: goldenSet.open(String(selectedFile))
    }
    FileDialog {
        id: saveDialog

        title: qsTr("Save the golden set")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "jsonl"
        nameFilters: [qsTr("Golden sets (*.jsonl)")]
        onAccepted: goldenSet.saveAs(String(selectedFile))
    }
}
