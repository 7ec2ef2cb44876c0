// libFuzzer entry point: any bytes as the body of a chat-completions request and as a stored
// conversation of `ladder serve`. Neither parser may crash; a stored conversation that parses
// is restored into a Session, which refuses what does not fit the ladder instead of crashing,
// and writes back to JSON that parses to the same record.

#include "core/ladder_json.h"
#include "serve/conversation_record.h"
#include "serve/openai_api.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ladder;
    static const Ladder framing = loadExampleLadder(QStringLiteral("framing")).ladder;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto request = serve::parseCompletionRequest(
        bytes, QStringLiteral("framing"), {QStringLiteral("strong"), QStringLiteral("light")});
    if (const auto *r = std::get_if<serve::CompletionRequest>(&request))
        Q_UNUSED(serve::conversationId({}, *r));
    QString error;
    const std::optional<serve::ConversationRecord> record =
        serve::ConversationRecord::fromJson(bytes, &error);
    if (record) {
        Session session(framing, nullptr);
        for (int turns = 0; turns <= record->snapshot.turns.size() + 1; ++turns)
            session.restore(record->at(turns), &error);
        const std::optional<serve::ConversationRecord> again =
            serve::ConversationRecord::fromJson(record->toJson(), &error);
        if (!again || again->toJson() != record->toJson())
            std::abort(); // a stored record must round-trip
    }
    return 0;
}
