#include "chatmessagemodel.h"
#include "routingnotes.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <iterator>

// The notices keep the translation context they had before the message model was split out of
// ChatSessionModel (translations/ladder-studio_de.ts), hence the explicit
// QCoreApplication::translate("ladder::ChatSessionModel", ...).

namespace ladder {

namespace {
constexpr int kDeltaIntervalMs = 33; // streamed text reaches the view at most ~30 times a second

QString humanError(const QString &kind)
{
    QString s = kind;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

// An event's turn and the fields of its data, by key.
struct EventFields {
    const QJsonObject &d;
    int turn = 0;
    QJsonValue value(const char *key) const { return d.value(QLatin1String(key)); }
    QString str(const char *key) const { return value(key).toString(); }
    double num(const char *key) const { return value(key).toDouble(); }
};
} // namespace

ChatMessageModel::ChatMessageModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_timeline(new ChatTimelineModel(this))
{
    m_deltaTimer.setSingleShot(true);
    m_deltaTimer.setInterval(kDeltaIntervalMs);
    connect(&m_deltaTimer, &QTimer::timeout, this, &ChatMessageModel::flushDeltas);
}

void ChatMessageModel::setLabel(const QString &label)
{
    if (m_label == label)
        return;
    m_label = label;
    emit labelChanged();
}

void ChatMessageModel::resetRows()
{
    m_deltaTimer.stop();
    m_pendingDelta.clear();
    m_deltaRow = -1;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_turnInfo.clear();
    m_timeline->clear();
    m_turnCount = 0;
    emit totalsChanged();
    emit statsChanged();
}

QStringList ChatMessageModel::userTurns() const
{
    QStringList out;
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("user"))
            out.append(r.text);
    }
    return out;
}

int ChatMessageModel::rowOfTurn(int turn) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].turn == turn && m_rows[i].kind == QLatin1String("user"))
            return i;
    }
    return -1;
}

QString ChatMessageModel::userTextOf(int turn) const
{
    const int row = rowOfTurn(turn);
    return row >= 0 ? m_rows[row].text : QString();
}

QString ChatMessageModel::injectedMemoryAt(int turn) const
{
    return m_injected.value(turn);
}

int ChatMessageModel::assistantRowOf(int turn) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[i].turn == turn && m_rows[i].kind == QLatin1String("assistant"))
            return i;
    }
    return -1;
}

void ChatMessageModel::insertRow(int at, const Row &row)
{
    if (m_deltaRow >= at)
        ++m_deltaRow;
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
}

void ChatMessageModel::changed(int row)
{
    if (row >= 0 && row < m_rows.size())
        emit dataChanged(index(row), index(row));
}

void ChatMessageModel::flushDeltas()
{
    m_deltaTimer.stop();
    if (m_deltaRow < 0 || m_pendingDelta.isEmpty())
        return;
    Row &r = m_rows[m_deltaRow];
    r.text += m_pendingDelta;
    r.status = QStringLiteral("streaming");
    m_pendingDelta.clear();
    changed(m_deltaRow);
}

TimelineEntry &ChatMessageModel::timelineEntry(int turn)
{
    TimelineEntry &e = m_turnInfo[turn];
    e.turn = turn;
    return e;
}

QString ChatMessageModel::tierLabel(const QString &id) const
{
    const Tier *t = m_ladder.tier(id);
    return t && !t->label.isEmpty() ? t->label : id;
}

QString ChatMessageModel::tierColor(const QString &id) const
{
    const Tier *t = m_ladder.tier(id);
    return t && !t->color.isEmpty() ? t->color : QStringLiteral("#8d96a3");
}

