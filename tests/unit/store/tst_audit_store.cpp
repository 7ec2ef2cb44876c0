// The audit log: events and calls round trip, batching, filters, JSONL export, totals,
// redaction of planted keys, sessions and preferences, two connections on one file.

#include "store/audit_store.h"
#include "store/chat_json.h"
#include "store_test_util.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(ladder::CallRecord)
Q_DECLARE_METATYPE(ladder::CallFilter)

using namespace ladder;
using namespace ladder::test;

namespace {

CallRecord makeCall(const QString &session, int turn, int attempt, const QString &tier,
                    const QString &model)
{
    CallRecord c;
    c.sessionId = session;
    c.turn = turn;
    c.attempt = attempt;
    c.tierId = tier;
    c.provider = QStringLiteral("simulated");
    c.model = model;
    c.request = sampleRequest();
    c.request.model = model;
    c.result = sampleResult();
    c.costUsd = 0.001 * turn;
    c.startedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + turn, Qt::UTC);
    return c;
}

} // namespace

class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void eventsRoundTripInOrder_data();
    void eventsRoundTripInOrder();
    void dropsDeltaEventsUnlessAsked();
    void callsRoundTripWithAllFields_data();
    void callsRoundTripWithAllFields();
    void writesNothingUntilFlush();
    void resumedSessionContinuesEventSequence();
    void eventWithoutBeginSessionCreatesTheSession();
    void filtersCalls_data();
    void filtersCalls();
    void exportsOneParsableJsonLinePerCall();
    void totalsSumCostTokensAndCountEscalations();
    void redactsPlantedKeys_data();
    void redactsPlantedKeys();
    void listsSessionsNewestFirstWithTitles();
    void deletesASessionWithItsRows();
    void preferencesRoundTrip();
    void twoStoresShareOneFile();
    void twoStoresInterleaveEventsOfOneSession();
    void autoFlushesLargeBatches();
    void turnsFlushedFasterThanWrittenAllLandInOrder_data();
    void turnsFlushedFasterThanWrittenAllLandInOrder();
    void reportsDamagedRowsAndReadsTheRest_data();
    void reportsDamagedRowsAndReadsTheRest();
    void failedWritesNameTheTurnsNotRecorded_data();
    void failedWritesNameTheTurnsNotRecorded();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<AuditStore> m_store;
    std::unique_ptr<AuditReader> m_reader;
    int m_fileCounter = 0;
};

void TestAuditStore::init()
{
    m_path = m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_fileCounter));
    m_store = std::make_unique<AuditStore>();
    QString error;
    QVERIFY2(m_store->open(m_path, &error), qPrintable(error));
    m_reader = std::make_unique<AuditReader>();
    QVERIFY2(m_reader->open(m_path, &error), qPrintable(error));
}

void TestAuditStore::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

void TestAuditStore::eventsRoundTripInOrder_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QJsonObject>("data");
    QTest::newRow("turn_started") << int(Event::Type::TurnStarted)
                                  << QJsonObject{{QStringLiteral("user_text"), "hi"}};
    QTest::newRow("tier_active") << int(Event::Type::TierActive)
                                 << QJsonObject{{QStringLiteral("tier"), "strong"}};
    QTest::newRow("escalated") << int(Event::Type::Escalated)
                               << QJsonObject{{QStringLiteral("reason"), "escalate_tool"},
                                              {QStringLiteral("to"), "strong"}};
    QTest::newRow("handoff") << int(Event::Type::Handoff)
                             << QJsonObject{{QStringLiteral("memory_tokens"), 412}};
    QTest::newRow("fallback") << int(Event::Type::Fallback)
                              << QJsonObject{{QStringLiteral("error"), "rate_limited"}};
    QTest::newRow("memory_updated")
        << int(Event::Type::MemoryUpdated) << QJsonObject{{QStringLiteral("version"), 3}};
    QTest::newRow("turn_completed")
        << int(Event::Type::TurnCompleted)
        << QJsonObject{{QStringLiteral("cost_usd"), 0.25}, {QStringLiteral("ok"), true}};
    QTest::newRow("turn_failed") << int(Event::Type::TurnFailed)
                                 << QJsonObject{{QStringLiteral("error"), "timeout"}};
    QTest::newRow("nested data") << int(Event::Type::MemoryUpdated)
                                 << QJsonObject{{QStringLiteral("fields"),
                                                 QJsonArray{"goal", QJsonObject{{"a", 1}}}}};
}

