// Opening store files: schema creation and migrations, refusal of newer, foreign and damaged
// files, and several connections (also from several threads) on one file.

#include "store/audit_store.h"
#include "store/response_cache.h"
#include "store/sqlite_database.h"
#include "store_test_util.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;
using Internal::MigrationSteps;
using Internal::SqliteDatabase;

class TestStoreDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsEveryTableOnAnEmptyFile_data();
    void createsEveryTableOnAnEmptyFile();
    void usesWalJournal();
    void reopeningIsIdempotent();
    void appliesOnlyTheMissingMigrationSteps();
    void failedMigrationLeavesTheFileAtItsVersion();
    void refusesANewerSchemaVersion_data();
    void refusesANewerSchemaVersion();
    void refusesAnotherApplicationsDatabase();
    void reportsDamagedFiles_data();
    void reportsDamagedFiles();
    void reportsUnusablePaths_data();
    void reportsUnusablePaths();
    void storesOnSeveralThreadsShareOneFile();
    void walSwitchWaitsForAnotherConnectionsLock_data();
    void walSwitchWaitsForAnotherConnectionsLock();

private:
    QTemporaryDir m_dir;
};

void TestStoreDatabase::createsEveryTableOnAnEmptyFile_data()
{
    QTest::addColumn<QString>("table");
    for (const char *t : {"sessions", "events", "calls", "preferences", "response_cache"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestStoreDatabase::createsEveryTableOnAnEmptyFile()
{
    QFETCH(QString, table);
    const QString path = m_dir.filePath(QStringLiteral("tables-%1.sqlite").arg(table));
    {
        AuditStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
    }
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(),
             AuditStore::schemaVersion());
    QCOMPARE(rawQuery(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                           "'table' AND name = '%1'")
                                .arg(table))
                 .toInt(),
             1);
}

void TestStoreDatabase::usesWalJournal()
{
    const QString path = m_dir.filePath(QStringLiteral("wal.sqlite"));
    AuditStore store;
    QVERIFY(store.open(path));
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
}

void TestStoreDatabase::reopeningIsIdempotent()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
    for (int round = 0; round < 3; ++round) {
        AuditStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        store.beginSession(QStringLiteral("s%1").arg(round), QStringLiteral("L"), {});
        store.recordEvent(QStringLiteral("s%1").arg(round), {Event::Type::TurnStarted, 1, {}});
        QVERIFY(store.sync());
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
    }
    AuditReader reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.sessions().size(), 3);
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(),
             AuditStore::schemaVersion());
}

void TestStoreDatabase::appliesOnlyTheMissingMigrationSteps()
{
    const QString path = m_dir.filePath(QStringLiteral("steps.sqlite"));
    const QStringList step1{QStringLiteral("CREATE TABLE a (x INTEGER)")};
    // Re-running step 1 would fail (the table exists), so success proves it ran once.
    const QStringList step2{QStringLiteral("CREATE TABLE b (y INTEGER)"),
                            QStringLiteral("INSERT INTO a (x) VALUES (42)")};
    QString error;
    {
        SqliteDatabase db;
        QVERIFY2(
            db.open(path, MigrationSteps{step1}, SqliteDatabase::OpenMode::CreateIfMissing, &error),
            qPrintable(error));
        QCOMPARE(db.schemaVersion(), 1);
    }
    {
        SqliteDatabase db;
        QVERIFY2(db.open(path, MigrationSteps{step1, step2},
                         SqliteDatabase::OpenMode::CreateIfMissing, &error),
                 qPrintable(error));
        QCOMPARE(db.schemaVersion(), 2);
    }
    QCOMPARE(rawQuery(path, QStringLiteral("SELECT x FROM a")).toInt(), 42);
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(), 2);
}

