// EvaluateModel: picks a data set, runs ladders, baselines and a sweep on a worker thread, and
// exposes the results table, the frontier points, the cases and a case side by side.

#include "evaluate/evaluatemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ladder;

class TestEvaluate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString goldenSet()
    {
        const QString path = m_dir.filePath(QStringLiteral("golden.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(
            R"({"id": "sum", "task": "math", "turns": ["Calculate 12 + 30."], "answers": {"gpt-4-1106-preview": ["12 + 30 = 42"], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["It is 41"]}, "expect": {"scorer": "last_number", "value": "42"}}
{"id": "poem", "task": "writing", "turns": ["Write one line about the sea."], "answers": {"gpt-4-1106-preview": ["The sea keeps every secret."], "mistralai/Mixtral-8x7B-Instruct-v0.1": ["Blue and wide."]}, "expect": {"scorer": "contains", "value": "sea"}}
)");
        return path;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTest"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void runsOffTheGuiThreadAndFillsTheResults()
    {
        EvaluateModel model;
        QAbstractItemModelTester tester(model.runs());
        model.setDatasetPath(goldenSet());
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(model.strongAnswerer(), QStringLiteral("gpt-4-1106-preview"));
        QCOMPARE(model.lightAnswerer(), QStringLiteral("mistralai/Mixtral-8x7B-Instruct-v0.1"));
        model.setProperty("sweepSpec", QStringLiteral("long.min_chars=0:40:20"));
        QSignalSpy finished(&model, &EvaluateModel::finished);
        model.run();
        QVERIFY(model.running());
        QVERIFY(finished.wait(30000));
        QVERIFY(!model.running());
        // The category ladder, always:strong, always:light, three sweep points.
        QCOMPARE(model.runs()->rowCount(), 6);
        const QModelIndex first = model.runs()->index(0);
        QCOMPARE(first.data(EvalRunListModel::NameRole).toString(),
                 QStringLiteral("MT-Bench category rule"));
        // The sum goes strong (right), the line about the sea light ("Blue and wide.": wrong).
        QCOMPARE(first.data(EvalRunListModel::QualityRole).toString(), QStringLiteral("50.0 %"));
        QCOMPARE(model.points().size(), 6);
        QVERIFY(!model.front().isEmpty());
        QVERIFY(model.gapText().contains(QStringLiteral("APGR")));
        QCOMPARE(model.cases().size(), 2);
        model.setCaseFilter(QStringLiteral("failures"));
        QCOMPARE(model.cases().size(), 1);
        QCOMPARE(model.cases().first().toMap().value(QStringLiteral("id")).toString(),
                 QStringLiteral("poem"));
        const QVariantMap detail = model.caseDetail(0);
        QCOMPARE(detail.value(QStringLiteral("id")).toString(), QStringLiteral("sum"));
        QVERIFY(detail.value(QStringLiteral("columns")).toList().size() >= 3);
        const QString file = model.variantFile(0);
        QVERIFY(QFile::exists(file));
    }

    // A golden set typed in the set editor (or saved from Chat) has no recorded answers: the
    // tiers answer live on the studio's providers (none configured: the simulated provider) and
    // the set's scorers give the quality. Data: whether the user also ticked "live".
    void runsASetWithoutRecordedAnswersLive_data()
    {
        QTest::addColumn<bool>("pickLive");
        QTest::newRow("no answerers") << false;
        QTest::newRow("live picked") << true;
    }
    void runsASetWithoutRecordedAnswersLive()
    {
        QFETCH(bool, pickLive);
        const QString path = m_dir.filePath(QStringLiteral("typed.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"id": "sea", "task": "writing", "turns": ["Write one line about the sea."], "expect": {"scorer": "contains", "value": "simulated"}}
{"id": "tax", "task": "chat", "turns": ["Explain a tax bracket briefly."], "expect": {"scorer": "contains", "value": "no such words in any answer"}}
)");
        f.close();
        EvaluateModel model;
        model.setProperty("timeScale", 0.0);
        model.setDatasetPath(path);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QVERIFY(model.answerers().isEmpty());
        QVERIFY(model.liveOnly());
        QVERIFY(model.live());
        if (pickLive)
            model.setLive(true);
        model.setProperty("sweepEnabled", false);
        QSignalSpy finished(&model, &EvaluateModel::finished);
        model.run();
        QVERIFY2(model.running(), qPrintable(model.error()));
        QVERIFY(finished.wait(30000));
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QVERIFY2(
            model.status().contains(QStringLiteral("live answers from the simulated provider")),
            qPrintable(model.status()));
        // The category ladder and its two always:TIER baselines, every case scored.
        QCOMPARE(model.runs()->rowCount(), 3);
        const QModelIndex first = model.runs()->index(0);
        QCOMPARE(first.data(EvalRunListModel::QualityRole).toString(), QStringLiteral("50.0 %"));
        const QVariantList cases = model.cases();
        QCOMPARE(cases.size(), 2);
        for (const QVariant &c : cases)
            QVERIFY2(c.toMap().value(QStringLiteral("quality")).toString() != QStringLiteral("–"),
                     qPrintable(c.toMap().value(QStringLiteral("id")).toString()));
        QCOMPARE(cases.at(0).toMap().value(QStringLiteral("pass")).toBool(), true);
        QCOMPARE(cases.at(1).toMap().value(QStringLiteral("pass")).toBool(), false);
        const QVariantMap detail = model.caseDetail(0);
        const QVariantList columns = detail.value(QStringLiteral("columns")).toList();
        QVERIFY(!columns.isEmpty());
        const QString answer = columns.first()
                                   .toMap()
                                   .value(QStringLiteral("turns"))
                                   .toList()
                                   .value(0)
                                   .toMap()
                                   .value(QStringLiteral("answer"))
                                   .toString();
        QVERIFY2(answer.contains(QStringLiteral("simulated")), qPrintable(answer));
    }

    // A set that cannot run says why instead of doing nothing.
    void runWithoutASetSaysWhy()
    {
        EvaluateModel model;
        model.setDatasetPath(m_dir.filePath(QStringLiteral("missing.jsonl")));
        model.run();
        QVERIFY(!model.running());
        QVERIFY(!model.error().isEmpty());
    }

    void cancelKeepsWhatFinished()
    {
        const QString mt = QStringLiteral(LADDER_SHARED_DATA_DIR "/gsm8k/gsm8k_responses.csv");
        if (!QFile::exists(mt))
            QSKIP("../shared/data is absent");
        EvaluateModel model;
        model.setDatasetPath(mt);
        model.setProperty("sweepSpec", QStringLiteral("long.min_chars=100:500:5"));
        QSignalSpy finished(&model, &EvaluateModel::finished);
        model.run();
        model.cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(model.status().startsWith(QStringLiteral("Cancelled")));
    }
};

QTEST_MAIN(TestEvaluate)
#include "tst_evaluate.moc"
