import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Body of the memory node: handoff memory and history policy.
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

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 10

        Rectangle {
            Layout.alignment: Qt.AlignTop
            width: 28
            height: 28
            radius: 14
            color: Qt.rgba(Theme.edgeReturn.r, Theme.edgeReturn.g, Theme.edgeReturn.b, 0.16)

            Label {
                anchors.centerIn: parent
                text: "≡"
                color: Theme.edgeReturn
                font.pixelSize: 16
                font.weight: Font.Bold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                id: titleLabel

                Layout.fillWidth: true
                text: body.title
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                color: Theme.text
            }
            Label {
                id: subtitleLabel

                Layout.fillWidth: true
                text: body.subtitle
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                color: Theme.textMuted
            }
            // History and budget: two lines when a language needs the room (German does).
            Label {
                id: detailLabel

                Layout.fillWidth: true
                text: body.keepPartsWhole(body.detail)
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.textMuted
            }
        }
    }
}
