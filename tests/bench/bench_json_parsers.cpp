// bench_json_parsers: the providers' lazy JsonTree (src/providers/json_view) against simdjson
// On-Demand (Debian libsimdjson-dev) on bench_providers' OpenAI stream events: parse, then read
// choices[0].delta.content as a QString; best of five, µs per event. Not a test: it informs the
// question whether the decoders should move to simdjson (issue 13). Note that On-Demand only
// validates what it reads, JsonTree the whole event; simdjson also needs padded input (the copy
// into a padded buffer is counted).
//
// 2026-12-03, 2-core VM at load average 8: json_view 1.07-1.19 µs, simdjson 0.65-0.67 µs per
// event (bench_providers' whole OpenAI decode at the same time: 2.55 µs per event).
#include "providers/json_view.h"

#include <QElapsedTimer>
#include <QList>
#include <cstdio>
#include <cstring>
#include <simdjson.h>

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

int main(int argc, char **argv)
{
    const int n = argc > 1 ? atoi(argv[1]) : 100000;
    QList<QByteArray> bodies;
    for (int i = 0; i < n; ++i)
        bodies << openAiBody(i);
    double bestTree = 1e18, bestSimd = 1e18;
    qint64 charsTree = 0, charsSimd = 0;
    for (int run = 0; run < 5; ++run) {
        ladder::JsonTree tree;
        QElapsedTimer t;
        t.start();
        qint64 chars = 0;
        for (const QByteArray &b : bodies) {
            if (!tree.parse(b))
                return 1;
            chars += tree.root()
                         .value(QLatin1StringView("choices"))
                         .at(0)
                         .value(QLatin1StringView("delta"))
                         .value(QLatin1StringView("content"))
                         .toString()
                         .size();
        }
        bestTree = std::min(bestTree, double(t.nsecsElapsed()) / n / 1000.0);
        charsTree = chars;

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
    }
    std::printf("{\"events\": %d, \"json_view_us_per_event\": %.3f, "
                "\"simdjson_ondemand_us_per_event\": %.3f, \"chars\": [%lld, %lld], "
                "\"simdjson\": \"%s\"}\n",
                n, bestTree, bestSimd, (long long)charsTree, (long long)charsSimd,
                kSimdjsonVersion);
    return 0;
}
