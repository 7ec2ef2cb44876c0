pragma ComponentBehavior: Bound
import QtQuick
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// Overview of the whole graph with the visible area; click or drag to move there.
Rectangle {
    id: map

    required property LadderDocument doc
    required property CanvasViewport viewport
    required property EdgeScene scene
    required property var colors
    // The content and the visible area, widened in coarse steps: a view panned past the
    // content's edge grows the map once a step, not every frame (which moved all of the node
    // rectangles below each frame of the pan).
    readonly property rect bounds: {
        const b = map.doc.contentBounds;
        const v = map.viewport.visibleRect;
        const step = Math.max(1, Math.max(b.width, b.height) / 4);
        const past = overshoot => Math.ceil(Math.max(0, overshoot) / step) * step;
        const x1 = b.x - past(b.x - v.x);
        const y1 = b.y - past(b.y - v.y);
        const x2 = b.x + b.width + past(v.x + v.width - b.x - b.width);
        const y2 = b.y + b.height + past(v.y + v.height - b.y - b.height);
        return Qt.rect(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
    }
    readonly property real ratio: Math.min((width - 12) / bounds.width,
                                           (height - 12) / bounds.height)
    readonly property real offsetX: 6 + ((width - 12) - bounds.width * ratio) / 2
    readonly property real offsetY: 6 + ((height - 12) - bounds.height * ratio) / 2

    function centerAt(mx: real, my: real) {
        map.viewport.centerOn(map.bounds.x + (mx - map.offsetX) / map.ratio,
                              map.bounds.y + (my - map.offsetY) / map.ratio);
    }

    width: 200
    height: 130
    radius: Theme.radius
    color: Qt.rgba(Theme.panel.r, Theme.panel.g, Theme.panel.b, 0.92)
    border.color: Theme.border
    clip: true

    // The nodes as blocks and the edges as hairlines, painted into one cached image (the
    // canvas's own far-zoom drawing): the canvas is drawn again every frame of a pan, and a
    // few hundred node rectangles here cost the software renderer 2-3 ms each time.
    Item {
        x: map.offsetX - map.bounds.x * map.ratio
        y: map.offsetY - map.bounds.y * map.ratio
        scale: map.ratio
        transformOrigin: Item.TopLeft

        EdgeLayer {
            objectName: "minimapLayer"
            scene: map.scene
            region: map.bounds
            resolution: map.ratio
            detailed: false
            nodeBlocks: true
            colors: map.colors
        }
    }

    Rectangle {
        x: map.offsetX + (map.viewport.visibleRect.x - map.bounds.x) * map.ratio
        y: map.offsetY + (map.viewport.visibleRect.y - map.bounds.y) * map.ratio
        width: map.viewport.visibleRect.width * map.ratio
        height: map.viewport.visibleRect.height * map.ratio
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.08)
        border.color: Theme.accent
        border.width: 1.5
    }

    MouseArea {
        anchors.fill: parent
        onPressed: mouse => map.centerAt(mouse.x, mouse.y)
        onPositionChanged: mouse => {
            if (pressed)
                map.centerAt(mouse.x, mouse.y);
        }
    }
}
