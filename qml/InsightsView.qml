import QtQuick
import LadderStudio

// Cost and latency charts. Filled by a later issue.
ComingNext {
    glyph: "▤"
    heading: qsTr("Insights")
    summary: qsTr("Charts of cost per turn, tier usage, escalations and time to first token.")
}