void TestStoreDatabase::failedMigrationLeavesTheFileAtItsVersion()
{
    const QString path = m_dir.filePath(QStringLiteral("failed-step.sqlite"));
    const QStringList step1{QStringLiteral("CREATE TABLE a (x INTEGER)")};
    const QStringList badStep{QStringLiteral("CREATE TABLE c (z INTEGER)"),
                              QStringLiteral("INSERT INTO no_such_table VALUES (1)")};
    QString error;
    {
        SqliteDatabase db;
        QVERIFY(db.open(path, {step1}, SqliteDatabase::OpenMode::CreateIfMissing, &error));
    }
    SqliteDatabase db;
    QVERIFY(!db.open(path, {step1, badStep}, SqliteDatabase::OpenMode::CreateIfMissing, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("schema version 2")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("statement 2")), qPrintable(error));
    QVERIFY(!db.isOpen());
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);
    // The first statement of the failed step was rolled back with it.
    QCOMPARE(rawQuery(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'c'"))
                 .toInt(),
             0);
}

void TestStoreDatabase::refusesANewerSchemaVersion_data()
{
    QTest::addColumn<QString>("opener");
    QTest::newRow("audit store") << QStringLiteral("store");
    QTest::newRow("audit reader") << QStringLiteral("reader");
    QTest::newRow("response cache") << QStringLiteral("cache");
}

void TestStoreDatabase::refusesANewerSchemaVersion()
{
    QFETCH(QString, opener);
    const QString path = m_dir.filePath(QStringLiteral("newer-%1.sqlite").arg(opener));
    {
        AuditStore store;
        QVERIFY(store.open(path));
    }
    const int future = AuditStore::schemaVersion() + 7;
    rawQuery(path, QStringLiteral("PRAGMA user_version = %1").arg(future));
    rawQuery(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const QByteArray before = readAll(path);

    QString error;
    bool opened = true;
    if (opener == QLatin1String("store")) {
        AuditStore s;
        opened = s.open(path, &error);
        QCOMPARE(s.isOpen(), false);
        s.recordEvent(QStringLiteral("x"), {}); // dropped with an error, no crash
        s.flush();
        QVERIFY(!s.lastError().isEmpty());
    } else if (opener == QLatin1String("reader")) {
        AuditReader r;
        opened = r.open(path, &error);
        QVERIFY(r.sessions().isEmpty());
    } else {
        ResponseCache c;
        opened = c.open(path, &error);
        QVERIFY(!c.lookup(sampleRequest()));
    }
    QVERIFY(!opened);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QString::number(future)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(), future);
}

void TestStoreDatabase::refusesAnotherApplicationsDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    rawQuery(path, QStringLiteral("PRAGMA application_id = 1234"));
    rawQuery(path, QStringLiteral("CREATE TABLE t (x)"));
    AuditStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("another application")),
             qPrintable(error));
}

void TestStoreDatabase::reportsDamagedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QRandomGenerator random(20261123);
    QByteArray noise(8192, '\0');
    random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    QTest::newRow("random bytes") << noise;
    QTest::newRow("short random bytes") << noise.left(37);
    QTest::newRow("text file") << QByteArray("{\"format\": \"ladder/1\"}\n");
    QByteArray header("SQLite format 3");
    header.append('\0');
    QTest::newRow("sqlite header then noise") << header + noise;
}

void TestStoreDatabase::reportsDamagedFiles()
{
    QFETCH(QByteArray, bytes);
    const QString path = m_dir.filePath(QStringLiteral("damaged-%1.sqlite")
                                            .arg(QTest::currentDataTag())
                                            .replace(QLatin1Char(' '), QLatin1Char('-')));
    QVERIFY(writeFile(path, bytes));
    QString error;
    AuditStore store;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    AuditReader reader;
    QVERIFY(!reader.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    ResponseCache cache;
    QVERIFY(!cache.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), bytes);
}

void TestStoreDatabase::reportsUnusablePaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("reader");
    QTest::addColumn<QString>("expected");
    QTest::newRow("directory") << m_dir.path() << false << QStringLiteral("directory");
    QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("no/such/folder/a.sqlite"))
                                    << false << QStringLiteral("cannot open");
    QTest::newRow("reader of a missing file") << m_dir.filePath(QStringLiteral("missing.sqlite"))
                                              << true << QStringLiteral("no such store file");
    QTest::newRow("empty name") << QString() << false << QStringLiteral("no store file name");
}

