pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// Inspector form of a tier.
InspectorForm {
    id: form

    FieldLabel {
        text: qsTr("Id")
    }
    TextField {
        objectName: "tierIdField"
        Layout.fillWidth: true
        text: form.info.id ?? ""
        onEditingFinished: if (text !== form.info.id) form.doc.inspector.setField("id", text)
    }

    FieldLabel {
        text: qsTr("Label")
    }
    TextField {
        objectName: "tierLabelField"
        Layout.fillWidth: true
        text: form.info.label ?? ""
        onTextEdited: form.doc.inspector.setField("label", text)
    }

    FieldLabel {
        text: qsTr("Role")
    }
    EditableCombo {
        Layout.fillWidth: true
        model: LadderNames.tierRoles
        value: form.info.role ?? ""
        onCommitted: text => form.doc.inspector.setField("role", text)
    }

    FieldLabel {
        text: qsTr("Model")
    }
    EditableCombo {
        objectName: "tierModelBox"
        Layout.fillWidth: true
        model: form.doc ? form.doc.modelNames : []
        value: form.info.model ?? ""
        onCommitted: text => form.doc.inspector.setField("model", text)
    }
    Label {
        Layout.fillWidth: true
        text: form.info.price ?? ""
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    FieldLabel {
        text: qsTr("Provider")
    }
    EditableCombo {
        Layout.fillWidth: true
        model: form.doc ? form.doc.providerNames : []
        value: form.info.provider ?? ""
        onCommitted: text => form.doc.inspector.setField("provider", text)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            FieldLabel {
                text: qsTr("Temperature")
            }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("default")
                text: form.info.temperature ?? ""
                validator: DoubleValidator {
                    bottom: 0
                    top: 2
                    notation: DoubleValidator.StandardNotation
                }
                onEditingFinished: form.doc.inspector.setField("temperature", text)
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            FieldLabel {
                text: qsTr("Max tokens")
            }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("default")
                text: form.info.maxTokens ?? ""
                validator: IntValidator {
                    bottom: 1
                    top: 1000000
                }
                onEditingFinished: form.doc.inspector.setField("maxTokens", text)
            }
        }
    }

    FieldLabel {
        text: qsTr("System prompt")
    }
    TextBox {
        objectName: "tierPromptBox"
        Layout.fillWidth: true
        areaObjectName: "tierPromptArea"
        minimumHeight: 90
        maximumHeight: 260
        readOnly: form.info.systemPromptElided ?? false
        text: form.info.systemPrompt ?? ""
        textFont.family: Theme.monoFamily
        textFont.pixelSize: Theme.fontSmall + 1
        placeholderText: qsTr("Instructions for this tier")
        onEdited: text => form.doc.inspector.setField("systemPrompt", text)
    }
    ElidedTextNote {
        visible: form.info.systemPromptElided ?? false
        fullLength: form.info.systemPromptLength ?? 0
    }

    FieldLabel {
        text: qsTr("Fallback chain (tried in order when the model fails)")
    }
    Repeater {
        model: form.info.fallback ?? []

        RowLayout {
            id: fallbackRow

            required property var modelData
            required property int index

            Layout.fillWidth: true
            spacing: 2

            Label {
                text: (fallbackRow.index + 1) + "."
                color: Theme.textMuted
                Layout.preferredWidth: 18
            }
            EditableCombo {
                Layout.fillWidth: true
                model: form.doc ? form.doc.modelNames : []
                value: fallbackRow.modelData.model
                onCommitted: text => form.doc.inspector.setFallback(fallbackRow.index, "", text)
            }
            ToolButton {
                objectName: "fallbackUp:" + fallbackRow.index
                text: "↑"
                enabled: fallbackRow.index > 0
                Accessible.name: qsTr("Move up")
                onClicked: form.doc.inspector.moveFallback(fallbackRow.index, fallbackRow.index - 1)
            }
            ToolButton {
                objectName: "fallbackDown:" + fallbackRow.index
                text: "↓"
                enabled: fallbackRow.index < (form.info.fallback ?? []).length - 1
                Accessible.name: qsTr("Move down")
                onClicked: form.doc.inspector.moveFallback(fallbackRow.index, fallbackRow.index + 1)
            }
            ToolButton {
                objectName: "fallbackRemove:" + fallbackRow.index
                text: "✕"
                Accessible.name: qsTr("Remove")
                onClicked: form.doc.inspector.removeFallback(fallbackRow.index)
            }
        }
    }
    Button {
        objectName: "addFallbackButton"
        text: qsTr("Add fallback model")
        onClicked: form.doc.inspector.addFallback()
    }

    CheckBox {
        Layout.topMargin: 6
        objectName: "escalateToolBox"
        text: qsTr("Offer the escalate(reason, question) tool")
        checked: form.info.escalateTool ?? false
        onToggled: form.doc.inspector.setField("escalateTool", checked)
    }

    FieldLabel {
        Layout.topMargin: 6
        text: qsTr("Required sections (one per line)")
    }
    TextBox {
        objectName: "requiredSectionsBox"
        Layout.fillWidth: true
        areaObjectName: "requiredSectionsArea"
        minimumHeight: 50
        maximumHeight: 160
        wrapMode: TextEdit.NoWrap
        text: form.info.requiredSections ?? ""
        placeholderText: qsTr("e.g. Summary")
        onEdited: text => form.doc.inspector.setField("requiredSections", text)
    }

    CheckBox {
        Layout.topMargin: 6
        objectName: "selfCheckBox"
        text: qsTr("Verify the answer (self check)")
        checked: form.info.selfCheck ?? false
        onToggled: form.doc.inspector.setField("selfCheck", checked)
    }
    GridLayout {
        visible: form.info.selfCheck ?? false
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 8
        rowSpacing: 4

        FieldLabel {
            Layout.fillWidth: false
            text: qsTr("Checking tier")
        }
        EditableCombo {
            objectName: "selfCheckTierBox"
            Layout.fillWidth: true
            model: form.info.tierIds ?? []
            value: form.info.selfCheckTier ?? ""
            onCommitted: text => form.doc.inspector.setField("selfCheckTier", text)
        }
        FieldLabel {
            Layout.fillWidth: false
            text: qsTr("or model")
        }
        EditableCombo {
            objectName: "selfCheckModelBox"
            Layout.fillWidth: true
            model: form.doc ? form.doc.modelNames : []
            value: form.info.selfCheckModel ?? ""
            onCommitted: text => form.doc.inspector.setField("selfCheckModel", text)
        }
        FieldLabel {
            Layout.fillWidth: false
            text: qsTr("Threshold (0–1)")
        }
        TextField {
            objectName: "selfCheckThresholdField"
            Layout.preferredWidth: 100
            text: form.info.selfCheckThreshold ?? ""
            onEditingFinished: form.doc.inspector.setField("selfCheckThreshold", text)
        }
    }
    Label {
        visible: form.info.selfCheck ?? false
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        text: qsTr("Without a tier or model the tier's own model checks. A post_turn transition on self check failed sends the answer up.")
    }
    FieldLabel {
        visible: form.info.selfCheck ?? false
        text: qsTr("Check prompt (empty: the built-in one)")
    }
    TextBox {
        objectName: "selfCheckPromptBox"
        visible: form.info.selfCheck ?? false
        Layout.fillWidth: true
        areaObjectName: "selfCheckPromptArea"
        minimumHeight: 50
        maximumHeight: 200
        readOnly: form.info.selfCheckPromptElided ?? false
        text: form.info.selfCheckPrompt ?? ""
        textFont.pixelSize: Theme.fontSmall + 1
        onEdited: text => form.doc.inspector.setField("selfCheckPrompt", text)
    }
    ElidedTextNote {
        visible: form.info.selfCheckPromptElided ?? false
        fullLength: form.info.selfCheckPromptLength ?? 0
    }

    FieldLabel {
        text: qsTr("Colour (shared with the chat timeline)")
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6

        Repeater {
            model: LadderNames.tierSwatches

            Rectangle {
                id: swatch

                required property string modelData

                width: 22
                height: 22
                radius: 11
                color: modelData
                border.width: form.info.color === modelData ? 3 : 1
                border.color: form.info.color === modelData ? Theme.text : Theme.border

                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: form.doc.inspector.setField("color", swatch.modelData)
                }
            }
        }
    }
    TextField {
        Layout.preferredWidth: 110
        text: form.info.color ?? ""
        placeholderText: "#rrggbb"
        font.family: Theme.monoFamily
        onEditingFinished: form.doc.inspector.setField("color", text)
    }

    FieldLabel {
        text: qsTr("Description")
    }
    TextField {
        Layout.fillWidth: true
        text: form.info.description ?? ""
        readOnly: form.info.descriptionElided ?? false
        onTextEdited: form.doc.inspector.setField("description", text)
    }
    ElidedTextNote {
        visible: form.info.descriptionElided ?? false
        fullLength: form.info.descriptionLength ?? 0
    }

    Button {
        Layout.topMargin: 8
        visible: !(form.info.isEntry ?? true)
        text: qsTr("Make this the entry tier")
        onClicked: form.doc.inspector.setFieldOf("", "entry", form.info.id)
    }
}
