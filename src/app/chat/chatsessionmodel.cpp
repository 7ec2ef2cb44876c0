#include "chatsessionmodel.h"
#include "routingnotes.h"
#include "sessionspend.h"

#include "common/formatter.h"
#include "common/localfile.h"
#include "core/ladder_json.h"
#include "document/ladderdocument.h"
#include "engine/session.h"
#include "providers/provider_config.h"
#include "store/audit_store.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

namespace ladder {

namespace {
constexpr int kDeltaIntervalMs = 33; // streamed text reaches the view at most ~30 times a second
constexpr int kTitleLength = 60;

// [min, lower quartile, median, upper quartile, max] for a box plot; empty without values.
QVariantList boxOf(const QVariantList &values)
{
    QList<double> v;
    for (const QVariant &x : values)
        v.append(x.toDouble());
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    auto quantile = [&v](double q) {
        const double pos = q * double(v.size() - 1);
        const auto lo = qsizetype(pos);
        const qsizetype hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
    };
    return {v.constFirst(), quantile(0.25), quantile(0.5), quantile(0.75), v.constLast()};
}

QString humanError(const QString &kind)
{
    QString s = kind;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}
} // namespace

ChatSessionModel::ChatSessionModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_registry(std::make_unique<RunRegistry>())
    , m_timeline(new ChatTimelineModel(this))
    , m_memory(new ChatMemoryModel(this))
{
    m_deltaTimer.setSingleShot(true);
    m_deltaTimer.setInterval(kDeltaIntervalMs);
    connect(&m_deltaTimer, &QTimer::timeout, this, &ChatSessionModel::flushDeltas);
}

ChatSessionModel::~ChatSessionModel()
{
    if (m_session)
        m_session->disconnect(this);
}

void ChatSessionModel::setLadder(const Ladder &ladder)
{
    m_ladder = ladder;
    m_timeline->setLadder(ladder);
    if (m_manualTier.size() && !ladder.tier(m_manualTier))
        setManualTier({});
    emit ladderChanged();
    clear();
}

void ChatSessionModel::setLadderFrom(LadderDocument *document)
{
    if (document)
        setLadder(document->ladder());
}

bool ChatSessionModel::setLadderFromTemplate(const QString &name)
{
    const ParseResult r = loadExampleLadder(name);
    if (!r.ok()) {
        setError(r.diagnostics.value(0).toString());
        return false;
    }
    setLadder(r.ladder);
    return true;
}

void ChatSessionModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorStringChanged();
}

void ChatSessionModel::refreshAuditWarning()
{
    QString warning;
    if (m_store && !m_sessionId.isEmpty()) {
        const AuditLosses losses = m_store->losses();
        for (const AuditLosses::Session &s : losses.sessions) {
            if (s.id != m_sessionId)
                continue;
            QStringList turns; // turn 0 is the session row, written with turn 1
            for (int turn : s.turns) {
                if (turn > 0)
                    turns << QString::number(turn);
            }
            const QString what =
                turns.isEmpty() ? tr("the start of this chat")
                                : tr("turns %1 of this chat").arg(turns.join(QStringLiteral(", ")));
            warning = tr("Not recorded in the session store: %1 (%2). The chat goes on, but its "
                         "record is incomplete.")
                          .arg(what, losses.firstError);
        }
    }
    if (warning == m_auditWarning)
        return;
    m_auditWarning = warning;
    emit auditWarningChanged();
}

void ChatSessionModel::resetRows()
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

void ChatSessionModel::clear()
{
    const bool wasBusy = busy();
    if (m_session) {
        m_session->disconnect(this);
        m_session->cancel();
        m_session.reset();
    }
    m_queue.clear();
    m_running = false;
    m_memory->setSession(nullptr, m_ladder.memory.budgetTokens);
    resetRows();
    if (!m_sessionId.isEmpty()) {
        m_sessionId.clear();
        emit sessionIdChanged();
        refreshAuditWarning();
    }
    if (m_readOnly) {
        m_readOnly = false;
        emit readOnlyChanged();
    }
    setTitle({});
    setError({});
    if (!m_activeTier.isEmpty()) {
        m_activeTier.clear();
        emit activeTierChanged();
    }
    if (wasBusy)
        emit busyChanged();
}

void ChatSessionModel::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    if (m_store && !m_sessionId.isEmpty() && !m_readOnly && !title.isEmpty())
        m_store->setSessionTitle(m_sessionId, title);
    emit titleChanged();
}