void TestAuditStore::eventsRoundTripInOrder()
{
    QFETCH(int, type);
    QFETCH(QJsonObject, data);
    const QString s = QStringLiteral("session-1");
    m_store->beginSession(s, QStringLiteral("Framing ladder"), {});
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    m_store->recordEvent(s, {Event::Type(type), 2, data});
    m_store->recordEvent(s, {Event::Type::TurnCompleted, 3, {}});
    m_store->sync();
    QVERIFY2(m_store->lastError().isEmpty(), qPrintable(m_store->lastError()));

    const QList<StoredEvent> events = m_reader->events(s);
    QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].seq, 1);
    QCOMPARE(events[1].seq, 2);
    QCOMPARE(events[2].seq, 3);
    QCOMPARE(int(events[1].event.type), type);
    QCOMPARE(events[1].event.turn, 2);
    QCOMPARE(events[1].event.data, data);
    QVERIFY(events[1].at.isValid());
    QCOMPARE(int(events[2].event.type), int(Event::Type::TurnCompleted));
}

void TestAuditStore::dropsDeltaEventsUnlessAsked()
{
    const QString s = QStringLiteral("deltas");
    m_store->recordEvent(s, {Event::Type::Delta, 1, {{QStringLiteral("text"), "a"}}});
    m_store->sync();
    QCOMPARE(m_reader->events(s).size(), 0);
    m_store->setRecordDeltas(true);
    m_store->recordEvent(s, {Event::Type::Delta, 1, {{QStringLiteral("text"), "b"}}});
    m_store->sync();
    const QList<StoredEvent> events = m_reader->events(s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].event.data.value(QStringLiteral("text")).toString(), QStringLiteral("b"));
}

void TestAuditStore::callsRoundTripWithAllFields_data()
{
    QTest::addColumn<CallRecord>("call");
    QTest::addColumn<QString>("status");

    CallRecord ok =
        makeCall(QStringLiteral("s"), 2, 1, QStringLiteral("light"), QStringLiteral("gpt-5-mini"));
    QTest::newRow("success with tool call") << ok << QStringLiteral("ok");

    CallRecord failed = ok;
    failed.attempt = 3;
    failed.result = {};
    failed.result.error =
        ProviderError{FailureKind::RateLimited, QStringLiteral("slow down"), 429, 1500};
    failed.result.latencyMs = 12;
    QTest::newRow("rate limited") << failed << QStringLiteral("rate_limited");

    CallRecord cached = ok;
    cached.result.toolCalls.clear();
    cached.result.cached = true;
    cached.result.simulated = false;
    cached.result.usage = {10, 0, 5, false};
    cached.startedAt = {};
    QTest::newRow("cached, no start time") << cached << QStringLiteral("ok");

    CallRecord empty;
    empty.sessionId = QStringLiteral("s");
    QTest::newRow("all defaults") << empty << QStringLiteral("ok");
}

void TestAuditStore::callsRoundTripWithAllFields()
{
    QFETCH(CallRecord, call);
    QFETCH(QString, status);
    m_store->beginSession(call.sessionId, QStringLiteral("L"), {});
    m_store->recordCall(call);
    m_store->sync();
    QVERIFY2(m_store->lastError().isEmpty(), qPrintable(m_store->lastError()));

    const QList<StoredCall> listed = m_reader->calls(call.sessionId);
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed[0].request.isEmpty()); // the list leaves the (large) request out
    const std::optional<StoredCall> stored = m_reader->call(listed[0].id);
    QVERIFY2(stored, qPrintable(m_reader->lastError()));
    const StoredCall &c = *stored;
    QCOMPARE(c.sessionId, call.sessionId);
    QCOMPARE(c.turn, call.turn);
    QCOMPARE(c.attempt, call.attempt);
    QCOMPARE(c.tierId, call.tierId.isEmpty() ? call.request.tierId : call.tierId);
    QCOMPARE(c.provider, call.provider);
    QCOMPARE(c.model, call.model);
    QCOMPARE(c.status, status);
    QCOMPARE(c.costUsd, call.costUsd);
    QCOMPARE(c.startedAt, call.startedAt);
    QCOMPARE(c.request, call.request.toJson());
    // Everything of the result survives: compare through the JSON form, which has every field.
    QCOMPARE(chatResultToJson(c.result), chatResultToJson(call.result));
}

