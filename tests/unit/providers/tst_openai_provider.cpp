// The OpenAI-compatible client against a scripted server: streams, tool calls, usage, typed
// errors, timeouts, cancel, the exact request body and where the key may appear.

#include "provider_test_support.h"

#include "providers/openai_provider.h"

#include <QJsonArray>

using namespace ladder;
using namespace ladder::test;

// Declared first: moc's tokenizer loses its way in the raw JSON literals below.
class TestOpenAiProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void decodesStreamScenario_data();
    void decodesStreamScenario();
    // The same table through QNetworkAccessManager ("http_client": "qnam").
    void decodesStreamScenarioOverQnam_data() { decodesStreamScenario_data(); }
    void decodesStreamScenarioOverQnam();
    void sendsRequestInChatCompletionsDialect_data();
    void sendsRequestInChatCompletionsDialect();
    void keyAppearsOnlyInAuthorizationHeader();
    void omitsAuthorizationWithoutKey();
    void reportsNetworkErrorWhenConnectionRefused();
    void timesOutWhenRequestCannotBeSent();

private:
    MockHttpServer m_server;
};

namespace {

const QByteArray kChunkHead =
    R"({"id":"c1","object":"chat.completion.chunk","created":1760000000,"model":"gpt-5.4-mini",)";

QByteArray chunk(const QByteArray &delta, const QByteArray &finish = "null")
{
    return sse(kChunkHead + R"("choices":[{"index":0,"delta":)" + delta + R"(,"finish_reason":)" +
               finish + R"(}],"usage":null})");
}

QByteArray usageChunk(int prompt, int cached, int completion)
{
    return sse(
        kChunkHead + R"("choices":[],"usage":{"prompt_tokens":)" + QByteArray::number(prompt) +
        R"(,"completion_tokens":)" + QByteArray::number(completion) + R"(,"total_tokens":)" +
        QByteArray::number(prompt + completion) + R"(,"prompt_tokens_details":{"cached_tokens":)" +
        QByteArray::number(cached) + R"(},"completion_tokens_details":{"reasoning_tokens":0}}})");
}

const QByteArray kDone = "data: [DONE]\n\n";

// The reference stream of providers.md section 1, byte for byte.
QByteArray referenceToolStream()
{
    return chunk(R"({"role":"assistant","content":"Checking."})") +
           chunk(R"({"tool_calls":[{"index":0,"id":"call_1","type":"function","function":)"
                 R"({"name":"get_weather","arguments":""}}]})") +
           chunk(
               R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]})") +
           chunk("{}", R"("tool_calls")") + usageChunk(61, 0, 18) + kDone;
}

QByteArray textStream()
{
    return chunk(R"({"role":"assistant","content":""})") + chunk(R"({"content":"Hello"})") +
           ": keep-alive comment\n\n" + chunk(R"({"content":" wörld 🌧"})") +
           chunk("{}", R"("stop")") + usageChunk(20, 8, 5) + kDone;
}

QByteArray parallelToolStream()
{
    return chunk(R"({"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a",)"
                 R"("type":"function","function":{"name":"get_weather","arguments":""}}]})") +
           chunk(R"({"tool_calls":[{"index":1,"id":"call_b","type":"function","function":)"
                 R"({"name":"escalate","arguments":""}}]})") +
           chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]})") +
           chunk(R"({"tool_calls":[{"index":1,"function":{"arguments":)"
                 R"("{\"reason\":\"legal\","}}]})") +
           chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"}}]})") +
           chunk(
               R"({"tool_calls":[{"index":1,"function":{"arguments":"\"question\":\"Q?\"}"}}]})") +
           chunk("{}", R"("tool_calls")") + usageChunk(70, 64, 30) + kDone;
}

QByteArray toCrlf(QByteArray s)
{
    return s.replace("\n", "\r\n");
}

TokenUsage usage(qint64 in, qint64 cached, qint64 out)
{
    return {in, cached, out, false};
}

const TokenUsage kEstimated{0, 0, 0, true};
const QByteArray kError429 =
    R"({"error":{"message":"Rate limit reached for gpt-5.4-mini","type":"requests",)"
    R"("param":null,"code":"rate_limit_exceeded"}})";

} // namespace

