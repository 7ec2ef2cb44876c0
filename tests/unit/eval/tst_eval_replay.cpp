// The replay provider and the batch runner over the real Session: recorded answers, estimated
// tokens, the prompt-cache cost model, approximation marks, and the baselines reproducing the
// recorded means of the shared data.

#include "eval/batch_runner.h"
#include "eval/eval_report.h"
#include "eval/importers.h"
#include "eval/replay_provider.h"

#include "core/ladder_json.h"

#include <QFile>
#include <QTest>

using namespace ladder;
using namespace ladder::eval;

namespace {

const QString kCheap = QStringLiteral("gemini-1.5-flash");          // has a cached price
const QString kDear = QStringLiteral("claude-3-5-sonnet-20240620"); // has a cached price

std::shared_ptr<Dataset> twoTurnSet()
{
    auto set = std::make_shared<Dataset>();
    set->name = "tiny";
    set->labels = LabelKind::Score;
    EvalCase c;
    c.id = "c1";
    c.userTurns = {"Write a haiku about rain.", "Now make it about snow, and longer please."};
    c.answers.insert(kCheap, {{"Rain taps the roof.", 6, {}}, {"Snow hushes the town.", 5, {}}});
    c.answers.insert(kDear, {{"Soft rain on tin roofs.", 9, {}}, {"Snow settles softly.", 8, {}}});
    set->cases = {c};
    set->answerers = {kCheap, kDear};
    return set;
}

Ladder twoTierLadder(const QString &entry, int stepAfter)
{
    Ladder l;
    l.name = "two";
    l.entry = entry;
    l.tiers = {Tier{}, Tier{}};
    l.tiers[0].id = "strong";
    l.tiers[0].provider = "replay";
    l.tiers[0].model = kDear;
    l.tiers[1].id = "light";
    l.tiers[1].provider = "replay";
    l.tiers[1].model = kCheap;
    l.memory.inject = MemoryPolicy::Inject::Never;
    l.memory.refresh = MemoryPolicy::Refresh::None;
    if (stepAfter > 0) {
        Transition t;
        t.id = "down";
        t.from = "strong";
        t.to = "light";
        t.condition.type = Condition::Type::AfterTurns;
        t.condition.turns = stepAfter;
        l.transitions = {t};
    }
    return l;
}

ChatRequest request(const QString &model, int turn, const QList<ChatMessage> &messages)
{
    ChatRequest r;
    r.provider = "replay";
    r.model = model;
    r.turn = turn;
    r.messages = messages;
    return r;
}

} // namespace

// A judge that rates every answer 8 and reports its usage.
class FakeJudge : public Provider
{
public:
    QString id() const override { return QStringLiteral("judge"); }
    ProviderCall *start(const ChatRequest &request) override
    {
        lastRequest = request;
        ChatResult r;
        r.text = QStringLiteral("Good.\nRating: [[8]]");
        r.usage.inputTokens = 1000;
        r.usage.outputTokens = 100;
        return new ReplayProvider::ImmediateCall(r, this);
    }
    ChatRequest lastRequest;
};

class TestEvalReplay : public QObject
{
    Q_OBJECT

private slots:
    void answersWithTheRecordedTextAndEstimatedTokens()
    {
        ReplayProvider replay(twoTurnSet());
        const ChatResult r = replay.answer(request(
            kDear, 1, {{ChatMessage::Role::User, "Write a haiku about rain.", {}, {}, {}}}));
        QVERIFY(!r.error);
        QCOMPARE(r.text, QStringLiteral("Soft rain on tin roofs."));
        QVERIFY(r.usage.estimated);
        QCOMPARE(r.usage.outputTokens, qint64(6)); // 22 characters / 4, rounded up
        QCOMPARE(r.raw.value("replayed").toBool(), true);
        QCOMPARE(r.raw.value("tokens").toString(), QStringLiteral("estimated"));
    }

    void missingAnswerIsAnErrorNamingCaseAndTurn()
    {
        ReplayProvider replay(twoTurnSet());
        replay.bindCase(0);
        const ChatResult r = replay.answer(request("gpt-9", 2, {}));
        QVERIFY(r.error);
        QCOMPARE(r.error->message,
                 QStringLiteral("replay: no answer by \"gpt-9\" recorded for case c1, turn 2"));
    }

    void secondCallOnOneModelIsCachedAndASwitchForfeitsIt()
    {
        ReplayProvider replay(twoTurnSet());
        replay.bindCase(0);
        const ChatMessage u1{ChatMessage::Role::User, "Write a haiku about rain.", {}, {}, {}};
        const ChatMessage u2{ChatMessage::Role::User, "Now make it about snow.", {}, {}, {}};
        const ChatResult first = replay.answer(request(kDear, 1, {u1}));
        QCOMPARE(first.usage.cachedTokens, qint64(0));
        const ChatMessage a1{ChatMessage::Role::Assistant, first.text, {}, {}, {}};
        const ChatResult same = replay.answer(request(kDear, 2, {u1, a1, u2}));
        // A prompt cache holds the previous prompt, not the answer generated after it.
        const qint64 prefix = ReplayProvider::estimateTokens(u1.content);
        QCOMPARE(same.usage.cachedTokens, prefix);
        QCOMPARE(same.raw.value("switch_forfeited_tokens").toInteger(), 0);
        QVERIFY(!same.raw.value("approximation").toBool());

        replay.resetConversation();
        replay.answer(request(kDear, 1, {u1}));
        const ChatResult switched = replay.answer(request(kCheap, 2, {u1, a1, u2}));
        QCOMPARE(switched.usage.cachedTokens, qint64(0));
        QCOMPARE(switched.raw.value("switch_forfeited_tokens").toInteger(), prefix);
        QVERIFY(switched.raw.value("approximation").toBool());
    }

