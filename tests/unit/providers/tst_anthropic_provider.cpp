// The Anthropic Messages client against a scripted server: content blocks, input_json_delta,
// cumulative usage with cache tokens, error events after HTTP 200, typed errors, timeouts,
// cancel, the exact request body and where the key may appear.

#include "provider_test_support.h"

#include "providers/anthropic_provider.h"

using namespace ladder;
using namespace ladder::test;

// Declared first: moc's tokenizer loses its way in the raw JSON literals below.
class TestAnthropicProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void decodesStreamScenario_data();
    void decodesStreamScenario();
    void sendsRequestInMessagesDialect_data();
    void sendsRequestInMessagesDialect();
    void keyAppearsOnlyInApiKeyHeader();
    void echoesSignedThinkingInHistory();

private:
    MockHttpServer m_server;
};

namespace {

QByteArray namedEvent(const QByteArray &name, const QByteArray &data)
{
    return sse(data, name);
}

QByteArray messageStart(const QByteArray &usage = R"({"input_tokens":412,"output_tokens":1})")
{
    return namedEvent("message_start",
                      R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":)"
                      R"("assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,)"
                      R"("stop_sequence":null,"usage":)" +
                          usage + "}}");
}

QByteArray textBlock(int index, const QList<QByteArray> &texts)
{
    const QByteArray i = QByteArray::number(index);
    QByteArray out =
        namedEvent("content_block_start", R"({"type":"content_block_start","index":)" + i +
                                              R"(,"content_block":{"type":"text","text":""}})");
    for (const QByteArray &t : texts)
        out += namedEvent("content_block_delta", R"({"type":"content_block_delta","index":)" + i +
                                                     R"(,"delta":{"type":"text_delta","text":")" +
                                                     t + R"("}})");
    return out +
           namedEvent("content_block_stop", R"({"type":"content_block_stop","index":)" + i + "}");
}

QByteArray toolBlock(int index, const QByteArray &id, const QByteArray &name,
                     const QList<QByteArray> &jsonPieces)
{
    const QByteArray i = QByteArray::number(index);
    QByteArray out =
        namedEvent("content_block_start", R"({"type":"content_block_start","index":)" + i +
                                              R"(,"content_block":{"type":"tool_use","id":")" + id +
                                              R"(","name":")" + name + R"(","input":{}}})");
    for (const QByteArray &piece : jsonPieces)
        out += namedEvent("content_block_delta",
                          R"({"type":"content_block_delta","index":)" + i +
                              R"(,"delta":{"type":"input_json_delta","partial_json":")" + piece +
                              R"("}})");
    return out +
           namedEvent("content_block_stop", R"({"type":"content_block_stop","index":)" + i + "}");
}

QByteArray messageDelta(const QByteArray &stop, const QByteArray &usage)
{
    return namedEvent("message_delta", R"({"type":"message_delta","delta":{"stop_reason":")" +
                                           stop + R"(","stop_sequence":null},"usage":)" + usage +
                                           "}");
}

const QByteArray kPing = namedEvent("ping", R"({"type": "ping"})");
const QByteArray kStop = namedEvent("message_stop", R"({"type":"message_stop"})");

// The reference stream of providers.md section 2.
QByteArray referenceToolStream()
{
    return messageStart() +
           namedEvent("content_block_start",
                      R"({"type":"content_block_start","index":0,"content_block":)"
                      R"({"type":"text","text":""}})") +
           kPing +
           namedEvent("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":)"
                                             R"({"type":"text_delta","text":"Checking."}})") +
           namedEvent("content_block_stop", R"({"type":"content_block_stop","index":0})") +
           toolBlock(1, "toolu_01", "get_weather", {"", R"({\"city\": \"Par)", R"(is\"})"}) +
           messageDelta("tool_use", R"({"output_tokens":42})") + kStop;
}

QByteArray cachedTextStream()
{
    return messageStart(R"({"input_tokens":12,"cache_creation_input_tokens":100,)"
                        R"("cache_read_input_tokens":300,"output_tokens":1})") +
           kPing + textBlock(0, {"Bonjour", " à tous 🌧"}) + kPing +
           messageDelta("end_turn", R"({"output_tokens":9})") + kStop;
}

