pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

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
    // The edge layers are painted for this canvas rectangle: the visible area plus a margin.
    // It only moves when the view leaves it, so panning a large ladder repaints nothing most
    // frames. (Node items follow the view more closely: see visibleNodes.)
    property rect cullRect: Qt.rect(0, 0, 0, 0)
    // Below this zoom nodes are drawn as plain coloured blocks and edge labels are hidden.
    readonly property real detailZoom: 0.4
    readonly property bool detailed: vp.zoom >= detailZoom
    // Node items exist (detailed zoom); set with the cull rectangle.
    property bool nodeItems: false
    // The zoom the edge layers are painted at. It follows the zoom once a zoom gesture rests
    // (or when the layers are painted anyway for a new cull rectangle); in between the cached
    // images are scaled, which is cheap.
    property real paintZoom: 1
    property bool viewMoving: false
    property bool fitted: false
    readonly property var edgeColors: ({
            step: Theme.edgeStep,
            signal: Theme.edgeSignal,
            post: Theme.edgePost,
            return: Theme.edgeReturn,
            failure: Theme.edgeFailure,
            entry: Theme.edgeEntry,
            selected: Theme.selection,
            error: Theme.error,
            labelBackground: Theme.labelBg,
            text: Theme.text,
            nodeBody: Theme.nodeBody,
            border: Theme.border,
            link: Qt.rgba(Theme.edgeSignal.r, Theme.edgeSignal.g, Theme.edgeSignal.b, 0.55)
        })

    function updateCullRect() {
        // Nothing is culled (or created) before the first fit: the default 100 % view would
        // create node items that the fit throws away again.
        if (!canvas.fitted)
            return;
        const v = vp.visibleRect;
        const c = canvas.cullRect;
        const inside = c.width > 0 && v.x >= c.x && v.y >= c.y && v.x + v.width <= c.x + c.width
                && v.y + v.height <= c.y + c.height;
        // Zoomed in a lot, a smaller rectangle is painted sharper and holds fewer node items.
        // Within a gesture that waits for a larger zoom step, so zooming in and out again
        // repaints nothing.
        const zoomedIn = c.width > v.width * (canvas.viewMoving ? 8 : 4);
        if (!inside || zoomedIn) {
            canvas.paintZoom = vp.zoom;
            canvas.cullRect = Qt.rect(v.x - v.width / 2, v.y - v.height / 2, v.width * 2,
                                      v.height * 2);
        }
        // Only now, so node items are made for the new rectangle only.
        canvas.nodeItems = vp.zoom >= canvas.detailZoom;
    }
    // The edge or label under a view point, "" when there is none (nodes hide the curves).
    function edgeKeyAt(viewX: real, viewY: real): string {
        const p = vp.toCanvas(viewX, viewY);
        if (canvas.detailed) {
            const label = edgeScene.labelAt(p.x, p.y);
            if (label !== "")
                return label;
        }
        if (canvas.doc.nodeAt(p.x, p.y) !== "")
            return "";
        const edge = edgeScene.edgeAt(p.x, p.y, 6 / vp.zoom);
        if (edge !== "")
            return edge;
        // A detector's link stands for the transition it feeds.
        return edgeScene.transitionOfLink(edgeScene.linkAt(p.x, p.y, 6 / vp.zoom));
    }
    // The detector link under a view point when no node, label or edge is; "" otherwise.
    function linkKeyAt(viewX: real, viewY: real): string {
        const p = vp.toCanvas(viewX, viewY);
        const tolerance = 6 / vp.zoom;
        if ((canvas.detailed && edgeScene.labelAt(p.x, p.y) !== "")
                || canvas.doc.nodeAt(p.x, p.y) !== ""
                || edgeScene.edgeAt(p.x, p.y, tolerance) !== "")
            return "";
        return edgeScene.linkAt(p.x, p.y, tolerance);
    }

    function fit() {
        // Not laid out yet (the window's first polish has not sized the canvas): fitting would
        // keep the 100 % view and mark it fitted, so node items would be made for it first and
        // thrown away at the real fit (seconds for 1,000 tiers). onWidthChanged fits again.
        if (canvas.width <= 0 || canvas.height <= 0)
            return;
        canvas.fitted = true;
        vp.fit(canvas.doc.contentBounds, 48);
        canvas.settle();
    }
    // The view stopped moving: paint the edge layers sharp at the zoom reached.
    function settle() {
        settleTimer.stop();
        canvas.viewMoving = false;
        canvas.paintZoom = vp.zoom;
        canvas.updateCullRect();
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
        return canvas.doc.clipboard.paste(p.x, p.y);
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
    // Dragging an end handle of the selected transition onto another node reconnects it.
    function finishReconnect(end: point, movingSource: bool) {
        const edge = edgeScene.selectedEdge;
        const target = canvas.doc.nodeAt(end.x, end.y);
        canvas.connectFrom = "";
        if (target === "" || edge.key === undefined)
            return;
        canvas.doc.reconnectEdge(edge.key, movingSource ? target : edge.fromKey,
                                 movingSource ? edge.toKey : target);
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
        onChanged: {
            canvas.viewMoving = true;
            settleTimer.restart();
            canvas.updateCullRect();
        }
    }

    EdgeScene {
        id: edgeScene

        edges: canvas.doc.edges
        nodes: canvas.doc.nodes
        liveEdits: canvas.doc.moving
        fontPixelSize: Theme.fontSmall
    }

    // Runs while the view pans or zooms; when it stops the edge layers are painted sharp at
    // the zoom reached.
    Timer {
        id: settleTimer

        interval: 150
        onTriggered: canvas.settle()
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
        property string pressedEdge: ""
        property string pressedNode: "" // zoomed far out, where nodes have no items
        property point pressCanvas
        property string hoveredEdge: ""

        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton | Qt.RightButton
        hoverEnabled: true
        cursorShape: panning ? Qt.ClosedHandCursor
                             : (canvas.spaceHeld ? Qt.OpenHandCursor
                                                 : (hoveredEdge !== "" ? Qt.PointingHandCursor
                                                                       : Qt.ArrowCursor))
        onExited: {
            hoveredEdge = "";
            edgeScene.hoveredLink = "";
        }
        ToolTip.visible: hoveredEdge !== "" && edgeScene.problemOf(hoveredEdge) !== ""
        ToolTip.delay: 400
        ToolTip.text: hoveredEdge !== "" ? edgeScene.problemOf(hoveredEdge) : ""

        onPressed: mouse => {
            canvas.forceActiveFocus();
            pressPos = Qt.point(mouse.x, mouse.y);
            moved = false;
            pressedEdge = mouse.button === Qt.MiddleButton ? "" : canvas.edgeKeyAt(mouse.x,
                                                                                   mouse.y);
            if (mouse.button === Qt.RightButton) {
                if (pressedEdge !== "") {
                    if (!canvas.doc.selection.contains(pressedEdge))
                        canvas.doc.selection.select(pressedEdge, "replace");
                    edgeMenu.edgeKey = pressedEdge;
                    edgeMenu.popup();
                    return;
                }
                contextMenu.canvasPos = vp.toCanvas(mouse.x, mouse.y);
                contextMenu.popup();
                return;
            }
            const modified = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier);
            const p = vp.toCanvas(mouse.x, mouse.y);
            pressedNode = canvas.nodeItems || canvas.spaceHeld || mouse.button !== Qt.LeftButton
                    ? "" : canvas.doc.nodeAt(p.x, p.y);
            if (pressedNode !== "") {
                if (modified)
                    canvas.doc.selection.select(pressedNode, "toggle");
                else
                    canvas.doc.beginMove(pressedNode);
                pressCanvas = p;
                panning = false;
                banding = false;
                return;
            }
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
            if (!pressed) {
                hoveredEdge = canvas.edgeKeyAt(mouse.x, mouse.y);
                edgeScene.hoveredLink = canvas.linkKeyAt(mouse.x, mouse.y);
                return;
            }
            if (Math.abs(mouse.x - pressPos.x) + Math.abs(mouse.y - pressPos.y) > 3)
                moved = true;
            if (pressedNode !== "") {
                const p = vp.toCanvas(mouse.x, mouse.y);
                if (moved && !(mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)))
                    canvas.doc.dragMove(p.x - pressCanvas.x, p.y - pressCanvas.y);
            } else if (panning) {
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
            if (pressedNode !== "") {
                canvas.doc.endMove();
                if (!moved && !(mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)))
                    canvas.doc.selection.select(pressedNode, "replace");
                pressedNode = "";
            } else if (banding) {
                const a = vp.toCanvas(band.x, band.y);
                const b = vp.toCanvas(band.x + band.width, band.y + band.height);
                canvas.doc.selection.selectInRect(Qt.rect(a.x, a.y, b.x - a.x, b.y - a.y), additive);
            } else if (!moved && mouse.button === Qt.LeftButton && pressedEdge !== "") {
                const toggle = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier);
                canvas.doc.selection.select(pressedEdge, toggle ? "toggle" : "replace");
            } else if (!moved && mouse.button === Qt.LeftButton) {
                canvas.doc.selection.clear();
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

    // Node items exist for the nodes near the view only (nearbyRect moves by thin strips as
    // the view pans), and an item whose node moves away is reused for the next one to come.
    ViewportSlotModel {
        id: visibleNodes

        model: canvas.doc.nodes
        cullRect: vp.nearbyRect
    }

    Item {
        id: world

        x: vp.panX
        y: vp.panY
        scale: vp.zoom
        transformOrigin: Item.TopLeft

        // All edges in one cached image below the nodes, their labels in another above them.
        EdgeLayer {
            objectName: "edges"
            part: EdgeLayer.RestingEdges
            scene: edgeScene
            region: canvas.cullRect
            resolution: canvas.paintZoom
            detailed: canvas.detailed
            nodeBlocks: !canvas.nodeItems
            draft: canvas.viewMoving || canvas.doc.moving
            colors: canvas.edgeColors
        }

        // The edges of the nodes being dragged: a step repaints them alone, not every edge
        // their curves cross.
        EdgeLayer {
            objectName: "liveEdges"
            visible: canvas.doc.moving
            part: EdgeLayer.LiveEdges
            scene: edgeScene
            region: canvas.cullRect
            resolution: canvas.paintZoom
            detailed: canvas.detailed
            colors: canvas.edgeColors
        }

        // Zoomed far out the edge layer draws the nodes as blocks and there are no node items:
        // a frame then costs the same for 10 or 1,000 nodes. The canvas handles their input.
        Repeater {
            model: canvas.nodeItems ? visibleNodes : null

            NodeDelegate {
                doc: canvas.doc
                world: world
                detailed: canvas.detailed
                lazyBody: canvas.viewMoving
                onConnectStarted: (key, start) => canvas.beginConnect(key, start)
                onConnectMoved: end => canvas.updateConnect(end)
                onConnectFinished: end => canvas.finishConnect(end)
            }
        }

        EdgeLayer {
            objectName: "labels"
            visible: canvas.detailed
            labels: true
            scene: edgeScene
            region: canvas.cullRect
            resolution: canvas.paintZoom
            draft: canvas.viewMoving || canvas.doc.moving
            colors: canvas.edgeColors
        }

        // Ends of the selected transition: drag one onto another node to reconnect.
        Repeater {
            model: edgeScene.selectedEdge.key !== undefined && canvas.doc.selection.count === 1
                   ? ["source", "target"] : []

            Rectangle {
                id: handle

                required property string modelData
                readonly property bool isSource: modelData === "source"
                readonly property point anchorPoint: isSource
                    ? Qt.point(edgeScene.selectedEdge.x0, edgeScene.selectedEdge.y0)
                    : Qt.point(edgeScene.selectedEdge.x3, edgeScene.selectedEdge.y3)
                readonly property point fixedPoint: isSource
                    ? Qt.point(edgeScene.selectedEdge.x3, edgeScene.selectedEdge.y3)
                    : Qt.point(edgeScene.selectedEdge.x0, edgeScene.selectedEdge.y0)

                objectName: "edgeHandle:" + modelData
                x: anchorPoint.x - width / 2
                y: anchorPoint.y - height / 2
                width: 12 / Math.max(vp.zoom, 0.5)
                height: width
                radius: width / 2
                color: handleArea.containsMouse || handleArea.pressed ? Theme.selection
                                                                      : Theme.panel
                border.color: Theme.selection
                border.width: 2 / Math.max(vp.zoom, 0.5)
                Accessible.role: Accessible.Button
                Accessible.name: isSource ? qsTr("Move transition source")
                                          : qsTr("Move transition target")

                MouseArea {
                    id: handleArea

                    anchors.fill: parent
                    anchors.margins: -4
                    hoverEnabled: true
                    preventStealing: true
                    cursorShape: Qt.CrossCursor

                    onPressed: mouse => {
                        canvas.beginConnect("reconnect", handle.fixedPoint);
                        canvas.updateConnect(mapToItem(world, mouse.x, mouse.y));
                    }
                    onPositionChanged: mouse => {
                        if (pressed)
                            canvas.updateConnect(mapToItem(world, mouse.x, mouse.y));
                    }
                    onReleased: mouse => canvas.finishReconnect(mapToItem(world, mouse.x,
                                                                          mouse.y),
                                                                handle.isSource)
                }
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
        scene: edgeScene
        colors: canvas.edgeColors
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
            onTriggered: canvas.doc.clipboard.paste(contextMenu.canvasPos.x,
                                                       contextMenu.canvasPos.y)
        }
        MenuItem {
            text: qsTr("Select All")
            onTriggered: canvas.doc.selection.selectAll()
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

    Menu {
        id: edgeMenu

        property string edgeKey

        MenuItem {
            text: qsTr("Delete Transition")
            enabled: edgeMenu.edgeKey.startsWith("t:")
            onTriggered: canvas.doc.deleteEdge(edgeMenu.edgeKey)
        }
    }
}
