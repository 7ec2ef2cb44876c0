import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

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
    property alias readOnly: area.readOnly
    property real minimumHeight: 90
    property real maximumHeight: 220

    signal edited(string text)

    // Unwrapped text (one entry per line) scrolls sideways instead of being cut at the frame.
    readonly property real unwrappedWidth: area.contentWidth + area.leftPadding + area.rightPadding
    readonly property bool scrollsSideways: area.wrapMode === TextEdit.NoWrap
                                            && unwrappedWidth > availableWidth

    // Not the style's contentWidth + padding: sideways scrolling content must not widen the
    // box (and through its layout, itself). Boxes fill their layout's width.
    implicitWidth: 160
    Layout.preferredHeight: Math.min(Math.max(area.contentHeight + area.topPadding
                                              + area.bottomPadding, minimumHeight), maximumHeight)
                            + (scrollsSideways ? ScrollBar.horizontal.height : 0)
    contentWidth: scrollsSideways ? unwrappedWidth : availableWidth
    ScrollBar.horizontal.policy: scrollsSideways ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
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