void TestAuditStore::writesNothingUntilFlush()
{
    const QString s = QStringLiteral("batched");
    m_store->beginSession(s, QStringLiteral("L"), {});
    for (int i = 0; i < 8; ++i)
        m_store->recordEvent(s, {Event::Type::TierActive, 1, {}});
    m_store->recordCall(makeCall(s, 1, 1, QStringLiteral("t"), QStringLiteral("m")));
    QCOMPARE(m_store->pendingCount(), 10);
    QCOMPARE(m_reader->events(s).size(), 0);
    QCOMPARE(m_reader->calls(s).size(), 0);
    m_store->sync();
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(m_reader->events(s).size(), 8);
    QCOMPARE(m_reader->calls(s).size(), 1);
}

void TestAuditStore::resumedSessionContinuesEventSequence()
{
    const QString s = QStringLiteral("resumed");
    m_store->beginSession(s, QStringLiteral("L"), {{QStringLiteral("v"), 1}});
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    m_store->recordEvent(s, {Event::Type::TurnCompleted, 1, {}});
    m_store->close();

    AuditStore again;
    QVERIFY(again.open(m_path));
    again.beginSession(s, QStringLiteral("L2"), {{QStringLiteral("v"), 2}});
    again.recordEvent(s, {Event::Type::TurnStarted, 2, {}});
    again.sync();
    QVERIFY2(again.lastError().isEmpty(), qPrintable(again.lastError()));
    const QList<StoredEvent> events = m_reader->events(s);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[2].seq, 3);
    QCOMPARE(events[2].event.turn, 2);
    QCOMPARE(m_reader->ladderJson(s), QJsonObject({{QStringLiteral("v"), 2}}));
}

void TestAuditStore::eventWithoutBeginSessionCreatesTheSession()
{
    const QString s = QStringLiteral("no-begin");
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    m_store->recordCall(makeCall(s, 1, 1, QStringLiteral("t"), QStringLiteral("m")));
    m_store->sync();
    QVERIFY2(m_store->lastError().isEmpty(), qPrintable(m_store->lastError()));
    const QList<SessionSummary> sessions = m_reader->sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions[0].id, s);
    QCOMPARE(sessions[0].calls, 1);
}

void TestAuditStore::filtersCalls_data()
{
    QTest::addColumn<CallFilter>("filter");
    QTest::addColumn<QList<int>>("turns"); // expected turns, in order
    QTest::newRow("no filter") << CallFilter{} << QList<int>{1, 1, 2, 3, 4};
    QTest::newRow("tier") << CallFilter{QStringLiteral("strong"), {}, {}, {}} << QList<int>{1, 4};
    QTest::newRow("model") << CallFilter{{}, QStringLiteral("small"), {}, {}}
                           << QList<int>{1, 2, 3};
    QTest::newRow("status") << CallFilter{{}, {}, QStringLiteral("timeout"), {}} << QList<int>{1};
    QTest::newRow("ok only") << CallFilter{{}, {}, QStringLiteral("ok"), {}}
                             << QList<int>{1, 2, 3, 4};
    QTest::newRow("tier and model")
        << CallFilter{QStringLiteral("light"), QStringLiteral("small"), {}, {}}
        << QList<int>{1, 2, 3};
    QTest::newRow("turn") << CallFilter{{}, {}, {}, 1} << QList<int>{1, 1};
    QTest::newRow("nothing matches")
        << CallFilter{QStringLiteral("nope"), {}, {}, {}} << QList<int>{};
}

