// libFuzzer entry point: any bytes through the ladder parser, the validator and the canonical
// writer. The parser must never crash, and whatever it accepts must serialise to a document
// that parses back to the same ladder. The fast JSON reader (core/json_text.h) must agree with
// QJsonDocument whenever it answers.

#include "core/json_text.h"
#include "core/ladder_json.h"
#include "core/validation.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const std::optional<QJsonObject> fast = ladder::parseJsonObjectText(json)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject() || doc.object() != *fast ||
            doc.toJson() != QJsonDocument(*fast).toJson())
            std::abort(); // the fast reader answered differently from QJsonDocument
    }
    const ladder::ParseResult parsed = ladder::parseLadder(json, QStringLiteral("fuzz.json"));
    const ladder::Diagnostics diagnostics = ladder::validate(parsed.ladder);
    Q_UNUSED(diagnostics);
    if (parsed.ok()) {
        const QByteArray canonical = ladder::toCanonicalJson(parsed.ladder);
        const ladder::ParseResult again = ladder::parseLadder(canonical);
        if (!again.ok() || ladder::toCanonicalJson(again.ladder) != canonical)
            std::abort(); // the canonical form must round-trip
    }
    return 0;
}