void TestOpenAiProvider::decodesStreamScenario_data()
{
    addScenarioColumns();
    const QList<ToolCall> none;
    const QList<ToolCall> weather{toolCall("call_1", "get_weather", R"({"city":"Paris"})")};
    const QList<ToolCall> parallel{
        toolCall("call_a", "get_weather", R"({"city":"Oslo"})"),
        toolCall("call_b", "escalate", R"({"reason":"legal","question":"Q?"})")};
    const auto ok = [](const MockScript &s) {
        return s;
    };
    const int noError = -1;
    const auto kind = [](FailureKind k) {
        return int(k);
    };

    QTest::newRow("text_stream") << ok(streamScript({textStream()})) << kTestTimeouts << false
                                 << "Hello wörld 🌧" << none << usage(20, 8, 5) << "stop"
                                 << noError << 200 << qint64(-1);
    QTest::newRow("text_split_every_byte")
        << streamScript(splitEvery(textStream(), 1), Framing::Chunked, StreamEnd::Finish, 0)
        << kTestTimeouts << false << "Hello wörld 🌧" << none << usage(20, 8, 5) << "stop"
        << noError << 200 << qint64(-1);
    QTest::newRow("timeouts_disabled")
        << streamScript(splitEvery(textStream(), 40)) << ProviderTimeouts{0, 0, 0} << false
        << "Hello wörld 🌧" << none << usage(20, 8, 5) << "stop" << noError << 200 << qint64(-1);
    QTest::newRow("tool_call_split_across_chunks")
        << streamScript(splitEvery(referenceToolStream(), 7)) << kTestTimeouts << false
        << "Checking." << weather << usage(61, 0, 18) << "tool_calls" << noError << 200
        << qint64(-1);
    QTest::newRow("parallel_tool_calls")
        << streamScript(splitEvery(parallelToolStream(), 50)) << kTestTimeouts << false << ""
        << parallel << usage(70, 64, 30) << "tool_calls" << noError << 200 << qint64(-1);
    QTest::newRow("events_packed_in_one_write_crlf")
        << streamScript({toCrlf(referenceToolStream())}, Framing::CloseDelimited) << kTestTimeouts
        << false << "Checking." << weather << usage(61, 0, 18) << "tool_calls" << noError << 200
        << qint64(-1);
    QTest::newRow("done_without_connection_close")
        << streamScript({textStream()}, Framing::Chunked, StreamEnd::Stall) << kShortIdle << false
        << "Hello wörld 🌧" << none << usage(20, 8, 5) << "stop" << noError << 200 << qint64(-1);
    QTest::newRow("refusal_delta_is_answer_text")
        << streamScript({chunk(R"({"role":"assistant","content":null,"refusal":"I can't )"
                               R"(help with that."})") +
                         chunk("{}", R"("stop")") + usageChunk(20, 0, 7) + kDone})
        << kTestTimeouts << false << "I can't help with that." << none << usage(20, 0, 7) << "stop"
        << noError << 200 << qint64(-1);
    QTest::newRow("mid_stream_error_event")
        << streamScript({chunk(R"({"content":"Hel"})"),
                         sse(R"({"error":{"message":"The server had an error while processing )"
                             R"(your request","type":"server_error","code":null}})")})
        << kTestTimeouts << false << "Hel" << none << kEstimated << ""
        << kind(FailureKind::Unavailable) << 200 << qint64(-1);
    QTest::newRow("rate_limited_retry_after_seconds")
        << plainResponse(429, kError429, {{"retry-after", "7"}}) << kTestTimeouts << false << ""
        << none << TokenUsage{} << "" << kind(FailureKind::RateLimited) << 429 << qint64(7000);
    QTest::newRow("rate_limited_retry_after_ms_preferred")
        << plainResponse(429, kError429, {{"retry-after", "2"}, {"retry-after-ms", "1500"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(1500);
    QTest::newRow("rate_limited_retry_after_past_http_date")
        << plainResponse(429, kError429, {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::RateLimited) << 429 << qint64(0);
    QTest::newRow("insufficient_quota")
        << plainResponse(429, R"({"error":{"message":"You exceeded your current quota",)"
                              R"("type":"insufficient_quota","param":null,)"
                              R"("code":"insufficient_quota"}})")
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::QuotaExhausted) << 429 << qint64(-1);
    QTest::newRow("should_retry_false_on_429")
        << plainResponse(429, kError429, {{"x-should-retry", "false"}}) << kTestTimeouts << false
        << "" << none << TokenUsage{} << "" << kind(FailureKind::QuotaExhausted) << 429
        << qint64(-1);
    QTest::newRow("unavailable_503")
        << plainResponse(503,
                         R"({"error":{"message":"The server is overloaded",)"
                         R"("type":"service_unavailable_error","code":"server_is_overloaded"}})")
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::Unavailable) << 503 << qint64(-1);
    QTest::newRow("auth_401") << plainResponse(
                                     401,
                                     R"({"error":{"message":"Incorrect API key provided",)"
                                     R"("type":"invalid_request_error","code":"invalid_api_key"}})")
                              << kTestTimeouts << false << "" << none << TokenUsage{} << ""
                              << kind(FailureKind::Auth) << 401 << qint64(-1);
    QTest::newRow("model_not_found_404")
        << plainResponse(404, R"({"error":{"message":"The model does not exist",)"
                              R"("type":"invalid_request_error","code":"model_not_found"}})")
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::BadRequest) << 404 << qint64(-1);
    QTest::newRow("redirect_not_followed")
        << plainResponse(307, "", {{"Location", "http://127.0.0.1:9/steal-the-key"}})
        << kTestTimeouts << false << "" << none << TokenUsage{} << "" << kind(FailureKind::Protocol)
        << 307 << qint64(-1);
    QTest::newRow("connection_reset_mid_stream")
        << streamScript({chunk(R"({"content":"Partial"})")}, Framing::Chunked, StreamEnd::Reset)
        << kTestTimeouts << false << "Partial" << none << kEstimated << ""
        << kind(FailureKind::Network) << 200 << qint64(-1);
    QTest::newRow("stalled_stream_idle_timeout")
        << streamScript({chunk(R"({"content":"Stuck"})")}, Framing::Chunked, StreamEnd::Stall)
        << kShortIdle << false << "Stuck" << none << kEstimated << "" << kind(FailureKind::Timeout)
        << 200 << qint64(-1);
    QTest::newRow("slow_first_byte_first_token_timeout")
        << MockScript{MockStep::delay(5000), MockStep::write(streamHead(200, Framing::Chunked))}
        << kShortFirstToken << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::Timeout) << 0 << qint64(-1);
    QTest::newRow("malformed_json")
        << streamScript({chunk(R"({"content":"A"})"), sse(R"({"id":"c1","choices":[{)")})
        << kTestTimeouts << false << "A" << none << kEstimated << "" << kind(FailureKind::Protocol)
        << 200 << qint64(-1);
    QTest::newRow("truncated_without_done")
        << streamScript({chunk(R"({"content":"Almost"})"), chunk("{}", R"("stop")")},
                        Framing::CloseDelimited)
        << kTestTimeouts << false << "Almost" << none << kEstimated << "stop"
        << kind(FailureKind::Truncated) << 200 << qint64(-1);
    QTest::newRow("json_error_instead_of_stream")
        << plainResponse(200, R"({"error":{"message":"stream not supported","type":)"
                              R"("invalid_request_error"}})")
        << kTestTimeouts << false << "" << none << TokenUsage{} << ""
        << kind(FailureKind::BadRequest) << 200 << qint64(-1);
    QTest::newRow("html_instead_of_stream")
        << plainResponse(200, "<html>captive portal</html>", {}, "text/html") << kTestTimeouts
        << false << "" << none << TokenUsage{} << "" << kind(FailureKind::Protocol) << 200
        << qint64(-1);
    QTest::newRow("cancel_mid_stream")
        << streamScript({chunk(R"({"content":"First"})"), chunk(R"({"content":" never"})")},
                        Framing::Chunked, StreamEnd::Stall, 100)
        << kTestTimeouts << true << "First" << none << kEstimated << ""
        << kind(FailureKind::Cancelled) << 200 << qint64(-1);
}

