// The conversation state stores: optimistic commits never fork a conversation (SQLite, and Redis
// when redis-server is installed), and a stored record rewinds to an earlier turn.

#include "serve/conversation_record.h"
#include "serve/state_store.h"

#include "redis_server.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ladder;
using namespace ladder::serve;

class TestStateStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_redisUp = m_redis.start(); }

    void commitsNeverFork_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << "sqlite";
        QTest::newRow("redis") << "redis";
    }
    void commitsNeverFork()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString url = "sqlite:" + dir.filePath("state.sqlite");
        if (kind == "redis") {
            if (!m_redisUp)
                QSKIP("redis-server is not installed (scripts/setup.sh installs it)");
            url = m_redis.url(3);
        }
        QString error;
        std::unique_ptr<StateStore> a = openStateStore(url, &error);
        std::unique_ptr<StateStore> b = openStateStore(url, &error); // a second instance
        QVERIFY2(a && b, qPrintable(error));
        StoredConversation read;
        QVERIFY(a->load("c1", &read, &error));
        QVERIFY(!read.found);
        QCOMPARE(a->commit("c1", 0, "one", &error), StateStore::Commit::Ok);
        QCOMPARE(b->commit("c1", 0, "fork", &error), StateStore::Commit::Conflict);
        QVERIFY(b->load("c1", &read, &error));
        QCOMPARE(read.version, 1);
        QCOMPARE(read.data, QByteArray("one"));
        QCOMPARE(b->commit("c1", 1, "two", &error), StateStore::Commit::Ok);
        QCOMPARE(a->commit("c1", 1, "stale", &error), StateStore::Commit::Conflict);
        QVERIFY(a->load("c1", &read, &error));
        QCOMPARE(read.version, 2);
        QCOMPARE(read.data, QByteArray("two"));
    }

    void badUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::newRow("no scheme") << "state.sqlite"
                                   << "expected sqlite:PATH or redis://";
        QTest::newRow("empty path") << "sqlite:"
                                    << "expected sqlite:PATH";
        QTest::newRow("bad db") << "redis://127.0.0.1:1/x"
                                << "expected redis://HOST:PORT/DB";
        QTest::newRow("a password is never echoed") << "redis://:hunter2@127.0.0.1:6379/0"
                                                    << "credentials in the URL are not supported";
        QTest::newRow("nobody listening") << "redis://127.0.0.1:1/0"
                                          << "cannot connect";
    }
    void badUrlsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, error);
        QString problem;
        QVERIFY(!openStateStore(url, &problem));
        QVERIFY2(problem.contains(error), qPrintable(problem));
        QVERIFY(!problem.contains("hunter2"));
    }

    void recordRewindsToAnEarlierTurn()
    {
        ConversationRecord r;
        for (int turn = 1; turn <= 3; ++turn) {
            SessionSnapshot now = r.snapshot;
            TurnRecord t;
            t.turn = turn;
            t.tierId = turn < 3 ? "strong" : "light";
            now.turns.append(t);
            now.state = {turn < 3 ? 0 : 1, turn < 3 ? turn : 1, -1, turn};
            MemoryVersion v;
            v.version = turn;
            v.turn = turn;
            now.memory.append(v);
            r = ConversationRecord::after(r, now);
        }
        QString error;
        const std::optional<ConversationRecord> stored =
            ConversationRecord::fromJson(r.toJson(), &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->positions.size(), 4);
        const SessionSnapshot two = stored->at(2);
        QCOMPARE(two.turns.size(), 2);
        QCOMPARE(two.state, (LadderState{0, 2, -1, 2}));
        QCOMPARE(two.memory.size(), 2);
        QCOMPARE(stored->at(0).turns.size(), 0);
        QCOMPARE(stored->at(0).state, LadderState{});
        QCOMPARE(stored->at(9).state, (LadderState{1, 1, -1, 3})); // never past what is stored
        QVERIFY(!ConversationRecord::fromJson("[]", &error));
        QVERIFY(!ConversationRecord::fromJson(R"({"positions":[[1,2]]})", &error));
        QVERIFY2(error.startsWith("$.positions[0]"), qPrintable(error));
    }

private:
    test::RedisServer m_redis;
    bool m_redisUp = false;
};

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_state_store.moc"
