pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Automation
import LadderStudio.Document
import LadderStudio.Evaluate

// The Evaluate area: a data set and ladders on the left, the results table, the frontier chart
// and a case side by side on the right. The run happens off the GUI thread.
Rectangle {
    id: view

    required property LadderDocument doc
    // The streaming speed of live runs (the workspace's, as Chat sets it).
    property real timeScale: 1

    // The golden-set editor is showing: it owns Ctrl+S and undo/redo then.
    readonly property bool editingSet: visible && pages.currentIndex === 1

    // The user clicked a point: open that ladder variant (a file written by the model).
    signal openLadderRequested(string path)
    // Save chart as PNG finished: the file and whether it was written.
    signal chartSaved(string path, bool ok)

    function saveChart(path: string) {
        frontier.grabToImage(result => view.chartSaved(path, result.saveToFile(path)));
    }

    color: Theme.window

    EvaluateModel {
        id: evaluation

        objectName: "evaluateModel"

        openLadderJson: view.visible ? view.doc.toJson() : ""
        timeScale: view.timeScale
        onFinished: {
            // Show the first case side by side, so the area is never half empty.
            const first = evaluation.cases.length > 0 ? evaluation.cases[0].index : -1;
            side.detail = first >= 0 ? evaluation.caseDetail(first) : ({});
            ScreenshotController.release("evaluate");
        }
    }

    Component.onCompleted: {
        if (ScreenshotController.active && Startup.initialView === "evaluate"
                && evaluation.datasetPath !== "") {
            ScreenshotController.hold("evaluate");
            evaluation.run();
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        // Left: what to run.
        Panel {
            Layout.preferredWidth: 300
            Layout.fillHeight: true

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 10
                spacing: 6

                Label {
                    text: qsTr("Data set")
                    font.bold: true
                    color: Theme.text
                }
                RowLayout {
                    Layout.fillWidth: true

                    TextField {
                        Layout.fillWidth: true
                        text: evaluation.datasetPath
                        placeholderText: qsTr("MT-Bench JSONL, GSM8K CSV, audit log, JSONL")
                        onEditingFinished: evaluation.datasetPath = text
                    }
                    Button {
                        text: qsTr("Browse…")
                        onClicked: datasetDialog.open()
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: evaluation.error !== "" ? evaluation.error : evaluation.datasetInfo
                    color: evaluation.error !== "" ? Theme.error : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                CheckBox {
                    objectName: "liveCheck"
                    Layout.fillWidth: true
                    text: qsTr("Answer live on the studio's providers")
                    checked: evaluation.live
                    enabled: !evaluation.liveOnly && !evaluation.running
                    onToggled: evaluation.live = checked
                }
                Label {
                    objectName: "evaluateMode"
                    Layout.fillWidth: true
                    text: evaluation.modeText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: !evaluation.liveOnly // a set without recorded answers has none
                    text: qsTr("Strong answerer")
                    color: Theme.textMuted
                }
                ComboBox {
                    Layout.fillWidth: true
                    visible: !evaluation.liveOnly
                    enabled: !evaluation.live
                    model: evaluation.answerers
                    currentIndex: evaluation.answererIndex(evaluation.strongAnswerer)
                    onActivated: index => evaluation.strongAnswerer = evaluation.answerers[index]
                }
                Label {
                    visible: !evaluation.liveOnly // a set without recorded answers has none
                    text: qsTr("Light answerer")
                    color: Theme.textMuted
                }
                ComboBox {
                    Layout.fillWidth: true
                    visible: !evaluation.liveOnly
                    enabled: !evaluation.live
                    model: evaluation.answerers
                    currentIndex: evaluation.answererIndex(evaluation.lightAnswerer)
                    onActivated: index => evaluation.lightAnswerer = evaluation.answerers[index]
                }
                Label {
                    text: evaluation.live
                          ? qsTr("Ladders (tiers answer live; baselines always included)")
                          : qsTr("Ladders (tiers replay the pair; baselines always included)")
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.topMargin: 6
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: evaluation.ladders

                    delegate: CheckBox {
                        required property var modelData

                        width: ListView.view.width
                        text: modelData.title
                        checked: modelData.checked
                        onToggled: evaluation.setLadderChecked(modelData.key, checked)
                    }
                }
                CheckBox {
                    text: qsTr("Sweep the length-threshold router")
                    checked: evaluation.sweepEnabled
                    onToggled: evaluation.sweepEnabled = checked
                }
                TextField {
                    Layout.fillWidth: true
                    enabled: evaluation.sweepEnabled
                    text: evaluation.sweepSpec
                    onEditingFinished: evaluation.sweepSpec = text
                }
                RowLayout {
                    Layout.fillWidth: true

                    Button {
                        objectName: "runButton"
                        text: qsTr("Run")
                        highlighted: true
                        // Not runnable: run() says why in the error line above.
                        enabled: !evaluation.running
                        onClicked: evaluation.run()
                    }
                    Button {
                        text: qsTr("Cancel")
                        enabled: evaluation.running
                        onClicked: evaluation.cancel()
                    }
                }
                ProgressBar {
                    Layout.fillWidth: true
                    value: evaluation.progress
                    visible: evaluation.running || evaluation.progress > 0
                }
                Label {
                    Layout.fillWidth: true
                    text: evaluation.running ? evaluation.progressText : evaluation.status
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
            }
        }

        // Right: results, or the golden-set editor.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 4

            TabBar {
                id: pages

                objectName: "evaluatePages"
                Layout.fillWidth: true

                TabButton {
                    text: qsTr("Results")
                }
                TabButton {
                    objectName: "goldenSetTab"
                    text: qsTr("Golden sets")
                }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: pages.currentIndex

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 8

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredHeight: 3
                        spacing: 8

                        RunTable {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 6
                            model: evaluation
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 6
                            spacing: 4

                            FrontierChart {
                                id: frontier

                                objectName: "frontierChart"
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                model: evaluation
                                onPointClicked: run => {
                                    const path = evaluation.variantFile(run);
                                    if (path !== "")
                                        view.openLadderRequested(path);
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true

                                Label {
                                    Layout.fillWidth: true
                                    text: evaluation.gapText
                                    color: Theme.text
                                    font.pixelSize: Theme.fontSmall
                                    wrapMode: Text.Wrap
                                }
                                Button {
                                    text: qsTr("Save chart as PNG…")
                                    enabled: evaluation.points.length > 0
                                    onClicked: pngDialog.open()
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredHeight: 2
                        spacing: 8

                        CaseTable {
                            id: caseTable

                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 5
                            model: evaluation
                            onCasePicked: index => side.detail = evaluation.caseDetail(index)
                        }
                        CaseSideBySide {
                            id: side

                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 6
                        }
                    }
                }
                GoldenSetEditor {
                    id: setEditor

                    objectName: "goldenSetEditor"
                    onRunRequested: path => {
                        evaluation.datasetPath = path;
                        pages.currentIndex = 0;
                        evaluation.run(); // live when the set has no recorded answers
                    }
                }
            }
        }
    }

    FileDialog {
        id: datasetDialog

        title: qsTr("Open a data set")
        nameFilters: [qsTr("Data sets (*.jsonl *.csv *.sqlite)"), qsTr("All files (*)")]
        onAccepted: evaluation.datasetPath = String(selectedFile)
    }
    FileDialog {
        id: pngDialog

        title: qsTr("Save chart as PNG")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("PNG images (*.png)")]
        onAccepted: {
            view.saveChart(Files.toLocalFile(String(selectedFile)));
        }
    }
}
