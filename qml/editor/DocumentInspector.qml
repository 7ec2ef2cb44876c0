import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Editor

// Inspector form when nothing (or the start node) is selected: the ladder itself.
InspectorForm {
    id: form

    FieldLabel {
        text: qsTr("Name")
    }
    TextField {
        objectName: "ladderNameField"
        Layout.fillWidth: true
        text: form.info.name ?? ""
        onTextEdited: form.doc.inspector.setFieldOf("", "name", text)
    }

    FieldLabel {
        text: qsTr("Description")
    }
    TextBox {
        objectName: "ladderDescriptionBox"
        areaObjectName: "ladderDescriptionArea"
        Layout.fillWidth: true
        minimumHeight: 60
        maximumHeight: 320
        text: form.info.description ?? ""
        readOnly: form.info.descriptionElided ?? false
        onEdited: text => form.doc.inspector.setFieldOf("", "description", text)
    }
    ElidedTextNote {
        visible: form.info.descriptionElided ?? false
        fullLength: form.info.descriptionLength ?? 0
    }

    FieldLabel {
        text: qsTr("Entry tier (answers the first turn)")
    }
    ComboBox {
        Layout.fillWidth: true
        model: form.info.tierIds ?? []
        currentIndex: (form.info.tierIds ?? []).indexOf(form.info.entry)
        onActivated: index => form.doc.inspector.setFieldOf("", "entry", textAt(index))
    }

    Label {
        Layout.topMargin: 12
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        text: (form.info.tierCount === 1 ? qsTr("1 tier")
                                         : qsTr("%1 tiers").arg(form.info.tierCount ?? 0))
              + " · " + (form.info.transitionCount === 1
                         ? qsTr("1 transition")
                         : qsTr("%1 transitions").arg(form.info.transitionCount ?? 0))
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Select a node or a transition label on the canvas to edit it.")
    }
}
