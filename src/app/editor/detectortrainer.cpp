#include "detectortrainer.h"

#include "document/ladderdocument.h"

#include "core/pricing.h"
#include "eval/feedback_examples.h"
#include "eval/importers.h"
#include "eval/variants.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <QUrl>

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

QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

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
    const QString path = localPath(pathOrUrl);
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

void DetectorTrainer::train()
{
    if (running() || !m_document)
        return;
    const Ladder ladder = m_document->ladder();
    const Detector *detector = nullptr;
    for (const Detector &d : ladder.detectors)
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
    TrainOptions options;
    if (detector->model)
        options.features = detector->model->features;
    const double threshold = detector->threshold;
    const QString path = m_datasetPath;
    const QString feedbackPath = withFeedback ? m_feedbackPath : QString();
    const int folds = m_folds;
    auto outcome = std::make_shared<Outcome>();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    QPointer<DetectorTrainer> self(this);
    auto report = [self](int done, int total) {
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
    m_thread = QThread::create([=]() mutable {
        QElapsedTimer timer;
        timer.start();
        std::optional<Dataset> set;
        std::optional<QList<TrainingExample>> examples = QList<TrainingExample>();
        if (!path.isEmpty()) {
            set = importDataset(path, {}, &outcome->error);
            if (!set)
                return;
            pickAnswerers(ladder, *set, &options);
            examples = labelledTurns(*set, options, {}, &outcome->error);
            if (!examples)
                return;
            outcome->setName = set->name;
            outcome->weak = options.weakAnswerer;
            outcome->strong = options.strongAnswerer;
        }
        if (!feedbackPath.isEmpty()) {
            const auto feedback = feedbackExamples(feedbackPath, &outcome->error);
            if (!feedback)
                return;
            outcome->feedback = int(feedback->size());
            examples->append(*feedback);
        }
        if (examples->isEmpty()) {
            outcome->error = tr("no labelled turns to train on");
            return;
        }
        if (!set)
            outcome->setName = QStringLiteral("chat feedback");
        outcome->turns = int(examples->size());
        const int epochs = options.epochs;
        const int total = (folds + 1) * epochs;
        if (folds >= 2 && examples->size() >= folds) {
            outcome->cv = crossValidateListener(*examples, options, folds, threshold, report,
                                                cancelFlag.get());
            if (!outcome->cv) {
                outcome->cancelled = true;
                return;
            }
        }
        outcome->model = trainListener(
            *examples, options, [&](int done, int) { report(folds * epochs + done, total); },
            cancelFlag.get());
        if (!outcome->model) {
            outcome->cancelled = true;
            return;
        }
        outcome->positives = outcome->model->trained.value(QStringLiteral("needs_strong")).toInt();
        outcome->model->trained.insert(QStringLiteral("dataset"), outcome->setName);
        if (!feedbackPath.isEmpty())
            outcome->model->trained.insert(QStringLiteral("feedback"), outcome->feedback);
        if (outcome->cv)
            outcome->model->trained.insert(QStringLiteral("cv"),
                                           crossValidationFacts(*outcome->cv));
        outcome->ms = double(timer.nsecsElapsed()) / 1e6;
        outcome->ok = true;
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] { finish(outcome); });
    m_progress = 0;
    setStatus(tr("Training on %1…").arg(QFileInfo(path).fileName()), {}, false);
    m_thread->start();
    emit runningChanged();
    emit progressChanged();
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
        m_document->setFieldOf(QStringLiteral("detector:") + m_detectorId, QStringLiteral("model"),
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
