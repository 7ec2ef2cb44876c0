pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Audit
import LadderStudio.Editor
import LadderStudio.Chat
import LadderStudio.Compare
import LadderStudio.Insights
import LadderStudio.Evaluate
import LadderStudio.Export
import LadderStudio

ApplicationWindow {
    id: window

    property string currentView: Startup.initialView

    // Theme (common) follows the application's light or dark choice.
    Binding {
        target: Theme
        property: "dark"
        value: AppController.dark
    }

    function showView(name) {
        if (AppController.viewIndex(name) >= 0)
            window.currentView = name;
    }

    width: Startup.screenshotMode ? 1440 : AppController.windowGeometry.width
    height: Startup.screenshotMode ? 900 : AppController.windowGeometry.height
    x: AppController.windowGeometry.x
    y: AppController.windowGeometry.y
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    visibility: AppController.windowMaximized && !Startup.screenshotMode
                ? Window.Maximized : Window.Windowed
    title: (ladderDoc.dirty ? "● " : "") + ladderDoc.displayName
           + (ladderDoc.ladderName !== "" ? " — " + ladderDoc.ladderName : "") + " — Ladder Studio"
    color: Theme.window

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.panel
    palette.alternateBase: Theme.panelAlt
    palette.text: Theme.text
    palette.button: Theme.panelAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.mid: Theme.border
    palette.dark: Theme.border
    palette.light: Theme.panel
    palette.midlight: Theme.panelAlt
    palette.placeholderText: Theme.textMuted
    palette.toolTipBase: Theme.panel
    palette.toolTipText: Theme.text
    palette.brightText: Theme.text
    palette.link: Theme.accent

    onClosing: close => {
        if (!files.mayClose()) {
            close.accepted = false;
            return;
        }
        AppController.saveWindowState(window.x, window.y, window.width, window.height,
                                      window.visibility === Window.Maximized);
    }

    Component.onCompleted: files.openAtStart()

    LadderDocument {
        id: ladderDoc

        objectName: "ladderDocument"

        autosavePath: Startup.screenshotMode ? "" : AppController.autosavePath
        Component.onCompleted: AppController.followProviders(ladderDoc)
    }
    // Open, save, recovery and "save changes?": the decisions are the controller's, the dialogs
    // below only ask.
    DocumentController {
        id: files

        document: ladderDoc
        onSaveChangesAsked: saveChangesDialog.open()
        onOpenFileAsked: openDialog.open()
        onSaveAsAsked: saveDialog.open()
        onRecoveryAsked: recoveryDialog.open()
        onCloseApproved: window.close()
        onOpened: design.fitSoon()
        onErrorOccurred: message => errorBanner.show(message)
    }

    Action {
        id: newAction

        text: qsTr("&New Ladder")
        shortcut: "Ctrl+N"
        onTriggered: files.newDocument()
    }
    Action {
        id: openAction

        text: qsTr("&Open…")
        shortcut: "Ctrl+O"
        onTriggered: files.chooseFileToOpen()
    }
    Action {
        id: saveAction

        text: qsTr("&Save")
        shortcut: "Ctrl+S"
        enabled: !evaluateView.editingSet // the golden-set editor saves its set
        onTriggered: files.save()
    }
    Action {
        id: saveAsAction

        text: qsTr("Save &As…")
        shortcut: "Ctrl+Shift+S"
        onTriggered: files.chooseFileToSaveAs()
    }
    Action {
        id: exportAction

        text: qsTr("&Export…")
        shortcut: "Ctrl+E"
        onTriggered: window.showView("export")
    }
    Action {
        id: serveAction

        text: qsTr("Ser&ve This Ladder…")
        onTriggered: {
            window.showView("export");
            exportView.showServe();
        }
    }
    Action {
        id: quitAction

        text: qsTr("&Quit")
        shortcut: "Ctrl+Q"
        onTriggered: window.close()
    }
    Action {
        id: undoAction

        text: ladderDoc.undoText !== "" ? qsTr("&Undo %1").arg(ladderDoc.undoText) : qsTr("&Undo")
        shortcut: "Ctrl+Z"
        enabled: ladderDoc.canUndo && !evaluateView.editingSet
        onTriggered: ladderDoc.undo()
    }
    Action {
        id: redoAction

        text: ladderDoc.redoText !== "" ? qsTr("&Redo %1").arg(ladderDoc.redoText) : qsTr("&Redo")
        shortcut: "Ctrl+Shift+Z"
        enabled: ladderDoc.canRedo && !evaluateView.editingSet
        onTriggered: ladderDoc.redo()
    }
    Shortcut {
        sequence: "Ctrl+Y"
        enabled: ladderDoc.canRedo && !evaluateView.editingSet
        onActivated: ladderDoc.redo()
    }
    Action {
        id: cutAction

        text: qsTr("Cu&t")
        shortcut: "Ctrl+X"
        enabled: window.currentView === "design" && ladderDoc.selection.count > 0
        onTriggered: ladderDoc.clipboard.cut()
    }
    Action {
        id: copyAction

        text: qsTr("&Copy")
        shortcut: "Ctrl+C"
        enabled: window.currentView === "design" && ladderDoc.selection.count > 0
        onTriggered: ladderDoc.clipboard.copy()
    }
    Action {
        id: pasteAction

        text: qsTr("&Paste")
        shortcut: "Ctrl+V"
        enabled: window.currentView === "design"
        onTriggered: {
            if (!design.pasteAtCursor())
                errorBanner.show(ladderDoc.errorString);
        }
    }
    Action {
        id: duplicateAction

        text: qsTr("&Duplicate")
        shortcut: "Ctrl+D"
        enabled: window.currentView === "design" && ladderDoc.selection.count > 0
        onTriggered: ladderDoc.clipboard.duplicate()
    }
    Action {
        id: deleteAction

        text: qsTr("De&lete")
        shortcut: "Delete"
        enabled: window.currentView === "design" && ladderDoc.selection.count > 0
        onTriggered: ladderDoc.deleteSelection()
    }
    Action {
        id: selectAllAction

        text: qsTr("Select &All")
        shortcut: "Ctrl+A"
        enabled: window.currentView === "design"
        onTriggered: ladderDoc.selection.selectAll()
    }
    Action {
        id: autoLayoutAction

        text: qsTr("Auto-&Layout")
        shortcut: "Ctrl+L"
        enabled: window.currentView === "design"
        onTriggered: ladderDoc.autoLayout()
    }
    Action {
        id: fitAction

        text: qsTr("&Fit to View")
        shortcut: "F"
        enabled: window.currentView === "design"
        onTriggered: design.fit()
    }
    Action {
        id: zoomResetAction

        text: qsTr("Actual &Size")
        shortcut: "Ctrl+0"
        enabled: window.currentView === "design"
        onTriggered: design.resetZoom()
    }
    Action {
        id: zoomInAction

        text: qsTr("Zoom &In")
        shortcut: "Ctrl++"
        enabled: window.currentView === "design"
        onTriggered: design.zoomBy(1.2)
    }
    Action {
        id: zoomOutAction

        text: qsTr("Zoom &Out")
        shortcut: "Ctrl+-"
        enabled: window.currentView === "design"
        onTriggered: design.zoomBy(1 / 1.2)
    }
    Shortcut {
        sequences: ["+", "="]
        enabled: window.currentView === "design"
        onActivated: design.zoomBy(1.2)
    }
    Shortcut {
        sequence: "-"
        enabled: window.currentView === "design"
        onActivated: design.zoomBy(1 / 1.2)
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")

            MenuItem {
                action: newAction
            }
            Menu {
                id: templateMenu

                title: qsTr("New from &Template")

                Repeater {
                    model: ladderDoc.templates

                    MenuItem {
                        required property string modelData

                        text: ladderDoc.templateTitle(modelData)
                        onTriggered: files.newFromTemplate(modelData)
                    }
                }
            }
            MenuItem {
                action: openAction
            }
            Menu {
                title: qsTr("Open &Recent")
                enabled: AppController.recentFiles.length > 0

                Repeater {
                    model: AppController.recentFiles

                    MenuItem {
                        required property string modelData

                        text: Files.fileName(modelData)
                        onTriggered: files.open(modelData)
                    }
                }
                MenuSeparator {}
                MenuItem {
                    text: qsTr("Clear Recent Files")
                    onTriggered: AppController.clearRecentFiles()
                }
            }
            MenuSeparator {}
            MenuItem {
                action: saveAction
            }
            MenuItem {
                action: saveAsAction
            }
            MenuItem {
                action: exportAction
            }
            MenuItem {
                action: serveAction
            }
            MenuSeparator {}
            MenuItem {
                action: quitAction
            }
        }
        Menu {
            title: qsTr("&Edit")

            MenuItem {
                action: undoAction
            }
            MenuItem {
                action: redoAction
            }
            MenuSeparator {}
            MenuItem {
                action: cutAction
            }
            MenuItem {
                action: copyAction
            }
            MenuItem {
                action: pasteAction
            }
            MenuItem {
                action: duplicateAction
            }
            MenuItem {
                action: deleteAction
            }
            MenuSeparator {}
            MenuItem {
                action: selectAllAction
            }
            Menu {
                title: qsTr("&Align")
                enabled: ladderDoc.selection.count > 1

                MenuItem {
                    text: qsTr("Left Edges")
                    onTriggered: ladderDoc.align("left")
                }
                MenuItem {
                    text: qsTr("Horizontal Centres")
                    onTriggered: ladderDoc.align("hcenter")
                }
                MenuItem {
                    text: qsTr("Right Edges")
                    onTriggered: ladderDoc.align("right")
                }
                MenuItem {
                    text: qsTr("Top Edges")
                    onTriggered: ladderDoc.align("top")
                }
                MenuItem {
                    text: qsTr("Vertical Centres")
                    onTriggered: ladderDoc.align("vcenter")
                }
                MenuItem {
                    text: qsTr("Bottom Edges")
                    onTriggered: ladderDoc.align("bottom")
                }
            }
            MenuItem {
                action: autoLayoutAction
            }
        }
        Menu {
            title: qsTr("&View")

            MenuItem {
                action: fitAction
            }
            MenuItem {
                action: zoomInAction
            }
            MenuItem {
                action: zoomOutAction
            }
            MenuItem {
                action: zoomResetAction
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Snap to &Grid")
                checkable: true
                checked: ladderDoc.snapToGrid
                onToggled: ladderDoc.snapToGrid = checked
            }
            MenuItem {
                text: qsTr("&Dark Theme")
                checkable: true
                checked: AppController.dark
                onToggled: AppController.theme = checked ? "dark" : "light"
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            Layout.fillHeight: true
            current: window.currentView
            onActivated: name => window.showView(name)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ErrorBanner {
                id: errorBanner

                Layout.fillWidth: true
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: AppController.viewIndex(window.currentView)

                DesignView {
                    id: design

                    objectName: "designView"

                    doc: ladderDoc
                    feedbackStore: Studio.storePath
                }
                ChatView {
                    doc: ladderDoc
                    workspace: Studio
                    onCompareRequested: window.showView("compare")
                }
                CompareView {
                    doc: ladderDoc
                    compare: Studio.compare
                }
                InsightsView {
                    workspace: Studio
                    compare: Studio.compare
                }
                AuditView {
                    workspace: Studio
                    currentSessionId: Studio.chat.sessionId
                }
                EvaluateView {
                    id: evaluateView

                    doc: ladderDoc
                    timeScale: Studio.timeScale
                    onOpenLadderRequested: path => files.guard(() => {
                        files.openNow(path);
                        window.showView("design");
                    })
                }
                SettingsView {}
                ExportView {
                    id: exportView

                    doc: ladderDoc
                }
            }
        }
    }

    FileDialog {
        id: openDialog

        title: qsTr("Open Ladder")
        nameFilters: [qsTr("Ladder files (*.json)"), qsTr("All files (*)")]
        currentFolder: Files.folderUrl(ladderDoc.filePath)
        onAccepted: files.openNow(String(selectedFile))
    }

    FileDialog {
        id: saveDialog

        title: qsTr("Save Ladder As")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Ladder files (*.json)")]
        currentFolder: Files.folderUrl(ladderDoc.filePath)
        onAccepted: files.saveAs(String(selectedFile))
        onRejected: files.cancelSaveAs()
    }

    Dialog {
        id: saveChangesDialog

        objectName: "saveChangesDialog"

        anchors.centerIn: parent
        width: 460
        modal: true
        title: qsTr("Save changes?")
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        onAccepted: files.saveChanges()
        onDiscarded: {
            close();
            files.discardChanges();
        }
        onRejected: files.keepChanges()

        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("“%1” has changes that are not saved. Save them before continuing?")
                  .arg(ladderDoc.displayName)
        }
    }

    Dialog {
        id: recoveryDialog

        anchors.centerIn: parent
        width: 460
        modal: true
        title: qsTr("Recover unsaved work?")
        standardButtons: Dialog.Yes | Dialog.No
        onAccepted: files.recover()
        onRejected: files.declineRecovery()

        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Ladder Studio did not close properly last time. An autosaved copy of "
                       + "the ladder you were editing is available.")
        }
    }
}
