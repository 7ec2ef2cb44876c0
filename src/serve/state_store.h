#pragma once

// Where `ladder serve` keeps each conversation's position between turns, so a restarted server,
// or another instance behind the same load balancer, continues it. Writes are optimistic: a
// commit names the version it read, and loses (Conflict) when another writer committed first,
// so two instances never fork a conversation.

#include <QByteArray>
#include <QString>

#include <memory>

namespace ladder::serve {

struct StoredConversation {
    bool found = false;
    qint64 version = 0; // 0 when not found
    QByteArray data;    // the ConversationRecord as JSON
};

class StateStore
{
public:
    enum class Commit { Ok, Conflict, Unreachable };

    virtual ~StateStore() = default;
    virtual QString describe() const = 0; // "sqlite:/path" or "redis://host:port/db"
    // False when the store cannot be reached; *error says why (never a secret).
    virtual bool load(const QString &conversationId, StoredConversation *out, QString *error) = 0;
    // Stores `data` as version expectedVersion + 1 if the stored version is still
    // expectedVersion (0: the conversation must not exist yet).
    virtual Commit commit(const QString &conversationId, qint64 expectedVersion,
                          const QByteArray &data, QString *error) = 0;
};

// "sqlite:PATH" or "redis://HOST:PORT/DB"; null with *error naming the problem.
std::unique_ptr<StateStore> openStateStore(const QString &url, QString *error);
// sqlite:<the user's data folder>/serve-state-<MODEL>.sqlite: one file per served model, so
// instances serving different ladders never contend for one file (a file has one owner).
QString defaultStateUrl(const QString &modelId);

} // namespace ladder::serve
