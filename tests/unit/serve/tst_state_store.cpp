// The conversation state stores: optimistic commits never fork a conversation (SQLite, and Redis
// when redis-server is installed), and a stored record rewinds to an earlier turn. The SQLite
// store has one owner process and writes behind: what it accepted reaches the file, a failed
// write refuses commits until one goes through, and a crashed owner's lock is taken over.

#include "serve/conversation_record.h"
#include "serve/sqlite_state_store.h"
#include "serve/state_store.h"

#include "redis_server.h"

#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

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
        QVERIFY2(a, qPrintable(error));
        // Redis: a second instance. SQLite has one owner: two turns of one conversation in it.
        std::unique_ptr<StateStore> second =
            kind == "redis" ? openStateStore(url, &error) : nullptr;
        StateStore *b = second ? second.get() : a.get();
        QVERIFY2(b, qPrintable(error));
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

    void sqliteFileHasOneOwner()
    {
        QTemporaryDir dir;
        const QString url = "sqlite:" + dir.filePath("state.sqlite");
        QString error;
        std::unique_ptr<StateStore> first = openStateStore(url, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(!openStateStore(url, &error));
        QVERIFY2(error.contains(dir.filePath("state.sqlite")) &&
                     error.contains("in use by another ladder serve") &&
                     error.contains(QString::number(QCoreApplication::applicationPid())) &&
                     error.contains("redis://"),
                 qPrintable(error));
        first.reset();
        QVERIFY2(openStateStore(url, &error), qPrintable(error));
    }

    void crashedOwnersLockIsTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("state.sqlite");
        const pid_t child = fork();
        if (child == 0) { // takes the lock and dies without letting go, as a crash does
            QLockFile lock(path + ".lock");
            lock.setStaleLockTime(0);
            _exit(lock.tryLock(0) ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY(QFile::exists(path + ".lock"));
        QString error;
        QVERIFY2(openStateStore("sqlite:" + path, &error), qPrintable(error));
    }

    void sqliteWritesBehindIntoTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("state.sqlite");
        QString error;
        {
            SqliteStateStore store;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            for (int i = 0; i < 200; ++i) {
                const QString id = QString("c%1").arg(i % 50);
                StoredConversation read;
                QVERIFY(store.load(id, &read, &error));
                QCOMPARE(store.commit(id, read.version, QByteArray::number(i), &error),
                         StateStore::Commit::Ok);
            }
            QVERIFY2(store.sync(&error), qPrintable(error));
            QCOMPARE(rawCount(path, "SELECT COUNT(*) FROM conversations WHERE version = 4"), 50);
            QVERIFY(store.commit("late", 0, "written at close", &error) == StateStore::Commit::Ok);
        }
        SqliteStateStore reopened;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        StoredConversation read;
        QVERIFY(reopened.load("c7", &read, &error));
        QCOMPARE(read.version, 4);
        QCOMPARE(read.data, QByteArray("157"));
        QVERIFY(reopened.load("late", &read, &error));
        QCOMPARE(read.data, QByteArray("written at close"));
    }

    void failedWriteRefusesCommitsUntilOneGoesThrough()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("state.sqlite");
        QString error;
        SqliteStateStore store;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.commit("c1", 0, "one", &error), StateStore::Commit::Ok);
        QVERIFY(store.sync(&error));

        rawExec(path, "CREATE TRIGGER refuse BEFORE INSERT ON conversations "
                      "BEGIN SELECT RAISE(ABORT, 'the disk says no'); END");
        QCOMPARE(store.commit("c2", 0, "two", &error), StateStore::Commit::Ok); // accepted
        QVERIFY(!store.sync(&error));
        QVERIFY2(error.contains(path) && error.contains("the disk says no"), qPrintable(error));
        StoredConversation read;
        QVERIFY(store.load("c2", &read, &error)); // served from memory meanwhile
        QCOMPARE(read.data, QByteArray("two"));
        error.clear();
        QCOMPARE(store.commit("c3", 0, "three", &error), StateStore::Commit::Unreachable);
        QVERIFY2(error.contains("the disk says no"), qPrintable(error));

        rawExec(path, "DROP TRIGGER refuse");
        QVERIFY2(store.sync(&error), qPrintable(error)); // the pending c2 goes through
        QCOMPARE(store.commit("c3", 0, "three", &error), StateStore::Commit::Ok);
        QVERIFY(store.sync(&error));
        QCOMPARE(rawCount(path, "SELECT COUNT(*) FROM conversations"), 3);
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
    // A connection of the test's own beside the store's, as another program would open the file.
    static QSqlQuery rawQuery(const QString &path, const QString &sql)
    {
        QSqlDatabase db = QSqlDatabase::database("raw", false);
        if (!db.isValid())
            db = QSqlDatabase::addDatabase("QSQLITE", "raw");
        db.close();
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        if (!q.exec(sql))
            qWarning() << sql << "failed";
        return q;
    }
    static void rawExec(const QString &path, const QString &sql) { rawQuery(path, sql); }
    static int rawCount(const QString &path, const QString &sql)
    {
        QSqlQuery q = rawQuery(path, sql);
        return q.next() ? q.value(0).toInt() : -1;
    }

    test::RedisServer m_redis;
    bool m_redisUp = false;
};

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_state_store.moc"
