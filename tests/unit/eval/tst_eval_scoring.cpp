// Scorers (data-driven), the JSON Schema subset, CPT/APGR on hand-computed curves, the Pareto
// front, and run comparison.

#include "core/response_schema.h"
#include "eval/judge.h"
#include "eval/metrics.h"
#include "eval/run_history.h"
#include "eval/scorers.h"

#include <QJsonDocument>
#include <QTest>

using namespace ladder;
using namespace ladder::eval;

class TestEvalScoring : public QObject
{
    Q_OBJECT

private slots:
    void scorersJudgeAnswers_data()
    {
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("pass");
        QTest::newRow("exact") << R"({"scorer": "exact", "value": "Paris"})"
                               << " Paris " << true;
        QTest::newRow("exact is strict") << R"({"scorer": "exact", "value": "Paris"})"
                                         << "paris." << false;
        QTest::newRow("normalised") << R"({"scorer": "normalised", "value": "Paris"})"
                                    << "  paris. " << true;
        QTest::newRow("last number") << R"({"scorer": "last_number", "value": "18"})"
                                     << "16 - 3 - 4 = 9 eggs, 9 * 2 = $18." << true;
        QTest::newRow("last number with thousands")
            << R"({"scorer": "last_number", "value": "1234"})"
            << "The total is $1,234" << true;
        QTest::newRow("last number wrong") << R"({"scorer": "last_number", "value": "18"})"
                                           << "I get 18, no wait, 20" << false;
        QTest::newRow("last number absent") << R"({"scorer": "last_number", "value": "3"})"
                                            << "three" << false;
        QTest::newRow("contains") << R"({"scorer": "contains", "value": "New York"})"
                                  << "It is in new-york city." << true;
        QTest::newRow("regex") << R"({"scorer": "regex", "pattern": "^yes\\b"})"
                               << "Yes, it is." << true;
        QTest::newRow("regex miss") << R"({"scorer": "regex", "pattern": "^yes\\b"})"
                                    << "No." << false;
        QTest::newRow("json schema ok")
            << R"({"scorer": "json_schema", "schema": {"type": "object", "required": ["name"], "properties": {"age": {"type": "integer"}}}})"
            << "Here:\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```" << true;
        QTest::newRow("json schema wrong type")
            << R"({"scorer": "json_schema", "schema": {"type": "object", "properties": {"age": {"type": "integer"}}}})"
            << "{\"age\": \"old\"}" << false;
        QTest::newRow("json schema no json")
            << R"({"scorer": "json_schema", "schema": {"type": "object"}})"
            << "no JSON" << false;
    }
    void scorersJudgeAnswers()
    {
        QFETCH(QString, expect);
        QFETCH(QString, answer);
        QFETCH(bool, pass);
        const QJsonObject e = QJsonDocument::fromJson(expect.toUtf8()).object();
        EvalCase c;
        c.userTurns = {"q"};
        c.expect.scorer = e.value("scorer").toString();
        c.expect.value = e.value("value").toString();
        c.expect.pattern = e.value("pattern").toString();
        c.expect.schema = e.value("schema").toObject();
        const Score s = scoreAnswer(c, 0, "m", answer, LabelKind::None);
        QVERIFY2(s.value, qPrintable(s.detail));
        QCOMPARE(s.pass, pass);
        QCOMPARE(*s.value, pass ? 1.0 : 0.0);
    }