QByteArray parallelToolStream()
{
    return messageStart() +
           toolBlock(0, "toolu_a", "get_weather", {R"({\"ci)", R"(ty\":\"Oslo\"})"}) +
           toolBlock(1, "toolu_b", "escalate",
                     {R"({\"reason\":\"legal\",)", R"(\"question\":\"Q?\"})"}) +
           messageDelta("tool_use", R"({"output_tokens":57})") + kStop;
}

TokenUsage usage(qint64 in, qint64 cached, qint64 out)
{
    return {in, cached, out, false};
}

const TokenUsage kEstimated{0, 0, 0, true};
const TokenUsage kEstimatedOutput{412, 0, 0, true}; // input known from message_start

QByteArray errorBody(const QByteArray &type, const QByteArray &message)
{
    return R"({"type":"error","error":{"type":")" + type + R"(","message":")" + message +
           R"("},"request_id":"req_01"})";
}

} // namespace

void TestAnthropicProvider::decodesStreamScenario_data()
{
    addScenarioColumns();
    const QList<ToolCall> none;
    const QList<ToolCall> weather{toolCall("toolu_01", "get_weather", R"({"city":"Paris"})")};
    const QList<ToolCall> parallel{
        toolCall("toolu_a", "get_weather", R"({"city":"Oslo"})"),
        toolCall("toolu_b", "escalate", R"({"reason":"legal","question":"Q?"})")};
    const int noError = -1;
    const auto kind = [](FailureKind k) {
        return int(k);
    };

    QTest::newRow("text_stream_cache_usage")
        << streamScript({cachedTextStream()}) << kTestTimeouts << false << "Bonjour à tous 🌧"
        << none << usage(412, 300, 9) << "end_turn" << noError << 200 << qint64(-1);
    QTest::newRow("tool_call_split_across_chunks")
        << streamScript(splitEvery(referenceToolStream(), 9)) << kTestTimeouts << false
        << "Checking." << weather << usage(412, 0, 42) << "tool_use" << noError << 200
        << qint64(-1);
    QTest::newRow("parallel_tool_calls")
        << streamScript(splitEvery(parallelToolStream(), 64)) << kTestTimeouts << false << ""
        << parallel << usage(412, 0, 57) << "tool_use" << noError << 200 << qint64(-1);
    QTest::newRow("events_packed_crlf_close_delimited")
        << streamScript({QByteArray(referenceToolStream()).replace("\n", "\r\n")},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Checking." << weather << usage(412, 0, 42) << "tool_use"
        << noError << 200 << qint64(-1);
    QTest::newRow("overloaded_error_event_after_200")
        << streamScript(
               {messageStart() + textBlock(0, {"Hal"}) +
                namedEvent("error", R"({"type":"error","error":{"type":"overloaded_error",)"
                                    R"("message":"Overloaded"}})")})
        << kTestTimeouts << false << "Hal" << none << kEstimatedOutput << ""
        << kind(FailureKind::Unavailable) << 200 << qint64(-1);
    QTest::newRow("rate_limited_retry_after")
        << plainResponse(429, errorBody("rate_limit_error", "Number of requests has exceeded"),
                         {{"retry-after", "12"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(12000);
    QTest::newRow("rate_limited_retry_after_ms")
        << plainResponse(429, errorBody("rate_limit_error", "Slow down"),
                         {{"retry-after-ms", "250.4"}, {"retry-after", "1"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(250);
    QTest::newRow("overloaded_529")
        << plainResponse(529, errorBody("overloaded_error", "Overloaded")) << kTestTimeouts << false
        << "" << none << TokenUsage{} << "" << kind(FailureKind::Unavailable) << 529 << qint64(-1);
    QTest::newRow("should_retry_true_on_400")
        << plainResponse(400, errorBody("invalid_request_error", "Try again"),
                         {{"x-should-retry", "true"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::Unavailable) << 400 << qint64(-1);
    QTest::newRow("credit_balance_too_low")
        << plainResponse(400, errorBody("invalid_request_error",
                                        "Your credit balance is too low to access the API"))
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::QuotaExhausted) << 400 << qint64(-1);
    QTest::newRow("permission_403")
        << plainResponse(403, errorBody("permission_error", "No access to model")) << kTestTimeouts
        << false << "" << none << TokenUsage{} << "" << kind(FailureKind::Auth) << 403
        << qint64(-1);
    QTest::newRow("request_too_large_413")
        << plainResponse(413, errorBody("request_too_large", "Request exceeds 32 MB"))
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::BadRequest) << 413 << qint64(-1);
    QTest::newRow("connection_reset_mid_stream")
        << streamScript({messageStart() + kPing,
                         namedEvent("content_block_start",
                                    R"({"type":"content_block_start","index":0,"content_block":)"
                                    R"({"type":"text","text":""}})") +
                             namedEvent("content_block_delta",
                                        R"({"type":"content_block_delta","index":0,"delta":)"
                                        R"({"type":"text_delta","text":"Part"}})")},
                        Framing::Chunked, StreamEnd::Reset)
        << kTestTimeouts << false << "Part" << none << kEstimatedOutput << ""
        << kind(FailureKind::Network) << 200 << qint64(-1);
    QTest::newRow("stalled_stream_idle_timeout")
        << streamScript({messageStart() + textBlock(0, {"Stuck"})}, Framing::Chunked,
                        StreamEnd::Stall)
        << kShortIdle << false << "Stuck" << none << kEstimatedOutput << ""
        << kind(FailureKind::Timeout) << 200 << qint64(-1);
    QTest::newRow("pings_only_first_token_timeout")
        << MockScript{MockStep::write(streamHead(200, Framing::Chunked)),
                      MockStep::write(httpChunk(messageStart() + kPing)), MockStep::delay(50),
                      MockStep::write(httpChunk(kPing)), MockStep::stall()}
        << kShortFirstToken << false << "" << none << TokenUsage{412, 0, 0, true} << ""
        << kind(FailureKind::Timeout) << 200 << qint64(-1);
    QTest::newRow("slow_first_byte_first_token_timeout")
        << MockScript{MockStep::delay(5000)} << kShortFirstToken << false << "" << none
        << TokenUsage{} << "" << kind(FailureKind::Timeout) << 0 << qint64(-1);
    QTest::newRow("malformed_json")
        << streamScript({messageStart() + namedEvent("content_block_start", "{not json")})
        << kTestTimeouts << false << "" << none << kEstimatedOutput << ""
        << kind(FailureKind::Protocol) << 200 << qint64(-1);
    QTest::newRow("malformed_tool_input")
        << streamScript({messageStart() + toolBlock(0, "toolu_x", "get_weather", {R"({\"ci)"})})
        << kTestTimeouts << false << "" << none << kEstimatedOutput << ""
        << kind(FailureKind::Protocol) << 200 << qint64(-1);
    QTest::newRow("truncated_without_message_stop")
        << streamScript({messageStart() + textBlock(0, {"Almost done"}) +
                         messageDelta("end_turn", R"({"output_tokens":3})")},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Almost done" << none << usage(412, 0, 3) << "end_turn"
        << kind(FailureKind::Truncated) << 200 << qint64(-1);
    QTest::newRow("empty_answer_then_connection_left_open")
        << streamScript(
               {messageStart() + messageDelta("end_turn", R"({"output_tokens":0})") + kStop},
               Framing::Chunked, StreamEnd::Stall)
        << ProviderTimeouts{3000, 150, 150} << false << "" << none << usage(412, 0, 0) << "end_turn"
        << noError << 200 << qint64(-1);
    QTest::newRow("cancel_mid_stream")
        << streamScript({messageStart() + textBlock(0, {"First"}), textBlock(1, {"never"})},
                        Framing::Chunked, StreamEnd::Stall, 100)
        << kTestTimeouts << true << "First" << none << kEstimatedOutput << ""
        << kind(FailureKind::Cancelled) << 200 << qint64(-1);
}

void TestAnthropicProvider::decodesStreamScenario()
{
    QFETCH(MockScript, script);
    QFETCH(ProviderTimeouts, timeouts);
    m_server.enqueue(script);
    AnthropicProvider provider(
        mockSettings(QStringLiteral("anthropic"), m_server.url("v1"), timeouts));
    checkScenario(provider,
                  weatherRequest(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5")));
    const ReceivedRequest &received = m_server.requests().last();
    QCOMPARE(received.target, QByteArray("/v1/messages"));
    QCOMPARE(received.headers.value("anthropic-version"), QByteArray("2023-06-01"));
}

void TestAnthropicProvider::sendsRequestInMessagesDialect_data()
{
    QTest::addColumn<ChatRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    ChatRequest plain;
    plain.model = QStringLiteral("claude-haiku-4-5");
    plain.messages = {{ChatMessage::Role::User, QStringLiteral("Hi"), {}, {}, {}}};
    QTest::newRow("default_max_tokens_no_tools")
        << plain
        << QByteArray(R"({"max_tokens":4096,"messages":[{"content":"Hi","role":"user"}],)"
                      R"("model":"claude-haiku-4-5","stream":true})");

    ChatRequest history =
        weatherRequest(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"));
    history.params.temperature = 0.2;
    history.messages << ChatMessage{ChatMessage::Role::Assistant,
                                    QStringLiteral("Checking."),
                                    {toolCall("toolu_a", "get_weather", R"({"city":"Paris"})"),
                                     toolCall("toolu_b", "get_weather", R"({"city":"Oslo"})")},
                                    {},
                                    {}}
                     << ChatMessage{ChatMessage::Role::Tool,
                                    QStringLiteral("18C"),
                                    {},
                                    QStringLiteral("toolu_a"),
                                    {}}
                     << ChatMessage{ChatMessage::Role::Tool,
                                    QStringLiteral("9C"),
                                    {},
                                    QStringLiteral("toolu_b"),
                                    {}}
                     << ChatMessage{ChatMessage::Role::User, QStringLiteral("Warmer?"), {}, {}, {}};
    QTest::newRow("parallel_tool_results_merged_into_one_user_turn")
        << history
        << QByteArray(
               R"({"max_tokens":512,"messages":[{"content":"Weather in Paris?","role":"user"},)"
               R"({"content":[{"text":"Checking.","type":"text"},{"id":"toolu_a","input":)"
               R"({"city":"Paris"},"name":"get_weather","type":"tool_use"},{"id":"toolu_b",)"
               R"("input":{"city":"Oslo"},"name":"get_weather","type":"tool_use"}],"role":)"
               R"("assistant"},{"content":[{"content":"18C","tool_use_id":"toolu_a","type":)"
               R"("tool_result"},{"content":"9C","tool_use_id":"toolu_b","type":"tool_result"},)"
               R"({"text":"Warmer?","type":"text"}],"role":"user"}],"model":"claude-sonnet-4-5",)"
               R"("stream":true,"system":"Be brief.","temperature":0.2,"tool_choice":{"type":)"
               R"("auto"},"tools":[{"description":"Current weather","input_schema":)"
               R"({"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"},)"
               R"("name":"get_weather"},{"description":"Hand this question to a stronger model. )"
               R"(Call it instead of answering when the question is too hard, high-stakes or )"
               R"(outside your expertise.","input_schema":{"properties":{"question":{"type":)"
               R"("string"},"reason":{"type":"string"}},"required":["reason","question"],"type":)"
               R"("object"},"name":"escalate"}]})");
}

void TestAnthropicProvider::sendsRequestInMessagesDialect()
{
    QFETCH(ChatRequest, request);
    QFETCH(QByteArray, expected);
    m_server.enqueue(streamScript({messageStart() + textBlock(0, {"ok"}) +
                                   messageDelta("end_turn", R"({"output_tokens":1})") + kStop}));
    AnthropicProvider provider(mockSettings(QStringLiteral("anthropic"), m_server.url("v1")));
    CallOutcome out;
    runCall(provider, request, &out);
    QVERIFY(!out.result.error);
    QCOMPARE(
        QJsonDocument::fromJson(m_server.requests().last().body).toJson(QJsonDocument::Compact),
        expected);
}

void TestAnthropicProvider::keyAppearsOnlyInApiKeyHeader()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ladder.providers.debug=true"));
    CapturedLog log;
    m_server.enqueue(plainResponse(
        401, errorBody("authentication_error", "invalid x-api-key " + QByteArray(kPlantedKey))));
    m_server.enqueue(streamScript({cachedTextStream()}));
    AnthropicProvider provider(mockSettings(QStringLiteral("anthropic"), m_server.url("v1")));
    const ChatRequest request =
        weatherRequest(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"));
    CallOutcome failed;
    runCall(provider, request, &failed);
    CallOutcome ok;
    runCall(provider, request, &ok);
    QLoggingCategory::setFilterRules(QString());

    const qsizetype n = m_server.requests().size();
    for (qsizetype i = n - 2; i < n; ++i) {
        const ReceivedRequest &r = m_server.requests().at(i);
        QCOMPARE(r.headers.value("x-api-key"), QByteArray(kPlantedKey));
        QCOMPARE(r.rawHead.count(kPlantedKey), 1);
        QVERIFY(!r.body.contains(kPlantedKey));
    }
    QVERIFY(failed.result.error);
    QCOMPARE(toString(failed.result.error->kind), toString(FailureKind::Auth));
    QVERIFY(!failed.result.error->message.contains(QLatin1StringView(kPlantedKey)));
    QVERIFY(!ok.result.error);
    QVERIFY(!QJsonDocument(request.toJson()).toJson().contains(kPlantedKey));
    QVERIFY(!log.text().isEmpty());
    QVERIFY(!log.text().contains(QLatin1StringView(kPlantedKey)));
}

void TestAnthropicProvider::echoesSignedThinkingInHistory()
{
    const QByteArray thinking =
        namedEvent("content_block_start",
                   R"({"type":"content_block_start","index":0,"content_block":{"type":)"
                   R"("thinking","thinking":"","signature":""}})") +
        namedEvent("content_block_delta",
                   R"({"type":"content_block_delta","index":0,"delta":{"type":)"
                   R"("thinking_delta","thinking":"User wants weather."}})") +
        namedEvent("content_block_delta",
                   R"({"type":"content_block_delta","index":0,"delta":{"type":)"
                   R"("signature_delta","signature":"EqQBCgIYAhIM"}})") +
        namedEvent("content_block_stop", R"({"type":"content_block_stop","index":0})");
    m_server.enqueue(streamScript(
        splitEvery(messageStart() + thinking + textBlock(1, {"Checking."}) +
                       toolBlock(2, "toolu_01", "get_weather", {R"({\"city\":\"Paris\"})"}) +
                       messageDelta("tool_use", R"({"output_tokens":60})") + kStop,
                   40)));
    AnthropicProvider provider(mockSettings(QStringLiteral("anthropic"), m_server.url("v1")));
    ChatRequest request =
        weatherRequest(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"));
    CallOutcome first;
    runCall(provider, request, &first);
    QVERIFY(!first.result.error);
    QCOMPARE(first.result.text, QStringLiteral("Checking.")); // thinking is not answer text
    const QJsonObject providerData =
        first.result.raw.value(QStringLiteral("provider_data")).toObject();
    const QByteArray expectedContent =
        R"([{"signature":"EqQBCgIYAhIM","thinking":"User wants weather.","type":"thinking"},)"
        R"({"text":"Checking.","type":"text"},{"id":"toolu_01","input":{"city":"Paris"},)"
        R"("name":"get_weather","type":"tool_use"}])";
    QCOMPARE(QJsonDocument(providerData.value(QLatin1StringView(kAnthropicContentKey)).toArray())
                 .toJson(QJsonDocument::Compact),
             expectedContent);

    request.messages << ChatMessage{ChatMessage::Role::Assistant,
                                    first.result.text,
                                    first.result.toolCalls,
                                    {},
                                    providerData}
                     << ChatMessage{ChatMessage::Role::Tool,
                                    QStringLiteral("18C"),
                                    {},
                                    QStringLiteral("toolu_01"),
                                    {}};
    m_server.enqueue(streamScript({messageStart() + textBlock(0, {"Mild."}) +
                                   messageDelta("end_turn", R"({"output_tokens":2})") + kStop}));
    CallOutcome second;
    runCall(provider, request, &second);
    QVERIFY(!second.result.error);
    QVERIFY(!second.result.raw.contains(QStringLiteral("provider_data"))); // no thinking
    const QJsonArray messages = QJsonDocument::fromJson(m_server.requests().last().body)
                                    .object()
                                    .value(QStringLiteral("messages"))
                                    .toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(QJsonDocument(messages.at(1).toObject().value(QStringLiteral("content")).toArray())
                 .toJson(QJsonDocument::Compact),
             expectedContent);
}

QTEST_GUILESS_MAIN(TestAnthropicProvider)
#include "tst_anthropic_provider.moc"
