pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Automation
import LadderStudio.Document
import LadderStudio.Settings
import LadderStudio.Export

// File → Export…: the target on the left, the live export of the open ladder in the middle
// (syntax-coloured), its loss report on the right; Copy and Save. Layout only: ExportModel
// does the work and follows the ladder as it is edited.
Rectangle {
    id: view

    required property LadderDocument doc
    readonly property ExportModel model: exportModel
    readonly property ServeController server: serveController
    // The "Serve this ladder…" entry is chosen: the serve panel replaces the preview.
    property bool serving: false

    // File → Serve This Ladder…
    function showServe() {
        view.serving = true;
    }

    color: Theme.window

    ExportModel {
        id: exportModel

        objectName: "exportModel"
        // Only while shown: exporting (and colouring) a big ladder at every open cost seconds.
        document: view.visible ? view.doc : null
    }

    ServeController {
        id: serveController

        objectName: "serveController"
        document: view.doc
        onStatusChanged: {
            if (status !== "starting")
                ScreenshotController.release("serve");
        }
    }

    // `ladder-studio --view export --serve`: serving from the start (and captured running).
    Component.onCompleted: {
        if (Startup.serveAtStart) {
            view.serving = true;
            ScreenshotController.hold("serve");
            serveController.start();
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 16

        // The targets.
        ColumnLayout {
            Layout.preferredWidth: 230
            Layout.maximumWidth: 230
            Layout.fillHeight: true
            spacing: 6

            Label {
                text: qsTr("Export to")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
            }
            Repeater {
                model: exportModel.formats

                delegate: ExportTarget {
                    required property var modelData

                    Layout.fillWidth: true
                    objectName: "target_" + modelData.id
                    title: modelData.title
                    description: modelData.description
                    selected: !view.serving && exportModel.format === modelData.id
                    onClicked: {
                        view.serving = false;
                        exportModel.format = modelData.id;
                    }
                }
            }
            ExportTarget {
                Layout.fillWidth: true
                Layout.topMargin: 10
                objectName: "target_serve"
                title: qsTr("Serve this ladder…")
                description: serveController.running
                             ? (serveController.requestCount === 1
                                ? qsTr("Serving on %1 · 1 request").arg(serveController.url)
                                : qsTr("Serving on %1 · %2 requests").arg(serveController.url)
                                  .arg(serveController.requestCount))
                             : qsTr("An OpenAI-compatible endpoint on this machine that runs the "
                                    + "whole ladder")
                selected: view.serving
                onClicked: view.serving = true
            }
            CheckBox {
                objectName: "includeLayout"
                visible: !view.serving && exportModel.format === "json"
                text: qsTr("Include the editor layout")
                checked: exportModel.includeLayout
                onToggled: exportModel.includeLayout = checked
            }
            Item {
                Layout.fillHeight: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: ProviderSettings.simulated
                      ? qsTr("Provider ids resolve to their vendors (openai, anthropic, gemini). "
                             + "Choose a providers file in Settings for your own endpoints.")
                      : qsTr("Provider ids resolve through %1.").arg(ProviderSettings.fileName)
            }
        }

        ServePanel {
            objectName: "servePanel"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 900
            visible: view.serving
            controller: serveController
        }
        Item {
            Layout.fillWidth: true
            visible: view.serving
        }

        // The export.
        ColumnLayout {
            visible: !view.serving
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                spacing: 8

                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: exportModel.suggestedFileName
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontNormal
                    font.weight: Font.DemiBold
                }
                Button {
                    objectName: "copyButton"
                    text: qsTr("Copy")
                    enabled: exportModel.text !== ""
                    onClicked: exportModel.copy()
                }
                Button {
                    objectName: "saveButton"
                    text: qsTr("Save…")
                    highlighted: true
                    enabled: exportModel.text !== ""
                    onClicked: saveDialog.open()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: exportModel.message !== ""
                text: exportModel.message
                color: Theme.textMuted
                elide: Text.ElideMiddle
            }
            Panel {
                Layout.fillWidth: true
                Layout.fillHeight: true

                ScrollView {
                    anchors.fill: parent
                    anchors.margins: 1
                    visible: exportModel.problem === ""

                    TextArea {
                        id: preview

                        objectName: "preview"
                        readOnly: true
                        selectByMouse: true
                        textFormat: TextEdit.PlainText
                        wrapMode: TextEdit.NoWrap
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall + 1
                        color: Theme.text
                        text: exportModel.text
                        background: null

                        Component.onCompleted: exportModel.highlight(preview.textDocument,
                                                                     Theme.dark)
                    }
                }
                Label {
                    objectName: "problem"
                    anchors.fill: parent
                    anchors.margins: 16
                    visible: exportModel.problem !== ""
                    wrapMode: Text.WordWrap
                    color: Theme.error
                    text: exportModel.problem
                }
            }
        }

        // The loss report.
        ColumnLayout {
            visible: !view.serving
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Layout.preferredHeight: 32
                spacing: 8

                Label {
                    text: qsTr("Loss report")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                }
                Chip {
                    objectName: "lossChip"
                    visible: exportModel.problem === ""
                    tint: exportModel.lossCount > 0 ? Theme.warning : Theme.edgeReturn
                    text: exportModel.lossCount > 0
                          ? qsTr("%n feature(s) not expressed", "", exportModel.lossCount)
                          : qsTr("nothing lost")
                }
                Item {
                    Layout.fillWidth: true
                }
            }
            Panel {
                Layout.fillWidth: true
                Layout.fillHeight: true

                ScrollView {
                    id: reportScroll

                    anchors.fill: parent
                    anchors.margins: 12
                    contentWidth: availableWidth

                    Text {
                        objectName: "report"
                        width: reportScroll.availableWidth
                        wrapMode: Text.WordWrap
                        textFormat: Text.MarkdownText
                        color: Theme.text
                        linkColor: Theme.accent
                        font.pixelSize: Theme.fontNormal
                        text: exportModel.reportView
                    }
                }
            }
        }
    }

    Connections {
        target: Theme
        function onDarkChanged() {
            exportModel.highlight(preview.textDocument, Theme.dark);
        }
    }

    FileDialog {
        id: saveDialog

        title: qsTr("Save Export")
        fileMode: FileDialog.SaveFile
        selectedFile: Files.folderUrl(view.doc.filePath) + "/" + exportModel.suggestedFileName
        nameFilters: exportModel.format === "litellm" ? [qsTr("YAML (*.yaml *.yml)")]
                                                      : [qsTr("JSON (*.json)")]
        onAccepted: exportModel.save(Files.toLocalFile(String(selectedFile)))
    }
}
