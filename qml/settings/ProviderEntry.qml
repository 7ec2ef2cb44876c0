pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Settings

// One entry of the providers file in Settings: id, kind, base URL, where the key comes from,
// the models, the timeouts, a Check per model, and the entry's problems by JSON path.
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
    required property int connectMs
    required property int firstTokenMs
    required property int idleMs
    required property int totalMs
    required property string pricesText

    readonly property bool simulatedKind: kind === "simulated"

    function commit(field: string, value: var) {
        ProviderSettings.setField(entry.index, field, value);
    }

    // A captioned timeout, shown and typed in seconds ("2.5 s"; 0 is "off"). The file keeps
    // milliseconds; edits go to ProviderSettings, which refuses values that are no timeout.
    component TimeoutField: RowLayout {
        id: timeout

        required property string field
        required property string caption
        required property string name
        required property string tip
        required property int milliseconds

        spacing: 4

        Label {
            text: timeout.caption
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        SpinBox {
            id: box

            readonly property string offText: qsTr("off")

            function decimalsOf(ms: int): int {
                return ms % 1000 === 0 ? 0 : ms % 100 === 0 ? 1 : 3;
            }

            objectName: "timeout:" + timeout.field
            Layout.preferredWidth: 120
            from: 0
            to: ProviderSettings.maxTimeoutMs
            stepSize: 1000
            value: timeout.milliseconds
            editable: true
            validator: RegularExpressionValidator {
                regularExpression: /[0-9.,\s]*s?|[^0-9]*/
            }
            textFromValue: (ms, locale) => ms === 0
                                           ? box.offText
                                           : qsTr("%1 s").arg(Number(ms / 1000).toLocaleString(
                                                                  locale, "f", box.decimalsOf(ms)))
            valueFromText: (text, locale) => {
                const seconds = text.replace(/s\s*$/, "").trim();
                if (seconds === "" || seconds === box.offText)
                    return 0;
                try {
                    return Math.round(Number.fromLocaleString(locale, seconds) * 1000);
                } catch (error) {
                    return box.value; // not a number: the box keeps its value
                }
            }
            Accessible.name: timeout.name
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: timeout.tip + " · " + qsTr("0: off")
            onValueModified: entry.commit(timeout.field, value)
        }
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
                text: qsTr("Prices")
                color: Theme.textMuted
            }
            TextField {
                Layout.fillWidth: true
                text: entry.pricesText
                placeholderText: qsTr("model = input / output [/ cached] USD per 1M tokens; …")
                Accessible.name: qsTr("Prices")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("For models the built-in price table lacks. Without a price a model still runs; its cost shows as unknown.")
                onEditingFinished: entry.commit("prices", text)
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

            Label {
                visible: !entry.simulatedKind
                text: qsTr("Timeouts")
                color: Theme.textMuted
            }
            Flow {
                visible: !entry.simulatedKind
                Layout.fillWidth: true
                spacing: 12

                TimeoutField {
                    field: "connect_ms"
                    caption: qsTr("connect")
                    name: qsTr("Connect timeout")
                    tip: qsTr("Until the request is sent")
                    milliseconds: entry.connectMs
                }
                TimeoutField {
                    field: "first_token_ms"
                    caption: qsTr("first token")
                    name: qsTr("First-token timeout")
                    tip: qsTr("From the sent request to the first text or tool call")
                    milliseconds: entry.firstTokenMs
                }
                TimeoutField {
                    field: "idle_ms"
                    caption: qsTr("idle")
                    name: qsTr("Idle timeout")
                    tip: qsTr("Longest silence while the answer streams")
                    milliseconds: entry.idleMs
                }
                TimeoutField {
                    field: "total_ms"
                    caption: qsTr("whole call")
                    name: qsTr("Call deadline")
                    tip: qsTr("The whole call, however busy the stream")
                    milliseconds: entry.totalMs
                }
            }
        }

        Repeater {
            model: entry.problems

            Label {
                required property var modelData

                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: modelData.text
                color: modelData.severity === "warning" ? Theme.warning : Theme.error
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