void TestOpenAiProvider::decodesStreamScenario()
{
    QFETCH(MockScript, script);
    QFETCH(ProviderTimeouts, timeouts);
    m_server.enqueue(script);
    OpenAiProvider provider(mockSettings(QStringLiteral("openai"), m_server.url("v1"), timeouts));
    checkScenario(provider,
                  weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4-mini")));
    QCOMPARE(m_server.requests().last().target, QByteArray("/v1/chat/completions"));
}

void TestOpenAiProvider::decodesStreamScenarioOverQnam()
{
    QFETCH(MockScript, script);
    QFETCH(ProviderTimeouts, timeouts);
    m_server.enqueue(script);
    HttpProviderSettings settings =
        mockSettings(QStringLiteral("openai"), m_server.url("v1"), timeouts);
    settings.client = HttpClientKind::Qnam;
    OpenAiProvider provider(settings);
    checkScenario(provider,
                  weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4-mini")));
}

void TestOpenAiProvider::sendsRequestInChatCompletionsDialect_data()
{
    QTest::addColumn<ChatRequest>("request");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<QByteArray>("expected");

    ChatRequest plain;
    plain.model = QStringLiteral("llama3.2");
    plain.messages = {{ChatMessage::Role::User, QStringLiteral("Hi"), {}, {}, {}}};
    plain.params.maxTokens = 64;
    QTest::newRow("plain_chat_local_server")
        << plain << QJsonObject{{"max_tokens_field", "max_tokens"}}
        << QByteArray(
               R"({"max_tokens":64,"messages":[{"content":"Hi","role":"user"}],"model":"llama3.2",)"
               R"("stream":true,"stream_options":{"include_usage":true}})");

    ChatRequest history = weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4"));
    history.params.temperature = 0.5;
    history.messages << ChatMessage{ChatMessage::Role::Assistant,
                                    QString(),
                                    {toolCall("call_1", "get_weather", R"({"city":"Paris"})")},
                                    {},
                                    {}}
                     << ChatMessage{ChatMessage::Role::Tool,
                                    QStringLiteral("18C, rain"),
                                    {},
                                    QStringLiteral("call_1"),
                                    {}}
                     << ChatMessage{ChatMessage::Role::User, QStringLiteral("Thanks"), {}, {}, {}};
    const QByteArray tools =
        R"("tool_choice":"auto","tools":[{"function":{"description":"Current weather","name":)"
        R"("get_weather","parameters":{"properties":{"city":{"type":"string"}},"required":)"
        R"(["city"],"type":"object"}},"type":"function"},{"function":{"description":"Hand this )"
        R"(question to a stronger model. Call it instead of answering when the question is too )"
        R"(hard, high-stakes or outside your expertise.","name":"escalate","parameters":)"
        R"({"properties":{"question":{"type":"string"},"reason":{"type":"string"}},"required":)"
        R"(["reason","question"],"type":"object"}},"type":"function"}])";
    QTest::newRow("tool_history_developer_role")
        << history << QJsonObject{{"system_role", "developer"}}
        << QByteArray(R"({"max_completion_tokens":512,"messages":[{"content":"Be brief.","role":)"
                      R"("developer"},{"content":"Weather in Paris?","role":"user"},{"content":)"
                      R"(null,"role":"assistant","tool_calls":[{"function":{"arguments":)"
                      R"("{\"city\":\"Paris\"}","name":"get_weather"},"id":"call_1","type":)"
                      R"("function"}]},{"content":"18C, rain","role":"tool","tool_call_id":)"
                      R"("call_1"},{"content":"Thanks","role":"user"}],"model":"gpt-5.4",)"
                      R"("stream":true,"stream_options":{"include_usage":true},"temperature":)"
                      R"(0.5,)" +
                      tools + "}");
}

