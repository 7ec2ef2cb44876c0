import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// Inspector form of a detector: lexicon patterns and signal, classifier labels, or a learned
// detector's threshold and its training (DetectorTrainer does the work off the GUI thread).
InspectorForm {
    id: form

    readonly property bool classifier: info.detectorKind === "classifier"
    readonly property bool learned: info.detectorKind === "learned"
    // The audit store with the chats' feedback cases (Studio's, handed down by Main.qml).
    property string feedbackStore

    FieldLabel {
        text: qsTr("Id")
    }
    TextField {
        Layout.fillWidth: true
        text: form.info.id ?? ""
        onEditingFinished: if (text !== form.info.id) form.doc.inspector.setField("id", text)
    }

    CheckBox {
        objectName: "detectorEnabledBox"
        text: qsTr("Enabled")
        checked: form.info.enabled ?? true
        onToggled: form.doc.inspector.setField("enabled", checked)
    }

    FieldLabel {
        text: qsTr("Kind")
    }
    ComboBox {
        objectName: "detectorKindBox"
        Layout.fillWidth: true
        model: LadderNames.detectorKinds
        textRole: "text"
        currentIndex: LadderNames.indexOf(LadderNames.detectorKinds, form.info.detectorKind ?? "")
        onActivated: index => form.doc.inspector.setField("kind",
                                                          LadderNames.detectorKinds[index].name)
    }

    FieldLabel {
        visible: !form.classifier
        text: qsTr("Signal")
    }
    ComboBox {
        objectName: "detectorSignalBox"
        visible: !form.classifier
        Layout.fillWidth: true
        model: LadderNames.preSignals
        textRole: "text"
        currentIndex: LadderNames.indexOf(LadderNames.preSignals, form.info.signal ?? "")
        onActivated: index => form.doc.inspector.setField("signal",
                                                          LadderNames.preSignals[index].name)
    }

    FieldLabel {
        visible: !form.classifier && !form.learned
        text: qsTr("Patterns (regular expressions, one per line)")
    }
    TextBox {
        visible: !form.classifier && !form.learned
        Layout.fillWidth: true
        areaObjectName: "patternsArea"
        minimumHeight: 140
        maximumHeight: 320
        text: form.info.patterns ?? ""
        textFont.family: Theme.monoFamily
        textFont.pixelSize: Theme.fontSmall + 1
        wrapMode: TextEdit.NoWrap // one pattern per line; long ones scroll sideways
        onEdited: text => form.doc.inspector.setField("patterns", text)
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
        onEdited: text => form.doc.inspector.setField("labelsText", text)
    }

    FieldLabel {
        visible: form.classifier
        text: qsTr("Default label")
    }
    TextField {
        visible: form.classifier
        Layout.fillWidth: true
        text: form.info.defaultLabel ?? ""
        onTextEdited: form.doc.inspector.setField("defaultLabel", text)
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
        onActivated: index => form.doc.inspector.setField("tier", textAt(index))
    }

    FieldLabel {
        visible: form.learned
        text: qsTr("Threshold: raise the signal when p ≥ %1").arg(
                  Number(form.info.threshold ?? 0.5).toFixed(2))
    }
    Slider {
        objectName: "thresholdSlider"
        visible: form.learned
        Layout.fillWidth: true
        from: 0
        to: 1
        stepSize: 0.05
        value: form.info.threshold ?? 0.5
        onMoved: form.doc.inspector.setField("threshold", value)
    }

    FieldLabel {
        visible: form.learned
        text: qsTr("Model")
    }
    Label {
        objectName: "modelSummary"
        visible: form.learned
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: form.info.trained ? Theme.text : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: form.info.modelSummary ?? ""
    }

    FieldLabel {
        visible: form.learned
        text: qsTr("Train on recorded answers")
    }
    RowLayout {
        visible: form.learned
        Layout.fillWidth: true
        TextField {
            objectName: "trainDatasetField"
            Layout.fillWidth: true
            placeholderText: qsTr("MT-Bench, GSM8K, audit log or JSONL file")
            text: trainer.datasetPath
            onEditingFinished: trainer.datasetPath = text
        }
        Button {
            text: qsTr("Browse…")
            onClicked: trainDatasetDialog.open()
        }
    }
    CheckBox {
        objectName: "useFeedbackBox"
        visible: form.learned
        Layout.fillWidth: true
        enabled: trainer.feedbackCount > 0
        checked: trainer.useFeedback
        text: trainer.feedbackCount === 1 ? qsTr("1 feedback case from your chats")
                                          : qsTr("%1 feedback cases from your chats")
                                            .arg(trainer.feedbackCount)
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 500
        ToolTip.text: qsTr("Manual tier picks, “Regenerate on a stronger tier” and votes on "
                           + "answers in Chat, kept in the session store. Ticked: Train uses "
                           + "them too (alone when no data set is picked).")
        onToggled: trainer.useFeedback = checked
    }
    RowLayout {
        visible: form.learned
        Layout.fillWidth: true
        Button {
            objectName: "trainButton"
            text: qsTr("Train")
            enabled: trainer.canTrain
            onClicked: trainer.train()
        }
        Button {
            text: qsTr("Cancel")
            visible: trainer.running
            onClicked: trainer.cancel()
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: trainer.running
            value: trainer.progress
        }
    }
    Label {
        visible: form.learned && trainer.status !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: trainer.failed ? Theme.error : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: trainer.status
    }
    Label {
        objectName: "trainResult"
        visible: form.learned && trainer.result !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        text: trainer.result
    }

    DetectorTrainer {
        id: trainer

        document: form.doc
        detectorId: form.info.id ?? ""
        feedbackPath: form.feedbackStore
    }
    // New cases may have come from Chat since the inspector was last shown.
    onVisibleChanged: if (visible) trainer.refreshFeedback()
    FileDialog {
        id: trainDatasetDialog

        title: qsTr("Open a data set of recorded answers")
        nameFilters: [qsTr("Data sets (*.jsonl *.csv *.sqlite)"), qsTr("All files (*)")]
        onAccepted: trainer.datasetPath = String(selectedFile)
    }
}
