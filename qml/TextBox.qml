import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// A multi-line text field in a frame for a layout: it grows with its text between minimumHeight
// and maximumHeight, then scrolls inside the frame. `edited` fires for the user's typing only, not
// when the bound text changes (undo, another selection).
ScrollView {
    id: box

    property alias text: area.text
    property alias placeholderText: area.placeholderText
    property alias textFont: area.font
    property alias wrapMode: area.wrapMode
    property alias areaObjectName: area.objectName
    property real minimumHeight: 90
    property real maximumHeight: 220

    signal edited(string text)

    Layout.preferredHeight: Math.min(Math.max(area.contentHeight + area.topPadding
                                              + area.bottomPadding, minimumHeight), maximumHeight)
    contentWidth: availableWidth
    background: Rectangle {
        color: Theme.panelAlt
        border.color: Theme.border
        radius: 3
    }

    TextArea {
        id: area

        wrapMode: TextEdit.Wrap
        background: null
        onTextChanged: if (activeFocus) box.edited(text)
    }
}
