import QtQuick
import QtQuick.Layouts
import LadderStudio.Document

// The frame of an inspector form: the document, what it says about the selection
// (LadderDocument.inspector) and a column of fields 12 px in from the edges; the children of an
// InspectorForm go into that column.
// The column sits in a plain Item, not in an outer layout: Qt 6.4's nested layouts miss a
// child's new preferred height (a growing text box would keep its first height).
Item {
    id: form

    property LadderDocument doc
    readonly property var info: doc ? doc.inspector.fields : ({})
    default property alias fields: column.data

    implicitHeight: column.implicitHeight + 2 * column.y

    ColumnLayout {
        id: column

        x: 12
        y: 12
        width: form.width - 2 * x
        spacing: 4
    }
}