void ChatSessionModel::setLabel(const QString &label)
{
    if (m_label == label)
        return;
    m_label = label;
    emit labelChanged();
}

QVariantList ChatSessionModel::tiers() const
{
    return m_timeline->lanes();
}

bool ChatSessionModel::busy() const
{
    return m_running || !m_queue.isEmpty();
}

void ChatSessionModel::setManualTier(const QString &tierId)
{
    if (m_manualTier == tierId)
        return;
    m_manualTier = tierId;
    emit manualTierChanged();
}

void ChatSessionModel::setTimeScale(double scale)
{
    if (qFuzzyCompare(m_timeScale, scale))
        return;
    m_timeScale = scale;
    m_registry->simulated().setTimeScale(scale);
    emit timeScaleChanged();
}

void ChatSessionModel::setFaults(const QString &spec)
{
    QString error;
    if (const auto faults = FaultSchedule::parse(spec, &error))
        m_registry->simulated().setFaults(*faults);
    else
        setError(tr("Fault schedule: %1").arg(error));
}

void ChatSessionModel::setProviders(std::shared_ptr<const ProviderConfig> config,
                                    std::shared_ptr<const KeySource> keys)
{
    m_providers = std::move(config);
    m_keys = std::move(keys);
    m_providersChanged = true;
}

void ChatSessionModel::ensureSession()
{
    if (m_session)
        return;
    if (m_providersChanged) { // no session uses the old providers any more
        m_registry->configure(m_providers.get(), m_keys);
        m_providersChanged = false;
    }
    SessionOptions options;
    options.seed = m_seed + quint64(m_branches);
    options.retry.delayScale = m_timeScale;
    options.pricing = &m_registry->pricing(); // the providers file's prices, too
    options.audit = m_store;
    options.cache = m_cache; // the Session consults it only when the ladder switches it on
    options.spend = appSessionSpend(); // budget.session_usd counts every chat of the app
    m_session = std::make_unique<Session>(m_ladder, m_registry.get(), options);
    connect(m_session.get(), &Session::event, this, &ChatSessionModel::handleEvent);
    connect(m_session.get(), &Session::turnFinished, this, &ChatSessionModel::finishTurn);
    m_sessionId = m_session->sessionId();
    emit sessionIdChanged();
    m_memory->setSession(m_session.get(), m_ladder.memory.budgetTokens);
}

bool ChatSessionModel::send(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || m_readOnly || m_ladder.tiers.isEmpty())
        return false;
    const bool wasBusy = busy();
    m_queue.append({trimmed, m_manualTier});
    setManualTier({});
    if (!wasBusy)
        emit busyChanged();
    startNext();
    return true;
}

void ChatSessionModel::startNext()
{
    if (m_running)
        return;
    if (m_queue.isEmpty()) {
        emit busyChanged();
        emit idle();
        return;
    }
    const Pending next = m_queue.takeFirst();
    ensureSession();
    const double scale = next.timeScale >= 0 ? next.timeScale : m_timeScale;
    m_registry->simulated().setTimeScale(scale);
    if (next.memoryBefore)
        replaceMemory(*next.memoryBefore);
    m_running = true;
    if (!m_session->submit(next.text, next.tier)) {
        m_running = false;
        setError(tr("The session did not accept the turn"));
        m_queue.clear();
        emit busyChanged();
        emit idle();
    }
}

void ChatSessionModel::stop()
{
    m_queue.clear();
    if (m_session && m_session->busy())
        m_session->cancel();
    emit busyChanged();
}

void ChatSessionModel::branch(int turn, const QString &text)
{
    QStringList earlier;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.kind == QLatin1String("user") && r.turn < turn) {
            const int a = assistantRowOf(r.turn);
            if (a >= 0 && m_rows[a].status == QLatin1String("done"))
                earlier.append(r.text);
        }
    }
    const QString title = m_title;
    const quint64 branches = quint64(m_branches) + 1;
    clear();
    m_branches = int(branches);
    m_title = title; // re-stored for the new session once it has an id
    emit titleChanged();
    for (const QString &t : std::as_const(earlier))
        m_queue.append({t, {}, 0.0}); // earlier turns replay at once
    m_queue.append({text, m_manualTier});
    setManualTier({});
    emit busyChanged();
    startNext();
    if (m_store && !m_title.isEmpty())
        m_store->setSessionTitle(m_sessionId, m_title);
}

