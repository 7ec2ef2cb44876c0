#include "train_command.h"

#include "run_options.h"
#include "validate_command.h"

#include "core/ladder_json.h"
#include "eval/feedback_examples.h"
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

// The options of `ladder train`, in the order --help lists them.
struct TrainCommandLine {
    const QCommandLineOption detector{QStringLiteral("detector"),
                                      QStringLiteral("The learned detector to train."),
                                      QStringLiteral("ID")};
    const QCommandLineOption dataset{
        QStringLiteral("dataset"),
        QStringLiteral("MT-Bench replay JSONL, GSM8K CSV, an audit log or the generic JSONL."),
        QStringLiteral("path")};
    const QCommandLineOption feedback{
        QStringLiteral("feedback"),
        QStringLiteral("An audit store (ladder chat --audit, the studio's studio.sqlite) whose "
                       "feedback cases (manual tier picks, Regenerate on a stronger tier, thumbs) "
                       "are trained on too."),
        QStringLiteral("AUDIT_DB")};
    const QCommandLineOption format{QStringLiteral("format"),
                                    QStringLiteral("mt_bench, gsm8k, audit or jsonl."),
                                    QStringLiteral("format")};
    const QCommandLineOption map = mapOption(
        QStringLiteral("The tier answers from the recorded answerer (to find the cheapest and "
                       "strongest tiers' answers)."));
    const QCommandLineOption weak{
        QStringLiteral("weak"),
        QStringLiteral("The cheap answerer (default: the cheapest tier's)."),
        QStringLiteral("ANSWERER")};
    const QCommandLineOption strong{
        QStringLiteral("strong"),
        QStringLiteral("The strong answerer (default: the most expensive tier's)."),
        QStringLiteral("ANSWERER")};
    const QCommandLineOption rule{
        QStringLiteral("label-rule"),
        QStringLiteral("margin[:X] (strong score - cheap score >= X, default 1; right/wrong: "
                       "strong right, cheap wrong), right_wrong or weak_wrong."),
        QStringLiteral("rule"), QStringLiteral("margin:1")};
    const QCommandLineOption context{
        QStringLiteral("context"),
        QStringLiteral("Also read the conversation's earlier user turns.")};
    const QCommandLineOption bits{QStringLiteral("hash-bits"),
                                  QStringLiteral("Feature buckets: 2^N (8-24, default 18)."),
                                  QStringLiteral("N")};
    const QCommandLineOption epochs{QStringLiteral("epochs"),
                                    QStringLiteral("Passes over the data (default 20)."),
                                    QStringLiteral("N"), QStringLiteral("20")};
    const QCommandLineOption prune{
        QStringLiteral("prune"),
        QStringLiteral("Leave out weights smaller than F times the largest (0-0.9, default "
                       "0: none)."),
        QStringLiteral("F"), QStringLiteral("0")};
    const QCommandLineOption cv{
        QStringLiteral("cv"),
        QStringLiteral("Also report K-fold cross-validated AUC and routing (default 5; 0: none)."),
        QStringLiteral("K"), QStringLiteral("5")};
    const QCommandLineOption out = outputOption(QStringLiteral("Write the trained ladder here."));
    const QCommandLineOption json{QStringLiteral("json"),
                                  QStringLiteral("Print the summary as JSON.")};

    QList<QCommandLineOption> all() const
    {
        return {detector, dataset, feedback, format, map,   weak, strong, rule,
                context,  bits,    epochs,   cv,     prune, out,  json};
    }
};

// The ladder's learned detector named by --detector, or null (with a message).
Detector *learnedDetector(Ladder *ladder, const QString &id, QTextStream &err)
{
    for (Detector &d : ladder->detectors) {
        if (d.id == id && d.kind == Detector::Kind::Learned)
            return &d;
    }
    err << "ladder train: --detector " << id
        << ": no learned detector with this id in the ladder\n";
    return nullptr;
}

