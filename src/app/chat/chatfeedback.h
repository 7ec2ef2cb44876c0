#pragma once

// What a chat learns from its user (store/feedback_cases.h): a manual tier pick above the tier
// the ladder stood on, "Regenerate on a stronger tier" and the thumbs on an answer become
// labelled cases in the audit store, for `ladder train --feedback` and the detector
// inspector's Train button. One per ChatSessionModel (its `feedback` property); the votes shown
// belong to the chat's current session and reset with it.
//
// Tiers are ranked as the timeline's lanes: by their model's list price, strongest first.

#include "engine/events.h"
#include "store/feedback_cases.h"

#include <QHash>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class AuditStore;
class ChatSessionModel;

class ChatFeedback : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a ChatSessionModel's feedback")
    // Turn (as a string key) -> 1 (good) or -1 (not good enough), for the answers' buttons.
    Q_PROPERTY(QVariantMap votes READ votes NOTIFY votesChanged)
    // Cases this chat model recorded since it was made (every session), for the user's notice.
    Q_PROPERTY(int recordedCount READ recordedCount NOTIFY recorded)

public:
    explicit ChatFeedback(ChatSessionModel *chat);

    void setAuditStore(AuditStore *store) { m_store = store; }
    QVariantMap votes() const;
    int recordedCount() const { return m_recordedCount; }

    // The next stronger tier than `tierId` ("" when it is the strongest or unknown).
    Q_INVOKABLE QString strongerTier(const QString &tierId) const;
    // The label of the next stronger tier than the one that answered `turn` ("" when none).
    Q_INVOKABLE QString strongerTierLabelOf(int turn) const;
    // Records the turn as needing a stronger tier, then answers it again on the next stronger
    // tier than the one that answered, in a new branch (as Regenerate does).
    Q_INVOKABLE bool regenerateStronger(int turn);
    // +1 good, -1 not good enough; the same vote again takes it back (and its case).
    Q_INVOKABLE bool vote(int turn, int value);
    Q_INVOKABLE int voteOf(int turn) const { return m_votes.value(turn); }

    // The running session's events (ChatSessionModel connects them): manual picks.
    void handleEvent(const Event &event);

signals:
    void votesChanged();
    void recorded(const ladder::FeedbackCase &feedback);

private:
    QStringList strengthOrder() const; // strongest first
    int answerRow(int turn) const;     // the turn's answer row in the chat, -1 when none
    FeedbackCase caseOf(int turn, const QString &tierId, FeedbackSource source,
                        bool needsStrong) const;
    bool record(const FeedbackCase &feedback);
    void sessionChanged();

    ChatSessionModel *m_chat;
    AuditStore *m_store = nullptr;
    QHash<int, int> m_votes;
    QHash<int, QString> m_turnTier; // the first tier_active of each turn of this session
    QString m_regeneratingOn;       // the manual pick a "Regenerate on a stronger tier" makes
    QString m_sessionId;
    int m_recordedCount = 0;
};

} // namespace ladder
