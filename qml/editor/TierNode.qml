import QtQuick
import LadderStudio.Common
import LadderStudio.Editor

// Body of a tier node: name, role, provider/model, price per 1M tokens, fallback chain.
// Plain Text items placed by anchors (no layouts, no Controls): a pan makes a few of these per
// frame, so they must be cheap to create.
NodeBody {
    id: body

    property string title
    property string subtitle
    property string tierRole
    property string detail
    property real priceIn: -1
    property real priceOut: -1
    property string nodeColor
    property bool isEntry: false
    property bool escalateTool: false
    readonly property real padding: 12

    function price(value: real): string {
        return value < 0 ? "–" : "$" + Number(value).toLocaleString(Qt.locale(), "f", 2);
    }

    textCut: titleLabel.truncated || subtitleLabel.truncated || detailLabel.truncated
    border.color: Theme.border

    // Tier colour band (the chat timeline uses the same colour).
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 6
        radius: Theme.radius
        color: body.nodeColor

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 3
            color: parent.color
        }
    }

    Text {
        id: titleLabel

        x: body.padding
        y: body.padding
        width: (roleChip.visible ? roleChip.x - 5 : body.width - body.padding) - x
        text: body.title
        font.pixelSize: Theme.fontNormal + 1
        font.weight: Font.DemiBold
        elide: Text.ElideRight
        color: Theme.text
    }
    Chip {
        id: roleChip

        anchors.right: parent.right
        anchors.rightMargin: body.padding
        anchors.verticalCenter: titleLabel.verticalCenter
        visible: body.tierRole !== ""
        text: body.tierRole
        tint: body.nodeColor
    }
    Text {
        id: subtitleLabel

        x: body.padding
        anchors.top: titleLabel.bottom
        anchors.topMargin: 3
        width: body.width - 2 * body.padding
        text: body.subtitle
        font.pixelSize: Theme.fontSmall + 1
        elide: Text.ElideMiddle
        color: Theme.textMuted
    }
    Text {
        id: priceLabel

        x: body.padding
        anchors.top: subtitleLabel.bottom
        anchors.topMargin: 3
        width: (toolChip.visible ? toolChip.x - 5 : body.width - body.padding) - x
        text: qsTr("%1 in · %2 out per Mtok").arg(body.price(body.priceIn))
                                             .arg(body.price(body.priceOut))
        font.pixelSize: Theme.fontSmall
        color: Theme.text
        elide: Text.ElideRight
    }
    Chip {
        id: toolChip

        anchors.right: parent.right
        anchors.rightMargin: body.padding
        anchors.verticalCenter: priceLabel.verticalCenter
        visible: body.escalateTool
        text: qsTr("⤴ tool")
        tint: Theme.edgePost
    }
    Text {
        id: detailLabel

        x: body.padding
        anchors.top: priceLabel.bottom
        anchors.topMargin: 3
        width: body.width - 2 * body.padding
        visible: body.detail !== ""
        text: Texts.nonEmpty(body.detail)
        font.pixelSize: Theme.fontSmall
        font.italic: true
        elide: Text.ElideRight
        color: Theme.edgeFailure
    }
}
