#include "audit_store.h"

#include "chat_json.h"
#include "job_thread.h"

#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace ladder {

using Internal::fromMsecs;
using Internal::sqlError;

namespace {

bool parseJson(const QString &text, const QString &path, QJsonDocument *doc, QString *error)
{
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = path + QStringLiteral(": invalid JSON at offset %1 (%2)")
                            .arg(parseError.offset)
                            .arg(parseError.errorString());
        return false;
    }
    return true;
}

const QString kOk = QStringLiteral("ok");

} // namespace

// ---------------------------------------------------------------------------------------------
// AuditLosses

void AuditLosses::add(const QSet<std::pair<QString, int>> &lost)
{
    for (const std::pair<QString, int> &entry : lost) {
        // Named copies: clang 14 cannot capture structured bindings in a lambda.
        const QString &sessionId = entry.first;
        const int turn = entry.second;
        auto it = std::find_if(sessions.begin(), sessions.end(),
                               [&](const Session &s) { return s.id == sessionId; });
        if (it == sessions.end())
            it = sessions.insert(sessions.end(), Session{sessionId, {}});
        const auto at = std::lower_bound(it->turns.begin(), it->turns.end(), turn);
        if (at == it->turns.end() || *at != turn)
            it->turns.insert(at, turn);
    }
}

