#pragma once

// "Switch only when it pays": a tier switch loses the prompt cache the conversation has built on
// the current model (the next call bills the prefix at the full input price). A transition with
// pays_within_turns is taken only when the target tier saves more than that over so many turns.
// Prices come from the pricing table; the cache rule is core/pricing's forfeitedCacheUsd.

#include "core/ladder.h"
#include "core/pricing.h"
#include "router.h"
#include "transcript.h"

#include <optional>

namespace ladder {

// The conversation as the next call will see it, in tokens: the stable prefix (system prompt and
// earlier turns), the new user text and the answer, both as the turns so far average them.
struct ConversationShape {
    qint64 prefixTokens = 0;
    qint64 newInputTokens = 0;
    qint64 outputTokens = 0;
};
ConversationShape conversationShape(const QList<TurnRecord> &turns, const Tier &current);

// Switching from `from` to `to` (the models that will run), weighed over `turns` turns: the
// saving is the difference of a warm-cache turn on each model, the loss the prefix at full
// price on `to`. Unknown prices: the switch is taken ("cannot weigh").
SwitchWeighing weighSwitch(const QString &fromTier, const std::optional<ModelPrice> &from,
                           const QString &toTier, const std::optional<ModelPrice> &to,
                           const ConversationShape &shape, int turns);

} // namespace ladder
