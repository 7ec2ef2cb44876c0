// The Gemini client against a scripted server: CRLF SSE, whole functionCall parts, no [DONE]
// (the stream ends at close), cumulative usageMetadata, thoughtSignature echoed back, typed
// errors, timeouts, cancel, the exact request body and where the key may appear.

#include "provider_test_support.h"

#include "providers/gemini_provider.h"

#include <QJsonArray>

using namespace ladder;
using namespace ladder::test;

// Declared first: moc's tokenizer loses its way in the raw JSON literals below.
class TestGeminiProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void decodesStreamScenario_data();
    void decodesStreamScenario();
    void sendsRequestInGenerateContentDialect_data();
    void sendsRequestInGenerateContentDialect();
    void echoesThoughtSignatureInHistory();
    void keyAppearsOnlyInGoogApiKeyHeader();

private:
    MockHttpServer m_server;
};

namespace {

QByteArray gsse(const QByteArray &json)
{
    return "data: " + json + "\r\n\r\n"; // alt=sse uses CRLF
}

QByteArray candidate(const QByteArray &parts, const QByteArray &finish = {},
                     const QByteArray &usage = {})
{
    QByteArray c = R"({"candidates":[{"content":{"role":"model","parts":)" + parts + "}";
    if (!finish.isEmpty())
        c += R"(,"finishReason":")" + finish + '"';
    c += R"(,"index":0}])";
    if (!usage.isEmpty())
        c += R"(,"usageMetadata":)" + usage;
    return gsse(c + R"(,"modelVersion":"gemini-2.5-flash","responseId":"r1"})");
}

QByteArray usageMeta(int prompt, int candidates, int cached = 0, int thoughts = 0)
{
    QByteArray u = R"({"promptTokenCount":)" + QByteArray::number(prompt) +
                   R"(,"candidatesTokenCount":)" + QByteArray::number(candidates);
    if (cached)
        u += R"(,"cachedContentTokenCount":)" + QByteArray::number(cached);
    if (thoughts)
        u += R"(,"thoughtsTokenCount":)" + QByteArray::number(thoughts);
    return u + R"(,"totalTokenCount":)" + QByteArray::number(prompt + candidates + thoughts) + "}";
}

// The reference stream of providers.md section 3.
QByteArray referenceToolStream()
{
    return candidate(R"([{"text":"Checking."}])", {}, usageMeta(40, 3)) +
           candidate(R"([{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}])", "STOP",
                     usageMeta(40, 12));
}

QByteArray textStream()
{
    return candidate(R"([{"text":"Il pleut "}])", {}, usageMeta(30, 2, 16)) +
           candidate(R"([{"text":"à Paris 🌧"}])", {}, usageMeta(30, 5, 16)) +
           candidate(R"([{"text":""}])", "STOP", usageMeta(30, 6, 16, 20));
}

QByteArray parallelToolStream()
{
    return candidate(R"([{"functionCall":{"id":"fc1","name":"get_weather","args":{"city":"Oslo"}},)"
                     R"("thoughtSignature":"c2lnLTE="},{"functionCall":{"id":"fc2","name":)"
                     R"("escalate","args":{"reason":"legal","question":"Q?"}}}])",
                     "STOP", usageMeta(50, 20));
}

TokenUsage usage(qint64 in, qint64 cached, qint64 out)
{
    return {in, cached, out, false};
}

const TokenUsage kEstimated{0, 0, 0, true};

QByteArray errorBody(int code, const QByteArray &status, const QByteArray &message,
                     const QByteArray &details = "[]")
{
    return R"({"error":{"code":)" + QByteArray::number(code) + R"(,"message":")" + message +
           R"(","status":")" + status + R"(","details":)" + details + "}}";
}

} // namespace

