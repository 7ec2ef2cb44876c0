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
    readonly property var info: doc ? doc.inspector : ({})
    readonly property var injectValues: ["on_switch", "every_turn", "never"]
    readonly property var refreshValues: ["scaffold", "summarize", "none"]
    readonly property var historyValues: ["full", "clean_handoff", "memory_last_k"]
    readonly property var allFields: ["goal", "constraints", "non_goals", "assumptions", "plan",
        "format_contract", "decisions", "open_questions", "unknowns"]

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
            model: [qsTr("When the tier changes"), qsTr("Every turn"), qsTr("Never")]
            currentIndex: form.injectValues.indexOf(form.info.inject)
            onActivated: index => form.doc.setField("inject", form.injectValues[index])
        }

        FieldLabel {
            text: qsTr("Refresh memory")
        }
        ComboBox {
            Layout.fillWidth: true
            model: [qsTr("Scaffold (strong tiers emit a handoff block)"),
                qsTr("Summarize (a summarising call)"), qsTr("None")]
            currentIndex: form.refreshValues.indexOf(form.info.refresh)
            onActivated: index => form.doc.setField("refresh", form.refreshValues[index])
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
            onValueModified: form.doc.setField("budgetTokens", value)
        }

        FieldLabel {
            text: qsTr("Fields kept (none checked: all)")
        }
        Repeater {
            model: form.allFields

            CheckBox {
                required property string modelData

                text: modelData.replace(/_/g, " ")
                checked: (form.info.fields ?? []).indexOf(modelData) >= 0
                onToggled: {
                    let list = (form.info.fields ?? []).slice();
                    if (checked)
                        list.push(modelData);
                    else
                        list.splice(list.indexOf(modelData), 1);
                    form.doc.setField("fields", list);
                }
            }
        }

        FieldLabel {
            text: qsTr("History the next tier sees")
        }
        ComboBox {
            Layout.fillWidth: true
            model: [qsTr("Full history"), qsTr("Clean handoff"), qsTr("Memory + last k turns")]
            currentIndex: form.historyValues.indexOf(form.info.historyMode)
            onActivated: index => form.doc.setField("historyMode", form.historyValues[index])
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
            onValueModified: form.doc.setField("lastK", value)
        }
    }
}
