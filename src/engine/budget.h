#pragma once

// The ladder's budget as a router input: what the conversation and the session have spent, and
// what each tier's model that will actually run costs. The router decides; this only measures.

#include "core/ladder.h"
#include "router.h"
#include "transcript.h"

#include <QList>
#include <QString>

#include <functional>

namespace ladder {

// Spend shared by the conversations of one session (an app window, a CLI run); optional.
struct SpendMeter {
    double usd = 0;
};

// Fills the budget fields of `raised`. `cooledDown(model)` says whether the session skips a model
// now, so a tier is priced by the model that will answer (the same rule as the fallback chain).
void addBudgetContext(TurnSignals *raised, const Ladder &ladder, const QList<TurnRecord> &turns,
                      const SpendMeter *session,
                      const std::function<bool(const QString &)> &cooledDown);

// The model of `tier` that will answer: the first of its chain (model, fallbacks) that is not
// cooling down, else the last.
QString runningModel(const Tier &tier, const std::function<bool(const QString &)> &cooledDown);

// "budget_exceeded: conversation spend $0.0123 passed conversation_usd $0.0100; stepped down from
// strong to light", for tier_active/escalated reasons and the turn_failed message of `stop`.
QString budgetReason(const Ladder &ladder, const TurnSignals &raised, const QString &tierWanted,
                     const QString &tierGiven);

} // namespace ladder