void TestAuditStore::filtersCalls()
{
    QFETCH(CallFilter, filter);
    QFETCH(QList<int>, turns);
    const QString s = QStringLiteral("filters");
    CallRecord timeout = makeCall(s, 1, 1, QStringLiteral("light"), QStringLiteral("small"));
    timeout.result.error = ProviderError{FailureKind::Timeout, QStringLiteral("late")};
    m_store->recordCall(timeout);
    m_store->recordCall(makeCall(s, 1, 2, QStringLiteral("strong"), QStringLiteral("big")));
    m_store->recordCall(makeCall(s, 2, 1, QStringLiteral("light"), QStringLiteral("small")));
    m_store->recordCall(makeCall(s, 3, 1, QStringLiteral("light"), QStringLiteral("small")));
    m_store->recordCall(makeCall(s, 4, 1, QStringLiteral("strong"), QStringLiteral("big")));
    m_store->recordCall(
        makeCall(QStringLiteral("other"), 1, 1, QStringLiteral("light"), QStringLiteral("small")));
    m_store->sync();
    QList<int> got;
    for (const StoredCall &c : m_reader->calls(s, filter))
        got.append(c.turn);
    QCOMPARE(got, turns);
}

void TestAuditStore::exportsOneParsableJsonLinePerCall()
{
    const QString s = QStringLiteral("export");
    for (int turn = 1; turn <= 3; ++turn)
        m_store->recordCall(makeCall(s, turn, 1, QStringLiteral("light"), QStringLiteral("m")));
    m_store->sync();
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(m_reader->exportCallsJsonl(s, &buffer, &error), qPrintable(error));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 4); // three lines, each ended by '\n'
    QVERIFY(lines.last().isEmpty());
    for (int i = 0; i < 3; ++i) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(parseError.errorString()));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("turn")).toInt(), i + 1);
        QCOMPARE(o.value(QStringLiteral("session_id")).toString(), s);
        QCOMPARE(o.value(QStringLiteral("request")).toObject().value("model").toString(),
                 QStringLiteral("m"));
        QString parseResult;
        const std::optional<ChatResult> response =
            chatResultFromJson(o.value(QStringLiteral("response")), "response", &parseResult);
        QVERIFY2(response, qPrintable(parseResult));
        QCOMPARE(response->text, sampleResult().text);
        QVERIFY(!o.value(QStringLiteral("started_at")).toString().isEmpty());
    }
    QBuffer closed;
    QVERIFY(!m_reader->exportCallsJsonl(s, &closed, &error));
    QVERIFY2(error.contains(QLatin1String("not open")), qPrintable(error));
}

void TestAuditStore::totalsSumCostTokensAndCountEscalations()
{
    const QString s = QStringLiteral("totals");
    m_store->beginSession(s, QStringLiteral("L"), {});
    CallRecord a = makeCall(s, 1, 1, QStringLiteral("light"), QStringLiteral("m"));
    a.result.usage = {100, 40, 10, false};
    a.result.latencyMs = 100;
    a.costUsd = 0.5;
    CallRecord b = makeCall(s, 1, 2, QStringLiteral("strong"), QStringLiteral("M"));
    b.result.usage = {200, 0, 20, false};
    b.result.latencyMs = 300;
    b.result.cached = true;
    b.costUsd = 1.25;
    CallRecord c = makeCall(s, 2, 1, QStringLiteral("light"), QStringLiteral("m"));
    c.result.usage = {};
    c.result.latencyMs = 5000; // failed: not part of the mean latency
    c.result.error = ProviderError{FailureKind::Unavailable, QStringLiteral("503")};
    c.costUsd = 0;
    for (const CallRecord &r : {a, b, c})
        m_store->recordCall(r);
    using T = Event::Type;
    for (T t : {T::TurnStarted, T::Escalated, T::TurnCompleted, T::TurnStarted, T::Fallback,
                T::Fallback, T::TurnFailed, T::TurnStarted, T::Escalated, T::TurnCompleted})
        m_store->recordEvent(s, {t, 1, {}});
    m_store->recordEvent(QStringLiteral("elsewhere"), {T::Escalated, 1, {}});
    m_store->sync();

    const SessionTotals t = m_reader->totals(s);
    QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
    QCOMPARE(t.calls, 3);
    QCOMPARE(t.failedCalls, 1);
    QCOMPARE(t.cachedCalls, 1);
    QCOMPARE(t.costUsd, 1.75);
    QCOMPARE(t.usage, (TokenUsage{300, 40, 30, false}));
    QCOMPARE(t.meanLatencyMs, 200.0);
    QCOMPARE(t.escalations, 2);
    QCOMPARE(t.fallbacks, 2);
    QCOMPARE(t.turnsCompleted, 2);
    QCOMPARE(t.turnsFailed, 1);

    const SessionTotals none = m_reader->totals(QStringLiteral("unknown"));
    QCOMPARE(none.calls, 0);
    QCOMPARE(none.meanLatencyMs, 0.0);
}

