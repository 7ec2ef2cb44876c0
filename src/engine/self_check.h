#pragma once

// The self_check of a tier (AutoMix-style): after a cheap answer, a model is asked, few-shot,
// whether the answer is correct and complete, and replies with a score in [0, 1]. Below the
// tier's threshold the post-turn signal self_check_failed is raised. This file builds the call
// and reads its reply; the Session makes the call like any side call (audited, cost on the turn).

#include "core/ladder.h"
#include "provider.h"

#include <QString>

#include <optional>

namespace ladder {

// The verification request for `answer` to `userText`, given by `answering` with its
// `check`: the checking tier's model, `check.model` on the answering tier's provider, or the
// answering tier's own model. Temperature 0 and a few tokens: a score, not a discussion.
ChatRequest buildSelfCheckRequest(const Ladder &ladder, const Tier &answering,
                                  const SelfCheck &check, const QString &userText,
                                  const QString &answer);

// The score in the checker's reply: "SCORE: 0.8", a bare number in [0, 1], or yes/no (1/0).
// Nothing when the reply has none.
std::optional<double> parseSelfCheckScore(const QString &reply);

} // namespace ladder
