#pragma once

// What one run of the Evaluate area does off the GUI thread: the batch runner over the prepared
// variants, replaying recorded answers or, live, asking the studio's configured providers (the
// same providers file as Chat; none: the simulated provider, no keys, no network). The provider
// registry is created in the worker thread that uses it, so no provider (nor its network access
// manager) crosses threads.

#include "eval/eval_report.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace ladder {

struct ProviderConfig;
class KeySource;

// The results of a run, filled by runEvaluation(), shown by EvaluateModel.
struct EvalOutcome {
    std::shared_ptr<const eval::Dataset> set;
    QList<eval::Variant> variants;
    QList<eval::RunMetrics> metrics;
    QList<QList<eval::CaseResult>> results;
    int strongBaseline = -1;
    int weakBaseline = -1;
    QList<int> sweepVariants;
    std::optional<eval::GapMetrics> gap;
    bool cancelled = false;
    int finished = 0;
    int total = 0;
    bool live = false;
    QString answeredBy; // live: which providers answered ("the simulated provider", …)
};

// The providers a live run uses; absent: replay only.
struct LiveProviders {
    std::shared_ptr<const ProviderConfig> config; // null: the simulated provider answers all
    std::shared_ptr<const KeySource> keys;
    double timeScale = 1.0; // the simulated provider's pacing (Studio.timeScale)
};

// A ladder made to answer live: tiers (and fallbacks) that replay recordings (the built-in
// evaluation ladders) answer on the simulated provider when no providers file is configured;
// with one, they are an error naming the ladder and the tier (pick a template or the open ladder).
bool liveLadder(Ladder *ladder, bool simulatedOnly, QString *error);

// Which providers answer the tiers of `variants` live, for the summary line ("the simulated
// provider (no keys, no network)", "providers.json: openai (openai)"). A tier whose provider the
// providers file does not configure is an error naming the tier and the provider.
std::optional<QString> describeLiveProviders(const QList<eval::Variant> &variants,
                                             const ProviderConfig *config, const QString &fileName,
                                             QString *error);

// Runs `outcome->variants` over `outcome->set` in the calling thread's event loop (the worker),
// until done or `*cancel`. `progress` is called in that thread (throttled by the caller).
void runEvaluation(EvalOutcome *outcome, const QString &strongModel,
                   const std::optional<LiveProviders> &live,
                   const std::shared_ptr<std::atomic_bool> &cancel,
                   const std::function<void(int done, int total)> &progress);

} // namespace ladder
