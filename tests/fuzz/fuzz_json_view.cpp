// libFuzzer entry point: the decoders' JsonTree against QJsonDocument on any bytes.
// - Whatever JsonTree accepts, Qt accepts, and every value (and every member looked up by
//   name) is the same.
// - Whatever Qt accepts, written back out by Qt as plain JSON, JsonTree accepts with the same
//   value (JsonTree is stricter than Qt only on text that is not JSON: "\x", "1.", ".5").

#include "providers/json_view.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

QJsonValue qtValue(const QJsonDocument &doc)
{
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

void checkAt(bool condition, int line)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_json_view: check at line %d failed\n", line);
        std::abort();
    }
}
#define check(condition) checkAt((condition), __LINE__)

// Looks every member and element up through JsonRef and compares with Qt's value.
void compareLookups(const ladder::JsonRef &ours, const QJsonValue &qt, int depth)
{
    if (depth > 64)
        return;
    if (ours.isArray()) {
        const QJsonArray array = qt.toArray();
        check(ours.size() == array.size());
        qsizetype i = 0;
        for (const ladder::JsonRef element : ours) {
            check(ours.at(i).toJsonValue() == element.toJsonValue());
            compareLookups(element, array.at(i), depth + 1);
            ++i;
        }
        return;
    }
    if (!ours.isObject())
        return;
    const QJsonObject object = qt.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QByteArray latin1 = key.toLatin1();
        if (QString::fromLatin1(latin1) != key)
            continue; // lookups take Latin-1 names, as the decoders' are
        const ladder::JsonRef member = ours.value(QLatin1StringView(latin1));
        check(member.toJsonValue() == it.value());
        check(member.toString(QStringLiteral("-")) == it.value().toString(QStringLiteral("-")));
        check(member.toInteger(-7) == it.value().toInteger(-7));
        check(member.toBool(true) == it.value().toBool(true));
        compareLookups(member, it.value(), depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // Qt keeps a string's leading U+FEFF in its keys but drops it when it converts the string
    // (QString::fromUtf8), so it disagrees with itself there; JsonTree keeps it as text.
    if (json.indexOf("\xEF\xBB\xBF", 1) >= 0)
        return 0;
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &error);
    const bool qtAccepts = error.error == QJsonParseError::NoError;

    ladder::JsonTree tree;
    if (tree.parse(json)) {
        check(qtAccepts);
        check(tree.root().toJsonValue() == qtValue(qt));
        compareLookups(tree.root(), qtValue(qt), 0);
    }
    if (qtAccepts) {
        // Qt writes a lone surrogate (from "\ud83c" alone) as bytes that are not UTF-8 and that
        // it refuses itself: only text Qt reads back is JSON.
        const QByteArray canonical = qt.toJson(QJsonDocument::Compact);
        const QJsonDocument back = QJsonDocument::fromJson(canonical, &error);
        if (error.error == QJsonParseError::NoError) {
            ladder::JsonTree again;
            check(again.parse(canonical));
            check(again.root().toJsonValue() == qtValue(back));
        }
    }
    return 0;
}
