#pragma once

#include "state_store.h"

struct redisContext;

namespace ladder::serve {

// Conversations as Redis hashes (`ladder:conversation:<id>`: v, data), shared by any number of
// instances. A commit is an optimistic transaction: WATCH the key, check its version, MULTI/EXEC;
// EXEC fails when another instance wrote in between. Calls block for at most the timeout (the
// server is on loopback or a LAN); a lost connection is re-opened on the next call.
class RedisStateStore final : public StateStore
{
public:
    RedisStateStore(QString host, int port, int db);
    ~RedisStateStore() override;

    QString describe() const override;
    bool connectNow(QString *error);
    bool load(const QString &conversationId, StoredConversation *out, QString *error) override;
    Commit commit(const QString &conversationId, qint64 expectedVersion, const QByteArray &data,
                  QString *error) override;

private:
    bool ensureConnected(QString *error);
    void drop();

    QString m_host;
    int m_port;
    int m_db;
    redisContext *m_context = nullptr;
};

} // namespace ladder::serve
