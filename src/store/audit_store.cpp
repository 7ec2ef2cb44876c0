#include "audit_store.h"

#include "chat_json.h"

#include <QJsonDocument>
#include <QSqlError>

namespace ladder {

using Internal::sqlError;

namespace {

QString compact(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QVariant text(const QString &s) {
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant msecs(const QDateTime &at) {
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch())
                        : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromMsecs(const QVariant &value) {
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::unique_ptr<QSqlQuery> prepared(const QSqlDatabase &db, const QString &sql, QString *error,
                                    const QString &path) {
    auto q = std::make_unique<QSqlQuery>(db);
    if (!q->prepare(sql)) {
        *error = sqlError(path, QStringLiteral("cannot prepare \"%1\"").arg(sql), q->lastError());
        return nullptr;
    }
    return q;
}

bool parseJson(const QString &text, const QString &path, QJsonDocument *doc, QString *error) {
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
// AuditStore

AuditStore::AuditStore() = default;

AuditStore::~AuditStore() {
    close();
}

int AuditStore::schemaVersion() {
    return Internal::storeSchemaVersion();
}

bool AuditStore::open(const QString &path, QString *error) {
    close();
    QString message;
    if (m_db.open(path, Internal::storeMigrations(),
                  Internal::SqliteDatabase::OpenMode::CreateIfMissing, &message) &&
        prepareStatements(&message)) {
        m_lastError.clear();
        return true;
    }
    clearStatements();
    m_db.close();
    m_lastError = message;
    if (error)
        *error = message;
    return false;
}

bool AuditStore::prepareStatements(QString *error) {
    const QSqlDatabase db = m_db.database();
    const QString &p = m_db.path();
    m_begin = prepared(db, QStringLiteral("BEGIN IMMEDIATE"), error, p);
    m_commit = m_begin ? prepared(db, QStringLiteral("COMMIT"), error, p) : nullptr;
    m_rollback = m_commit ? prepared(db, QStringLiteral("ROLLBACK"), error, p) : nullptr;
    m_upsertSession =
        m_rollback ? prepared(db,
                              QStringLiteral("INSERT INTO sessions (id, ladder_name, ladder_json, "
                                             "title, created_at) VALUES (?, ?, ?, '', ?) "
                                             "ON CONFLICT (id) DO UPDATE SET "
                                             "ladder_name = excluded.ladder_name, "
                                             "ladder_json = excluded.ladder_json"),
                              error, p)
                   : nullptr;
    m_ensureSession =
        m_upsertSession
            ? prepared(
                  db,
                  QStringLiteral("INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)"),
                  error, p)
            : nullptr;
    m_maxSeq = m_ensureSession ? prepared(db,
                                          QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events "
                                                         "WHERE session_id = ?"),
                                          error, p)
                               : nullptr;
    m_insertEvent = m_maxSeq ? prepared(db,
                                        QStringLiteral("INSERT INTO events (session_id, seq, turn, "
                                                       "type, data_json, at) "
                                                       "VALUES (?, ?, ?, ?, ?, ?)"),
                                        error, p)
                             : nullptr;
    m_insertCall =
        m_insertEvent
            ? prepared(db,
                       QStringLiteral(
                           "INSERT INTO calls (session_id, turn, attempt, tier, provider, model, "
                           "request_json, response_text, tool_calls_json, finish_reason, raw_json, "
                           "input_tokens, cached_tokens, output_tokens, usage_estimated, cost_usd, "
                           "ttft_ms, latency_ms, status, error_message, http_status, "
                           "retry_after_ms, cached, simulated, started_at) VALUES (?, ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       error, p)
            : nullptr;
    return m_insertCall != nullptr;
}

void AuditStore::clearStatements() {
    m_begin.reset();
    m_commit.reset();
    m_rollback.reset();
    m_upsertSession.reset();
    m_ensureSession.reset();
    m_maxSeq.reset();
    m_insertEvent.reset();
    m_insertCall.reset();
}

void AuditStore::close() {
    if (m_db.isOpen())
        flush();
    clearStatements();
    m_db.close();
    m_pendingSessions.clear();
    m_pendingEvents.clear();
    m_pendingCalls.clear();
    m_knownSessions.clear();
    m_lastSeq.clear();
}

bool AuditStore::isOpen() const {
    return m_db.isOpen();
}

QString AuditStore::path() const {
    return m_db.path();
}

int AuditStore::pendingCount() const {
    return int(m_pendingSessions.size() + m_pendingEvents.size() + m_pendingCalls.size());
}

void AuditStore::fail(const QString &message) {
    // A broken disk fails every turn: log the first failures, then one in a thousand.
    m_lastError = message;
    ++m_failures;
    if (m_failures <= 5 || m_failures % 1000 == 0)
        qCWarning(lcStore).noquote() << message << QStringLiteral("(failure %1)").arg(m_failures);
}

void AuditStore::beginSession(const QString &sessionId, const QString &ladderName,
                              const QJsonObject &ladderJson) {
    m_pendingSessions.append(
        {sessionId, ladderName, ladderJson, QDateTime::currentMSecsSinceEpoch()});
    if (pendingCount() >= kMaxPending)
        flush();
}

void AuditStore::recordEvent(const QString &sessionId, const Event &event) {
    if (event.type == Event::Type::Delta && !m_recordDeltas)
        return;
    m_pendingEvents.append({sessionId, event, QDateTime::currentMSecsSinceEpoch()});
    if (pendingCount() >= kMaxPending)
        flush();
}

void AuditStore::recordCall(const CallRecord &call) {
    m_pendingCalls.append({call, QDateTime::currentMSecsSinceEpoch()});
    if (pendingCount() >= kMaxPending)
        flush();
}

void AuditStore::flush() {
    if (pendingCount() == 0)
        return;
    if (!m_db.isOpen()) {
        fail(QStringLiteral("audit store: %1 rows written while no store file is open; dropped")
                 .arg(pendingCount()));
        m_pendingSessions.clear();
        m_pendingEvents.clear();
        m_pendingCalls.clear();
        return;
    }
    if (!m_begin->exec()) {
        // Busy beyond the timeout: keep the batch for the next flush, within reason.
        fail(sqlError(m_db.path(), QStringLiteral("cannot start a write transaction"),
                      m_begin->lastError()));
        if (pendingCount() >= kMaxPending) {
            m_pendingSessions.clear();
            m_pendingEvents.clear();
            m_pendingCalls.clear();
        }
        return;
    }
    QString error;
    const bool written = writePending(&error);
    m_pendingSessions.clear();
    m_pendingEvents.clear();
    m_pendingCalls.clear();
    if (!m_commit->exec()) {
        const QString message = sqlError(m_db.path(),
                                         QStringLiteral("cannot commit the audit "
                                                        "rows of this turn"),
                                         m_commit->lastError());
        m_rollback->exec();
        m_knownSessions.clear();
        m_lastSeq.clear();
        fail(message);
        return;
    }
    if (!written)
        fail(error);
    else
        m_lastError.clear();
}

bool AuditStore::ensureSession(const QString &sessionId, qint64 at, QString *error) {
    if (m_knownSessions.contains(sessionId))
        return true;
    m_ensureSession->bindValue(0, text(sessionId));
    m_ensureSession->bindValue(1, at);
    if (!m_ensureSession->exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot add session %1").arg(sessionId),
                          m_ensureSession->lastError());
        return false;
    }
    m_knownSessions.insert(sessionId);
    return true;
}

std::optional<int> AuditStore::nextSeq(const QString &sessionId, QString *error) {
    auto it = m_lastSeq.find(sessionId);
    if (it == m_lastSeq.end()) {
        m_maxSeq->bindValue(0, text(sessionId));
        if (!m_maxSeq->exec() || !m_maxSeq->next()) {
            *error = sqlError(m_db.path(),
                              QStringLiteral("cannot read the events of session %1").arg(sessionId),
                              m_maxSeq->lastError());
            m_maxSeq->finish();
            return std::nullopt;
        }
        const int last = m_maxSeq->value(0).toInt();
        m_maxSeq->finish();
        it = m_lastSeq.insert(sessionId, last);
    }
    return ++it.value();
}

bool AuditStore::writePending(QString *error) {
    // A failed row is reported and skipped; the other rows of the batch are still written.
    bool ok = true;
    auto failRow = [&](const QString &message) {
        if (ok)
            *error = message;
        ok = false;
    };
    for (const PendingSession &s : std::as_const(m_pendingSessions)) {
        m_upsertSession->bindValue(0, text(s.id));
        m_upsertSession->bindValue(1, text(s.ladderName));
        m_upsertSession->bindValue(2, compact(redactSecrets(s.ladderJson)));
        m_upsertSession->bindValue(3, s.at);
        if (m_upsertSession->exec())
            m_knownSessions.insert(s.id);
        else
            failRow(sqlError(m_db.path(), QStringLiteral("cannot write session %1").arg(s.id),
                             m_upsertSession->lastError()));
    }
    for (const PendingEvent &e : std::as_const(m_pendingEvents)) {
        QString rowError;
        if (!ensureSession(e.sessionId, e.at, &rowError)) {
            failRow(rowError);
            continue;
        }
        const std::optional<int> seq = nextSeq(e.sessionId, &rowError);
        if (!seq) {
            failRow(rowError);
            continue;
        }
        m_insertEvent->bindValue(0, text(e.sessionId));
        m_insertEvent->bindValue(1, *seq);
        m_insertEvent->bindValue(2, e.event.turn);
        m_insertEvent->bindValue(3, Event::typeName(e.event.type));
        m_insertEvent->bindValue(4, compact(redactSecrets(e.event.data)));
        m_insertEvent->bindValue(5, e.at);
        if (!m_insertEvent->exec())
            failRow(sqlError(m_db.path(),
                             QStringLiteral("cannot write event %1 of session %2")
                                 .arg(Event::typeName(e.event.type), e.sessionId),
                             m_insertEvent->lastError()));
    }
    for (const PendingCall &p : std::as_const(m_pendingCalls)) {
        const CallRecord &c = p.call;
        const ChatResult &r = c.result;
        QString rowError;
        if (!ensureSession(c.sessionId, p.at, &rowError)) {
            failRow(rowError);
            continue;
        }
        QSqlQuery &q = *m_insertCall;
        q.bindValue(0, text(c.sessionId));
        q.bindValue(1, c.turn);
        q.bindValue(2, c.attempt);
        q.bindValue(3, text(c.tierId.isEmpty() ? c.request.tierId : c.tierId));
        q.bindValue(4, text(c.provider.isEmpty() ? c.request.provider : c.provider));
        q.bindValue(5, text(c.model.isEmpty() ? c.request.model : c.model));
        q.bindValue(6, compact(redactSecrets(c.request.toJson())));
        q.bindValue(7, text(r.text));
        q.bindValue(8, compact(redactSecrets(toolCallsToJson(r.toolCalls))));
        q.bindValue(9, text(r.finishReason));
        q.bindValue(10, compact(redactSecrets(r.raw)));
        q.bindValue(11, r.usage.inputTokens);
        q.bindValue(12, r.usage.cachedTokens);
        q.bindValue(13, r.usage.outputTokens);
        q.bindValue(14, int(r.usage.estimated));
        q.bindValue(15, c.costUsd);
        q.bindValue(16, r.ttftMs);
        q.bindValue(17, r.latencyMs);
        q.bindValue(18, r.error ? toString(r.error->kind) : kOk);
        q.bindValue(19, text(r.error ? r.error->message : QString()));
        q.bindValue(20, r.error ? r.error->httpStatus : 0);
        q.bindValue(21, r.error ? r.error->retryAfterMs : qint64(-1));
        q.bindValue(22, int(r.cached));
        q.bindValue(23, int(r.simulated));
        q.bindValue(24, msecs(c.startedAt));
        if (!q.exec())
            failRow(sqlError(m_db.path(),
                             QStringLiteral("cannot write call (turn %1, attempt %2) of session %3")
                                 .arg(c.turn)
                                 .arg(c.attempt)
                                 .arg(c.sessionId),
                             q.lastError()));
    }
    return ok;
}

bool AuditStore::setSessionTitle(const QString &sessionId, const QString &title) {
    flush();
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE sessions SET title = ? WHERE id = ?"));
    q.addBindValue(text(title));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        fail(sqlError(m_db.path(), QStringLiteral("cannot rename session %1").arg(sessionId),
                      q.lastError()));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        fail(m_db.path() + QStringLiteral(": no session %1").arg(sessionId));
        return false;
    }
    return true;
}

bool AuditStore::deleteSession(const QString &sessionId) {
    flush();
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        fail(sqlError(m_db.path(), QStringLiteral("cannot delete session %1").arg(sessionId),
                      q.lastError()));
        return false;
    }
    m_knownSessions.remove(sessionId);
    m_lastSeq.remove(sessionId);
    return q.numRowsAffected() > 0;
}

bool AuditStore::recordPreference(const Preference &preference) {
    flush();
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO preferences (comparison_id, turn, chosen_label, ladder, "
                             "created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(text(preference.comparisonId));
    q.addBindValue(preference.turn);
    q.addBindValue(text(preference.chosenLabel));
    q.addBindValue(text(preference.ladder));
    q.addBindValue(preference.createdAt.isValid() ? preference.createdAt.toMSecsSinceEpoch()
                                                  : QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        fail(sqlError(m_db.path(), QStringLiteral("cannot record a preference"), q.lastError()));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// AuditReader

AuditReader::AuditReader() = default;

AuditReader::~AuditReader() {
    close();
}

bool AuditReader::open(const QString &path, QString *error) {
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

void AuditReader::close() {
    m_db.close();
}

bool AuditReader::isOpen() const {
    return m_db.isOpen();
}

QList<SessionSummary> AuditReader::sessions() {
    QList<SessionSummary> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT s.id, s.ladder_name, s.title, s.created_at, COUNT(c.id), "
            "COALESCE(SUM(c.cost_usd), 0) FROM sessions s LEFT JOIN calls c ON c.session_id = s.id "
            "GROUP BY s.id ORDER BY s.created_at DESC, s.id"))) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot list sessions"), q.lastError());
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    fromMsecs(q.value(3)), q.value(4).toInt(), q.value(5).toDouble()});
    m_lastError.clear();
    return out;
}

std::optional<QJsonObject> AuditReader::ladderJson(const QString &sessionId) {
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

QList<StoredEvent> AuditReader::events(const QString &sessionId) {
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

QList<StoredCall> AuditReader::queryCalls(const QString &where, const QVariantList &values,
                                          bool withRequest) {
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
            "error_message, http_status, retry_after_ms, cached, simulated, started_at, %1 "
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
        const QString where = m_db.path() + QStringLiteral(": calls[%1]").arg(c.id);
        QJsonDocument toolCalls;
        QJsonDocument raw;
        QString error;
        if (!parseJson(q.value(8).toString(), where + QStringLiteral(".tool_calls_json"),
                       &toolCalls, &error) ||
            !parseJson(q.value(10).toString(), where + QStringLiteral(".raw_json"), &raw, &error)) {
            m_lastError = error;
            continue;
        }
        std::optional<QList<ToolCall>> calls = toolCallsFromJson(
            toolCalls.array(), where + QStringLiteral(".tool_calls_json"), &error);
        if (!calls) {
            m_lastError = error;
            continue;
        }
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
        if (withRequest) {
            QJsonDocument request;
            if (!parseJson(q.value(25).toString(), where + QStringLiteral(".request_json"),
                           &request, &error)) {
                m_lastError = error;
                continue;
            }
            c.request = request.object();
        }
        out.append(c);
    }
    return out;
}

QList<StoredCall> AuditReader::calls(const QString &sessionId, const CallFilter &filter) {
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

std::optional<StoredCall> AuditReader::call(qint64 callId) {
    const QList<StoredCall> found = queryCalls(QStringLiteral("id = ?"), {callId}, true);
    if (found.isEmpty()) {
        if (m_lastError.isEmpty())
            m_lastError = m_db.path() + QStringLiteral(": no call %1").arg(callId);
        return std::nullopt;
    }
    return found.first();
}

SessionTotals AuditReader::totals(const QString &sessionId) {
    SessionTotals t;
    if (!m_db.isOpen())
        return t;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT COUNT(*), COALESCE(SUM(status <> 'ok'), 0), COALESCE(SUM(cached), 0), "
        "COALESCE(SUM(cost_usd), 0), COALESCE(SUM(input_tokens), 0), "
        "COALESCE(SUM(cached_tokens), 0), COALESCE(SUM(output_tokens), 0), "
        "COALESCE(MAX(usage_estimated), 0), AVG(CASE WHEN status = 'ok' THEN latency_ms END) "
        "FROM calls WHERE session_id = ?"));
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

QList<Preference> AuditReader::preferences(const QString &comparisonId) {
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

QJsonObject AuditReader::callToJson(const StoredCall &call) {
    return QJsonObject{
        {QStringLiteral("id"), call.id},
        {QStringLiteral("session_id"), call.sessionId},
        {QStringLiteral("turn"), call.turn},
        {QStringLiteral("attempt"), call.attempt},
        {QStringLiteral("tier"), call.tierId},
        {QStringLiteral("provider"), call.provider},
        {QStringLiteral("model"), call.model},
        {QStringLiteral("status"), call.status},
        {QStringLiteral("cost_usd"), call.costUsd},
        {QStringLiteral("started_at"), call.startedAt.isValid()
                                           ? call.startedAt.toString(Qt::ISODateWithMs)
                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("request"), call.request},
        {QStringLiteral("response"), chatResultToJson(call.result)},
    };
}

bool AuditReader::exportCallsJsonl(const QString &sessionId, QIODevice *out, QString *error) {
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
