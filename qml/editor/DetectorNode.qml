import QtQuick
import LadderStudio.Common
import LadderStudio.Editor

// Body of a detector node: lexicon (patterns raising a signal) or classifier (labels).
// Plain Text items placed by anchors, like TierNode: cheap to make while a pan brings nodes in.
NodeBody {
    id: body

    property string title
    property string subtitle
    property string detail
    property bool nodeEnabled: true

    textCut: titleLabel.truncated || subtitleLabel.truncated || detailLabel.truncated
    border.color: Theme.edgeSignal
    opacity: !body.nodeEnabled ? 0.55 : 1

    Rectangle {
        id: icon

        x: 10
        y: 10
        width: 28
        height: 28
        radius: 14
        color: Qt.rgba(Theme.edgeSignal.r, Theme.edgeSignal.g, Theme.edgeSignal.b, 0.16)

        Text {
            anchors.centerIn: parent
            text: "⚑"
            color: Theme.edgeSignal
            font.pixelSize: 14
        }
    }
    Text {
        id: titleLabel

        anchors.left: icon.right
        anchors.leftMargin: 10
        anchors.right: offChip.visible ? offChip.left : parent.right
        anchors.rightMargin: offChip.visible ? 5 : 10
        y: 10
        text: body.title
        font.pixelSize: Theme.fontNormal
        font.weight: Font.DemiBold
        elide: Text.ElideRight
        color: Theme.text
    }
    Chip {
        id: offChip

        anchors.right: parent.right
        anchors.rightMargin: 10
        anchors.verticalCenter: titleLabel.verticalCenter
        visible: !body.nodeEnabled
        text: qsTr("off")
    }
    Text {
        id: subtitleLabel

        anchors.left: titleLabel.left
        anchors.right: parent.right
        anchors.rightMargin: 10
        anchors.top: titleLabel.bottom
        anchors.topMargin: 2
        text: Texts.nonEmpty(body.subtitle)
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight
        color: Theme.textMuted
    }
    // A classifier's labels may take two lines before they are cut.
    Text {
        id: detailLabel

        anchors.left: titleLabel.left
        anchors.right: parent.right
        anchors.rightMargin: 10
        anchors.top: subtitleLabel.bottom
        anchors.topMargin: 2
        text: Texts.nonEmpty(body.detail)
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        color: Theme.textMuted
    }
}
