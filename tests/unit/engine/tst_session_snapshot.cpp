// Session::snapshot()/restore() and SessionSnapshot JSON: a conversation continued in another
// Session (another process, after a restart) answers exactly as if it had never stopped.

#include "session_test_support.h"

#include <QJsonArray>

using namespace ladder;
using namespace ladder::test;

class TestSessionSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void restoredSessionContinuesLikeTheOriginal_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<int>("stopAfter");
        for (int stop = 1; stop < kFramingScript.size(); ++stop)
            QTest::addRow("framing, stop after %d", stop) << "framing" << kFramingScript << stop;
        for (int stop = 1; stop < kEscalationScript.size(); ++stop)
            QTest::addRow("escalation tool, stop after %d", stop)
                << "escalation-tool" << kEscalationScript << stop;
    }
    void restoredSessionContinuesLikeTheOriginal()
    {
        QFETCH(QString, ladder);
        QFETCH(QStringList, script);
        QFETCH(int, stopAfter);
        RecordingRegistry registry;
        Session whole(example(ladder), &registry);
        const QList<Event> all = runTurns(whole, script);

        Session first(example(ladder), &registry);
        runTurns(first, script.mid(0, stopAfter));
        // Through JSON, as the state store keeps it.
        QString error;
        const std::optional<SessionSnapshot> stored =
            SessionSnapshot::fromJson(first.snapshot().toJson(), &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->state, first.state());
        QCOMPARE(stored->memory.size(), first.memory().versions().size());
        QCOMPARE(stored->turns.size(), first.turns().size());

        Session second(example(ladder), &registry);
        QVERIFY2(second.restore(*stored, &error), qPrintable(error));
        const QList<Event> rest = runTurns(second, script.mid(stopAfter));
        QCOMPARE(answeringTiers(rest), answeringTiers(all).mid(stopAfter));
        QCOMPARE(second.turns().constLast().turn, script.size()); // numbered as turn N, not 1
        QCOMPARE(second.state(), whole.state());
        QCOMPARE(second.memory().current(), whole.memory().current());
    }

    void reusedSessionContinuesAnotherConversation()
    {
        RecordingRegistry registry;
        RecordingAudit audit;
        SessionOptions options;
        options.sessionId = "a";
        options.audit = &audit;
        Session session(example("framing"), &registry, options);
        const QStringList expected = answeringTiers(runTurns(session, kFramingScript.mid(0, 3)));
        QVERIFY(session.setSessionId("b"));
        QVERIFY(session.restore({}));
        const QList<Event> events = runTurns(session, kFramingScript.mid(0, 3));
        QCOMPARE(answeringTiers(events), expected); // nothing of "a" carried over
        QCOMPARE(events.constFirst().data.value("session_id").toString(), QString("b"));
        QCOMPARE(audit.sessions, (QStringList{"a", "b"}));
    }

    void restoreRefusesWhatDoesNotFit_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("tier out of range")
            << QJsonObject{{"state", QJsonObject{{"tier", 7}}}} << "state: does not fit";
        QTest::newRow("unknown tier in a turn")
            << QJsonObject{{"turns", QJsonArray{QJsonObject{{"tier", "nowhere"}}}}}
            << "turns[0].tier: no tier \"nowhere\"";
    }
    void restoreRefusesWhatDoesNotFit()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, error);
        QString problem;
        const std::optional<SessionSnapshot> s = SessionSnapshot::fromJson(json, &problem);
        QVERIFY2(s, qPrintable(problem));
        RecordingRegistry registry;
        Session session(example("framing"), &registry);
        QVERIFY(!session.restore(*s, &problem));
        QVERIFY2(problem.contains(error), qPrintable(problem));
        QCOMPARE(session.turns().size(), 0); // untouched
    }

    void wrongTypesNameTheirPath_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("state") << QJsonObject{{"state", 3}} << "$.state: expected an object";
        QTest::newRow("turn count")
            << QJsonObject{{"state", QJsonObject{{"turn", "two"}}}} << "$.state.turn";
        QTest::newRow("memory") << QJsonObject{{"memory", "x"}} << "$.memory: expected an array";
        QTest::newRow("turn answer")
            << QJsonObject{{"turns", QJsonArray{QJsonObject{{"answer", 5}}}}}
            << "$.turns[0].answer: expected a string";
        QTest::newRow("discarded role")
            << QJsonObject{{"turns",
                            QJsonArray{QJsonObject{
                                {"discarded", QJsonArray{QJsonObject{{"role", "robot"}}}}}}}}
            << "$.turns[0].discarded[0].role: unknown role";
    }
    void wrongTypesNameTheirPath()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, path);
        QString error;
        QVERIFY(!SessionSnapshot::fromJson(json, &error));
        QVERIFY2(error.startsWith(path), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSessionSnapshot)
#include "tst_session_snapshot.moc"
