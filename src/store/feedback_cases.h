#pragma once

// Labelled cases from the user's own chats, kept with the audit log (table `feedback`): what a
// learned listener (`ladder train --feedback`, the detector inspector's Train button) learns
// from, as GPT-5's router learns from users' manual model switches. One row per chat turn
// (session id, turn); later feedback on the same turn replaces the earlier row.
//
// Sources and their labels (needs_strong: the cheapest tier's answer was not good enough):
//   manual_pick          true:  the user sent the turn to a tier stronger than the one the
//                               ladder would have used (tier_active's `ladder_tier`)
//   regenerate_stronger  true:  "Regenerate on a stronger tier" on an answer
//   thumbs_down          true:  a thumbs-down on an answer by a tier below the strongest
//   thumbs_up            false: a thumbs-up on an answer by the cheapest tier (it was enough)
// A thumbs-down on the strongest tier's answer or a thumbs-up on a stronger tier's says nothing
// about the cheapest tier and is not kept.

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace ladder {

enum class FeedbackSource {
    ManualPick,
    RegenerateStronger,
    ThumbsDown,
    ThumbsUp,
};
QString feedbackSourceName(FeedbackSource source); // "manual_pick", ...
std::optional<FeedbackSource> feedbackSourceFromName(const QString &name);

struct FeedbackCase {
    QString sessionId;
    int turn = 0;
    QString userText;
    QStringList context; // the conversation's earlier user turns, oldest first
    QString tierId;      // the tier that answered (for a manual pick: the picked tier)
    QString model;
    bool needsStrong = false;
    FeedbackSource source = FeedbackSource::ThumbsDown;
    QDateTime createdAt; // now when invalid
};

} // namespace ladder
