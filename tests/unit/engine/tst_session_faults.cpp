// No turn lost: what the Session keeps when a turn fails or is cancelled, and when it hands each
// step to the audit (so that a process killed mid-turn leaves everything up to the last finished
// call in the log).

#include "session_test_support.h"

using namespace ladder;
using namespace ladder::test;

namespace {

SessionOptions quiet()
{
    SessionOptions o;
    o.retry.delayScale = 0;
    return o;
}

// A call that ends at once (on the next event loop pass) with an error.
class FailedCall : public ProviderCall
{
public:
    FailedCall(FailureKind kind, QObject *parent)
        : ProviderCall(parent)
    {
        m_result.error = ProviderError{kind, QStringLiteral("injected %1").arg(toString(kind)),
                                       kind == FailureKind::Auth ? 401 : 503, -1};
        QMetaObject::invokeMethod(
            this, [this] { finishNow(); }, Qt::QueuedConnection);
    }
    void cancel() override
    {
        m_result.error->kind = FailureKind::Cancelled;
        finishNow();
    }

private:
    void finishNow()
    {
        if (m_done)
            return;
        m_done = true;
        emit finished();
        deleteLater();
    }
    bool m_done = false;
};

// Every provider id served by one simulated provider, slow or instant; while `failWith` is set,
// every call fails with that kind instead. Remembers each request.
class FaultingRegistry : public ProviderRegistry
{
public:
    FaultingRegistry() { m_simulated.setTimeScale(0); }
    Provider *provider(const QString &) const override { return missing ? nullptr : &m_front; }
    SimulatedProvider &simulated() { return m_simulated; }
    std::optional<FailureKind> failWith;
    bool missing = false; // no provider: the session queues a "not configured" failure
    QList<ChatRequest> requests;

private:
    class Front : public Provider
    {
    public:
        explicit Front(FaultingRegistry *r)
            : r(r)
        {}
        QString id() const override { return QStringLiteral("simulated"); }
        ProviderCall *start(const ChatRequest &request) override
        {
            r->requests.append(request);
            if (r->failWith)
                return new FailedCall(*r->failWith, this);
            return r->m_simulated.start(request);
        }
        FaultingRegistry *r;
    };
    mutable SimulatedProvider m_simulated;
    mutable Front m_front{this};
};

// The user messages of a request, in order.
QStringList userTexts(const ChatRequest &request)
{
    QStringList out;
    for (const ChatMessage &m : request.messages) {
        if (m.role == ChatMessage::Role::User)
            out << m.content;
    }
    return out;
}

// What reached an audit sink, in order: "session", "event:<type>", "call:<turn>", "flush".
class OrderedAudit : public AuditSink
{
public:
    void beginSession(const QString &, const QString &, const QJsonObject &) override
    {
        log << QStringLiteral("session");
    }
    void recordEvent(const QString &, const Event &e) override
    {
        log << QStringLiteral("event:") + Event::typeName(e.type);
    }
    void recordCall(const CallRecord &call) override
    {
        log << QStringLiteral("call:%1").arg(call.turn);
    }
    void flush() override { log << QStringLiteral("flush"); }
    QStringList log;
};

} // namespace

