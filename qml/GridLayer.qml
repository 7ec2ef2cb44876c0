pragma ComponentBehavior: Bound
import QtQuick
import LadderStudio

// Background grid of the canvas: a few hundred thin rectangles repositioned on pan and zoom,
// cheaper than repainting a Canvas every frame.
Item {
    id: grid

    required property CanvasViewport viewport
    property real step: 20
    // Line spacing adapts to the zoom so lines stay 10 to 50 px apart; the number of line items
    // then only depends on the canvas size, so zooming never recreates them.
    readonly property real spacing: {
        let s = grid.step;
        while (s * grid.viewport.zoom < 10)
            s *= 5;
        while (s * grid.viewport.zoom >= 50 && s > grid.step)
            s /= 5;
        return s;
    }
    readonly property real pixelStep: grid.spacing * grid.viewport.zoom
    readonly property int firstColumn: Math.floor(-grid.viewport.panX / grid.pixelStep)
    readonly property int firstRow: Math.floor(-grid.viewport.panY / grid.pixelStep)

    clip: true

    Repeater {
        model: Math.ceil(grid.width / 10) + 2

        Rectangle {
            required property int index
            readonly property int column: grid.firstColumn + index

            x: grid.viewport.panX + column * grid.pixelStep
            visible: x <= grid.width
            width: 1
            height: grid.height
            color: column % 5 === 0 ? Theme.gridMajor : Theme.gridMinor
        }
    }
    Repeater {
        model: Math.ceil(grid.height / 10) + 2

        Rectangle {
            required property int index
            readonly property int row: grid.firstRow + index

            y: grid.viewport.panY + row * grid.pixelStep
            visible: y <= grid.height
            height: 1
            width: grid.width
            color: row % 5 === 0 ? Theme.gridMajor : Theme.gridMinor
        }
    }
}
