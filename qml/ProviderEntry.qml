pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// One entry of the providers file in Settings: id, kind, base URL, where the key comes from,
// the models, a Check per model, and the entry's problems by JSON path.
Rectangle {
    id: entry

    required property int index
    required property string providerId
    required property string kind
    required property string baseUrl
    required property string keyEnv
    required property string keychain
    required property string modelsText
    required property string keyStatus
    required property var checks
    required property var problems

    readonly property bool simulatedKind: kind === "simulated"

    function commit(field: string, value: string) {
        ProviderSettings.setField(entry.index, field, value);
    }

    implicitHeight: column.implicitHeight + 24
    color: Theme.panelAlt
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            TextField {
                Layout.preferredWidth: 150
                text: entry.providerId
                font.weight: Font.DemiBold
                placeholderText: qsTr("provider id")
                Accessible.name: qsTr("Provider id")
                onEditingFinished: entry.commit("id", text)
            }
            ComboBox {
                readonly property var kinds: ProviderSettings.kinds

                Layout.preferredWidth: 130
                model: kinds
                currentIndex: Math.max(0, kinds.indexOf(entry.kind))
                Accessible.name: qsTr("Kind")
                onActivated: index => entry.commit("kind", kinds[index])
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Check")
                enabled: entry.checks.length > 0
                onClicked: ProviderSettings.check(entry.index)
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Remove provider %1").arg(entry.providerId)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove this provider")
                onClicked: ProviderSettings.removeProvider(entry.index)
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 12
            rowSpacing: 6

            Label {
                Layout.preferredWidth: 96 // the same in every card, whichever rows show
                text: qsTr("Base URL")
                color: Theme.textMuted
            }
            TextField {
                Layout.fillWidth: true
                text: entry.baseUrl
                enabled: !entry.simulatedKind
                placeholderText: entry.simulatedKind ? qsTr("not needed") : "https://…/v1"
                Accessible.name: qsTr("Base URL")
                onEditingFinished: entry.commit("base_url", text)
            }

            Label {
                text: qsTr("Models")
                color: Theme.textMuted
            }
            TextField {
                Layout.fillWidth: true
                text: entry.modelsText
                placeholderText: qsTr("model-a, model-b")
                Accessible.name: qsTr("Models")
                onEditingFinished: entry.commit("models", text)
            }

            Label {
                visible: !entry.simulatedKind
                text: qsTr("Key variable")
                color: Theme.textMuted
            }
            RowLayout {
                visible: !entry.simulatedKind
                Layout.fillWidth: true
                spacing: 8

                TextField {
                    Layout.preferredWidth: 200
                    text: entry.keyEnv
                    font.family: Theme.monoFamily
                    placeholderText: qsTr("none")
                    Accessible.name: qsTr("Key environment variable")
                    onEditingFinished: entry.commit("key_env", text)
                }
                Label {
                    Layout.fillWidth: true
                    text: entry.keyStatus
                    elide: Text.ElideRight
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }

            Label {
                visible: !entry.simulatedKind
                text: qsTr("Keychain item")
                color: Theme.textMuted
            }
            RowLayout {
                visible: !entry.simulatedKind
                Layout.fillWidth: true
                spacing: 8

                TextField {
                    Layout.preferredWidth: 200
                    text: entry.keychain
                    placeholderText: qsTr("none")
                    Accessible.name: qsTr("Keychain item")
                    onEditingFinished: entry.commit("keychain", text)
                }
                // The key goes straight to the keychain; the field is emptied and never bound.
                TextField {
                    id: keyField

                    Layout.fillWidth: true
                    visible: ProviderSettings.keychainAvailable
                    echoMode: TextInput.Password
                    placeholderText: qsTr("paste a key to store")
                    Accessible.name: qsTr("API key for the keychain")
                    onAccepted: storeButton.clicked()
                }
                Button {
                    id: storeButton

                    visible: ProviderSettings.keychainAvailable
                    text: qsTr("Store")
                    enabled: keyField.text.length > 0
                    onClicked: {
                        ProviderSettings.storeKey(entry.index, keyField.text);
                        keyField.clear();
                    }
                }
            }
        }

        Repeater {
            model: entry.problems

            Label {
                required property string modelData

                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: modelData
                color: modelData.indexOf("warning: ") >= 0 ? Theme.warning : Theme.error
                font.pixelSize: Theme.fontSmall
            }
        }

        Repeater {
            model: entry.checks

            ProviderCheckRow {
                Layout.fillWidth: true
                onCheckRequested: model => ProviderSettings.check(entry.index, model)
            }
        }
    }
}