void ChatMessageModel::handleEvent(const Event &event)
{
    using Handler = void (ChatMessageModel::*)(const Event &);
    struct Entry {
        Event::Type type;
        Handler handler;
    };
    // One handler per event type, indexed by the type.
    static constexpr Entry kHandlers[] = {
        {Event::Type::TurnStarted, &ChatMessageModel::onTurnStarted},
        {Event::Type::TierActive, &ChatMessageModel::onTierActive},
        {Event::Type::Escalated, &ChatMessageModel::onEscalated},
        {Event::Type::Handoff, &ChatMessageModel::onHandoff},
        {Event::Type::Fallback, &ChatMessageModel::onFallback},
        {Event::Type::Delta, &ChatMessageModel::onDelta},
        {Event::Type::MemoryUpdated, &ChatMessageModel::onMemoryUpdated},
        {Event::Type::TurnCompleted, &ChatMessageModel::onTurnCompleted},
        {Event::Type::TurnFailed, &ChatMessageModel::onTurnFailed},
    };
    static_assert(std::size(kHandlers) == size_t(Event::Type::TurnFailed) + 1,
                  "a handler for every event type");
    static_assert(
        [] {
            for (size_t i = 0; i < std::size(kHandlers); ++i) {
                if (size_t(kHandlers[i].type) != i)
                    return false;
            }
            return true;
        }(),
        "handlers in the order of Event::Type");

    if (event.type != Event::Type::Delta)
        flushDeltas();
    (this->*kHandlers[size_t(event.type)].handler)(event);
}

void ChatMessageModel::onMemoryUpdated(const Event &)
{
    emit memoryUpdated();
}

void ChatMessageModel::onTurnStarted(const Event &event)
{
    const EventFields f{event.data, event.turn};
    Row user;
    user.kind = QStringLiteral("user");
    user.text = f.str("user_text");
    user.turn = f.turn;
    insertRow(int(m_rows.size()), user);
    Row answer;
    answer.kind = QStringLiteral("assistant");
    answer.turn = f.turn;
    answer.status = QStringLiteral("pending");
    insertRow(int(m_rows.size()), answer);
    timelineEntry(f.turn);
    ++m_turnCount;
    emit totalsChanged();
}

void ChatMessageModel::onTierActive(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row >= 0) {
        m_rows[row].tierId = f.str("tier");
        m_rows[row].model = f.str("model");
        changed(row);
    }
    if (m_activeTier != f.str("tier")) {
        m_activeTier = f.str("tier");
        emit activeTierChanged();
    }
    if (const QString note = routingNote(event.data); !note.isEmpty() && row >= 0) {
        Row n; // a budget step-down or a weighed switch, told like an escalation
        n.kind = QStringLiteral("notice");
        n.notice = QStringLiteral("routing");
        n.turn = f.turn;
        n.tierId = f.str("tier");
        n.text = QCoreApplication::translate("ladder::ChatSessionModel", "↓ %1").arg(note);
        insertRow(row, n);
        timelineEntry(f.turn).stepDowns.append(note);
    }
}

void ChatMessageModel::onDelta(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    if (m_deltaRow != row)
        flushDeltas();
    m_deltaRow = row;
    m_pendingDelta += f.str("text");
    if (!m_deltaTimer.isActive())
        m_deltaTimer.start();
}

ChatMessageModel::Row ChatMessageModel::noticeRow(const QString &notice, int turn)
{
    Row n;
    n.kind = QStringLiteral("notice");
    n.notice = notice;
    n.turn = turn;
    return n;
}

void ChatMessageModel::onEscalated(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    Row n = noticeRow(QStringLiteral("escalation"), f.turn);
    n.tierId = f.str("to");
    n.text = QCoreApplication::translate("ladder::ChatSessionModel", "↳ escalated to %1: %2")
                 .arg(tierLabel(f.str("to")), f.str("reason"));
    QStringList detail;
    if (f.str("phase") == QLatin1String("post_turn")) {
        if (f.str("signal") == QLatin1String("escalate_tool"))
            detail.append(
                QCoreApplication::translate("ladder::ChatSessionModel",
                                            "Tool call: escalate(reason: \"%1\", question: \"%2\")")
                    .arg(f.str("reason"), f.str("question")));
        else if (!f.str("question").isEmpty())
            detail.append(QCoreApplication::translate("ladder::ChatSessionModel", "Question: %1")
                              .arg(f.str("question")));
        detail.append(
            QCoreApplication::translate("ladder::ChatSessionModel", "Discarded answer from %1:")
                .arg(tierLabel(f.str("from"))));
        detail.append(f.str("discarded_answer"));
    } else {
        detail.append(QCoreApplication::translate("ladder::ChatSessionModel",
                                                  "Signal before the turn on %1: %2")
                          .arg(tierLabel(f.str("from")), f.str("signal")));
    }
    n.detail = detail.join(QStringLiteral("\n\n"));
    m_rows[row].text.clear();
    changed(row);
    insertRow(row, n);
    timelineEntry(f.turn).escalations.append(
        QStringLiteral("%1 → %2 (%3)")
            .arg(tierLabel(f.str("from")), tierLabel(f.str("to")), f.str("reason")));
    emit totalsChanged();
}

