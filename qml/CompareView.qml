import QtQuick
import LadderStudio

// Side-by-side runs of several ladders. Filled by a later issue.
ComingNext {
    glyph: "⇆"
    heading: qsTr("Compare")
    summary: qsTr("Run the same conversation through several ladders side by side and compare "
                  + "answers, cost and latency.")
}
