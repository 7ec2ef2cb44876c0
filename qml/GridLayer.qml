pragma ComponentBehavior: Bound
import QtQuick
import LadderStudio

// Background grid of the canvas: a few hundred thin rectangles repositioned on pan and zoom,
// cheaper than repainting a Canvas every frame.
Item {
    id: grid

    required property CanvasViewport viewport
    property real step: 20
    // Minor lines disappear when they would be closer than 8 px.
    readonly property real spacing: grid.step * grid.viewport.zoom < 8 ? grid.step * 5
                                                                        : grid.step
    readonly property real pixelStep: grid.spacing * grid.viewport.zoom
    readonly property int firstColumn: Math.floor(-grid.viewport.panX / grid.pixelStep)
    readonly property int firstRow: Math.floor(-grid.viewport.panY / grid.pixelStep)

    clip: true

    Repeater {
        model: Math.ceil(grid.width / grid.pixelStep) + 1

        Rectangle {
            required property int index
            readonly property int column: grid.firstColumn + index

            x: grid.viewport.panX + column * grid.pixelStep
            width: 1
            height: grid.height
            color: column % 5 === 0 ? Theme.gridMajor : Theme.gridMinor
        }
    }
    Repeater {
        model: Math.ceil(grid.height / grid.pixelStep) + 1

        Rectangle {
            required property int index
            readonly property int row: grid.firstRow + index

            y: grid.viewport.panY + row * grid.pixelStep
            height: 1
            width: grid.width
            color: row % 5 === 0 ? Theme.gridMajor : Theme.gridMinor
        }
    }
}
