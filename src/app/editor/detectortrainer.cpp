#include "detectortrainer.h"

#include "common/localfile.h"
#include "document/ladderdocument.h"

#include "core/pricing.h"
#include "eval/feedback_examples.h"
#include "eval/variants.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

namespace ladder {

using namespace eval;

struct DetectorTrainer::Outcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    std::optional<LearnedModel> model;
    std::optional<CrossValidation> cv;
    QString setName;
    int turns = 0;
    int feedback = 0; // of the turns, the cases from the user's chats
    int positives = 0;
    QString weak, strong;
    double ms = 0;
};

namespace {

QString shortName(const QString &answerer)
{
    return answerer.section(QLatin1Char('/'), -1);
}

// The cheapest and strongest tiers' models when the set recorded them, else the answerers with
// the lowest and highest recorded quality.
void pickAnswerers(const Ladder &ladder, const Dataset &set, TrainOptions *options)
{
    options->weakAnswerer = cheapestModel(ladder);
    options->strongAnswerer = strongestModel(ladder);
    if (set.answerers.contains(options->weakAnswerer) &&
        set.answerers.contains(options->strongAnswerer) &&
        options->weakAnswerer != options->strongAnswerer)
        return;
    std::optional<double> lo, hi;
    for (const QString &a : set.answerers) {
        const std::optional<double> q = set.recordedQuality(a);
        if (!q)
            continue;
        if (!lo || *q < *lo) {
            lo = q;
            options->weakAnswerer = a;
        }
        if (!hi || *q > *hi) {
            hi = q;
            options->strongAnswerer = a;
        }
    }
}

} // namespace

DetectorTrainer::DetectorTrainer(QObject *parent)
    : QObject(parent)
{
    connect(this, &DetectorTrainer::datasetChanged, this, &DetectorTrainer::canTrainChanged);
    connect(this, &DetectorTrainer::feedbackChanged, this, &DetectorTrainer::canTrainChanged);
    connect(this, &DetectorTrainer::runningChanged, this, &DetectorTrainer::canTrainChanged);
}

void DetectorTrainer::setFeedbackPath(const QString &path)
{
    if (path == m_feedbackPath)
        return;
    m_feedbackPath = path;
    refreshFeedback();
    emit feedbackChanged();
}

void DetectorTrainer::refreshFeedback()
{
    const int count = m_feedbackPath.isEmpty() ? 0 : feedbackCaseCount(m_feedbackPath);
    if (std::max(count, 0) == m_feedbackCount)
        return;
    m_feedbackCount = std::max(count, 0);
    emit feedbackChanged();
}

void DetectorTrainer::setUseFeedback(bool use)
{
    if (m_useFeedback == use)
        return;
    m_useFeedback = use;
    emit feedbackChanged();
}

bool DetectorTrainer::canTrain() const
{
    return !running() && (!m_datasetPath.isEmpty() || (useFeedback() && m_feedbackCount > 0));
}

DetectorTrainer::~DetectorTrainer()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void DetectorTrainer::setDocument(LadderDocument *document)
{
    if (m_document == document)
        return;
    m_document = document;
    emit documentChanged();
}

void DetectorTrainer::setDatasetPath(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    if (path == m_datasetPath)
        return;
    m_datasetPath = path;
    emit datasetChanged();
}

void DetectorTrainer::setStatus(const QString &status, const QString &result, bool failed)
{
    m_status = status;
    m_result = result;
    m_failed = failed;
    emit statusChanged();
}

// What the worker thread trains on: the ladder, the data set file and the detector's settings.
struct DetectorTrainer::Job {
    Ladder ladder;
    QString path;
    QString feedbackPath; // empty: no feedback cases
    TrainOptions options;
    int folds = 0;
    double threshold = 0.5;
    std::function<void(int done, int total)> report; // any thread
    std::shared_ptr<std::atomic_bool> cancel;
};

void DetectorTrainer::train()
{
    if (running() || !m_document)
        return;
    Job job;
    job.ladder = m_document->ladder();
    const Detector *detector = nullptr;
    for (const Detector &d : job.ladder.detectors)
        if (d.id == m_detectorId && d.kind == Detector::Kind::Learned)
            detector = &d;
    if (!detector) {
        setStatus(tr("No learned detector \"%1\"").arg(m_detectorId), {}, true);
        return;
    }
    const bool withFeedback = useFeedback() && !m_feedbackPath.isEmpty();
    if (m_datasetPath.isEmpty() && !(withFeedback && m_feedbackCount > 0)) {
        setStatus(tr("Pick a data set of recorded answers first"), {}, true);
        return;
    }
    if (detector->model)
        job.options.features = detector->model->features;
    job.threshold = detector->threshold;
    job.path = m_datasetPath;
    if (withFeedback)
        job.feedbackPath = m_feedbackPath;
    job.folds = m_folds;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    job.cancel = m_cancel;
    QPointer<DetectorTrainer> self(this);
    job.report = [self](int done, int total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self && total > 0) {
                    self->m_progress = double(done) / total;
                    emit self->progressChanged();
                }
            },
            Qt::QueuedConnection);
    };
    auto outcome = std::make_shared<Outcome>();
    m_thread = QThread::create([job, outcome] { runJob(job, outcome.get()); });
    connect(m_thread, &QThread::finished, this, [this, outcome] { finish(outcome); });
    m_progress = 0;
    setStatus(tr("Training on %1…").arg(QFileInfo(job.path).fileName()), {}, false);
    m_thread->start();
    emit runningChanged();
    emit progressChanged();
}