void TestAuditStore::redactsPlantedKeys_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("Authorization header in params") << QStringLiteral("authorization");
    QTest::newRow("x-api-key in extra") << QStringLiteral("x-api-key");
    QTest::newRow("X-Goog-Api-Key nested in an array") << QStringLiteral("goog");
    QTest::newRow("api_key in tool parameters") << QStringLiteral("api_key");
    QTest::newRow("api_key in the raw response") << QStringLiteral("raw");
}

void TestAuditStore::redactsPlantedKeys()
{
    QFETCH(QString, where);
    const QString secret = QStringLiteral("sk-planted-4f1d9c77e0");
    const QString s = QStringLiteral("secrets");
    CallRecord call = makeCall(s, 1, 1, QStringLiteral("light"), QStringLiteral("m"));
    if (where == QLatin1String("authorization")) {
        call.request.params.extra.insert(
            QStringLiteral("headers"),
            QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + secret}});
    } else if (where == QLatin1String("x-api-key")) {
        call.request.params.extra.insert(QStringLiteral("x-api-key"), secret);
    } else if (where == QLatin1String("goog")) {
        call.request.params.extra.insert(
            QStringLiteral("transport"),
            QJsonArray{1, QJsonObject{{QStringLiteral("X-Goog-Api-Key"), secret}}});
    } else if (where == QLatin1String("api_key")) {
        call.request.tools[0].parameters.insert(QStringLiteral("api_key"), secret);
    } else {
        call.result.raw.insert(QStringLiteral("request_headers"),
                               QJsonObject{{QStringLiteral("API_KEY"), secret}});
    }
    m_store->recordCall(call);
    m_store->sync();
    QVERIFY2(m_store->lastError().isEmpty(), qPrintable(m_store->lastError()));

    const QList<StoredCall> calls = m_reader->calls(s);
    QCOMPARE(calls.size(), 1);
    const std::optional<StoredCall> stored = m_reader->call(calls[0].id);
    QVERIFY(stored);
    const QByteArray request = QJsonDocument(stored->request).toJson();
    const QByteArray raw = QJsonDocument(stored->result.raw).toJson();
    QVERIFY2(!request.contains(secret.toUtf8()), request.constData());
    QVERIFY2(!raw.contains(secret.toUtf8()), raw.constData());
    QVERIFY2((request + raw).contains(kRedacted), (request + raw).constData());
    // The rest of the request is untouched.
    QCOMPARE(stored->request.value(QStringLiteral("messages")),
             call.request.toJson().value(QStringLiteral("messages")));
    // Nowhere in the files either (database and write-ahead log).
    m_store->close();
    m_reader->close();
    for (const QString &file : {m_path, m_path + QStringLiteral("-wal")})
        QVERIFY2(!readAll(file).contains(secret.toUtf8()), qPrintable(file));
}

