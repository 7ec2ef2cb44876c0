pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

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
                Drag.active: itemArea.drag.active
                Drag.dragType: Drag.Automatic
                Drag.supportedActions: Qt.CopyAction
                Drag.mimeData: { "application/x-ladder-node": item.modelData.kind }
                Drag.keys: ["application/x-ladder-node"]

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

                MouseArea {
                    id: itemArea

                    anchors.fill: parent
                    hoverEnabled: true
                    drag.target: dragProxy
                    cursorShape: Qt.OpenHandCursor
                    onClicked: {
                        const p = nodePalette.canvas.canvasPoint(nodePalette.canvas.width / 2,
                                                             nodePalette.canvas.height / 2);
                        nodePalette.doc.addNode(item.modelData.kind, p.x - 110, p.y - 50);
                    }
                }
                Item {
                    id: dragProxy
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
                    elide: Text.ElideRight
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