void TestOpenAiProvider::sendsRequestInChatCompletionsDialect()
{
    QFETCH(ChatRequest, request);
    QFETCH(QJsonObject, options);
    QFETCH(QByteArray, expected);
    m_server.enqueue(streamScript({chunk(R"({"content":"ok"})", R"("stop")") + kDone}));
    HttpProviderSettings settings = mockSettings(QStringLiteral("openai"), m_server.url("v1"));
    settings.options = options;
    OpenAiProvider provider(settings);
    CallOutcome out;
    runCall(provider, request, &out);
    QVERIFY(!out.result.error);
    const ReceivedRequest &received = m_server.requests().last();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(received.body).toJson(QJsonDocument::Compact), expected);
}

void TestOpenAiProvider::keyAppearsOnlyInAuthorizationHeader()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ladder.providers.debug=true"));
    CapturedLog log;
    const QByteArray echo = R"({"error":{"message":"Incorrect API key provided: )" +
                            QByteArray(kPlantedKey) + R"(","type":"invalid_request_error"}})";
    m_server.enqueue(plainResponse(401, echo));
    m_server.enqueue(streamScript({textStream()}));
    OpenAiProvider provider(mockSettings(QStringLiteral("openai"), m_server.url("v1")));
    const ChatRequest request =
        weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4-mini"));
    CallOutcome failed;
    runCall(provider, request, &failed);
    CallOutcome ok;
    runCall(provider, request, &ok);
    QLoggingCategory::setFilterRules(QString());

    const QString key = QString::fromLatin1(kPlantedKey);
    const qsizetype n = m_server.requests().size();
    for (qsizetype i = n - 2; i < n; ++i) {
        const ReceivedRequest &r = m_server.requests().at(i);
        QCOMPARE(r.headers.value("authorization"), "Bearer " + QByteArray(kPlantedKey));
        QCOMPARE(r.rawHead.count(kPlantedKey), 1);
        QVERIFY(!r.body.contains(kPlantedKey));
    }
    QVERIFY(failed.result.error);
    QCOMPARE(toString(failed.result.error->kind), toString(FailureKind::Auth));
    QVERIFY(failed.result.error->message.contains(QStringLiteral("[redacted]")));
    QVERIFY(!failed.result.error->message.contains(key));
    QVERIFY(!ok.result.error);
    for (const ChatResult *r : {&failed.result, &ok.result})
        QVERIFY(!QJsonDocument(r->raw).toJson().contains(kPlantedKey));
    QVERIFY(!QJsonDocument(request.toJson()).toJson().contains(kPlantedKey));
    QVERIFY(!log.text().isEmpty()); // the debug category did print
    QVERIFY2(!log.text().contains(key), qPrintable(log.text()));
}

