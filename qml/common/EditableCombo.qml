import QtQuick
import QtQuick.Controls

// An editable combo box that shows `value` (also when it is not in the list) and reports a
// picked or typed entry through committed().
ComboBox {
    id: combo

    property string value

    signal committed(string text)

    editable: true
    currentIndex: model ? find(value) : -1
    onValueChanged: if (!activeFocus || editText !== value) editText = value
    Component.onCompleted: editText = value
    onActivated: index => combo.committed(textAt(index))
    onAccepted: combo.committed(editText)
}
