pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// Node kinds to drag onto the canvas (or click to add at the centre of the view), plus the
// templates to start from.
Rectangle {
    id: nodePalette

    required property LadderDocument doc
    required property GraphCanvas canvas

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8

        Label {
            text: qsTr("Add nodes")
            font.weight: Font.DemiBold
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
        }

        Repeater {
            model: [
                { kind: "tier", glyph: "▭", text: qsTr("Tier"), hint: qsTr("A model slot") },
                { kind: "detector", glyph: "⚑", text: qsTr("Detector"),
                  hint: qsTr("Patterns raising a signal") },
                { kind: "classifier", glyph: "◈", text: qsTr("Classifier"),
                  hint: qsTr("Routes by task type") }
            ]

            Rectangle {
                id: item

                required property var modelData

                objectName: "palette:" + modelData.kind
                Layout.fillWidth: true
                implicitHeight: 50
                radius: Theme.radius
                color: itemArea.containsMouse ? Theme.panelAlt : Theme.panel
                border.color: Theme.border

                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 8

                    Label {
                        text: item.modelData.glyph
                        font.pixelSize: 18
                        color: Theme.accent
                        Layout.preferredWidth: 22
                        horizontalAlignment: Text.AlignHCenter
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        Label {
                            text: item.modelData.text
                            font.weight: Font.DemiBold
                        }
                        Label {
                            Layout.fillWidth: true
                            text: item.modelData.hint
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            elide: Text.ElideRight
                        }
                    }
                }

                // A click adds the node in the middle of the view; a drag shows a ghost that
                // follows the pointer and adds the node where it is dropped on the canvas.
                MouseArea {
                    id: itemArea

                    property point pressPos
                    property bool dragging: false

                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: dragging ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                    onPressed: mouse => {
                        pressPos = Qt.point(mouse.x, mouse.y);
                        dragging = false;
                    }
                    onPositionChanged: mouse => {
                        if (!pressed)
                            return;
                        if (!dragging && Math.abs(mouse.x - pressPos.x)
                                + Math.abs(mouse.y - pressPos.y) > 6)
                            dragging = true;
                        if (dragging) {
                            const p = mapToItem(ghost.parent, mouse.x, mouse.y);
                            ghost.x = p.x - ghost.width / 2;
                            ghost.y = p.y - ghost.height / 2;
                        }
                    }
                    onReleased: mouse => {
                        const canvas = nodePalette.canvas;
                        if (!dragging) {
                            const c = canvas.canvasPoint(canvas.width / 2, canvas.height / 2);
                            nodePalette.doc.addNode(item.modelData.kind, c.x - 110, c.y - 50);
                            return;
                        }
                        dragging = false;
                        const p = mapToItem(canvas, mouse.x, mouse.y);
                        if (p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height)
                            return;
                        const c = canvas.canvasPoint(p.x, p.y);
                        nodePalette.doc.addNode(item.modelData.kind, c.x - 110, c.y - 40);
                    }
                    onCanceled: dragging = false
                }

                Rectangle {
                    id: ghost

                    parent: Overlay.overlay
                    visible: itemArea.dragging
                    width: 180
                    height: 56
                    radius: Theme.radius
                    color: Theme.nodeBody
                    opacity: 0.85
                    border.color: Theme.accent
                    border.width: 2

                    Label {
                        anchors.centerIn: parent
                        text: item.modelData.glyph + "  " + item.modelData.text
                        font.weight: Font.DemiBold
                    }
                }
            }
        }

        Label {
            Layout.topMargin: 8
            text: qsTr("Drag onto the canvas, or click to add in the middle. Drag from a "
                       + "node's right port to a tier to connect.")
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }

        Label {
            Layout.topMargin: 12
            text: qsTr("Legend")
            font.weight: Font.DemiBold
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
        }
        Repeater {
            model: [
                { kind: "step", text: qsTr("Step after turns") },
                { kind: "signal", text: qsTr("Escalate on signal") },
                { kind: "post", text: qsTr("Re-answer after reply") },
                { kind: "return", text: qsTr("Return") },
                { kind: "failure", text: qsTr("On failure (fallback)") }
            ]

            RowLayout {
                required property var modelData

                Layout.fillWidth: true
                spacing: 8

                Rectangle {
                    width: 22
                    height: 3
                    radius: 1.5
                    color: Theme.edgeColor(parent.modelData.kind)
                    opacity: parent.modelData.kind === "failure" ? 0.7 : 1
                }
                Label {
                    Layout.fillWidth: true
                    text: parent.modelData.text
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
