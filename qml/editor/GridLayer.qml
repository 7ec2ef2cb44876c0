import QtQuick
import LadderStudio.Common
import LadderStudio.Editor

// Background and grid of the canvas, painted in C++ for the current pan and zoom (CanvasGrid):
// cheaper per pan frame than one item per line.
CanvasGrid {
    fillColor: Theme.canvas
    minorColor: Theme.gridMinor
    majorColor: Theme.gridMajor
}
