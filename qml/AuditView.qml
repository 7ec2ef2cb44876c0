import QtQuick
import LadderStudio

// The audit log of every model call. Filled by a later issue.
ComingNext {
    glyph: "☰"
    heading: qsTr("Audit")
    summary: qsTr("Every call with prompt, response, model, tokens, cost and timing, searchable "
                  + "and exportable.")
}
