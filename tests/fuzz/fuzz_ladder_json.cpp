// libFuzzer entry point: any bytes through the ladder parser, the validator and the canonical
// writer. The parser must never crash, and whatever it accepts must serialise to a document
// that parses back to the same ladder.

#include "core/ladder_json.h"
#include "core/validation.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
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
