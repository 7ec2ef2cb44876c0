// `ladder chat --audit` end to end, whatever happens to the process or the file: signals and
// kill -9 mid-turn, a damaged or full audit file, two processes on one new file. The real binary,
// real SQLite files.

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace {

// The user's data folder of every run, so the tests never write into the real one.
QString dataHome()
{
    static QTemporaryDir dir;
    return dir.path();
}

void prepare(QProcess *p)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    p->setProcessEnvironment(env);
    p->setProgram(QStringLiteral(LADDER_CLI));
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    f.write(content);
    return f.fileName();
}

QByteArray script(int turns)
{
    QByteArray out;
    for (int i = 1; i <= turns; ++i)
        out += QByteArrayLiteral("Step ") + QByteArray::number(i) +
               QByteArrayLiteral(": write the next function of the photo renamer.\n");
    return out;
}

// The rows a query reads, each as its columns joined with '|'; *error when the file cannot be
// read (yet). Never creates the file.
QStringList sqlRows(const QString &file, const QString &query, QString *error = nullptr)
{
    static int counter = 0;
    const QString name = QStringLiteral("check-%1").arg(++counter);
    QStringList rows;
    if (!QFile::exists(file)) {
        if (error)
            *error = file + QStringLiteral(": no such file");
        return rows;
    }
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        sql.setDatabaseName(file);
        sql.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!sql.open()) {
            if (error)
                *error = sql.lastError().text();
        } else {
            QSqlQuery q(sql);
            if (!q.exec(query)) {
                if (error)
                    *error = q.lastError().text();
            }
            while (q.next()) {
                QStringList columns;
                for (int i = 0; i < q.record().count(); ++i)
                    columns << q.value(i).toString();
                rows << columns.join('|');
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> events;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject())
            qFatal("not a JSON line: %s", line.constData());
        events.append(doc.object());
    }
    return events;
}

int countEvents(const QList<QJsonObject> &events, const QString &type)
{
    return int(std::count_if(events.begin(), events.end(),
                             [&](const QJsonObject &e) { return e["event"] == type; }));
}

