#include "audit_writer.h"

#include "audit_store.h"
#include "chat_json.h"
#include "prepared_statements.h"

#include <QJsonDocument>
#include <QSqlError>

namespace ladder::Internal {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant msecs(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch())
                        : QVariant(QMetaType(QMetaType::LongLong));
}

const QString kOk = QStringLiteral("ok");

} // namespace

QVariant sqlText(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QDateTime fromMsecs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

AuditWriter::~AuditWriter()
{
    close();
}

bool AuditWriter::open(const QString &path, QString *error)
{
    close();
    QString message;
    if (m_db.open(path, storeMigrations(), SqliteDatabase::OpenMode::CreateIfMissing, &message) &&
        prepareStatements(&message))
        return true;
    close();
    if (error)
        *error = message;
    return false;
}

void AuditWriter::close()
{
    clearStatements();
    m_db.close();
    m_knownSessions.clear();
    m_lastSeq.clear();
}

bool AuditWriter::prepareStatements(QString *error)
{
    return Internal::prepareStatements(
        m_db,
        {
            {&m_begin, QStringLiteral("BEGIN IMMEDIATE")},
            {&m_commit, QStringLiteral("COMMIT")},
            {&m_rollback, QStringLiteral("ROLLBACK")},
            {&m_upsertSession,
             QStringLiteral(
                 "INSERT INTO sessions (id, ladder_name, ladder_json, title, created_at) "
                 "VALUES (?, ?, ?, '', ?) ON CONFLICT (id) DO UPDATE SET "
                 "ladder_name = excluded.ladder_name, ladder_json = excluded.ladder_json")},
            {&m_ensureSession,
             QStringLiteral("INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)")},
            {&m_maxSeq,
             QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = ?")},
            {&m_insertEvent, QStringLiteral("INSERT INTO events (session_id, seq, turn, type, "
                                            "data_json, at) VALUES (?, ?, ?, ?, ?, ?)")},
            {&m_insertCall,
             QStringLiteral(
                 "INSERT INTO calls (session_id, turn, attempt, tier, provider, model, "
                 "request_json, response_text, tool_calls_json, finish_reason, raw_json, "
                 "input_tokens, cached_tokens, output_tokens, usage_estimated, cost_usd, "
                 "ttft_ms, latency_ms, status, error_message, http_status, retry_after_ms, "
                 "cached, simulated, started_at, cost_known) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        },
        error);
}

void AuditWriter::clearStatements()
{
    m_begin.reset();
    m_commit.reset();
    m_rollback.reset();
    m_upsertSession.reset();
    m_ensureSession.reset();
    m_maxSeq.reset();
    m_insertEvent.reset();
    m_insertCall.reset();
}

QSet<std::pair<QString, int>> AuditBatch::turns() const
{
    QSet<std::pair<QString, int>> out;
    for (const Session &s : sessions)
        out.insert({s.id, 0});
    for (const EventRow &e : events)
        out.insert({e.sessionId, e.event.turn});
    for (const CallRow &c : calls)
        out.insert({c.call.sessionId, c.call.turn});
    return out;
}

bool AuditWriter::write(const AuditBatch &batch, QString *error,
                        QSet<std::pair<QString, int>> *lost)
{
    if (batch.isEmpty())
        return true;
    auto loseAll = [&] {
        if (lost)
            *lost = batch.turns();
        return false;
    };
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: %1 rows written while no store file is open; "
                                "dropped")
                     .arg(batch.size());
        return loseAll();
    }
    if (!m_begin->exec()) {
        *error = sqlError(m_db.path(),
                          QStringLiteral("cannot start a write transaction; %1 audit rows dropped")
                              .arg(batch.size()),
                          m_begin->lastError());
        return loseAll();
    }
    // Inside the write lock the file is current: other writers (other stores on this file) may
    // have added events or deleted sessions since the last batch, so nothing cached survives it.
    m_knownSessions.clear();
    m_lastSeq.clear();
    QString rowError;
    QSet<std::pair<QString, int>> lostRows;
    const bool written = writeRows(batch, &rowError, &lostRows);
    if (!m_commit->exec()) {
        *error =
            sqlError(m_db.path(), QStringLiteral("cannot commit %1 audit rows").arg(batch.size()),
                     m_commit->lastError());
        m_rollback->exec();
        return loseAll();
    }
    if (lost)
        *lost = lostRows;
    if (!written)
        *error = rowError;
    return written;
}

bool AuditWriter::ensureSession(const QString &sessionId, qint64 at, QString *error)
{
    if (m_knownSessions.contains(sessionId))
        return true;
    m_ensureSession->bindValue(0, sqlText(sessionId));
    m_ensureSession->bindValue(1, at);
    if (!m_ensureSession->exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot add session %1").arg(sessionId),
                          m_ensureSession->lastError());
        return false;
    }
    m_knownSessions.insert(sessionId);
    return true;
}

std::optional<int> AuditWriter::nextSeq(const QString &sessionId, QString *error)
{
    auto it = m_lastSeq.find(sessionId);
    if (it == m_lastSeq.end()) {
        m_maxSeq->bindValue(0, sqlText(sessionId));
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

bool AuditWriter::writeRows(const AuditBatch &batch, QString *error,
                            QSet<std::pair<QString, int>> *lost)
{
    bool ok = true;
    QString rowError;
    auto failRow = [&](const QString &sessionId, int turn) {
        if (ok)
            *error = rowError;
        ok = false;
        lost->insert({sessionId, turn});
    };
    for (const AuditBatch::Session &s : batch.sessions) {
        if (!writeSession(s, &rowError))
            failRow(s.id, 0);
    }
    for (const AuditBatch::EventRow &e : batch.events) {
        if (!writeEvent(e, &rowError))
            failRow(e.sessionId, e.event.turn);
    }
    for (const AuditBatch::CallRow &row : batch.calls) {
        if (!writeCall(row, &rowError))
            failRow(row.call.sessionId, row.call.turn);
    }
    return ok;
}

bool AuditWriter::writeSession(const AuditBatch::Session &s, QString *error)
{
    m_upsertSession->bindValue(0, sqlText(s.id));
    m_upsertSession->bindValue(1, sqlText(s.ladderName));
    m_upsertSession->bindValue(2, compact(redactSecrets(s.ladderJson)));
    m_upsertSession->bindValue(3, s.at);
    if (!m_upsertSession->exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot write session %1").arg(s.id),
                          m_upsertSession->lastError());
        return false;
    }
    m_knownSessions.insert(s.id);
    return true;
}

bool AuditWriter::writeEvent(const AuditBatch::EventRow &e, QString *error)
{
    if (!ensureSession(e.sessionId, e.at, error))
        return false;
    const std::optional<int> seq = nextSeq(e.sessionId, error);
    if (!seq)
        return false;
    QSqlQuery &q = *m_insertEvent;
    q.bindValue(0, sqlText(e.sessionId));
    q.bindValue(1, *seq);
    q.bindValue(2, e.event.turn);
    q.bindValue(3, Event::typeName(e.event.type));
    q.bindValue(4, compact(redactSecrets(e.event.data)));
    q.bindValue(5, e.at);
    if (!q.exec()) {
        *error = sqlError(m_db.path(),
                          QStringLiteral("cannot write event %1 of session %2")
                              .arg(Event::typeName(e.event.type), e.sessionId),
                          q.lastError());
        return false;
    }
    return true;
}

bool AuditWriter::writeCall(const AuditBatch::CallRow &row, QString *error)
{
    const CallRecord &c = row.call;
    const ChatResult &r = c.result;
    if (!ensureSession(c.sessionId, row.at, error))
        return false;
    // The columns of m_insertCall, in order.
    QSqlQuery &q = *m_insertCall;
    q.bindValue(0, sqlText(c.sessionId));
    q.bindValue(1, c.turn);
    q.bindValue(2, c.attempt);
    q.bindValue(3, sqlText(c.tierId.isEmpty() ? c.request.tierId : c.tierId));
    q.bindValue(4, sqlText(c.provider.isEmpty() ? c.request.provider : c.provider));
    q.bindValue(5, sqlText(c.model.isEmpty() ? c.request.model : c.model));
    q.bindValue(6, compact(redactSecrets(c.request.toJson())));
    q.bindValue(7, sqlText(r.text));
    q.bindValue(8, compact(redactSecrets(toolCallsToJson(r.toolCalls))));
    q.bindValue(9, sqlText(r.finishReason));
    q.bindValue(10, compact(redactSecrets(r.raw)));
    q.bindValue(11, r.usage.inputTokens);
    q.bindValue(12, r.usage.cachedTokens);
    q.bindValue(13, r.usage.outputTokens);
    q.bindValue(14, int(r.usage.estimated));
    q.bindValue(15, c.costUsd);
    q.bindValue(16, r.ttftMs);
    q.bindValue(17, r.latencyMs);
    q.bindValue(18, r.error ? toString(r.error->kind) : kOk);
    q.bindValue(19, sqlText(r.error ? r.error->message : QString()));
    q.bindValue(20, r.error && r.error->httpStatus ? r.error->httpStatus : r.httpStatus);
    q.bindValue(21, r.error ? r.error->retryAfterMs : qint64(-1));
    q.bindValue(22, int(r.cached));
    q.bindValue(23, int(r.simulated));
    q.bindValue(24, msecs(c.startedAt));
    q.bindValue(25, int(c.costKnown));
    if (!q.exec()) {
        *error = sqlError(m_db.path(),
                          QStringLiteral("cannot write call (turn %1, attempt %2) of session %3")
                              .arg(c.turn)
                              .arg(c.attempt)
                              .arg(c.sessionId),
                          q.lastError());
        return false;
    }
    return true;
}

bool AuditWriter::setSessionTitle(const QString &sessionId, const QString &title, QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: no store file is open");
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE sessions SET title = ? WHERE id = ?"));
    q.addBindValue(sqlText(title));
    q.addBindValue(sqlText(sessionId));
    if (!q.exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot rename session %1").arg(sessionId),
                          q.lastError());
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error = m_db.path() + QStringLiteral(": no session %1").arg(sessionId);
        return false;
    }
    return true;
}

int AuditWriter::deleteSession(const QString &sessionId, QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: no store file is open");
        return -1;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ?"));
    q.addBindValue(sqlText(sessionId));
    if (!q.exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot delete session %1").arg(sessionId),
                          q.lastError());
        return -1;
    }
    m_knownSessions.remove(sessionId);
    m_lastSeq.remove(sessionId);
    return q.numRowsAffected();
}

bool AuditWriter::recordPreference(const Preference &preference, QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: no store file is open");
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO preferences (comparison_id, turn, chosen_label, ladder, "
                             "created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(sqlText(preference.comparisonId));
    q.addBindValue(preference.turn);
    q.addBindValue(sqlText(preference.chosenLabel));
    q.addBindValue(sqlText(preference.ladder));
    q.addBindValue(preference.createdAt.isValid() ? preference.createdAt.toMSecsSinceEpoch()
                                                  : QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot record a preference"), q.lastError());
        return false;
    }
    return true;
}

} // namespace ladder::Internal
