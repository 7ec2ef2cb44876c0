#pragma once

// Trains a learned detector's model (core/learned_model.h) from recorded answers: each user turn
// is labelled "needs strong" when the cheapest tier's recorded answer is clearly worse than the
// strongest's, then logistic regression over hashed n-grams is fitted by AdaGrad (plain C++,
// deterministic, milliseconds for MT-Bench or GSM8K).
//
// Label rules (`--label-rule`):
//   margin[:X]  judge scores: strong score - weak score >= X (default 1 score point);
//               right/wrong labels: strong right and weak wrong
//   right_wrong right/wrong labels (or scores): strong right (better) and weak wrong (worse)
//   weak_wrong  the weak answer is wrong (scores: below the midpoint of the scale), whatever
//               the strong one did

#include "dataset.h"

#include "core/learned_model.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace ladder::eval {

struct LabelRule {
    enum class Kind { Margin, RightWrong, WeakWrong };
    Kind kind = Kind::Margin;
    double margin = 1.0;
    QString describe() const; // "margin:1"
};
std::optional<LabelRule> parseLabelRule(const QString &text, QString *error);

struct TrainOptions {
    QString weakAnswerer;   // the cheapest tier's recorded answerer
    QString strongAnswerer; // the strongest tier's
    LabelRule rule;
    LearnedFeatures features;
    int epochs = 20;
    double learningRate = 0.3; // AdaGrad
    double l2 = 1e-5;          // per update
    bool balance = true;       // weigh the classes equally, so p = 0.5 is the balanced cut
    quint64 seed = 1;
    // Weights smaller than this share of the largest are left out of the model (a smaller
    // ladder file); see LearnedModel::setWeights.
    double prune = 0;
};

// One labelled user turn. Scores are the recorded quality (score or 1/0) of each answer.
struct TrainingExample {
    int caseIndex = -1; // -1: not from the data set (a user's feedback)
    int turn = 0;
    QString text;
    QStringList earlierTurns;
    bool needsStrong = false;
    std::optional<double> weakQuality;
    std::optional<double> strongQuality;
};

// The labelled turns of `set` (those with both labels); `cases` limits them to these case
// indices (empty: all). An error when an answerer is not in the set or nothing is labelled.
std::optional<QList<TrainingExample>> labelledTurns(const Dataset &set, const TrainOptions &options,
                                                    const QList<int> &cases, QString *error);

using TrainProgress = std::function<void(int done, int total)>;

// Fits the model. `trained` in the result records the counts and the rule; the caller adds
// the data set's name. Returns nullopt when cancelled.
std::optional<LearnedModel> trainListener(const QList<TrainingExample> &examples,
                                          const TrainOptions &options,
                                          const TrainProgress &progress = {},
                                          const std::atomic_bool *cancel = nullptr);

// Case index -> fold (0..k-1), shuffled deterministically by `seed`, sizes differing by one.
QList<int> assignFolds(int caseCount, int k, quint64 seed);

// K-fold cross-validation of the classifier alone: each example's probability from a model
// trained on the other folds (by case, so both turns of a conversation share a fold), the ROC
// AUC, and, at `threshold`, the share sent to the strong tier and the quality of that routing
// computed from the recorded answers (a two-tier estimate; `ladder eval --cv` runs the ladder).
struct CrossValidation {
    int folds = 0;
    int examples = 0;
    int positives = 0;
    QList<double> heldOutProbability; // per example
    std::optional<double> auc;
    double threshold = 0.5;
    double strongShare = 0;
    std::optional<double> routedQuality, weakQuality, strongQuality;
};
std::optional<CrossValidation> crossValidateListener(const QList<TrainingExample> &examples,
                                                     const TrainOptions &options, int k,
                                                     double threshold,
                                                     const TrainProgress &progress = {},
                                                     const std::atomic_bool *cancel = nullptr);
// What a model's `trained` facts keep of a cross-validation: folds, auc, threshold,
// strong_share, quality, weak_quality, strong_quality (rounded to 3 digits).
QJsonObject crossValidationFacts(const CrossValidation &cv);
// Strong share and routed quality of held-out probabilities at `threshold`.
void routeAt(CrossValidation *cv, const QList<TrainingExample> &examples, double threshold);

} // namespace ladder::eval
