#pragma once

// The audit log on SQLite. AuditStore is the engine's AuditSink: it buffers the events and calls
// of a turn and writes them in one transaction at flush(). AuditReader is the read side for the
// GUI's audit browser and session list, and for exports.
//
// Each instance owns its own connection to the file and must be used (and destroyed) on the
// thread that opened it; open one instance per thread. Several instances, in one process or
// several, can share a file: WAL lets readers read while a writer writes.

#include "engine/audit_sink.h"
#include "sqlite_database.h"

#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace ladder {

// One blind-comparison vote: which label the user preferred on a turn of a comparison.
struct Preference {
    QString comparisonId; // a comparison id, or the session id of a single session
    int turn = 0;
    QString chosenLabel;
    QString ladder;      // the name of the ladder behind the chosen label, revealed after the vote
    QDateTime createdAt; // now when invalid
};

class AuditStore final : public AuditSink {
public:
    AuditStore();
    ~AuditStore() override; // flushes what is pending
    AuditStore(const AuditStore &) = delete;
    AuditStore &operator=(const AuditStore &) = delete;

    // Opens or creates the file and migrates its schema. False with *error naming the file.
    bool open(const QString &path, QString *error = nullptr);
    void close(); // flushes first
    bool isOpen() const;
    QString path() const;
    static int schemaVersion(); // the version this build writes

    // The last write error (empty when the last flush succeeded). Writes never throw or crash;
    // a failure is logged on ladder.store and kept here.
    QString lastError() const { return m_lastError; }

    // Delta events repeat the streamed text that the call row holds in full; they are dropped
    // unless this is set.
    void setRecordDeltas(bool record) { m_recordDeltas = record; }
    bool recordDeltas() const { return m_recordDeltas; }

    // AuditSink. Writes are buffered in memory and written by flush() in one short transaction,
    // so the write lock is never held while a turn waits for a provider.
    void beginSession(const QString &sessionId, const QString &ladderName,
                      const QJsonObject &ladderJson) override;
    void recordEvent(const QString &sessionId, const Event &event) override;
    void recordCall(const CallRecord &call) override;
    void flush() override; // also flushed automatically when kMaxPending rows are buffered

    int pendingCount() const;
    static constexpr int kMaxPending = 4096;

    // Immediate writes (they flush what is pending first).
    bool setSessionTitle(const QString &sessionId, const QString &title);
    bool deleteSession(const QString &sessionId); // with its events and calls
    bool recordPreference(const Preference &preference);

private:
    struct PendingSession {
        QString id;
        QString ladderName;
        QJsonObject ladderJson;
        qint64 at = 0;
    };
    struct PendingEvent {
        QString sessionId;
        Event event;
        qint64 at = 0;
    };
    struct PendingCall {
        CallRecord call;
        qint64 at = 0;
    };
    bool prepareStatements(QString *error);
    void clearStatements();
    bool writePending(QString *error);
    bool ensureSession(const QString &sessionId, qint64 at, QString *error);
    std::optional<int> nextSeq(const QString &sessionId, QString *error);
    void fail(const QString &message);

    Internal::SqliteDatabase m_db;
    // Prepared once for the store's lifetime (declared after m_db: destroyed before it).
    std::unique_ptr<QSqlQuery> m_begin, m_commit, m_rollback, m_upsertSession, m_ensureSession,
        m_maxSeq, m_insertEvent, m_insertCall;
    QList<PendingSession> m_pendingSessions;
    QList<PendingEvent> m_pendingEvents;
    QList<PendingCall> m_pendingCalls;
    QSet<QString> m_knownSessions; // rows known to exist in this file
    QHash<QString, int> m_lastSeq; // per session, the last event seq written
    bool m_recordDeltas = false;
    QString m_lastError;
    qint64 m_failures = 0;
};

struct SessionSummary {
    QString id;
    QString ladderName;
    QString title;
    QDateTime createdAt;
    int calls = 0;
    double costUsd = 0;
};

struct StoredEvent {
    qint64 seq = 0; // 1, 2, ... in the order the session recorded them
    Event event;
    QDateTime at;
};

// A call row. `request` is only filled by AuditReader::call() and the export (it can be large).
struct StoredCall {
    qint64 id = 0;
    QString sessionId;
    int turn = 0;
    int attempt = 1;
    QString tierId;
    QString provider;
    QString model;
    QString status; // "ok" or the error kind (rate_limited, timeout, ...)
    double costUsd = 0;
    QDateTime startedAt;
    ChatResult result; // text, tool calls, usage, timings, flags, error, raw
    QJsonObject request;
};

struct CallFilter {
    QString tierId; // empty: any
    QString model;
    QString status;
    std::optional<int> turn;
};

struct SessionTotals {
    int calls = 0;
    int failedCalls = 0; // status other than "ok"
    int cachedCalls = 0;
    int turnsCompleted = 0;
    int turnsFailed = 0;
    int escalations = 0; // escalated events
    int fallbacks = 0;   // fallback events
    double costUsd = 0;
    TokenUsage usage;
    double meanLatencyMs = 0; // over successful calls; 0 when there is none
};

class AuditReader {
public:
    AuditReader();
    ~AuditReader();
    AuditReader(const AuditReader &) = delete;
    AuditReader &operator=(const AuditReader &) = delete;

    // The file must exist; an older schema is migrated like AuditStore does.
    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const;

    // Reads return empty results on failure and set lastError().
    QString lastError() const { return m_lastError; }

    QList<SessionSummary> sessions(); // newest first
    std::optional<QJsonObject> ladderJson(const QString &sessionId);
    QList<StoredEvent> events(const QString &sessionId);
    QList<StoredCall> calls(const QString &sessionId, const CallFilter &filter = {});
    std::optional<StoredCall> call(qint64 callId); // with its request
    SessionTotals totals(const QString &sessionId);
    QList<Preference> preferences(const QString &comparisonId);

    // One JSON object per line per call (with request and response), in turn/attempt order.
    bool exportCallsJsonl(const QString &sessionId, QIODevice *out, QString *error = nullptr);
    static QJsonObject callToJson(const StoredCall &call);

private:
    QList<StoredCall> queryCalls(const QString &where, const QVariantList &values,
                                 bool withRequest);

    Internal::SqliteDatabase m_db;
    QString m_lastError;
};

} // namespace ladder
