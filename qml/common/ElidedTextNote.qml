import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Said under a text box that shows only the start of a very long text (the document keeps it all).
Label {
    property int fullLength: 0

    Layout.fillWidth: true
    text: qsTr("Too long to edit here (%L1 characters): the start is shown.").arg(fullLength)
    wrapMode: Text.WordWrap
    color: Theme.textMuted
    font.pixelSize: Theme.fontSmall
}