bool ChatSessionModel::replay(const QStringList &turns, int fromTurn,
                              const std::optional<MemoryContent> &memory)
{
    if (m_readOnly || m_ladder.tiers.isEmpty() || fromTurn < 1 || fromTurn > turns.size())
        return false;
    clear();
    for (int i = 0; i < turns.size(); ++i) {
        const int turn = i + 1;
        Pending p{turns[i], {}, turn < fromTurn ? 0.0 : -1.0, std::nullopt};
        if (turn == fromTurn)
            p.memoryBefore = memory;
        m_queue.append(p);
    }
    emit busyChanged();
    startNext();
    return true;
}

QStringList ChatSessionModel::userTurns() const
{
    QStringList out;
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("user"))
            out.append(r.text);
    }
    return out;
}

// One user version with the filled fields (merge), then one for each field to clear, if any.
void ChatSessionModel::replaceMemory(const MemoryContent &content)
{
    ensureSession();
    HandoffMemory &memory = m_session->memory();
    const int turn = int(m_session->turns().size());
    memory.merge(content, turn, QStringLiteral("user"));
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        const auto field = MemoryField(i);
        if (content[field].isEmpty() && !memory.current()[field].isEmpty())
            memory.setField(field, {}, turn);
    }
    m_memory->refresh();
}

bool ChatSessionModel::regenerate()
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[i].kind == QLatin1String("user"))
            return editAndResend(m_rows[i].turn, m_rows[i].text);
    }
    return false;
}

bool ChatSessionModel::editAndResend(int turn, const QString &text)
{
    if (m_readOnly || text.trimmed().isEmpty() || rowOfTurn(turn) < 0)
        return false;
    branch(turn, text.trimmed());
    return true;
}

bool ChatSessionModel::retry(int turn)
{
    const QString text = userTextOf(turn);
    return !text.isEmpty() && send(text);
}

int ChatSessionModel::rowOfTurn(int turn) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].turn == turn && m_rows[i].kind == QLatin1String("user"))
            return i;
    }
    return -1;
}

QString ChatSessionModel::userTextOf(int turn) const
{
    const int row = rowOfTurn(turn);
    return row >= 0 ? m_rows[row].text : QString();
}

QString ChatSessionModel::injectedMemoryAt(int turn) const
{
    return m_injected.value(turn);
}

int ChatSessionModel::assistantRowOf(int turn) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[i].turn == turn && m_rows[i].kind == QLatin1String("assistant"))
            return i;
    }
    return -1;
}

void ChatSessionModel::insertRow(int at, const Row &row)
{
    if (m_deltaRow >= at)
        ++m_deltaRow;
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
}

void ChatSessionModel::changed(int row)
{
    if (row >= 0 && row < m_rows.size())
        emit dataChanged(index(row), index(row));
}

void ChatSessionModel::flushDeltas()
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

TimelineEntry &ChatSessionModel::timelineEntry(int turn)
{
    TimelineEntry &e = m_turnInfo[turn];
    e.turn = turn;
    return e;
}

QString ChatSessionModel::tierLabel(const QString &id) const
{
    const Tier *t = m_ladder.tier(id);
    return t && !t->label.isEmpty() ? t->label : id;
}

QString ChatSessionModel::tierColor(const QString &id) const
{
    const Tier *t = m_ladder.tier(id);
    return t && !t->color.isEmpty() ? t->color : QStringLiteral("#8d96a3");
}

