#include "train_command.h"

#include "validate_command.h"

#include "core/ladder_json.h"
#include "eval/feedback_examples.h"
#include "eval/importers.h"
#include "eval/listener_trainer.h"
#include "eval/variants.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

namespace ladder::cli {

namespace {

QString pct(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

QString number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("–");
}

} // namespace

int runTrain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains a learned detector of a ladder from recorded answers: a turn needs the strong "
        "tier where the cheapest tier's answer scored clearly below the strongest's; and/or from "
        "the labelled cases of the user's chats kept in an audit store (--feedback). Writes the "
        "ladder with the trained model."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ladder"),
                                 QStringLiteral("Ladder file or example"));
    const QCommandLineOption detectorOption(QStringLiteral("detector"),
                                            QStringLiteral("The learned detector to train."),
                                            QStringLiteral("ID"));
    const QCommandLineOption datasetOption(
        QStringLiteral("dataset"),
        QStringLiteral("MT-Bench replay JSONL, GSM8K CSV, an audit log or the generic JSONL."),
        QStringLiteral("path"));
    const QCommandLineOption feedbackOption(
        QStringLiteral("feedback"),
        QStringLiteral("An audit store (ladder chat --audit, the studio's studio.sqlite) whose "
                       "feedback cases (manual tier picks, Regenerate on a stronger tier, thumbs) "
                       "are trained on too."),
        QStringLiteral("AUDIT_DB"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("mt_bench, gsm8k, audit or jsonl."),
                                          QStringLiteral("format"));
    const QCommandLineOption mapOption(
        QStringLiteral("map"),
        QStringLiteral("The tier answers from the recorded answerer (to find the cheapest and "
                       "strongest tiers' answers)."),
        QStringLiteral("TIER=ANSWERER"));
    const QCommandLineOption weakOption(
        QStringLiteral("weak"),
        QStringLiteral("The cheap answerer (default: the cheapest tier's)."),
        QStringLiteral("ANSWERER"));
    const QCommandLineOption strongOption(
        QStringLiteral("strong"),
        QStringLiteral("The strong answerer (default: the most expensive tier's)."),
        QStringLiteral("ANSWERER"));
    const QCommandLineOption ruleOption(
        QStringLiteral("label-rule"),
        QStringLiteral("margin[:X] (strong score - cheap score >= X, default 1; right/wrong: "
                       "strong right, cheap wrong), right_wrong or weak_wrong."),
        QStringLiteral("rule"), QStringLiteral("margin:1"));
    const QCommandLineOption contextOption(
        QStringLiteral("context"),
        QStringLiteral("Also read the conversation's earlier user turns."));
    const QCommandLineOption bitsOption(QStringLiteral("hash-bits"),
                                        QStringLiteral("Feature buckets: 2^N (8-24, default 18)."),
                                        QStringLiteral("N"));
    const QCommandLineOption epochsOption(QStringLiteral("epochs"),
                                          QStringLiteral("Passes over the data (default 20)."),
                                          QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption cvOption(
        QStringLiteral("cv"),
        QStringLiteral("Also report K-fold cross-validated AUC and routing (default 5; 0: none)."),
        QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("Write the trained ladder here."),
                                       QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the summary as JSON."));
    parser.addOptions({detectorOption, datasetOption, feedbackOption, formatOption, mapOption,
                       weakOption, strongOption, ruleOption, contextOption, bitsOption,
                       epochsOption, cvOption, outOption, jsonOption});
    parser.process(args);

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (parser.positionalArguments().size() != 1) {
        err << "ladder train: expected one ladder\n";
        return 2;
    }
    for (const QCommandLineOption *required : {&detectorOption, &outOption}) {
        if (!parser.isSet(*required)) {
            err << "ladder train: --" << required->names().constLast() << " is required\n";
            return 2;
        }
    }
    if (!parser.isSet(datasetOption) && !parser.isSet(feedbackOption)) {
        err << "ladder train: --dataset or --feedback (or both) is required\n";
        return 2;
    }
    Ladder ladder;
    if (!loadLadderOrExample(parser.positionalArguments().constFirst(), &ladder))
        return 1;
    const QString detectorId = parser.value(detectorOption);
    Detector *detector = nullptr;
    for (Detector &d : ladder.detectors)
        if (d.id == detectorId)
            detector = &d;
    if (!detector || detector->kind != Detector::Kind::Learned) {
        err << "ladder train: --detector " << detectorId
            << ": no learned detector with this id in the ladder\n";
        return 2;
    }

    eval::TrainOptions options;
    QString error;
    const std::optional<eval::LabelRule> rule =
        eval::parseLabelRule(parser.value(ruleOption), &error);
    if (!rule) {
        err << "ladder train: --label-rule: " << error << '\n';
        return 2;
    }
    options.rule = *rule;
    if (detector->model)
        options.features = detector->model->features;
    if (parser.isSet(contextOption))
        options.features.context = true;
    if (parser.isSet(bitsOption)) {
        bool ok = false;
        const int bits = parser.value(bitsOption).toInt(&ok);
        if (!ok || bits < 8 || bits > 24) {
            err << "ladder train: --hash-bits: expected a number from 8 to 24\n";
            return 2;
        }
        options.features.hashBits = bits;
    }
    bool ok = false;
    options.epochs = parser.value(epochsOption).toInt(&ok);
    if (!ok || options.epochs < 1 || options.epochs > 1000) {
        err << "ladder train: --epochs: expected a number from 1 to 1000\n";
        return 2;
    }
    const int folds = parser.value(cvOption).toInt(&ok);
    if (!ok || folds < 0 || folds == 1 || folds > 50) {
        err << "ladder train: --cv: expected 0 (none) or a number from 2 to 50\n";
        return 2;
    }

    Ladder mapped = ladder;
    QHash<QString, QString> map;
    for (const QString &m : parser.values(mapOption)) {
        const qsizetype eq = m.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == m.size() - 1) {
            err << "ladder train: --map \"" << m << "\": expected TIER=ANSWERER\n";
            return 2;
        }
        map.insert(m.left(eq), m.mid(eq + 1));
    }
    if (!eval::applyMapping(&mapped, map, &error)) {
        err << "ladder train: " << error << '\n';
        return 2;
    }
    options.weakAnswerer =
        parser.isSet(weakOption) ? parser.value(weakOption) : eval::cheapestModel(mapped);
    options.strongAnswerer =
        parser.isSet(strongOption) ? parser.value(strongOption) : eval::strongestModel(mapped);

    QElapsedTimer timer;
    timer.start();
    std::optional<eval::Dataset> set;
    std::optional<QList<eval::TrainingExample>> examples = QList<eval::TrainingExample>();
    if (parser.isSet(datasetOption)) {
        set = eval::importDataset(parser.value(datasetOption), parser.value(formatOption), &error);
        if (!set) {
            err << "ladder train: " << error << '\n';
            return 1;
        }
        examples = eval::labelledTurns(*set, options, {}, &error);
        if (!examples) {
            err << "ladder train: " << error << '\n';
            return 2;
        }
    }
    int feedbackCases = 0;
    if (parser.isSet(feedbackOption)) {
        const std::optional<QList<eval::TrainingExample>> feedback =
            eval::feedbackExamples(parser.value(feedbackOption), &error);
        if (!feedback) {
            err << "ladder train: --feedback " << error << '\n';
            return 1;
        }
        if (feedback->isEmpty() && !set) {
            err << "ladder train: --feedback " << parser.value(feedbackOption)
                << ": no feedback cases yet (thumbs, manual tier picks or Regenerate on a "
                   "stronger tier in a chat recorded there)\n";
            return 2;
        }
        feedbackCases = int(feedback->size());
        examples->append(*feedback);
    }
    const QString setName = set ? set->name : QStringLiteral("chat feedback");
    const double importMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    std::optional<LearnedModel> model = eval::trainListener(*examples, options);
    const double trainMs = double(timer.nsecsElapsed()) / 1e6;
    model->trained.insert(QStringLiteral("dataset"), setName);
    if (parser.isSet(feedbackOption))
        model->trained.insert(QStringLiteral("feedback"), feedbackCases);
    std::optional<eval::CrossValidation> cv;
    double cvMs = 0;
    if (folds >= 2 && examples->size() >= folds) {
        timer.restart();
        cv = eval::crossValidateListener(*examples, options, folds, detector->threshold);
        cvMs = double(timer.nsecsElapsed()) / 1e6;
        if (cv)
            model->trained.insert(QStringLiteral("cv"), eval::crossValidationFacts(*cv));
    }
    detector->model = model;
    if (!saveLadderFile(ladder, parser.value(outOption), &error)) {
        err << "ladder train: " << error << '\n';
        return 1;
    }

    const int positives = model->trained.value(QStringLiteral("needs_strong")).toInt();
    if (parser.isSet(jsonOption)) {
        QJsonObject o{{QStringLiteral("detector"), detectorId},
                      {QStringLiteral("dataset"), setName},
                      {QStringLiteral("turns"), int(examples->size())},
                      {QStringLiteral("feedback_cases"), feedbackCases},
                      {QStringLiteral("needs_strong"), positives},
                      {QStringLiteral("label_rule"), options.rule.describe()},
                      {QStringLiteral("weak"), options.weakAnswerer},
                      {QStringLiteral("strong"), options.strongAnswerer},
                      {QStringLiteral("weights"), int(model->weights.size())},
                      {QStringLiteral("import_ms"), importMs},
                      {QStringLiteral("train_ms"), trainMs},
                      {QStringLiteral("output"), parser.value(outOption)}};
        if (cv) {
            o.insert(QStringLiteral("cv"),
                     QJsonObject{{QStringLiteral("folds"), cv->folds},
                                 {QStringLiteral("auc"), cv->auc ? *cv->auc : QJsonValue()},
                                 {QStringLiteral("threshold"), cv->threshold},
                                 {QStringLiteral("strong_share"), cv->strongShare},
                                 {QStringLiteral("routed_quality"),
                                  cv->routedQuality ? *cv->routedQuality : QJsonValue()},
                                 {QStringLiteral("weak_quality"),
                                  cv->weakQuality ? *cv->weakQuality : QJsonValue()},
                                 {QStringLiteral("strong_quality"),
                                  cv->strongQuality ? *cv->strongQuality : QJsonValue()},
                                 {QStringLiteral("ms"), cvMs}});
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "trained " << detectorId << " on " << examples->size() << " turns of " << setName;
    if (set) {
        out << " (" << positives << " need the strong tier by " << options.rule.describe() << ": "
            << options.weakAnswerer << " vs " << options.strongAnswerer;
        if (parser.isSet(feedbackOption))
            out << "; " << feedbackCases << " of the turns are feedback cases from "
                << parser.value(feedbackOption);
        out << ")";
    } else {
        out << " (" << positives << " need the strong tier; " << feedbackCases
            << " feedback cases from " << parser.value(feedbackOption) << ")";
    }
    out << " in " << QString::number(trainMs, 'f', 1) << " ms; " << model->weights.size()
        << " weights\n";
    if (cv) {
        out << folds << "-fold cross-validation (" << QString::number(cvMs, 'f', 1) << " ms): AUC "
            << number(cv->auc) << "; at threshold " << cv->threshold << ": " << pct(cv->strongShare)
            << " strong, quality " << number(cv->routedQuality) << " (cheap "
            << number(cv->weakQuality) << ", strong " << number(cv->strongQuality) << ")\n";
    }
    out << "wrote " << parser.value(outOption) << '\n';
    return 0;
}

} // namespace ladder::cli
