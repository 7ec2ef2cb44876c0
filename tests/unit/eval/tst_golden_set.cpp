// Golden sets written in the generic JSONL format read back unchanged; a case the reader would
// refuse is refused at write time with its line and field; appending keeps a set readable.

#include "eval/golden_set.h"
#include "eval/importers.h"
#include "eval/scorers.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ladder::eval;

namespace {

EvalCase sampleCase()
{
    EvalCase c;
    c.id = QStringLiteral("eggs");
    c.task = QStringLiteral("maths");
    c.userTurns = {QStringLiteral("Hi"), QStringLiteral("Janet's ducks lay 16 eggs. How much?")};
    c.answers.insert(
        QStringLiteral("strong-model"),
        {RecordedAnswer{QStringLiteral("Hello"), 9.0, std::nullopt},
         RecordedAnswer{QStringLiteral("She makes $18."), std::nullopt, std::nullopt}});
    c.answers.insert(QStringLiteral("light-model"),
                     {RecordedAnswer{QStringLiteral("Hey"), std::nullopt, std::nullopt},
                      RecordedAnswer{QStringLiteral("$16"), 3.0, std::nullopt}});
    c.references = {QString(), QStringLiteral("18")};
    c.expect.scorer = QStringLiteral("last_number");
    c.expect.value = QStringLiteral("18");
    c.expect.goal = QStringLiteral("daily takings");
    c.expect.constraints = {QStringLiteral("\\$")};
    return c;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGoldenSet : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void writtenSetReadsBackUnchanged_data()
    {
        QTest::addColumn<QString>("scorer");
        QTest::newRow("last_number") << "last_number";
        QTest::newRow("regex") << "regex";
        QTest::newRow("json_schema") << "json_schema";
        QTest::newRow("judge") << "judge";
        QTest::newRow("preference") << "preference";
    }
    void writtenSetReadsBackUnchanged()
    {
        QFETCH(QString, scorer);
        EvalCase c = sampleCase();
        c.expect.scorer = scorer;
        if (scorer == QLatin1String("regex"))
            c.expect.pattern = QStringLiteral("\\b18\\b");
        if (scorer == QLatin1String("json_schema"))
            c.expect.schema =
                QJsonDocument::fromJson(R"({"type":"object","required":["a"]})").object();
        if (scorer == QLatin1String("judge"))
            c.expect.rubric = QStringLiteral("Names the amount.");
        if (scorer == QLatin1String("preference"))
            c.preferred = QStringLiteral("strong-model");
        EvalCase second = c;
        second.id = QStringLiteral("two");
        second.answers.clear();
        second.references.clear();
        const QString path = m_dir.filePath(scorer + QStringLiteral(".jsonl"));
        QString error;
        QVERIFY2(writeGoldenSet(path, {c, second}, &error), qPrintable(error));
        const std::optional<Dataset> set = importDataset(path, QString(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 2);
        EvalCase back = set->cases.at(0);
        QCOMPARE(back.origin, scorer + QStringLiteral(".jsonl:1"));
        back.origin.clear();
        QCOMPARE(back, c);
        QCOMPARE(set->cases.at(1).id, QStringLiteral("two"));
        QVERIFY(set->labels == LabelKind::Score);
        // Written twice, the bytes are the same (keys in a fixed order).
        QCOMPARE(toJsonl({c, second}), readFile(path));
    }

    void preferenceCaseIsScoredByThePreferenceScorer()
    {
        EvalCase c = sampleCase();
        c.expect = {};
        c.expect.scorer = QStringLiteral("preference");
        c.preferred = QStringLiteral("light-model");
        const QString path = m_dir.filePath(QStringLiteral("prefs.jsonl"));
        QString error;
        QVERIFY2(writeGoldenSet(path, {c}, &error), qPrintable(error));
        QVERIFY(readFile(path).contains(
            R"("expect":{"preferred":"light-model","scorer":"preference"})"));
        const std::optional<Dataset> set = importGenericJsonl(path, &error);
        QVERIFY2(set, qPrintable(error));
        const EvalCase &back = set->cases.first();
        QVERIFY(
            scoreAnswer(back, 1, QStringLiteral("light-model"), QStringLiteral("$16"), set->labels)
                .pass);
        QVERIFY(!scoreAnswer(back, 1, QStringLiteral("strong-model"), QStringLiteral("$18"),
                             set->labels)
                     .pass);
    }

    void refusesACaseTheReaderWouldRefuse_data()
    {
        QTest::addColumn<QString>("scorer");
        QTest::addColumn<QString>("error");
        QTest::newRow("contains without value")
            << "contains"
            << "set.jsonl:2: /expect/value: the contains scorer needs a value";
        QTest::newRow("regex without pattern")
            << "regex"
            << "set.jsonl:2: /expect/pattern: the regex scorer needs a pattern";
        QTest::newRow("judge without rubric")
            << "judge"
            << "set.jsonl:2: /expect/rubric: the judge scorer needs a rubric";
        QTest::newRow("schema without schema")
            << "json_schema"
            << "set.jsonl:2: /expect/schema: the json_schema scorer needs a schema";
        QTest::newRow("preference without choice")
            << "preference"
            << "set.jsonl:2: /expect/preferred: the preference scorer needs the answerer the user "
               "preferred";
        QTest::newRow("empty turn") << ""
                                    << "set.jsonl:2: /turns/1: the user turn is empty";
    }
    void refusesACaseTheReaderWouldRefuse()
    {
        QFETCH(QString, scorer);
        QFETCH(QString, error);
        EvalCase bad = sampleCase();
        bad.expect = {};
        bad.expect.scorer = scorer;
        if (scorer.isEmpty())
            bad.userTurns[1] = QStringLiteral("  ");
        const QString path = m_dir.filePath(QStringLiteral("set.jsonl"));
        QFile::remove(path);
        QString message;
        QVERIFY(!writeGoldenSet(path, {sampleCase(), bad}, &message));
        QCOMPARE(message, error);
        QVERIFY(!QFile::exists(path));
    }

    void appendingKeepsTheSetReadable()
    {
        const QString path = m_dir.filePath(QStringLiteral("sub/chat.jsonl"));
        QString error;
        QCOMPARE(appendGoldenCase(path, sampleCase(), &error), QStringLiteral("eggs"));
        QCOMPARE(appendGoldenCase(path, sampleCase(), &error), QStringLiteral("eggs-2"));
        EvalCase anonymous = sampleCase();
        anonymous.id.clear();
        QCOMPARE(appendGoldenCase(path, anonymous, &error), QStringLiteral("case-3"));
        std::optional<Dataset> set = importGenericJsonl(path, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 3);
        // A file without a final newline still gets one case per line.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(toJsonl({sampleCase()}).trimmed());
        f.close();
        QCOMPARE(appendGoldenCase(path, sampleCase(), &error), QStringLiteral("eggs-2"));
        set = importGenericJsonl(path, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 2);
    }

    void refusesToAppendToABrokenSet()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(toJsonl({sampleCase()}) + "{\"turns\": 3}\n");
        f.close();
        const QByteArray before = readFile(path);
        QString error;
        QVERIFY(appendGoldenCase(path, sampleCase(), &error).isEmpty());
        QCOMPARE(error,
                 QStringLiteral("broken.jsonl:2: /turns: expected a non-empty array of strings"));
        QCOMPARE(readFile(path), before);
    }
};

QTEST_GUILESS_MAIN(TestGoldenSet)
#include "tst_golden_set.moc"
