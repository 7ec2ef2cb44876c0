#pragma once

// The one event vocabulary: CLI JSON lines, the GUI and the audit log all speak it.
// turn_started, tier_active, escalated, handoff, fallback, delta, memory_updated, turn_completed,
// turn_failed.

#include <QJsonObject>
#include <QString>

namespace ladder {

struct Event {
    enum class Type {
        TurnStarted,
        TierActive,
        Escalated,
        Handoff,
        Fallback,
        Delta,
        MemoryUpdated,
        TurnCompleted,
        TurnFailed,
    };
    Type type = Type::TurnStarted;
    int turn = 0;
    QJsonObject data; // event-specific fields, flat, snake_case

    // {"event":"turn_completed","turn":3, ...data}
    QJsonObject toJson() const;
    // One compact JSON line with "event" and "turn" first, as `ladder chat --json` prints it.
    QByteArray toJsonLine() const;
    static QString typeName(Type t);
    static std::optional<Type> typeFromName(const QString &name);
};

} // namespace ladder
