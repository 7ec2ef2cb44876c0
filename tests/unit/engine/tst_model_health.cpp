// Cooldowns shared between sessions (ladder serve shares one ModelHealth per process): a model
// that failed in one conversation is skipped by the next, and only when the health is shared.

#include "providers/fault_schedule.h"
#include "session_test_support.h"

using namespace ladder;
using namespace ladder::test;

class TestModelHealth : public QObject
{
    Q_OBJECT

private slots:
    void cooldownReachesOtherSessionsOnlyWhenShared_data()
    {
        QTest::addColumn<bool>("shared");
        QTest::addColumn<QString>("model");
        QTest::newRow("shared") << true << "claude-sonnet-4-6"; // strong's fallback
        QTest::newRow("own") << false << "gpt-5.4";
    }
    void cooldownReachesOtherSessionsOnlyWhenShared()
    {
        QFETCH(bool, shared);
        QFETCH(QString, model);
        RecordingRegistry registry;
        QString error;
        registry.simulated().setFaults(*FaultSchedule::parse("unavailable@1", &error));
        ModelHealth health;
        SessionOptions options;
        options.retry.delayScale = 0;
        options.retry.maxRetriesPerModel = 0;
        options.retry.cooldownAfterFailures = 1;
        options.health = shared ? &health : nullptr;

        Session first(example("framing"), &registry, options);
        const QList<Event> failed = runTurns(first, kFramingScript.mid(0, 1));
        QCOMPARE(ofType(failed, Event::Type::Fallback).size(), 1); // gpt-5.4 failed once

        registry.simulated().setFaults({});
        Session second(example("framing"), &registry, options);
        const QList<Event> events = runTurns(second, kFramingScript.mid(0, 1));
        const QList<Event> done = ofType(events, Event::Type::TurnCompleted);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done[0].data.value("model").toString(), model);
        QCOMPARE(ofType(events, Event::Type::Fallback).size(), 0); // skipped, not retried
    }
};

QTEST_GUILESS_MAIN(TestModelHealth)
#include "tst_model_health.moc"
