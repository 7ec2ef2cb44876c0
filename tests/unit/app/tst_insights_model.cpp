// InsightsModel: the aggregation behind the Insights charts, from known chart series (the
// stats() maps of sessions) to known sums, and over a real comparison on the simulated provider.
#include "chat/chatsessionmodel.h"
#include "compare/comparemodel.h"
#include "insights/insightsmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ladder;

namespace {

struct TierTokens {
    QString label;
    double tokens;
};

QVariantList list(const QList<double> &values)
{
    QVariantList out;
    for (double v : values)
        out.append(v);
    return out;
}

// A session's chart series as ChatMessageModel::stats() gives them.
QVariantMap session(const QString &name, const QList<TierTokens> &tiers,
                    const QList<double> &cumulative = {}, int unknownCostTurns = 0)
{
    QVariantList tierList;
    for (const TierTokens &t : tiers)
        tierList.append(QVariantMap{{QStringLiteral("label"), t.label},
                                    {QStringLiteral("color"), QStringLiteral("#123456")},
                                    {QStringLiteral("input"), qint64(t.tokens) - 1},
                                    {QStringLiteral("output"), qint64(1)}});
    QVariantList turns;
    QVariantList labels;
    for (qsizetype i = 0; i < cumulative.size(); ++i) {
        turns.append(int(i + 1));
        labels.append(QStringLiteral("$%1").arg(cumulative[i]));
    }
    const QString legend =
        unknownCostTurns > 0
            ? QStringLiteral("%1 (turns of unknown cost: %2)").arg(name).arg(unknownCostTurns)
            : name;
    return {{QStringLiteral("name"), name},
            {QStringLiteral("tiers"), tierList},
            {QStringLiteral("turnNumbers"), turns},
            {QStringLiteral("cumulativeCost"), list(cumulative)},
            {QStringLiteral("cumulativeCostLabel"), labels},
            {QStringLiteral("costUnknownTurns"), unknownCostTurns},
            {QStringLiteral("costLegend"), legend},
            {QStringLiteral("ttftBox"), list({100, 200, 300, 400, 500})},
            {QStringLiteral("latencyBox"), list({900, 1000, 1100, 1200, 1300})},
            {QStringLiteral("escalations"), 2},
            {QStringLiteral("fallbacks"), 1},
            {QStringLiteral("retries"), 0},
            {QStringLiteral("failed"), 3}};
}

QList<TierTokens> chain(int tiers, const std::function<double(int)> &tokensOf)
{
    QList<TierTokens> out;
    for (int i = 0; i < tiers; ++i)
        out.append({QStringLiteral("Tier %1").arg(i), tokensOf(i)});
    return out;
}

} // namespace

Q_DECLARE_METATYPE(QList<QVariantMap>)

class InsightsModelTest : public QObject
{
    Q_OBJECT

private slots:
    void tokensByTier_data();
    void tokensByTier();
    void costLines_data();
    void costLines();
    void latencyAndEventAxes();
    void chartsOfARealComparison();
};