void ChatSessionModel::handleEvent(const Event &event)
{
    const QJsonObject &d = event.data;
    const int turn = event.turn;
    auto str = [&d](const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    auto num = [&d](const char *key) {
        return d.value(QLatin1String(key)).toDouble();
    };

    if (event.type != Event::Type::Delta)
        flushDeltas();

    switch (event.type) {
    case Event::Type::TurnStarted: {
        Row user;
        user.kind = QStringLiteral("user");
        user.text = str("user_text");
        user.turn = turn;
        insertRow(int(m_rows.size()), user);
        Row answer;
        answer.kind = QStringLiteral("assistant");
        answer.turn = turn;
        answer.status = QStringLiteral("pending");
        insertRow(int(m_rows.size()), answer);
        timelineEntry(turn);
        ++m_turnCount;
        emit totalsChanged();
        break;
    }
    case Event::Type::TierActive: {
        const int row = assistantRowOf(turn);
        if (row >= 0) {
            m_rows[row].tierId = str("tier");
            m_rows[row].model = str("model");
            changed(row);
        }
        if (m_activeTier != str("tier")) {
            m_activeTier = str("tier");
            emit activeTierChanged();
        }
        if (const QString note = routingNote(d); !note.isEmpty() && row >= 0) {
            Row n; // a budget step-down or a weighed switch, told like an escalation
            n.kind = QStringLiteral("notice");
            n.notice = QStringLiteral("routing");
            n.turn = turn;
            n.tierId = str("tier");
            n.text = tr("↓ %1").arg(note);
            insertRow(row, n);
            timelineEntry(turn).stepDowns.append(note);
        }
        break;
    }
    case Event::Type::Delta: {
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        if (m_deltaRow != row)
            flushDeltas();
        m_deltaRow = row;
        m_pendingDelta += str("text");
        if (!m_deltaTimer.isActive())
            m_deltaTimer.start();
        break;
    }
    case Event::Type::Escalated: {
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        Row n;
        n.kind = QStringLiteral("notice");
        n.notice = QStringLiteral("escalation");
        n.turn = turn;
        n.tierId = str("to");
        n.text = tr("↳ escalated to %1: %2").arg(tierLabel(str("to")), str("reason"));
        QStringList detail;
        if (str("phase") == QLatin1String("post_turn")) {
            if (str("signal") == QLatin1String("escalate_tool"))
                detail.append(tr("Tool call: escalate(reason: \"%1\", question: \"%2\")")
                                  .arg(str("reason"), str("question")));
            else if (!str("question").isEmpty())
                detail.append(tr("Question: %1").arg(str("question")));
            detail.append(tr("Discarded answer from %1:").arg(tierLabel(str("from"))));
            detail.append(str("discarded_answer"));
        } else {
            detail.append(
                tr("Signal before the turn on %1: %2").arg(tierLabel(str("from")), str("signal")));
        }
        n.detail = detail.join(QStringLiteral("\n\n"));
        m_rows[row].text.clear();
        changed(row);
        insertRow(row, n);
        timelineEntry(turn).escalations.append(
            QStringLiteral("%1 → %2 (%3)")
                .arg(tierLabel(str("from")), tierLabel(str("to")), str("reason")));
        emit totalsChanged();
        break;
    }
    case Event::Type::Handoff: {
        m_injected[turn] = str("injected_memory");
        if (str("from").isEmpty())
            break;
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        Row n;
        n.kind = QStringLiteral("notice");
        n.notice = QStringLiteral("handoff");
        n.turn = turn;
        n.tierId = str("to");
        const bool injected = d.value(QLatin1String("injected")).toBool();
        n.text = injected ? tr("handoff %1 → %2 · memory v%3 injected (%4 tokens)")
                                .arg(tierLabel(str("from")), tierLabel(str("to")))
                                .arg(d.value(QLatin1String("memory_version")).toInt())
                                .arg(d.value(QLatin1String("memory_tokens")).toInt())
                          : tr("handoff %1 → %2 · no memory injected")
                                .arg(tierLabel(str("from")), tierLabel(str("to")));
        n.detail = str("injected_memory");
        insertRow(row, n);
        timelineEntry(turn).handoffs.append(
            QStringLiteral("%1 → %2").arg(tierLabel(str("from")), tierLabel(str("to"))));
        break;
    }
    case Event::Type::Fallback: {
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        Row n;
        n.kind = QStringLiteral("notice");
        n.turn = turn;
        n.detail = str("message");
        const QString error = humanError(str("error"));
        if (d.contains(QLatin1String("retry"))) {
            n.notice = QStringLiteral("retry");
            n.tierId = str("tier");
            n.text = tr("%1 on %2, retry %3 after %4 ms")
                         .arg(error, str("from_model"))
                         .arg(d.value(QLatin1String("retry")).toInt())
                         .arg(qRound(num("delay_ms")));
        } else {
            // Until the turn is answered; then the last one says who answered (fallbackAnswered).
            n.notice = QStringLiteral("fallback");
            n.error = error;
            n.model = str("from_model");
            if (d.contains(QLatin1String("to_tier"))) {
                n.tierId = str("from_tier");
                n.text =
                    tr("%1 on %2, falling back to tier %3 (%4)")
                        .arg(error, str("from_model"), tierLabel(str("to_tier")), str("to_model"));
            } else {
                n.tierId = str("tier");
                n.text = tr("%1 on %2, falling back to %3")
                             .arg(error, str("from_model"), str("to_model"));
            }
        }
        m_rows[row].text.clear();
        changed(row);
        insertRow(row, n);
        if (n.notice == QLatin1String("fallback"))
            timelineEntry(turn).fallbacks.append(n.text);
        emit totalsChanged();
        break;
    }
    case Event::Type::MemoryUpdated:
        m_memory->refresh();
        break;
    case Event::Type::TurnCompleted: {
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        Row &r = m_rows[row];
        const QJsonObject usage = d.value(QLatin1String("usage")).toObject();
        r.text = str("answer");
        r.tierId = str("tier");
        r.model = str("model");
        r.inputTokens = usage.value(QLatin1String("input_tokens")).toInteger();
        r.outputTokens = usage.value(QLatin1String("output_tokens")).toInteger();
        r.cost = num("cost_usd");
        r.costKnown = d.value(QLatin1String("cost_known")).toBool(true);
        r.ttft = num("ttft_ms");
        r.latency = num("latency_ms");
        r.calls = d.value(QLatin1String("calls")).toInt();
        r.status = QStringLiteral("done");
        changed(row);
        fallbackAnswered(turn, row);
        TimelineEntry &e = timelineEntry(turn);
        if (const QString held = heldBackNote(d); !held.isEmpty())
            e.stepDowns.append(held);
        e.tierId = r.tierId;
        e.model = r.model;
        e.costUsd = r.cost;
        e.costKnown = r.costKnown;
        e.latencyMs = r.latency;
        e.failed = false;
        m_timeline->upsert(e);
        emit totalsChanged();
        emit statsChanged();
        break;
    }
    case Event::Type::TurnFailed: {
        const int row = assistantRowOf(turn);
        if (row < 0)
            break;
        Row &r = m_rows[row];
        const bool cancelled = str("error") == QLatin1String("cancelled");
        r.status = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        r.error =
            cancelled ? tr("Stopped") : tr("%1: %2").arg(humanError(str("error")), str("message"));
        r.cost = num("cost_usd");
        r.costKnown = d.value(QLatin1String("cost_known")).toBool(true);
        if (!str("tier").isEmpty())
            r.tierId = str("tier");
        if (!str("model").isEmpty())
            r.model = str("model");
        changed(row);
        TimelineEntry &e = timelineEntry(turn);
        e.tierId = r.tierId;
        e.model = r.model;
        e.costUsd = r.cost;
        e.costKnown = r.costKnown;
        e.failed = true;
        m_timeline->upsert(e);
        emit totalsChanged();
        emit statsChanged();
        break;
    }
    }
}

// The last fallback before the answer (none after an escalation: that answer was discarded)
// reads "rate limited on X, answered by Y", in the chat and in the timeline's marker.
void ChatSessionModel::fallbackAnswered(int turn, int answerRow)
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
                     ? tr("%1 on %2, answered by %3").arg(n.error, n.model, answer.model)
                     : tr("%1 on %2, answered by %3 on tier %4")
                           .arg(n.error, n.model, answer.model, tierLabel(answer.tierId));
        changed(i);
        QStringList &markers = timelineEntry(turn).fallbacks;
        const qsizetype at = markers.lastIndexOf(before);
        if (at >= 0)
            markers[at] = n.text;
        return;
    }
}

