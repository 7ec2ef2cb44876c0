#pragma once

// Where a Session writes what happened. store/ implements it on SQLite; tests use a recorder.

#include "events.h"
#include "provider.h"

#include <QDateTime>
#include <QString>

namespace ladder {

struct CallRecord {
    QString sessionId;
    int turn = 0;
    int attempt = 1; // 1 for the first call of a turn, counting retries, fallbacks, escalations
    QString tierId;
    QString provider;
    QString model;
    ChatRequest request;
    ChatResult result;
    double costUsd = 0;
    QDateTime startedAt;
    bool costKnown = true; // false: the model has no known price, costUsd is not its cost
};

class AuditSink
{
public:
    virtual ~AuditSink() = default;
    virtual void beginSession(const QString &sessionId, const QString &ladderName,
                              const QJsonObject &ladderJson) = 0;
    virtual void recordEvent(const QString &sessionId, const Event &event) = 0;
    virtual void recordCall(const CallRecord &call) = 0;
    // Groups the writes of one turn (a single transaction in SQLite).
    virtual void flush() = 0;
};

// Cache of deterministic (temperature 0) calls; store/ implements it on SQLite.
class CallCache
{
public:
    virtual ~CallCache() = default;
    virtual std::optional<ChatResult> lookup(const ChatRequest &request) = 0;
    virtual void store(const ChatRequest &request, const ChatResult &result) = 0;
};

} // namespace ladder