class TestSessionFaults : public QObject
{
    Q_OBJECT

private slots:
    // The user said it: a turn that got no answer stays in the context of the next request.
    void failedTurnTextStaysInTheNextRequest_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QString>("failure"); // an error kind, or "cancel"
        QTest::newRow("framing, unavailable") << "framing"
                                              << "unavailable";
        QTest::newRow("framing, rate limited") << "framing"
                                               << "rate_limited";
        QTest::newRow("framing, auth") << "framing"
                                       << "auth";
        QTest::newRow("escalation tool, unavailable") << "escalation-tool"
                                                      << "unavailable";
        QTest::newRow("step-down, cancelled") << "step-down"
                                              << "cancel";
    }
    void failedTurnTextStaysInTheNextRequest()
    {
        QFETCH(QString, ladder);
        QFETCH(QString, failure);
        const QString first = QStringLiteral("Plan a migration of our billing database.");
        const QString lost = QStringLiteral("It must stay online, and the budget is 2,000 EUR.");
        const QString next = QStringLiteral("Did you get my constraints?");

        FaultingRegistry registry;
        Session session(example(ladder), &registry, quiet());
        runTurns(session, {first});
        QVERIFY(!session.turns()[0].failed);

        QSignalSpy finished(&session, &Session::turnFinished);
        if (failure == QLatin1String("cancel")) {
            registry.simulated().setTimeScale(1.0); // still streaming when cancelled
            QVERIFY(session.submit(lost));
            session.cancel(QStringLiteral("by the test"));
            registry.simulated().setTimeScale(0);
        } else {
            registry.failWith = failureKindFromString(failure);
            QVERIFY(registry.failWith);
            QVERIFY(session.submit(lost));
        }
        if (finished.isEmpty())
            QVERIFY(finished.wait(5000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][1].toBool(), false);
        QVERIFY(session.turns()[1].failed);

        registry.failWith.reset();
        registry.requests.clear();
        runTurns(session, {next});
        QVERIFY(!session.turns()[2].failed);
        QVERIFY(!registry.requests.isEmpty());
        // Every request of the next turn (the answering call and any escalation) carries the
        // failed turn's text, after the first turn's and before the new one.
        for (const ChatRequest &request : registry.requests) {
            const QStringList users = userTexts(request);
            QVERIFY2(users.contains(lost), qPrintable(users.join(" | ")));
            QCOMPARE(users.constLast(), next);
            if (users.contains(first))
                QVERIFY(users.indexOf(first) < users.indexOf(lost));
            QCOMPARE(users.indexOf(lost), users.size() - 2);
        }
    }

    // Cancel ends the turn in whatever phase it is: streaming, waiting to retry, or with a
    // result queued for the next event loop pass (then where the next call would start). Exactly
    // one turnFinished, the turn kept as failed, every call audited.
    void cancelEndsTheTurnInEveryPhase_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("auditedError"); // of the one call the audit holds
        QTest::newRow("streaming") << "streaming"
                                   << "cancelled";
        QTest::newRow("waiting to retry") << "retry"
                                          << "rate_limited";
        QTest::newRow("failure queued") << "queued"
                                        << "bad_request";
    }
    void cancelEndsTheTurnInEveryPhase()
    {
        QFETCH(QString, phase);
        QFETCH(QString, auditedError);
        FaultingRegistry registry;
        RecordingAudit audit;
        SessionOptions options;
        options.audit = &audit;
        options.retry.delayScale = 1.0; // the retry really waits (0.5 s or more)
        Ladder ladder = example("framing");
        for (Tier &tier : ladder.tiers)
            tier.fallback.clear(); // one call is all a queued failure would lead to
        Session session(ladder, &registry, options);
        QList<Event> events;
        connect(&session, &Session::event, this, [&](const Event &e) { events.append(e); });
        if (phase == QLatin1String("retry"))
            registry.failWith = FailureKind::RateLimited;
        else if (phase == QLatin1String("queued"))
            registry.missing = true;
        else
            registry.simulated().setTimeScale(1.0);
        QSignalSpy finished(&session, &Session::turnFinished);
        QVERIFY(session.submit(QStringLiteral("Plan a migration of our billing database.")));
        if (phase == QLatin1String("retry"))
            QTRY_VERIFY(!ofType(events, Event::Type::Fallback).isEmpty());
        QVERIFY(session.busy());
        QCOMPARE(finished.size(), 0);

        session.cancel(QStringLiteral("interrupted by SIGINT"));
        if (finished.isEmpty())
            QVERIFY(finished.wait(5000));
        QTest::qWait(50); // nothing else may finish the turn a second time
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][1].toBool(), false);
        QVERIFY(!session.busy());
        const QList<Event> failed = ofType(events, Event::Type::TurnFailed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].data["error"].toString(), "cancelled");
        QVERIFY(failed[0].data["message"].toString().contains("interrupted by SIGINT"));
        QCOMPARE(failed[0].data["user_text"].toString(),
                 "Plan a migration of our billing database.");
        QCOMPARE(audit.calls.size(), 1);
        QCOMPARE(toString(audit.calls[0].result.error->kind), auditedError);
        QCOMPARE(session.turns().size(), 1);
        QVERIFY(session.turns()[0].failed);
    }

    // The audit gets the session row and turn_started as the first turn begins, and each call as
    // it finishes (a flush right after each), not only at the end of the turn.
    void auditHasEachStepAsItHappens_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<int>("calls");
        QTest::newRow("clean turns") << QString() << 2;
        QTest::newRow("rate limited first call") << "rate_limited@1" << 3;
        QTest::newRow("unavailable second turn") << "unavailable@2" << 3;
    }
    void auditHasEachStepAsItHappens()
    {
        QFETCH(QString, faults);
        QFETCH(int, calls);
        RecordingRegistry registry;
        if (!faults.isEmpty())
            registry.simulated().setFaults(*FaultSchedule::parse(faults, nullptr));
        OrderedAudit audit;
        SessionOptions options = quiet();
        options.audit = &audit;
        Session session(example("framing"), &registry, options);
        QCOMPARE(audit.log, QStringList{"session"}); // written with turn 1's start
        runTurns(session, {QStringLiteral("Plan a migration of our billing database."),
                           QStringLiteral("It must stay online.")});
        int seen = 0;
        for (int i = 0; i < audit.log.size(); ++i) {
            const QString &entry = audit.log[i];
            if (entry == QLatin1String("event:turn_started") || entry.startsWith("call:")) {
                ++seen;
                QVERIFY2(i + 1 < audit.log.size() && audit.log[i + 1] == QLatin1String("flush"),
                         qPrintable(QStringLiteral("%1 at %2 is not flushed at once: %3")
                                        .arg(entry)
                                        .arg(i)
                                        .arg(audit.log.join(' '))));
            }
        }
        QCOMPARE(seen, 2 + calls);
        QCOMPARE(audit.log.constLast(), "flush"); // turn_completed too
    }
};

QTEST_GUILESS_MAIN(TestSessionFaults)
#include "tst_session_faults.moc"
