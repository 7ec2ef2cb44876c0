import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common

// One model of a provider entry and its last check: status, time to first token, list price and
// where the key came from (never the key).
RowLayout {
    id: row

    // {model, state: idle|queued|running|ok|failed, status, ttft, price, key, message}
    required property var modelData

    readonly property string checkState: modelData.state
    readonly property bool done: checkState === "ok" || checkState === "failed"

    signal checkRequested(string model)

    spacing: 10

    Rectangle {
        implicitWidth: 8
        implicitHeight: 8
        radius: 4
        color: row.checkState === "ok" ? Theme.edgeReturn
             : row.checkState === "failed" ? Theme.error
             : row.checkState === "idle" ? Theme.border : Theme.accent
    }
    Label {
        Layout.preferredWidth: 150
        text: row.modelData.model
        font.family: Theme.monoFamily
        elide: Text.ElideRight
    }
    BusyIndicator {
        visible: row.checkState === "running" || row.checkState === "queued"
        running: visible
        implicitWidth: 18
        implicitHeight: 18
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: row.checkState === "failed" ? Theme.error : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: {
            if (!row.done)
                return row.checkState === "idle" ? qsTr("not checked") : qsTr("checking…");
            const parts = [row.modelData.status, qsTr("TTFT %1").arg(row.modelData.ttft),
                           row.modelData.price, row.modelData.key];
            const summary = parts.filter(p => p !== "").join(" · ");
            return row.modelData.message ? summary + "\n" + row.modelData.message : summary;
        }
    }
    ToolButton {
        implicitWidth: 26
        implicitHeight: 22
        padding: 0
        text: "↻"
        enabled: row.checkState !== "running" && row.checkState !== "queued"
        Accessible.name: qsTr("Check %1").arg(row.modelData.model)
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Check this model")
        onClicked: row.checkRequested(row.modelData.model)
    }
}
