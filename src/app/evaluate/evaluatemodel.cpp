#include "evaluatemodel.h"

#include "automation/screenshotcontroller.h"
#include "common/localfile.h"
#include "settings/providersettings.h"

#include "eval/importers.h"
#include "eval/run_history.h"

#include "core/ladder_json.h"
#include "core/resources.h"
#include "core/tier_price.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <atomic>

namespace ladder {

using namespace eval;

namespace {

QString builtinKey(const QString &name)
{
    return QStringLiteral("builtin:") + name;
}

// Every tier answers from the chosen pair: the most expensive tier from the strong answerer,
// every other tier from the light one.
QHash<QString, QString> pairMapping(const Ladder &ladder, const QString &strong,
                                    const QString &light)
{
    QHash<QString, QString> map;
    const QString strongest = strongestModel(ladder);
    bool strongGiven = false;
    for (const Tier &t : ladder.tiers) {
        const bool isStrong =
            !strongGiven &&
            (strongest.isEmpty() ? t.role == QLatin1String("strong") : t.model == strongest);
        strongGiven = strongGiven || isStrong;
        map.insert(t.id, isStrong ? strong : light);
    }
    return map;
}

} // namespace

EvaluateModel::EvaluateModel(QObject *parent)
    : QObject(parent)
{
    // The mode line names the providers a live run would use.
    connect(ProviderSettings::instance(), &ProviderSettings::activeConfigChanged, this,
            &EvaluateModel::answerersChanged);
    QSettings settings;
    QString path = settings.value(QStringLiteral("evaluate/dataset")).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        path = findSampleDataset();
    if (!path.isEmpty())
        setDatasetPath(path);
}

EvaluateModel::~EvaluateModel()
{
    if (m_thread) {
        *m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

QString EvaluateModel::findSampleDataset()
{
    const QString rel = QStringLiteral("shared/data/mt_bench/replay_mt_bench.jsonl");
    for (QString dir : {QDir::currentPath(), QCoreApplication::applicationDirPath()}) {
        for (int up = 0; up < 6 && !dir.isEmpty(); ++up) {
            for (const QString &candidate :
                 {QDir(dir).filePath(QStringLiteral("../") + rel), QDir(dir).filePath(rel)})
                if (QFileInfo::exists(candidate))
                    return QFileInfo(candidate).canonicalFilePath();
            const QString parent = QFileInfo(dir).path();
            if (parent == dir)
                break;
            dir = parent;
        }
    }
    return {};
}

void EvaluateModel::setDatasetPath(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    if (path == m_datasetPath && m_set)
        return;
    m_datasetPath = path;
    loadDataset();
}

void EvaluateModel::loadDataset()
{
    QString error;
    const std::optional<Dataset> set = importDataset(m_datasetPath, {}, &error);
    m_set = set ? std::make_shared<const Dataset>(*set) : nullptr;
    if (m_set) {
        if (!ScreenshotController::instance() || !ScreenshotController::instance()->isActive())
            QSettings().setValue(QStringLiteral("evaluate/dataset"), m_datasetPath);
        // The RouteLLM pair when the set has it, else the dearest and the cheapest priced answerer.
        const QStringList a = m_set->answerers;
        auto pick = [&](const QString &preferred, bool dearest) {
            if (a.contains(preferred))
                return preferred;
            QString best;
            double bestPrice = dearest ? -1 : 1e300;
            for (const QString &name : a) {
                const std::optional<double> listed = listPrice(name, PricingTable::builtin());
                if (!listed)
                    continue;
                const double price = *listed;
                if (dearest ? price > bestPrice : price < bestPrice) {
                    bestPrice = price;
                    best = name;
                }
            }
            return best.isEmpty() ? a.value(dearest ? 0 : 1) : best;
        };
        m_strong = pick(QStringLiteral("gpt-4-1106-preview"), true);
        m_light = pick(QStringLiteral("mistralai/Mixtral-8x7B-Instruct-v0.1"), false);
        setStatus(tr("%1 loaded").arg(m_set->name));
    } else {
        setStatus({}, error);
    }
    emit datasetChanged();
    emit answerersChanged();
}

QString EvaluateModel::datasetInfo() const
{
    if (!m_set)
        return tr("No data set loaded");
    return tr("%1 · %2 cases · %3 turns · %4 answerers · labels: %5")
        .arg(m_set->name)
        .arg(m_set->cases.size())
        .arg(m_set->turnCount())
        .arg(m_set->answerers.size())
        .arg(m_set->labels == LabelKind::Score     ? tr("judge scores")
             : m_set->labels == LabelKind::Correct ? tr("right/wrong")
                                                   : tr("none"));
}

QStringList EvaluateModel::answerers() const
{
    return m_set ? m_set->answerers : QStringList();
}

void EvaluateModel::setStrongAnswerer(const QString &a)
{
    if (a != m_strong) {
        m_strong = a;
        emit answerersChanged();
    }
}

void EvaluateModel::setLightAnswerer(const QString &a)
{
    if (a != m_light) {
        m_light = a;
        emit answerersChanged();
    }
}

QVariantList EvaluateModel::ladders() const
{
    QVariantList out;
    if (!m_openLadderJson.isEmpty()) {
        const ParseResult open = parseLadder(m_openLadderJson);
        out.append(
            QVariantMap{{QStringLiteral("key"), QStringLiteral("open")},
                        {QStringLiteral("title"), tr("Open ladder: %1").arg(open.ladder.name)},
                        {QStringLiteral("checked"), m_checked.contains(QStringLiteral("open"))}});
    }
    for (const QString &name : builtinEvalLadders()) {
        if (name == QLatin1String("length-threshold"))
            continue; // the sweep template, below
        const ParseResult p = parseLadder(readResource(builtinEvalLadderPath(name)));
        out.append(QVariantMap{{QStringLiteral("key"), builtinKey(name)},
                               {QStringLiteral("title"), p.ladder.name},
                               {QStringLiteral("checked"), m_checked.contains(builtinKey(name))}});
    }
    for (const QString &name : exampleLadderNames()) {
        const ParseResult p = parseLadder(readResource(exampleLadderResourcePath(name)));
        out.append(QVariantMap{
            {QStringLiteral("key"), QStringLiteral("example:") + name},
            {QStringLiteral("title"), tr("Template: %1").arg(p.ladder.name)},
            {QStringLiteral("checked"), m_checked.contains(QStringLiteral("example:") + name)}});
    }
    return out;
}

void EvaluateModel::setOpenLadderJson(const QByteArray &json)
{
    if (json == m_openLadderJson)
        return;
    m_openLadderJson = json;
    emit laddersChanged();
}

void EvaluateModel::setLadderChecked(const QString &key, bool checked)
{
    if (checked == m_checked.contains(key))
        return;
    if (checked)
        m_checked.append(key);
    else
        m_checked.removeAll(key);
    emit laddersChanged();
}

QString EvaluateModel::progressText() const
{
    return m_total > 0 ? tr("%1 of %2 conversations").arg(m_done).arg(m_total) : QString();
}

QString EvaluateModel::qualityLabel() const
{
    if (m_set && m_set->labels == LabelKind::Score)
        return tr("Mean judge score");
    return tr("Accuracy (%)");
}

void EvaluateModel::setStatus(const QString &status, const QString &error)
{
    m_status = status;
    m_error = error;
    emit statusChanged();
}

// One ladder to evaluate: a checked one, or the length-threshold template the sweep varies.
struct EvaluateModel::PlannedLadder {
    QString key;
    Ladder ladder;
    bool sweep = false;
};

void EvaluateModel::run()
{
    if (m_thread)
        return;
    if (!m_set || m_set->cases.isEmpty()) { // say why, never a silent no-op
        setStatus({}, !m_set ? (m_error.isEmpty() ? tr("No data set loaded: pick a file") : m_error)
                             : tr("%1 has no cases to run").arg(m_set->name));
        return;
    }
    const bool live = this->live();
    ProviderSettings *providers = ProviderSettings::instance();
    const std::shared_ptr<const ProviderConfig> config = live ? providers->activeConfig() : nullptr;
    QList<PlannedLadder> ladders;
    std::optional<SweepSpec> sweep;
    if (!planLadders(live, !config, &ladders, &sweep))
        return;
    QString strongModel;
    const std::shared_ptr<EvalOutcome> outcome = prepareOutcome(ladders, sweep, live, &strongModel);
    if (!outcome)
        return;

    std::optional<LiveProviders> liveProviders;
    if (live) {
        QString error;
        const std::optional<QString> answeredBy =
            describeLiveProviders(outcome->variants, config.get(), providers->fileName(), &error);
        if (!answeredBy) {
            setStatus({}, error);
            return;
        }
        outcome->answeredBy = *answeredBy;
        liveProviders = LiveProviders{config, providers->keys(), m_timeScale};
    }
    startThread(outcome, strongModel, liveProviders);
}

bool EvaluateModel::planLadders(bool live, bool simulatedOnly, QList<PlannedLadder> *out,
                                std::optional<SweepSpec> *sweep)
{
    // Each checked ladder, then the sweep of the length-threshold template.
    for (const QString &key : std::as_const(m_checked)) {
        ParseResult p;
        if (key == QLatin1String("open"))
            p = parseLadder(m_openLadderJson, QStringLiteral("open ladder"));
        else if (key.startsWith(QLatin1String("builtin:")))
            p = parseLadder(readResource(builtinEvalLadderPath(key.mid(8))), key.mid(8));
        else if (key.startsWith(QLatin1String("example:")))
            p = parseLadder(readResource(exampleLadderResourcePath(key.mid(8))), key.mid(8));
        if (!p.ok() || p.ladder.tiers.isEmpty()) {
            setStatus({}, tr("%1: cannot be read").arg(key));
            return false;
        }
        QString error;
        if (live && !liveLadder(&p.ladder, simulatedOnly, &error)) {
            setStatus({}, error);
            return false;
        }
        out->append({key, p.ladder, false});
    }
    if (m_sweepEnabled) {
        QString error;
        *sweep = parseSweep(m_sweepSpec, &error);
        if (!*sweep) {
            setStatus({}, error);
            return false;
        }
        ParseResult p =
            parseLadder(readResource(builtinEvalLadderPath(QStringLiteral("length-threshold"))));
        if (live && !liveLadder(&p.ladder, simulatedOnly, &error)) {
            setStatus({}, tr("Sweep: %1 (or turn the sweep off)").arg(error));
            return false;
        }
        out->append({QStringLiteral("sweep"), p.ladder, true});
    }
    if (out->isEmpty()) {
        setStatus({}, tr("Pick at least one ladder or the sweep"));
        return false;
    }
    return true;
}

std::shared_ptr<EvalOutcome> EvaluateModel::prepareOutcome(const QList<PlannedLadder> &ladders,
                                                           const std::optional<SweepSpec> &sweep,
                                                           bool live, QString *strongModel)
{
    auto outcome = std::make_shared<EvalOutcome>();
    outcome->set = m_set;
    outcome->live = live;
    QSet<QString> names;
    for (int i = 0; i < ladders.size(); ++i) {
        EvalPlan plan;
        plan.ladder = ladders.at(i).ladder;
        if (!live)
            plan.map = pairMapping(plan.ladder, m_strong, m_light);
        plan.recordedRouters = i == 0;
        if (ladders.at(i).sweep)
            plan.sweep = sweep;
        QString error;
        const std::optional<PreparedEval> prepared = prepareEval(*m_set, plan, &error);
        if (!prepared) {
            setStatus({}, error);
            return nullptr;
        }
        if (i == 0)
            *strongModel = prepared->strongModel;
        addVariants(outcome.get(), *prepared, i == 0, &names);
    }
    return outcome;
}

void EvaluateModel::addVariants(EvalOutcome *outcome, const PreparedEval &prepared, bool first,
                                QSet<QString> *names)
{
    // Baselines and recorded routers come from the first ladder only; no name runs twice.
    for (int v = 0; v < prepared.variants.size(); ++v) {
        const Variant &variant = prepared.variants.at(v);
        const bool base =
            variant.kind == QLatin1String("baseline") || variant.kind == QLatin1String("router");
        if ((!first && base) || names->contains(variant.name))
            continue;
        names->insert(variant.name);
        const int index = int(outcome->variants.size());
        if (v == prepared.strongBaseline)
            outcome->strongBaseline = index;
        if (v == prepared.weakBaseline)
            outcome->weakBaseline = index;
        if (prepared.sweepVariants.contains(v))
            outcome->sweepVariants.append(index);
        outcome->variants.append(variant);
    }
}

void EvaluateModel::startThread(const std::shared_ptr<EvalOutcome> &outcome,
                                const QString &strongModel,
                                const std::optional<LiveProviders> &liveProviders)
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_done = 0;
    m_total = int(outcome->variants.size() * m_set->cases.size());
    QPointer<EvaluateModel> self(this);
    auto cancelFlag = m_cancel;
    m_thread = QThread::create([self, outcome, cancelFlag, strongModel, liveProviders] {
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        auto progress = [&](int done, int total) {
            if (sinceUpdate.elapsed() < 50 && done < total)
                return;
            sinceUpdate.restart();
            QMetaObject::invokeMethod(
                self.data(),
                [self, done] {
                    if (self) {
                        self->m_done = done;
                        emit self->progressChanged();
                    }
                },
                Qt::QueuedConnection);
        };
        runEvaluation(outcome.get(), strongModel, liveProviders, cancelFlag, progress);
        QMetaObject::invokeMethod(
            self.data(),
            [self, outcome] {
                if (self)
                    self->finish(outcome);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
    setStatus(tr("Running %1 runs over %2 cases…")
                  .arg(outcome->variants.size())
                  .arg(m_set->cases.size()));
    emit runningChanged();
    emit progressChanged();
}

void EvaluateModel::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

bool EvaluateModel::waitForFinished(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_thread && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_thread;
}

void EvaluateModel::finish(std::shared_ptr<EvalOutcome> outcome)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_outcome = outcome;
    m_done = outcome->finished;
    const bool accuracy = outcome->set->labels != LabelKind::Score;
    QList<QPointF> xy;
    QList<int> pointRun;
    for (int v = 0; v < outcome->metrics.size(); ++v) {
        const RunMetrics &m = outcome->metrics.at(v);
        if (!m.quality || m.cases == 0)
            continue;
        xy.append({m.costUsd, *m.quality * (accuracy ? 100.0 : 1.0)});
        pointRun.append(v);
    }
    const QList<int> frontIdx = paretoFront(xy);
    QList<int> paretoRuns;
    m_points.clear();
    m_front.clear();
    m_sweepCurve.clear();
    for (int i = 0; i < xy.size(); ++i) {
        const RunMetrics &m = outcome->metrics.at(pointRun.at(i));
        m_points.append(QVariantMap{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("kind"), m.kind},
                                    {QStringLiteral("cost"), xy.at(i).x()},
                                    {QStringLiteral("quality"), xy.at(i).y()},
                                    {QStringLiteral("run"), pointRun.at(i)},
                                    {QStringLiteral("pareto"), frontIdx.contains(i)}});
        if (m.kind == QLatin1String("sweep"))
            m_sweepCurve.append(QVariantMap{{QStringLiteral("cost"), xy.at(i).x()},
                                            {QStringLiteral("quality"), xy.at(i).y()}});
    }
    for (int i : frontIdx) {
        m_front.append(QVariantMap{{QStringLiteral("cost"), xy.at(i).x()},
                                   {QStringLiteral("quality"), xy.at(i).y()}});
        paretoRuns.append(pointRun.at(i));
    }
    std::sort(m_sweepCurve.begin(), m_sweepCurve.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("cost")).toDouble() <
               b.toMap().value(QStringLiteral("cost")).toDouble();
    });
    m_gapText.clear();
    if (outcome->gap) {
        auto pct = [this](const std::optional<double> &v) {
            return v ? QString::number(100.0 * *v, 'f', 1) + QStringLiteral(" %")
                     : tr("not reached");
        };
        m_gapText =
            tr("Sweep · strong calls for CPT(50) %1, CPT(80) %2, CPT(95) %3 · APGR %4")
                .arg(pct(outcome->gap->cpt50), pct(outcome->gap->cpt80), pct(outcome->gap->cpt95))
                .arg(outcome->gap->apgr ? QString::number(*outcome->gap->apgr, 'f', 3)
                                        : QStringLiteral("–"));
    }
    m_runs.setRuns(outcome->metrics, paretoRuns);
    m_selectedRun = outcome->metrics.isEmpty() ? -1 : 0;
    setStatus(summary(*outcome));
    emit runningChanged();
    emit progressChanged();
    emit resultsChanged();
    emit selectionChanged();
    emit finished();
}

void EvaluateModel::setSelectedRun(int run)
{
    if (run == m_selectedRun)
        return;
    m_selectedRun = run;
    emit selectionChanged();
}

void EvaluateModel::setCaseFilter(const QString &filter)
{
    if (filter == m_caseFilter)
        return;
    m_caseFilter = filter;
    emit selectionChanged();
}

QString EvaluateModel::variantFile(int run) const
{
    if (!m_outcome || run < 0 || run >= m_outcome->variants.size())
        return {};
    const Variant &v = m_outcome->variants.at(run);
    QString name = v.name;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.=-]+")), QStringLiteral("-"));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = QDir(dir).filePath(QStringLiteral("ladder-eval-%1.json").arg(name));
    QString error;
    return saveLadderFile(v.ladder, path, &error) ? path : QString();
}

} // namespace ladder