void ChatSessionModel::finishTurn(int turn, bool ok)
{
    flushDeltas();
    m_running = false;
    if (m_title.isEmpty()) {
        QString t = userTextOf(turn).simplified();
        if (t.size() > kTitleLength)
            t = t.left(kTitleLength - 1) + QStringLiteral("…");
        setTitle(t);
    }
    if (m_store)
        m_store->flush();
    emit turnFinished(turn, ok);
    // The session is still inside its own signal: start the next turn from the event loop.
    QMetaObject::invokeMethod(this, &ChatSessionModel::startNext, Qt::QueuedConnection);
}

bool ChatSessionModel::openStored(AuditReader &reader, const QString &sessionId)
{
    const std::optional<QJsonObject> json = reader.ladderJson(sessionId);
    if (!json) {
        setError(tr("Session %1 is not in the store: %2").arg(sessionId, reader.lastError()));
        return false;
    }
    const ParseResult parsed = parseLadderObject(*json, sessionId);
    setLadder(parsed.ladder);
    const QList<StoredEvent> events = reader.events(sessionId);
    for (const StoredEvent &e : events)
        handleEvent(e.event);
    flushDeltas();
    m_sessionId = sessionId;
    emit sessionIdChanged();
    m_readOnly = true;
    emit readOnlyChanged();
    for (const SessionSummary &s : reader.sessions()) {
        if (s.id == sessionId) {
            m_title = s.title;
            emit titleChanged();
        }
    }
    return true;
}

