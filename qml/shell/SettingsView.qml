pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import LadderStudio.Common
import LadderStudio.Settings
import LadderStudio

// Application settings: theme, language, model providers, files.
Rectangle {
    id: settings

    color: Theme.window

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 64, 720)
            x: 32
            spacing: 18

            Item {
                Layout.preferredHeight: 12
            }
            Label {
                text: qsTr("Settings")
                font.pixelSize: 22
                font.weight: Font.DemiBold
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Appearance")

                GridLayout {
                    anchors.fill: parent
                    columns: 2
                    columnSpacing: 16
                    rowSpacing: 10

                    Label {
                        text: qsTr("Theme")
                    }
                    ComboBox {
                        id: themeBox

                        readonly property var values: ["light", "dark", "system"]

                        Layout.preferredWidth: 220
                        model: [qsTr("Light"), qsTr("Dark"), qsTr("System")]
                        currentIndex: Math.max(0, values.indexOf(AppController.theme))
                        onActivated: index => AppController.theme = values[index]
                    }
                    Label {
                        text: qsTr("Language")
                    }
                    ComboBox {
                        id: languageBox

                        readonly property var values: ["en", "de"]

                        Layout.preferredWidth: 220
                        model: ["English", "Deutsch"]
                        currentIndex: Math.max(0, values.indexOf(AppController.language))
                        onActivated: index => AppController.language = values[index]
                    }
                }
            }

            ProvidersSettings {
                Layout.fillWidth: true
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Files")

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8

                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.textMuted
                        text: qsTr("Unsaved changes are autosaved every 30 seconds to %1 and "
                                   + "offered for recovery on the next start.")
                              .arg(AppController.autosavePath)
                    }
                    Button {
                        text: qsTr("Clear Recent Files (%1)").arg(AppController.recentFiles.length)
                        enabled: AppController.recentFiles.length > 0
                        onClicked: AppController.clearRecentFiles()
                    }
                }
            }

            Label {
                color: Theme.textMuted
                text: qsTr("Ladder Studio %1 · Qt %2").arg(AppController.version).arg("6.4")
            }
            Item {
                Layout.preferredHeight: 12
            }
        }
    }
}
