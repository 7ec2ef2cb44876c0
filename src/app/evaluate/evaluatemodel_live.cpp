// EvaluateModel: replay or live, and the summary line that says which answered.

#include "evaluatemodel.h"

#include "settings/providersettings.h"

namespace ladder {

void EvaluateModel::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    emit answerersChanged();
}

QString EvaluateModel::modeText() const
{
    if (!m_set)
        return {};
    const ProviderSettings *providers = ProviderSettings::instance();
    const QString where = providers->simulated()
                              ? tr("the simulated provider (no keys, no network)")
                              : tr("the providers of %1").arg(providers->fileName());
    if (liveOnly())
        return tr("No recorded answers in this set: the ladders' tiers answer live on %1, the "
                  "set's scorers give the quality")
            .arg(where);
    if (live())
        return tr("Live: the ladders' tiers answer on %1, the set's scorers give the quality")
            .arg(where);
    return tr("Replay: the tiers answer from the recorded answers of the pair above");
}

QString EvaluateModel::summary(const EvalOutcome &outcome) const
{
    if (outcome.cancelled)
        return tr("Cancelled: %1 of %2 conversations finished; the figures cover those")
            .arg(outcome.finished)
            .arg(outcome.total);
    if (outcome.live)
        return tr("%1 runs over %2 cases: live answers from %3, scored by the set's expectations")
            .arg(outcome.metrics.size())
            .arg(outcome.set->cases.size())
            .arg(outcome.answeredBy);
    return tr("%1 runs over %2 cases: replayed answers, tokens estimated at ~4 characters a "
              "token, latency modelled")
        .arg(outcome.metrics.size())
        .arg(outcome.set->cases.size());
}

} // namespace ladder