// One bar set per tier label, per ladder the tokens of its first tier of that label; beyond 12
// sets the 11 tiers with most tokens stay (ties: the earlier) and the rest share one set; the
// totals per ladder never change.
void InsightsModelTest::tokensByTier_data()
{
    QTest::addColumn<QList<QVariantMap>>("sessions");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QVariantList>("values"); // per set: per ladder
    QTest::addColumn<double>("axisMax");

    QTest::newRow("nothing to chart")
        << QList<QVariantMap>{} << QStringList{} << QVariantList{} << 100.0;
    QTest::newRow("one chat") << QList<QVariantMap>{session(QStringLiteral("A"),
                                                            {{QStringLiteral("Strong"), 150},
                                                             {QStringLiteral("Light"), 50}})}
                              << QStringList{QStringLiteral("Strong"), QStringLiteral("Light")}
                              << QVariantList{list({150}), list({50})} << 220.0;
    QTest::newRow("two ladders share a label")
        << QList<QVariantMap>{session(QStringLiteral("A"), {{QStringLiteral("Strong"), 150},
                                                            {QStringLiteral("Light"), 50}}),
                              session(QStringLiteral("B"), {{QStringLiteral("Light"), 70},
                                                            {QStringLiteral("Other"), 10}})}
        << QStringList{QStringLiteral("Strong"), QStringLiteral("Light"), QStringLiteral("Other")}
        << QVariantList{list({150, 0}), list({50, 70}), list({0, 10})} << 220.0;
    QTest::newRow("a label twice in a ladder counts its first tier")
        << QList<QVariantMap>{session(QStringLiteral("A"), {{QStringLiteral("Strong"), 10},
                                                            {QStringLiteral("Strong"), 99}})}
        << QStringList{QStringLiteral("Strong")} << QVariantList{list({10})} << 11.0;
    QTest::newRow("a ladder that used no tier")
        << QList<QVariantMap>{session(QStringLiteral("A"), {{QStringLiteral("Strong"), 0}})}
        << QStringList{QStringLiteral("Strong")} << QVariantList{list({0})} << 100.0;

    // 15 tiers with 0, 10, ..., 140 tokens: tiers 4..14 stay, 0..3 (60 tokens) are folded.
    QStringList fifteen;
    QVariantList fifteenValues;
    for (int i = 4; i < 15; ++i) {
        fifteen.append(QStringLiteral("Tier %1").arg(i));
        fifteenValues.append(QVariant(list({i * 10.0})));
    }
    fifteen.append(QStringLiteral("4 other tiers"));
    fifteenValues.append(QVariant(list({60})));
    QTest::newRow("15 tiers: 11 kept, 4 folded")
        << QList<QVariantMap>{session(QStringLiteral("A"),
                                      chain(15, [](int i) { return i * 10.0; }))}
        << fifteen << fifteenValues << 1050 * 1.1;

    // 13 tiers of 5 tokens each: the first 11 stay.
    QStringList thirteen;
    QVariantList thirteenValues;
    for (int i = 0; i < 11; ++i) {
        thirteen.append(QStringLiteral("Tier %1").arg(i));
        thirteenValues.append(QVariant(list({5})));
    }
    thirteen.append(QStringLiteral("2 other tiers"));
    thirteenValues.append(QVariant(list({10})));
    QTest::newRow("13 equal tiers: the earlier stay")
        << QList<QVariantMap>{session(QStringLiteral("A"), chain(13, [](int) { return 5.0; }))}
        << thirteen << thirteenValues << 65 * 1.1;

    // Exactly 12 sets: nothing folded.
    QStringList twelve;
    QVariantList twelveValues;
    for (int i = 0; i < 12; ++i) {
        twelve.append(QStringLiteral("Tier %1").arg(i));
        twelveValues.append(QVariant(list({1})));
    }
    QTest::newRow("12 tiers: none folded")
        << QList<QVariantMap>{session(QStringLiteral("A"), chain(12, [](int) { return 1.0; }))}
        << twelve << twelveValues << 12 * 1.1;
}

void InsightsModelTest::tokensByTier()
{
    QFETCH(QList<QVariantMap>, sessions);
    QFETCH(QStringList, labels);
    QFETCH(QVariantList, values);
    QFETCH(double, axisMax);
    const InsightsCharts charts = InsightsCharts::aggregate(sessions);
    QStringList gotLabels;
    for (const InsightsCharts::TokenSet &set : charts.tokenSets)
        gotLabels.append(set.label);
    QCOMPARE(gotLabels, labels);
    QVERIFY(charts.tokenSets.size() <= InsightsCharts::kMaxTokenSets);
    for (qsizetype s = 0; s < charts.tokenSets.size(); ++s) {
        const QVariantList expected = values[s].toList();
        QCOMPARE(charts.tokenSets[s].values.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(charts.tokenSets[s].values[i], expected[i].toDouble());
        QCOMPARE(charts.tokenSets[s].other, labels[s].endsWith(QLatin1String("other tiers")));
    }
    QVERIFY(qFuzzyCompare(charts.tokenAxisMax, axisMax));
}

// The cumulative cost lines: the legend says how many turns had no known price, the hover
// labels start at turn 0, the x axis spans the longest session, the y axis its largest cost.
void InsightsModelTest::costLines_data()
{
    QTest::addColumn<QList<QVariantMap>>("sessions");
    QTest::addColumn<QList<int>>("unknownTurns");
    QTest::addColumn<QStringList>("legends");
    QTest::addColumn<int>("turns");
    QTest::addColumn<double>("axisMax");

    QTest::newRow("nothing to chart")
        << QList<QVariantMap>{} << QList<int>{} << QStringList{} << 1 << 0.001;
    QTest::newRow("priced turns") << QList<QVariantMap>{session(QStringLiteral("A"), {},
                                                                {0.01, 0.02, 0.04})}
                                  << QList<int>{0} << QStringList{QStringLiteral("A")} << 3
                                  << 0.044;
    QTest::newRow("turns of unknown cost counted")
        << QList<QVariantMap>{session(QStringLiteral("A"), {}, {0.01, 0.01, 0.01}, 2)}
        << QList<int>{2} << QStringList{QStringLiteral("A (turns of unknown cost: 2)")} << 3
        << 0.011;
    QTest::newRow("no turn priced")
        << QList<QVariantMap>{session(QStringLiteral("A"), {}, {0, 0}, 2)} << QList<int>{2}
        << QStringList{QStringLiteral("A (turns of unknown cost: 2)")} << 2 << 0.001;
    QTest::newRow("sessions of different lengths")
        << QList<QVariantMap>{session(QStringLiteral("A"), {}, {0.5}),
                              session(QStringLiteral("B"), {}, {0.1, 0.2, 0.3, 0.4}, 1)}
        << QList<int>{0, 1}
        << QStringList{QStringLiteral("A"), QStringLiteral("B (turns of unknown cost: 1)")} << 4
        << 0.55;
}

void InsightsModelTest::costLines()
{
    QFETCH(QList<QVariantMap>, sessions);
    QFETCH(QList<int>, unknownTurns);
    QFETCH(QStringList, legends);
    QFETCH(int, turns);
    QFETCH(double, axisMax);
    const InsightsCharts charts = InsightsCharts::aggregate(sessions);
    QCOMPARE(charts.costLines.size(), sessions.size());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const InsightsCharts::CostLine &line = charts.costLines[i];
        QCOMPARE(line.unknownCostTurns, unknownTurns[i]);
        QCOMPARE(line.legend, legends[i]);
        const QVariantList cumulative =
            sessions[i].value(QStringLiteral("cumulativeCost")).toList();
        QCOMPARE(line.cumulative.size(), cumulative.size());
        QCOMPARE(line.labels.size(), cumulative.size() + 1);
        QCOMPARE(line.labels.first(), QStringLiteral("$0.00"));
    }
    QCOMPARE(charts.costTurns, turns);
    QVERIFY2(qFuzzyCompare(charts.costAxisMax, axisMax),
             qPrintable(QString::number(charts.costAxisMax)));
}

