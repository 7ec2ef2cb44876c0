#include "listener_trainer.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace ladder::eval {

QString LabelRule::describe() const
{
    switch (kind) {
    case Kind::Margin:
        return QStringLiteral("margin:%1").arg(margin);
    case Kind::RightWrong:
        return QStringLiteral("right_wrong");
    case Kind::WeakWrong:
        return QStringLiteral("weak_wrong");
    }
    return {};
}

std::optional<LabelRule> parseLabelRule(const QString &text, QString *error)
{
    LabelRule rule;
    if (text == QLatin1String("right_wrong")) {
        rule.kind = LabelRule::Kind::RightWrong;
        return rule;
    }
    if (text == QLatin1String("weak_wrong")) {
        rule.kind = LabelRule::Kind::WeakWrong;
        return rule;
    }
    if (text == QLatin1String("margin"))
        return rule;
    if (text.startsWith(QLatin1String("margin:"))) {
        bool ok = false;
        rule.margin = text.mid(7).toDouble(&ok);
        if (ok && rule.margin >= 0)
            return rule;
    }
    if (error)
        *error = QStringLiteral("label rule \"%1\": expected margin[:X] (X >= 0), right_wrong or "
                                "weak_wrong")
                     .arg(text);
    return std::nullopt;
}

namespace {

std::optional<double> quality(const RecordedAnswer &a)
{
    if (a.score)
        return a.score;
    if (a.correct)
        return *a.correct ? 1.0 : 0.0;
    return std::nullopt;
}

bool needsStrong(const LabelRule &rule, const Dataset &set, double weak, double strong)
{
    const bool scores = set.labels == LabelKind::Score;
    const double midpoint = scores ? (set.scoreMin + set.scoreMax) / 2 : 0.5;
    switch (rule.kind) {
    case LabelRule::Kind::Margin:
        return scores ? strong - weak >= rule.margin : strong > weak;
    case LabelRule::Kind::RightWrong:
        return scores ? weak < midpoint && strong >= midpoint : strong > weak;
    case LabelRule::Kind::WeakWrong:
        return weak < midpoint;
    }
    return false;
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

std::optional<QList<TrainingExample>> labelledTurns(const Dataset &set, const TrainOptions &options,
                                                    const QList<int> &cases, QString *error)
{
    for (const QString &answerer : {options.weakAnswerer, options.strongAnswerer}) {
        if (!set.answerers.contains(answerer)) {
            if (error)
                *error = QStringLiteral("\"%1\" is not an answerer of %2 (answerers: %3)")
                             .arg(answerer, set.name, set.answerers.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    QList<TrainingExample> out;
    auto add = [&](int c) {
        const EvalCase &ec = set.cases.at(c);
        const QList<RecordedAnswer> weak = ec.answers.value(options.weakAnswerer);
        const QList<RecordedAnswer> strong = ec.answers.value(options.strongAnswerer);
        for (int t = 0; t < ec.userTurns.size(); ++t) {
            if (t >= weak.size() || t >= strong.size())
                break;
            const std::optional<double> w = quality(weak.at(t));
            const std::optional<double> s = quality(strong.at(t));
            if (!w || !s)
                continue;
            TrainingExample e;
            e.caseIndex = c;
            e.turn = t;
            e.text = ec.userTurns.at(t);
            e.earlierTurns = ec.userTurns.mid(0, t);
            e.needsStrong = needsStrong(options.rule, set, *w, *s);
            e.weakQuality = w;
            e.strongQuality = s;
            out.append(e);
        }
    };
    if (cases.isEmpty()) {
        for (int c = 0; c < set.cases.size(); ++c)
            add(c);
    } else {
        for (int c : cases)
            if (c >= 0 && c < set.cases.size())
                add(c);
    }
    if (out.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 has no turn labelled for both %2 and %3")
                         .arg(set.name, options.weakAnswerer, options.strongAnswerer);
        return std::nullopt;
    }
    return out;
}

std::optional<LearnedModel> trainListener(const QList<TrainingExample> &examples,
                                          const TrainOptions &options,
                                          const TrainProgress &progress,
                                          const std::atomic_bool *cancel)
{
    LearnedModel model;
    model.features = options.features;
    const size_t buckets = size_t(1) << options.features.hashBits;
    std::vector<std::vector<quint32>> x;
    x.reserve(size_t(examples.size()));
    int positives = 0;
    for (const TrainingExample &e : examples) {
        x.push_back(learnedFeatureBuckets(options.features, e.text, e.earlierTurns));
        positives += e.needsStrong ? 1 : 0;
    }
    const int n = int(examples.size());
    const int negatives = n - positives;
    // Class weights: each class counts as half of the data (when both are present).
    const double wPos =
        options.balance && positives > 0 && negatives > 0 ? n / (2.0 * positives) : 1.0;
    const double wNeg =
        options.balance && positives > 0 && negatives > 0 ? n / (2.0 * negatives) : 1.0;
    std::vector<float> w(buckets, 0.0f);
    std::vector<float> g2(buckets, 0.0f);
    double bias = 0;
    double biasG2 = 0;
    if (!options.balance && positives > 0 && negatives > 0)
        bias = std::log(double(positives) / negatives);

    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(options.seed);
    const double eps = 1e-8;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        if (cancel && cancel->load())
            return std::nullopt;
        std::shuffle(order.begin(), order.end(), rng);
        for (int i : order) {
            const std::vector<quint32> &f = x[size_t(i)];
            const double value = f.empty() ? 0.0 : 1.0 / std::sqrt(double(f.size()));
            double z = bias;
            for (quint32 b : f)
                z += w[b] * value;
            const bool y = examples.at(i).needsStrong;
            const double grad = (sigmoid(z) - (y ? 1.0 : 0.0)) * (y ? wPos : wNeg);
            biasG2 += grad * grad;
            bias -= options.learningRate * grad / (std::sqrt(biasG2) + eps);
            for (quint32 b : f) {
                const double g = grad * value + options.l2 * w[b];
                g2[b] += float(g * g);
                w[b] -= float(options.learningRate * g / (std::sqrt(double(g2[b])) + eps));
            }
        }
        if (progress)
            progress(epoch + 1, options.epochs);
    }
    model.bias = bias;
    model.setWeights(w, options.prune);
    model.trained = QJsonObject{{QStringLiteral("turns"), n},
                                {QStringLiteral("needs_strong"), positives},
                                {QStringLiteral("label_rule"), options.rule.describe()},
                                {QStringLiteral("weak"), options.weakAnswerer},
                                {QStringLiteral("strong"), options.strongAnswerer}};
    if (options.prune > 0)
        model.trained.insert(QStringLiteral("prune"), options.prune);
    return model;
}

QList<int> assignFolds(int caseCount, int k, quint64 seed)
{
    std::vector<int> order(static_cast<size_t>(std::max(caseCount, 0)));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    QList<int> fold(caseCount, 0);
    for (int i = 0; i < caseCount; ++i)
        fold[order[size_t(i)]] = k > 0 ? i % k : 0;
    return fold;
}

namespace {

std::optional<double> rocAuc(const QList<TrainingExample> &examples, const QList<double> &p)
{
    // Mann-Whitney: the chance a positive outranks a negative (ties count half).
    QList<int> idx(examples.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](int a, int b) { return p[a] < p[b]; });
    double rankSumPos = 0;
    int pos = 0;
    for (int i = 0; i < idx.size();) {
        int j = i;
        while (j < idx.size() && p[idx[j]] == p[idx[i]])
            ++j;
        const double rank = (i + j + 1) / 2.0; // 1-based average rank of the tie group
        for (int k = i; k < j; ++k)
            if (examples.at(idx[k]).needsStrong) {
                rankSumPos += rank;
                ++pos;
            }
        i = j;
    }
    const int neg = int(examples.size()) - pos;
    if (pos == 0 || neg == 0)
        return std::nullopt;
    return (rankSumPos - pos * (pos + 1) / 2.0) / (double(pos) * neg);
}

} // namespace

QJsonObject crossValidationFacts(const CrossValidation &cv)
{
    auto r = [](double v) {
        return qRound(v * 1000) / 1000.0;
    };
    QJsonObject o{{QStringLiteral("folds"), cv.folds},
                  {QStringLiteral("threshold"), cv.threshold},
                  {QStringLiteral("strong_share"), r(cv.strongShare)}};
    if (cv.auc)
        o.insert(QStringLiteral("auc"), r(*cv.auc));
    if (cv.routedQuality)
        o.insert(QStringLiteral("quality"), r(*cv.routedQuality));
    if (cv.weakQuality)
        o.insert(QStringLiteral("weak_quality"), r(*cv.weakQuality));
    if (cv.strongQuality)
        o.insert(QStringLiteral("strong_quality"), r(*cv.strongQuality));
    return o;
}

void routeAt(CrossValidation *cv, const QList<TrainingExample> &examples, double threshold)
{
    cv->threshold = threshold;
    int strong = 0;
    int scored = 0;
    double routed = 0, weak = 0, strongSum = 0;
    for (int i = 0; i < examples.size(); ++i) {
        const TrainingExample &e = examples.at(i);
        const bool up = cv->heldOutProbability.value(i) >= threshold;
        strong += up ? 1 : 0;
        if (e.weakQuality && e.strongQuality) {
            ++scored;
            routed += up ? *e.strongQuality : *e.weakQuality;
            weak += *e.weakQuality;
            strongSum += *e.strongQuality;
        }
    }
    cv->strongShare = examples.isEmpty() ? 0 : double(strong) / examples.size();
    if (scored > 0) {
        cv->routedQuality = routed / scored;
        cv->weakQuality = weak / scored;
        cv->strongQuality = strongSum / scored;
    }
}

std::optional<CrossValidation> crossValidateListener(const QList<TrainingExample> &examples,
                                                     const TrainOptions &options, int k,
                                                     double threshold,
                                                     const TrainProgress &progress,
                                                     const std::atomic_bool *cancel)
{
    CrossValidation cv;
    cv.folds = k;
    cv.examples = int(examples.size());
    int caseCount = 0;
    for (const TrainingExample &e : examples)
        caseCount = std::max(caseCount, e.caseIndex + 1);
    const QList<int> caseFold = assignFolds(caseCount, k, options.seed);
    // Examples from no data set (the user's feedback cases) get folds of their own, shuffled
    // too: their order often follows their label (a session's thumbs one after another).
    int loose = 0;
    for (const TrainingExample &e : examples)
        loose += e.caseIndex < 0 ? 1 : 0;
    const QList<int> looseFold = assignFolds(loose, k, options.seed + 1);
    QList<int> exampleFold;
    exampleFold.reserve(examples.size());
    for (int i = 0, next = 0; i < examples.size(); ++i) {
        const int c = examples.at(i).caseIndex;
        exampleFold.append(c >= 0 ? caseFold.at(c) : looseFold.at(next++));
    }
    auto foldOf = [&](int i) {
        return exampleFold.at(i);
    };
    cv.heldOutProbability = QList<double>(examples.size(), 0.0);
    for (const TrainingExample &e : examples)
        cv.positives += e.needsStrong ? 1 : 0;
    for (int fold = 0; fold < k; ++fold) {
        QList<TrainingExample> train;
        QList<int> held;
        for (int i = 0; i < examples.size(); ++i) {
            if (foldOf(i) == fold)
                held.append(i);
            else
                train.append(examples.at(i));
        }
        const std::optional<LearnedModel> model =
            trainListener(train, options,
                          progress ? TrainProgress([&](int done, int total) {
                              progress(fold * total + done, k * total);
                          })
                                   : TrainProgress(),
                          cancel);
        if (!model)
            return std::nullopt;
        for (int i : held)
            cv.heldOutProbability[i] =
                model->probability(examples.at(i).text, examples.at(i).earlierTurns);
    }
    cv.auc = rocAuc(examples, cv.heldOutProbability);
    routeAt(&cv, examples, threshold);
    return cv;
}

} // namespace ladder::eval
