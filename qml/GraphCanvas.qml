pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import LadderStudio

// The node-graph canvas. Draws the document's node and edge models inside a panned and zoomed
// "world" item and forwards input to the document (selection, moves, connections) and to the
// viewport (pan, zoom). Geometry comes from C++.
Item {
    id: canvas

    required property LadderDocument doc
    property alias viewport: vp
    readonly property alias world: world
    property bool spaceHeld: false
    // Connection being dragged from an output port.
    property string connectFrom: ""
    property point connectStart: Qt.point(0, 0)
    property point connectEnd: Qt.point(0, 0)
    property point lastCursor: Qt.point(width / 2, height / 2)
    // Only nodes and edges meeting this canvas rectangle get delegates. It is the visible area
    // plus a margin and only moves when the view leaves it, so panning a large ladder costs
    // what is on screen, not what exists.
    property rect cullRect: Qt.rect(0, 0, 0, 0)
    // Below this zoom nodes are drawn as plain coloured blocks and edge labels are hidden.
    readonly property bool detailed: vp.zoom >= 0.4

    function updateCullRect() {
        const v = vp.visibleRect;
        const c = canvas.cullRect;
        if (c.width > 0 && v.x >= c.x && v.y >= c.y && v.x + v.width <= c.x + c.width
                && v.y + v.height <= c.y + c.height && c.width <= v.width * 4)
            return;
        canvas.cullRect = Qt.rect(v.x - v.width / 2, v.y - v.height / 2, v.width * 2,
                                  v.height * 2);
    }

    function fit() {
        vp.fit(canvas.doc.contentBounds, 48);
    }
    function fitSoon() {
        fitTimer.restart();
    }
    function reveal(key: string) {
        const r = canvas.doc.elementRect(key);
        if (r.width > 0)
            vp.centerOn(r.x + r.width / 2, r.y + r.height / 2);
    }
    function canvasPoint(viewX: real, viewY: real): point {
        return vp.toCanvas(viewX, viewY);
    }
    function pasteAtCursor(): bool {
        const p = vp.toCanvas(canvas.lastCursor.x, canvas.lastCursor.y);
        return canvas.doc.pasteFromClipboard(p.x, p.y);
    }
    function beginConnect(key: string, start: point) {
        canvas.connectFrom = key;
        canvas.connectStart = start;
        canvas.connectEnd = start;
    }
    function updateConnect(end: point) {
        canvas.connectEnd = end;
    }
    function finishConnect(end: point) {
        const target = canvas.doc.nodeAt(end.x, end.y);
        if (target !== "" && target !== canvas.connectFrom)
            canvas.doc.connectNodes(canvas.connectFrom, target);
        canvas.connectFrom = "";
    }

    clip: true
    focus: true
    activeFocusOnTab: true
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Ladder graph")

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            canvas.spaceHeld = true;
            event.accepted = true;
        }
    }
    Keys.onReleased: event => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            canvas.spaceHeld = false;
            event.accepted = true;
        }
    }

    CanvasViewport {
        id: vp

        viewWidth: canvas.width
        viewHeight: canvas.height
        onChanged: canvas.updateCullRect()
    }

    Timer {
        id: fitTimer

        interval: 0
        onTriggered: canvas.fit()
    }

    Connections {
        target: canvas.doc

        function onLoaded() {
            canvas.fitSoon();
        }
    }

    Component.onCompleted: fitSoon()
    onWidthChanged: if (!userMoved.value) fitSoon()
    onHeightChanged: if (!userMoved.value) fitSoon()

    QtObject {
        id: userMoved

        property bool value: false
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.canvas
    }

    GridLayer {
        objectName: "grid"
        anchors.fill: parent
        viewport: vp
        step: canvas.doc.gridSize
    }

    // Background input: pan (drag, middle button, space+drag), rubber band (shift/ctrl+drag),
    // context menu (right button), wheel scroll and ctrl+wheel zoom.
    MouseArea {
        id: background

        property point pressPos
        property bool panning: false
        property bool banding: false
        property bool moved: false
        property bool additive: false

        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton | Qt.RightButton
        hoverEnabled: true
        cursorShape: panning ? Qt.ClosedHandCursor : (canvas.spaceHeld ? Qt.OpenHandCursor
                                                                       : Qt.ArrowCursor)

        onPressed: mouse => {
            canvas.forceActiveFocus();
            pressPos = Qt.point(mouse.x, mouse.y);
            moved = false;
            if (mouse.button === Qt.RightButton) {
                contextMenu.canvasPos = vp.toCanvas(mouse.x, mouse.y);
                contextMenu.popup();
                return;
            }
            const modified = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier);
            banding = mouse.button === Qt.LeftButton && modified && !canvas.spaceHeld;
            additive = banding;
            panning = !banding;
            if (banding) {
                band.x = mouse.x;
                band.y = mouse.y;
                band.width = 0;
                band.height = 0;
            }
        }
        onPositionChanged: mouse => {
            canvas.lastCursor = Qt.point(mouse.x, mouse.y);
            if (!pressed)
                return;
            if (Math.abs(mouse.x - pressPos.x) + Math.abs(mouse.y - pressPos.y) > 3)
                moved = true;
            if (panning) {
                vp.panBy(mouse.x - pressPos.x, mouse.y - pressPos.y);
                pressPos = Qt.point(mouse.x, mouse.y);
                userMoved.value = true;
            } else if (banding) {
                band.x = Math.min(mouse.x, pressPos.x);
                band.y = Math.min(mouse.y, pressPos.y);
                band.width = Math.abs(mouse.x - pressPos.x);
                band.height = Math.abs(mouse.y - pressPos.y);
            }
        }
        onReleased: mouse => {
            if (banding) {
                const a = vp.toCanvas(band.x, band.y);
                const b = vp.toCanvas(band.x + band.width, band.y + band.height);
                canvas.doc.selectInRect(Qt.rect(a.x, a.y, b.x - a.x, b.y - a.y), additive);
            } else if (!moved && mouse.button === Qt.LeftButton) {
                canvas.doc.clearSelection();
            }
            banding = false;
            panning = false;
        }
        onWheel: wheel => {
            userMoved.value = true;
            if (wheel.modifiers & Qt.ControlModifier) {
                vp.zoomAt(wheel.x, wheel.y, Math.pow(1.0015, wheel.angleDelta.y));
            } else if (wheel.pixelDelta.x !== 0 || wheel.pixelDelta.y !== 0) {
                vp.panBy(wheel.pixelDelta.x, wheel.pixelDelta.y);
            } else if (wheel.modifiers & Qt.ShiftModifier) {
                vp.panBy(wheel.angleDelta.y / 2, 0);
            } else {
                vp.panBy(wheel.angleDelta.x / 2, wheel.angleDelta.y / 2);
            }
        }
    }

    PinchHandler {
        id: pinch

        property real lastScale: 1

        target: null
        onActiveChanged: lastScale = 1
        onActiveScaleChanged: {
            vp.zoomAt(centroid.position.x, centroid.position.y, activeScale / lastScale);
            lastScale = activeScale;
            userMoved.value = true;
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["application/x-ladder-node"]
        onDropped: drop => {
            const p = vp.toCanvas(drop.x, drop.y);
            const kind = drop.getDataAsString("application/x-ladder-node");
            canvas.doc.addNode(kind, p.x - 110, p.y - 40);
            drop.acceptProposedAction();
        }
    }

    Item {
        id: world

        x: vp.panX
        y: vp.panY
        scale: vp.zoom
        transformOrigin: Item.TopLeft

        Repeater {
            model: ViewportFilterModel {
                model: canvas.doc.edges
                cullRect: canvas.cullRect
            }

            TransitionEdge {
                detailed: canvas.detailed
            }
        }

        Repeater {
            model: ViewportFilterModel {
                model: canvas.doc.nodes
                cullRect: canvas.cullRect
            }

            NodeDelegate {
                doc: canvas.doc
                world: world
                detailed: canvas.detailed
                onConnectStarted: (key, start) => canvas.beginConnect(key, start)
                onConnectMoved: end => canvas.updateConnect(end)
                onConnectFinished: end => canvas.finishConnect(end)
            }
        }

        Repeater {
            model: ViewportFilterModel {
                model: canvas.doc.edges
                cullRect: canvas.cullRect
            }

            EdgeLabel {
                doc: canvas.doc
                detailed: canvas.detailed
            }
        }

        Shape {
            visible: canvas.connectFrom !== ""

            ShapePath {
                strokeColor: Theme.accent
                strokeWidth: 2
                strokeStyle: ShapePath.DashLine
                dashPattern: [4, 3]
                fillColor: "transparent"
                startX: canvas.connectStart.x
                startY: canvas.connectStart.y

                PathCubic {
                    x: canvas.connectEnd.x
                    y: canvas.connectEnd.y
                    control1X: canvas.connectStart.x + 80
                    control1Y: canvas.connectStart.y
                    control2X: canvas.connectEnd.x - 80
                    control2Y: canvas.connectEnd.y
                }
            }
        }
    }

    Rectangle {
        id: band

        visible: background.banding
        color: Qt.rgba(Theme.selection.r, Theme.selection.g, Theme.selection.b, 0.12)
        border.color: Theme.selection
    }

    // Zoom controls.
    Rectangle {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 10
        width: zoomRow.implicitWidth + 8
        height: zoomRow.implicitHeight + 4
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border

        Row {
            id: zoomRow

            anchors.centerIn: parent

            ToolButton {
                text: "−"
                Accessible.name: qsTr("Zoom out")
                onClicked: vp.zoomBy(1 / 1.2)
            }
            ToolButton {
                width: 58
                text: Math.round(vp.zoom * 100) + " %"
                font.pixelSize: Theme.fontSmall
                Accessible.name: qsTr("Actual size")
                onClicked: vp.resetZoom()
            }
            ToolButton {
                text: "+"
                Accessible.name: qsTr("Zoom in")
                onClicked: vp.zoomBy(1.2)
            }
            ToolButton {
                text: qsTr("Fit")
                onClicked: canvas.fit()
            }
        }
    }

    Minimap {
        objectName: "minimap"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        doc: canvas.doc
        viewport: vp
    }

    Menu {
        id: contextMenu

        property point canvasPos

        MenuItem {
            text: qsTr("Add Tier Here")
            onTriggered: canvas.doc.addNode("tier", contextMenu.canvasPos.x,
                                             contextMenu.canvasPos.y)
        }
        MenuItem {
            text: qsTr("Add Detector Here")
            onTriggered: canvas.doc.addNode("detector", contextMenu.canvasPos.x,
                                             contextMenu.canvasPos.y)
        }
        MenuItem {
            text: qsTr("Add Classifier Here")
            onTriggered: canvas.doc.addNode("classifier", contextMenu.canvasPos.x,
                                             contextMenu.canvasPos.y)
        }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Paste Here")
            onTriggered: canvas.doc.pasteFromClipboard(contextMenu.canvasPos.x,
                                                       contextMenu.canvasPos.y)
        }
        MenuItem {
            text: qsTr("Select All")
            onTriggered: canvas.doc.selectAll()
        }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Auto-Layout")
            onTriggered: canvas.doc.autoLayout()
        }
        MenuItem {
            text: qsTr("Fit to View")
            onTriggered: canvas.fit()
        }
    }
}
