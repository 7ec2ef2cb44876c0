#pragma once

// The quality gate on an answer: post-turn signals read from what the model said, before the
// answer is trusted. empty_answer (nothing but whitespace or a refusal boilerplate) and
// format_violation (the tier's response_schema, or the handoff memory's format contract asking for
// JSON or fenced code). A post_turn transition on these signals re-answers the turn elsewhere.

#include "core/ladder.h"
#include "router.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace ladder {

struct GateVerdict {
    quint32 postMask = 0; // bit(PostSignal::EmptyAnswer) | bit(PostSignal::FormatViolation)
    QString emptyReason;  // "empty answer (only whitespace)" when EmptyAnswer is set
    QString formatReason; // "format violation: /name: expected a string, got a number"
    // The reason for an escalation on `signal`, empty when the gate did not raise it.
    QString explain(PostSignal signal) const;
};

// `text` is the answer as the model gave it (a <handoff> block and the confidence line are
// ignored); `formatContract` the memory's format_contract items. An answer that carries tool
// calls is never empty.
GateVerdict checkAnswer(const QString &text, bool hasToolCalls, const Tier &tier,
                        const SignalSettings &settings, const QStringList &formatContract,
                        const QRegularExpression &confidencePattern);

// True when the whole text is a short refusal boilerplate ("I'm sorry, but I can't help with
// that.").
bool isRefusalBoilerplate(const QString &text);

} // namespace ladder
