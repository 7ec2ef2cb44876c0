pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document

// Inspector form of the handoff memory and history policy.
ColumnLayout {
    id: form

    property LadderDocument doc
    readonly property var info: doc ? doc.inspector.fields : ({})

    spacing: 4

    ColumnLayout {
        Layout.fillWidth: true
        Layout.margins: 12
        spacing: 4

        FieldLabel {
            text: qsTr("Inject memory")
        }
        ComboBox {
            Layout.fillWidth: true
            model: LadderNames.memoryInjects
            textRole: "text"
            currentIndex: LadderNames.indexOf(LadderNames.memoryInjects, form.info.inject ?? "")
            onActivated: index => form.doc.inspector.setField("inject",
                                                              LadderNames.memoryInjects[index].name)
        }

        FieldLabel {
            text: qsTr("Refresh memory")
        }
        ComboBox {
            Layout.fillWidth: true
            model: LadderNames.memoryRefreshes
            textRole: "text"
            currentIndex: LadderNames.indexOf(LadderNames.memoryRefreshes, form.info.refresh ?? "")
            onActivated: index => form.doc.inspector.setField(
                             "refresh", LadderNames.memoryRefreshes[index].name)
        }

        FieldLabel {
            text: qsTr("Budget (tokens)")
        }
        SpinBox {
            from: 0
            to: 100000
            stepSize: 50
            editable: true
            value: form.info.budgetTokens ?? 600
            onValueModified: form.doc.inspector.setField("budgetTokens", value)
        }

        FieldLabel {
            text: qsTr("Fields kept (none checked: all)")
        }
        Repeater {
            model: LadderNames.memoryFields

            CheckBox {
                required property var modelData

                text: modelData.text
                checked: (form.info.fields ?? []).indexOf(modelData.name) >= 0
                onToggled: {
                    let list = (form.info.fields ?? []).slice();
                    if (checked)
                        list.push(modelData.name);
                    else
                        list.splice(list.indexOf(modelData.name), 1);
                    form.doc.inspector.setField("fields", list);
                }
            }
        }

        FieldLabel {
            text: qsTr("History the next tier sees")
        }
        ComboBox {
            Layout.fillWidth: true
            model: LadderNames.historyModes
            textRole: "text"
            currentIndex: LadderNames.indexOf(LadderNames.historyModes, form.info.historyMode ?? "")
            onActivated: index => form.doc.inspector.setField("historyMode",
                                                              LadderNames.historyModes[index].name)
        }

        FieldLabel {
            visible: form.info.historyMode === "memory_last_k"
            text: qsTr("Last k turns")
        }
        SpinBox {
            visible: form.info.historyMode === "memory_last_k"
            from: 0
            to: 100
            editable: true
            value: form.info.lastK ?? 4
            onValueModified: form.doc.inspector.setField("lastK", value)
        }
    }
}
