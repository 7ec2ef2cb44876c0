#pragma once

// Runs every case of a data set through every variant (ladder, baselines, sweep points) with the
// engine's Session and router, as chat does, on the Qt event loop of the calling thread, with at
// most `concurrency` conversations in flight. Tiers with provider "replay" answer from the
// recordings (one ReplayProvider per conversation, bound to its case); other providers come
// from `live` (a RunRegistry), so a ladder can also run on real models.

#include "dataset.h"
#include "judge.h"
#include "metrics.h"
#include "variants.h"

#include "engine/provider.h"

#include <QObject>

#include <memory>

namespace ladder::eval {

struct RunnerOptions {
    int concurrency = 8;
    const ProviderRegistry *live = nullptr; // non-replay providers; null: replay only
    QString strongModel;                    // for the strong-call share
    quint64 seed = 0;
    JudgeConfig judge; // for cases whose expectation is the judge scorer
};

class BatchRunner : public QObject
{
    Q_OBJECT
public:
    BatchRunner(std::shared_ptr<const Dataset> set, QList<Variant> variants, RunnerOptions options,
                QObject *parent = nullptr);
    ~BatchRunner() override;

    void start();
    void cancel(); // running conversations stop; finished cases are kept
    bool running() const;
    bool cancelled() const;

    int total() const;    // conversations (variants x cases)
    int finished() const; // conversations done
    const QList<Variant> &variants() const;
    const QList<QList<CaseResult>> &results() const; // [variant][case]
    RunMetrics metrics(int variant) const;
    const Dataset &dataset() const;

    // Runs to the end (or cancel()) in a local event loop; the CLI's entry point.
    void runBlocking();

signals:
    void progress(int finished, int total);
    void caseFinished(int variant, int caseIndex);
    void done(bool cancelled);

private:
    class Job;
    void pump();
    void jobDone(Job *job);

    std::shared_ptr<const Dataset> m_set;
    QList<Variant> m_variants;
    RunnerOptions m_options;
    QList<QList<CaseResult>> m_results;
    QList<Job *> m_active;
    int m_next = 0;
    int m_finished = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace ladder::eval
