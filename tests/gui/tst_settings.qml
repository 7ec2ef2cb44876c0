import QtQuick
import QtTest
import LadderStudio
import LadderStudioTest

// Settings → Providers: the timeout spin boxes show seconds, take typed seconds, "off" and the
// arrow keys, store milliseconds in the providers file's model, and undo.
Item {
    id: root

    width: 1100
    height: 800

    ProvidersSettings {
        id: providers

        anchors.fill: parent
    }

    TestCase {
        id: test

        name: "Settings"
        when: windowShown

        function entryOf(row) {
            for (const child of findChildren(providers)) {
                if (child.providerId !== undefined && child.index === row)
                    return child;
            }
            return null;
        }
        function findChildren(item) {
            let all = [];
            for (let i = 0; i < item.children.length; ++i) {
                all.push(item.children[i]);
                all = all.concat(findChildren(item.children[i]));
            }
            return all;
        }
        function typeInto(box, text) {
            box.contentItem.forceActiveFocus();
            box.contentItem.selectAll();
            keyClick(Qt.Key_Delete);
            for (const c of text)
                keyClick(c);
            keyClick(Qt.Key_Return);
        }

        function initTestCase() {
            verify(ProviderSettings.create(TestFiles.path("providers-timeouts.json")));
            wait(50);
        }
        function cleanupTestCase() {
            ProviderSettings.useSimulated();
        }

        function test_timeouts_data() {
            return [
                {tag: "seconds", field: "connect_ms", typed: "2.5", ms: 2500, shown: "2.5 s"},
                {tag: "with unit", field: "idle_ms", typed: "90 s", ms: 90000, shown: "90 s"},
                {tag: "off", field: "first_token_ms", typed: "off", ms: 0, shown: "off"},
            ];
        }
        function test_timeouts(data) {
            const entry = entryOf(0);
            verify(entry, "the providers file has an entry");
            const box = findChild(entry, "timeout:" + data.field);
            verify(box, "a spin box for " + data.field);
            const property = {connect_ms: "connectMs", first_token_ms: "firstTokenMs",
                              idle_ms: "idleMs"}[data.field];
            const before = entry[property];
            typeInto(box, data.typed);
            tryCompare(entry, property, data.ms);
            compare(box.displayText, data.shown);
            verify(ProviderSettings.dirty);
            verify(ProviderSettings.undo()); // the entries are made again
            tryVerify(() => entryOf(0) && entryOf(0)[property] === before, 2000, "undone");
        }

        function test_arrowKeysStepWholeSeconds() {
            const entry = entryOf(0);
            const box = findChild(entry, "timeout:connect_ms");
            const before = entry.connectMs;
            box.contentItem.forceActiveFocus();
            keyClick(Qt.Key_Up);
            tryCompare(entry, "connectMs", before + 1000);
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Down);
            tryCompare(entry, "connectMs", before - 1000);
            verify(ProviderSettings.undo());
            verify(ProviderSettings.undo());
            verify(ProviderSettings.undo());
            tryVerify(() => entryOf(0) && entryOf(0).connectMs === before, 2000, "undone");
        }
    }
}
