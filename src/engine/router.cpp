#include "router.h"

#include <bit>

namespace ladder {

QString toString(RouteDecision::Reason reason)
{
    switch (reason) {
    case RouteDecision::Reason::Entry:
        return QStringLiteral("entry");
    case RouteDecision::Reason::Stay:
        return QStringLiteral("stay");
    case RouteDecision::Reason::AfterTurns:
        return QStringLiteral("after_turns");
    case RouteDecision::Reason::OnSignal:
        return QStringLiteral("on_signal");
    case RouteDecision::Reason::ReturnAfter:
        return QStringLiteral("return_after");
    case RouteDecision::Reason::ManualPick:
        return QStringLiteral("manual_pick");
    case RouteDecision::Reason::PostTurn:
        return QStringLiteral("post_turn");
    case RouteDecision::Reason::OnFailure:
        return QStringLiteral("on_failure");
    case RouteDecision::Reason::Budget:
        return QStringLiteral("budget_exceeded");
    }
    return {};
}

namespace {

template <typename Enum> quint32 maskOf(const QList<Enum> &values)
{
    quint32 mask = 0;
    for (Enum v : values)
        mask |= 1u << unsigned(v);
    return mask;
}

int lowestBit(quint32 mask)
{
    return mask ? std::countr_zero(mask) : -1;
}

} // namespace

Router::Router(const Ladder &ladder)
    : m_budget(ladder.budget)
    , m_entry(ladder.tierIndex(ladder.entry))
    , m_tierCount(int(ladder.tiers.size()))
{
    for (const Tier &t : ladder.tiers)
        m_tierIds.append(t.id);
    if (m_entry < 0 && m_tierCount > 0)
        m_entry = 0; // validation reports the missing entry; routing still works
    for (const Transition &t : ladder.transitions) {
        Edge e;
        e.from = t.from == QLatin1String("*") ? -1 : ladder.tierIndex(t.from);
        e.to = t.to.isEmpty() ? -1 : ladder.tierIndex(t.to);
        const bool dangling = (t.from != QLatin1String("*") && e.from < 0) ||
                              (!t.to.isEmpty() && e.to < 0) ||
                              (t.to.isEmpty() && t.condition.type != Condition::Type::ReturnAfter);
        // A dangling edge keeps its index (decisions name transitions by index) but never fires:
        // an on_failure edge without failure kinds. Validation reports it.
        e.type = dangling ? Condition::Type::OnFailure : t.condition.type;
        if (!dangling) {
            e.turns = t.condition.turns;
            e.preMask = maskOf(t.condition.preSignals);
            e.postMask = maskOf(t.condition.postSignals);
            e.failureMask = maskOf(t.condition.failures);
            e.confidenceBelow = t.condition.confidenceBelow;
            e.labels = t.condition.labels;
            e.paysWithinTurns = t.condition.paysWithinTurns;
        }
        m_edges.append(e);
    }
}

int Router::tierIndex(const QString &id) const
{
    return int(m_tierIds.indexOf(id));
}

bool Router::overBudget(const TurnSignals &raised) const
{
    return (m_budget.conversationUsd && raised.conversationUsd > *m_budget.conversationUsd) ||
           (m_budget.sessionUsd && raised.sessionUsd > *m_budget.sessionUsd);
}

int Router::cheapestTier(const TurnSignals &raised) const
{
    if (raised.tierPrice.size() != m_tierCount)
        return -1;
    int cheapest = -1;
    for (int i = 0; i < m_tierCount; ++i) {
        if (cheapest < 0 || raised.tierPrice[i] < raised.tierPrice[cheapest])
            cheapest = i;
    }
    return cheapest;
}

RouteDecision Router::route(const LadderState &state, const TurnSignals &raised) const
{
    return budgeted(routeByEdges(state, raised), raised);
}

RouteDecision Router::budgeted(const RouteDecision &d, const TurnSignals &raised) const
{
    if (d.tier < 0 || !overBudget(raised))
        return d;
    const int cheapest = cheapestTier(raised);
    if (cheapest < 0 || raised.tierPrice[d.tier] <= raised.tierPrice[cheapest])
        return d; // already on a cheapest tier
    RouteDecision b;
    b.reason = RouteDecision::Reason::Budget;
    b.signal = int(PreSignal::BudgetExceeded);
    b.budgetFrom = d.tier;
    b.tier = m_budget.action == BudgetPolicy::Action::Stop ? -1 : cheapest;
    b.escalatedFrom = -1; // a step-down ends any escalation
    return b;
}

bool Router::switchPays(const Edge &e, int from, int to, const TurnSignals &raised,
                        RouteDecision *d) const
{
    if (e.paysWithinTurns <= 0 || !raised.weighSwitch || from < 0 || to < 0 || from == to)
        return true;
    const SwitchWeighing w = raised.weighSwitch(from, to, e.paysWithinTurns);
    d->switchNote = w.reason;
    return w.pays;
}

RouteDecision Router::routeByEdges(const LadderState &state, const TurnSignals &raised) const
{
    RouteDecision d;
    d.escalatedFrom = state.escalatedFrom;
    if (raised.manualTier >= 0 && raised.manualTier < m_tierCount) {
        TurnSignals unpicked = raised; // what the user overruled (chat feedback learns from it)
        unpicked.manualTier = -1;
        d.ladderTier = routeByEdges(state, unpicked).tier;
        d.tier = raised.manualTier;
        d.reason = RouteDecision::Reason::ManualPick;
        d.signal = int(PreSignal::ManualPick);
        d.escalatedFrom = -1;
        return d;
    }
    const int current = positionedTier(state, raised, &d);
    d.tier = raised.pre != 0 ? afterSignals(current, raised, &d) : current;
    return d;
}

int Router::positionedTier(const LadderState &state, const TurnSignals &raised,
                           RouteDecision *d) const
{
    const int current = state.tier;
    if (current < 0) {
        d->reason = RouteDecision::Reason::Entry;
        return m_entry;
    }
    d->reason = RouteDecision::Reason::Stay;
    if (state.escalatedFrom >= 0) {
        for (int i = 0; i < m_edges.size(); ++i) {
            const Edge &e = m_edges[i];
            const int to = e.to >= 0 ? e.to : state.escalatedFrom;
            if (e.type == Condition::Type::ReturnAfter && appliesFrom(e, current) &&
                state.turnsOnTier >= e.turns && switchPays(e, current, to, raised, d)) {
                d->reason = RouteDecision::Reason::ReturnAfter;
                d->transition = i;
                d->escalatedFrom = -1;
                return to;
            }
        }
    }
    for (int i = 0; i < m_edges.size(); ++i) {
        const Edge &e = m_edges[i];
        if (e.type == Condition::Type::AfterTurns && appliesFrom(e, current) && e.to != current &&
            state.turnsOnTier >= e.turns && switchPays(e, current, e.to, raised, d)) {
            d->reason = RouteDecision::Reason::AfterTurns;
            d->transition = i;
            d->escalatedFrom = -1;
            return e.to;
        }
    }
    return current;
}

int Router::afterSignals(int current, const TurnSignals &raised, RouteDecision *d) const
{
    for (int i = 0; i < m_edges.size(); ++i) {
        const Edge &e = m_edges[i];
        if (e.type != Condition::Type::OnSignal || !appliesFrom(e, current) || e.to == current)
            continue;
        quint32 hit = e.preMask & raised.pre;
        const quint32 classification = bit(PreSignal::Classification);
        if ((hit & classification) && !e.labels.contains(raised.label))
            hit &= ~classification;
        if (!hit || !switchPays(e, current, e.to, raised, d))
            continue;
        const int signal = lowestBit(hit);
        d->reason = RouteDecision::Reason::OnSignal;
        d->transition = i;
        d->signal = signal;
        d->from = current;
        // A classification routes; every other signal escalates and later returns.
        d->escalation = signal != int(PreSignal::Classification);
        if (d->escalation && d->escalatedFrom < 0)
            d->escalatedFrom = current;
        if (!d->escalation)
            d->escalatedFrom = -1;
        return e.to;
    }
    return current;
}

RouteDecision Router::postTurn(const LadderState &state, int answeringTier, quint32 postMask,
                               double confidence) const
{
    RouteDecision d;
    d.tier = -1;
    d.escalatedFrom = state.escalatedFrom;
    if (postMask == 0 && confidence < 0)
        return d;
    for (int i = 0; i < m_edges.size(); ++i) {
        const Edge &e = m_edges[i];
        if (e.type != Condition::Type::PostTurn || !appliesFrom(e, answeringTier) ||
            e.to == answeringTier)
            continue;
        quint32 hit = e.postMask & postMask & ~bit(PostSignal::LowConfidence);
        if ((e.postMask & bit(PostSignal::LowConfidence)) && confidence >= 0 &&
            confidence < e.confidenceBelow)
            hit |= bit(PostSignal::LowConfidence);
        if (!hit)
            continue;
        d.tier = e.to;
        d.reason = RouteDecision::Reason::PostTurn;
        d.transition = i;
        d.signal = lowestBit(hit);
        d.from = answeringTier;
        d.escalation = true;
        if (d.escalatedFrom < 0)
            d.escalatedFrom = answeringTier;
        return d;
    }
    return d;
}

RouteDecision Router::onFailure(const LadderState &state, int failedTier, FailureKind kind) const
{
    RouteDecision d;
    d.tier = -1;
    d.escalatedFrom = state.escalatedFrom;
    for (int i = 0; i < m_edges.size(); ++i) {
        const Edge &e = m_edges[i];
        if (e.type == Condition::Type::OnFailure && appliesFrom(e, failedTier) &&
            e.to != failedTier && (e.failureMask & bit(kind))) {
            d.tier = e.to;
            d.reason = RouteDecision::Reason::OnFailure;
            d.transition = i;
            d.signal = int(kind);
            d.from = failedTier;
            return d;
        }
    }
    return d;
}

LadderState Router::commit(const LadderState &state, const RouteDecision &decision) const
{
    LadderState next = state;
    next.turn = state.turn + 1;
    next.escalatedFrom = decision.escalatedFrom;
    const bool entered = decision.tier != state.tier || decision.escalation ||
                         decision.reason == RouteDecision::Reason::ReturnAfter;
    next.turnsOnTier = entered ? 1 : state.turnsOnTier + 1;
    next.tier = decision.tier;
    return next;
}

QString Router::describe(const RouteDecision &d) const
{
    const QString tier = d.tier >= 0 && d.tier < m_tierCount ? m_tierIds[d.tier] : QString();
    const Edge *edge = d.transition >= 0 ? &m_edges[d.transition] : nullptr;
    switch (d.reason) {
    case RouteDecision::Reason::Entry:
        return QStringLiteral("entry tier");
    case RouteDecision::Reason::Stay:
        return QStringLiteral("stays on %1").arg(tier);
    case RouteDecision::Reason::AfterTurns:
        return QStringLiteral("after %1 turn(s) on %2")
            .arg(edge->turns)
            .arg(edge->from >= 0 ? m_tierIds[edge->from] : QStringLiteral("any tier"));
    case RouteDecision::Reason::ReturnAfter:
        return QStringLiteral("returns after %1 escalated turn(s)").arg(edge->turns);
    case RouteDecision::Reason::ManualPick:
        return QStringLiteral("manual pick");
    case RouteDecision::Reason::OnSignal:
        return QStringLiteral("on %1").arg(toString(PreSignal(d.signal)));
    case RouteDecision::Reason::PostTurn:
        return QStringLiteral("on %1").arg(toString(PostSignal(d.signal)));
    case RouteDecision::Reason::OnFailure:
        return QStringLiteral("on %1").arg(toString(FailureKind(d.signal)));
    case RouteDecision::Reason::Budget: {
        const QString wanted =
            d.budgetFrom >= 0 && d.budgetFrom < m_tierCount ? m_tierIds[d.budgetFrom] : QString();
        return d.tier >= 0 ? QStringLiteral("on budget_exceeded: stepped down from %1 to %2")
                                 .arg(wanted, tier)
                           : QStringLiteral("on budget_exceeded: stopped before %1").arg(wanted);
    }
    }
    return {};
}

} // namespace ladder