// The data set's labelled turns and the feedback cases of the user's chats, as the job asks.
std::optional<QList<TrainingExample>>
DetectorTrainer::collectExamples(const Job &job, TrainOptions *options, Outcome *outcome)
{
    const Ladder &ladder = job.ladder;
    TrainingSetError error;
    std::optional<TrainingSet> sources =
        trainingSet({job.path,
                     {},
                     job.feedbackPath,
                     [&ladder](const Dataset &set, TrainOptions *o) {
                         pickAnswerers(ladder, set, o);
                     }},
                    options, &error);
    if (!sources) {
        outcome->error = error.message;
        return std::nullopt;
    }
    outcome->setName = sources->name;
    outcome->feedback = sources->feedbackCases;
    if (sources->set) {
        outcome->weak = options->weakAnswerer;
        outcome->strong = options->strongAnswerer;
    }
    return std::move(sources->examples);
}

void DetectorTrainer::runJob(const Job &job, Outcome *outcome)
{
    QElapsedTimer timer;
    timer.start();
    TrainOptions options = job.options;
    const std::optional<QList<TrainingExample>> examples = collectExamples(job, &options, outcome);
    if (!examples)
        return;
    outcome->turns = int(examples->size());
    const int folds = job.folds;
    const int epochs = options.epochs;
    const int total = (folds + 1) * epochs;
    if (folds >= 2 && examples->size() >= folds) {
        outcome->cv = crossValidateListener(*examples, options, folds, job.threshold, job.report,
                                            job.cancel.get());
        if (!outcome->cv) {
            outcome->cancelled = true;
            return;
        }
    }
    outcome->model = trainListener(
        *examples, options, [&](int done, int) { job.report(folds * epochs + done, total); },
        job.cancel.get());
    if (!outcome->model) {
        outcome->cancelled = true;
        return;
    }
    outcome->positives = outcome->model->trained.value(QStringLiteral("needs_strong")).toInt();
    outcome->model->trained.insert(QStringLiteral("dataset"), outcome->setName);
    if (!job.feedbackPath.isEmpty())
        outcome->model->trained.insert(QStringLiteral("feedback"), outcome->feedback);
    if (outcome->cv)
        outcome->model->trained.insert(QStringLiteral("cv"), crossValidationFacts(*outcome->cv));
    outcome->ms = double(timer.nsecsElapsed()) / 1e6;
    outcome->ok = true;
}

void DetectorTrainer::finish(const std::shared_ptr<Outcome> &outcome)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    emit runningChanged();
    if (outcome->cancelled) {
        setStatus(tr("Cancelled; the detector is unchanged"), {}, false);
        emit finished(false);
        return;
    }
    if (!outcome->ok) {
        setStatus(tr("Training failed: %1").arg(outcome->error), {}, true);
        emit finished(false);
        return;
    }
    m_progress = 1;
    emit progressChanged();
    if (m_document)
        m_document->inspector()->setFieldOf(QStringLiteral("detector:") + m_detectorId,
                                            QStringLiteral("model"),
                                            learnedModelToJson(*outcome->model).toVariantMap());
    QString result =
        outcome->weak.isEmpty()
            ? tr("%1 feedback cases from your chats, %2 need the strong tier; %3 weights, %4 ms.")
                  .arg(outcome->feedback)
                  .arg(outcome->positives)
                  .arg(outcome->model->weights.size())
                  .arg(qRound(outcome->ms))
            : tr("%1 turns of %2, %3 need the strong tier (%4 vs %5); %6 weights, %7 ms.")
                  .arg(outcome->turns)
                  .arg(outcome->setName)
                  .arg(outcome->positives)
                  .arg(shortName(outcome->weak), shortName(outcome->strong))
                  .arg(outcome->model->weights.size())
                  .arg(qRound(outcome->ms));
    if (!outcome->weak.isEmpty() && outcome->feedback > 0)
        result += QLatin1Char(' ') +
                  tr("Of them, %1 are feedback cases from your chats.").arg(outcome->feedback);
    if (outcome->cv) {
        const CrossValidation &cv = *outcome->cv;
        auto num = [](const std::optional<double> &v) {
            return v ? QString::number(*v, 'f', 2) : QStringLiteral("–");
        };
        result += QLatin1Char('\n') +
                  tr("Held out (%1-fold): AUC %2; at threshold %3: %4 % strong calls, quality %5 "
                     "(cheap %6, strong %7).")
                      .arg(cv.folds)
                      .arg(num(cv.auc))
                      .arg(cv.threshold, 0, 'f', 2)
                      .arg(qRound(cv.strongShare * 100))
                      .arg(num(cv.routedQuality), num(cv.weakQuality), num(cv.strongQuality));
    }
    setStatus(tr("Trained: the model is in the ladder (Undo takes it out)"), result, false);
    emit finished(true);
}

void DetectorTrainer::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void DetectorTrainer::wait()
{
    if (m_thread)
        m_thread->wait();
}

} // namespace ladder
