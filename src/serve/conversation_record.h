#pragma once

// What the state store holds per conversation: the Session's snapshot and the ladder position
// after each turn, so a request that resends an earlier point of the conversation (a retry, a
// regenerated answer) continues from that point instead of forking the stored one.

#include "engine/session.h"

#include <QByteArray>

#include <optional>

namespace ladder::serve {

struct ConversationRecord {
    SessionSnapshot snapshot;
    QList<LadderState> positions; // positions[k]: the state after k turns; [0] the initial one

    // The snapshot after the first `turns` turns (at most those stored).
    SessionSnapshot at(int turns) const;
    // Appends the session's state after the turn it just finished.
    static ConversationRecord after(const ConversationRecord &before, const SessionSnapshot &now);

    QByteArray toJson() const;
    static std::optional<ConversationRecord> fromJson(const QByteArray &json, QString *error);
};

} // namespace ladder::serve
