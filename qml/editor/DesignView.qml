import QtQuick
import QtQuick.Controls
import LadderStudio.Document
import LadderStudio.Editor

// The Design area: node palette, graph canvas with the Problems list below, inspector.
SplitView {
    id: view

    required property LadderDocument doc
    // The audit store whose chat feedback cases a learned detector can train on (the shell's).
    property string feedbackStore
    readonly property alias graphCanvas: canvas

    function fit() {
        canvas.fit();
    }
    function fitSoon() {
        canvas.fitSoon();
    }
    function resetZoom() {
        canvas.viewport.resetZoom();
    }
    function zoomBy(factor: real) {
        canvas.viewport.zoomBy(factor);
    }
    function pasteAtCursor(): bool {
        return canvas.pasteAtCursor();
    }

    orientation: Qt.Horizontal

    NodePalette {
        SplitView.preferredWidth: 220
        SplitView.minimumWidth: 170
        doc: view.doc
        canvas: canvas
    }

    SplitView {
        SplitView.fillWidth: true
        SplitView.minimumWidth: 300
        orientation: Qt.Vertical

        GraphCanvas {
            id: canvas

            SplitView.fillHeight: true
            SplitView.minimumHeight: 200
            doc: view.doc
        }

        // Folded to its header while there is nothing to list.
        ProblemsPanel {
            id: problemsPanel

            objectName: "problemsPanel"
            SplitView.preferredHeight: 150
            SplitView.minimumHeight: view.doc.problems.expanded ? 60 : problemsPanel.headerHeight
            SplitView.maximumHeight: view.doc.problems.expanded ? Infinity
                                                                : problemsPanel.headerHeight
            doc: view.doc
            onReveal: key => canvas.reveal(key)
        }
    }

    Inspector {
        SplitView.preferredWidth: 360
        SplitView.minimumWidth: 280
        doc: view.doc
        feedbackStore: view.feedbackStore
    }
}