void TestStoreDatabase::reportsUnusablePaths()
{
    QFETCH(QString, path);
    QFETCH(bool, reader);
    QFETCH(QString, expected);
    QString error;
    if (reader) {
        AuditReader r;
        QVERIFY(!r.open(path, &error));
        QVERIFY(!QFile::exists(path)); // a reader never creates a file
    } else {
        AuditStore s;
        QVERIFY(!s.open(path, &error));
    }
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestStoreDatabase::storesOnSeveralThreadsShareOneFile()
{
    const QString path = m_dir.filePath(QStringLiteral("threads.sqlite"));
    {
        AuditStore init;
        QVERIFY(init.open(path));
    }
    constexpr int kThreads = 3;
    constexpr int kTurns = 40;
    QStringList errors(kThreads);
    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.append(QThread::create([&, t] {
            AuditStore store; // its own connection, on this thread
            if (!store.open(path, &errors[t]))
                return;
            const QString session = QStringLiteral("thread-%1").arg(t);
            store.beginSession(session, QStringLiteral("L"), {});
            for (int turn = 1; turn <= kTurns; ++turn) {
                store.recordEvent(session, {Event::Type::TurnStarted, turn, {}});
                store.recordEvent(session, {Event::Type::TurnCompleted, turn, {}});
                if (!store.sync())
                    errors[t] = store.lastError();
            }
        }));
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(60000));
        delete t;
    }
    for (const QString &e : errors)
        QVERIFY2(e.isEmpty(), qPrintable(e));
    AuditReader reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.sessions().size(), kThreads);
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(reader.events(QStringLiteral("thread-%1").arg(t)).size(), 2 * kTurns);
}

void TestStoreDatabase::walSwitchWaitsForAnotherConnectionsLock_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<bool>("responseCache");
    QTest::newRow("new file, audit store") << false << false;
    QTest::newRow("rollback-journal file, audit store") << true << false;
    QTest::newRow("new file, response cache") << false << true;
}

// What a second process opening a new audit file meets: the first one holds the write lock
// while this one switches to WAL. SQLite answers "database is locked" at once there, without
// the busy timeout; the open must wait for the lock instead of failing.
void TestStoreDatabase::walSwitchWaitsForAnotherConnectionsLock()
{
    QFETCH(bool, existing);
    QFETCH(bool, responseCache);
    const QString path =
        m_dir.filePath(QStringLiteral("wal-race-%1.sqlite").arg(QTest::currentDataTag()));
    if (existing) {
        QString error;
        // A rollback-journal file without tables (one with another program's tables is refused).
        rawQuery(path, QStringLiteral("CREATE TABLE unrelated (x INTEGER)"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        rawQuery(path, QStringLiteral("DROP TABLE unrelated"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    std::atomic<bool> locked{false};
    QString holderError;
    QThread *holder = QThread::create([&] {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "holder");
            db.setDatabaseName(path);
            QSqlQuery q(db);
            if (!db.open() || !q.exec(QStringLiteral("BEGIN IMMEDIATE")))
                holderError = db.lastError().text() + q.lastError().text();
            locked = true;
            QThread::msleep(300); // as long as the other process's first transaction
            q.exec(QStringLiteral("ROLLBACK"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    });
    holder->start();
    while (!locked)
        QThread::msleep(1);
    QString error;
    bool opened = false;
    if (responseCache) {
        ResponseCache cache;
        opened = cache.open(path, &error);
    } else {
        AuditStore store;
        opened = store.open(path, &error);
    }
    QVERIFY(holder->wait(10000));
    delete holder;
    QVERIFY2(holderError.isEmpty(), qPrintable(holderError));
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(),
             AuditStore::schemaVersion());
}

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "tst_store_database.moc"