void ChatMessageModel::onHandoff(const Event &event)
{
    const EventFields f{event.data, event.turn};
    m_injected[f.turn] = f.str("injected_memory");
    if (f.str("from").isEmpty())
        return;
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    Row n = noticeRow(QStringLiteral("handoff"), f.turn);
    n.tierId = f.str("to");
    const bool injected = f.value("injected").toBool();
    n.text = injected
                 ? QCoreApplication::translate("ladder::ChatSessionModel",
                                               "handoff %1 → %2 · memory v%3 injected (%4 tokens)")
                       .arg(tierLabel(f.str("from")), tierLabel(f.str("to")))
                       .arg(f.value("memory_version").toInt())
                       .arg(f.value("memory_tokens").toInt())
                 : QCoreApplication::translate("ladder::ChatSessionModel",
                                               "handoff %1 → %2 · no memory injected")
                       .arg(tierLabel(f.str("from")), tierLabel(f.str("to")));
    n.detail = f.str("injected_memory");
    insertRow(row, n);
    timelineEntry(f.turn).handoffs.append(
        QStringLiteral("%1 → %2").arg(tierLabel(f.str("from")), tierLabel(f.str("to"))));
}

void ChatMessageModel::onFallback(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    Row n = noticeRow({}, f.turn); // "retry" or "fallback", below
    n.detail = f.str("message");
    const QString error = humanError(f.str("error"));
    if (f.d.contains(QLatin1String("retry"))) {
        n.notice = QStringLiteral("retry");
        n.tierId = f.str("tier");
        n.text = QCoreApplication::translate("ladder::ChatSessionModel",
                                             "%1 on %2, retry %3 after %4 ms")
                     .arg(error, f.str("from_model"))
                     .arg(f.value("retry").toInt())
                     .arg(qRound(f.num("delay_ms")));
    } else {
        // Until the turn is answered; then the last one says who answered (fallbackAnswered).
        n.notice = QStringLiteral("fallback");
        n.error = error;
        n.model = f.str("from_model");
        if (f.d.contains(QLatin1String("to_tier"))) {
            n.tierId = f.str("from_tier");
            n.text = QCoreApplication::translate("ladder::ChatSessionModel",
                                                 "%1 on %2, falling back to tier %3 (%4)")
                         .arg(error, f.str("from_model"), tierLabel(f.str("to_tier")),
                              f.str("to_model"));
        } else {
            n.tierId = f.str("tier");
            n.text = QCoreApplication::translate("ladder::ChatSessionModel",
                                                 "%1 on %2, falling back to %3")
                         .arg(error, f.str("from_model"), f.str("to_model"));
        }
    }
    m_rows[row].text.clear();
    changed(row);
    insertRow(row, n);
    if (n.notice == QLatin1String("fallback"))
        timelineEntry(f.turn).fallbacks.append(n.text);
    emit totalsChanged();
}

void ChatMessageModel::onTurnCompleted(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    const QJsonObject usage = f.value("usage").toObject();
    r.text = f.str("answer");
    r.tierId = f.str("tier");
    r.model = f.str("model");
    r.inputTokens = usage.value(QLatin1String("input_tokens")).toInteger();
    r.outputTokens = usage.value(QLatin1String("output_tokens")).toInteger();
    r.cost = f.num("cost_usd");
    r.costKnown = f.value("cost_known").toBool(true);
    r.ttft = f.num("ttft_ms");
    r.latency = f.num("latency_ms");
    r.calls = f.value("calls").toInt();
    r.status = QStringLiteral("done");
    changed(row);
    fallbackAnswered(f.turn, row);
    TimelineEntry &e = timelineEntry(f.turn);
    if (const QString held = heldBackNote(f.d); !held.isEmpty())
        e.stepDowns.append(held);
    e.latencyMs = r.latency;
    settleTurn(&e, r, false);
}

