// bench_json_parsers: the providers' event reader (src/providers/event_json, simdjson On-Demand
// behind the decoders' error-code API) against plain simdjson On-Demand and QJsonDocument on
// bench_providers' OpenAI stream events: parse, then read choices[0].delta.content as a QString;
// best of five, µs per event. Not a test: it shows what the adapter costs over the library and
// what it saves over Qt (issue 13). simdjson needs padded input: the copy into a padded buffer
// is counted.
//
// 2026-12-03, 2-core VM at load 3.2, medians of 7 runs interleaved with the json_view build:
// json_view (the hand-written reader this replaced) 0.44 µs, EventJson 0.38 µs, plain On-Demand
// path lookup 0.16 µs, QJsonDocument 2.1 µs per event. bench_providers at the same time, µs per
// event json_view -> EventJson: openai 1.22 -> 0.81, anthropic 0.61 -> 0.62, gemini 0.99 -> 1.12,
// OpenAI end to end over loopback 1.75 -> 1.85 (best of 7: 0.74 -> 0.74, 0.55 -> 0.57,
// 0.87 -> 0.99, 1.59 -> 1.49).
#include "providers/event_json.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <cstdio>
#include <cstring>
#include <simdjson.h>
#include <utility>

#define LADDER_STRINGIFY2(x) #x
#define LADDER_STRINGIFY(x) LADDER_STRINGIFY2(x)
static const char *const kSimdjsonVersion = LADDER_STRINGIFY(SIMDJSON_VERSION);

static QByteArray openAiBody(int i)
{
    return R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1760000000,)"
           R"("model":"gpt-5.4-mini","choices":[{"index":0,"delta":{"content":")"
           "token " +
           QByteArray::number(i % 10) + R"("},"finish_reason":null}],"usage":null})";
}

// The content of choices[0].delta, walked as the decoders walk an event.
static QString contentByEventJson(ladder::EventJson &json, const QByteArray &body)
{
    using ladder::ondemand::value;
    ladder::ondemand::object root;
    QString content;
    if (!json.parse(body, &root))
        return content;
    json.forEachMember(root, [&](std::string_view key, value v) {
        if (key != "choices")
            return;
        bool first = true;
        json.forEachElement(v, [&](value choice) {
            if (!std::exchange(first, false))
                return;
            json.forEachMember(choice, [&](std::string_view key, value d) {
                if (key != "delta")
                    return;
                json.forEachMember(d, [&](std::string_view key, value c) {
                    if (key == "content")
                        content = json.toString(c);
                });
            });
        });
    });
    return json.finish() ? content : QString();
}

int main(int argc, char **argv)
{
    const int n = argc > 1 ? atoi(argv[1]) : 100000;
    QList<QByteArray> bodies;
    for (int i = 0; i < n; ++i)
        bodies << openAiBody(i);
    double bestOurs = 1e18, bestSimd = 1e18, bestQt = 1e18;
    qint64 charsOurs = 0, charsSimd = 0, charsQt = 0;
    for (int run = 0; run < 5; ++run) {
        ladder::EventJson json;
        QElapsedTimer t;
        t.start();
        qint64 chars = 0;
        for (const QByteArray &b : bodies)
            chars += contentByEventJson(json, b).size();
        bestOurs = std::min(bestOurs, double(t.nsecsElapsed()) / n / 1000.0);
        charsOurs = chars;

        simdjson::ondemand::parser parser;
        std::vector<char> padded(1 << 16);
        t.restart();
        chars = 0;
        for (const QByteArray &b : bodies) {
            std::memcpy(padded.data(), b.constData(), size_t(b.size())); // the SSE buffer's bytes
            std::memset(padded.data() + b.size(), 0, simdjson::SIMDJSON_PADDING);
            auto doc = parser.iterate(padded.data(), size_t(b.size()), padded.size());
            std::string_view content;
            if (doc["choices"].at(0)["delta"]["content"].get_string().get(content))
                return 2;
            chars += QString::fromUtf8(content.data(), qsizetype(content.size())).size();
        }
        bestSimd = std::min(bestSimd, double(t.nsecsElapsed()) / n / 1000.0);
        charsSimd = chars;

        t.restart();
        chars = 0;
        for (const QByteArray &b : bodies) {
            const QJsonObject root = QJsonDocument::fromJson(b).object();
            chars += root.value(QLatin1StringView("choices"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1StringView("delta"))
                         .toObject()
                         .value(QLatin1StringView("content"))
                         .toString()
                         .size();
        }
        bestQt = std::min(bestQt, double(t.nsecsElapsed()) / n / 1000.0);
        charsQt = chars;
    }
    std::printf("{\"events\": %d, \"event_json_us_per_event\": %.3f, "
                "\"simdjson_ondemand_us_per_event\": %.3f, \"qjsondocument_us_per_event\": %.3f, "
                "\"chars\": [%lld, %lld, %lld], \"simdjson\": \"%s\"}\n",
                n, bestOurs, bestSimd, bestQt, (long long)charsOurs, (long long)charsSimd,
                (long long)charsQt, kSimdjsonVersion);
    return charsOurs == charsSimd && charsOurs == charsQt ? 0 : 3;
}
