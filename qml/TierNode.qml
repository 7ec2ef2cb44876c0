import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Body of a tier node: name, role, provider/model, price per 1M tokens, fallback chain.
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

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        anchors.topMargin: 12
        anchors.bottomMargin: 8
        spacing: 3

        RowLayout {
            Layout.fillWidth: true
            spacing: 5

            Label {
                id: titleLabel

                Layout.fillWidth: true
                text: body.title
                font.pixelSize: Theme.fontNormal + 1
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                color: Theme.text
            }
            Chip {
                visible: body.tierRole !== ""
                text: body.tierRole
                tint: body.nodeColor
            }
        }
        Label {
            id: subtitleLabel

            Layout.fillWidth: true
            text: body.subtitle
            font.pixelSize: Theme.fontSmall + 1
            elide: Text.ElideMiddle
            color: Theme.textMuted
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 5

            Label {
                Layout.fillWidth: true
                text: qsTr("%1 in · %2 out per Mtok").arg(body.price(body.priceIn))
                                                     .arg(body.price(body.priceOut))
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                elide: Text.ElideRight
            }
            Chip {
                visible: body.escalateTool
                text: qsTr("⤴ tool")
                tint: Theme.edgePost
            }
        }
        Label {
            id: detailLabel

            Layout.fillWidth: true
            visible: text !== ""
            text: body.detail
            font.pixelSize: Theme.fontSmall
            font.italic: true
            elide: Text.ElideRight
            color: Theme.edgeFailure
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
