#pragma once

// Shared pieces of the provider tests: a fake key source, a call runner, captured log output,
// the standard request and the scenario table every client is checked against.

#include "mock_http_server.h"

#include "engine/provider.h"
#include "providers/http_provider.h"
#include "providers/key_source.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(ladder::test::MockScript)
Q_DECLARE_METATYPE(ladder::ProviderTimeouts)
Q_DECLARE_METATYPE(ladder::TokenUsage)
Q_DECLARE_METATYPE(ladder::ToolCall)
Q_DECLARE_METATYPE(ladder::ChatRequest)

namespace ladder::test {

inline constexpr auto kPlantedKey = "sk-test-PLANTED-123";

class FakeKeySource final : public KeySource
{
public:
    explicit FakeKeySource(QHash<QString, QString> keys)
        : m_keys(std::move(keys))
    {}
    KeyLookup lookup(const KeyRef &ref) const override
    {
        KeyLookup out;
        out.key = m_keys.value(ref.providerId);
        if (!out.key.isEmpty())
            out.source = QStringLiteral("fake");
        return out;
    }

private:
    QHash<QString, QString> m_keys;
};

inline HttpProviderSettings mockSettings(const QString &id, const QUrl &baseUrl,
                                         const ProviderTimeouts &timeouts = {2000, 2000, 2000})
{
    HttpProviderSettings s;
    s.id = id;
    s.baseUrl = baseUrl;
    s.timeouts = timeouts;
    s.keyRef = {id, {}, {}};
    s.keys = std::make_shared<FakeKeySource>(
        QHash<QString, QString>{{id, QString::fromLatin1(kPlantedKey)}});
    return s;
}

inline ToolSpec weatherTool()
{
    return {QStringLiteral("get_weather"), QStringLiteral("Current weather"),
            QJsonDocument::fromJson(R"({"type":"object","properties":{"city":{"type":"string"}},)"
                                    R"("required":["city"]})")
                .object()};
}

inline ChatRequest weatherRequest(const QString &provider, const QString &model)
{
    ChatRequest r;
    r.provider = provider;
    r.model = model;
    r.messages = {{ChatMessage::Role::System, QStringLiteral("Be brief."), {}, {}, {}},
                  {ChatMessage::Role::User, QStringLiteral("Weather in Paris?"), {}, {}, {}}};
    r.tools = {weatherTool(), escalateToolSpec()};
    r.params.maxTokens = 512;
    return r;
}

struct CallOutcome {
    ChatResult result;
    QStringList deltas;
    int finishedCount = 0;
};

// Starts the call, optionally cancels it on its first delta, and waits for finished().
inline void runCall(Provider &provider, const ChatRequest &request, CallOutcome *out,
                    bool cancelOnDelta = false)
{
    QPointer<ProviderCall> call = provider.start(request);
    QVERIFY(call);
    QObject::connect(call, &ProviderCall::delta, call,
                     [call, out, cancelOnDelta](const QString &t) {
                         out->deltas << t;
                         if (cancelOnDelta)
                             call->cancel();
                     });
    QObject::connect(call, &ProviderCall::finished, call, [call, out] {
        out->result = call->result();
        ++out->finishedCount;
    });
    QTRY_VERIFY_WITH_TIMEOUT(out->finishedCount > 0, 15000);
    QTRY_VERIFY(call.isNull()); // the call deletes itself after finished()
    QCOMPARE(out->finishedCount, 1);
}

// Everything qDebug/qWarning/... print while it lives.
class CapturedLog
{
public:
    CapturedLog()
    {
        s_text.clear();
        m_previous = qInstallMessageHandler(handler);
    }
    ~CapturedLog() { qInstallMessageHandler(m_previous); }
    static QString text() { return s_text; }

private:
    static void handler(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        s_text += message + QLatin1Char('\n');
    }
    static inline QString s_text;
    QtMessageHandler m_previous = nullptr;
};

inline QByteArray sse(const QByteArray &data, const QByteArray &event = {})
{
    return (event.isEmpty() ? QByteArray() : "event: " + event + "\n") + "data: " + data + "\n\n";
}

// Scenario table shared by the three clients.
inline void addScenarioColumns()
{
    QTest::addColumn<MockScript>("script");
    QTest::addColumn<ProviderTimeouts>("timeouts");
    QTest::addColumn<bool>("cancelOnDelta");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<ToolCall>>("toolCalls");
    QTest::addColumn<TokenUsage>("usage"); // estimated: only the flag and known input are checked
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<int>("errorKind"); // -1: success
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<qint64>("retryAfterMs");
}

inline const ProviderTimeouts kTestTimeouts{3000, 3000, 3000};
inline const ProviderTimeouts kShortIdle{3000, 3000, 150};
inline const ProviderTimeouts kShortFirstToken{3000, 150, 3000};

inline ToolCall toolCall(const QString &id, const QString &name, const QByteArray &args)
{
    return {id, name, QJsonDocument::fromJson(args).object()};
}

inline void checkScenario(Provider &provider, const ChatRequest &request)
{
    QFETCH(bool, cancelOnDelta);
    QFETCH(QString, text);
    QFETCH(QList<ToolCall>, toolCalls);
    QFETCH(TokenUsage, usage);
    QFETCH(QString, finishReason);
    QFETCH(int, errorKind);
    QFETCH(int, httpStatus);
    QFETCH(qint64, retryAfterMs);

    CallOutcome out;
    runCall(provider, request, &out, cancelOnDelta);
    if (QTest::currentTestFailed())
        return;
    const ChatResult &r = out.result;
    if (errorKind < 0) {
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    } else {
        QVERIFY(r.error);
        QCOMPARE(toString(r.error->kind), toString(FailureKind(errorKind)));
        QCOMPARE(r.error->retryAfterMs, retryAfterMs);
        QVERIFY2(r.error->message.startsWith(provider.id() + QStringLiteral(" (") + request.model),
                 qPrintable(r.error->message));
        if (httpStatus > 0)
            QVERIFY2(r.error->message.contains(QStringLiteral("HTTP %1").arg(httpStatus)) ||
                         errorKind == int(FailureKind::Cancelled),
                     qPrintable(r.error->message));
    }
    QCOMPARE(r.error ? r.error->httpStatus : 200, httpStatus);
    QCOMPARE(r.text, text);
    QCOMPARE(out.deltas.join(QString()), text);
    QCOMPARE(r.toolCalls, toolCalls);
    QCOMPARE(r.finishReason, finishReason);
    QCOMPARE(r.usage.estimated, usage.estimated);
    if (usage.estimated) {
        if (usage.inputTokens > 0)
            QCOMPARE(r.usage.inputTokens, usage.inputTokens);
        QVERIFY(r.usage.inputTokens > 0);
        QVERIFY(r.usage.outputTokens > 0 || (text.isEmpty() && toolCalls.isEmpty()));
    } else {
        QCOMPARE(r.usage, usage);
    }
    if (!text.isEmpty() || !toolCalls.isEmpty())
        QVERIFY(r.ttftMs > 0 && r.ttftMs <= r.latencyMs);
    else if (errorKind < 0)
        QCOMPARE(r.ttftMs, 0.0); // an empty answer has no first token
}

} // namespace ladder::test
