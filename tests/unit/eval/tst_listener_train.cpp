// The learned listener: labels from recorded answers, the trainer, the engine raising
// needs_strong, and cross-validation that never scores a case with a model that saw it.

#include "eval/batch_runner.h"
#include "eval/cross_validation.h"
#include "eval/listener_trainer.h"

#include "engine/detectors.h"

#include <QTest>

using namespace ladder;
using namespace ladder::eval;

namespace {

const QString kWeak = QStringLiteral("mistralai/Mixtral-8x7B-Instruct-v0.1");
const QString kStrong = QStringLiteral("gpt-4-1106-preview");

// Cases whose text says whether the weak model fails: "prove ..." (weak 3, strong 9) versus
// "poem ..." (both 9). Each case also carries a word of its own ("tokN").
Dataset syntheticSet(int cases)
{
    Dataset set;
    set.name = "synthetic";
    set.labels = LabelKind::Score;
    set.scoreMin = 1;
    set.scoreMax = 10;
    set.answerers = {kWeak, kStrong};
    const QStringList hard = {"prove the theorem", "solve the equation", "prove the lemma"};
    const QStringList easy = {"write a poem", "write a short story", "a poem about rain"};
    for (int i = 0; i < cases; ++i) {
        EvalCase c;
        c.id = QStringLiteral("c%1").arg(i);
        const bool isHard = i % 2 == 0;
        c.userTurns = {(isHard ? hard : easy).at(i % 3) + QStringLiteral(" tok%1").arg(i)};
        c.answers.insert(kWeak, {RecordedAnswer{"w", isHard ? 3.0 : 9.0, {}}});
        c.answers.insert(kStrong, {RecordedAnswer{"s", 9.0, {}}});
        set.cases.append(c);
    }
    return set;
}

TrainOptions options()
{
    TrainOptions o;
    o.weakAnswerer = kWeak;
    o.strongAnswerer = kStrong;
    return o;
}

Ladder learnedLadder(std::optional<LearnedModel> model, double threshold)
{
    Ladder l;
    l.entry = "light";
    l.tiers = {Tier{}, Tier{}};
    l.tiers[0].id = "strong";
    l.tiers[0].provider = "replay";
    l.tiers[0].model = kStrong;
    l.tiers[1].id = "light";
    l.tiers[1].provider = "replay";
    l.tiers[1].model = kWeak;
    Transition up;
    up.id = "up";
    up.from = "light";
    up.to = "strong";
    up.condition.type = Condition::Type::OnSignal;
    up.condition.preSignals = {PreSignal::NeedsStrong};
    l.transitions = {up};
    Detector d;
    d.id = "listener";
    d.kind = Detector::Kind::Learned;
    d.signal = PreSignal::NeedsStrong;
    d.threshold = threshold;
    d.model = model;
    l.detectors = {d};
    return l;
}

} // namespace

