// The engine's Session driving the real HTTP clients against a scripted server: the example
// escalation ladder falls back from an unavailable Gemini model to OpenAI, whose escalate tool
// call re-answers the turn on the strong tier.

#include "provider_test_support.h"

#include "core/ladder_json.h"
#include "engine/session.h"
#include "providers/provider_config.h"

#include "store/audit_store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace ladder;
using namespace ladder::test;

class TestSessionOverHttp : public QObject
{
    Q_OBJECT

private slots:
    void fallsBackThenEscalatesOverHttp();
    void realProvidersWaitWhatTheServerAsks_data();
    void realProvidersWaitWhatTheServerAsks();
    void deadlineWalksTheFallbackChain();
};

namespace {

const QByteArray kAnswer =
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fine.\"},"
    "\"finish_reason\":\"stop\"}]}\n\n"
    "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":2}}\n\n"
    "data: [DONE]\n\n";

// escalation-tool with its cheap tier on the user's own server ("my-vllm", a model without a
// price), falling back to OpenAI's gpt-5.4-mini; both served by `server`.
struct OwnServerRun {
    explicit OwnServerRun(MockHttpServer &server,
                          const ProviderTimeouts &ownTimeouts = {3000, 3000, 3000})
    {
        ladder = loadLadderFile(
                     QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/escalation-tool.json"))
                     .ladder;
        ladder.tiers[0].provider = QStringLiteral("my-vllm");
        ladder.tiers[0].model = QStringLiteral("my-model");
        ProviderConfigEntry own{QStringLiteral("my-vllm"), QStringLiteral("openai"),
                                server.url(QStringLiteral("v1"))};
        own.timeouts = ownTimeouts;
        ProviderConfigEntry openai{QStringLiteral("openai"), QStringLiteral("openai"),
                                   server.url(QStringLiteral("v1"))};
        openai.timeouts = {3000, 3000, 3000};
        config.providers << own << openai;
        pricing = config.pricing();
        registry = std::make_unique<ConfiguredProviderRegistry>(
            config, std::make_shared<FakeKeySource>(QHash<QString, QString>{}));
    }
    Ladder ladder;
    ProviderConfig config;
    PricingTable pricing;
    std::unique_ptr<ConfiguredProviderRegistry> registry;
};

} // namespace

