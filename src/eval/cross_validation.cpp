#include "cross_validation.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace ladder::eval {

QStringList learnedDetectors(const Ladder &ladder)
{
    QStringList ids;
    for (const Detector &d : ladder.detectors)
        if (d.kind == Detector::Kind::Learned)
            ids.append(d.id);
    return ids;
}

std::optional<CrossValidationRun> applyCrossValidation(PreparedEval *prepared, const Dataset &set,
                                                       TrainOptions options, int k, QString *error)
{
    if (k < 2 || k > set.cases.size()) {
        if (error)
            *error = QStringLiteral("--cv %1: expected from 2 to the %2 cases of %3")
                         .arg(k)
                         .arg(set.cases.size())
                         .arg(set.name);
        return std::nullopt;
    }
    if (options.weakAnswerer.isEmpty())
        options.weakAnswerer = prepared->weakModel;
    if (options.strongAnswerer.isEmpty())
        options.strongAnswerer = prepared->strongModel;
    if (options.features == LearnedFeatures{} && !prepared->variants.isEmpty()) {
        // A detector trained before keeps its feature settings.
        for (const Detector &d : prepared->variants.first().ladder.detectors)
            if (d.kind == Detector::Kind::Learned && d.model) {
                options.features = d.model->features;
                break;
            }
    }

    CrossValidationRun run;
    run.folds = k;
    run.labelRule = options.rule.describe();
    run.caseFold = assignFolds(int(set.cases.size()), k, options.seed);
    for (const Variant &v : std::as_const(prepared->variants))
        for (const QString &id : learnedDetectors(v.ladder))
            if (!run.detectors.contains(id))
                run.detectors.append(id);
    if (run.detectors.isEmpty()) {
        if (error)
            *error = QStringLiteral("--cv: the ladder has no learned detector to cross-validate");
        return std::nullopt;
    }

    QElapsedTimer timer;
    timer.start();
    QList<LearnedModel> models;
    for (int fold = 0; fold < k; ++fold) {
        QList<int> trainCases;
        for (int c = 0; c < run.caseFold.size(); ++c)
            if (run.caseFold.at(c) != fold)
                trainCases.append(c);
        const std::optional<QList<TrainingExample>> examples =
            labelledTurns(set, options, trainCases, error);
        if (!examples)
            return std::nullopt;
        std::optional<LearnedModel> model = trainListener(*examples, options);
        if (!model)
            return std::nullopt;
        model->trained.insert(QStringLiteral("fold"), fold);
        model->trained.insert(QStringLiteral("dataset"), set.name);
        run.trainingTurns.append(int(examples->size()));
        run.trainingNeedsStrong.append(
            model->trained.value(QStringLiteral("needs_strong")).toInt());
        models.append(*model);
    }
    run.trainingMs = double(timer.nsecsElapsed()) / 1e6;

    for (Variant &v : prepared->variants) {
        if (learnedDetectors(v.ladder).isEmpty())
            continue; // baselines and recorded routers have nothing to learn
        v.caseFold = run.caseFold;
        v.folds.clear();
        for (int fold = 0; fold < k; ++fold) {
            Ladder l = v.ladder;
            for (Detector &d : l.detectors)
                if (d.kind == Detector::Kind::Learned)
                    d.model = models.at(fold);
            v.folds.append(l);
        }
    }
    return run;
}

QJsonObject crossValidationJson(const CrossValidationRun &run)
{
    QJsonArray turns, positives;
    for (int i = 0; i < run.folds; ++i) {
        turns.append(run.trainingTurns.value(i));
        positives.append(run.trainingNeedsStrong.value(i));
    }
    return QJsonObject{
        {QStringLiteral("folds"), run.folds},
        {QStringLiteral("detectors"), QJsonArray::fromStringList(run.detectors)},
        {QStringLiteral("label_rule"), run.labelRule},
        {QStringLiteral("training_turns"), turns},
        {QStringLiteral("training_needs_strong"), positives},
        {QStringLiteral("training_ms"), qRound(run.trainingMs * 10) / 10.0},
        {QStringLiteral("note"),
         QStringLiteral("%1-fold cross-validation: the learned detectors (%2) were retrained on "
                        "%3 folds for each held-out fold; every case was answered by a model "
                        "that never saw it, at every sweep point")
             .arg(run.folds)
             .arg(run.detectors.join(QStringLiteral(", ")))
             .arg(run.folds - 1)},
    };
}

} // namespace ladder::eval