QString AuditLosses::describe() const
{
    QStringList parts;
    for (const Session &s : sessions) {
        QStringList what;
        QStringList turns;
        for (int turn : s.turns) {
            if (turn == 0)
                what << QStringLiteral("the session row");
            else
                turns << QString::number(turn);
        }
        if (!turns.isEmpty())
            what << (turns.size() == 1 ? QStringLiteral("turn ") : QStringLiteral("turns ")) +
                        turns.join(QStringLiteral(", "));
        parts << QStringLiteral("session %1: %2").arg(s.id, what.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

// ---------------------------------------------------------------------------------------------
// AuditStore

// The writer thread: runs jobs in order, each on the one connection it owns.
class AuditStore::Worker
{
public:
    ~Worker()
    {
        m_jobs.post([this] { writer.close(); }); // on the thread that opened it
    }

    void post(std::function<void()> job) { m_jobs.post(std::move(job)); }
    template <typename F> auto call(F f) -> decltype(f()) { return m_jobs.call(std::move(f)); }

    // Group commit: batches flushed while the writer is busy wait in one inbox and are written
    // together, in one transaction, so a writer slower than the engine catches up instead of
    // holding the engine back one turn at a time. Returns true when a drain job must be posted.
    bool addToInbox(Internal::AuditBatch &&batch)
    {
        std::unique_lock lock(m_inboxMutex);
        m_inboxSpace.wait(lock, [this] { return m_inbox.size() < kMaxInboxRows; });
        m_inbox.append(std::move(batch));
        return !std::exchange(m_drainQueued, true);
    }

    // Writer-thread side.
    Internal::AuditWriter writer;
    Internal::AuditBatch takeInbox()
    {
        Internal::AuditBatch batch;
        {
            std::lock_guard lock(m_inboxMutex);
            std::swap(batch, m_inbox);
            m_drainQueued = false;
        }
        m_inboxSpace.notify_all();
        return batch;
    }
    void report(bool ok, const QString &error, const QSet<std::pair<QString, int>> &lost = {})
    {
        AuditStore::FailureHandler handler;
        {
            std::lock_guard lock(m_errorMutex);
            if (ok) {
                m_lastError.clear();
                return;
            }
            m_lastError = error;
            if (!lost.isEmpty() && m_losses.firstError.isEmpty())
                m_losses.firstError = error;
            m_losses.add(lost);
            ++m_failuresSinceSync;
            // A broken disk fails every turn: log the first failures, then one in a thousand.
            if (++m_failures <= 5 || m_failures % 1000 == 0)
                qCWarning(lcStore).noquote()
                    << error << QStringLiteral("(failure %1)").arg(m_failures);
            handler = m_failureHandler;
        }
        if (handler)
            handler(error);
    }

    QString lastError() const
    {
        std::lock_guard lock(m_errorMutex);
        return m_lastError;
    }

    AuditLosses losses() const
    {
        std::lock_guard lock(m_errorMutex);
        return m_losses;
    }

    void setFailureHandler(AuditStore::FailureHandler handler)
    {
        std::lock_guard lock(m_errorMutex);
        m_failureHandler = std::move(handler);
    }

    int takeFailuresSinceSync()
    {
        std::lock_guard lock(m_errorMutex);
        return std::exchange(m_failuresSinceSync, 0);
    }

    QString path;

private:
    static constexpr int kMaxInboxRows = 2048; // flush() waits beyond this (a stalled disk)
    std::mutex m_inboxMutex;
    std::condition_variable m_inboxSpace;
    Internal::AuditBatch m_inbox;
    bool m_drainQueued = false;
    mutable std::mutex m_errorMutex;
    QString m_lastError;
    AuditLosses m_losses;
    AuditStore::FailureHandler m_failureHandler;
    qint64 m_failures = 0;
    int m_failuresSinceSync = 0;
    Internal::JobThread m_jobs{kMaxQueuedBatches}; // last: started once everything above exists
};

AuditStore::AuditStore()
    : m_pending(std::make_unique<Internal::AuditBatch>())
{}

AuditStore::~AuditStore()
{
    close();
}

int AuditStore::schemaVersion()
{
    return Internal::storeSchemaVersion();
}

bool AuditStore::open(const QString &path, QString *error)
{
    close();
    auto worker = std::make_unique<Worker>();
    worker->setFailureHandler(m_failureHandler);
    m_losses = {};
    QString message;
    Worker *w = worker.get();
    if (!worker->call([w, &path, &message] { return w->writer.open(path, &message); })) {
        m_error = message;
        if (error)
            *error = message;
        return false;
    }
    worker->path = path;
    m_worker = std::move(worker);
    m_error.clear();
    return true;
}

void AuditStore::close()
{
    if (!m_worker)
        return;
    flush();
    m_worker->call([] { return true; });
    m_error = m_worker->lastError();
    m_losses = m_worker->losses();
    m_worker.reset(); // joins the thread, which closes its connection
}

bool AuditStore::isOpen() const
{
    return m_worker != nullptr;
}

QString AuditStore::path() const
{
    return m_worker ? m_worker->path : QString();
}

QString AuditStore::lastError() const
{
    return m_worker ? m_worker->lastError() : m_error;
}

AuditLosses AuditStore::losses() const
{
    return m_worker ? m_worker->losses() : m_losses;
}

void AuditStore::setFailureHandler(FailureHandler handler)
{
    m_failureHandler = handler;
    if (m_worker)
        m_worker->setFailureHandler(std::move(handler));
}

void AuditStore::beginSession(const QString &sessionId, const QString &ladderName,
                              const QJsonObject &ladderJson)
{
    m_pending->sessions.append(
        {sessionId, ladderName, ladderJson, QDateTime::currentMSecsSinceEpoch()});
    if (m_pending->size() >= kMaxPending)
        flush();
}

void AuditStore::recordEvent(const QString &sessionId, const Event &event)
{
    if (event.type == Event::Type::Delta && !m_recordDeltas)
        return;
    m_pending->events.append({sessionId, event, QDateTime::currentMSecsSinceEpoch()});
    if (m_pending->size() >= kMaxPending)
        flush();
}

void AuditStore::recordCall(const CallRecord &call)
{
    m_pending->calls.append({call, QDateTime::currentMSecsSinceEpoch()});
    if (m_pending->size() >= kMaxPending)
        flush();
}

void AuditStore::flush()
{
    if (m_pending->isEmpty())
        return;
    std::unique_ptr<Internal::AuditBatch> batch =
        std::exchange(m_pending, std::make_unique<Internal::AuditBatch>());
    if (!m_worker) {
        m_error = QStringLiteral("audit store: %1 rows written while no store file is open; "
                                 "dropped")
                      .arg(batch->size());
        qCWarning(lcStore).noquote() << m_error;
        if (m_losses.firstError.isEmpty())
            m_losses.firstError = m_error;
        m_losses.add(batch->turns());
        if (m_failureHandler)
            m_failureHandler(m_error);
        return;
    }
    if (!m_worker->addToInbox(std::move(*batch)))
        return; // the drain job already queued writes these rows too
    Worker *w = m_worker.get();
    m_worker->post([w] {
        QString error;
        QSet<std::pair<QString, int>> lost;
        const Internal::AuditBatch rows = w->takeInbox();
        const bool ok = w->writer.write(rows, &error, &lost);
        w->report(ok, error, lost);
    });
}

bool AuditStore::sync()
{
    flush();
    if (!m_worker)
        return m_error.isEmpty();
    m_worker->call([] { return true; });
    return m_worker->takeFailuresSinceSync() == 0;
}

bool AuditStore::runOnWriter(const std::function<bool(Internal::AuditWriter &, QString *)> &job)
{
    flush(); // what came before is written first
    if (!m_worker)
        return false;
    Worker *w = m_worker.get();
    return m_worker->call([&] {
        QString error;
        const bool ok = job(w->writer, &error);
        w->report(ok || error.isEmpty(), error);
        return ok;
    });
}

bool AuditStore::setSessionTitle(const QString &sessionId, const QString &title)
{
    return runOnWriter([&](Internal::AuditWriter &writer, QString *error) {
        return writer.setSessionTitle(sessionId, title, error);
    });
}

bool AuditStore::deleteSession(const QString &sessionId)
{
    // -1 is an error; 0 rows deleted is not, but the caller learns nothing was there.
    return runOnWriter([&](Internal::AuditWriter &writer, QString *error) {
        return writer.deleteSession(sessionId, error) > 0;
    });
}

bool AuditStore::recordPreference(const Preference &preference)
{
    return runOnWriter([&](Internal::AuditWriter &writer, QString *error) {
        return writer.recordPreference(preference, error);
    });
}

// ---------------------------------------------------------------------------------------------
// AuditReader

AuditReader::AuditReader() = default;

AuditReader::~AuditReader()
{
    close();
}

bool AuditReader::open(const QString &path, QString *error)
{
    QString message;
    if (m_db.open(path, Internal::storeMigrations(), Internal::SqliteDatabase::OpenMode::MustExist,
                  &message)) {
        m_lastError.clear();
        return true;
    }
    m_lastError = message;
    if (error)
        *error = message;
    return false;
}

void AuditReader::close()
{
    m_db.close();
}

bool AuditReader::isOpen() const
{
    return m_db.isOpen();
}

QList<SessionSummary> AuditReader::sessions()
{
    QList<SessionSummary> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT s.id, s.ladder_name, s.title, s.created_at, COUNT(c.id), "
                               "COALESCE(SUM(c.cost_usd), 0), COALESCE(MIN(c.cost_known), 1) "
                               "FROM sessions s LEFT JOIN calls c ON c.session_id = s.id "
                               "GROUP BY s.id ORDER BY s.created_at DESC, s.id"))) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot list sessions"), q.lastError());
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    fromMsecs(q.value(3)), q.value(4).toInt(), q.value(5).toDouble(),
                    q.value(6).toInt() != 0});
    m_lastError.clear();
    return out;
}

