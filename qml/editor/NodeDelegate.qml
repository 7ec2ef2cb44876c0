import QtQuick
import QtQuick.Controls
import LadderStudio.Common
import LadderStudio.Document
import LadderStudio.Editor

// One node on the canvas: position, selection and problem outline, dragging, the output port.
// The body is drawn by the kind's component (TierNode, DetectorNode, MemoryNode, EntryNode).
Item {
    id: node

    required property int index
    required property string key
    required property string kind
    required property string nodeId
    required property string title
    required property string subtitle
    required property string tierRole
    required property string detail
    required property real priceIn
    required property real priceOut
    required property string nodeColor
    required property real nodeX
    required property real nodeY
    required property real nodeWidth
    required property real nodeHeight
    required property bool selected
    required property bool invalid
    required property string problem
    required property bool isEntry
    required property bool nodeEnabled
    required property bool escalateTool
    // false: the slot is free (ViewportSlotModel) and the item waits, hidden, for a node
    required property bool present
    property LadderDocument doc
    // The panned and zoomed item the nodes live in; drag positions are mapped into it.
    property Item world
    // false when zoomed far out: a plain coloured block instead of the detailed body
    property bool detailed: true
    // Make the body in the background, over the next frames (the canvas sets this while the
    // view moves: nodes are made in a margin around the view, so there is time).
    property bool lazyBody: false

    signal connectStarted(string key, point start)
    signal connectMoved(point end)
    signal connectFinished(point end)
    readonly property bool hasOutput: kind === "tier" || kind === "entry" || kind === "any"
    // Borders stay at least one device pixel wide when zoomed out: thinner ones are rounded
    // away (the software renderer dropped whole node edges at 60 %).
    // (A free slot's item does not follow the zoom: hundreds of them wait after an overview.)
    readonly property real hairline: present && world && world.scale > 0
                                     ? Math.max(1, 1 / world.scale) : 1
    // The body cut a line short: the tooltip shows the texts in full.
    readonly property bool textCut: (bodyLoader.item as NodeBody)?.textCut ?? false

    function joinTexts(parts: list<string>, separator: string): string {
        let joined = "";
        for (const part of parts) {
            if (part !== "")
                joined += (joined === "" ? "" : separator) + part;
        }
        return joined;
    }

    visible: present
    x: nodeX
    y: nodeY
    width: nodeWidth
    height: nodeHeight
    objectName: "node:" + key
    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: joinTexts([subtitle, detail, problem], ". ")

    Rectangle {
        anchors.fill: parent
        visible: bodyLoader.status !== Loader.Ready
        radius: Theme.radius
        color: node.kind === "tier" ? node.nodeColor : Theme.nodeBody
        border.color: Theme.border
    }

    Loader {
        id: bodyLoader

        objectName: "nodeBody"
        anchors.fill: parent
        active: node.detailed
        asynchronous: node.lazyBody
        sourceComponent: {
            switch (node.kind) {
            case "tier":
                return tierComponent;
            case "detector":
                return detectorComponent;
            case "memory":
                return memoryComponent;
            default:
                return entryComponent;
            }
        }
    }

    // The bodies below read ids of this file from inside their Components. That is what
    // `pragma ComponentBehavior: Bound` is for, but Qt 6.4.2's Loader cannot instantiate bound
    // components ("outside its creation context"), so qmllint is told instead.
    // qmllint disable unqualified
    Component {
        id: tierComponent

        TierNode {
            border.width: node.hairline
            title: node.title
            subtitle: node.subtitle
            tierRole: node.tierRole
            detail: node.detail
            priceIn: node.priceIn
            priceOut: node.priceOut
            nodeColor: node.nodeColor
            isEntry: node.isEntry
            escalateTool: node.escalateTool
        }
    }
    Component {
        id: detectorComponent

        DetectorNode {
            border.width: node.hairline
            title: node.title
            subtitle: node.subtitle
            detail: node.detail
            nodeEnabled: node.nodeEnabled
        }
    }
    Component {
        id: memoryComponent

        MemoryNode {
            border.width: node.hairline
            title: node.title
            subtitle: node.subtitle
            detail: node.detail
        }
    }
    Component {
        id: entryComponent

        EntryNode {
            border.width: node.hairline
            title: node.title
            isAny: node.kind === "any"
        }
    }

    // qmllint enable unqualified

    // Selection and validation outline.
    Rectangle {
        anchors.fill: parent
        anchors.margins: -3
        radius: Theme.radius + 3
        color: "transparent"
        border.width: 2 * node.hairline
        border.color: node.invalid ? Theme.error : Theme.selection
        visible: node.selected || node.invalid
        opacity: node.selected ? 1 : 0.9
    }

    MouseArea {
        id: dragArea

        objectName: "nodeDragArea"
        property point pressWorld
        property bool dragged: false

        anchors.fill: parent
        acceptedButtons: Qt.LeftButton
        cursorShape: pressed ? Qt.ClosedHandCursor : Qt.PointingHandCursor
        hoverEnabled: true

        onPressed: mouse => {
            node.world.parent.forceActiveFocus();
            dragged = false;
            if (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)) {
                node.doc.selection.select(node.key, "toggle");
                mouse.accepted = true;
                return;
            }
            pressWorld = mapToItem(node.world, mouse.x, mouse.y);
            node.doc.beginMove(node.key);
        }
        onPositionChanged: mouse => {
            if (!pressed || (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)))
                return;
            const p = mapToItem(node.world, mouse.x, mouse.y);
            const dx = p.x - pressWorld.x;
            const dy = p.y - pressWorld.y;
            if (!dragged && Math.abs(dx) + Math.abs(dy) < 3)
                return;
            dragged = true;
            node.doc.dragMove(dx, dy);
        }
        onReleased: {
            node.doc.endMove();
            if (!dragged && !node.selected)
                node.doc.selection.select(node.key, "replace");
        }
        onClicked: mouse => {
            if (!dragged && !(mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)))
                node.doc.selection.select(node.key, "replace");
        }

        ToolTip.visible: containsMouse && !pressed && (node.problem !== "" || node.textCut)
        ToolTip.delay: 400
        ToolTip.text: node.textCut
                      ? node.joinTexts([node.title, node.subtitle, node.detail, node.problem], "\n")
                      : node.problem
    }

    // Input marker (left) for tiers.
    Rectangle {
        visible: node.kind === "tier"
        width: 10
        height: 10
        radius: 5
        x: -5
        y: node.height / 2 - 5
        color: Theme.panel
        border.color: Theme.textMuted
        border.width: 1.5
    }

    // Output port: drag from here to a tier to create a transition.
    Rectangle {
        id: port

        visible: node.hasOutput
        width: 14
        height: 14
        radius: 7
        x: node.width - 7
        y: node.height / 2 - 7
        color: portArea.containsMouse || portArea.pressed ? Theme.accent : Theme.panel
        border.color: Theme.accent
        border.width: 2
        objectName: "port:" + node.key

        MouseArea {
            id: portArea

            anchors.fill: parent
            anchors.margins: -6
            hoverEnabled: true
            cursorShape: Qt.CrossCursor
            preventStealing: true

            onPressed: mouse => {
                const p = mapToItem(node.world, mouse.x, mouse.y);
                node.connectStarted(node.key, Qt.point(node.x + node.width,
                                                       node.y + node.height / 2));
                node.connectMoved(p);
            }
            onPositionChanged: mouse => {
                if (pressed)
                    node.connectMoved(mapToItem(node.world, mouse.x, mouse.y));
            }
            onReleased: mouse => {
                node.connectFinished(mapToItem(node.world, mouse.x, mouse.y));
            }

            ToolTip.visible: containsMouse && !pressed
            ToolTip.delay: 600
            ToolTip.text: qsTr("Drag to a tier to add a transition")
        }
    }
}
