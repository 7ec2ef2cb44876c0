import QtQuick
import LadderStudio.Common
import LadderStudio.Editor

// Body of the memory node: handoff memory and history policy.
// Plain Text items placed by anchors, like TierNode: cheap to make while a pan brings nodes in.
NodeBody {
    id: body

    property string title
    property string subtitle
    property string detail

    // Lines are "part · part · part": keep each part whole, so a wrap falls between parts.
    function keepPartsWhole(line: string): string {
        return line.split(" · ").map(part => part.replace(/ /g, "\u00a0")).join(" · ");
    }

    textCut: titleLabel.truncated || subtitleLabel.truncated || detailLabel.truncated
    border.color: Theme.edgeReturn

    Rectangle {
        id: icon

        x: 10
        y: 10
        width: 28
        height: 28
        radius: 14
        color: Qt.rgba(Theme.edgeReturn.r, Theme.edgeReturn.g, Theme.edgeReturn.b, 0.16)

        Text {
            anchors.centerIn: parent
            text: "≡"
            color: Theme.edgeReturn
            font.pixelSize: 16
            font.weight: Font.Bold
        }
    }
    Text {
        id: titleLabel

        anchors.left: icon.right
        anchors.leftMargin: 10
        anchors.right: parent.right
        anchors.rightMargin: 10
        y: 10
        text: body.title
        font.pixelSize: Theme.fontNormal
        font.weight: Font.DemiBold
        elide: Text.ElideRight
        color: Theme.text
    }
    Text {
        id: subtitleLabel

        anchors.left: titleLabel.left
        anchors.right: titleLabel.right
        anchors.top: titleLabel.bottom
        anchors.topMargin: 2
        text: Texts.nonEmpty(body.subtitle)
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight
        color: Theme.textMuted
    }
    // History and budget: two lines when a language needs the room (German does).
    Text {
        id: detailLabel

        anchors.left: titleLabel.left
        anchors.right: titleLabel.right
        anchors.top: subtitleLabel.bottom
        anchors.topMargin: 2
        text: Texts.nonEmpty(body.keepPartsWhole(body.detail))
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        color: Theme.textMuted
    }
}
