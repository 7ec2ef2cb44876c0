import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio

// Body of a detector node: lexicon (patterns raising a signal) or classifier (labels).
NodeBody {
    id: body

    property string title
    property string subtitle
    property string detail
    property bool nodeEnabled: true

    textCut: titleLabel.truncated || subtitleLabel.truncated || detailLabel.truncated
    border.color: Theme.edgeSignal
    opacity: !body.nodeEnabled ? 0.55 : 1

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 10

        Rectangle {
            Layout.alignment: Qt.AlignTop
            width: 28
            height: 28
            radius: 14
            color: Qt.rgba(Theme.edgeSignal.r, Theme.edgeSignal.g, Theme.edgeSignal.b, 0.16)

            Label {
                anchors.centerIn: parent
                text: "⚑"
                color: Theme.edgeSignal
                font.pixelSize: 14
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            RowLayout {
                Layout.fillWidth: true

                Label {
                    id: titleLabel

                    Layout.fillWidth: true
                    text: body.title
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    color: Theme.text
                }
                Chip {
                    visible: !body.nodeEnabled
                    text: qsTr("off")
                }
            }
            Label {
                id: subtitleLabel

                Layout.fillWidth: true
                text: body.subtitle
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                color: Theme.textMuted
            }
            // A classifier's labels may take two lines before they are cut.
            Label {
                id: detailLabel

                Layout.fillWidth: true
                text: body.detail
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.textMuted
            }
        }
    }
}
