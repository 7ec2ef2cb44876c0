import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// Properties of the selection: tier, transition, detector, memory policy, or the ladder itself
// when nothing is selected. Every edit goes through LadderDocument (one undoable command).
Rectangle {
    id: inspector

    required property LadderDocument doc
    // The audit store with the chats' feedback cases (DetectorInspector trains on them).
    property string feedbackStore
    readonly property var info: doc.inspector.fields

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + 20
            color: Theme.panelAlt

            ColumnLayout {
                id: header

                anchors.fill: parent
                anchors.margins: 10
                spacing: 2

                Label {
                    text: {
                        switch (inspector.info.kind) {
                        case "tier":
                            return qsTr("Tier");
                        case "transition":
                            return qsTr("Transition");
                        case "detector":
                            return qsTr("Detector");
                        case "memory":
                            return qsTr("Memory & history");
                        case "multiple":
                            return qsTr("%1 elements selected").arg(inspector.info.count);
                        default:
                            return qsTr("Ladder");
                        }
                    }
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    visible: inspector.info.problem !== undefined && inspector.info.problem !== ""
                    text: "⚠ " + inspector.info.problem
                    color: Theme.error
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        ScrollView {
            id: scroll

            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            Loader {
                width: scroll.availableWidth
                sourceComponent: {
                    switch (inspector.info.kind) {
                    case "tier":
                        return tierForm;
                    case "transition":
                        return transitionForm;
                    case "detector":
                        return detectorForm;
                    case "memory":
                        return memoryForm;
                    case "multiple":
                        return multipleForm;
                    default:
                        return documentForm;
                    }
                }
            }
        }
    }

    // The bodies below read ids of this file from inside their Components. That is what
    // `pragma ComponentBehavior: Bound` is for, but Qt 6.4.2's Loader cannot instantiate bound
    // components ("outside its creation context"), so qmllint is told instead.
    // qmllint disable unqualified
    Component {
        id: tierForm

        TierInspector {
            doc: inspector.doc
        }
    }
    Component {
        id: transitionForm

        TransitionInspector {
            doc: inspector.doc
        }
    }
    Component {
        id: detectorForm

        DetectorInspector {
            doc: inspector.doc
            feedbackStore: inspector.feedbackStore
        }
    }
    Component {
        id: memoryForm

        MemoryInspector {
            doc: inspector.doc
        }
    }
    Component {
        id: documentForm

        DocumentInspector {
            doc: inspector.doc
        }
    }
    Component {
        id: multipleForm

        ColumnLayout {
            spacing: 8

            Label {
                Layout.margins: 12
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                text: qsTr("Align the selected nodes, duplicate them (Ctrl+D), copy them to "
                           + "another ladder (Ctrl+C) or delete them (Delete).")
            }
            GridLayout {
                Layout.margins: 12
                columns: 3

                Button {
                    objectName: "align:left"
                    text: qsTr("Left")
                    onClicked: inspector.doc.align("left")
                }
                Button {
                    objectName: "align:hcenter"
                    text: qsTr("Centre")
                    onClicked: inspector.doc.align("hcenter")
                }
                Button {
                    objectName: "align:right"
                    text: qsTr("Right")
                    onClicked: inspector.doc.align("right")
                }
                Button {
                    objectName: "align:top"
                    text: qsTr("Top")
                    onClicked: inspector.doc.align("top")
                }
                Button {
                    objectName: "align:vcenter"
                    text: qsTr("Middle")
                    onClicked: inspector.doc.align("vcenter")
                }
                Button {
                    objectName: "align:bottom"
                    text: qsTr("Bottom")
                    onClicked: inspector.doc.align("bottom")
                }
            }
        }
    }
    // qmllint enable unqualified
}
