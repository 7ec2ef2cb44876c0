pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document

// Live validation results; clicking one selects and centres the offending element. Without
// problems only the header shows; the list opens on the first problem (the header toggles it).
Rectangle {
    id: panel

    required property LadderDocument doc
    readonly property int headerHeight: 30

    signal reveal(string key)

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "problemsHeader"
            Layout.fillWidth: true
            implicitHeight: panel.headerHeight
            color: Theme.panelAlt

            TapHandler {
                onTapped: panel.doc.problems.expanded = !panel.doc.problems.expanded
            }

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 4
                anchors.rightMargin: 10

                ToolButton {
                    objectName: "problemsToggle"
                    implicitHeight: panel.headerHeight - 4
                    implicitWidth: implicitHeight
                    text: panel.doc.problems.expanded ? "▾" : "▸"
                    ToolTip.visible: hovered
                    ToolTip.text: panel.doc.problems.expanded ? qsTr("Hide the problems")
                                                              : qsTr("Show the problems")
                    onClicked: panel.doc.problems.expanded = !panel.doc.problems.expanded
                }
                Label {
                    text: qsTr("Problems")
                    font.weight: Font.DemiBold
                }
                Chip {
                    text: panel.doc.problems.count
                    tint: panel.doc.problems.errorCount > 0 ? Theme.error
                                                            : (panel.doc.problems.count > 0
                                                               ? Theme.warning : Theme.edgeReturn)
                }
                Item {
                    Layout.fillWidth: true
                }
                Label {
                    visible: panel.doc.problems.count === 0
                    text: qsTr("✓ No problems: the ladder is valid")
                    color: Theme.edgeReturn
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        ListView {
            id: list

            objectName: "problemsList"
            visible: panel.doc.problems.expanded
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.doc.problems
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: row

                required property int index
                required property string severity
                required property string path
                required property string message
                required property string target

                width: list.width
                height: 28
                highlighted: ListView.isCurrentItem
                onClicked: {
                    list.currentIndex = index;
                    const key = panel.doc.selection.selectProblem(index);
                    if (key !== "")
                        panel.reveal(key);
                }

                contentItem: RowLayout {
                    spacing: 8

                    Label {
                        text: row.severity === "error" ? "●" : "▲"
                        color: row.severity === "error" ? Theme.error : Theme.warning
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.message
                        elide: Text.ElideRight
                    }
                    Label {
                        text: row.path
                        color: Theme.textMuted
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }
    }
}