void InsightsModelTest::latencyAndEventAxes()
{
    const InsightsCharts none = InsightsCharts::aggregate({});
    QCOMPARE(none.latencyAxisMax, 1000.0);
    QCOMPARE(none.eventAxisMax, 2);
    QVariantMap noAnswers = session(QStringLiteral("B"), {});
    noAnswers.insert(QStringLiteral("ttftBox"), QVariantList{});
    noAnswers.insert(QStringLiteral("latencyBox"), QVariantList{});
    const InsightsCharts two =
        InsightsCharts::aggregate({session(QStringLiteral("A"), {}), noAnswers});
    QCOMPARE(two.names, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    QVERIFY(qFuzzyCompare(two.latencyAxisMax, 1300 * 1.1));
    QCOMPARE(two.ttftBoxes[1], QList<double>(5, 0.0)); // no answer: a flat box at 0
    QCOMPARE(two.latencyBoxes[0].last(), 1300.0);
    QCOMPARE(two.escalations, (QList<int>{2, 2}));
    QCOMPARE(two.failed, (QList<int>{3, 3}));
    QCOMPARE(two.eventAxisMax, 4); // the largest count, plus one
}

// Over a real comparison (two templates, three turns, simulated provider): the token sets add up
// to each column's totals, the cost lines end at each column's cost, and the model follows its
// source.
void InsightsModelTest::chartsOfARealComparison()
{
    CompareModel compare;
    compare.setTimeScale(0);
    QVERIFY(compare.addTemplate(QStringLiteral("framing")));
    QVERIFY(compare.addTemplate(QStringLiteral("escalation-tool")));
    ChatSessionModel chat;
    InsightsModel model;
    model.setChat(&chat);
    model.setCompare(&compare);
    QSignalSpy changed(&model, &InsightsModel::changed);
    for (const QString &turn :
         {QStringLiteral("Plan a migration of billing to Python 3."),
          QStringLiteral("What about the legal implications of card data in logs? High stakes."),
          QStringLiteral("Write the first step as a shell script.")})
        QCOMPARE(compare.send(turn), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!compare.busy(), 30000);

    model.refresh();
    QCOMPARE(model.count(), 0); // the chat has no ladder
    model.showWhatRan();        // the comparison ran, the chat did not
    QCOMPARE(model.source(), QStringLiteral("compare"));
    QCOMPARE(model.count(), 2);
    QVERIFY(changed.size() >= 2);
    const InsightsCharts &charts = model.charts();
    for (int i = 0; i < 2; ++i) {
        const QVariantMap totals = compare.column(i)->totals();
        double tokens = 0;
        for (const InsightsCharts::TokenSet &set : charts.tokenSets)
            tokens += set.values[i];
        QCOMPARE(tokens, totals.value(QStringLiteral("tokens")).toDouble());
        QCOMPARE(charts.costLines[i].cumulative.size(), 3);
        QVERIFY(qFuzzyCompare(charts.costLines[i].cumulative.last(),
                              totals.value(QStringLiteral("cost")).toDouble()));
        QCOMPARE(charts.escalations[i], totals.value(QStringLiteral("escalations")).toInt());
        QCOMPARE(model.names()[i], compare.column(i)->label());
    }
    QCOMPARE(model.summary(), model.names().join(QStringLiteral(" · ")));
    QCOMPARE(model.tokenSets().size(), charts.tokenSets.size());

    model.setSource(QStringLiteral("chat"));
    QCOMPARE(model.count(), 0);
    compare.clearColumns();
}

QTEST_MAIN(InsightsModelTest)
#include "tst_insights_model.moc"
