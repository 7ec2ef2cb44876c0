import QtQuick
import LadderStudio.Common

// The card the node bodies (TierNode, DetectorNode, MemoryNode) are drawn on. textCut: a line
// of text was cut short (elided), so NodeDelegate's tooltip shows the texts in full.
Rectangle {
    property bool textCut: false

    radius: Theme.radius
    color: Theme.nodeBody
    border.width: 1
}