// Overwrites the root page of every table and index (not the schema on page 1) with garbage:
// the file still opens, every write fails as "database disk image is malformed".
void corruptTablePages(const QString &file)
{
    const int pageSize = sqlRows(file, "PRAGMA page_size").value(0).toInt();
    const QStringList roots =
        sqlRows(file, "SELECT rootpage FROM sqlite_master WHERE rootpage > 1");
    if (pageSize <= 0 || roots.isEmpty())
        qFatal("cannot read the pages of %s", qPrintable(file));
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite))
        qFatal("cannot open %s", qPrintable(file));
    for (const QString &root : roots) {
        f.seek(qint64(root.toInt() - 1) * pageSize);
        f.write(QByteArray(pageSize, '\x5a'));
    }
}

} // namespace

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    // Ctrl+C, SIGTERM or kill -9 while a turn is in flight (its first call failed, the retry is
    // under way): everything up to the last finished call is in the audit (during turn 1 the
    // session row too), and a caught signal also records the turn as cancelled, with the user's
    // text, and exits 128 + signal.
    void signalMidTurnKeepsTheTurnInTheAudit_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("turn");
        QTest::addColumn<int>("exitCode"); // -1: killed, no exit code
        QTest::newRow("SIGINT in turn 1") << int(SIGINT) << 1 << 130;
        QTest::newRow("SIGTERM in turn 1") << int(SIGTERM) << 1 << 143;
        QTest::newRow("SIGKILL in turn 1") << int(SIGKILL) << 1 << -1;
        QTest::newRow("SIGINT in turn 2") << int(SIGINT) << 2 << 130;
        QTest::newRow("SIGKILL in turn 2") << int(SIGKILL) << 2 << -1;
    }
    void signalMidTurnKeepsTheTurnInTheAudit()
    {
        QFETCH(int, signal);
        QFETCH(int, turn);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("audit.sqlite"));
        const QStringList texts{"I want to build a small command-line tool that renames photos.",
                                "It must run on Linux and macOS, standard library only.",
                                "Write the function that reads the EXIF date."};
        const QString turnsFile =
            writeFile(dir, QStringLiteral("turns.txt"), texts.join('\n').toUtf8() + '\n');
        const QString t = QString::number(turn);
        QProcess p;
        prepare(&p);
        // Slow enough that the retry is still under way long after the failed first call.
        p.setArguments({QStringLiteral("chat"), QStringLiteral("framing"), "--script", turnsFile,
                        "--audit", db, "--json", "--no-deltas", "--time-scale", "3", "--fault",
                        "rate_limited@" + t});
        p.start();
        QVERIFY(p.waitForStarted());

        // Wait (bounded) until the turn's failed call is in the file, reading the events meanwhile.
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        QStringList failedCall;
        while (failedCall.isEmpty() && waited.elapsed() < 60000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(50);
            out += p.readAllStandardOutput();
            failedCall = sqlRows(db, "SELECT status FROM calls WHERE turn = " + t +
                                         " AND status = 'rate_limited'");
        }
        out += p.readAllStandardOutput();
        const QList<QJsonObject> before = jsonLines(out);
        QVERIFY2(!failedCall.isEmpty(), "the failed call never reached the audit mid-turn");
        QVERIFY2(countEvents(before, "turn_completed") == turn - 1 &&
                     countEvents(before, "turn_failed") == 0,
                 "the turn had already ended: nothing was in flight");
        QVERIFY(p.state() == QProcess::Running);

        ::kill(pid_t(p.processId()), signal);
        QVERIFY(p.waitForFinished(30000));
        out += p.readAllStandardOutput();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (exitCode < 0) {
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        } else {
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QVERIFY2(p.exitCode() == exitCode,
                     qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
        }

        // Up to the last finished call: the session, the turns before whole, this turn's start
        // (with the user's text) and its failed call; nothing after.
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM sessions"), QStringList{"1"});
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events WHERE type = 'turn_completed'"),
                 QStringList{QString::number(turn - 1)});
        QCOMPARE(sqlRows(db, "SELECT json_extract(data_json, '$.user_text') FROM events WHERE "
                             "type = 'turn_started' AND turn = " +
                                 t),
                 QStringList{texts[turn - 1]});
        QVERIFY(sqlRows(db, "SELECT status FROM calls WHERE turn = " + t)
                    .contains(QStringLiteral("rate_limited")));
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events WHERE turn > " + t), QStringList{"0"});
        if (exitCode < 0)
            return;
        // A caught signal: the turn is recorded as cancelled, with the user's text; every call
        // of it is there (a stream cut by the signal as "cancelled").
        QCOMPARE(sqlRows(db, "SELECT json_extract(data_json, '$.error'), json_extract(data_json, "
                             "'$.user_text') FROM events WHERE type = 'turn_failed' AND turn = " +
                                 t),
                 QStringList{"cancelled|" + texts[turn - 1]});
        for (const QString &status : sqlRows(db, "SELECT status FROM calls WHERE turn = " + t))
            QVERIFY2(status == "rate_limited" || status == "cancelled", qPrintable(status));
        const QList<QJsonObject> events = jsonLines(out);
        QCOMPARE(countEvents(events, "turn_failed"), 1);
        QCOMPARE(countEvents(events, "turn_started"), turn); // no turn started after it
    }

    // Ctrl+C while `ladder chat` waits for the next line (stdin still open): it ends at once,
    // 130, the turns before in the audit.
    void interruptWhileWaitingForInputExits()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("audit.sqlite"));
        QProcess p;
        prepare(&p);
        p.setArguments(
            {"chat", "framing", "--script", "-", "--audit", db, "--json", "--no-deltas"});
        p.start();
        QVERIFY(p.waitForStarted());
        p.write("Plan a migration of our billing database.\n");
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        while (!out.contains("turn_completed") && waited.elapsed() < 30000 &&
               p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
        }
        QVERIFY(out.contains("turn_completed"));
        QVERIFY(p.state() == QProcess::Running); // blocked reading stdin, which stays open
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY2(p.waitForFinished(20000), "still waiting for input after SIGINT");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events WHERE type = 'turn_completed'"),
                 QStringList{"1"});
    }

    // A write that fails leaves the turns unrecorded: the run says which and exits 4, not 0.
    void auditWriteFailureExitsNonZero_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("corrupted pages") << "corrupt";
        QTest::newRow("disk full (file size limit)") << "full";
    }
    void auditWriteFailureExitsNonZero()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("audit.sqlite"));
        constexpr int kTurns = 8;
        const QString turnsFile = writeFile(dir, QStringLiteral("turns.txt"), script(kTurns));
        QProcess p;
        prepare(&p);
        if (damage == QLatin1String("corrupt")) {
            QProcess first;
            prepare(&first);
            first.setArguments({"chat", "framing", "--script", turnsFile, "--audit", db});
            first.start();
            QVERIFY(first.waitForFinished(60000));
            QCOMPARE(first.exitCode(), 0);
            corruptTablePages(db);
        } else {
            // A small file size limit: the file opens and the first writes fit, then the disk
            // is "full" (EFBIG instead of the signal).
            p.setChildProcessModifier([] {
                const rlimit limit{96 * 1024, 96 * 1024};
                ::setrlimit(RLIMIT_FSIZE, &limit);
                ::signal(SIGXFSZ, SIG_IGN);
            });
        }
        p.setArguments(
            {"chat", "framing", "--script", turnsFile, "--audit", db, "--json", "--no-deltas"});
        p.start();
        QVERIFY(p.waitForFinished(60000));
        const QList<QJsonObject> events = jsonLines(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(countEvents(events, "turn_completed"), kTurns); // the turns themselves ran
        QVERIFY2(p.exitCode() == 4,
                 qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
        QVERIFY2(err.contains(QStringLiteral("not recorded")), qPrintable(err));
        // The last turn is among those named (a full disk stays full).
        QVERIFY2(
            err.contains(QRegularExpression(QStringLiteral("turns? [0-9, ]*\\b%1\\b").arg(kTurns))),
            qPrintable(err));
    }

    // Two processes open one new audit file at the same moment, 50 turns each: both run every
    // turn and no row is lost. Each trial a fresh file. The race (one process switching the new
    // file to WAL while the other holds its write lock) lasts milliseconds on a fast disk, so
    // some trials make it last: a third connection holds the write lock while both open.
    void twoProcessesShareAFreshAuditFile_data()
    {
        QTest::addColumn<int>("holdMs");
        for (int i = 1; i <= 4; ++i)
            QTest::addRow("trial %d", i) << 0;
        for (int i = 1; i <= 2; ++i)
            QTest::addRow("trial %d, write lock held at open", i) << 500;
    }
    void twoProcessesShareAFreshAuditFile()
    {
        QFETCH(int, holdMs);
        constexpr int kTurns = 50;
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("shared.sqlite"));
        const QString turnsFile = writeFile(dir, QStringLiteral("turns.txt"), script(kTurns));
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b}) {
            prepare(p);
            p->setArguments(
                {"chat", "framing", "--script", turnsFile, "--audit", db, "--json", "--no-deltas"});
        }
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "holder");
            if (holdMs > 0) {
                holder.setDatabaseName(db);
                QVERIFY(holder.open());
                QVERIFY(QSqlQuery(holder).exec(QStringLiteral("BEGIN IMMEDIATE")));
            }
            a.start();
            b.start();
            if (holdMs > 0) {
                QTest::qWait(holdMs); // both processes reach the WAL switch meanwhile
                QVERIFY(QSqlQuery(holder).exec(QStringLiteral("ROLLBACK")));
                holder.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        int events = 0;
        int calls = 0;
        for (QProcess *p : {&a, &b}) {
            if (p->state() != QProcess::NotRunning) // it may have ended during the hold
                QVERIFY(p->waitForFinished(120000));
            const QString err = QString::fromUtf8(p->readAllStandardError());
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     qPrintable(QStringLiteral("exit %1: %2").arg(p->exitCode()).arg(err)));
            const QList<QJsonObject> lines = jsonLines(p->readAllStandardOutput());
            QCOMPARE(countEvents(lines, "turn_completed"), kTurns);
            events += int(lines.size());
            for (const QJsonObject &e : lines) {
                if (e["event"] == "turn_completed")
                    calls += e["calls"].toInt();
            }
        }
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM sessions"), QStringList{"2"});
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events WHERE type = 'turn_completed'"),
                 QStringList{QString::number(2 * kTurns)});
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events"), QStringList{QString::number(events)});
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM calls"), QStringList{QString::number(calls)});
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
