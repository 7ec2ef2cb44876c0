// libFuzzer entry point: any bytes as an SSE stream through the OpenAI, Anthropic and Gemini
// decoders. Malformed JSON, wrong types and missing fields must end in a typed error or be
// ignored, never a crash; text reported by the decoder must equal the deltas it gave out.

#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/openai_provider.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void run(ladder::StreamDecoder &decoder, const QList<ladder::SseEvent> &events)
{
    QString deltas;
    QString delta;
    for (const ladder::SseEvent &e : events) {
        delta.clear();
        decoder.handle(e, &delta);
        deltas += delta;
        if (decoder.state().error)
            break;
    }
    decoder.endOfStream();
    if (decoder.state().text != deltas)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray stream =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    ladder::SseParser parser;
    QList<ladder::SseEvent> events = parser.feed(stream);
    events += parser.finish();
    const ladder::CallLabel label{QStringLiteral("fuzz"), QStringLiteral("model"), {}};
    ladder::OpenAiDecoder openai(label);
    run(openai, events);
    ladder::AnthropicDecoder anthropic(label);
    run(anthropic, events);
    ladder::GeminiDecoder gemini(label);
    run(gemini, events);
    return 0;
}
