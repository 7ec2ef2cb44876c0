#pragma once

// What the chat shows of a routing decision the router made for a reason other than a signal:
// a budget_exceeded step-down, a post-turn escalation the budget held back, a switch weighed by
// its prompt-cache cost (pays_within_turns). Read from the engine's events.

#include <QJsonObject>
#include <QString>

namespace ladder {

// From tier_active: the budget step-down's or the switch weighing's reason, else empty.
inline QString routingNote(const QJsonObject &tierActive)
{
    if (tierActive.value(QLatin1String("reason_code")).toString() ==
        QLatin1String("budget_exceeded"))
        return tierActive.value(QLatin1String("reason")).toString();
    return tierActive.value(QLatin1String("switch_cost")).toString();
}

// From turn_completed: a post-turn escalation the budget held back, else empty.
inline QString heldBackNote(const QJsonObject &turnCompleted)
{
    return turnCompleted.value(QLatin1String("budget")).toString();
}

} // namespace ladder
