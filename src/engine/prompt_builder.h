#pragma once

// Assembles the request a tier receives for a turn: its own system prompt, the handoff memory
// when the policy injects it, the history the policy allows, the user's text, and the escalate
// tool for tiers that have it.

#include "core/ladder.h"
#include "handoff_memory.h"
#include "provider.h"
#include "transcript.h"

namespace ladder {

struct PromptInputs {
    const Ladder *ladder = nullptr;
    const Tier *tier = nullptr;
    const QList<TurnRecord> *history = nullptr; // completed turns, oldest first
    QString userText;
    const HandoffMemory *memory = nullptr;
    bool tierChanged = false; // the tier differs from the one that answered the previous turn
};

struct BuiltPrompt {
    ChatRequest request;
    QString injectedMemory; // the memory block put in the system prompt, empty if none
};

BuiltPrompt buildPrompt(const PromptInputs &in);

// The summarising call of the `summarize` memory refresh: the outgoing tier condenses the whole
// conversation into a <handoff> block before the next tier takes over.
// The listener's classification call: one label of `labels` for the user's text.
ChatRequest buildClassifierRequest(const Tier &listener, const QStringList &labels,
                                   const QString &userText);
// The first label named in the listener's answer, or `fallback`.
QString parseLabel(const QString &answer, const QStringList &labels, const QString &fallback);

ChatRequest buildSummaryRequest(const Tier &tier, const QList<TurnRecord> &history,
                                const HandoffMemory &memory);

} // namespace ladder
