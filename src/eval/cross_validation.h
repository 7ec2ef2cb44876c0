#pragma once

// K-fold cross-validation of a ladder's learned detectors inside an evaluation (`ladder eval
// --cv K`): the cases are split into K folds; for each fold the learned detectors are retrained
// on the other K-1 folds, and every variant with a learned detector (the ladder and each sweep
// point) answers that fold's cases with those models. So no case is ever scored by a model that
// was trained on it.

#include "eval_report.h"
#include "listener_trainer.h"

#include <QJsonObject>

namespace ladder::eval {

struct CrossValidationRun {
    int folds = 0;
    QStringList detectors;    // the learned detectors retrained
    QList<int> caseFold;      // case index -> fold
    QList<int> trainingTurns; // per fold
    QList<int> trainingNeedsStrong;
    QString labelRule;
    double trainingMs = 0;
};

// Options' weak/strong answerers default to the prepared eval's weak and strong models.
std::optional<CrossValidationRun> applyCrossValidation(PreparedEval *prepared, const Dataset &set,
                                                       TrainOptions options, int k, QString *error);
QJsonObject crossValidationJson(const CrossValidationRun &run);

// The learned detectors of a ladder (ids).
QStringList learnedDetectors(const Ladder &ladder);

} // namespace ladder::eval