void TestAuditStore::listsSessionsNewestFirstWithTitles()
{
    m_store->beginSession(QStringLiteral("old"), QStringLiteral("Framing"), {});
    m_store->sync();
    QTest::qWait(5); // created_at has millisecond resolution
    m_store->beginSession(QStringLiteral("new"), QStringLiteral("Step-down"), {});
    m_store->recordCall(
        makeCall(QStringLiteral("new"), 1, 1, QStringLiteral("t"), QStringLiteral("m")));
    QVERIFY(m_store->setSessionTitle(QStringLiteral("old"), QStringLiteral("Rate limiter")));
    QVERIFY(!m_store->setSessionTitle(QStringLiteral("missing"), QStringLiteral("x")));
    QVERIFY(m_store->lastError().contains(QLatin1String("missing")));

    const QList<SessionSummary> sessions = m_reader->sessions();
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions[0].id, QStringLiteral("new"));
    QCOMPARE(sessions[0].ladderName, QStringLiteral("Step-down"));
    QCOMPARE(sessions[0].calls, 1);
    QCOMPARE(sessions[0].costUsd, 0.001);
    QCOMPARE(sessions[1].id, QStringLiteral("old"));
    QCOMPARE(sessions[1].title, QStringLiteral("Rate limiter"));
    QCOMPARE(sessions[1].calls, 0);
    QVERIFY(sessions[1].createdAt < sessions[0].createdAt);
}

void TestAuditStore::deletesASessionWithItsRows()
{
    const QString s = QStringLiteral("doomed");
    m_store->beginSession(s, QStringLiteral("L"), {});
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    m_store->recordCall(makeCall(s, 1, 1, QStringLiteral("t"), QStringLiteral("m")));
    m_store->recordEvent(QStringLiteral("kept"), {Event::Type::TurnStarted, 1, {}});
    QVERIFY(m_store->deleteSession(s));
    QCOMPARE(m_reader->events(s).size(), 0);
    QCOMPARE(m_reader->calls(s).size(), 0);
    QCOMPARE(m_reader->sessions().size(), 1);
    QVERIFY(!m_store->deleteSession(s));
}

void TestAuditStore::preferencesRoundTrip()
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'700'000'123'456, Qt::UTC);
    QVERIFY(m_store->recordPreference(
        {QStringLiteral("cmp-1"), 2, QStringLiteral("B"), QStringLiteral("Step-down"), at}));
    QVERIFY(m_store->recordPreference(
        {QStringLiteral("cmp-1"), 1, QStringLiteral("A"), QStringLiteral("Framing"), {}}));
    QVERIFY(m_store->recordPreference({QStringLiteral("cmp-2"), 1, QStringLiteral("A"), {}, {}}));
    const QList<Preference> prefs = m_reader->preferences(QStringLiteral("cmp-1"));
    QCOMPARE(prefs.size(), 2);
    QCOMPARE(prefs[0].turn, 1);
    QCOMPARE(prefs[0].chosenLabel, QStringLiteral("A"));
    QVERIFY(prefs[0].createdAt.isValid());
    QCOMPARE(prefs[1].chosenLabel, QStringLiteral("B"));
    QCOMPARE(prefs[1].ladder, QStringLiteral("Step-down"));
    QCOMPARE(prefs[1].createdAt, at);
}

void TestAuditStore::twoStoresShareOneFile()
{
    AuditStore second;
    QString error;
    QVERIFY2(second.open(m_path, &error), qPrintable(error));
    m_store->recordEvent(QStringLiteral("a"), {Event::Type::TurnStarted, 1, {}});
    second.recordEvent(QStringLiteral("b"), {Event::Type::TurnStarted, 1, {}});
    second.recordEvent(QStringLiteral("b"), {Event::Type::TurnCompleted, 1, {}});
    m_store->sync();
    second.sync();
    QVERIFY2(second.lastError().isEmpty(), qPrintable(second.lastError()));
    // A reader opened before the writes sees both (WAL: readers and a writer at once).
    QCOMPARE(m_reader->events(QStringLiteral("a")).size(), 1);
    QCOMPARE(m_reader->events(QStringLiteral("b")).size(), 2);
    // A read in the middle of a pending batch sees the committed state only.
    second.recordEvent(QStringLiteral("b"), {Event::Type::TurnStarted, 2, {}});
    QCOMPARE(m_reader->events(QStringLiteral("b")).size(), 2);
    second.sync();
    QCOMPARE(m_reader->events(QStringLiteral("b")).size(), 3);
}

