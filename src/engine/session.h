#pragma once

// Runs the turns of one conversation against a ladder on the Qt event loop: detectors raise
// signals, the router picks the tier, the handoff memory is injected on tier changes, the provider
// streams, failures retry and walk the fallback chain, post-turn signals re-answer the turn on a
// stronger tier. Everything that happens is emitted as an Event and written to the AuditSink.

#include "audit_sink.h"
#include "budget.h"
#include "events.h"
#include "handoff_memory.h"
#include "provider.h"
#include "router.h"
#include "transcript.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace ladder {

struct RetryPolicy {
    int maxRetriesPerModel = 2; // retries of a retryable error on the same model
    int baseDelayMs = 500;      // exponential backoff: base * 2^n, plus jitter
    int maxDelayMs = 20000;
    int maxRetryWaitMs = 5000;     // a server asking to wait longer: go to the next model now
    double jitter = 0.2;           // +-20 %
    int cooldownAfterFailures = 3; // consecutive failed calls before a model is cooled down
    int cooldownMs = 60000;        // skipped in fallback chains while cooling down
    // Scales the waits before retrying the simulated provider (0: no real waiting). Real
    // providers are always waited for as long as the server asked or the backoff says.
    double delayScale = 1.0;
};

// Consecutive failures and cooldowns per model. Each Session keeps its own unless SessionOptions
// shares one: `ladder serve` shares one per process, so a model that keeps failing is skipped by
// every conversation, not only by the one that saw it fail.
class ModelHealth
{
public:
    ModelHealth() { m_clock.start(); }
    bool cooledDown(const QString &model) const;
    void record(const QString &model, bool ok, const RetryPolicy &policy);

private:
    struct Entry {
        int consecutiveFailures = 0;
        qint64 cooledUntilMs = 0;
    };
    QHash<QString, Entry> m_models;
    QElapsedTimer m_clock;
};

struct SessionOptions {
    QString sessionId; // generated when empty
    quint64 seed = 0;
    RetryPolicy retry;
    CallCache *cache = nullptr; // temperature-0 response cache, optional
    AuditSink *audit = nullptr; // optional
    // Prices of the calls (a providers file's prices on top of the built-in table); null: the
    // built-in table. A model without a price makes the turn's cost unknown (cost_usd null).
    const PricingTable *pricing = nullptr;
    bool emitDeltas = true;
    // Ask the listener tier of a classifier detector for the label (a model call per turn)
    // instead of the detector's patterns.
    bool classifyWithModel = false;
    ModelHealth *health = nullptr; // shared cooldowns; null: the session's own
    // Spend of all conversations of the session, for the ladder's budget.session_usd; without
    // it the session is this one conversation.
    std::shared_ptr<SpendMeter> spend;
};

// Where a conversation stands between turns: enough to continue it in another Session (another
// process, after a restart). Retry cooldowns are not part of it: they belong to the process.
struct SessionSnapshot {
    LadderState state;
    QList<MemoryVersion> memory;
    QList<TurnRecord> turns;

    QJsonObject toJson() const;
    // Keys of the wrong type are errors naming their JSON path.
    static std::optional<SessionSnapshot> fromJson(const QJsonObject &o, QString *error);
};

class Session : public QObject
{
    Q_OBJECT
public:
    Session(const Ladder &ladder, const ProviderRegistry *providers, SessionOptions options = {},
            QObject *parent = nullptr);
    ~Session() override;

    // Starts the next turn; returns false when a turn is still running.
    // `overrides` (temperature, max_tokens set by an API client) replace the tier's own params for
    // every call of this turn.
    bool submit(const QString &userText, const QString &manualTierId = {},
                const TierParams &overrides = {});
    // Aborts the running turn: the call in flight is cancelled (and audited as such), the turn ends
    // with turn_failed (error "cancelled", the reason in its message) and turnFinished(turn,
    // false), at once when a call or a retry wait is running, otherwise where the next call would
    // start (an answer already received is kept). The user's text stays in the history. Nothing
    // happens when no turn is running.
    void cancel(const QString &reason = {});
    bool busy() const;

    const Ladder &ladder() const;
    const QString &sessionId() const;
    const LadderState &state() const;
    const HandoffMemory &memory() const;
    HandoffMemory &memory(); // user edits become versions authored by "user"
    const QList<TurnRecord> &turns() const;

    // Continues as another conversation (a server reusing idle sessions): later events and audit
    // rows carry this id. Call restore() next; false while a turn runs.
    bool setSessionId(const QString &sessionId);
    SessionSnapshot snapshot() const;
    // Continues from `snapshot` (the turns' tiers must exist in this ladder); false while a turn
    // runs or when the snapshot does not fit the ladder, `error` says why.
    bool restore(const SessionSnapshot &snapshot, QString *error = nullptr);

signals:
    void event(const ladder::Event &event);
    void turnFinished(int turn, bool ok);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ladder
