import QtQuick

// A framed panel: the panel colour, a border and the theme's rounded corners.
Rectangle {
    color: Theme.panel
    border.color: Theme.border
    radius: Theme.radius
}
