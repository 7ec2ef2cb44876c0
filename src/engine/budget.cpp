#include "budget.h"

#include "core/pricing.h"
#include "core/tier_price.h"

namespace ladder {

namespace {

QString usd(double v)
{
    return QStringLiteral("$%1").arg(v, 0, 'f', v != 0 && v < 0.01 ? 6 : 4);
}

} // namespace

void addBudgetContext(TurnSignals *raised, const Ladder &ladder, const QList<TurnRecord> &turns,
                      const SpendMeter *session,
                      const std::function<bool(const QString &)> &cooledDown)
{
    double spent = 0;
    for (const TurnRecord &t : turns)
        spent += t.costUsd;
    raised->conversationUsd = spent;
    raised->sessionUsd = session ? session->usd : spent;
    raised->tierPrice.clear();
    if (!ladder.budget.isSet())
        return;
    const PricingTable &pricing = PricingTable::builtin();
    for (const Tier &tier : ladder.tiers)
        raised->tierPrice.append(listPrice(runningModel(tier, cooledDown), pricing).value_or(0.0));
}

QString runningModel(const Tier &tier, const std::function<bool(const QString &)> &cooledDown)
{
    QStringList chain{tier.model};
    for (const ModelRef &m : tier.fallback)
        chain.append(m.model);
    qsizetype pos = 0;
    while (pos + 1 < chain.size() && cooledDown && cooledDown(chain[pos]))
        ++pos;
    return chain[pos];
}

QString budgetReason(const Ladder &ladder, const TurnSignals &raised, const QString &tierWanted,
                     const QString &tierGiven)
{
    const BudgetPolicy &b = ladder.budget;
    QString why;
    if (b.conversationUsd && raised.conversationUsd > *b.conversationUsd)
        why = QStringLiteral("conversation spend %1 passed budget.conversation_usd %2")
                  .arg(usd(raised.conversationUsd), usd(*b.conversationUsd));
    else if (b.sessionUsd)
        why = QStringLiteral("session spend %1 passed budget.session_usd %2")
                  .arg(usd(raised.sessionUsd), usd(*b.sessionUsd));
    return tierGiven.isEmpty()
               ? QStringLiteral("budget_exceeded: %1; the turn would go to %2 and budget.action "
                                "is stop")
                     .arg(why, tierWanted)
               : QStringLiteral("budget_exceeded: %1; stepped down from %2 to %3")
                     .arg(why, tierWanted, tierGiven);
}

} // namespace ladder