void TestGeminiProvider::decodesStreamScenario_data()
{
    addScenarioColumns();
    const QList<ToolCall> none;
    const QList<ToolCall> weather{toolCall("gemini_call_0", "get_weather", R"({"city":"Paris"})")};
    const QList<ToolCall> parallel{
        toolCall("fc1", "get_weather", R"({"city":"Oslo"})"),
        toolCall("fc2", "escalate", R"({"reason":"legal","question":"Q?"})")};
    const int noError = -1;
    const auto kind = [](FailureKind k) {
        return int(k);
    };

    QTest::newRow("text_stream_usage_last_wins")
        << streamScript({textStream()}, Framing::CloseDelimited) << kTestTimeouts << false
        << "Il pleut à Paris 🌧" << none << usage(30, 16, 26) << "STOP" << noError << 200
        << qint64(-1);
    QTest::newRow("tool_call_split_across_chunks")
        << streamScript(splitEvery(referenceToolStream(), 11), Framing::CloseDelimited)
        << kTestTimeouts << false << "Checking." << weather << usage(40, 0, 12) << "STOP" << noError
        << 200 << qint64(-1);
    QTest::newRow("parallel_function_calls_chunked")
        << streamScript({parallelToolStream()}) << kTestTimeouts << false << "" << parallel
        << usage(50, 0, 20) << "STOP" << noError << 200 << qint64(-1);
    QTest::newRow("thought_summary_not_answer_text")
        << streamScript({candidate(R"([{"text":"Weighing the sources.","thought":true}])") +
                         candidate(R"([{"text":"Rain."}])", "STOP", usageMeta(30, 2, 0, 9))},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Rain." << none << usage(30, 0, 11) << "STOP" << noError << 200
        << qint64(-1);
    QTest::newRow("mid_stream_error_chunk")
        << streamScript({candidate(R"([{"text":"Hal"}])"),
                         gsse(errorBody(503, "UNAVAILABLE", "The model is overloaded."))},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Hal" << none << kEstimated << ""
        << kind(FailureKind::Unavailable) << 200 << qint64(-1);
    QTest::newRow("rate_limited_retry_info")
        << plainResponse(429, errorBody(429, "RESOURCE_EXHAUSTED", "Quota exceeded per minute",
                                        R"([{"@type":"type.googleapis.com/google.rpc.RetryInfo",)"
                                        R"("retryDelay":"12s"}])"))
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(12000);
    QTest::newRow("rate_limited_retry_after_header")
        << plainResponse(429, errorBody(429, "RESOURCE_EXHAUSTED", "Slow down"),
                         {{"Retry-After", "3"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(3000);
    QTest::newRow("prepaid_credit_402")
        << plainResponse(402, errorBody(402, "RESOURCE_EXHAUSTED", "Prepaid credit used up"))
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::QuotaExhausted) << 402 << qint64(-1);
    QTest::newRow("unavailable_503")
        << plainResponse(503, errorBody(503, "UNAVAILABLE", "The model is overloaded."))
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::Unavailable) << 503 << qint64(-1);
    QTest::newRow("invalid_argument_400")
        << plainResponse(400, errorBody(400, "INVALID_ARGUMENT", "Bad schema")) << kTestTimeouts
        << false << "" << none << TokenUsage{} << "" << kind(FailureKind::BadRequest) << 400
        << qint64(-1);
    QTest::newRow("permission_denied_403")
        << plainResponse(403, errorBody(403, "PERMISSION_DENIED", "API key not valid"))
        << kTestTimeouts << false << "" << none << TokenUsage{} << "" << kind(FailureKind::Auth)
        << 403 << qint64(-1);
    QTest::newRow("connection_reset_mid_stream")
        << streamScript({candidate(R"([{"text":"Part"}])")}, Framing::Chunked, StreamEnd::Reset)
        << kTestTimeouts << false << "Part" << none << kEstimated << ""
        << kind(FailureKind::Network) << 200 << qint64(-1);
    // Without chunked framing a reset looks like the end of the body to HTTP: the missing
    // finishReason is what tells the call apart from a complete answer.
    QTest::newRow("reset_in_close_delimited_body_is_truncated")
        << streamScript({candidate(R"([{"text":"Part"}])")}, Framing::CloseDelimited,
                        StreamEnd::Reset)
        << kTestTimeouts << false << "Part" << none << kEstimated << ""
        << kind(FailureKind::Truncated) << 200 << qint64(-1);
    QTest::newRow("stalled_stream_idle_timeout")
        << streamScript({candidate(R"([{"text":"Stuck"}])")}, Framing::CloseDelimited,
                        StreamEnd::Stall)
        << kShortIdle << false << "Stuck" << none << kEstimated << "" << kind(FailureKind::Timeout)
        << 200 << qint64(-1);
    QTest::newRow("slow_first_byte_first_token_timeout")
        << MockScript{MockStep::delay(5000)} << kShortFirstToken << false << "" << none
        << TokenUsage{} << "" << kind(FailureKind::Timeout) << 0 << qint64(-1);
    QTest::newRow("malformed_json")
        << streamScript({candidate(R"([{"text":"A"}])") + gsse(R"({"candidates":[)")},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "A" << none << kEstimated << "" << kind(FailureKind::Protocol)
        << 200 << qint64(-1);
    QTest::newRow("truncated_without_finish_reason")
        << streamScript({candidate(R"([{"text":"Almost"}])", {}, usageMeta(30, 2))},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Almost" << none << usage(30, 0, 2) << ""
        << kind(FailureKind::Truncated) << 200 << qint64(-1);
    QTest::newRow("cancel_mid_stream")
        << streamScript({candidate(R"([{"text":"First"}])"), candidate(R"([{"text":"no"}])")},
                        Framing::CloseDelimited, StreamEnd::Stall, 100)
        << kTestTimeouts << true << "First" << none << kEstimated << ""
        << kind(FailureKind::Cancelled) << 200 << qint64(-1);
}

void TestGeminiProvider::decodesStreamScenario()
{
    QFETCH(MockScript, script);
    QFETCH(ProviderTimeouts, timeouts);
    m_server.enqueue(script);
    GeminiProvider provider(
        mockSettings(QStringLiteral("gemini"), m_server.url("v1beta"), timeouts));
    checkScenario(provider,
                  weatherRequest(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash")));
    QCOMPARE(m_server.requests().last().target,
             QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
}

void TestGeminiProvider::sendsRequestInGenerateContentDialect_data()
{
    QTest::addColumn<ChatRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    ChatRequest plain;
    plain.model = QStringLiteral("gemini-2.5-flash-lite");
    plain.messages = {{ChatMessage::Role::User, QStringLiteral("Hi"), {}, {}, {}}};
    QTest::newRow("plain_chat") << plain
                                << QByteArray(R"({"contents":[{"parts":[{"text":"Hi"}],"role":)"
                                              R"("user"}]})");

    ChatRequest history =
        weatherRequest(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"));
    history.params.temperature = 0.7;
    history.messages
        << ChatMessage{ChatMessage::Role::Assistant,
                       QString(),
                       {toolCall("gemini_call_0", "get_weather", R"({"city":"Paris"})"),
                        toolCall("fc9", "get_weather", R"({"city":"Oslo"})")},
                       {},
                       {}}
        << ChatMessage{ChatMessage::Role::Tool,
                       QStringLiteral(R"({"temp_c":18})"),
                       {},
                       QStringLiteral("gemini_call_0"),
                       {}}
        << ChatMessage{
               ChatMessage::Role::Tool, QStringLiteral("9C"), {}, QStringLiteral("fc9"), {}};
    QTest::newRow("function_calls_and_responses")
        << history
        << QByteArray(
               R"({"contents":[{"parts":[{"text":"Weather in Paris?"}],"role":"user"},{"parts":)"
               R"([{"functionCall":{"args":{"city":"Paris"},"name":"get_weather"}},)"
               R"({"functionCall":{"args":{"city":"Oslo"},"id":"fc9","name":"get_weather"}}],)"
               R"("role":"model"},{"parts":[{"functionResponse":{"name":"get_weather",)"
               R"("response":{"temp_c":18}}},{"functionResponse":{"id":"fc9","name":)"
               R"("get_weather","response":{"result":"9C"}}}],"role":"user"}],)"
               R"("generationConfig":{"maxOutputTokens":512,"temperature":0.7},)"
               R"("systemInstruction":{"parts":[{"text":"Be brief."}]},"tools":)"
               R"([{"functionDeclarations":[{"description":"Current weather","name":)"
               R"("get_weather","parameters":{"properties":{"city":{"type":"string"}},)"
               R"("required":["city"],"type":"object"}},{"description":"Hand this question to )"
               R"(a stronger model. Call it instead of answering when the question is too hard, )"
               R"(high-stakes or outside your expertise.","name":"escalate","parameters":)"
               R"({"properties":{"question":{"type":"string"},"reason":{"type":"string"}},)"
               R"("required":["reason","question"],"type":"object"}}]}]})");
}

void TestGeminiProvider::sendsRequestInGenerateContentDialect()
{
    QFETCH(ChatRequest, request);
    QFETCH(QByteArray, expected);
    m_server.enqueue(streamScript({candidate(R"([{"text":"ok"}])", "STOP")}));
    GeminiProvider provider(mockSettings(QStringLiteral("gemini"), m_server.url("v1beta")));
    CallOutcome out;
    runCall(provider, request, &out);
    QVERIFY(!out.result.error);
    QCOMPARE(
        QJsonDocument::fromJson(m_server.requests().last().body).toJson(QJsonDocument::Compact),
        expected);
}

void TestGeminiProvider::echoesThoughtSignatureInHistory()
{
    m_server.enqueue(
        streamScript({candidate(R"([{"text":"Let me check. "}])") + parallelToolStream()}));
    GeminiProvider provider(mockSettings(QStringLiteral("gemini"), m_server.url("v1beta")));
    ChatRequest request =
        weatherRequest(QStringLiteral("gemini"), QStringLiteral("gemini-3-flash-preview"));
    CallOutcome first;
    runCall(provider, request, &first);
    QVERIFY(!first.result.error);
    const QJsonObject providerData =
        first.result.raw.value(QStringLiteral("provider_data")).toObject();
    const QJsonArray parts = providerData.value(QLatin1StringView(kGeminiPartsKey)).toArray();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(1).toObject().value(QStringLiteral("thoughtSignature")).toString(),
             QStringLiteral("c2lnLTE="));

    // The engine keeps provider_data on the assistant message; the next request echoes it.
    request.messages << ChatMessage{ChatMessage::Role::Assistant,
                                    first.result.text,
                                    first.result.toolCalls,
                                    {},
                                    providerData}
                     << ChatMessage{ChatMessage::Role::Tool,
                                    QStringLiteral("9C"),
                                    {},
                                    QStringLiteral("fc1"),
                                    {}};
    m_server.enqueue(streamScript({candidate(R"([{"text":"Cold."}])", "STOP")}));
    CallOutcome second;
    runCall(provider, request, &second);
    QVERIFY(!second.result.error);
    const QJsonArray contents = QJsonDocument::fromJson(m_server.requests().last().body)
                                    .object()
                                    .value(QStringLiteral("contents"))
                                    .toArray();
    QCOMPARE(contents.size(), 3);
    const QJsonObject model = contents.at(1).toObject();
    QCOMPARE(model.value(QStringLiteral("role")).toString(), QStringLiteral("model"));
    QCOMPARE(model.value(QStringLiteral("parts")).toArray(), parts);
    const QJsonObject response = contents.at(2)
                                     .toObject()
                                     .value(QStringLiteral("parts"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("functionResponse"))
                                     .toObject();
    QCOMPARE(response.value(QStringLiteral("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(response.value(QStringLiteral("id")).toString(), QStringLiteral("fc1"));
}

void TestGeminiProvider::keyAppearsOnlyInGoogApiKeyHeader()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ladder.providers.debug=true"));
    CapturedLog log;
    m_server.enqueue(plainResponse(
        400, errorBody(400, "INVALID_ARGUMENT", "API key not valid: " + QByteArray(kPlantedKey))));
    m_server.enqueue(streamScript({textStream()}, Framing::CloseDelimited));
    GeminiProvider provider(mockSettings(QStringLiteral("gemini"), m_server.url("v1beta")));
    const ChatRequest request =
        weatherRequest(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"));
    CallOutcome failed;
    runCall(provider, request, &failed);
    CallOutcome ok;
    runCall(provider, request, &ok);
    QLoggingCategory::setFilterRules(QString());

    const qsizetype n = m_server.requests().size();
    for (qsizetype i = n - 2; i < n; ++i) {
        const ReceivedRequest &r = m_server.requests().at(i);
        QCOMPARE(r.headers.value("x-goog-api-key"), QByteArray(kPlantedKey));
        QCOMPARE(r.rawHead.count(kPlantedKey), 1); // not in the URL either
        QVERIFY(!r.body.contains(kPlantedKey));
    }
    QVERIFY(failed.result.error);
    QVERIFY(!failed.result.error->message.contains(QLatin1StringView(kPlantedKey)));
    QVERIFY(!ok.result.error);
    QVERIFY(!QJsonDocument(request.toJson()).toJson().contains(kPlantedKey));
    QVERIFY(!log.text().isEmpty());
    QVERIFY(!log.text().contains(QLatin1StringView(kPlantedKey)));
}

QTEST_GUILESS_MAIN(TestGeminiProvider)
#include "tst_gemini_provider.moc"
