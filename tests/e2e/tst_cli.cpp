// The `ladder` command line end to end: the real binary, real files, real SQLite.

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run ladderRun(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(QStringLiteral(LADDER_CLI), args);
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("ladder %s did not finish", qPrintable(args.join(' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString example(const QString &name)
{
    return QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/%1.json").arg(name);
}

QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> events;
    for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("not a JSON line: %s", qPrintable(line));
        events.append(doc.object());
    }
    return events;
}

QStringList completedTiers(const QList<QJsonObject> &events)
{
    QStringList tiers;
    for (const QJsonObject &e : events) {
        if (e["event"] == "turn_completed")
            tiers << e["tier"].toString();
    }
    return tiers;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    f.write(content);
    return f.fileName();
}

const QByteArray kFramingScript =
    "I want to build a small command-line tool that renames photos by the date they were taken.\n"
    "It must run on Linux and macOS and use only the Python standard library.\n"
    "# comments and blank lines are skipped\n\n"
    "Write the function that reads the date from the EXIF data.\n"
    "Now add a dry-run flag that prints what would change.\n"
    "Is it legal to scan my coworkers' photos for GPS data, and is it a security risk?\n"
    "Add a short usage section to the README.\n";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void validateAcceptsEveryExample()
    {
        const QStringList names{"framing", "step-down", "escalation-tool",
                                "listener-worker-reasoner", "task-registry"};
        QStringList files;
        for (const QString &n : names)
            files << example(n);
        const Run r = ladderRun(QStringList{"validate"} + files);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(": ok\n"), 5);
        QVERIFY(r.err.isEmpty());
    }

    void validateNamesFileAndPath_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QFile framing(example("framing"));
        QVERIFY(framing.open(QIODevice::ReadOnly));
        const QByteArray good = framing.readAll();
        QByteArray dangling = good;
        dangling.replace("\"to\": \"light\"", "\"to\": \"mid\"");
        QByteArray wrongType = good;
        wrongType.replace("\"temperature\": 0.2", "\"temperature\": \"warm\"");
        QTest::newRow("syntax error") << good.left(good.size() / 2) << "broken.json: line ";
        QTest::newRow("dangling tier id") << dangling << "broken.json: /transitions/";
        QTest::newRow("wrong type") << wrongType << "broken.json: /tiers/0/params/temperature: ";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "broken.json: ";
        QTest::newRow("empty file") << QByteArray() << "broken.json: ";
    }
    void validateNamesFileAndPath()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString file = writeFile(dir, "broken.json", content);
        const Run r = ladderRun({"validate", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.err.contains(file)); // the file as the user named it
    }

    void validateMissingFileIsAnError()
    {
        const Run r = ladderRun({"validate", "/nonexistent/ladder.json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/nonexistent/ladder.json"));
    }

    void chatFollowsTheLadder_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QStringList>("tiers");
        QTest::newRow("framing") << "framing" << kFramingScript
                                 << QStringList{"strong", "strong", "light",
                                                "light",  "strong", "light"};
        QTest::newRow("escalation tool")
            << "escalation-tool"
            << QByteArray("What's the capital of Portugal?\nWhy does a quantum harmonic "
                          "oscillator have non-zero ground-state energy?\nAnd Spain?\n")
            << QStringList{"cheap", "strong", "cheap"};
    }
    void chatFollowsTheLadder()
    {
        QFETCH(QString, ladder);
        QFETCH(QByteArray, script);
        QFETCH(QStringList, tiers);
        QTemporaryDir dir;
        const QString scriptFile = writeFile(dir, "script.txt", script);
        const Run r = ladderRun({"chat", example(ladder), "--script", scriptFile, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> events = jsonLines(r.out);
        QCOMPARE(completedTiers(events), tiers);
        for (const QJsonObject &e : events) {
            QVERIFY(e.contains("turn"));
            if (e["event"] == "turn_completed") {
                QVERIFY(e["usage"].toObject().contains("input_tokens"));
                QVERIFY(e["usage"].toObject().contains("output_tokens"));
                QVERIFY(e["cost_usd"].toDouble() > 0);
                QVERIFY(e["ttft_ms"].toDouble() > 0);
                QVERIFY(e["latency_ms"].toDouble() > 0);
                QVERIFY(!e["model"].toString().isEmpty());
            }
            if (e["event"] == "escalated") {
                QVERIFY(!e["from"].toString().isEmpty());
                QVERIFY(!e["to"].toString().isEmpty());
                QVERIFY(!e["reason"].toString().isEmpty());
            }
        }
        // Event lines start with the event name, as documented.
        QVERIFY(r.out.startsWith("{\"event\":\"turn_started\",\"turn\":1"));
    }

    void chatHumanOutputShowsTiersAndEscalations()
    {
        const Run r = ladderRun({"chat", "escalation-tool", "--script", "-"},
                                "What's the capital of Portugal?\nWhy does a quantum harmonic "
                                "oscillator have non-zero ground-state energy?\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("[cheap: gemini-3-flash-preview] "));
        QVERIFY(r.out.contains("↳ escalating ("));
        QVERIFY(r.out.contains("[strong: gemini-3.1-pro-preview] "));
        QVERIFY(r.out.contains("simulated"));
    }

    void rateLimitFaultFallsBackAndCompletes()
    {
        QTemporaryDir dir;
        const QString scriptFile = writeFile(dir, "script.txt", kFramingScript);
        const Run r = ladderRun({"chat", example("framing"), "--script", scriptFile, "--json",
                                 "--fault", "rate_limited@2"});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> events = jsonLines(r.out);
        int fallbacks = 0;
        for (const QJsonObject &e : events) {
            if (e["event"] == "fallback") {
                ++fallbacks;
                QCOMPARE(e["turn"].toInt(), 2);
                QCOMPARE(e["error"].toString(), QString("rate_limited"));
                QVERIFY(!e["from_model"].toString().isEmpty());
                QVERIFY(e["to_model"].toString() != e["from_model"].toString());
            }
        }
        QCOMPARE(fallbacks, 1);
        QCOMPARE(completedTiers(events).size(), 6);
    }

    void chatWritesTheAuditDatabase()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("audit.sqlite");
        const Run r = ladderRun(
            {"chat", "framing", "--script", "-", "--audit", db, "--fault", "unavailable@1"},
            kFramingScript);
        QCOMPARE(r.exitCode, 0);
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase("QSQLITE", "check");
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec("SELECT COUNT(*), SUM(cost_usd) FROM calls"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 7); // 6 turns + 1 retried call
            QVERIFY(q.value(1).toDouble() > 0);
            QVERIFY(q.exec("SELECT COUNT(*) FROM events WHERE type = 'turn_completed'"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 6);
        }
        QSqlDatabase::removeDatabase("check");
    }

    void badArgumentsAreExplained_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad fault")
            << QStringList{"chat", "framing", "--fault", "meteor@2"} << 2 << "--fault";
        QTest::newRow("bad seed") << QStringList{"chat", "framing", "--seed", "x"} << 2 << "--seed";
        QTest::newRow("missing ladder")
            << QStringList{"chat", "/no/such.json"} << 1 << "/no/such.json";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
    }
    void badArgumentsAreExplained()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = ladderRun(args, "");
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void providersFileAndCacheAreUsed()
    {
        QTemporaryDir dir;
        const QString providers = writeFile(
            dir, "providers.json",
            "{\"format\": \"providers/1\", \"providers\": [ {\"id\": \"openai\", \"kind\": "
            "\"simulated\", \"base_url\": \"http://127.0.0.1:9/v1\"}, {\"id\": \"gemini\", "
            "\"kind\": \"simulated\", \"base_url\": \"http://127.0.0.1:9/v1\"}]}");
        const QString cache = dir.filePath("cache.sqlite");
        const QByteArray script = "Fix the bug in this Python function.\nWrite a poem.\n";
        const QStringList args{"chat",        "listener-worker-reasoner",
                               "--script",    "-",
                               "--providers", providers,
                               "--cache",     cache,
                               "--classify",  "model"};
        const Run first = ladderRun(args, script);
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.contains("configures no provider anthropic"), qPrintable(first.err));
        QVERIFY(first.out.contains("[coder: gpt-5.4-mini]"));
        QVERIFY(first.out.contains("response cache: 0.0 % hit rate"));
        // The same listener calls again: served from the cache file.
        const Run second = ladderRun(args, script);
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains("response cache: 100.0 % hit rate"), qPrintable(second.out));
    }

    void providersCheckReportsEachModel()
    {
        QTemporaryDir dir;
        const QString providers =
            writeFile(dir, "providers.json",
                      "{\"format\": \"providers/1\", \"providers\": [{\"id\": \"openai\", "
                      "\"kind\": \"openai\", \"base_url\": \"http://127.0.0.1:9/v1\", \"models\": "
                      "[\"gpt-5.4\"], \"timeouts\": {\"connect_ms\": 2000}}]}");
        const Run r = ladderRun({"providers", "check", "--providers", providers});
        QCOMPARE(r.exitCode, 1); // nothing listens on port 9
        QVERIFY2(r.out.contains("gpt-5.4"), qPrintable(r.out));
        QVERIFY(r.out.contains("$2.50 in / $15.00 out per Mtok"));
    }

    void benchPrintsItsFigures()
    {
        const Run r = ladderRun({"bench", "--turns", "300"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject figures = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"route_decision_ns_median", "turn_overhead_us_median",
                                "session_seconds", "peak_rss_mb"})
            QVERIFY2(figures[key].toDouble() > 0, key);
        QCOMPARE(figures["session_failed_turns"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
