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
