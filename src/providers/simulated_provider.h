#pragma once

// The embedded default: a deterministic, seeded stand-in for real models, so the studio and the
// CLI work with no keys and no network. Every answer says it is simulated. Tiers differ in price
// (from the pricing table), time to first token, tokens per second, and in what they escalate:
// a tier offered the escalate tool calls it on hard or high-stakes questions, a tier asked for a
// confidence line reports low confidence on uncertain ones, a tier asked for a <handoff> block
// writes the scaffold from the conversation, and answers follow the memory's format contract.

#include "engine/provider.h"
#include "fault_schedule.h"

#include <QString>

namespace ladder {

struct SimulatedProfile {
    QString name; // "strong", "mid" or "light"
    double ttftMs = 0;
    double tokensPerSecond = 0;
    int answerTokens = 0;
};

class SimulatedProvider : public Provider {
    Q_OBJECT
public:
    explicit SimulatedProvider(QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("simulated"); }
    ProviderCall *start(const ChatRequest &request) override;

    // 1.0 streams in (modelled) real time, 0 answers at once; reported timings are modelled
    // either way, so figures do not depend on the machine.
    void setTimeScale(double scale) { m_timeScale = scale; }
    double timeScale() const { return m_timeScale; }
    void setFaults(const FaultSchedule &faults) { m_faults = faults; }

    static SimulatedProfile profileFor(const QString &model);
    // The complete answer the simulated model gives (text, tool calls, usage, timings).
    static ChatResult compose(const ChatRequest &request);
    static ChatResult failure(const ChatRequest &request, FailureKind kind);

private:
    double m_timeScale = 1.0;
    FaultSchedule m_faults;
};

} // namespace ladder
