#pragma once

// `ladder serve`: the whole ladder behind an OpenAI-compatible endpoint. Each request continues a
// conversation: its position is loaded from the state store into a Session (the same engine the
// CLI and the studio run), the turn runs, and the new position is committed back. Built on Qt
// HttpServer's QAbstractHttpServer (its parser and responder); only routing is ours.

#include "openai_api.h"
#include "state_store.h"

#include "engine/session.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QSet>

namespace ladder::serve {

struct ServerOptions {
    QString modelId;   // the model name clients ask for; tiers are "MODEL/TIER"
    quint64 seed = 0;  // simulated provider
    RetryPolicy retry; // delayScale 0 in tests
    AuditSink *audit = nullptr;
    const PricingTable *pricing = nullptr; // null: the built-in table
    CallCache *cache = nullptr;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    QByteArray apiKey;            // clients must send "Authorization: Bearer KEY"; empty: none
    int requestTimeoutMs = 10000; // a request's headers and body must arrive within this
};

class ServeTurn;

class Server : public QAbstractHttpServer
{
    Q_OBJECT
public:
    Server(const Ladder &ladder, const ProviderRegistry *providers, StateStore *store,
           ServerOptions options, QObject *parent = nullptr);
    ~Server() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    int activeTurns() const { return int(m_turns.size()); }
    qint64 requestCount() const { return m_requests; }
    qint64 completionCount() const { return m_completions; }

    // Stops accepting connections; running turns get `graceMs` to finish, then are cancelled
    // (recorded as cancelled). Emits drained() when none is left.
    void shutdown(int graceMs);

signals:
    void drained();
    // After each chat completion that ran through the ladder, answered or not: `summary` holds
    // {completions: count so far, status (200, or the error's), tier, model, escalated,
    // cancelled (the client left), ms}. `ladder serve --json` prints it as a line.
    void completionFinished(const QJsonObject &summary);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class ServeTurn;
    // The error a request is refused with before it reaches the ladder: unknown route, missing
    // key, wrong method, body over the limit, shutting down.
    std::optional<ApiError> refusal(const QHttpServerRequest &request) const;
    // Parses a chat completion, loads its conversation's state and starts its turn.
    void startCompletion(const QHttpServerRequest &request, QTcpSocket *socket,
                         QHttpServerResponder &&responder);
    void turnDone(ServeTurn *turn, int status);
    // An idle Session of this ladder for `conversation` (built once, reused: its compiled
    // router, detectors and patterns are the costly part of a short turn).
    Session *takeSession(const QString &conversation);
    void giveBack(Session *session);

    Ladder m_ladder;
    const ProviderRegistry *m_providers;
    StateStore *m_store;
    ServerOptions m_options;
    QStringList m_tierIds;
    QSet<int> m_bufferedTiers; // tiers whose answer may still be replaced: streamed at the end
    QSet<ServeTurn *> m_turns;
    ModelHealth m_health; // cooldowns shared by every conversation
    // The spend of every conversation of this server process, for the ladder's budget.session_usd.
    std::shared_ptr<SpendMeter> m_spend = std::make_shared<SpendMeter>();
    QList<Session *> m_idle;
    qint64 m_requests = 0;
    qint64 m_completions = 0;
    bool m_shuttingDown = false;
    class Listener;
    Listener *m_listener = nullptr;
};

} // namespace ladder::serve
