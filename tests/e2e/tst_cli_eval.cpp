// `ladder eval` end to end: the real binary over a generic JSONL set (always) and the shared
// MT-Bench replay (when ../shared/data is there); --json in the issue's shape, errors, kept runs.

#include "labelled_set.h"
#include "store/audit_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
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

QTemporaryDir &home()
{
    static QTemporaryDir dir;
    return dir;
}

Run ladderRun(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home().path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LADDER_CLI), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("ladder %s did not finish", qPrintable(args.join(' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString ladderFile(const QString &name)
{
    return QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/%1.json").arg(name);
}

// Two cases answered by the category ladder's two models, right/wrong labels.
QString goldenSet()
{
    const QString path = home().filePath(QStringLiteral("golden.jsonl"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(
        R"({"id": "sum", "task": "math", "turns": ["Calculate 12 + 30."], "answers": {"gpt-4-1106-preview": ["12 + 30 = 42"], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["It is 41"]}, "expect": {"scorer": "last_number", "value": "42"}}
{"id": "poem", "task": "writing", "turns": ["Write one line about the sea."], "answers": {"gpt-4-1106-preview": ["The sea keeps every secret."], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["The sea is blue and wide."]}, "expect": {"scorer": "contains", "value": "sea"}}
)");
    return path;
}

// Twenty labelled cases: proofs the light model gets wrong, poems both get right.
QString labelledSet()
{
    return ladder::test::writeLabelledSet(home().filePath(QStringLiteral("labelled.jsonl")));
}

// An audit store written by a real `ladder chat --audit` run, with `cases` feedback cases of its
// session added by the store as the studio's chat adds them: proofs need the strong tier (a
// thumbs-down on the light answer), poems do not (a thumbs-up).
QString chatAuditWithFeedback(const QString &name, int cases)
{
    const QString script = home().filePath(name + QStringLiteral(".txt"));
    QFile f(script);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(script));
    f.write("Plan a small web shop.\nGo on.\n");
    f.close();
    const QString db = home().filePath(name + QStringLiteral(".sqlite"));
    const Run chat =
        ladderRun({"chat", "framing", "--script", script, "--audit", db, "--time-scale", "0"});
    if (chat.exitCode != 0)
        qFatal("ladder chat: %s", qPrintable(chat.err));
    ladder::AuditStore store;
    QString error;
    if (!store.open(db, &error))
        qFatal("%s", qPrintable(error));
    ladder::AuditReader reader;
    if (!reader.open(db, &error) || reader.sessions().size() != 1)
        qFatal("no chat session in %s", qPrintable(db));
    const QString session = reader.sessions().constFirst().id;
    for (int i = 0; i < cases; ++i) {
        const bool hard = i % 2 == 0;
        ladder::FeedbackCase c;
        c.sessionId = session;
        c.turn = i + 1;
        c.userText = hard ? QStringLiteral("Prove the lemma number %1.").arg(i)
                          : QStringLiteral("Write a haiku number %1.").arg(i);
        c.tierId = QStringLiteral("light");
        c.needsStrong = hard;
        c.source = hard ? ladder::FeedbackSource::ThumbsDown : ladder::FeedbackSource::ThumbsUp;
        if (!store.recordFeedback(c))
            qFatal("%s", qPrintable(store.lastError()));
    }
    return db;
}

QJsonObject runNamed(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &v : report.value(QStringLiteral("runs")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliEval : public QObject
{
    Q_OBJECT

private slots:
    void jsonReportHasTheIssuesShape()
    {
        const Run r = ladderRun({"eval", ladderFile("mt-bench-category"), "--dataset", goldenSet(),
                                 "--json", "--no-keep"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value("cases").toInt(), 2);
        QVERIFY(report.value("dataset").toString().endsWith("golden.jsonl"));
        const QJsonArray runs = report.value("runs").toArray();
        QCOMPARE(runs.size(), 3); // the ladder, always:strong, always:light
        for (const QJsonValue &v : runs)
            for (const char *key : {"name", "quality", "cost_usd", "strong_call_share",
                                    "escalation_rate", "latency_ms_p50", "latency_ms_p95"})
                QVERIFY2(v.toObject().contains(key), key);
        // The maths question goes strong (right), the line about the sea light (contains "sea").
        const QJsonObject ladder = runNamed(report, "MT-Bench category rule");
        QCOMPARE(ladder.value("quality").toDouble(), 1.0);
        QCOMPARE(ladder.value("strong_call_share").toDouble(), 0.5);
        QCOMPARE(runNamed(report, "always:light").value("quality").toDouble(), 0.5);
        QVERIFY(!report.contains("cpt"));
    }

    void sweepAddsCptAndApgr()
    {
        const Run r = ladderRun({"eval", ladderFile("length-threshold"), "--dataset", goldenSet(),
                                 "--sweep", "long.min_chars=0:40:20", "--json", "--no-keep"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(report.value("cpt").toObject().contains("50"));
        QVERIFY(report.value("apgr").isDouble());
        QVERIFY(!runNamed(report, "long.min_chars=20").isEmpty());
        QCOMPARE(runNamed(report, "long.min_chars=0").value("strong_call_share").toDouble(), 1.0);
    }

    void badUsageIsExplained_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString ladder = ladderFile("mt-bench-category");
        QTest::newRow("no dataset") << QStringList{"eval", ladder} << 2 << "--dataset PATH";
        QTest::newRow("bad map") << QStringList{"eval",      ladder,  "--dataset",
                                                goldenSet(), "--map", "strong"}
                                 << 2 << "expected TIER=ANSWERER";
        QTest::newRow("unknown answerer")
            << QStringList{"eval", ladder, "--dataset", goldenSet(), "--map", "strong=gpt-9"} << 2
            << "\"gpt-9\" is not an answerer";
        QTest::newRow("bad sweep")
            << QStringList{"eval", ladder, "--dataset", goldenSet(), "--sweep", "x=1"} << 2
            << "expected ID.FIELD=FROM:TO:STEP";
        QTest::newRow("missing file")
            << QStringList{"eval", ladder, "--dataset", "/nope.jsonl"} << 1 << "/nope.jsonl";
        QTest::newRow("unreplayed tier") << QStringList{"eval", "framing", "--dataset", goldenSet()}
                                         << 2 << "--map strong=ANSWERER";
    }
    void badUsageIsExplained()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = ladderRun(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void runsAreKeptAndCompared()
    {
        const QString db = home().filePath(QStringLiteral("runs.sqlite"));
        const QStringList args{
            "eval", ladderFile("mt-bench-category"), "--dataset", goldenSet(), "--runs", db};
        QCOMPARE(ladderRun(args).exitCode, 0);
        const Run second = ladderRun(args + QStringList{"--compare", "last", "--json"});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QJsonObject report = QJsonDocument::fromJson(second.out.toUtf8()).object();
        const QJsonArray comparison = report.value("comparison").toArray();
        QCOMPARE(comparison.size(), 2);
        QCOMPARE(comparison.at(0).toObject().value("quality").toString(), QStringLiteral("same"));
    }

    void trainWritesATrainedLadder()
    {
        const QString out = home().filePath(QStringLiteral("trained.json"));
        const Run r = ladderRun({"train", ladderFile("learned-listener"), "--detector", "listener",
                                 "--dataset", labelledSet(), "--cv", "2", "-o", out, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value("turns").toInt(), 20);
        QCOMPARE(summary.value("needs_strong").toInt(), 10);
        QVERIFY(summary.value("cv").toObject().value("auc").toDouble() > 0.8);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ladder = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject model =
            ladder.value("detectors").toArray().first().toObject().value("model").toObject();
        QCOMPARE(model.value("version").toInt(), 1);
        QVERIFY(!model.value("weights").toString().isEmpty());
        // The trained file validates without the "untrained" warning.
        const Run v = ladderRun({"validate", out});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(!v.err.contains("untrained") && !v.out.contains("untrained"), qPrintable(v.err));
    }

    // --prune leaves the small weights out: fewer weights, a smaller file, and the file says so.
    void trainPrunesTheSmallWeights()
    {
        auto train = [this](const QString &prune, qint64 *bytes, QJsonObject *trained) {
            const QString out = home().filePath(QStringLiteral("pruned-%1.json").arg(prune));
            const Run r = ladderRun({"train", ladderFile("learned-listener"), "--detector",
                                     "listener", "--dataset", labelledSet(), "--cv", "0", "--prune",
                                     prune, "-o", out, "--json"});
            if (r.exitCode != 0)
                qWarning("%s", qPrintable(r.err));
            QFile f(out);
            *bytes = f.size();
            if (f.open(QIODevice::ReadOnly))
                *trained = QJsonDocument::fromJson(f.readAll())
                               .object()
                               .value("detectors")
                               .toArray()
                               .first()
                               .toObject()
                               .value("model")
                               .toObject()
                               .value("trained")
                               .toObject();
            return QJsonDocument::fromJson(r.out.toUtf8()).object().value("weights").toInt();
        };
        qint64 allBytes = 0;
        qint64 prunedBytes = 0;
        QJsonObject allTrained;
        QJsonObject prunedTrained;
        const int all = train(QStringLiteral("0"), &allBytes, &allTrained);
        const int pruned = train(QStringLiteral("0.5"), &prunedBytes, &prunedTrained);
        QVERIFY2(pruned > 0 && pruned < all,
                 qPrintable(QStringLiteral("%1 of %2").arg(pruned).arg(all)));
        QVERIFY(prunedBytes < allBytes);
        QVERIFY(!allTrained.contains("prune"));
        QCOMPARE(prunedTrained.value("prune").toDouble(), 0.5);
    }

    void trainUsesFeedbackCasesFromAChatAudit_data()
    {
        QTest::addColumn<bool>("withDataset");
        QTest::addColumn<int>("cases");
        QTest::newRow("feedback alone") << false << 12;
        QTest::newRow("feedback and a data set") << true << 12;
        QTest::newRow("a data set and an audit without feedback") << true << 0;
    }

    void trainUsesFeedbackCasesFromAChatAudit()
    {
        QFETCH(bool, withDataset);
        QFETCH(int, cases);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        const QString db = chatAuditWithFeedback(tag, cases);
        const QString out = home().filePath(tag + QStringLiteral(".json"));
        QStringList args{"train",      ladderFile("learned-listener"),
                         "--detector", "listener",
                         "--feedback", db,
                         "--cv",       "2",
                         "-o",         out,
                         "--json"};
        if (withDataset)
            args << "--dataset" << labelledSet();
        const Run r = ladderRun(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value("feedback_cases").toInt(), cases);
        QCOMPARE(summary.value("turns").toInt(), cases + (withDataset ? 20 : 0));
        QCOMPARE(summary.value("needs_strong").toInt(), cases / 2 + (withDataset ? 10 : 0));
        if (!withDataset) { // the proofs are learned from the thumbs alone
            QCOMPARE(summary.value("dataset").toString(), QStringLiteral("chat feedback"));
            QVERIFY2(summary.value("cv").toObject().value("auc").toDouble() > 0.8,
                     qPrintable(r.out));
        }
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject model = QJsonDocument::fromJson(f.readAll())
                                      .object()
                                      .value("detectors")
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value("model")
                                      .toObject();
        QCOMPARE(model.value("trained").toObject().value("feedback").toInt(), cases);
        // The human summary says so too.
        args.removeAll("--json");
        const Run text = ladderRun(args);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("%1 feedback cases from").arg(cases)) ||
                     text.out.contains(
                         QStringLiteral("%1 of the turns are feedback cases from").arg(cases)),
                 qPrintable(text.out));
    }

    void trainNamesAFeedbackFileItCannotUse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "missing" << 1 << "no such audit file";
        QTest::newRow("not SQLite") << "text" << 1 << "not a SQLite database";
        QTest::newRow("another program's SQLite") << "foreign" << 1 << "another program";
        QTest::newRow("no cases and no data set") << "empty" << 2 << "no feedback cases yet";
        QTest::newRow("neither option") << "none" << 2 << "--dataset or --feedback";
    }

    void trainNamesAFeedbackFileItCannotUse()
    {
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QString path = home().filePath(QStringLiteral("bad-feedback-%1.db").arg(kind));
        if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("not a database at all, only text\n").repeated(64));
        } else if (kind == QLatin1String("foreign")) {
            // Another program's database: a table, no Ladder Studio marks.
            const QString name = QStringLiteral("foreign-raw");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")));
            }
            QSqlDatabase::removeDatabase(name);
        } else if (kind == QLatin1String("empty")) {
            path = chatAuditWithFeedback(QStringLiteral("no-feedback"), 0);
        }
        QStringList args{"train",      ladderFile("learned-listener"),
                         "--detector", "listener",
                         "-o",         home().filePath(QStringLiteral("never.json"))};
        if (kind != QLatin1String("none"))
            args << "--feedback" << path;
        const Run r = ladderRun(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        if (kind != QLatin1String("none"))
            QVERIFY2(r.err.contains(path), qPrintable(r.err));
    }

    void trainRefusesWhatItCannotTrain_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("not learned") << QStringList{"train",      ladderFile("mt-bench-category"),
                                                    "--detector", "category",
                                                    "-o",         "/dev/null"}
                                     << "no learned detector";
        QTest::newRow("rule") << QStringList{"train",        ladderFile("learned-listener"),
                                             "--detector",   "listener",
                                             "--label-rule", "median",
                                             "-o",           "/dev/null"}
                              << "label rule \"median\"";
        QTest::newRow("cv without learned")
            << QStringList{"eval", ladderFile("mt-bench-category"), "--cv", "2", "--no-keep"}
            << "no learned detector to cross-validate";
        QTest::newRow("cv 1") << QStringList{"eval", ladderFile("learned-listener"), "--cv", "1",
                                             "--no-keep"}
                              << "--cv 1";
        QTest::newRow("train --prune 1")
            << QStringList{"train",      ladderFile("learned-listener"),
                           "--detector", "listener",
                           "--prune",    "1",
                           "-o",         "/dev/null"}
            << "--prune: expected a number from 0 to 0.9";
        QTest::newRow("eval --prune x")
            << QStringList{"eval",     ladderFile("learned-listener"), "--cv", "2", "--prune", "x",
                           "--no-keep"}
            << "--prune: expected a number from 0 to 0.9";
    }

    void trainRefusesWhatItCannotTrain()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args << "--dataset" << labelledSet();
        const Run r = ladderRun(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void crossValidatedEvalSaysSo()
    {
        const Run r =
            ladderRun({"eval", ladderFile("learned-listener"), "--dataset", labelledSet(), "--cv",
                       "2", "--sweep", "listener.threshold=0:1:0.5", "--json", "--no-keep"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject cv = report.value("cross_validation").toObject();
        QCOMPARE(cv.value("folds").toInt(), 2);
        QVERIFY(cv.value("note").toString().contains("never saw it"));
        QCOMPARE(cv.value("training_turns").toArray().size(), 2);
        // Threshold 0 sends every turn up; 1 none (p < 1); 0.5 routes the held-out proofs up.
        QCOMPARE(runNamed(report, "listener.threshold=0").value("strong_call_share").toDouble(),
                 1.0);
        QCOMPARE(runNamed(report, "listener.threshold=1").value("strong_call_share").toDouble(),
                 0.0);
        const QJsonObject mid = runNamed(report, "listener.threshold=0.5");
        QVERIFY(mid.value("quality").toDouble() > 0.9);
        QVERIFY(mid.value("strong_call_share").toDouble() < 0.75);
        QVERIFY(report.contains("strong_share_for_95pct_quality"));
    }

    void mtBenchBaselinesAsRecorded()
    {
        const QString data =
            QStringLiteral(LADDER_SHARED_DATA_DIR "/mt_bench/replay_mt_bench.jsonl");
        if (!QFile::exists(data))
            QSKIP("../shared/data is absent");
        const Run r = ladderRun(
            {"eval", ladderFile("mt-bench-category"), "--dataset", data, "--json", "--no-keep"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value("turns").toInt(), 160);
        QCOMPARE(qRound(runNamed(report, "always:strong").value("quality").toDouble() * 100), 923);
        QCOMPARE(qRound(runNamed(report, "always:light").value("quality").toDouble() * 100), 834);
        QCOMPARE(qRound(runNamed(report, "unify").value("quality").toDouble() * 100), 876);
        QVERIFY(runNamed(report, "martian").value("cost_is_upper_bound").toBool());
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_cli_eval.moc"