std::optional<QJsonObject> AuditReader::ladderJson(const QString &sessionId)
{
    if (!m_db.isOpen())
        return std::nullopt;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT ladder_json FROM sessions WHERE id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next()) {
        m_lastError =
            q.lastError().isValid()
                ? sqlError(m_db.path(), QStringLiteral("cannot read a session"), q.lastError())
                : m_db.path() + QStringLiteral(": no session %1").arg(sessionId);
        return std::nullopt;
    }
    QJsonDocument doc;
    if (!parseJson(q.value(0).toString(),
                   m_db.path() + QStringLiteral(": sessions[%1].ladder_json").arg(sessionId), &doc,
                   &m_lastError))
        return std::nullopt;
    m_lastError.clear();
    return doc.object();
}

QList<StoredEvent> AuditReader::events(const QString &sessionId)
{
    QList<StoredEvent> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT seq, turn, type, data_json, at FROM events WHERE session_id = ? ORDER BY seq"));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot read events"), q.lastError());
        return out;
    }
    m_lastError.clear();
    while (q.next()) {
        StoredEvent e;
        e.seq = q.value(0).toLongLong();
        e.event.turn = q.value(1).toInt();
        const QString where =
            m_db.path() + QStringLiteral(": events[%1/%2]").arg(sessionId).arg(e.seq);
        const std::optional<Event::Type> type = Event::typeFromName(q.value(2).toString());
        QJsonDocument doc;
        if (!type) {
            m_lastError =
                where +
                QStringLiteral(".type: unknown event type \"%1\"").arg(q.value(2).toString());
            continue; // skipped, the rest is still readable
        }
        if (!parseJson(q.value(3).toString(), where + QStringLiteral(".data_json"), &doc,
                       &m_lastError))
            continue;
        e.event.type = *type;
        e.event.data = doc.object();
        e.at = fromMsecs(q.value(4));
        out.append(e);
    }
    return out;
}

