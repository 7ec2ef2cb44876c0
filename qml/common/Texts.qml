pragma Singleton
import QtQml

// Qt 6.4's Text starts out observing the viewport and stops only when its text changes. A
// Text that stays empty inside the canvas's panned world keeps observing it, and then every
// pan or zoom frame walks all node items (about 1 ms for 150 nodes). Texts there that may be
// empty show a space instead.
QtObject {
    function nonEmpty(text: string): string {
        return text !== "" ? text : " ";
    }
}
