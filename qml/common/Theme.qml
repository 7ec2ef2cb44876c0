pragma Singleton
import QtQuick

// Colours, sizes and fonts of both themes. Views read Theme.*; nothing else hard-codes colours.
QtObject {
    // Set by the window (shell/Main.qml) from AppController.dark: common uses no other area.
    property bool dark: false

    readonly property color window: dark ? "#1b1d21" : "#eef0f3"
    readonly property color panel: dark ? "#24272c" : "#ffffff"
    readonly property color panelAlt: dark ? "#2b2f35" : "#f6f7f9"
    readonly property color rail: dark ? "#141619" : "#e3e6eb"
    readonly property color railActive: dark ? "#2f3540" : "#ffffff"
    readonly property color canvas: dark ? "#1e2024" : "#f8f9fb"
    readonly property color gridMinor: dark ? "#26292e" : "#eceef2"
    readonly property color gridMajor: dark ? "#2e3238" : "#dfe2e8"
    readonly property color text: dark ? "#e6e8eb" : "#1f2328"
    readonly property color textMuted: dark ? "#9aa1ab" : "#5c6570"
    readonly property color border: dark ? "#3a3f46" : "#d3d8de"
    readonly property color accent: dark ? "#6f9bff" : "#2f66d8"
    readonly property color accentText: dark ? "#0b1630" : "#ffffff"
    readonly property color selection: dark ? "#6f9bff" : "#2f66d8"
    readonly property color error: dark ? "#ff6b61" : "#d12f24"
    readonly property color warning: dark ? "#f0a73a" : "#b86e00"
    readonly property color nodeBody: dark ? "#2a2e34" : "#ffffff"
    readonly property color nodeShadow: dark ? "#80000000" : "#22000000"
    readonly property color labelBg: dark ? "#2a2e34" : "#ffffff"

    readonly property color edgeStep: dark ? "#8d96a3" : "#6b7480"
    readonly property color edgeSignal: dark ? "#f0a73a" : "#c77700"
    readonly property color edgePost: dark ? "#c08cf0" : "#8e44ad"
    readonly property color edgeReturn: dark ? "#4cc2ad" : "#0b8f7a"
    readonly property color edgeFailure: dark ? "#ff6b61" : "#d12f24"
    readonly property color edgeEntry: dark ? "#9aa1ab" : "#5c6570"

    readonly property int radius: 6
    readonly property int spacing: 8
    readonly property int fontSmall: 11
    readonly property int fontNormal: 13
    readonly property int fontTitle: 15
    readonly property string monoFamily: "monospace"

    function edgeColor(kind: string): color {
        switch (kind) {
        case "signal":
            return edgeSignal;
        case "post":
            return edgePost;
        case "return":
            return edgeReturn;
        case "failure":
            return edgeFailure;
        case "entry":
            return edgeEntry;
        default:
            return edgeStep;
        }
    }
}