// The training options the command line asks for, starting from the detector's current model.
bool readTrainOptions(const QCommandLineParser &parser, const TrainCommandLine &cl,
                      const Ladder &ladder, const Detector &detector, eval::TrainOptions *options,
                      int *folds, QTextStream &err)
{
    const OptionReader read(parser, "train");
    QString error;
    const std::optional<eval::LabelRule> rule = eval::parseLabelRule(parser.value(cl.rule), &error);
    if (!rule) {
        err << "ladder train: --label-rule: " << error << '\n';
        return false;
    }
    options->rule = *rule;
    if (detector.model)
        options->features = detector.model->features;
    if (parser.isSet(cl.context))
        options->features.context = true;
    if (parser.isSet(cl.bits) && !read.integer(cl.bits, 8, 24, &options->features.hashBits))
        return false;
    if (!read.integer(cl.epochs, 1, 1000, &options->epochs))
        return false;
    if (!read.number(cl.prune, 0, 0.9, &options->prune))
        return false;
    bool ok = false;
    *folds = parser.value(cl.cv).toInt(&ok);
    if (!ok || *folds < 0 || *folds == 1 || *folds > 50) {
        err << "ladder train: --cv: expected 0 (none) or a number from 2 to 50\n";
        return false;
    }

    Ladder mapped = ladder;
    QHash<QString, QString> map;
    if (!read.tierMap(cl.map, &map))
        return false;
    if (!eval::applyMapping(&mapped, map, &error)) {
        err << "ladder train: " << error << '\n';
        return false;
    }
    options->weakAnswerer =
        parser.isSet(cl.weak) ? parser.value(cl.weak) : eval::cheapestModel(mapped);
    options->strongAnswerer =
        parser.isSet(cl.strong) ? parser.value(cl.strong) : eval::strongestModel(mapped);
    return true;
}

// What one training run made, with its times.
struct Training {
    eval::TrainingSet data;
    LearnedModel model;
    std::optional<eval::CrossValidation> cv;
    double importMs = 0;
    double trainMs = 0;
    double cvMs = 0;
};

// The data set's labelled turns (--dataset) and the feedback cases of an audit store
// (--feedback). The exit code on failure, 0 on success.
int collectExamples(const QCommandLineParser &parser, const TrainCommandLine &cl,
                    eval::TrainOptions options, Training *out, QTextStream &err)
{
    eval::TrainingSetError error;
    std::optional<eval::TrainingSet> sources = eval::trainingSet(
        {parser.value(cl.dataset), parser.value(cl.format), parser.value(cl.feedback), {}},
        &options, &error);
    if (!sources) {
        err << "ladder train: " << (error.inFeedback ? "--feedback " : "") << error.message << '\n';
        return error.kind == eval::TrainingSetError::Kind::Unreadable ? 1 : 2;
    }
    out->data = std::move(*sources);
    return 0;
}

// Imports the data set, labels its turns, trains the model and cross-validates it (folds >= 2).
// The exit code on failure, 0 on success.
int train(const QCommandLineParser &parser, const TrainCommandLine &cl,
          const eval::TrainOptions &options, int folds, double threshold, Training *out,
          QTextStream &err)
{
    QElapsedTimer timer;
    timer.start();
    if (const int code = collectExamples(parser, cl, options, out, err))
        return code;
    out->importMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    out->model = *eval::trainListener(out->data.examples, options);
    out->trainMs = double(timer.nsecsElapsed()) / 1e6;
    out->model.trained.insert(QStringLiteral("dataset"), out->data.name);
    if (parser.isSet(cl.feedback))
        out->model.trained.insert(QStringLiteral("feedback"), out->data.feedbackCases);
    if (folds >= 2 && out->data.examples.size() >= folds) {
        timer.restart();
        out->cv = eval::crossValidateListener(out->data.examples, options, folds, threshold);
        out->cvMs = double(timer.nsecsElapsed()) / 1e6;
        if (out->cv)
            out->model.trained.insert(QStringLiteral("cv"), eval::crossValidationFacts(*out->cv));
    }
    return 0;
}

QJsonValue jsonOrNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