void TestAuditStore::twoStoresInterleaveEventsOfOneSession()
{
    AuditStore second;
    QVERIFY(second.open(m_path));
    const QString s = QStringLiteral("shared");
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    QVERIFY(m_store->sync());
    second.recordEvent(s, {Event::Type::TurnStarted, 2, {}});
    QVERIFY2(second.sync(), qPrintable(second.lastError()));
    m_store->recordEvent(s, {Event::Type::TurnStarted, 3, {}});
    QVERIFY2(m_store->sync(), qPrintable(m_store->lastError()));
    const QList<StoredEvent> events = m_reader->events(s);
    QCOMPARE(events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(events[i].seq, i + 1);
        QCOMPARE(events[i].event.turn, i + 1);
    }
}

void TestAuditStore::autoFlushesLargeBatches()
{
    const QString s = QStringLiteral("big");
    for (int i = 0; i < AuditStore::kMaxPending + 10; ++i)
        m_store->recordEvent(s, {Event::Type::TierActive, i, {}});
    QCOMPARE(m_store->pendingCount(), 10); // the first kMaxPending went on their own
    QVERIFY(m_store->sync());
    QCOMPARE(m_reader->events(s).size(), AuditStore::kMaxPending + 10);
}

void TestAuditStore::reportsDamagedRowsAndReadsTheRest_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected"); // in the error
    QTest::newRow("event data") << QStringLiteral("UPDATE events SET data_json = '{oops' "
                                                  "WHERE seq = 1")
                                << QStringLiteral("events[damaged/1].data_json");
    QTest::newRow("event type") << QStringLiteral("UPDATE events SET type = 'exploded' "
                                                  "WHERE seq = 1")
                                << QStringLiteral("unknown event type \"exploded\"");
    QTest::newRow("call tool calls")
        << QStringLiteral("UPDATE calls SET tool_calls_json = '[1]' WHERE turn = 1")
        << QStringLiteral(".tool_calls_json[0]: expected an object");
    QTest::newRow("call raw") << QStringLiteral("UPDATE calls SET raw_json = 'nope' WHERE turn = 1")
                              << QStringLiteral(".raw_json: invalid JSON");
}

void TestAuditStore::reportsDamagedRowsAndReadsTheRest()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const QString s = QStringLiteral("damaged");
    m_store->recordEvent(s, {Event::Type::TurnStarted, 1, {}});
    m_store->recordEvent(s, {Event::Type::TurnCompleted, 1, {}});
    m_store->recordCall(makeCall(s, 1, 1, QStringLiteral("t"), QStringLiteral("m")));
    m_store->recordCall(makeCall(s, 2, 1, QStringLiteral("t"), QStringLiteral("m")));
    QVERIFY(m_store->sync());
    QString error;
    rawQuery(m_path, sql, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const bool eventDamaged = sql.contains(QLatin1String("events"));
    const QList<StoredEvent> events = m_reader->events(s);
    const QString eventError = m_reader->lastError();
    const QList<StoredCall> calls = m_reader->calls(s);
    const QString callError = m_reader->lastError();
    QCOMPARE(events.size(), eventDamaged ? 1 : 2);
    QCOMPARE(calls.size(), eventDamaged ? 2 : 1);
    const QString &reported = eventDamaged ? eventError : callError;
    QVERIFY2(reported.contains(expected) && reported.contains(m_path), qPrintable(reported));
}

void TestAuditStore::turnsFlushedFasterThanWrittenAllLandInOrder_data()
{
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("turns");
    QTest::newRow("one session") << 1 << 600;
    QTest::newRow("three interleaved sessions") << 3 << 300;
}

