#pragma once

// The audit log on SQLite. AuditStore is the engine's AuditSink: it buffers the events and calls
// of a turn, and flush() hands them to its writer thread, which writes them in one transaction.
// AuditReader is the read side for the GUI's audit browser and session list, and for exports.
//
// Use an instance from one thread at a time. Each has its own connection (AuditStore's lives on
// its writer thread; AuditReader's on the thread that opened it, where it must be used and
// destroyed). Several instances, in one process or several, can share a file: WAL lets readers
// read while a writer writes.

#include "audit_writer.h"
#include "engine/audit_sink.h"
#include "feedback_cases.h"
#include "sqlite_database.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
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

// What an audit store could not write: per session, the turns with rows that are not in the
// file (turn 0 stands for the session row itself), and the first error.
struct AuditLosses {
    struct Session {
        QString id;
        QList<int> turns; // ascending
    };
    QList<Session> sessions; // in the order their first loss happened
    QString firstError;

    bool isEmpty() const { return sessions.isEmpty(); }
    void add(const QSet<std::pair<QString, int>> &lost);
    // "session ID: the session row, turns 2, 3; session ID2: turn 1", for people.
    QString describe() const;
};

class AuditStore final : public AuditSink
{
public:
    AuditStore();
    ~AuditStore() override; // writes what is pending, then closes
    AuditStore(const AuditStore &) = delete;
    AuditStore &operator=(const AuditStore &) = delete;

    // Opens or creates the file and migrates its schema (on the writer thread, waiting for it).
    // False with *error naming the file.
    bool open(const QString &path, QString *error = nullptr);
    void close(); // writes what is pending first
    bool isOpen() const;
    QString path() const;
    static int schemaVersion(); // the version this build writes

    // The last write error, empty when the last batch was written. Writes never throw or crash;
    // failures are logged on ladder.store and kept here. Thread-safe.
    QString lastError() const;

    // Every write that failed since open(): which turns are not (fully) in the file. Unlike
    // lastError() a later successful write does not clear it. Kept after close(). Thread-safe.
    AuditLosses losses() const;
    // Called on the writer thread (or the caller's, when no file is open) after each failed
    // write, with its error; losses() already includes it. Set it before the writes.
    using FailureHandler = std::function<void(const QString &error)>;
    void setFailureHandler(FailureHandler handler);

    // Delta events repeat the streamed text that the call row holds in full; they are dropped
    // unless this is set.
    void setRecordDeltas(bool record) { m_recordDeltas = record; }
    bool recordDeltas() const { return m_recordDeltas; }

    // AuditSink. recordEvent/recordCall append to the pending batch (about a microsecond);
    // flush() hands the batch to the store's writer thread, which writes it in one transaction
    // on its own connection; batches flushed while the writer is busy are merged and written
    // together (group commit). The engine's thread never waits for SQLite, unless the writer
    // falls thousands of rows behind (a stalled disk).
    void beginSession(const QString &sessionId, const QString &ladderName,
                      const QJsonObject &ladderJson) override;
    void recordEvent(const QString &sessionId, const Event &event) override;
    void recordCall(const CallRecord &call) override;
    void flush() override; // also done automatically when kMaxPending rows are pending

    // Waits until every flushed batch is in the file (readers on other connections see it);
    // true when they were all written without error.
    bool sync();

    int pendingCount() const { return m_pending ? m_pending->size() : 0; } // not yet flushed
    static constexpr int kMaxPending = 4096;
    static constexpr int kMaxQueuedBatches = 256; // jobs waiting for the writer thread

    // Immediate writes: they flush, then wait for the writer.
    bool setSessionTitle(const QString &sessionId, const QString &title);
    bool deleteSession(const QString &sessionId); // with its events and calls
    bool recordPreference(const Preference &preference);
    // Labelled cases from the chat (feedback_cases.h): one per (session, turn), replaced when
    // given again; removeFeedback deletes it only when its source is one of `sources` (empty:
    // any), so taking back a thumbs does not remove a "Regenerate on a stronger tier".
    bool recordFeedback(const FeedbackCase &feedback);
    bool removeFeedback(const QString &sessionId, int turn,
                        const QList<FeedbackSource> &sources = {});

private:
    // Runs job on the writer thread after what is pending, and waits for its result.
    bool runOnWriter(const std::function<bool(Internal::AuditWriter &, QString *)> &job);

    class Worker;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<Internal::AuditBatch> m_pending;
    bool m_recordDeltas = false;
    QString m_error;      // when there is no writer (not open, or after close)
    AuditLosses m_losses; // idem
    FailureHandler m_failureHandler;
};

struct SessionSummary {
    QString id;
    QString ladderName;
    QString title;
    QDateTime createdAt;
    int calls = 0;
    double costUsd = 0;    // of the calls with a known price
    bool costKnown = true; // false when some call's model has no known price
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
    bool costKnown = true; // false: no known price for the model ("cost unknown", not $0)
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
    int escalations = 0;   // escalated events
    int fallbacks = 0;     // fallback events
    double costUsd = 0;    // of the calls with a known price
    bool costKnown = true; // false when some call's model has no known price
    TokenUsage usage;
    double meanLatencyMs = 0; // over successful calls; 0 when there is none
};

class AuditReader
{
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
    // Every labelled case from the chats, oldest first; the count without reading them (-1 on
    // failure). Defined in feedback_cases.cpp.
    QList<FeedbackCase> feedbackCases();
    int feedbackCount();

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
