// The loss report's items for the router's learned and checking features: a learned detector
// (`needs_strong`), a tier's self_check and format contract, the ladder's budget and the
// "switch only when it pays" option. A gateway config forwards one request to one model (or
// its fallbacks): it runs no model of its own before routing, makes no second call to check an
// answer, and counts no spend per conversation.

#include "engine/budget.h"
#include "loss_text.h"

namespace ladder::Internal {

using namespace Qt::StringLiterals;

namespace {

QString usd(double value)
{
    return u"$"_s + QString::number(value, 'g', 6);
}

// "`light` → `strong` (`/transitions/0`), ..." for the on_signal edges listening for `signal`.
QStringList edgesOn(const LossTarget &t, PreSignal signal)
{
    QStringList out;
    const Ladder &ladder = t.plan.ladder;
    for (int i = 0; i < ladder.transitions.size(); ++i) {
        const Transition &tr = ladder.transitions[i];
        if (tr.condition.type == Condition::Type::OnSignal &&
            tr.condition.preSignals.contains(signal))
            out << u"%1 → %2 (%3)"_s.arg(code(tr.from), t.target(tr), t.transitionRef(i));
    }
    return out;
}

// The tier that a post-turn edge listening for `signal` sends `from`'s turns to, else `from`.
QString postTurnTarget(const Ladder &ladder, const QString &from, PostSignal signal)
{
    for (const Transition &tr : ladder.transitions)
        if (tr.condition.type == Condition::Type::PostTurn &&
            tr.condition.postSignals.contains(signal) && (tr.from == from || tr.from == u"*"_s) &&
            !tr.to.isEmpty())
            return tr.to;
    return from;
}

void learnedDetectors(const LossTarget &t, QList<LossItem> *items)
{
    const Ladder &ladder = t.plan.ladder;
    for (int i = 0; i < ladder.detectors.size(); ++i) {
        const Detector &d = ladder.detectors[i];
        if (d.kind != Detector::Kind::Learned)
            continue;
        const QString state = d.model ? u"trained on %1 turns, %2 weights"_s
                                            .arg(d.model->trained.value(u"turns"_s).toInt())
                                            .arg(d.model->weights.size())
                                      : u"untrained"_s;
        const QStringList edges = edgesOn(t, d.signal);
        QString where = u"`/detectors/%1` (%2): kind `learned`, raises %3 at p ≥ %4 (%5)"_s.arg(i)
                            .arg(code(d.id), code(toString(d.signal)))
                            .arg(d.threshold)
                            .arg(state);
        if (!edges.isEmpty())
            where += u"; read by "_s + edges.join(u", "_s);
        QString instead =
            u"%1 runs no model of its own before routing: the classifier and its weights (the "
            u"detector's `model` in the ladder file) are not exported, so %2 is never raised and "
            u"no turn is sent up on it."_s.arg(t.gatewaySentence(), code(toString(d.signal)));
        if (!edges.isEmpty()) {
            const Transition *first = nullptr;
            for (const Transition &tr : ladder.transitions)
                if (tr.condition.type == Condition::Type::OnSignal &&
                    tr.condition.preSignals.contains(d.signal)) {
                    first = &tr;
                    break;
                }
            instead += u" Score each user turn with the model in your client and send %1 when "
                       u"p ≥ %2 (`ladder serve` runs the detector)."_s.arg(t.pick(first->to))
                           .arg(d.threshold);
        }
        items->append({u"Learned detector"_s, where, instead});
    }
}

void selfChecks(const LossTarget &t, QList<LossItem> *items)
{
    const Ladder &ladder = t.plan.ladder;
    for (int i = 0; i < ladder.tiers.size(); ++i) {
        const Tier &tier = ladder.tiers[i];
        if (!tier.selfCheck)
            continue;
        const SelfCheck &c = *tier.selfCheck;
        const QString checker = !c.tier.isEmpty()    ? u"tier "_s + code(c.tier)
                                : !c.model.isEmpty() ? u"model "_s + code(c.model)
                                                     : u"its own model"_s;
        const QString to = postTurnTarget(ladder, tier.id, PostSignal::SelfCheckFailed);
        items->append(
            {u"Self-check call"_s,
             u"`/tiers/%1/self_check` (%2): %3 scores the answer, `self_check_failed` below %4"_s
                 .arg(i)
                 .arg(code(tier.id), checker)
                 .arg(c.threshold),
             u"%1 makes one call per request and never a second one to verify the answer: %2's "
             u"answer is returned unchecked, `self_check_failed` never fires and the check's "
             u"cost is not spent. Make the check from your client and send the question again "
             u"with %3 when it fails."_s.arg(t.gatewaySentence(), code(tier.id), t.pick(to))});
    }
}

void formatContracts(const LossTarget &t, QList<LossItem> *items)
{
    const Ladder &ladder = t.plan.ladder;
    for (int i = 0; i < ladder.tiers.size(); ++i) {
        const Tier &tier = ladder.tiers[i];
        QStringList where;
        if (!tier.responseSchema.isEmpty())
            where << u"`/tiers/%1/response_schema` (%2)"_s.arg(i).arg(code(tier.id));
        if (!tier.requiredSections.isEmpty())
            where << u"`/tiers/%1/required_sections` (%2): %3"_s.arg(i).arg(
                code(tier.id), names(tier.requiredSections));
        if (where.isEmpty())
            continue;
        const QString to = postTurnTarget(ladder, tier.id, PostSignal::FormatViolation);
        QString instead =
            u"Not exported: %1 does not check %2's answer against it, so `format_violation` "
            u"never fires and a malformed answer reaches the caller."_s.arg(t.gateway(),
                                                                            code(tier.id));
        if (t.liteLlm())
            instead +=
                u" Check the answer in your client and send the question again with %1."_s.arg(
                    t.pick(to));
        else
            instead += u" An output guardrail (`default.jsonSchema`, `default.regexMatch`) with "
                       u"`deny: true` and a fallback on status 446 comes nearest; write it by "
                       u"hand."_s;
        items->append({u"Format contract"_s, where.join(u"; "_s), instead});
    }
}

// The tier a budget step-down answers on: the cheapest by the engine's own rule (the price of
// the model that runs, none cooling down).
QString cheapestTier(const Ladder &ladder)
{
    TurnSignals raised;
    addBudgetContext(&raised, ladder, {}, nullptr, [](const QString &) { return false; });
    int cheapest = -1;
    for (int i = 0; i < raised.tierPrice.size(); ++i)
        if (cheapest < 0 || raised.tierPrice[i] < raised.tierPrice[cheapest])
            cheapest = i;
    return cheapest < 0 ? QString() : ladder.tiers[cheapest].id;
}

void budget(const LossTarget &t, QList<LossItem> *items)
{
    const BudgetPolicy &b = t.plan.ladder.budget;
    if (!b.isSet())
        return;
    QStringList limits;
    if (b.conversationUsd)
        limits << u"`conversation_usd` %1"_s.arg(usd(*b.conversationUsd));
    if (b.sessionUsd)
        limits << u"`session_usd` %1"_s.arg(usd(*b.sessionUsd));
    const bool stepDown = b.action == BudgetPolicy::Action::StepDown;
    const QString where = u"`/budget`: %1, action `%2`"_s.arg(
        limits.join(u", "_s), stepDown ? u"step_down"_s : u"stop"_s);
    const QString cheapest = cheapestTier(t.plan.ladder);
    const QString wanted =
        stepDown ? u"The ladder answers on the cheapest tier (%1) once the spend passes the "
                   u"limit (pre-turn signal `budget_exceeded`)."_s.arg(code(cheapest))
                 : u"The ladder ends the conversation with a clear message once the spend "
                   u"passes the limit."_s;
    QString instead;
    if (t.liteLlm()) {
        instead = wanted +
                  u" Not exported. LiteLLM's budgets (`max_budget` with `budget_duration`: for "
                  u"the whole proxy in `litellm_settings`, or per virtual key, user, team, "
                  u"customer or tag) reject a request over budget with an error; none steps "
                  u"down to a cheaper model, and none counts the spend of one conversation. "_s;
        instead += stepDown ? u"Track the conversation's spend in your client and send %1 past "
                              u"the limit."_s.arg(t.pick(cheapest))
                            : u"A key's `max_budget` comes nearest to `stop`, over everything "
                              u"the key spends, not one conversation."_s;
    } else {
        instead =
            wanted + u" Not exported: a Portkey gateway config has no spend limit, so every "
                     u"request is answered on the tier it names whatever was spent. Track the "
                     u"conversation's spend in your client%1."_s.arg(
                         stepDown ? u" and send "_s + t.pick(cheapest) + u" past the limit"_s
                                  : u" and stop sending past the limit"_s);
    }
    items->append({u"Spend budget"_s, where, instead});
}

void paysWithinTurns(const LossTarget &t, QList<LossItem> *items)
{
    const Ladder &ladder = t.plan.ladder;
    for (int i = 0; i < ladder.transitions.size(); ++i) {
        const Transition &tr = ladder.transitions[i];
        if (tr.condition.paysWithinTurns <= 0)
            continue;
        items->append(
            {u"Switch only when it pays"_s,
             u"%1: %2 → %3, `pays_within_turns` %4"_s
                 .arg(t.transitionRef(i), code(tr.from), t.target(tr))
                 .arg(tr.condition.paysWithinTurns),
             u"%1 does not weigh a switch: it does not know the conversation's prompt-cache "
             u"prefix, so the cached-input discount a switch forfeits is never set against "
             u"what the other tier saves over %2 turns. Weigh it in your client before you "
             u"send another tier."_s.arg(t.gatewaySentence())
                 .arg(tr.condition.paysWithinTurns)});
    }
}

} // namespace

QList<LossItem> routerSignalLosses(const LossTarget &target)
{
    QList<LossItem> items;
    learnedDetectors(target, &items);
    selfChecks(target, &items);
    formatContracts(target, &items);
    budget(target, &items);
    paysWithinTurns(target, &items);
    return items;
}

} // namespace ladder::Internal
