#pragma once

#include "core/pricing.h"
#include "provider.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ladder {

// One user turn as the session keeps it.
struct TurnRecord {
    int turn = 0;
    QString userText;
    QString answer;                 // accepted answer shown to the user (handoff block stripped)
    QJsonObject answerProviderData; // echoed back with the answer (Gemini/Anthropic signatures)
    QString tierId;
    QString model;
    QList<ChatMessage> discarded; // escalated attempts (answer, tool call, tool result)
    QString injectedMemory;       // the memory block the answering call received, if any
    TokenUsage usage;             // all calls of the turn
    double costUsd = 0;           // of the calls with a known price
    bool costKnown = true;        // false when a call's model has no known price: "cost unknown"
    double ttftMs = 0;
    double latencyMs = 0;
    int calls = 0;
    bool failed = false;
};

} // namespace ladder
