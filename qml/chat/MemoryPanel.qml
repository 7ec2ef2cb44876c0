pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Chat

// The handoff memory inspector: the nine fields (live, editable: an edit is a version by "user"
// injected at the next handoff), the version history with a field-by-field diff, and the memory
// as it was at the selected turn with exactly what was injected.
Rectangle {
    id: panel

    property ChatSessionModel session
    readonly property ChatMemoryModel memory: session ? session.memory : null
    property int selectedTurn: 0
    // The studio's workspace: a scripted run that edited the memory shows the edit.
    property ChatWorkspace workspace
    property alias currentTab: tabs.currentIndex

    color: Theme.panel

    // Keep the diff on the latest change unless the user picked versions.
    Connections {
        target: panel.memory
        function onMemoryChanged() {
            if (!diffPane.pinned) {
                diffPane.toVersion = panel.memory.version;
                diffPane.fromVersion = Math.max(0, panel.memory.version - 1);
            }
        }
    }
    // A scripted run that edited the memory shows the edit as a diff.
    Connections {
        target: panel.workspace
        function onUnattendedChanged() {
            if (!panel.workspace.unattended && panel.memory && panel.memory.author === "user"
                    && panel.selectedTurn <= 0)
                tabs.currentIndex = 1;
        }
    }
    onSelectedTurnChanged: {
        if (selectedTurn > 0)
            tabs.currentIndex = 2;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 6

            RowLayout {
                Layout.fillWidth: true

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Handoff memory")
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                ToolButton {
                    text: qsTr("Undo")
                    enabled: panel.memory !== null && panel.memory.canUndo
                    onClicked: panel.memory.undo()
                }
                ToolButton {
                    text: qsTr("Redo")
                    enabled: panel.memory !== null && panel.memory.canRedo
                    onClicked: panel.memory.redo()
                }
            }
            Label {
                Layout.fillWidth: true
                text: panel.memory && panel.memory.version > 0
                      ? qsTr("Version %1 by %2").arg(panel.memory.version).arg(panel.memory.author)
                      : qsTr("Empty: the strong tier writes it at the first handoff.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8

                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: panel.memory ? Math.max(1, panel.memory.budget) : 1
                    value: panel.memory ? Math.min(panel.memory.tokens, panel.memory.budget) : 0
                }
                Label {
                    text: panel.memory ? qsTr("%1 / %2 tokens").arg(panel.memory.tokens)
                                         .arg(panel.memory.budget) : ""
                    color: panel.memory && panel.memory.overBudget ? Theme.warning
                                                                   : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
            Label {
                visible: panel.memory !== null && panel.memory.overBudget
                Layout.fillWidth: true
                text: qsTr("Over budget: the lowest-priority fields are trimmed when injected.")
                color: Theme.warning
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
            }
        }

        TabBar {
            id: tabs

            Layout.fillWidth: true

            TabButton {
                text: qsTr("Fields")
            }
            TabButton {
                text: qsTr("History")
            }
            TabButton {
                text: panel.selectedTurn > 0 ? qsTr("Turn %1").arg(panel.selectedTurn)
                                             : qsTr("At turn")
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // Fields, live and editable
            ScrollView {
                id: fieldsScroll

                clip: true
                contentWidth: availableWidth

                ColumnLayout {
                    width: fieldsScroll.availableWidth
                    spacing: 2

                    Repeater {
                        model: panel.memory

                        delegate: ColumnLayout {
                            id: field

                            required property string key
                            required property string name
                            required property string text
                            required property bool changed

                            Layout.fillWidth: true
                            Layout.leftMargin: 12
                            Layout.rightMargin: 12
                            spacing: 2

                            RowLayout {
                                Layout.fillWidth: true
                                Layout.topMargin: 6

                                FieldLabel {
                                    text: field.name
                                }
                                Chip {
                                    visible: field.changed
                                    tint: Theme.accent
                                    text: qsTr("changed")
                                }
                                Button {
                                    visible: fieldEdit.text !== field.text
                                    text: qsTr("Apply")
                                    highlighted: true
                                    font.pixelSize: Theme.fontSmall
                                    enabled: panel.memory !== null && panel.memory.editable
                                    onClicked: panel.memory.setFieldText(field.key, fieldEdit.text)
                                }
                            }
                            TextArea {
                                id: fieldEdit

                                objectName: "memoryField:" + field.key
                                Layout.fillWidth: true
                                text: field.text
                                placeholderText: qsTr("One item per line")
                                wrapMode: TextEdit.Wrap
                                readOnly: panel.memory === null || !panel.memory.editable
                                font.pixelSize: Theme.fontSmall + 1
                            }
                        }
                    }
                }
            }

            // History and diff
            ColumnLayout {
                id: diffPane

                property int fromVersion: 0
                property int toVersion: 0
                property bool pinned: false
                readonly property var versionNumbers: {
                    const list = [0];
                    const versions = panel.memory ? panel.memory.versions : [];
                    for (let i = 0; i < versions.length; ++i)
                        list.push(versions[i].version);
                    return list;
                }
                readonly property var changes: panel.memory && panel.memory.version >= 0
                                               ? panel.memory.diff(fromVersion, toVersion) : []

                spacing: 6

                ListView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 150)
                    Layout.topMargin: 6
                    clip: true
                    model: panel.memory ? panel.memory.versions : []

                    delegate: ItemDelegate {
                        id: versionRow

                        required property var modelData

                        width: ListView.view.width
                        height: 28
                        highlighted: diffPane.toVersion === modelData.version
                        text: qsTr("v%1 · after turn %2 · %3").arg(modelData.version)
                              .arg(modelData.turn).arg(modelData.author)
                        font.pixelSize: Theme.fontSmall + 1
                        onClicked: {
                            diffPane.pinned = true;
                            diffPane.toVersion = modelData.version;
                            diffPane.fromVersion = modelData.version - 1;
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12

                    Label {
                        text: qsTr("Diff")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        model: diffPane.versionNumbers.map(v => v === 0 ? qsTr("empty")
                                                                         : "v" + v)
                        currentIndex: diffPane.versionNumbers.indexOf(diffPane.fromVersion)
                        onActivated: index => {
                            diffPane.pinned = true;
                            diffPane.fromVersion = diffPane.versionNumbers[index];
                        }
                    }
                    Label {
                        text: "→"
                        color: Theme.textMuted
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        model: diffPane.versionNumbers.map(v => v === 0 ? qsTr("empty")
                                                                         : "v" + v)
                        currentIndex: diffPane.versionNumbers.indexOf(diffPane.toVersion)
                        onActivated: index => {
                            diffPane.pinned = true;
                            diffPane.toVersion = diffPane.versionNumbers[index];
                        }
                    }
                }

                ScrollView {
                    id: diffScroll

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentWidth: availableWidth

                    ColumnLayout {
                        width: diffScroll.availableWidth
                        spacing: 4

                        Label {
                            visible: diffPane.changes.length === 0
                            Layout.leftMargin: 12
                            text: qsTr("No differences.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                        Repeater {
                            model: diffPane.changes

                            delegate: ColumnLayout {
                                id: change

                                required property var modelData

                                Layout.fillWidth: true
                                Layout.leftMargin: 12
                                Layout.rightMargin: 12
                                spacing: 1

                                FieldLabel {
                                    text: change.modelData.name
                                }
                                Repeater {
                                    model: change.modelData.removed

                                    delegate: Label {
                                        required property string modelData

                                        Layout.fillWidth: true
                                        text: "− " + modelData
                                        wrapMode: Text.Wrap
                                        color: Theme.error
                                        font.pixelSize: Theme.fontSmall + 1
                                        font.strikeout: true
                                    }
                                }
                                Repeater {
                                    model: change.modelData.added

                                    delegate: Label {
                                        required property string modelData

                                        Layout.fillWidth: true
                                        text: "+ " + modelData
                                        wrapMode: Text.Wrap
                                        color: Theme.edgeReturn
                                        font.pixelSize: Theme.fontSmall + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // The memory at the selected turn
            ScrollView {
                id: turnScroll

                clip: true
                contentWidth: availableWidth

                ColumnLayout {
                    width: turnScroll.availableWidth
                    spacing: 4

                    Label {
                        visible: panel.selectedTurn <= 0
                        Layout.fillWidth: true
                        Layout.margins: 12
                        text: qsTr("Click a turn in the timeline to see the memory as it was then.")
                        wrapMode: Text.Wrap
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    FieldLabel {
                        visible: panel.selectedTurn > 0
                        Layout.leftMargin: 12
                        text: qsTr("Injected at turn %1").arg(panel.selectedTurn)
                    }
                    Rectangle {
                        visible: panel.selectedTurn > 0
                        Layout.fillWidth: true
                        Layout.leftMargin: 12
                        Layout.rightMargin: 12
                        implicitHeight: injected.implicitHeight + 12
                        radius: Theme.radius
                        color: Theme.panelAlt
                        border.color: Theme.border

                        TextEdit {
                            id: injected

                            readonly property string block: panel.session && panel.selectedTurn > 0
                                                            ? panel.session.injectedMemoryAt(
                                                                  panel.selectedTurn) : ""

                            anchors.fill: parent
                            anchors.margins: 6
                            readOnly: true
                            selectByMouse: true
                            wrapMode: TextEdit.Wrap
                            text: block !== "" ? block : qsTr("Nothing was injected on this turn.")
                            color: block !== "" ? Theme.text : Theme.textMuted
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    FieldLabel {
                        visible: panel.selectedTurn > 0
                        Layout.leftMargin: 12
                        text: panel.memory ? qsTr("Memory after turn %1 (v%2)")
                                             .arg(panel.selectedTurn)
                                             .arg(panel.memory.versionAtTurn(panel.selectedTurn))
                                           : ""
                    }
                    Repeater {
                        model: panel.memory && panel.selectedTurn > 0 && panel.memory.version >= 0
                               ? panel.memory.fieldsAtTurn(panel.selectedTurn) : []

                        delegate: ColumnLayout {
                            id: snapshot

                            required property var modelData

                            visible: modelData.items.length > 0
                            Layout.fillWidth: true
                            Layout.leftMargin: 12
                            Layout.rightMargin: 12
                            spacing: 0

                            Label {
                                text: snapshot.modelData.name
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.fillWidth: true
                                text: snapshot.modelData.items.map(s => "• " + s).join("\n")
                                wrapMode: Text.Wrap
                                color: Theme.text
                                font.pixelSize: Theme.fontSmall + 1
                            }
                        }
                    }
                }
            }
        }
    }
}
