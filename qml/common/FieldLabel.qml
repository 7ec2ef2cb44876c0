import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// Caption above an inspector field.
Label {
    Layout.fillWidth: true
    Layout.topMargin: 6
    font.pixelSize: Theme.fontSmall
    font.weight: Font.DemiBold
    color: Theme.textMuted
    elide: Text.ElideRight
}
