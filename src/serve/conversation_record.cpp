#include "conversation_record.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ladder::serve {

SessionSnapshot ConversationRecord::at(int turns) const
{
    const int stored = int(snapshot.turns.size());
    turns = std::clamp(turns, 0, stored);
    if (turns == stored)
        return snapshot;
    SessionSnapshot s;
    s.state = turns < positions.size() ? positions[turns] : LadderState{};
    s.turns = snapshot.turns.mid(0, turns);
    for (const MemoryVersion &v : snapshot.memory) {
        if (v.turn <= turns)
            s.memory.append(v);
    }
    return s;
}

ConversationRecord ConversationRecord::after(const ConversationRecord &before,
                                             const SessionSnapshot &now)
{
    ConversationRecord r;
    r.snapshot = now;
    r.positions = before.positions.mid(0, now.turns.size());
    if (r.positions.isEmpty())
        r.positions.append(LadderState{});
    while (r.positions.size() < now.turns.size())
        r.positions.append(r.positions.constLast());
    r.positions.append(now.state);
    return r;
}

QByteArray ConversationRecord::toJson() const
{
    QJsonArray states;
    for (const LadderState &s : positions)
        states.append(QJsonArray{s.tier, s.turnsOnTier, s.escalatedFrom, s.turn});
    QJsonObject o = snapshot.toJson();
    o.insert(QStringLiteral("format"), QStringLiteral("ladder-conversation/1"));
    o.insert(QStringLiteral("positions"), states);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ConversationRecord> ConversationRecord::fromJson(const QByteArray &json,
                                                               QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("$: not a JSON object (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    std::optional<SessionSnapshot> snapshot = SessionSnapshot::fromJson(o, error);
    if (!snapshot)
        return std::nullopt;
    ConversationRecord r;
    r.snapshot = std::move(*snapshot);
    const QJsonArray states = o.value(QStringLiteral("positions")).toArray();
    for (qsizetype i = 0; i < states.size(); ++i) {
        const QJsonArray s = states[i].toArray();
        if (s.size() != 4) {
            *error = QStringLiteral("$.positions[%1]: expected [tier, turns_on_tier, "
                                    "escalated_from, turn]")
                         .arg(i);
            return std::nullopt;
        }
        r.positions.append({s[0].toInt(), s[1].toInt(), s[2].toInt(), s[3].toInt()});
    }
    return r;
}

} // namespace ladder::serve
