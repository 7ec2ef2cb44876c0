pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Chat
import LadderStudio.Compare

// Side by side: 2 to 4 ladders answer the same user turns. Blind mode hides and shuffles the
// ladders behind A/B/C/D until the user has picked the better answers and reveals them.
Rectangle {
    id: view

    property LadderDocument doc
    required property CompareModel compare
    // untyped: qmllint 6.4 knows no array methods on QVariantList
    readonly property var picks: view.compare.picks

    color: Theme.window

    Component.onCompleted: {
        if (Startup.scriptFile === "" && view.compare.count === 0 && view.doc)
            startTimer.start(); // after the window has opened the document
    }

    // The default comparison (CompareModel::defaultVariants decides which columns).
    Timer {
        id: startTimer

        interval: 0
        onTriggered: {
            if (view.compare.count === 0)
                view.compare.addDefaultComparison(view.doc);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ViewHeader {
            title: qsTr("Compare")

            Label {
                text: qsTr("%1 of 4 columns").arg(view.compare.count)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Add column")
                enabled: view.compare.count < 4 && !view.compare.busy
                onClicked: addMenu.popup()

                Menu {
                    id: addMenu

                    MenuItem {
                        text: qsTr("Open ladder (%1)").arg(view.doc ? view.doc.ladderName : "")
                        enabled: view.doc !== null
                        onTriggered: view.compare.addDocument(view.doc)
                    }
                    Menu {
                        title: qsTr("Template")

                        Repeater {
                            model: view.doc ? view.doc.templates : []

                            delegate: MenuItem {
                                required property string modelData

                                text: view.doc.templateTitle(modelData)
                                onTriggered: view.compare.addTemplate(modelData)
                            }
                        }
                    }
                    Menu {
                        title: qsTr("Single-model baseline")

                        Repeater {
                            // ladderName: re-read the tiers when the document changes
                            // (the strongest 24: see ChatView's baseline menu)
                            model: view.doc && view.doc.ladderName !== undefined
                                   ? Array.from(view.compare.tiersOf(view.doc)).slice(0, 24) : []

                            delegate: MenuItem {
                                required property var modelData

                                text: qsTr("Always %1 (%2)").arg(modelData.label)
                                      .arg(modelData.model)
                                onTriggered: view.compare.addBaseline(view.doc, modelData.id)
                            }
                        }
                    }
                }
            }
            CheckBox {
                text: qsTr("Blind")
                checked: view.compare.blind
                enabled: !view.compare.busy
                onToggled: view.compare.blind = checked
            }
            Button {
                objectName: "revealButton"
                visible: view.compare.blind
                text: view.compare.revealed ? qsTr("Revealed") : qsTr("Reveal ladders")
                enabled: !view.compare.revealed
                onClicked: view.compare.reveal()
            }
            Button {
                text: qsTr("Restart")
                enabled: !view.compare.busy
                onClicked: view.compare.restart()
            }
        }

        Label {
            objectName: "runFromBanner"
            visible: view.compare.runFromTurn > 0
            Layout.fillWidth: true
            Layout.leftMargin: 14
            Layout.topMargin: 4
            text: qsTr("Run from turn %1: the turns before it are replayed at once, the rest at "
                       + "the model's pace.").arg(view.compare.runFromTurn)
            elide: Text.ElideRight
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }

        // Picks
        Label {
            visible: view.picks.length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 14
            Layout.topMargin: 4
            text: qsTr("Picks: ") + view.picks.map(
                      p => qsTr("turn %1 → %2").arg(p.turn).arg(p.label)
                           + (p.ladder !== "" ? " (" + p.ladder + ")" : "")).join(" · ")
            elide: Text.ElideRight
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 6
            spacing: 6

            Repeater {
                model: view.compare.columns

                // re-created when the order changes (blind shuffle)
                delegate: CompareColumn {
                    required property ChatSessionModel modelData

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 100
                    objectName: "compareColumn"
                    session: modelData
                    compare: view.compare
                    onRemoveRequested: index => view.compare.removeColumn(index)
                }
            }
            Label {
                visible: view.compare.count === 0
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Add 2 to 4 columns: the open ladder, a template or an “always <tier>” baseline.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }

        // Composer
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: composer.implicitHeight + 16
            color: Theme.panel
            border.color: Theme.border

            RowLayout {
                id: composer

                anchors.fill: parent
                anchors.margins: 8
                spacing: 8

                TextField {
                    id: input

                    Layout.fillWidth: true
                    enabled: view.compare.count > 0
                    placeholderText: qsTr("The same message goes to every column")
                    onAccepted: sendButton.clicked()
                }
                Button {
                    id: sendButton

                    visible: !view.compare.busy
                    text: qsTr("Send to all")
                    highlighted: true
                    enabled: input.enabled && input.text.trim() !== ""
                    onClicked: {
                        if (view.compare.send(input.text) > 0)
                            input.text = "";
                    }
                }
                Button {
                    visible: view.compare.busy
                    text: qsTr("Stop")
                    onClicked: view.compare.stop()
                }
            }
        }
    }
}
