#include "chatfeedback.h"

#include "chatsessionmodel.h"
#include "chattimelinemodel.h"
#include "store/audit_store.h"

namespace ladder {

ChatFeedback::ChatFeedback(ChatSessionModel *chat)
    : QObject(chat)
    , m_chat(chat)
{
    connect(chat, &ChatSessionModel::sessionIdChanged, this, &ChatFeedback::sessionChanged);
}

QVariantMap ChatFeedback::votes() const
{
    QVariantMap out;
    for (auto it = m_votes.cbegin(); it != m_votes.cend(); ++it)
        out.insert(QString::number(it.key()), it.value());
    return out;
}

void ChatFeedback::sessionChanged()
{
    if (m_sessionId == m_chat->sessionId())
        return;
    m_sessionId = m_chat->sessionId();
    m_turnTier.clear();
    if (!m_votes.isEmpty()) {
        m_votes.clear();
        emit votesChanged();
    }
}

QStringList ChatFeedback::strengthOrder() const
{
    return ChatTimelineModel::laneOrder(m_chat->ladder());
}

QString ChatFeedback::strongerTier(const QString &tierId) const
{
    const QStringList order = strengthOrder();
    const qsizetype at = order.indexOf(tierId);
    return at > 0 ? order.at(at - 1) : QString();
}

QString ChatFeedback::strongerTierLabelOf(int turn) const
{
    const int row = answerRow(turn);
    const QString stronger = row >= 0 ? strongerTier(m_chat->rows()[row].tierId) : QString();
    return stronger.isEmpty() ? QString() : m_chat->tierLabel(stronger);
}

int ChatFeedback::answerRow(int turn) const
{
    const QList<ChatMessageModel::Row> &rows = m_chat->rows();
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (rows[i].turn == turn && rows[i].kind == QLatin1String("assistant"))
            return i;
    }
    return -1;
}

FeedbackCase ChatFeedback::caseOf(int turn, const QString &tierId, FeedbackSource source,
                                  bool needsStrong) const
{
    FeedbackCase c;
    c.sessionId = m_chat->sessionId();
    c.turn = turn;
    c.userText = m_chat->userTextOf(turn);
    for (const ChatMessageModel::Row &r : m_chat->rows()) {
        if (r.kind == QLatin1String("user") && r.turn < turn)
            c.context.append(r.text);
    }
    c.tierId = tierId;
    for (const Tier &t : m_chat->ladder().tiers) {
        if (t.id == tierId)
            c.model = t.model;
    }
    const int row = answerRow(turn);
    if (row >= 0 && m_chat->rows()[row].tierId == tierId && !m_chat->rows()[row].model.isEmpty())
        c.model = m_chat->rows()[row].model; // the model that answered (after fallbacks)
    c.needsStrong = needsStrong;
    c.source = source;
    return c;
}

bool ChatFeedback::record(const FeedbackCase &feedback)
{
    if (!m_store || feedback.sessionId.isEmpty() || feedback.userText.isEmpty())
        return false;
    if (!m_store->recordFeedback(feedback))
        return false;
    ++m_recordedCount;
    emit recorded(feedback);
    return true;
}

bool ChatFeedback::regenerateStronger(int turn)
{
    const int row = answerRow(turn);
    if (m_chat->readOnly() || m_chat->busy() || row < 0)
        return false;
    const QString answered = m_chat->rows()[row].tierId;
    const QString stronger = strongerTier(answered);
    if (stronger.isEmpty())
        return false;
    record(caseOf(turn, answered, FeedbackSource::RegenerateStronger, true));
    m_regeneratingOn = stronger; // this pick is not a second case of the same turn
    m_chat->setManualTier(stronger);
    if (!m_chat->editAndResend(turn, m_chat->userTextOf(turn))) {
        m_regeneratingOn.clear();
        m_chat->setManualTier({});
        return false;
    }
    return true;
}

bool ChatFeedback::vote(int turn, int value)
{
    const int row = answerRow(turn);
    if (m_chat->readOnly() || row < 0 || (value != 1 && value != -1) ||
        m_chat->rows()[row].status != QLatin1String("done"))
        return false;
    const QList<FeedbackSource> thumbs{FeedbackSource::ThumbsUp, FeedbackSource::ThumbsDown};
    const QString sessionId = m_chat->sessionId();
    if (m_votes.value(turn) == value) { // taken back
        m_votes.remove(turn);
        emit votesChanged();
        if (m_store)
            m_store->removeFeedback(sessionId, turn, thumbs);
        return true;
    }
    m_votes.insert(turn, value);
    emit votesChanged();
    const QString tier = m_chat->rows()[row].tierId;
    const QStringList order = strengthOrder();
    const bool strongest = !order.isEmpty() && order.constFirst() == tier;
    const bool cheapest = !order.isEmpty() && order.constLast() == tier;
    if (value < 0 && !strongest)
        return record(caseOf(turn, tier, FeedbackSource::ThumbsDown, true));
    if (value > 0 && cheapest && !strongest)
        return record(caseOf(turn, tier, FeedbackSource::ThumbsUp, false));
    // Says nothing about the cheapest tier: no case, and an earlier thumbs of the turn goes.
    if (m_store)
        m_store->removeFeedback(sessionId, turn, thumbs);
    return true;
}

void ChatFeedback::handleEvent(const Event &event)
{
    switch (event.type) {
    case Event::Type::TierActive: {
        const QString tier = event.data.value(QLatin1String("tier")).toString();
        const bool first = !m_turnTier.contains(event.turn);
        m_turnTier.insert(event.turn, tier);
        if (!first || event.data.value(QLatin1String("reason_code")).toString() !=
                          QLatin1String("manual_pick"))
            return;
        if (!m_regeneratingOn.isEmpty()) {
            const bool ours = m_regeneratingOn == tier;
            m_regeneratingOn.clear();
            if (ours)
                return; // already recorded as regenerate_stronger
        }
        // The session says where the ladder would have gone without the pick.
        const QStringList order = strengthOrder();
        const qsizetype picked = order.indexOf(tier);
        const qsizetype ladderTier =
            order.indexOf(event.data.value(QLatin1String("ladder_tier")).toString());
        if (picked >= 0 && ladderTier >= 0 && picked < ladderTier)
            record(caseOf(event.turn, tier, FeedbackSource::ManualPick, true));
        return;
    }
    default:
        return;
    }
}

} // namespace ladder