void TestOpenAiProvider::omitsAuthorizationWithoutKey()
{
    m_server.enqueue(streamScript({textStream()}));
    HttpProviderSettings settings = mockSettings(QStringLiteral("ollama"), m_server.url("v1/"));
    settings.keys.reset();
    OpenAiProvider provider(settings);
    CallOutcome out;
    runCall(provider, weatherRequest(QStringLiteral("ollama"), QStringLiteral("llama3.2")), &out);
    QVERIFY(!out.result.error);
    QVERIFY(!m_server.requests().last().headers.contains("authorization"));
    QCOMPARE(m_server.requests().last().target, QByteArray("/v1/chat/completions"));
}

void TestOpenAiProvider::reportsNetworkErrorWhenConnectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens on the port any more
    OpenAiProvider provider(mockSettings(QStringLiteral("openai"),
                                         QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port))));
    CallOutcome out;
    runCall(provider, weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4")), &out);
    QVERIFY(out.result.error);
    QCOMPARE(toString(out.result.error->kind), toString(FailureKind::Network));
    QCOMPARE(out.result.error->httpStatus, 0);
    QVERIFY(out.result.error->retryable());
    QCOMPARE(out.result.usage, TokenUsage{}); // nothing was billed
}

void TestOpenAiProvider::timesOutWhenRequestCannotBeSent()
{
    // A server whose accept queue is full: the kernel drops further SYNs, so the client's TCP
    // connect hangs and the connect timeout fires. (Qt buffers a request body in user space, so a
    // server that merely never reads lets the upload look finished; only a hung connect is sure.)
    QTcpServer deaf;
    deaf.setListenBacklogSize(0);
    QVERIFY(deaf.listen(QHostAddress::LocalHost, 0));
    deaf.pauseAccepting(); // nothing is taken off the queue
    QTcpSocket filler;
    filler.connectToHost(QHostAddress::LocalHost, deaf.serverPort());
    QVERIFY(filler.waitForConnected(2000));
    const ProviderTimeouts timeouts{300, 3000, 3000};
    OpenAiProvider provider(mockSettings(
        QStringLiteral("openai"),
        QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(deaf.serverPort())), timeouts));
    CallOutcome out;
    runCall(provider, weatherRequest(QStringLiteral("openai"), QStringLiteral("gpt-5.4")), &out);
    QVERIFY(out.result.error);
    QCOMPARE(toString(out.result.error->kind), toString(FailureKind::Timeout));
    QVERIFY2(out.result.error->message.contains(QStringLiteral("no connection after 300 ms")),
             qPrintable(out.result.error->message));
}

QTEST_GUILESS_MAIN(TestOpenAiProvider)
#include "tst_openai_provider.moc"
