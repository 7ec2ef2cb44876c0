// Importers: every format into one Dataset; bad input names the file, line and field.

#include "eval/importers.h"

#include "core/ladder_json.h"
#include "engine/session.h"
#include "providers/default_registry.h"
#include "store/audit_store.h"

#include <QSignalSpy>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ladder;
using namespace ladder::eval;

class TestEvalImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

private slots:
    void badInputNamesFileLineAndField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("error");
        const QByteArray good =
            R"({"question_id": 1, "category": "math", "model": "a", "turns": [{"user": "u", "assistant": "x", "judge_score": 8}]})";
        QTest::newRow("mt-bench broken JSON") << "mt.jsonl" << good + "\n{not json\n"
                                              << "mt_bench"
                                              << "mt.jsonl:2: invalid JSON";
        QTest::newRow("mt-bench score is text")
            << "mt.jsonl"
            << QByteArray(
                   R"({"question_id": 1, "model": "a", "turns": [{"user": "u", "assistant": "x", "judge_score": "9"}]})")
            << "mt_bench"
            << "mt.jsonl:1: /turns/0/judge_score: expected a number";
        QTest::newRow("mt-bench score out of range")
            << "mt.jsonl"
            << QByteArray(
                   R"({"question_id": 1, "model": "a", "turns": [{"user": "u", "assistant": "x", "judge_score": 11}]})")
            << "mt_bench"
            << "mt.jsonl:1: /turns/0/judge_score: 11 is outside 1-10";
        QTest::newRow("mt-bench no model")
            << "mt.jsonl" << QByteArray(R"({"question_id": 1, "turns": []})") << "mt_bench"
            << "mt.jsonl:1: /model:";
        QTest::newRow("mt-bench answerer twice")
            << "mt.jsonl" << good + "\n" + good << "mt_bench"
            << "mt.jsonl:2: /model: a second record of \"a\" for question 1";
        QTest::newRow("gsm8k label not boolean")
            << "g.csv" << QByteArray("prompt,m,m_response\n\"What is 1+1?\",True,2\nq,maybe,3\n")
            << "gsm8k"
            << "g.csv:3: column \"m\": expected True or False, got \"maybe\"";
        QTest::newRow("gsm8k unclosed quote")
            << "g.csv" << QByteArray("prompt,m,m_response\nq,True,\"2\n") << "gsm8k"
            << "g.csv:2: a quoted field is never closed";
        QTest::newRow("gsm8k missing prompt")
            << "g.csv" << QByteArray("question,m,m_response\n") << "gsm8k"
            << "g.csv:1: header: no \"prompt\" column";
        QTest::newRow("gsm8k short row")
            << "g.csv" << QByteArray("prompt,m,m_response\n\"multi\nline\",True,2\nq,True\n")
            << "gsm8k"
            << "g.csv:4: 2 fields, the header has 3";
        QTest::newRow("jsonl turns missing")
            << "set.jsonl" << QByteArray("{\"id\": \"a\"}\n") << "jsonl"
            << "set.jsonl:1: /turns: expected a non-empty array of strings";
        QTest::newRow("jsonl answers one short")
            << "set.jsonl" << QByteArray(R"({"turns": ["a", "b"], "answers": {"m": ["x"]}})")
            << "jsonl"
            << "set.jsonl:1: /answers/m: expected 2 answer(s), one per turn";
        QTest::newRow("jsonl unknown scorer")
            << "set.jsonl"
            << QByteArray("\n"
                          R"({"turns": ["a"], "expect": {"scorer": "vibes"}})")
            << "jsonl"
            << "set.jsonl:2: /expect/scorer: unknown scorer \"vibes\"";
        QTest::newRow("jsonl regex without pattern")
            << "set.jsonl" << QByteArray(R"({"turns": ["a"], "expect": {"scorer": "regex"}})")
            << "jsonl"
            << "set.jsonl:1: /expect/pattern: the regex scorer needs a pattern";
        QTest::newRow("jsonl label of nobody")
            << "set.jsonl" << QByteArray(R"({"turns": ["a"], "labels": {"m": [true]}})") << "jsonl"
            << "set.jsonl:1: /labels/m: no answers of that answerer";
    }
    void badInputNamesFileLineAndField()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(QString, error);
        QString message;
        const std::optional<Dataset> set = importDataset(write(name, content), format, &message);
        QVERIFY(!set);
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void csvKeepsQuotesCommasAndLineBreaks()
    {
        QString error;
        const auto rows = parseCsv("a,b\r\n\"x, \"\"y\"\"\",\"line1\nline2\"\nlast,\n", &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(1).fields, (QStringList{"x, \"y\"", "line1\nline2"}));
        QCOMPARE(rows->at(2).line, 4);
        QCOMPARE(rows->at(2).fields, (QStringList{"last", ""}));
    }

    void genericJsonlReadsAnswersLabelsAndExpectations()
    {
        const QString path = write(
            "golden.jsonl",
            R"({"id": "c1", "task": "maths", "turns": ["2+2?"], "answers": {"m": ["It is 4."]}, "labels": {"m": [true]}, "expect": {"scorer": "last_number", "value": 4}}
{"id": "c2", "task": "extract", "turns": ["json please"], "expect": {"scorer": "json_schema", "schema": {"type": "object", "required": ["name"]}, "constraints": ["name"]}}
)");
        QString error;
        const std::optional<Dataset> set = importDataset(path, {}, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->format, QStringLiteral("jsonl"));
        QCOMPARE(set->cases.size(), 2);
        QVERIFY(set->labels == LabelKind::Correct);
        QCOMPARE(set->answerers, QStringList{"m"});
        QCOMPARE(set->cases.at(0).expect.scorer, QStringLiteral("last_number"));
        QCOMPARE(set->cases.at(0).expect.value, QStringLiteral("4"));
        QCOMPARE(set->cases.at(0).answers.value("m").at(0).correct, std::optional<bool>(true));
        QCOMPARE(set->cases.at(1).expect.constraints, QStringList{"name"});
        QCOMPARE(set->cases.at(1).origin, QStringLiteral("golden.jsonl:2"));
    }

    // A session recorded in the audit log becomes a case: its user turns, and the model that
    // answered each turn as an answerer with that answer.
    void auditLogSessionsBecomeCases()
    {
        const QString db = m_dir.filePath(QStringLiteral("audit.sqlite"));
        {
            AuditStore audit;
            QVERIFY(audit.open(db));
            SimulatedRegistry registry;
            registry.simulated().setTimeScale(0);
            SessionOptions options;
            options.audit = &audit;
            options.retry.delayScale = 0;
            const ParseResult framing = loadExampleLadder(QStringLiteral("framing"));
            QVERIFY(framing.ok());
            Session session(framing.ladder, &registry, options);
            QSignalSpy done(&session, &Session::turnFinished);
            for (const QString &turn :
                 {QStringLiteral("Plan a trip to Rome."), QStringLiteral("Make it cheaper.")}) {
                QVERIFY(session.submit(turn));
                QVERIFY(done.wait(5000));
            }
            audit.flush();
            QVERIFY(audit.sync());
        }
        QString error;
        const std::optional<Dataset> set = importDataset(db, {}, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->format, QStringLiteral("audit"));
        QCOMPARE(set->cases.size(), 1);
        QCOMPARE(set->cases.first().userTurns,
                 (QStringList{"Plan a trip to Rome.", "Make it cheaper."}));
        QVERIFY(!set->answerers.isEmpty());
        const QList<RecordedAnswer> answers =
            set->cases.first().answers.value(set->answerers.first());
        QCOMPARE(answers.size(), 2);
        QVERIFY(!answers.first().text.isEmpty());
    }

    void sharedDataImportsWithTheRecordedMeans_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("cases");
        QTest::addColumn<int>("turns");
        QTest::addColumn<QString>("answerer");
        QTest::addColumn<double>("quality");
        QTest::newRow("mt-bench strong")
            << "mt_bench/replay_mt_bench.jsonl" << 80 << 160 << "gpt-4-1106-preview" << 9.23;
        QTest::newRow("mt-bench light") << "mt_bench/replay_mt_bench.jsonl" << 80 << 160
                                        << "mistralai/Mixtral-8x7B-Instruct-v0.1" << 8.34;
        QTest::newRow("mt-bench unify (one failed judgment left out)")
            << "mt_bench/replay_mt_bench.jsonl" << 80 << 160 << "unify" << 8.76;
        QTest::newRow("gsm8k strong")
            << "gsm8k/gsm8k_responses.csv" << 1319 << 1319 << "gpt-4-1106-preview" << 0.857;
        QTest::newRow("gsm8k light") << "gsm8k/gsm8k_responses.csv" << 1319 << 1319
                                     << "mistralai/Mixtral-8x7B-Instruct-v0.1" << 0.638;
    }
    void sharedDataImportsWithTheRecordedMeans()
    {
        QFETCH(QString, file);
        QFETCH(int, cases);
        QFETCH(int, turns);
        QFETCH(QString, answerer);
        QFETCH(double, quality);
        const QString path = QStringLiteral(LADDER_SHARED_DATA_DIR "/") + file;
        if (!QFile::exists(path))
            QSKIP("../shared/data is absent");
        QString error;
        const std::optional<Dataset> set = importDataset(path, {}, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(int(set->cases.size()), cases);
        QCOMPARE(set->turnCount(), turns);
        const std::optional<double> q = set->recordedQuality(answerer);
        QVERIFY(q);
        QVERIFY2(qAbs(*q - quality) < 0.005, qPrintable(QString::number(*q)));
    }
};

QTEST_GUILESS_MAIN(TestEvalImport)
#include "tst_eval_import.moc"
