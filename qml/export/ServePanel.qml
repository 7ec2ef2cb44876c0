pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Settings
import LadderStudio.Export

// Export → "Serve this ladder…": Start / Stop, the address, the live request count, the error
// when the server cannot start or dies, and a curl and a Python openai snippet to copy. Layout
// only: ServeController runs `ladder serve`.
ColumnLayout {
    id: panel

    required property ServeController controller

    spacing: 12

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        Label {
            text: qsTr("Serve this ladder")
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Chip {
            objectName: "serveStatus"
            tint: panel.controller.running ? Theme.edgeReturn
                                           : panel.controller.status === "failed" ? Theme.error
                                                                                   : Theme.textMuted
            text: ({
                    stopped: qsTr("stopped"),
                    starting: qsTr("starting…"),
                    running: qsTr("running"),
                    stopping: qsTr("stopping…"),
                    failed: qsTr("failed")
                })[panel.controller.status] ?? panel.controller.status
        }
        Item {
            Layout.fillWidth: true
        }
        Button {
            objectName: "startButton"
            text: panel.controller.running ? qsTr("Restart") : qsTr("Start")
            highlighted: !panel.controller.running
            enabled: !panel.controller.busy
            onClicked: panel.controller.start()
        }
        Button {
            objectName: "stopButton"
            text: qsTr("Stop")
            enabled: panel.controller.running || panel.controller.status === "starting"
            onClicked: panel.controller.stop()
        }
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        text: qsTr("Runs the whole ladder (routing, triggers, escalation, fallbacks, handoff memory) "
                   + "behind an OpenAI-compatible endpoint on this machine (ladder serve). "
                   + "Any OpenAI client can talk to it; each conversation keeps its place.")
              + " " + (ProviderSettings.simulated
                       ? qsTr("The simulated provider answers (choose a providers file in Settings for real models).")
                       : qsTr("Providers from %1.").arg(ProviderSettings.fileName))
    }

    // Why it is not serving.
    Label {
        id: errorText

        objectName: "serveError"
        Layout.fillWidth: true
        visible: panel.controller.error !== ""
        padding: 10
        wrapMode: Text.Wrap
        color: Theme.error
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontSmall + 1
        text: panel.controller.error
        // Wrapped at the panel's width while hidden too: shown, it has the height of its text
        // at once (the layout ignores a height that changes inside its own pass).
        width: panel.width
        background: Rectangle {
            radius: Theme.radius
            color: Qt.rgba(Theme.error.r, Theme.error.g, Theme.error.b, 0.08)
            border.color: Theme.error
        }
    }
    Label {
        Layout.fillWidth: true
        visible: panel.controller.stale
        wrapMode: Text.WordWrap
        color: Theme.warning
        text: qsTr("The ladder was edited after it was served: the server still runs the earlier "
                   + "version. Restart to serve the edits.")
    }

    // The address and the live count.
    GridLayout {
        Layout.fillWidth: true
        visible: panel.controller.running
        columns: 3
        columnSpacing: 12
        rowSpacing: 6

        Label {
            text: qsTr("Base URL")
            color: Theme.textMuted
        }
        Label {
            objectName: "serveUrl"
            Layout.fillWidth: true
            text: panel.controller.url
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Button {
            text: qsTr("Copy")
            onClicked: panel.controller.copy(panel.controller.url)
        }
        Label {
            text: qsTr("Model")
            color: Theme.textMuted
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            font.family: Theme.monoFamily
            wrapMode: Text.WordWrap
            text: panel.controller.modelName
                  + (panel.controller.tierModels !== ""
                     ? "   " + qsTr("(pin a tier: %1)").arg(panel.controller.tierModels) : "")
        }
        Label {
            text: qsTr("Requests")
            color: Theme.textMuted
        }
        RowLayout {
            Layout.columnSpan: 2
            spacing: 10

            Label {
                objectName: "requestCount"
                text: panel.controller.requestCount
                font.pixelSize: Theme.fontTitle + 7
                font.weight: Font.DemiBold
            }
            Label {
                color: Theme.textMuted
                text: panel.controller.requestCount === 0
                      ? qsTr("none yet")
                      : qsTr("answered, %1 failed; last by tier %2").arg(panel.controller.failedCount)
                        .arg(panel.controller.lastTier || "–")
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: panel.controller.message !== "" && panel.controller.running
        text: panel.controller.message
        color: Theme.textMuted
    }

    // The snippets.
    Repeater {
        model: panel.controller.running
               ? [{ title: qsTr("curl"), text: panel.controller.curlSnippet, name: "curl" },
                  { title: qsTr("Python (openai)"), text: panel.controller.pythonSnippet, name: "python" }]
               : []

        delegate: ColumnLayout {
            id: snippet

            required property var modelData

            Layout.fillWidth: true
            spacing: 4

            RowLayout {
                Layout.fillWidth: true

                Label {
                    Layout.fillWidth: true
                    text: snippet.modelData.title
                    font.weight: Font.DemiBold
                }
                Button {
                    objectName: "copy_" + snippet.modelData.name
                    text: qsTr("Copy")
                    onClicked: panel.controller.copy(snippet.modelData.text)
                }
            }
            Panel {
                Layout.fillWidth: true
                implicitHeight: code.implicitHeight + 20

                TextEdit {
                    id: code

                    objectName: "snippet_" + snippet.modelData.name
                    anchors.fill: parent
                    anchors.margins: 10
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontSmall + 1
                    color: Theme.text
                    text: snippet.modelData.text
                }
            }
        }
    }
    Item {
        Layout.fillHeight: true
    }
}
