import QtQuick
import LadderStudio

// Chat with the ladder: turns, the tier timeline and the handoff memory. Filled by a later issue.
ComingNext {
    glyph: "❝"
    heading: qsTr("Chat")
    summary: qsTr("Talk to the ladder turn by turn on the simulated provider: see which tier "
                  + "answers, when it escalates or falls back, and the handoff memory at each "
                  + "switch.")
}