// flush() merges the turns that wait while the writer is busy (group commit): every row still
// lands, each session's events in the order recorded, and the calls with them.
void TestAuditStore::turnsFlushedFasterThanWrittenAllLandInOrder()
{
    QFETCH(int, sessions);
    QFETCH(int, turns);
    auto sessionId = [](int i) {
        return QStringLiteral("session-%1").arg(i);
    };
    for (int i = 0; i < sessions; ++i)
        m_store->beginSession(sessionId(i), QStringLiteral("Framing ladder"), {});
    for (int turn = 1; turn <= turns; ++turn) {
        for (int i = 0; i < sessions; ++i) {
            m_store->recordEvent(sessionId(i), {Event::Type::TurnStarted, turn, {}});
            m_store->recordCall(makeCall(sessionId(i), turn, 1, QStringLiteral("light"),
                                         QStringLiteral("gpt-5-mini")));
            m_store->recordEvent(sessionId(i), {Event::Type::TurnCompleted, turn, {}});
            m_store->flush();
        }
    }
    QVERIFY(m_store->sync());

    for (int i = 0; i < sessions; ++i) {
        const QList<StoredEvent> events = m_reader->events(sessionId(i));
        QCOMPARE(events.size(), 2 * turns);
        for (int k = 0; k < events.size(); ++k) {
            QCOMPARE(events[k].seq, k + 1);
            QCOMPARE(events[k].event.turn, k / 2 + 1);
        }
        QCOMPARE(m_reader->calls(sessionId(i)).size(), turns);
    }
}

void TestAuditStore::failedWritesNameTheTurnsNotRecorded_data()
{
    QTest::addColumn<QString>("tables"); // whose root pages are overwritten
    QTest::addColumn<QList<int>>("lost");
    QTest::addColumn<QString>("described");
    // A malformed page fails the whole transaction, the rows that went in before it too.
    const QList<int> all{0, 1, 2};
    const QString described = QStringLiteral("session damaged: the session row, turns 1, 2");
    QTest::newRow("every table") << "'sessions', 'events', 'calls'" << all << described;
    QTest::newRow("events only") << "'events'" << all << described;
    QTest::newRow("calls only") << "'calls'" << all << described;
}

// A damaged file fails the writes of some turns; the store keeps which, also after later writes
// and after close, and tells a handler at once.
void TestAuditStore::failedWritesNameTheTurnsNotRecorded()
{
    QFETCH(QString, tables);
    QFETCH(QList<int>, lost);
    QFETCH(QString, described);
    m_reader.reset();
    m_store.reset();
    const QString path = m_path + QStringLiteral(".damaged");
    {
        AuditStore init;
        QVERIFY(init.open(path));
    }
    {
        QString error;
        const QVariant pageSize = rawQuery(path, QStringLiteral("PRAGMA page_size"), &error);
        QSqlDatabase::removeDatabase(QStringLiteral("roots"));
        QList<int> roots;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "roots");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE tbl_name IN "
                                          "(%1) AND rootpage > 1")
                               .arg(tables)));
            while (q.next())
                roots << q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("roots"));
        QVERIFY(!roots.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        for (int root : roots) {
            f.seek(qint64(root - 1) * pageSize.toInt());
            f.write(QByteArray(pageSize.toInt(), '\x5a'));
        }
    }

    AuditStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    std::atomic<int> handled{0};
    store.setFailureHandler([&](const QString &) { ++handled; });
    const QString s = QStringLiteral("damaged");
    store.beginSession(s, QStringLiteral("L"), {});
    for (int turn = 1; turn <= 2; ++turn) {
        store.recordEvent(s, {Event::Type::TurnStarted, turn, {}});
        store.recordCall(makeCall(s, turn, 1, QStringLiteral("t"), QStringLiteral("m")));
        store.recordEvent(s, {Event::Type::TurnCompleted, turn, {}});
        QVERIFY(!store.sync());
    }
    QVERIFY(handled >= 1);
    AuditLosses losses = store.losses();
    QCOMPARE(losses.sessions.size(), 1);
    QCOMPARE(losses.sessions[0].id, s);
    QCOMPARE(losses.sessions[0].turns, lost);
    QVERIFY2(losses.firstError.contains(path), qPrintable(losses.firstError));
    store.close();
    losses = store.losses(); // kept after close
    QCOMPARE(losses.sessions.size(), 1);
    QCOMPARE(losses.describe(), described);
}

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_audit_store.moc"
