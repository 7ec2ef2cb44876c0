#include "server.h"

#include "conversation_record.h"
#include "openai_api.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <utility>

namespace ladder::serve {

Q_LOGGING_CATEGORY(lcServe, "ladder.serve")

namespace {

using Status = QHttpServerResponder::StatusCode;

// A fixed answer written straight to a socket whose request Qt HttpServer has not finished
// reading (too slow, too large); the connection closes after it.
void refuseConnection(QTcpSocket *socket, int status, const char *reason, const ApiError &error)
{
    const QByteArray body = error.body();
    socket->write(QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason +
                  QByteArrayLiteral("\r\nContent-Type: application/json\r\nContent-Length: ") +
                  QByteArray::number(body.size()) +
                  QByteArrayLiteral("\r\nConnection: close\r\n\r\n") + body);
    socket->disconnectFromHost();
}

void writeError(QHttpServerResponder &responder, const ApiError &error)
{
    responder.write(error.body(), {{"Content-Type", "application/json"}}, Status(error.status));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// A header value or SSE comment from text a model may have written (an escalation reason):
// control characters become spaces, so it can never end a header line or an SSE event.
QByteArray oneLine(const QString &text)
{
    QByteArray out = text.toUtf8();
    for (char &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return out;
}

QByteArray chunked(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

// Watches each connection before Qt HttpServer parses it: a request must arrive whole within
// the timeout (slowloris) and stay under the body limit plus room for headers, or the connection
// gets a 408 / 413 and is closed. Counting bytes, never parsing them.
class Server::Listener : public QTcpServer
{
public:
    Listener(Server *server)
        : QTcpServer(server)
        , m_server(server)
    {}

    struct Guard {
        QTimer timer;
        qint64 bytes = 0;
        bool busy = false;   // a turn of this connection is running
        bool closed = false; // refused; ignore what Qt still parses
    };
    Guard *guard(QTcpSocket *socket) const { return m_guards.value(socket); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // Streamed deltas are small writes: without TCP_NODELAY, Nagle holds each one until the
        // client acknowledges the previous one (up to its delayed-ACK timeout).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *g = new Guard;
        m_guards.insert(socket, g);
        g->timer.setSingleShot(true);
        const ServerOptions &o = m_server->m_options;
        QObject::connect(&g->timer, &QTimer::timeout, socket, [socket, g] {
            g->closed = true;
            refuseConnection(socket, 408, "Request Timeout",
                             {408,
                              QStringLiteral("the request did not arrive in time"),
                              QStringLiteral("invalid_request_error"),
                              {},
                              QStringLiteral("request_timeout")});
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, g, &o] {
            if (g->closed) {
                socket->readAll();
                return;
            }
            if (!g->busy && !g->timer.isActive()) {
                g->bytes = 0;
                g->timer.start(o.requestTimeoutMs);
            }
            g->bytes += socket->bytesAvailable();
            if (g->bytes > o.maxBodyBytes + 256 * 1024) {
                g->closed = true;
                g->timer.stop();
                socket->readAll();
                refuseConnection(socket, 413, "Payload Too Large",
                                 {413,
                                  QStringLiteral("the request body is over the limit of %1 bytes")
                                      .arg(o.maxBodyBytes),
                                  QStringLiteral("invalid_request_error"),
                                  {},
                                  QStringLiteral("request_too_large")});
            }
        });
        QObject::connect(socket, &QObject::destroyed, this,
                         [this, socket] { delete m_guards.take(socket); });
        addPendingConnection(socket);
    }

private:
    Server *m_server;
    QHash<QTcpSocket *, Guard *> m_guards;
};

// One chat-completions request: its Session, its responder, and the conversation it commits.
class ServeTurn : public QObject
{
public:
    ServeTurn(Server *server, QHttpServerResponder &&responder, QTcpSocket *socket,
              CompletionRequest request, QString conversation, StoredConversation stored,
              ConversationRecord record)
        : m_server(server)
        , m_responder(std::move(responder))
        , m_socket(socket)
        , m_request(std::move(request))
        , m_conversation(std::move(conversation))
        , m_stored(std::move(stored))
        , m_record(std::move(record))
        , m_id(QStringLiteral("chatcmpl-") + QUuid::createUuid().toString(QUuid::Id128))
        , m_created(QDateTime::currentSecsSinceEpoch())
    {
        m_clock.start();
        m_session = server->takeSession(m_conversation);
        QString error;
        if (!m_session->restore(m_record.at(m_request.userTurns - 1), &error)) {
            qCWarning(lcServe) << "conversation" << m_conversation
                               << "does not fit the ladder, starting afresh:" << error;
            m_record = {};
            m_session->restore({});
        }
        connect(m_session, &Session::event, this, [this](const Event &e) { onEvent(e); });
        connect(m_session, &Session::turnFinished, this, [this](int, bool ok) { onFinished(ok); });
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_clientGone = true;
            if (m_session && m_session->busy())
                m_session->cancel(); // recorded in the audit as a cancelled turn
        });
    }

    void start() { m_session->submit(m_request.lastUser, m_request.tierPin, m_request.overrides); }
    QTcpSocket *socket() const { return m_socket; }
    QJsonObject summary(int status) const
    {
        return {
            {QStringLiteral("status"), status},          {QStringLiteral("tier"), m_tier},
            {QStringLiteral("model"), m_model},          {QStringLiteral("escalated"), m_escalated},
            {QStringLiteral("cancelled"), m_clientGone}, {QStringLiteral("ms"), m_clock.elapsed()}};
    }
    // Hands the session back once the turn is over; nothing of this turn reaches it afterwards.
    Session *releaseSession()
    {
        m_session->disconnect(this);
        return std::exchange(m_session, nullptr);
    }
    void cancel()
    {
        if (m_session && m_session->busy())
            m_session->cancel();
    }

private:
    bool canWrite() const
    {
        return !m_clientGone && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }

    QByteArray header(const char *key) const { return m_headers.value(QByteArray(key)); }

    void onEvent(const Event &e)
    {
        const QJsonObject &d = e.data;
        switch (e.type) {
        case Event::Type::TierActive:
            m_tier = d.value(QStringLiteral("tier")).toString();
            m_model = d.value(QStringLiteral("model")).toString();
            m_reason = d.value(QStringLiteral("reason")).toString();
            m_pending.clear(); // a previous attempt's text is not the answer
            m_buffered = m_server->m_bufferedTiers.contains(m_server->m_tierIds.indexOf(m_tier));
            break;
        case Event::Type::Escalated:
            m_escalated = true;
            break;
        case Event::Type::Fallback:
            m_pending.clear();
            if (d.contains(QStringLiteral("to_model")))
                m_model = d.value(QStringLiteral("to_model")).toString();
            break;
        case Event::Type::Delta:
            if (!m_request.stream)
                break;
            if (m_buffered)
                m_pending += d.value(QStringLiteral("text")).toString();
            else
                sendContent(d.value(QStringLiteral("text")).toString());
            break;
        case Event::Type::TurnCompleted:
            m_answer = d.value(QStringLiteral("answer")).toString();
            m_model = d.value(QStringLiteral("model")).toString();
            m_tier = d.value(QStringLiteral("tier")).toString();
            m_usage.prompt = d.value(QStringLiteral("usage"))
                                 .toObject()
                                 .value(QStringLiteral("input_tokens"))
                                 .toInteger();
            m_usage.completion = d.value(QStringLiteral("usage"))
                                     .toObject()
                                     .value(QStringLiteral("output_tokens"))
                                     .toInteger();
            break;
        case Event::Type::TurnFailed:
            m_failure = d;
            break;
        default:
            break;
        }
    }

    void beginStream()
    {
        if (m_streamStarted || !canWrite())
            return;
        m_streamStarted = true;
        m_responder.writeStatusLine(Status::Ok);
        m_responder.writeHeader("Content-Type", "text/event-stream");
        m_responder.writeHeader("Cache-Control", "no-cache");
        m_responder.writeHeader("Transfer-Encoding", "chunked");
        writeLadderHeaders();
        m_responder.writeBody(chunked(chunkEvent(m_id, m_created, m_model, {}, true)));
    }

    void writeLadderHeaders()
    {
        m_responder.writeHeader("x-ladder-tier", oneLine(m_tier));
        m_responder.writeHeader("x-ladder-model", oneLine(m_model));
        m_responder.writeHeader("x-ladder-escalated", m_escalated ? "true" : "false");
        m_responder.writeHeader("x-ladder-reason", oneLine(m_reason));
        m_responder.writeHeader("x-ladder-conversation", oneLine(m_conversation));
    }

    void sendContent(const QString &text)
    {
        beginStream();
        if (canWrite() && !text.isEmpty())
            m_responder.writeBody(chunked(chunkEvent(m_id, m_created, m_model, text, false)));
    }

    void onFinished(bool ok)
    {
        // Commit first: an answer whose position cannot be stored is not given out as if it were.
        QString storeError;
        const ConversationRecord next = ConversationRecord::after(m_record, m_session->snapshot());
        const StateStore::Commit commit =
            m_server->m_store->commit(m_conversation, m_stored.version, next.toJson(), &storeError);
        std::optional<ApiError> error;
        if (commit == StateStore::Commit::Unreachable) {
            qCWarning(lcServe) << "state store:" << storeError;
            error = ApiError{503,
                             QStringLiteral("the state store is unreachable: %1").arg(storeError),
                             QStringLiteral("server_error"),
                             {},
                             QStringLiteral("state_unavailable")};
        } else if (commit == StateStore::Commit::Conflict) {
            error = ApiError{409,
                             QStringLiteral("conversation %1 advanced elsewhere during this turn; "
                                            "resend it")
                                 .arg(m_conversation),
                             QStringLiteral("invalid_request_error"),
                             {},
                             QStringLiteral("conversation_conflict")};
        }
        if (!ok) {
            const QString kind = m_failure.value(QStringLiteral("error")).toString();
            error = ApiError{502,
                             QStringLiteral("every model of the ladder failed; last error (%1): %2")
                                 .arg(kind, m_failure.value(QStringLiteral("message")).toString()),
                             QStringLiteral("upstream_error"),
                             {},
                             kind};
        }
        respond(error);
        m_server->turnDone(this, error ? error->status : 200);
    }

    void respond(const std::optional<ApiError> &error)
    {
        if (!canWrite())
            return;
        if (!m_request.stream) {
            if (error) {
                writeError(m_responder, *error);
                return;
            }
            const QByteArray body = completionJson(m_id, m_created, m_model, m_answer, m_usage);
            m_responder.writeStatusLine(Status::Ok);
            writeLadderHeaders();
            m_responder.writeHeader("Content-Type", "application/json");
            m_responder.writeHeader("Content-Length", QByteArray::number(body.size()));
            m_responder.writeBody(body);
            return;
        }
        if (error && !m_streamStarted) {
            writeError(m_responder, *error);
            return;
        }
        if (!error && m_buffered)
            sendContent(m_answer); // a buffered tier: the accepted answer, without its scaffold
        beginStream();
        QByteArray tail;
        if (error) {
            tail += QByteArrayLiteral("data: ") + error->body() + QByteArrayLiteral("\n\n");
        } else {
            tail += chunkEvent(m_id, m_created, m_model, {}, false, QStringLiteral("stop"));
            if (m_request.includeUsage)
                tail += chunkEvent(m_id, m_created, m_model, {}, false, {}, &m_usage);
        }
        tail += ": x-ladder-tier=" + oneLine(m_tier) + " x-ladder-model=" + oneLine(m_model) +
                " x-ladder-escalated=" + (m_escalated ? "true" : "false") +
                " x-ladder-reason=" + oneLine(m_reason) + "\n\n";
        tail += QByteArrayLiteral("data: [DONE]\n\n");
        m_responder.writeBody(chunked(tail) + QByteArrayLiteral("0\r\n\r\n"));
    }

    Server *m_server;
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    CompletionRequest m_request;
    QString m_conversation;
    StoredConversation m_stored;
    ConversationRecord m_record;
    QString m_id;
    qint64 m_created;
    Session *m_session = nullptr;
    QHash<QByteArray, QByteArray> m_headers;
    QString m_tier, m_model, m_reason, m_answer;
    QString m_pending; // text of a buffered tier so far
    QJsonObject m_failure;
    CompletionUsage m_usage;
    bool m_buffered = false;
    bool m_escalated = false;
    bool m_streamStarted = false;
    bool m_clientGone = false;
    QElapsedTimer m_clock;
};

Server::Server(const Ladder &ladder, const ProviderRegistry *providers, StateStore *store,
               ServerOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_ladder(ladder)
    , m_providers(providers)
    , m_store(store)
    , m_options(std::move(options))
{
    for (const Tier &t : m_ladder.tiers)
        m_tierIds << t.id;
    // A tier's streamed text can be replaced (post-turn escalation) or carries a scaffold the
    // client must not see (handoff block): such tiers stream the accepted answer at the end.
    const bool scaffold = m_ladder.memory.refresh == MemoryPolicy::Refresh::Scaffold;
    for (int i = 0; i < m_tierIds.size(); ++i) {
        bool post = scaffold;
        for (const Transition &t : m_ladder.transitions) {
            if (t.condition.type == Condition::Type::PostTurn &&
                (t.from.isEmpty() || t.from == QLatin1String("*") || t.from == m_tierIds[i]))
                post = true;
        }
        if (post)
            m_bufferedTiers.insert(i);
    }
}

Server::~Server()
{
    for (ServeTurn *turn : std::as_const(m_turns))
        turn->cancel();
}

bool Server::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_listener = new Listener(this);
    if (!m_listener->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_listener->errorString());
        return false;
    }
    bind(m_listener);
    return true;
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void Server::shutdown(int graceMs)
{
    m_shuttingDown = true;
    if (m_listener)
        m_listener->close();
    if (m_turns.isEmpty()) {
        QTimer::singleShot(0, this, &Server::drained);
        return;
    }
    QTimer::singleShot(graceMs, this, [this] {
        for (ServeTurn *turn : std::as_const(m_turns))
            turn->cancel();
    });
}

Session *Server::takeSession(const QString &conversation)
{
    Session *session = m_idle.isEmpty() ? nullptr : m_idle.takeLast();
    if (!session) {
        SessionOptions options;
        options.sessionId = conversation;
        options.seed = m_options.seed;
        options.retry = m_options.retry;
        options.cache = m_options.cache;
        options.audit = m_options.audit;
        options.pricing = m_options.pricing;
        options.health = &m_health;
        options.spend = m_spend;
        session = new Session(m_ladder, m_providers, options, this);
    }
    session->setSessionId(conversation);
    return session;
}

void Server::giveBack(Session *session)
{
    if (session->busy() || m_idle.size() >= 256)
        session->deleteLater();
    else
        m_idle.append(session);
}

void Server::turnDone(ServeTurn *turn, int status)
{
    m_turns.remove(turn);
    ++m_completions;
    if (isSignalConnected(QMetaMethod::fromSignal(&Server::completionFinished))) {
        QJsonObject summary = turn->summary(status);
        summary.insert(QStringLiteral("completions"), m_completions);
        emit completionFinished(summary);
    }
    giveBack(turn->releaseSession());
    if (m_listener) {
        if (Listener::Guard *g = m_listener->guard(turn->socket()))
            g->busy = false;
    }
    turn->deleteLater();
    if (m_shuttingDown && m_turns.isEmpty())
        emit drained();
}

bool Server::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Listener::Guard *guard = m_listener ? m_listener->guard(socket) : nullptr;
    if (guard) {
        if (guard->closed)
            return true;
        guard->timer.stop();
        guard->bytes = 0;
    }
    ++m_requests;
    QHttpServerResponder responder = makeResponder(request, socket);
    if (std::optional<ApiError> error = refusal(request)) {
        writeError(responder, *error);
        return true;
    }
    if (request.url().path() == QLatin1String("/v1/models")) {
        responder.write(modelsJson(m_options.modelId, m_tierIds),
                        {{"Content-Type", "application/json"}}, Status::Ok);
        return true;
    }
    startCompletion(request, socket, std::move(responder));
    return true;
}

std::optional<ApiError> Server::refusal(const QHttpServerRequest &request) const
{
    const QString path = request.url().path();
    const bool completions = path == QLatin1String("/v1/chat/completions");
    const bool models = path == QLatin1String("/v1/models");
    auto invalid = [](int status, const QString &message, const QString &code) {
        return ApiError{status, message, QStringLiteral("invalid_request_error"), {}, code};
    };
    if (!completions && !models)
        return invalid(404, QStringLiteral("no route %1").arg(path), QStringLiteral("unknown_url"));
    if (!m_options.apiKey.isEmpty() &&
        !constantTimeEquals(request.value("authorization"), "Bearer " + m_options.apiKey))
        return invalid(401, QStringLiteral("missing or wrong API key (Authorization: Bearer ...)"),
                       QStringLiteral("invalid_api_key"));
    const auto method = request.method();
    if (models)
        return method == QHttpServerRequest::Method::Get
                   ? std::nullopt
                   : std::optional(invalid(405, QStringLiteral("use GET"),
                                           QStringLiteral("method_not_allowed")));
    if (method != QHttpServerRequest::Method::Post)
        return invalid(405, QStringLiteral("use POST"), QStringLiteral("method_not_allowed"));
    if (request.body().size() > m_options.maxBodyBytes)
        return invalid(413,
                       QStringLiteral("the request body is over the limit of %1 bytes")
                           .arg(m_options.maxBodyBytes),
                       QStringLiteral("request_too_large"));
    if (m_shuttingDown)
        return ApiError{503,
                        QStringLiteral("the server is shutting down"),
                        QStringLiteral("server_error"),
                        {},
                        QStringLiteral("shutting_down")};
    return std::nullopt;
}

void Server::startCompletion(const QHttpServerRequest &request, QTcpSocket *socket,
                             QHttpServerResponder &&responder)
{
    auto parsed = parseCompletionRequest(request.body(), m_options.modelId, m_tierIds);
    if (auto *error = std::get_if<ApiError>(&parsed)) {
        writeError(responder, *error);
        return;
    }
    CompletionRequest completion = std::get<CompletionRequest>(std::move(parsed));
    const QString conversation = conversationId(request.value("x-ladder-conversation"), completion);

    StoredConversation stored;
    QString error;
    if (!m_store->load(conversation, &stored, &error)) {
        qCWarning(lcServe) << "state store:" << error;
        writeError(responder, {503,
                               QStringLiteral("the state store is unreachable: %1").arg(error),
                               QStringLiteral("server_error"),
                               {},
                               QStringLiteral("state_unavailable")});
        return;
    }
    ConversationRecord record;
    if (stored.found) {
        std::optional<ConversationRecord> r = ConversationRecord::fromJson(stored.data, &error);
        if (r)
            record = std::move(*r);
        else
            qCWarning(lcServe) << "conversation" << conversation
                               << "has an unreadable state, starting afresh:" << error;
    }
    auto *turn = new ServeTurn(this, std::move(responder), socket, std::move(completion),
                               conversation, stored, std::move(record));
    turn->setParent(this); // outlives its connection: a cancelled turn is still recorded
    m_turns.insert(turn);
    if (Listener::Guard *guard = m_listener ? m_listener->guard(socket) : nullptr)
        guard->busy = true;
    turn->start();
}

void Server::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writeError(responder, {404,
                           QStringLiteral("no route"),
                           QStringLiteral("invalid_request_error"),
                           {},
                           QStringLiteral("unknown_url")});
}

} // namespace ladder::serve