class TestListenerTrain : public QObject
{
    Q_OBJECT

private slots:
    void labelsFollowTheRule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("labels"); // 0 score, 1 right/wrong
        QTest::addColumn<double>("weak");
        QTest::addColumn<double>("strong");
        QTest::addColumn<bool>("needsStrong");
        QTest::newRow("margin met") << "margin:1" << 0 << 7.0 << 8.0 << true;
        QTest::newRow("margin missed") << "margin:1" << 0 << 7.5 << 8.0 << false;
        QTest::newRow("margin 2") << "margin:2" << 0 << 7.0 << 8.0 << false;
        QTest::newRow("strong worse") << "margin" << 0 << 9.0 << 4.0 << false;
        QTest::newRow("right/wrong: only strong right") << "margin" << 1 << 0.0 << 1.0 << true;
        QTest::newRow("right/wrong: both wrong") << "margin" << 1 << 0.0 << 0.0 << false;
        QTest::newRow("weak_wrong: both wrong") << "weak_wrong" << 1 << 0.0 << 0.0 << true;
        QTest::newRow("weak_wrong: score low") << "weak_wrong" << 0 << 4.0 << 4.0 << true;
        QTest::newRow("right_wrong: scores") << "right_wrong" << 0 << 4.0 << 8.0 << true;
        QTest::newRow("right_wrong: both pass") << "right_wrong" << 0 << 6.0 << 9.0 << false;
    }

    void labelsFollowTheRule()
    {
        QFETCH(QString, rule);
        QFETCH(int, labels);
        QFETCH(double, weak);
        QFETCH(double, strong);
        QFETCH(bool, needsStrong);
        Dataset set;
        set.name = "one";
        set.labels = labels == 0 ? LabelKind::Score : LabelKind::Correct;
        set.scoreMin = 1;
        set.scoreMax = 10;
        set.answerers = {kWeak, kStrong};
        EvalCase c;
        c.id = "c";
        c.userTurns = {"q"};
        auto answer = [&](double q) {
            return labels == 0 ? RecordedAnswer{"a", q, {}} : RecordedAnswer{"a", {}, q > 0.5};
        };
        c.answers.insert(kWeak, {answer(weak)});
        c.answers.insert(kStrong, {answer(strong)});
        set.cases = {c};
        TrainOptions o = options();
        QString error;
        const auto parsed = parseLabelRule(rule, &error);
        QVERIFY2(parsed, qPrintable(error));
        o.rule = *parsed;
        const auto examples = labelledTurns(set, o, {}, &error);
        QVERIFY2(examples, qPrintable(error));
        QCOMPARE(examples->size(), 1);
        QCOMPARE(examples->first().needsStrong, needsStrong);
    }

    void badRulesAndAnswerersAreExplained()
    {
        QString error;
        QVERIFY(!parseLabelRule("margin:-1", &error));
        QVERIFY(error.contains("right_wrong"));
        TrainOptions o = options();
        o.weakAnswerer = "nobody";
        QVERIFY(!labelledTurns(syntheticSet(4), o, {}, &error));
        QVERIFY(error.contains("\"nobody\" is not an answerer"));
    }

    void trainingGeneralisesToUnseenTurns()
    {
        const Dataset set = syntheticSet(40);
        QString error;
        const auto examples = labelledTurns(set, options(), {}, &error);
        QVERIFY(examples);
        const auto model = trainListener(*examples, options());
        QVERIFY(model);
        QCOMPARE(model->trained.value("turns").toInt(), 40);
        QCOMPARE(model->trained.value("needs_strong").toInt(), 20);
        QVERIFY(model->probability("please prove the theorem tok999") > 0.6);
        QVERIFY(model->probability("write a poem tok998") < 0.4);
        // Deterministic: the same data and seed give the same weights.
        QCOMPARE(*trainListener(*examples, options()), *model);
    }

    void cancelStopsTraining()
    {
        const auto examples = labelledTurns(syntheticSet(10), options(), {}, nullptr);
        std::atomic_bool cancel{true};
        QVERIFY(!trainListener(*examples, options(), {}, &cancel));
    }

    void foldsAreBalancedAndDeterministic()
    {
        const QList<int> folds = assignFolds(23, 5, 7);
        QCOMPARE(folds, assignFolds(23, 5, 7));
        QList<int> sizes(5, 0);
        for (int f : folds)
            ++sizes[f];
        for (int s : sizes)
            QVERIFY(s == 4 || s == 5);
    }

    void detectorRaisesNeedsStrongAtItsThreshold()
    {
        const auto examples = labelledTurns(syntheticSet(40), options(), {}, nullptr);
        const auto model = trainListener(*examples, options());
        const QString hard = "prove the theorem tok1000";
        const double p = model->probability(hard);
        {
            const DetectorSet set(learnedLadder(model, p)); // p >= threshold: raised
            const Detection d = set.detect(hard);
            QVERIFY(d.raised.pre & bit(PreSignal::NeedsStrong));
            QCOMPARE(d.hits.first().detectorId, QStringLiteral("listener"));
        }
        {
            const DetectorSet set(learnedLadder(model, p + 1e-6));
            QVERIFY(!(set.detect(hard).raised.pre & bit(PreSignal::NeedsStrong)));
        }
        {
            const DetectorSet untrained(learnedLadder(std::nullopt, 0.0));
            QCOMPARE(untrained.detect(hard).raised.pre, 0u);
        }
        const Router router(learnedLadder(model, 0.5));
        LadderState state;
        state.tier = router.tierIndex("light");
        TurnSignals raised;
        raised.pre = bit(PreSignal::NeedsStrong);
        QCOMPARE(router.route(state, raised).tier, router.tierIndex("strong"));
    }

    // Every case has a word no other case has. A model trained on the case would carry a
    // weight for that word's bucket; the model that answers the case must have none.
    void crossValidationNeverScoresACaseWithAModelThatSawIt()
    {
        const Dataset set = syntheticSet(30);
        PreparedEval prepared;
        prepared.weakModel = kWeak;
        prepared.strongModel = kStrong;
        prepared.variants.append(
            {"learned", "ladder", learnedLadder(std::nullopt, 0.5), std::nullopt, {}});
        Ladder always = learnedLadder(std::nullopt, 0.5);
        always.detectors.clear();
        prepared.variants.append({"always:light", "baseline", always, std::nullopt, {}});
        QString error;
        TrainOptions o;
        o.features.charMin = 0; // word features only: the own word maps to one bucket
        o.features.charMax = 0;
        const auto run = applyCrossValidation(&prepared, set, o, 5, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->folds, 5);
        QCOMPARE(run->trainingTurns.size(), 5);
        QVERIFY(prepared.variants.at(1).folds.isEmpty()); // a baseline learns nothing
        const Variant &v = prepared.variants.at(0);
        QCOMPARE(v.folds.size(), 5);
        int seenBySomeModel = 0;
        for (int c = 0; c < set.cases.size(); ++c) {
            const QString own = QStringLiteral("tok%1").arg(c);
            // The buckets of the word minus those of a word of the same length: its unigram.
            std::vector<quint32> mine = learnedFeatureBuckets(o.features, own);
            const std::vector<quint32> length =
                learnedFeatureBuckets(o.features, QString(own.size(), QLatin1Char('z')));
            std::erase_if(mine, [&](quint32 b) {
                return std::find(length.begin(), length.end(), b) != length.end();
            });
            QCOMPARE(int(mine.size()), 1);
            const quint32 bucket = mine.front();
            const LearnedModel &answering = *v.ladderFor(c).detectors.first().model;
            QCOMPARE(answering.weight(bucket), 0.0);
            QCOMPARE(answering.trained.value("turns").toInt(),
                     int(set.cases.size()) -
                         int(std::count(run->caseFold.begin(), run->caseFold.end(),
                                        run->caseFold.at(c))));
            for (const Ladder &other : v.folds)
                if (other.detectors.first().model->weight(bucket) != 0.0)
                    ++seenBySomeModel;
        }
        // The check can fail: the other folds' models did learn each case's own word.
        QVERIFY(seenBySomeModel >= int(set.cases.size()) * 3);
        QVERIFY(!applyCrossValidation(&prepared, set, o, 1, &error));
        QVERIFY(error.contains("--cv 1"));
    }

    void crossValidatedClassifierReportsAuc()
    {
        const auto examples = labelledTurns(syntheticSet(40), options(), {}, nullptr);
        const auto cv = crossValidateListener(*examples, options(), 5, 0.5);
        QVERIFY(cv);
        QVERIFY(cv->auc);
        QVERIFY(*cv->auc > 0.9);
        QCOMPARE(cv->weakQuality.value_or(0), 6.0);
        QCOMPARE(cv->strongQuality.value_or(0), 9.0);
        QVERIFY(cv->routedQuality.value_or(0) > 8.5);
        QVERIFY(cv->strongShare > 0.3 && cv->strongShare < 0.7);
    }
};

QTEST_GUILESS_MAIN(TestListenerTrain)
#include "tst_listener_train.moc"