QVariantMap ChatSessionModel::totals() const
{
    double cost = 0; // of the turns with a known price
    int costUnknown = 0;
    qint64 input = 0;
    qint64 output = 0;
    double latency = 0;
    int answered = 0;
    int failed = 0;
    int escalations = 0;
    int fallbacks = 0;
    int retries = 0;
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("assistant")) {
            cost += r.cost;
            costUnknown += r.costKnown ? 0 : 1;
            input += r.inputTokens;
            output += r.outputTokens;
            if (r.status == QLatin1String("done")) {
                latency += r.latency;
                ++answered;
            } else if (r.status == QLatin1String("failed")) {
                ++failed;
            }
        } else if (r.notice == QLatin1String("escalation")) {
            ++escalations;
        } else if (r.notice == QLatin1String("fallback")) {
            ++fallbacks;
        } else if (r.notice == QLatin1String("retry")) {
            ++retries;
        }
    }
    return {{QStringLiteral("cost"), cost},
            {QStringLiteral("costUnknownTurns"), costUnknown},
            {QStringLiteral("costLabel"), formatCostLabel(cost, costUnknown > 0)},
            {QStringLiteral("inputTokens"), input},
            {QStringLiteral("outputTokens"), output},
            {QStringLiteral("tokens"), input + output},
            {QStringLiteral("meanLatency"), answered ? latency / answered : 0.0},
            {QStringLiteral("answered"), answered},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("escalations"), escalations},
            {QStringLiteral("fallbacks"), fallbacks},
            {QStringLiteral("retries"), retries},
            {QStringLiteral("turns"), m_turnCount}};
}

// {turns: [1, 2, ...], cost: [...], cumulativeCost: [...], cumulativeCostLabel: [...] (priced
//  turns only, "+ unknown" from the first turn without a price), ttft: [...], latency: [...],
//  tiers: [{id, label, color, input, output}], escalations, fallbacks, retries, costLegend}
QVariantMap ChatSessionModel::stats() const
{
    QVariantList turns;
    QVariantList cost;
    QVariantList cumulative;
    QVariantList cumulativeLabel;
    bool someUnknown = false;
    QVariantList ttft;
    QVariantList latency;
    QHash<QString, QPair<qint64, qint64>> byTier;
    double running = 0;
    for (const Row &r : m_rows) {
        if (r.kind != QLatin1String("assistant") ||
            (r.status != QLatin1String("done") && r.status != QLatin1String("failed")))
            continue;
        running += r.cost;
        turns.append(r.turn);
        cost.append(r.cost);
        cumulative.append(running);
        someUnknown = someUnknown || !r.costKnown;
        cumulativeLabel.append(formatCostLabel(running, someUnknown));
        if (r.status == QLatin1String("done")) {
            ttft.append(r.ttft);
            latency.append(r.latency);
        }
        auto &t = byTier[r.tierId];
        t.first += r.inputTokens;
        t.second += r.outputTokens;
    }
    QVariantList tiers;
    for (const QString &id : ChatTimelineModel::laneOrder(m_ladder)) {
        const auto t = byTier.value(id);
        tiers.append(QVariantMap{{QStringLiteral("id"), id},
                                 {QStringLiteral("label"), tierLabel(id)},
                                 {QStringLiteral("color"), tierColor(id)},
                                 {QStringLiteral("input"), t.first},
                                 {QStringLiteral("output"), t.second}});
    }
    QVariantMap out = totals();
    out.insert(QStringLiteral("ttftBox"), boxOf(ttft));
    out.insert(QStringLiteral("latencyBox"), boxOf(latency));
    out.insert(QStringLiteral("turnNumbers"), turns);
    out.insert(QStringLiteral("costPerTurn"), cost);
    out.insert(QStringLiteral("cumulativeCost"), cumulative);
    out.insert(QStringLiteral("cumulativeCostLabel"), cumulativeLabel);
    const int unknownTurns = out.value(QStringLiteral("costUnknownTurns")).toInt();
    const QString name = m_label.isEmpty() ? m_ladder.name : m_label;
    out.insert(QStringLiteral("costLegend"),
               unknownTurns > 0 ? tr("%1 (turns of unknown cost: %2)").arg(name).arg(unknownTurns)
                                : name);
    out.insert(QStringLiteral("ttft"), ttft);
    out.insert(QStringLiteral("latency"), latency);
    out.insert(QStringLiteral("tiers"), tiers);
    out.insert(QStringLiteral("name"), m_label.isEmpty() ? m_ladder.name : m_label);
    return out;
}

