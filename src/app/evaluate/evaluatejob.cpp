#include "evaluatejob.h"

#include "eval/batch_runner.h"

#include "providers/provider_config.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

namespace ladder {

using namespace eval;

bool liveLadder(Ladder *ladder, bool simulatedOnly, QString *error)
{
    const QString replay = QStringLiteral("replay");
    for (Tier &t : ladder->tiers) {
        QList<QString *> providers{&t.provider};
        for (ModelRef &f : t.fallback)
            providers.append(&f.provider);
        for (QString *provider : std::as_const(providers)) {
            if (*provider != replay)
                continue;
            if (!simulatedOnly) {
                if (error)
                    *error = QCoreApplication::translate(
                                 "EvaluateModel",
                                 "%1: tier \"%2\" replays recorded answers and cannot answer "
                                 "live: pick the open ladder or a template")
                                 .arg(ladder->name, t.id);
                return false;
            }
            *provider = QStringLiteral("simulated");
        }
    }
    return true;
}

std::optional<QString> describeLiveProviders(const QList<Variant> &variants,
                                             const ProviderConfig *config, const QString &fileName,
                                             QString *error)
{
    if (!config)
        return QCoreApplication::translate("EvaluateModel",
                                           "the simulated provider (no keys, no network)");
    QStringList used;
    for (const Variant &v : variants) {
        for (const Tier &t : v.ladder.tiers) {
            QStringList ids{t.provider};
            for (const ModelRef &f : t.fallback)
                ids.append(f.provider.isEmpty() ? t.provider : f.provider);
            for (const QString &id : std::as_const(ids)) {
                if (id.isEmpty() || id == QLatin1String("replay"))
                    continue;
                const ProviderConfigEntry *entry = config->entry(id);
                if (!entry) {
                    if (error)
                        *error = QCoreApplication::translate(
                                     "EvaluateModel",
                                     "%1: tier \"%2\" uses provider \"%3\", which %4 does not "
                                     "configure: add it in Settings → Providers")
                                     .arg(v.name, t.id, id, fileName);
                    return std::nullopt;
                }
                const QString text = QStringLiteral("%1 (%2)").arg(id, entry->kind);
                if (!used.contains(text))
                    used.append(text);
            }
        }
    }
    return QStringLiteral("%1: %2").arg(fileName, used.join(QStringLiteral(", ")));
}

void runEvaluation(EvalOutcome *outcome, const QString &strongModel,
                   const std::optional<LiveProviders> &live,
                   const std::shared_ptr<std::atomic_bool> &cancel,
                   const std::function<void(int, int)> &progress)
{
    // Created here, in the thread that runs the sessions: providers own their network access.
    std::unique_ptr<RunRegistry> registry;
    if (live) {
        registry = std::make_unique<RunRegistry>(live->config.get(), live->keys);
        registry->simulated().setTimeScale(live->timeScale);
    }
    RunnerOptions options;
    options.strongModel = strongModel;
    options.live = registry.get();
    BatchRunner runner(outcome->set, outcome->variants, options);
    QObject::connect(&runner, &BatchRunner::progress, progress);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (*cancel)
            runner.cancel();
    });
    poll.start(30);
    runner.runBlocking();
    poll.stop();
    for (int v = 0; v < runner.variants().size(); ++v)
        outcome->metrics.append(runner.metrics(v));
    outcome->results = runner.results();
    outcome->cancelled = runner.cancelled();
    outcome->finished = runner.finished();
    outcome->total = runner.total();
    if (!outcome->sweepVariants.isEmpty() && outcome->strongBaseline >= 0 &&
        outcome->weakBaseline >= 0) {
        PreparedEval prepared;
        prepared.strongBaseline = outcome->strongBaseline;
        prepared.weakBaseline = outcome->weakBaseline;
        prepared.sweepVariants = outcome->sweepVariants;
        outcome->gap = sweepGap(runner, prepared);
    }
}

} // namespace ladder