    void runnerScoresCostsAndMarksApproximations_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<int>("stepAfter");
        QTest::addColumn<double>("quality");
        QTest::addColumn<double>("strongShare");
        QTest::addColumn<int>("approximate");
        QTest::newRow("always strong") << "strong" << 0 << 8.5 << 1.0 << 0;
        QTest::newRow("always light") << "light" << 0 << 5.5 << 0.0 << 0;
        QTest::newRow("strong then light") << "strong" << 1 << 7.0 << 0.5 << 1;
    }
    void runnerScoresCostsAndMarksApproximations()
    {
        QFETCH(QString, entry);
        QFETCH(int, stepAfter);
        QFETCH(double, quality);
        QFETCH(double, strongShare);
        QFETCH(int, approximate);
        RunnerOptions options;
        options.strongModel = kDear;
        BatchRunner runner(twoTurnSet(),
                           {Variant{"v", "ladder", twoTierLadder(entry, stepAfter), {}, {}}},
                           options);
        runner.runBlocking();
        const RunMetrics m = runner.metrics(0);
        QCOMPARE(m.cases, 1);
        QCOMPARE(m.turns, 2);
        QVERIFY(m.quality);
        QCOMPARE(*m.quality, quality);
        QCOMPARE(m.strongCallShare, strongShare);
        QCOMPARE(m.approximateTurns, approximate);
        QVERIFY(m.costUsd > 0);
        QVERIFY(m.usage.estimated);
        QVERIFY(m.latencyModelled);
        if (stepAfter > 0)
            QVERIFY(m.switchCostUsd > 0); // the light model lost the strong model's cache
        else
            QVERIFY(m.usage.cachedTokens > 0); // turn 2 reused turn 1's prefix
    }

    void judgeScoresWithTheRubricAndIsBilledApart()
    {
        auto set = twoTurnSet();
        set->cases[0].expect.scorer = "judge";
        set->cases[0].expect.rubric = "Is it a haiku?";
        FakeJudge judge;
        RunnerOptions options;
        options.strongModel = kDear;
        options.judge = {&judge, "judge", "gpt-4-1106-preview"};
        BatchRunner runner(set, {Variant{"v", "ladder", twoTierLadder("light", 0), {}, {}}},
                           options);
        runner.runBlocking();
        const RunMetrics m = runner.metrics(0);
        // Turn 1 by its label (6), turn 2 by the judge (8).
        QVERIFY(m.quality);
        QCOMPARE(*m.quality, 7.0);
        QCOMPARE(m.judgeCostUsd, (1000 * 10.0 + 100 * 30.0) / 1e6);
        QVERIFY(m.costUsd < m.judgeCostUsd); // the ladder's own cost excludes the judge
        QVERIFY(judge.lastRequest.messages.first().content.contains("Is it a haiku?"));
    }

    void baselinesReproduceTheRecordedMeans_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("strong");
        QTest::addColumn<double>("light");
        QTest::newRow("mt-bench") << "mt_bench/replay_mt_bench.jsonl" << 9.228125 << 8.340625;
        QTest::newRow("gsm8k") << "gsm8k/gsm8k_responses.csv" << 0.857 << 0.638;
    }
    void baselinesReproduceTheRecordedMeans()
    {
        QFETCH(QString, file);
        QFETCH(double, strong);
        QFETCH(double, light);
        const QString path = QStringLiteral(LADDER_SHARED_DATA_DIR "/") + file;
        if (!QFile::exists(path))
            QSKIP("../shared/data is absent");
        QString error;
        const std::optional<Dataset> set = importDataset(path, {}, &error);
        QVERIFY2(set, qPrintable(error));
        const ParseResult ladder = loadLadderFile(
            QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/mt-bench-category.json"));
        QVERIFY(ladder.ok());
        EvalPlan plan;
        plan.ladder = ladder.ladder;
        plan.recordedRouters = false;
        const std::optional<PreparedEval> prepared = prepareEval(*set, plan, &error);
        QVERIFY2(prepared, qPrintable(error));
        RunnerOptions options;
        options.strongModel = prepared->strongModel;
        BatchRunner runner(std::make_shared<const Dataset>(*set), prepared->variants, options);
        runner.runBlocking();
        const RunMetrics s = runner.metrics(prepared->strongBaseline);
        const RunMetrics w = runner.metrics(prepared->weakBaseline);
        QCOMPARE(s.cases, int(set->cases.size()));
        QVERIFY2(qAbs(*s.quality - strong) < 0.0005, qPrintable(QString::number(*s.quality)));
        QVERIFY2(qAbs(*w.quality - light) < 0.0005, qPrintable(QString::number(*w.quality)));
        QCOMPARE(s.strongCallShare, 1.0);
        QCOMPARE(w.strongCallShare, 0.0);
        const RunMetrics ladderRun = runner.metrics(0);
        QVERIFY(*ladderRun.quality > *w.quality && *ladderRun.quality < *s.quality);
        QVERIFY(ladderRun.costUsd < s.costUsd && ladderRun.costUsd > w.costUsd);
    }
};

QTEST_GUILESS_MAIN(TestEvalReplay)
#include "tst_eval_replay.moc"