namespace {

// One row of queryCalls()'s SELECT; null (with the error) when a JSON column does not parse.
std::optional<StoredCall> callOfRow(const QSqlQuery &q, const QString &dbPath, bool withRequest,
                                    QString *error)
{
    StoredCall c;
    c.id = q.value(0).toLongLong();
    c.sessionId = q.value(1).toString();
    c.turn = q.value(2).toInt();
    c.attempt = q.value(3).toInt();
    c.tierId = q.value(4).toString();
    c.provider = q.value(5).toString();
    c.model = q.value(6).toString();
    ChatResult &r = c.result;
    r.text = q.value(7).toString();
    const QString where = dbPath + QStringLiteral(": calls[%1]").arg(c.id);
    QJsonDocument toolCalls;
    QJsonDocument raw;
    if (!parseJson(q.value(8).toString(), where + QStringLiteral(".tool_calls_json"), &toolCalls,
                   error) ||
        !parseJson(q.value(10).toString(), where + QStringLiteral(".raw_json"), &raw, error))
        return std::nullopt;
    std::optional<QList<ToolCall>> calls =
        toolCallsFromJson(toolCalls.array(), where + QStringLiteral(".tool_calls_json"), error);
    if (!calls)
        return std::nullopt;
    r.toolCalls = *calls;
    r.finishReason = q.value(9).toString();
    r.raw = raw.object();
    r.usage.inputTokens = q.value(11).toLongLong();
    r.usage.cachedTokens = q.value(12).toLongLong();
    r.usage.outputTokens = q.value(13).toLongLong();
    r.usage.estimated = q.value(14).toInt() != 0;
    c.costUsd = q.value(15).toDouble();
    r.ttftMs = q.value(16).toDouble();
    r.latencyMs = q.value(17).toDouble();
    c.status = q.value(18).toString();
    r.httpStatus = q.value(20).toInt();
    if (c.status != kOk) {
        ProviderError e;
        e.kind = failureKindFromString(c.status).value_or(FailureKind::Protocol);
        e.message = q.value(19).toString();
        e.httpStatus = q.value(20).toInt();
        e.retryAfterMs = q.value(21).toLongLong();
        r.error = e;
    }
    r.cached = q.value(22).toInt() != 0;
    r.simulated = q.value(23).toInt() != 0;
    c.startedAt = fromMsecs(q.value(24));
    c.costKnown = q.value(25).toInt() != 0;
    if (withRequest) {
        QJsonDocument request;
        if (!parseJson(q.value(26).toString(), where + QStringLiteral(".request_json"), &request,
                       error))
            return std::nullopt;
        c.request = request.object();
    }
    return c;
}

} // namespace

QList<StoredCall> AuditReader::queryCalls(const QString &where, const QVariantList &values,
                                          bool withRequest)
{
    QList<StoredCall> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral(
            "SELECT id, session_id, turn, attempt, tier, provider, model, response_text, "
            "tool_calls_json, finish_reason, raw_json, input_tokens, cached_tokens, "
            "output_tokens, usage_estimated, cost_usd, ttft_ms, latency_ms, status, "
            "error_message, http_status, retry_after_ms, cached, simulated, started_at, "
            "cost_known, %1 "
            "FROM calls WHERE %2 ORDER BY session_id, turn, attempt, id")
            .arg(withRequest ? QStringLiteral("request_json") : QStringLiteral("NULL"), where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot read calls"), q.lastError());
        return out;
    }
    m_lastError.clear();
    while (q.next()) {
        QString error;
        if (std::optional<StoredCall> c = callOfRow(q, m_db.path(), withRequest, &error))
            out.append(*c);
        else
            m_lastError = error;
    }
    return out;
}

QList<StoredCall> AuditReader::calls(const QString &sessionId, const CallFilter &filter)
{
    QString where = QStringLiteral("session_id = ?");
    QVariantList values{sessionId};
    auto add = [&](const char *column, const QVariant &value) {
        where += QStringLiteral(" AND ") + QLatin1String(column) + QStringLiteral(" = ?");
        values.append(value);
    };
    if (!filter.tierId.isEmpty())
        add("tier", filter.tierId);
    if (!filter.model.isEmpty())
        add("model", filter.model);
    if (!filter.status.isEmpty())
        add("status", filter.status);
    if (filter.turn)
        add("turn", *filter.turn);
    return queryCalls(where, values, false);
}

std::optional<StoredCall> AuditReader::call(qint64 callId)
{
    const QList<StoredCall> found = queryCalls(QStringLiteral("id = ?"), {callId}, true);
    if (found.isEmpty()) {
        if (m_lastError.isEmpty())
            m_lastError = m_db.path() + QStringLiteral(": no call %1").arg(callId);
        return std::nullopt;
    }
    return found.first();
}

