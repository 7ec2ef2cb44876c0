pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Settings

// Settings → Providers: which providers file Chat and Compare run on (none: the simulated
// provider), and its entries, edited in place and checked with one tiny request per model.
GroupBox {
    id: group

    title: qsTr("Providers")

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Rectangle {
                implicitWidth: 10
                implicitHeight: 10
                radius: 5
                color: ProviderSettings.simulated ? Theme.textMuted : Theme.edgeReturn
            }
            Label {
                text: ProviderSettings.simulated ? qsTr("Simulated (embedded default)")
                                                 : ProviderSettings.fileName
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true
                visible: !ProviderSettings.simulated && ProviderSettings.dirty
                text: qsTr("unsaved changes")
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: ProviderSettings.simulated
                  ? qsTr("No keys, no network: the simulated provider answers every provider a "
                         + "ladder names. Open or create a providers file to use real models.")
                  : qsTr("%1 · new chats and comparisons use it. Keys come from the environment "
                         + "variable or the keychain item an entry names; they are never written "
                         + "to this file.").arg(ProviderSettings.file)
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8

            Button {
                text: qsTr("Open…")
                onClicked: openDialog.open()
            }
            Button {
                text: qsTr("New…")
                onClicked: createDialog.open()
            }
            Button {
                text: qsTr("Use Simulated")
                enabled: !ProviderSettings.simulated
                onClicked: ProviderSettings.useSimulated()
            }
            Button {
                visible: !ProviderSettings.simulated
                text: qsTr("Save")
                highlighted: ProviderSettings.dirty
                enabled: ProviderSettings.dirty && !ProviderSettings.hasErrors
                onClicked: ProviderSettings.save()
            }
            Button {
                visible: !ProviderSettings.simulated
                text: qsTr("Undo")
                enabled: ProviderSettings.canUndo
                onClicked: ProviderSettings.undo()
            }
            Button {
                visible: !ProviderSettings.simulated
                text: qsTr("Reload")
                onClicked: ProviderSettings.revert()
            }
        }

        Label {
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            text: ProviderSettings.message
            color: Theme.textMuted
        }

        Repeater {
            model: ProviderSettings.fileProblems

            Label {
                required property var modelData

                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                text: modelData.text
                color: modelData.severity === "warning" ? Theme.warning : Theme.error
                font.pixelSize: Theme.fontSmall
            }
        }

        Repeater {
            model: ProviderSettings

            ProviderEntry {
                Layout.fillWidth: true
            }
        }

        RowLayout {
            visible: !ProviderSettings.simulated
            spacing: 8

            Label {
                text: qsTr("Add provider:")
                color: Theme.textMuted
            }
            Repeater {
                model: ProviderSettings.kinds

                Button {
                    required property string modelData

                    text: modelData
                    flat: true
                    onClicked: ProviderSettings.addProvider(modelData)
                }
            }
        }
    }

    FileDialog {
        id: openDialog

        title: qsTr("Open Providers File")
        nameFilters: [qsTr("Provider files (*.json)"), qsTr("All files (*)")]
        currentFolder: Files.folderUrl(ProviderSettings.file)
        onAccepted: ProviderSettings.open(String(selectedFile))
    }

    FileDialog {
        id: createDialog

        title: qsTr("New Providers File")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Provider files (*.json)")]
        currentFolder: Files.folderUrl(ProviderSettings.file)
        onAccepted: ProviderSettings.create(String(selectedFile))
    }
}
