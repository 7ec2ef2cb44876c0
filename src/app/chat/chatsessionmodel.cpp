#include "chatsessionmodel.h"
#include "sessionspend.h"

#include "chatexport.h"
#include "common/localfile.h"
#include "core/ladder_json.h"
#include "document/ladderdocument.h"
#include "engine/session.h"
#include "providers/provider_config.h"
#include "store/audit_store.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QSaveFile>

namespace ladder {

namespace {
constexpr int kTitleLength = 60;
} // namespace

ChatSessionModel::ChatSessionModel(QObject *parent)
    : ChatMessageModel(parent)
    , m_registry(std::make_unique<RunRegistry>())
    , m_memory(new ChatMemoryModel(this))
{
    connect(this, &ChatMessageModel::memoryUpdated, m_memory, &ChatMemoryModel::refresh);
}

ChatSessionModel::~ChatSessionModel()
{
    if (m_session)
        m_session->disconnect(this);
}

void ChatSessionModel::setLadder(const Ladder &ladder)
{
    m_ladder = ladder;
    timeline()->setLadder(ladder);
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

QVariantList ChatSessionModel::tiers() const
{
    return timeline()->lanes();
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
    connect(m_session.get(), &Session::event, m_feedback, &ChatFeedback::handleEvent);
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

QString ChatSessionModel::toMarkdown() const
{
    return chatToMarkdown(*this, m_title, m_sessionId);
}

QByteArray ChatSessionModel::toJson() const
{
    return chatToJson(*this, m_title, m_sessionId);
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
    return markdownCodeBlocks(markdown);
}

} // namespace ladder
