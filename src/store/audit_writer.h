#pragma once

// The write side of the audit log on one connection: a batch of sessions, events and calls in
// one transaction, with the prepared statements kept for the writer's lifetime. AuditStore runs
// one on its background thread; it is usable directly on any one thread.

#include "engine/audit_sink.h"
#include "sqlite_database.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace ladder {

struct Preference;
struct FeedbackCase;

namespace Internal {

struct AuditBatch {
    struct Session {
        QString id;
        QString ladderName;
        QJsonObject ladderJson;
        qint64 at = 0; // ms since the epoch, when it was recorded
    };
    struct EventRow {
        QString sessionId;
        Event event;
        qint64 at = 0;
    };
    struct CallRow {
        CallRecord call;
        qint64 at = 0;
    };
    QList<Session> sessions;
    QList<EventRow> events;
    QList<CallRow> calls;

    int size() const { return int(sessions.size() + events.size() + calls.size()); }
    // The (session, turn) of every row; turn 0 is the session row, written before turn 1.
    QSet<std::pair<QString, int>> turns() const;
    void append(AuditBatch &&later)
    {
        sessions.append(std::move(later.sessions));
        events.append(std::move(later.events));
        calls.append(std::move(later.calls));
    }
    bool isEmpty() const { return size() == 0; }
};

class AuditWriter
{
public:
    AuditWriter() = default;
    ~AuditWriter();
    AuditWriter(const AuditWriter &) = delete;
    AuditWriter &operator=(const AuditWriter &) = delete;

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    const QString &path() const { return m_db.path(); }

    // One transaction. A failed row is skipped and reported (the first failure in *error); the
    // rest of the batch is still written. False when anything failed; then *lost (if given)
    // holds the (session, turn) of every row that is not in the file (all of them when the
    // transaction could not be started or committed).
    bool write(const AuditBatch &batch, QString *error,
               QSet<std::pair<QString, int>> *lost = nullptr);

    bool setSessionTitle(const QString &sessionId, const QString &title, QString *error);
    // The number of sessions deleted (0 or 1) with their events and calls; -1 on failure.
    int deleteSession(const QString &sessionId, QString *error);
    bool recordPreference(const Preference &preference, QString *error);
    // Inserts or replaces the case of (session, turn) (feedback_cases.cpp).
    bool recordFeedback(const FeedbackCase &feedback, QString *error);
    // Deletes the case of (session, turn) when its source is one of `sources` (empty: any).
    bool removeFeedback(const QString &sessionId, int turn, const QStringList &sources,
                        QString *error);

private:
    bool prepareStatements(QString *error);
    void clearStatements();
    bool writeRows(const AuditBatch &batch, QString *error, QSet<std::pair<QString, int>> *lost);
    bool writeSession(const AuditBatch::Session &session, QString *error);
    bool writeEvent(const AuditBatch::EventRow &row, QString *error);
    bool writeCall(const AuditBatch::CallRow &row, QString *error);
    bool ensureSession(const QString &sessionId, qint64 at, QString *error);
    std::optional<int> nextSeq(const QString &sessionId, QString *error);

    SqliteDatabase m_db;
    // Declared after m_db: destroyed before the connection closes.
    std::unique_ptr<QSqlQuery> m_begin, m_commit, m_rollback, m_upsertSession, m_ensureSession,
        m_maxSeq, m_insertEvent, m_insertCall;
    // Within one batch: sessions known to exist, and the last event seq of each.
    QSet<QString> m_knownSessions;
    QHash<QString, int> m_lastSeq;
};

// Shared by the writer and the reader.
QVariant sqlText(const QString &s); // a null QString binds as SQL NULL; ours are NOT NULL
QDateTime fromMsecs(const QVariant &value);

} // namespace Internal
} // namespace ladder
