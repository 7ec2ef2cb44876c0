import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Inspector form of a detector: lexicon patterns and signal, or classifier labels.
InspectorForm {
    id: form

    readonly property bool classifier: info.detectorKind === "classifier"

    FieldLabel {
        text: qsTr("Id")
    }
    TextField {
        Layout.fillWidth: true
        text: form.info.id ?? ""
        onEditingFinished: if (text !== form.info.id) form.doc.setField("id", text)
    }

    CheckBox {
        objectName: "detectorEnabledBox"
        text: qsTr("Enabled")
        checked: form.info.enabled ?? true
        onToggled: form.doc.setField("enabled", checked)
    }

    FieldLabel {
        text: qsTr("Kind")
    }
    ComboBox {
        Layout.fillWidth: true
        model: [qsTr("Lexicon (patterns raise a signal)"),
            qsTr("Classifier (labels by task type)")]
        currentIndex: form.classifier ? 1 : 0
        onActivated: index => form.doc.setField("kind", index === 1 ? "classifier"
                                                                    : "lexicon")
    }

    FieldLabel {
        visible: !form.classifier
        text: qsTr("Signal")
    }
    ComboBox {
        visible: !form.classifier
        Layout.fillWidth: true
        model: form.info.signalOptions ?? []
        currentIndex: (form.info.signalOptions ?? []).indexOf(form.info.signal)
        onActivated: index => form.doc.setField("signal", textAt(index))
    }

    FieldLabel {
        visible: !form.classifier
        text: qsTr("Patterns (regular expressions, one per line)")
    }
    TextBox {
        visible: !form.classifier
        Layout.fillWidth: true
        areaObjectName: "patternsArea"
        minimumHeight: 140
        maximumHeight: 320
        text: form.info.patterns ?? ""
        textFont.family: Theme.monoFamily
        textFont.pixelSize: Theme.fontSmall + 1
        wrapMode: TextEdit.NoWrap // one pattern per line; long ones scroll sideways
        onEdited: text => form.doc.setField("patterns", text)
    }

    FieldLabel {
        visible: form.classifier
        text: qsTr("Labels (one per line: label: pattern, pattern)")
    }
    TextBox {
        visible: form.classifier
        Layout.fillWidth: true
        areaObjectName: "labelsArea"
        minimumHeight: 140
        maximumHeight: 320
        text: form.info.labelsText ?? ""
        textFont.family: Theme.monoFamily
        textFont.pixelSize: Theme.fontSmall + 1
        wrapMode: TextEdit.NoWrap // one label per line; long ones scroll sideways
        onEdited: text => form.doc.setField("labelsText", text)
    }

    FieldLabel {
        visible: form.classifier
        text: qsTr("Default label")
    }
    TextField {
        visible: form.classifier
        Layout.fillWidth: true
        text: form.info.defaultLabel ?? ""
        onTextEdited: form.doc.setField("defaultLabel", text)
    }

    FieldLabel {
        visible: form.classifier
        text: qsTr("Listener tier (classifies once a model is wired)")
    }
    ComboBox {
        visible: form.classifier
        Layout.fillWidth: true
        model: [""].concat(form.info.tierIds ?? [])
        displayText: currentText === "" ? qsTr("none (patterns only)") : currentText
        currentIndex: model.indexOf(form.info.tier ?? "")
        onActivated: index => form.doc.setField("tier", textAt(index))
    }
}