    void labelScorerReadsTheRecordedLabel_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("score");
        QTest::addColumn<bool>("correct");
        QTest::addColumn<double>("expected");
        QTest::newRow("judge score") << int(LabelKind::Score) << 8.0 << false << 8.0;
        QTest::newRow("right") << int(LabelKind::Correct) << -1.0 << true << 1.0;
        QTest::newRow("wrong") << int(LabelKind::Correct) << -1.0 << false << 0.0;
    }
    void labelScorerReadsTheRecordedLabel()
    {
        QFETCH(int, kind);
        QFETCH(double, score);
        QFETCH(bool, correct);
        QFETCH(double, expected);
        EvalCase c;
        c.userTurns = {"q"};
        RecordedAnswer a;
        if (score >= 0)
            a.score = score;
        else
            a.correct = correct;
        c.answers.insert("m", {a});
        const Score s = scoreAnswer(c, 0, "m", "whatever", LabelKind(kind));
        QVERIFY(s.value);
        QCOMPARE(*s.value, expected);
        QVERIFY(!scoreAnswer(c, 0, "other", "x", LabelKind(kind)).value);
    }

    void judgeReplyGivesARating_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<double>("rating"); // -1: none
        QTest::newRow("bracketed") << "Clear and correct.\nRating: [[8]]" << 8.0;
        QTest::newRow("decimal") << "Rating: [[6.5]]" << 6.5;
        QTest::newRow("out of ten") << "I would give it 9/10." << 9.0;
        QTest::newRow("none") << "A fine answer." << -1.0;
        QTest::newRow("out of range") << "Rating: [[11]]" << -1.0;
    }
    void judgeReplyGivesARating()
    {
        QFETCH(QString, reply);
        QFETCH(double, rating);
        const Score s = parseJudgeReply(reply);
        QCOMPARE(s.value.has_value(), rating >= 0);
        if (s.value) {
            QCOMPARE(*s.value, rating);
            QCOMPARE(s.pass, rating >= 7);
        }
    }

    void jsonSchemaNamesThePath()
    {
        const QJsonObject schema = QJsonDocument::fromJson(R"({"type": "object",
            "properties": {"items": {"type": "array", "items": {"type": "object",
            "required": ["price"], "properties": {"price": {"type": "number"}}}}}})")
                                       .object();
        const QJsonValue value =
            QJsonDocument::fromJson(R"({"items": [{"price": 1}, {"price": 2}, {"price": "x"}]})")
                .object();
        const std::optional<SchemaProblem> p = schemaViolation(value, schema);
        QVERIFY(p);
        QCOMPARE(p->path + ": " + p->message,
                 QStringLiteral("/items/2/price: expected number, got a string"));
    }

    // Hand-computed: weak 0, strong 10; points (0,0), (0.2,5), (0.5,8), (1,10).
    // CPT(50%) = 0.2 (reaches 5 exactly), CPT(80%) = 0.5, CPT(95%) = 0.5 + 0.5 * (9.5-8)/2 = 0.875.
    // APGR = trapezoids of PGR: 0.2*(0+0.5)/2 + 0.3*(0.5+0.8)/2 + 0.5*(0.8+1)/2
    //      = 0.05 + 0.195 + 0.45 = 0.695.
    void cptAndApgrOnAHandComputedCurve()
    {
        const GapMetrics g = gapMetrics({{1.0, 10}, {0.2, 5}, {0.0, 0}, {0.5, 8}}, 0, 10);
        QVERIFY(g.cpt50 && g.cpt80 && g.cpt95 && g.apgr);
        QCOMPARE(*g.cpt50, 0.2);
        QCOMPARE(*g.cpt80, 0.5);
        QVERIFY(qAbs(*g.cpt95 - 0.875) < 1e-12);
        QVERIFY(qAbs(*g.apgr - 0.695) < 1e-12);
    }

    void cptInterpolatesAndCanBeUnreached()
    {
        // A random router: quality grows linearly with the share, so CPT(x) = x and APGR = 0.5.
        const GapMetrics linear = gapMetrics({{0, 8}, {0.5, 8.5}, {1, 9}}, 8, 9);
        QVERIFY(qAbs(*linear.cpt80 - 0.8) < 1e-12);
        QVERIFY(qAbs(*linear.apgr - 0.5) < 1e-12);
        const std::optional<double> never = callPerformanceThreshold({{0, 8}, {1, 8.4}}, 8, 9, 0.5);
        QVERIFY(!never);
    }

    void paretoFrontKeepsUndominatedPoints()
    {
        // cost, quality: b beats a (cheaper, better); d is dearer than c and no better.
        const QList<QPointF> points{{2, 5}, {1, 6}, {3, 9}, {4, 9}, {0.5, 4}};
        QCOMPARE(paretoFront(points), (QList<int>{4, 1, 2}));
    }

    void percentileInterpolates()
    {
        QCOMPARE(percentile({4, 1, 3, 2}, 50), 2.5);
        QCOMPARE(percentile({10}, 95), 10.0);
        QCOMPARE(percentile({}, 50), 0.0);
    }

    void comparisonFiltersFailuresAndDifferences()
    {
        const QList<StoredEvalCase> before{{"a", 5.0, false, false, 0.1, "m1", ""},
                                           {"b", 8.0, true, false, 0.1, "m1", ""},
                                           {"c", 9.0, true, false, 0.1, "m1", ""}};
        const QList<StoredEvalCase> after{{"a", 7.0, true, false, 0.05, "m1", ""},
                                          {"b", 6.0, false, false, 0.2, "m2", ""},
                                          {"c", 9.0, true, false, 0.1, "m1", ""}};
        const QList<CaseDiff> all = compareRuns(before, after);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).quality, QStringLiteral("better"));
        QCOMPARE(all.at(1).quality, QStringLiteral("worse"));
        const CompareSummary s = summarise(all);
        QCOMPARE(s.better, 1);
        QCOMPARE(s.worse, 1);
        QCOMPARE(s.same, 1);
        QCOMPARE(s.cheaper, 1);
        QCOMPARE(s.dearer, 1);
        QCOMPARE(compareRuns(before, after, {true, false}).size(), 1); // b fails now
        QCOMPARE(compareRuns(before, after, {false, true}).size(), 2); // c is unchanged
    }
};

QTEST_GUILESS_MAIN(TestEvalScoring)
#include "tst_eval_scoring.moc"
