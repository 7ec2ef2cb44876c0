#pragma once

// The router: a pure function of (compiled ladder, state, signals) -> decision with its reason.
// Tier ids are resolved to indices once, so a decision touches only integers and small vectors.

#include "core/ladder.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ladder {

struct LadderState {
    int tier = -1;          // tier that answered the last turn; -1 before the first turn
    int turnsOnTier = 0;    // turns answered by `tier` since it was entered
    int escalatedFrom = -1; // where to return after an escalation; -1 when not escalated
    int turn = 0;           // turns completed
    bool operator==(const LadderState &) const = default;
};

inline constexpr quint32 bit(PreSignal s)
{
    return 1u << unsigned(s);
}
inline constexpr quint32 bit(PostSignal s)
{
    return 1u << unsigned(s);
}
inline constexpr quint32 bit(FailureKind k)
{
    return 1u << unsigned(k);
}

// Whether switching tiers now pays for the prompt cache it loses (engine/switch_cost weighs it).
struct SwitchWeighing {
    bool pays = true;
    QString reason; // "switch to light skipped: saves $0.0004 over 3 turns, loses $0.0030 ..."
};

struct TurnSignals {
    quint32 pre = 0;     // bit(PreSignal) mask
    QString label;       // classification label when bit(Classification) is set
    int manualTier = -1; // the user's pick for this turn
    // Budget context, filled by the session so the router stays pure: spend so far (this
    // conversation, and all conversations of the session), and per tier the price of the model
    // that will actually run (after skipping cooled-down models), USD per 1M input + output tokens.
    double conversationUsd = 0;
    double sessionUsd = 0;
    QList<double> tierPrice;
    // For transitions with pays_within_turns: weighs a switch from -> to over `turns` turns.
    // Unset: every switch is taken.
    std::function<SwitchWeighing(int from, int to, int turns)> weighSwitch;
};

// `from` is where the router stood when the transition fired: after a return_after or an
// after_turns step earlier in the same decision, that tier, not the one that answered last.
struct RouteDecision {
    enum class Reason {
        Entry,
        Stay,
        AfterTurns,
        OnSignal,
        ReturnAfter,
        ManualPick,
        PostTurn,
        OnFailure,
        Budget, // the budget is spent: stepped down to the cheapest tier, or stopped (tier -1)
    };
    int tier = -1;
    Reason reason = Reason::Stay;
    int transition = -1;     // index in Ladder::transitions, -1 when none fired
    int signal = -1;         // the PreSignal/PostSignal that fired (per reason), -1 otherwise
    int from = -1;           // the tier the fired transition was evaluated on, -1 when none
    bool escalation = false; // entering a tier we will return from
    int escalatedFrom = -1;  // state.escalatedFrom after this decision
    int budgetFrom = -1;     // Budget: the tier the turn would have gone to
    QString switchNote;      // a pays_within_turns edge weighed: why it was taken or skipped
    int ladderTier = -1;     // ManualPick: the tier the ladder would have picked without it
    bool operator==(const RouteDecision &) const = default;
};
QString toString(RouteDecision::Reason reason);

class Router
{
public:
    explicit Router(const Ladder &ladder);

    int entryTier() const { return m_entry; }
    int tierCount() const { return m_tierCount; }
    int tierIndex(const QString &id) const;

    // Before a turn: which tier answers it. Past the ladder's budget, a turn that would go above
    // the cheapest tier goes to the cheapest (step_down) or to none (stop: tier -1, reason Budget).
    RouteDecision route(const LadderState &state, const TurnSignals &raised) const;
    // Whether the spend in `raised` passed the ladder's budget, and the cheapest tier by
    // `raised.tierPrice` (-1 when the prices are not given).
    bool overBudget(const TurnSignals &raised) const;
    // `d` under the budget: unchanged, or a Budget decision (cheapest tier, or -1 for stop).
    // route() applies it; the session applies it to post-turn escalations too.
    RouteDecision budgeted(const RouteDecision &d, const TurnSignals &raised) const;
    int cheapestTier(const TurnSignals &raised) const;
    // After an answer by `answeringTier`: a post_turn edge that re-answers the same turn, if any.
    // `postMask` holds bit(PostSignal); confidence < 0 means "not reported".
    RouteDecision postTurn(const LadderState &state, int answeringTier, quint32 postMask,
                           double confidence) const;
    // When a tier's whole fallback chain failed with `kind`: an on_failure edge, if any.
    RouteDecision onFailure(const LadderState &state, int failedTier, FailureKind kind) const;
    // The state after a turn was answered by decision.tier.
    LadderState commit(const LadderState &state, const RouteDecision &decision) const;

    // "after 2 turns on strong", "on high_stakes", "escalate tool", ...
    QString describe(const RouteDecision &decision) const;

private:
    struct Edge {
        int from = -1; // -1: any tier
        int to = -1;   // -1: return to where we escalated from
        Condition::Type type = Condition::Type::AfterTurns;
        int turns = 0;
        quint32 preMask = 0;
        quint32 postMask = 0;
        quint32 failureMask = 0;
        double confidenceBelow = 0.5;
        QStringList labels;
        int paysWithinTurns = 0;
    };
    // False when `e` asks whether its switch pays and it does not; the reason goes to `d`.
    bool switchPays(const Edge &e, int from, int to, const TurnSignals &raised,
                    RouteDecision *d) const;
    bool appliesFrom(const Edge &e, int tier) const { return e.from == -1 || e.from == tier; }
    RouteDecision routeByEdges(const LadderState &state, const TurnSignals &raised) const;
    // Where the conversation stands before this turn's signals: the entry, a return_after or
    // an after_turns step from the current tier, or staying.
    int positionedTier(const LadderState &state, const TurnSignals &raised, RouteDecision *d) const;
    // The first on_signal transition from `current` that a raised pre-turn signal takes.
    int afterSignals(int current, const TurnSignals &raised, RouteDecision *d) const;

    QList<Edge> m_edges;
    QStringList m_tierIds;
    BudgetPolicy m_budget;
    int m_entry = -1;
    int m_tierCount = 0;
};

} // namespace ladder
