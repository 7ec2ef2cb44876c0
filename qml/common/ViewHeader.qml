import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// The bar at the top of a view: its title, then the view's own controls (the children of a
// ViewHeader go into its row, after the title).
Rectangle {
    id: header

    property string title
    default property alias controls: row.data

    Layout.fillWidth: true
    implicitHeight: row.implicitHeight + 16
    color: Theme.panel

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: 8
        anchors.leftMargin: 14
        spacing: 8

        Label {
            text: header.title
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            color: Theme.text
        }
    }
}