QString ChatSessionModel::toMarkdown() const
{
    QString md;
    md += QStringLiteral("# %1\n\n").arg(m_title.isEmpty() ? tr("Chat") : m_title);
    md += tr("Ladder: %1 · session %2").arg(m_ladder.name, m_sessionId) + QStringLiteral("\n\n");
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("user")) {
            md += QStringLiteral("## ") + tr("User (turn %1)").arg(r.turn) + QStringLiteral("\n\n");
            md += r.text + QStringLiteral("\n\n");
        } else if (r.kind == QLatin1String("notice")) {
            md += QStringLiteral("> ") + r.text + QStringLiteral("\n\n");
        } else {
            md += QStringLiteral("### %1 · %2\n\n").arg(tierLabel(r.tierId), r.model);
            if (r.status == QLatin1String("done")) {
                md += QStringLiteral("_") +
                      tr("%1 in / %2 out tokens · %3 · TTFT %4 ms · %5 ms")
                          .arg(r.inputTokens)
                          .arg(r.outputTokens)
                          .arg(formatCostLabel(r.cost, !r.costKnown))
                          .arg(qRound(r.ttft))
                          .arg(qRound(r.latency)) +
                      QStringLiteral("_\n\n");
            } else if (!r.error.isEmpty()) {
                md += QStringLiteral("**") + r.error + QStringLiteral("**\n\n");
            }
            md += r.text + QStringLiteral("\n\n");
        }
    }
    return md;
}

QByteArray ChatSessionModel::toJson() const
{
    QJsonArray turns;
    QJsonObject current;
    QJsonArray notices;
    auto close = [&] {
        if (!current.isEmpty()) {
            current.insert(QStringLiteral("notices"), notices);
            turns.append(current);
        }
        current = {};
        notices = {};
    };
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("user")) {
            close();
            current.insert(QStringLiteral("turn"), r.turn);
            current.insert(QStringLiteral("user"), r.text);
        } else if (r.kind == QLatin1String("notice")) {
            notices.append(QJsonObject{{QStringLiteral("kind"), r.notice},
                                       {QStringLiteral("text"), r.text},
                                       {QStringLiteral("detail"), r.detail}});
        } else {
            current.insert(QStringLiteral("answer"), r.text);
            current.insert(QStringLiteral("status"), r.status);
            current.insert(QStringLiteral("tier"), r.tierId);
            current.insert(QStringLiteral("model"), r.model);
            current.insert(QStringLiteral("input_tokens"), r.inputTokens);
            current.insert(QStringLiteral("output_tokens"), r.outputTokens);
            current.insert(QStringLiteral("cost_usd"), r.cost);
            current.insert(QStringLiteral("ttft_ms"), r.ttft);
            current.insert(QStringLiteral("latency_ms"), r.latency);
            if (!r.error.isEmpty())
                current.insert(QStringLiteral("error"), r.error);
        }
    }
    close();
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("ladder-chat/1")},
                           {QStringLiteral("session_id"), m_sessionId},
                           {QStringLiteral("title"), m_title},
                           {QStringLiteral("ladder"), m_ladder.name},
                           {QStringLiteral("turns"), turns}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ChatSessionModel::exportTo(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    QSaveFile file(path);
    const bool markdown = path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(markdown ? toMarkdown().toUtf8() : toJson());
    if (!file.commit()) {
        setError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void ChatSessionModel::copyText(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

QStringList ChatSessionModel::codeBlocks(const QString &markdown)
{
    QStringList blocks;
    QString current;
    bool inside = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            if (inside)
                blocks.append(current);
            current.clear();
            inside = !inside;
            continue;
        }
        if (inside)
            current += (current.isEmpty() ? QString() : QStringLiteral("\n")) + line;
    }
    return blocks;
}

int ChatSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatSessionModel::data(const QModelIndex &index, int role) const
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

QHash<int, QByteArray> ChatSessionModel::roleNames() const
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
