// libFuzzer entry point: the decoders' event reader (providers/event_json, simdjson On-Demand)
// against QJsonDocument on any bytes.
// - Whatever the reader accepts, Qt accepts as an object, and every value is the same: read
//   whole (rootObject) and member by member with the decoders' readers (toString, toInteger,
//   toInt, toBool, toJsonValue).
// - Whatever object Qt accepts, written back out by Qt as plain JSON, the reader accepts with
//   the same value (it is stricter than Qt only on text that is not JSON: raw control
//   characters in strings, "\x", "1.", ".5").

#include "providers/event_json.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

void checkAt(bool condition, int line)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_event_json: check at line %d failed\n", line);
        std::abort();
    }
}
#define check(condition) checkAt((condition), __LINE__)

std::optional<QJsonObject> readWhole(ladder::EventJson &json, const QByteArray &text)
{
    ladder::ondemand::object root;
    if (!json.parse(text, &root))
        return std::nullopt;
    QJsonObject out = json.rootObject();
    if (!json.finish())
        return std::nullopt;
    return out;
}

// Reads each member of the root once, with one of the decoders' readers (chosen by position),
// and compares the result with what Qt's value gives for the same call. The last of a repeated
// name is the one compared, as Qt keeps it.
void compareMembers(ladder::EventJson &json, const QByteArray &text, const QJsonObject &qt)
{
    ladder::ondemand::object root;
    check(json.parse(text, &root));
    QHash<QString, QJsonValue> ours; // what each reader gave, as a Qt value
    QHash<QString, int> reader;
    int position = 0;
    json.forEachMember(root, [&](std::string_view key, ladder::ondemand::value v) {
        const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
        const int which = position++ % 5;
        if (name.isEmpty()) {    // also a name with a lone surrogate escape, which the decoders
            json.toJsonValue(v); // never look for: read, not compared
            return;
        }
        reader.insert(name, which);
        switch (which) {
        case 0:
            ours.insert(name, json.toString(v, QStringLiteral("-")));
            break;
        case 1:
            ours.insert(name, json.toInteger(v, -7));
            break;
        case 2:
            ours.insert(name, json.toInt(v, -7));
            break;
        case 3:
            ours.insert(name, json.toBool(v, true));
            break;
        default:
            ours.insert(name, json.toJsonValue(v));
            break;
        }
    });
    check(json.finish());
    for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
        const QJsonValue expected = qt.value(it.key());
        switch (reader.value(it.key())) {
        case 0:
            check(it.value() == expected.toString(QStringLiteral("-")));
            break;
        case 1:
            check(it.value().toInteger() == expected.toInteger(-7));
            break;
        case 2:
            check(it.value().toInt() == expected.toInt(-7));
            break;
        case 3:
            check(it.value().toBool() == expected.toBool(true));
            break;
        default:
            check(it.value() == expected);
            break;
        }
    }
}

// Qt orders an object's keys by UTF-16 when it inserts them and by code point when it parses them;
// the two orders differ where a lone surrogate meets a character beyond U+FFFF, and objects with
// the same members then compare unequal. Such keys are left out of the comparisons.
bool hasLoneSurrogateKey(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return hasLoneSurrogateKey(v); });
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        for (qsizetype i = 0; i < key.size(); ++i) {
            const bool high = key[i].isHighSurrogate();
            if (key[i].isLowSurrogate() ||
                (high && !(i + 1 < key.size() && key[i + 1].isLowSurrogate())))
                return true;
            i += high ? 1 : 0;
        }
        if (hasLoneSurrogateKey(it.value()))
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // Qt keeps a string's leading U+FEFF in its keys but drops it when it converts the string
    // (QString::fromUtf8), so it disagrees with itself there; the reader keeps it as text.
    if (text.indexOf("\xEF\xBB\xBF", 1) >= 0)
        return 0;
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(text, &error);
    const bool qtAccepts = error.error == QJsonParseError::NoError;
    if (qtAccepts && hasLoneSurrogateKey(qt.object()))
        return 0;

    static ladder::EventJson json; // reused, as a decoder reuses it from event to event
    if (const std::optional<QJsonObject> ours = readWhole(json, text)) {
        check(qtAccepts && qt.isObject());
        check(*ours == qt.object());
        compareMembers(json, text, qt.object());
    }
    if (qtAccepts && qt.isObject()) {
        // Qt writes a lone surrogate (from "\ud83c" alone) as bytes that are not UTF-8 and that
        // it refuses itself: only text Qt reads back is JSON.
        const QByteArray canonical = qt.toJson(QJsonDocument::Compact);
        const QJsonDocument back = QJsonDocument::fromJson(canonical, &error);
        if (error.error == QJsonParseError::NoError) {
            const std::optional<QJsonObject> again = readWhole(json, canonical);
            check(again.has_value());
            check(*again == back.object());
        }
    }
    return 0;
}
