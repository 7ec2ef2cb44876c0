pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document

// Inspector form of a transition: endpoints, condition type and its parameters.
ColumnLayout {
    id: form

    property LadderDocument doc
    readonly property var info: doc ? doc.inspector.fields : ({})
    readonly property string type: info.conditionType ?? ""
    // "Switch only when it pays" (pays_within_turns): only these condition types have it.
    readonly property bool paysOption: type === "after_turns" || type === "return_after"
                                       || type === "on_signal"

    function tierKey(id: string): string {
        return id === "*" ? "any" : "tier:" + id;
    }

    spacing: 4

    ColumnLayout {
        Layout.fillWidth: true
        Layout.margins: 12
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: form.info.label ?? ""
            font.pixelSize: Theme.fontNormal + 1
            color: Theme.edgeColor(form.type === "after_turns" ? "step" : "")
            wrapMode: Text.WordWrap
        }

        FieldLabel {
            text: qsTr("From")
        }
        ComboBox {
            objectName: "transitionFromBox"
            Layout.fillWidth: true
            model: form.info.fromOptions ?? []
            displayText: currentText === "*" ? qsTr("any tier (*)") : currentText
            currentIndex: model.indexOf(form.info.from)
            onActivated: index => form.doc.reconnectEdge(form.info.key,
                                                         form.tierKey(textAt(index)),
                                                         form.tierKey(form.info.to
                                                                      || form.info.from))
        }

        FieldLabel {
            text: qsTr("To")
        }
        ComboBox {
            objectName: "transitionToBox"
            Layout.fillWidth: true
            model: form.info.toOptions ?? []
            displayText: currentText === "" ? qsTr("where it came from") : currentText
            currentIndex: model.indexOf(form.info.to)
            onActivated: index => {
                if (textAt(index) === "")
                    form.doc.inspector.setField("to", "");
                else
                    form.doc.reconnectEdge(form.info.key, form.tierKey(form.info.from),
                                           form.tierKey(textAt(index)));
            }
        }

        FieldLabel {
            text: qsTr("Condition")
        }
        ComboBox {
            objectName: "conditionTypeBox"
            Layout.fillWidth: true
            model: LadderNames.conditionTypes
            textRole: "text"
            currentIndex: LadderNames.indexOf(LadderNames.conditionTypes, form.type)
            onActivated: index => form.doc.inspector.setField("conditionType",
                                                              LadderNames.conditionTypes[index].name)
        }

        FieldLabel {
            visible: form.type === "after_turns" || form.type === "return_after"
            text: qsTr("Turns")
        }
        SpinBox {
            objectName: "turnsSpin"
            visible: form.type === "after_turns" || form.type === "return_after"
            from: 1
            to: 1000
            editable: true
            value: form.info.turns ?? 1
            onValueModified: form.doc.inspector.setField("turns", value)
        }

        FieldLabel {
            visible: form.paysOption
            text: qsTr("Switch only when it pays within (turns)")
        }
        SpinBox {
            objectName: "paysWithinTurnsSpin"
            visible: form.paysOption
            from: 0
            to: 1000
            editable: true
            value: form.info.paysWithinTurns ?? 0
            onValueModified: form.doc.inspector.setField("paysWithinTurns", value)
        }
        Label {
            visible: form.paysOption
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            text: qsTr("0: always switch. Otherwise the target tier must save more over these turns than the prompt cache the switch loses.")
        }

        FieldLabel {
            visible: form.type === "on_signal" || form.type === "post_turn"
            text: qsTr("Signals (any of)")
        }
        Repeater {
            model: form.type === "post_turn" ? LadderNames.postSignals
                   : form.type === "on_signal" ? LadderNames.preSignals : []

            CheckBox {
                required property var modelData

                text: modelData.text
                checked: (form.info.signals ?? []).indexOf(modelData.name) >= 0
                onToggled: {
                    let list = (form.info.signals ?? []).slice();
                    if (checked)
                        list.push(modelData.name);
                    else
                        list.splice(list.indexOf(modelData.name), 1);
                    form.doc.inspector.setField("signals", list);
                }
            }
        }

        FieldLabel {
            visible: form.type === "on_signal"
            text: qsTr("Classification labels (comma separated)")
        }
        TextField {
            visible: form.type === "on_signal"
            Layout.fillWidth: true
            text: form.info.labels ?? ""
            placeholderText: qsTr("e.g. code, math")
            onEditingFinished: form.doc.inspector.setField("labels", text)
        }

        FieldLabel {
            visible: form.type === "post_turn"
            text: qsTr("Low confidence below")
        }
        TextField {
            visible: form.type === "post_turn"
            Layout.preferredWidth: 100
            text: form.info.confidenceBelow !== undefined ? String(form.info.confidenceBelow) : ""
            validator: DoubleValidator {
                bottom: 0
                top: 1
                notation: DoubleValidator.StandardNotation
            }
            onEditingFinished: form.doc.inspector.setField("confidenceBelow", Number(text))
        }

        FieldLabel {
            visible: form.type === "on_failure"
            text: qsTr("Errors (any of)")
        }
        Repeater {
            model: form.type === "on_failure" ? LadderNames.failureKinds : []

            CheckBox {
                required property var modelData

                text: modelData.text
                checked: (form.info.errors ?? []).indexOf(modelData.name) >= 0
                onToggled: {
                    let list = (form.info.errors ?? []).slice();
                    if (checked)
                        list.push(modelData.name);
                    else
                        list.splice(list.indexOf(modelData.name), 1);
                    form.doc.inspector.setField("errors", list);
                }
            }
        }

        Button {
            Layout.topMargin: 10
            text: qsTr("Delete transition")
            onClicked: form.doc.deleteEdge(form.info.key)
        }
    }
}