void ChatMessageModel::onTurnFailed(const Event &event)
{
    const EventFields f{event.data, event.turn};
    const int row = assistantRowOf(f.turn);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    const bool cancelled = f.str("error") == QLatin1String("cancelled");
    r.status = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
    r.error = cancelled ? QCoreApplication::translate("ladder::ChatSessionModel", "Stopped")
                        : QCoreApplication::translate("ladder::ChatSessionModel", "%1: %2")
                              .arg(humanError(f.str("error")), f.str("message"));
    r.cost = f.num("cost_usd");
    r.costKnown = f.value("cost_known").toBool(true);
    if (!f.str("tier").isEmpty())
        r.tierId = f.str("tier");
    if (!f.str("model").isEmpty())
        r.model = f.str("model");
    changed(row);
    settleTurn(&timelineEntry(f.turn), r, true);
}

// A finished turn's timeline entry takes its answer's tier, model and cost.
void ChatMessageModel::settleTurn(TimelineEntry *e, const Row &answer, bool failed)
{
    e->tierId = answer.tierId;
    e->model = answer.model;
    e->costUsd = answer.cost;
    e->costKnown = answer.costKnown;
    e->failed = failed;
    m_timeline->upsert(*e);
    emit totalsChanged();
    emit statsChanged();
}

// The last fallback before the answer (none after an escalation: that answer was discarded)
// reads "rate limited on X, answered by Y", in the chat and in the timeline's marker.
void ChatMessageModel::fallbackAnswered(int turn, int answerRow)
{
    const Row &answer = m_rows[answerRow];
    for (int i = answerRow - 1; i >= 0 && m_rows[i].turn == turn; --i) {
        Row &n = m_rows[i];
        if (n.notice == QLatin1String("escalation"))
            return;
        if (n.notice != QLatin1String("fallback"))
            continue;
        const QString before = n.text;
        n.text = answer.tierId == n.tierId
                     ? QCoreApplication::translate("ladder::ChatSessionModel",
                                                   "%1 on %2, answered by %3")
                           .arg(n.error, n.model, answer.model)
                     : QCoreApplication::translate("ladder::ChatSessionModel",
                                                   "%1 on %2, answered by %3 on tier %4")
                           .arg(n.error, n.model, answer.model, tierLabel(answer.tierId));
        changed(i);
        QStringList &markers = timelineEntry(turn).fallbacks;
        const qsizetype at = markers.lastIndexOf(before);
        if (at >= 0)
            markers[at] = n.text;
        return;
    }
}

int ChatMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    switch (role) {
    case KindRole:
        return r.kind;
    case TextRole:
        return r.text;
    case TurnRole:
        return r.turn;
    case TierIdRole:
        return r.tierId;
    case TierLabelRole:
        return tierLabel(r.tierId);
    case TierColorRole:
        return tierColor(r.tierId);
    case ModelRole:
        return r.model;
    case InputTokensRole:
        return r.inputTokens;
    case OutputTokensRole:
        return r.outputTokens;
    case CostRole:
        return r.cost;
    case TtftRole:
        return r.ttft;
    case LatencyRole:
        return r.latency;
    case StatusRole:
        return r.status;
    case NoticeRole:
        return r.notice;
    case DetailRole:
        return r.detail;
    case ErrorRole:
        return r.error;
    case CallsRole:
        return r.calls;
    case EditableRole:
        return !m_readOnly && r.kind == QLatin1String("user");
    case CostKnownRole:
        return r.costKnown;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const
{
    return {{KindRole, "kind"},
            {TextRole, "text"},
            {TurnRole, "turn"},
            {TierIdRole, "tierId"},
            {TierLabelRole, "tierLabel"},
            {TierColorRole, "tierColor"},
            {ModelRole, "model"},
            {InputTokensRole, "inputTokens"},
            {OutputTokensRole, "outputTokens"},
            {CostRole, "cost"},
            {CostKnownRole, "costKnown"},
            {TtftRole, "ttft"},
            {LatencyRole, "latency"},
            {StatusRole, "status"},
            {NoticeRole, "notice"},
            {DetailRole, "detail"},
            {ErrorRole, "error"},
            {CallsRole, "calls"},
            {EditableRole, "editable"}};
}

} // namespace ladder