SessionTotals AuditReader::totals(const QString &sessionId)
{
    SessionTotals t;
    if (!m_db.isOpen())
        return t;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT COUNT(*), COALESCE(SUM(status <> 'ok'), 0), COALESCE(SUM(cached), 0), "
        "COALESCE(SUM(cost_usd), 0), COALESCE(SUM(input_tokens), 0), "
        "COALESCE(SUM(cached_tokens), 0), COALESCE(SUM(output_tokens), 0), "
        "COALESCE(MAX(usage_estimated), 0), AVG(CASE WHEN status = 'ok' THEN latency_ms END), "
        "COALESCE(MIN(cost_known), 1) FROM calls WHERE session_id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot total calls"), q.lastError());
        return t;
    }
    t.calls = q.value(0).toInt();
    t.failedCalls = q.value(1).toInt();
    t.cachedCalls = q.value(2).toInt();
    t.costUsd = q.value(3).toDouble();
    t.usage.inputTokens = q.value(4).toLongLong();
    t.usage.cachedTokens = q.value(5).toLongLong();
    t.usage.outputTokens = q.value(6).toLongLong();
    t.usage.estimated = q.value(7).toInt() != 0;
    t.meanLatencyMs = q.value(8).isNull() ? 0 : q.value(8).toDouble();
    t.costKnown = q.value(9).toInt() != 0;
    q.finish();
    q.prepare(QStringLiteral("SELECT type, COUNT(*) FROM events WHERE session_id = ? AND type IN "
                             "('escalated', 'fallback', 'turn_completed', 'turn_failed') "
                             "GROUP BY type"));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot count events"), q.lastError());
        return t;
    }
    while (q.next()) {
        const std::optional<Event::Type> type = Event::typeFromName(q.value(0).toString());
        const int n = q.value(1).toInt();
        if (type == Event::Type::Escalated)
            t.escalations = n;
        else if (type == Event::Type::Fallback)
            t.fallbacks = n;
        else if (type == Event::Type::TurnCompleted)
            t.turnsCompleted = n;
        else if (type == Event::Type::TurnFailed)
            t.turnsFailed = n;
    }
    m_lastError.clear();
    return t;
}

QList<Preference> AuditReader::preferences(const QString &comparisonId)
{
    QList<Preference> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT comparison_id, turn, chosen_label, ladder, created_at FROM "
                             "preferences WHERE comparison_id = ? ORDER BY turn, id"));
    q.addBindValue(comparisonId);
    if (!q.exec()) {
        m_lastError =
            sqlError(m_db.path(), QStringLiteral("cannot read preferences"), q.lastError());
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                    q.value(3).toString(), fromMsecs(q.value(4))});
    m_lastError.clear();
    return out;
}

QJsonObject AuditReader::callToJson(const StoredCall &call)
{
    return QJsonObject{
        {QStringLiteral("id"), call.id},
        {QStringLiteral("session_id"), call.sessionId},
        {QStringLiteral("turn"), call.turn},
        {QStringLiteral("attempt"), call.attempt},
        {QStringLiteral("tier"), call.tierId},
        {QStringLiteral("provider"), call.provider},
        {QStringLiteral("model"), call.model},
        {QStringLiteral("status"), call.status},
        {QStringLiteral("cost_usd"), call.costKnown ? QJsonValue(call.costUsd) : QJsonValue()},
        {QStringLiteral("cost_known"), call.costKnown},
        {QStringLiteral("started_at"), call.startedAt.isValid()
                                           ? call.startedAt.toString(Qt::ISODateWithMs)
                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("request"), call.request},
        {QStringLiteral("response"), chatResultToJson(call.result)},
    };
}

bool AuditReader::exportCallsJsonl(const QString &sessionId, QIODevice *out, QString *error)
{
    auto failWith = [&](const QString &message) {
        m_lastError = message;
        if (error)
            *error = message;
        return false;
    };
    if (!m_db.isOpen())
        return failWith(QStringLiteral("export: no store file is open"));
    if (!out || !out->isWritable())
        return failWith(QStringLiteral("export: the output is not open for writing"));
    const QList<StoredCall> rows = queryCalls(QStringLiteral("session_id = ?"), {sessionId}, true);
    if (!m_lastError.isEmpty())
        return failWith(m_lastError);
    for (const StoredCall &c : rows) {
        QByteArray line = QJsonDocument(callToJson(c)).toJson(QJsonDocument::Compact);
        line.append('\n');
        if (out->write(line) != line.size())
            return failWith(QStringLiteral("export: cannot write: %1").arg(out->errorString()));
    }
    return true;
}

} // namespace ladder