void TestSessionOverHttp::fallsBackThenEscalatesOverHttp()
{
    MockHttpServer server;
    QVERIFY(server.listen());
    // 1. cheap tier, gemini-3-flash-preview: overloaded.
    server.enqueue(plainResponse(
        503, R"({"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}})"));
    // 2. its fallback, OpenAI gpt-5.4-mini: calls escalate.
    server.enqueue(streamScript(
        {"data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":"
         "\"call_e\",\"type\":\"function\",\"function\":{\"name\":\"escalate\",\"arguments\":"
         "\"{\\\"reason\\\":\\\"legal\\\",\\\"question\\\":\\\"Can I break my lease?\\\"}\"}}]},"
         "\"finish_reason\":\"tool_calls\"}]}\n\n",
         "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":12}}\n\n"
         "data: [DONE]\n\n"}));
    // 3. strong tier, gemini-3.1-pro-preview: the answer.
    server.enqueue(streamScript(
        {"data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
         "\"Usually, with notice.\"}]},\"finishReason\":\"STOP\",\"index\":0}],"
         "\"usageMetadata\":{\"promptTokenCount\":120,\"candidatesTokenCount\":6}}\r\n\r\n"},
        Framing::CloseDelimited));

    const ParseResult parsed =
        loadLadderFile(QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/escalation-tool.json"));
    QVERIFY(parsed.ok());
    ProviderConfig config;
    const auto entry = [&](const QString &id, const QString &path) {
        ProviderConfigEntry e{id, id, server.url(path)};
        e.timeouts = {3000, 3000, 3000};
        return e;
    };
    config.providers << entry(QStringLiteral("gemini"), QStringLiteral("v1beta"))
                     << entry(QStringLiteral("openai"), QStringLiteral("v1"))
                     << entry(QStringLiteral("anthropic"), QStringLiteral("v1"));
    const ConfiguredProviderRegistry registry(
        config, std::make_shared<FakeKeySource>(
                    QHash<QString, QString>{{QStringLiteral("gemini"), QStringLiteral("g-key")},
                                            {QStringLiteral("openai"), QStringLiteral("o-key")}}));
    SessionOptions options;
    options.retry.maxRetriesPerModel = 0;
    options.retry.delayScale = 0;
    Session session(parsed.ladder, &registry, options);
    QStringList events;
    connect(&session, &Session::event, this,
            [&events](const Event &e) { events << Event::typeName(e.type); });
    QSignalSpy finished(&session, &Session::turnFinished);
    QVERIFY(session.submit(QStringLiteral("Can I break my lease?")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY2(events.contains(QStringLiteral("fallback")), qPrintable(events.join(u',')));
    QVERIFY2(events.contains(QStringLiteral("escalated")), qPrintable(events.join(u',')));
    QCOMPARE(session.turns().size(), 1);
    QCOMPARE(session.turns().first().answer, QStringLiteral("Usually, with notice."));
    QCOMPARE(session.turns().first().tierId, QStringLiteral("strong"));

    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().at(0).target,
             QByteArray("/v1beta/models/gemini-3-flash-preview:streamGenerateContent?alt=sse"));
    QCOMPARE(server.requests().at(0).headers.value("x-goog-api-key"), QByteArray("g-key"));
    QCOMPARE(server.requests().at(1).target, QByteArray("/v1/chat/completions"));
    QCOMPARE(server.requests().at(1).headers.value("authorization"), QByteArray("Bearer o-key"));
    const QJsonArray tools = QJsonDocument::fromJson(server.requests().at(1).body)
                                 .object()
                                 .value(QStringLiteral("tools"))
                                 .toArray();
    QCOMPARE(tools.size(), 1);
    QCOMPARE(tools.first()
                 .toObject()
                 .value(QStringLiteral("function"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("escalate"));
    QCOMPARE(server.requests().at(2).target,
             QByteArray("/v1beta/models/gemini-3.1-pro-preview:streamGenerateContent?alt=sse"));
}

// --time-scale 0 (delayScale) speeds up the simulated provider only: a real server is waited for
// as long as it asked, and the recorded delay_ms is what was waited. The audit keeps each call's
// HTTP status (200 for the answer, not 0) and, for a model without a price, "cost unknown".
void TestSessionOverHttp::realProvidersWaitWhatTheServerAsks_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfterMs"); // empty: the backoff decides
    QTest::addColumn<QString>("error");
    QTest::newRow("429 retry-after-ms 400") << 429 << QByteArray("400") << "rate_limited";
    QTest::newRow("503, backoff") << 503 << QByteArray() << "unavailable";
}

void TestSessionOverHttp::realProvidersWaitWhatTheServerAsks()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(QString, error);
    MockHttpServer server;
    QVERIFY(server.listen());
    HeaderList headers;
    if (!retryAfterMs.isEmpty())
        headers << qMakePair(QByteArray("retry-after-ms"), retryAfterMs);
    server.enqueue(plainResponse(status, R"({"error":{"message":"busy","type":"x"}})", headers));
    server.enqueue(streamScript({kAnswer}));
    OwnServerRun run(server);

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("audit.sqlite"));
    AuditStore audit;
    QVERIFY(audit.open(db));
    SessionOptions options;
    options.retry.maxRetriesPerModel = 1;
    options.retry.delayScale = 0; // what `ladder chat` without a terminal sets
    options.audit = &audit;
    options.pricing = &run.pricing;
    Session session(run.ladder, run.registry.get(), options);
    QList<Event> events;
    connect(&session, &Session::event, this, [&events](const Event &e) { events << e; });
    QSignalSpy finished(&session, &Session::turnFinished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(session.submit(QStringLiteral("What is 2 + 2?")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(server.requests().size(), 2);

    QJsonObject retry;
    QJsonObject completed;
    for (const Event &e : std::as_const(events)) {
        if (e.type == Event::Type::Fallback)
            retry = e.data;
        if (e.type == Event::Type::TurnCompleted)
            completed = e.data;
    }
    QCOMPARE(retry.value(QStringLiteral("error")).toString(), error);
    QCOMPARE(retry.value(QStringLiteral("retry")).toInt(), 1);
    const double delay = retry.value(QStringLiteral("delay_ms")).toDouble();
    if (!retryAfterMs.isEmpty())
        QCOMPARE(delay, retryAfterMs.toDouble());
    QVERIFY(delay >= 300);
    QVERIFY2(elapsed >= qint64(delay),
             qPrintable(QStringLiteral("waited %1 ms of %2").arg(elapsed).arg(delay)));
    // my-model has no price: the turn's cost is unknown, not $0.
    QVERIFY(completed.value(QStringLiteral("cost_usd")).isNull());
    QCOMPARE(completed.value(QStringLiteral("cost_known")).toBool(true), false);

    QVERIFY(audit.sync());
    audit.close();
    AuditReader reader;
    QVERIFY(reader.open(db));
    const QList<StoredCall> calls = reader.calls(session.sessionId());
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].status, error);
    QCOMPARE(calls[0].result.httpStatus, status);
    QCOMPARE(calls[1].status, QStringLiteral("ok"));
    QCOMPARE(calls[1].result.httpStatus, 200);
    QCOMPARE(calls[1].costKnown, false);
    QCOMPARE(AuditReader::callToJson(calls[1]).value(QStringLiteral("cost_usd")).isNull(), true);
    QCOMPARE(reader.totals(session.sessionId()).costKnown, false);
}

// A server that streams tokens past the per-call deadline ends in a typed timeout, and the
// turn walks the fallback chain to the next model.
void TestSessionOverHttp::deadlineWalksTheFallbackChain()
{
    MockHttpServer server;
    QVERIFY(server.listen());
    QList<QByteArray> endless;
    for (int i = 0; i < 80; ++i)
        endless << "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"la \"},"
                   "\"finish_reason\":null}]}\n\n";
    server.enqueue(streamScript(endless, Framing::Chunked, StreamEnd::Finish, 25));
    server.enqueue(streamScript({kAnswer}));
    OwnServerRun run(server, {3000, 3000, 3000, 300});
    SessionOptions options;
    options.retry.maxRetriesPerModel = 0;
    options.pricing = &run.pricing;
    Session session(run.ladder, run.registry.get(), options);
    QList<Event> events;
    connect(&session, &Session::event, this, [&events](const Event &e) { events << e; });
    QSignalSpy finished(&session, &Session::turnFinished);
    QVERIFY(session.submit(QStringLiteral("Sing.")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QJsonObject fallback;
    for (const Event &e : std::as_const(events))
        if (e.type == Event::Type::Fallback)
            fallback = e.data;
    QCOMPARE(fallback.value(QStringLiteral("error")).toString(), QStringLiteral("timeout"));
    QVERIFY2(fallback.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("timeouts.total_ms")),
             qPrintable(fallback.value(QStringLiteral("message")).toString()));
    QCOMPARE(fallback.value(QStringLiteral("to_model")).toString(), QStringLiteral("gpt-5.4-mini"));
    QCOMPARE(session.turns().first().model, QStringLiteral("gpt-5.4-mini"));
    QCOMPARE(session.turns().first().answer, QStringLiteral("Fine."));
}

QTEST_GUILESS_MAIN(TestSessionOverHttp)
#include "tst_session_over_http.moc"
