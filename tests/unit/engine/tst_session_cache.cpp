// The Session and the response cache: a cache is consulted only when the ladder switches it on
// and only for temperature-0 calls; a second identical session is then answered from it, the
// events count the hits and the audit marks the cached calls.

#include "session_test_support.h"

using namespace ladder;
using namespace ladder::test;

namespace {

// task-registry: extract and classify run at temperature 0, title at 0.2.
const QStringList kScript = {
    QStringLiteral("Extract all the dates from this email into JSON."),
    QStringLiteral("Classify the sentiment of this review: great product."),
    QStringLiteral("Suggest a title for this chat."),
};

struct Run {
    QList<Event> events;
    QList<ChatRequest> requests; // what reached the provider
    QList<CallRecord> audited;
    QStringList answers;
};

Run runSession(const Ladder &ladder, CallCache *cache, bool classifyWithModel)
{
    RecordingRegistry registry;
    RecordingAudit audit;
    SessionOptions options;
    options.retry.delayScale = 0;
    options.cache = cache;
    options.audit = &audit;
    options.classifyWithModel = classifyWithModel;
    Session session(ladder, &registry, options);
    Run run;
    run.events = runTurns(session, kScript);
    run.requests = registry.requests();
    run.audited = audit.calls;
    for (const TurnRecord &t : session.turns())
        run.answers.append(t.answer);
    return run;
}

int sum(const QList<Event> &events, const char *key)
{
    int total = 0;
    for (const Event &e : events)
        total += e.data.value(QLatin1String(key)).toInt();
    return total;
}

} // namespace

class TestSessionCache : public QObject
{
    Q_OBJECT

private slots:
    void honoursTheLaddersSwitch_data()
    {
        QTest::addColumn<bool>("switchedOn");
        QTest::addColumn<bool>("cacheGiven");
        QTest::addColumn<bool>("classifyWithModel");
        QTest::addColumn<int>("lookups"); // deterministic calls per session
        QTest::newRow("on: extract and classify are cached, not the title")
            << true << true << false << 2;
        // The router tier (temperature 0) labels each of the three turns: side calls.
        QTest::newRow("on: listener classifications too") << true << true << true << 5;
        QTest::newRow("off in the ladder: the cache is never asked") << false << true << false << 0;
        QTest::newRow("on without a cache") << true << false << false << 0;
    }

    void honoursTheLaddersSwitch()
    {
        QFETCH(bool, switchedOn);
        QFETCH(bool, cacheGiven);
        QFETCH(bool, classifyWithModel);
        QFETCH(int, lookups);
        Ladder ladder = example(QStringLiteral("task-registry"));
        QVERIFY(ladder.cache.enabled); // the example switches it on
        ladder.cache.enabled = switchedOn;
        MemoryCache cache;
        CallCache *given = cacheGiven ? &cache : nullptr;
        const bool cacheOn = switchedOn && cacheGiven;

        const Run first = runSession(ladder, given, classifyWithModel);
        QCOMPARE(cache.hits, 0);
        QCOMPARE(cache.misses, lookups);
        QCOMPARE(cache.entries.size(), lookups);
        const Run second = runSession(ladder, given, classifyWithModel);
        QCOMPARE(cache.hits, lookups);
        QCOMPARE(cache.misses, lookups);

        // The same conversation, with the deterministic calls answered without a model.
        QCOMPARE(second.answers, first.answers);
        QCOMPARE(answeringTiers(second.events), answeringTiers(first.events));
        QCOMPARE(second.requests.size(), first.requests.size() - lookups);
        for (const ChatRequest &r : second.requests)
            QVERIFY2(!cacheOn || r.params.temperature != std::optional<double>(0.0),
                     qPrintable(r.tierId));

        // Every call is audited; the cached ones say so and cost nothing.
        QCOMPARE(second.audited.size(), first.audited.size());
        int cachedRows = 0;
        for (const CallRecord &call : second.audited) {
            if (call.result.cached) {
                ++cachedRows;
                QCOMPARE(call.costUsd, 0.0);
            }
        }
        QCOMPARE(cachedRows, lookups);

        // turn_completed counts the turn's lookups and hits and the session's hit rate.
        const QList<Event> firstDone = ofType(first.events, Event::Type::TurnCompleted);
        const QList<Event> secondDone = ofType(second.events, Event::Type::TurnCompleted);
        QCOMPARE(secondDone.size(), kScript.size());
        for (const Event &e : firstDone + secondDone)
            QCOMPARE(e.data.contains("cache_hit_rate"), cacheOn);
        if (!cacheOn) {
            for (const Event &e : secondDone)
                QVERIFY(!e.data.value("cached").toBool());
            return;
        }
        QCOMPARE(sum(firstDone, "cache_lookups"), lookups);
        QCOMPARE(sum(firstDone, "cache_hits"), 0);
        QCOMPARE(firstDone.last().data.value("cache_hit_rate").toDouble(), 0.0);
        QCOMPARE(sum(secondDone, "cache_lookups"), lookups);
        QCOMPARE(sum(secondDone, "cache_hits"), lookups);
        QCOMPARE(secondDone.last().data.value("cache_hit_rate").toDouble(), 1.0);
        for (const Event &e : secondDone)
            QCOMPARE(e.data.value("cached").toBool(), e.data.value("cache_hits").toInt() > 0);
    }

    // The hit rate runs over the session: a second session asks the first one's question (a hit)
    // and then a new one (a miss), so its rate goes from 1 to 0.5.
    void hitRateRunsOverTheSession()
    {
        const Ladder ladder = example(QStringLiteral("task-registry"));
        MemoryCache cache;
        RecordingRegistry registry;
        SessionOptions options;
        options.retry.delayScale = 0;
        options.cache = &cache;
        Session first(ladder, &registry, options);
        const QList<Event> asked = runTurns(first, {kScript.at(0)});
        Session second(ladder, &registry, options);
        const QList<Event> repeated = runTurns(second, {kScript.at(0), kScript.at(1)});
        const QList<Event> done = ofType(asked + repeated, Event::Type::TurnCompleted);
        QCOMPARE(done.size(), 3);
        QCOMPARE(done[0].data.value("cache_hit_rate").toDouble(), 0.0);
        QCOMPARE(done[1].data.value("cache_hits").toInt(), 1);
        QCOMPARE(done[1].data.value("cache_hit_rate").toDouble(), 1.0);
        QCOMPARE(done[2].data.value("cache_hits").toInt(), 0);
        QCOMPARE(done[2].data.value("cache_hit_rate").toDouble(), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestSessionCache)
#include "tst_session_cache.moc"
