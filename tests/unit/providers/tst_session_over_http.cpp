// The engine's Session driving the real HTTP clients against a scripted server: the example
// escalation ladder falls back from an unavailable Gemini model to OpenAI, whose escalate tool
// call re-answers the turn on the strong tier.

#include "provider_test_support.h"

#include "core/ladder_json.h"
#include "engine/session.h"
#include "providers/provider_config.h"

#include <QJsonArray>

using namespace ladder;
using namespace ladder::test;

class TestSessionOverHttp : public QObject
{
    Q_OBJECT

private slots:
    void fallsBackThenEscalatesOverHttp();
};

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

QTEST_GUILESS_MAIN(TestSessionOverHttp)
#include "tst_session_over_http.moc"
