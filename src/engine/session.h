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
    double delayScale = 1.0;       // 0 in tests and simulations: no real waiting
};

struct SessionOptions {
    QString sessionId; // generated when empty
    quint64 seed = 0;
    RetryPolicy retry;
    CallCache *cache = nullptr; // temperature-0 response cache, optional
    AuditSink *audit = nullptr; // optional
    bool emitDeltas = true;
    // Ask the listener tier of a classifier detector for the label (a model call per turn)
    // instead of the detector's patterns.
    bool classifyWithModel = false;
    // Spend of all conversations of the session, for the ladder's budget.session_usd; without
    // it the session is this one conversation.
    std::shared_ptr<SpendMeter> spend;
};

class Session : public QObject
{
    Q_OBJECT
public:
    Session(const Ladder &ladder, const ProviderRegistry *providers, SessionOptions options = {},
            QObject *parent = nullptr);
    ~Session() override;

    // Starts the next turn; returns false when a turn is still running.
    bool submit(const QString &userText, const QString &manualTierId = {});
    void cancel(); // aborts the running turn at once; it ends with turn_failed (cancelled)
    bool busy() const;

    const Ladder &ladder() const;
    const QString &sessionId() const;
    const LadderState &state() const;
    const HandoffMemory &memory() const;
    HandoffMemory &memory(); // user edits become versions authored by "user"
    const QList<TurnRecord> &turns() const;

signals:
    void event(const ladder::Event &event);
    void turnFinished(int turn, bool ok);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ladder