void printJson(QTextStream &out, const QString &detectorId, const eval::TrainOptions &options,
               const Training &t, const QString &output)
{
    QJsonObject o{{QStringLiteral("detector"), detectorId},
                  {QStringLiteral("dataset"), t.data.name},
                  {QStringLiteral("turns"), int(t.data.examples.size())},
                  {QStringLiteral("feedback_cases"), t.data.feedbackCases},
                  {QStringLiteral("needs_strong"),
                   t.model.trained.value(QStringLiteral("needs_strong")).toInt()},
                  {QStringLiteral("label_rule"), options.rule.describe()},
                  {QStringLiteral("weak"), options.weakAnswerer},
                  {QStringLiteral("strong"), options.strongAnswerer},
                  {QStringLiteral("weights"), int(t.model.weights.size())},
                  {QStringLiteral("import_ms"), t.importMs},
                  {QStringLiteral("train_ms"), t.trainMs},
                  {QStringLiteral("output"), output}};
    if (t.cv) {
        o.insert(QStringLiteral("cv"),
                 QJsonObject{{QStringLiteral("folds"), t.cv->folds},
                             {QStringLiteral("auc"), jsonOrNull(t.cv->auc)},
                             {QStringLiteral("threshold"), t.cv->threshold},
                             {QStringLiteral("strong_share"), t.cv->strongShare},
                             {QStringLiteral("routed_quality"), jsonOrNull(t.cv->routedQuality)},
                             {QStringLiteral("weak_quality"), jsonOrNull(t.cv->weakQuality)},
                             {QStringLiteral("strong_quality"), jsonOrNull(t.cv->strongQuality)},
                             {QStringLiteral("ms"), t.cvMs}});
    }
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

void printText(QTextStream &out, const QString &detectorId, const eval::TrainOptions &options,
               int folds, const Training &t, const QString &output, const QString &feedbackFile)
{
    const int positives = t.model.trained.value(QStringLiteral("needs_strong")).toInt();
    out << "trained " << detectorId << " on " << t.data.examples.size() << " turns of "
        << t.data.name;
    if (t.data.set) {
        out << " (" << positives << " need the strong tier by " << options.rule.describe() << ": "
            << options.weakAnswerer << " vs " << options.strongAnswerer;
        if (!feedbackFile.isEmpty())
            out << "; " << t.data.feedbackCases << " of the turns are feedback cases from "
                << feedbackFile;
        out << ")";
    } else {
        out << " (" << positives << " need the strong tier; " << t.data.feedbackCases
            << " feedback cases from " << feedbackFile << ")";
    }
    out << " in " << QString::number(t.trainMs, 'f', 1) << " ms; " << t.model.weights.size()
        << " weights\n";
    if (t.cv) {
        out << folds << "-fold cross-validation (" << QString::number(t.cvMs, 'f', 1)
            << " ms): AUC " << number(t.cv->auc) << "; at threshold " << t.cv->threshold << ": "
            << pct(t.cv->strongShare) << " strong, quality " << number(t.cv->routedQuality)
            << " (cheap " << number(t.cv->weakQuality) << ", strong " << number(t.cv->strongQuality)
            << ")\n";
    }
    out << "wrote " << output << '\n';
}

} // namespace

int runTrain(const QStringList &args)
{
    QCommandLineParser parser;
    const TrainCommandLine cl;
    processLadderCommandLine(
        &parser, args,
        QStringLiteral("Trains a learned detector of a ladder from recorded answers: a turn needs "
                       "the strong tier where the cheapest tier's answer scored clearly below the "
                       "strongest's; and/or from the labelled cases of the user's chats kept in an "
                       "audit store "
                       "(--feedback). Writes the ladder with the trained model."),
        QStringLiteral("Ladder file or example"), cl.all());

    QTextStream err(stderr);
    QTextStream out(stdout);
    const OptionReader read(parser, "train");
    if (!read.oneArgument("one ladder") || !read.required({&cl.detector, &cl.out}))
        return 2;
    if (!parser.isSet(cl.dataset) && !parser.isSet(cl.feedback)) {
        err << "ladder train: --dataset or --feedback (or both) is required\n";
        return 2;
    }
    Ladder ladder;
    if (!loadLadderOrExample(parser.positionalArguments().constFirst(), &ladder))
        return 1;
    const QString detectorId = parser.value(cl.detector);
    Detector *detector = learnedDetector(&ladder, detectorId, err);
    if (!detector)
        return 2;
    eval::TrainOptions options;
    int folds = 0;
    if (!readTrainOptions(parser, cl, ladder, *detector, &options, &folds, err))
        return 2;

    Training t;
    if (const int code = train(parser, cl, options, folds, detector->threshold, &t, err))
        return code;
    detector->model = t.model;
    QString error;
    const QString output = parser.value(cl.out);
    if (!saveLadderFile(ladder, output, &error)) {
        err << "ladder train: " << error << '\n';
        return 1;
    }
    if (parser.isSet(cl.json))
        printJson(out, detectorId, options, t, output);
    else
        printText(out, detectorId, options, folds, t, output, parser.value(cl.feedback));
    return 0;
}

} // namespace ladder::cli
