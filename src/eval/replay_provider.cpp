#include "replay_provider.h"

#include "core/pricing.h"
#include "core/token_estimate.h"
#include "providers/gemini_provider.h"
#include "providers/simulated_provider.h"

#include <QJsonArray>

namespace ladder::eval {

namespace {

QString firstUser(const ChatRequest &r)
{
    for (const ChatMessage &m : r.messages)
        if (m.role == ChatMessage::Role::User)
            return m.content;
    return {};
}

QString lastUser(const ChatRequest &r)
{
    for (auto it = r.messages.crbegin(); it != r.messages.crend(); ++it)
        if (it->role == ChatMessage::Role::User)
            return it->content;
    return {};
}

QString systemOf(const ChatRequest &r)
{
    return !r.messages.isEmpty() && r.messages.first().role == ChatMessage::Role::System
               ? r.messages.first().content
               : QString();
}

// The text a message carries on the wire: an answer a provider asked to get back verbatim (a
// Gemini answer's original parts) goes back as it came, not as the engine shows it.
QString wireText(const ChatMessage &m)
{
    const QJsonArray parts = m.providerData.value(QLatin1StringView(kGeminiPartsKey)).toArray();
    if (parts.isEmpty())
        return m.content;
    QString text;
    for (const QJsonValue &part : parts)
        text += part.toObject().value(QStringLiteral("text")).toString();
    return text;
}

// Tokens of the leading messages `a` and `b` share.
qint64 commonPrefixTokens(const QList<ChatMessage> &a, const QList<ChatMessage> &b)
{
    qint64 tokens = 0;
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i) {
        const QString text = wireText(a.at(i));
        if (a.at(i).role != b.at(i).role || text != wireText(b.at(i)))
            break;
        tokens += ReplayProvider::estimateTokens(text);
    }
    return tokens;
}

} // namespace

ReplayProvider::ImmediateCall::ImmediateCall(ChatResult result, QObject *parent)
    : ProviderCall(parent)
{
    m_result = std::move(result);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_done)
                return;
            m_done = true;
            if (!m_result.text.isEmpty() && !m_result.error)
                emit delta(m_result.text);
            emit finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

void ReplayProvider::ImmediateCall::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_result = ChatResult{};
    m_result.error = ProviderError{FailureKind::Cancelled, QStringLiteral("cancelled")};
    emit finished();
    deleteLater();
}

ReplayProvider::ReplayProvider(std::shared_ptr<const Dataset> set, QObject *parent)
    : Provider(parent)
    , m_set(std::move(set))
{}

void ReplayProvider::bindCase(int caseIndex)
{
    m_case = caseIndex;
    resetConversation();
}

void ReplayProvider::resetConversation()
{
    m_lastByModel.clear();
    m_last.clear();
    m_answeredBy.clear();
    m_notes.clear();
}

qint64 ReplayProvider::estimateTokens(const QString &text)
{
    return ladder::estimateTokens(text.size());
}

qint64 ReplayProvider::estimateTokens(const QList<ChatMessage> &messages)
{
    qint64 n = 0;
    for (const ChatMessage &m : messages)
        n += estimateTokens(wireText(m)) + 4; // role and framing
    return n;
}

int ReplayProvider::findCase(const ChatRequest &request) const
{
    if (m_case >= 0)
        return m_case;
    if (m_firstTurnIndex.isEmpty())
        for (int i = 0; i < m_set->cases.size(); ++i)
            if (!m_set->cases.at(i).userTurns.isEmpty())
                m_firstTurnIndex.insert(m_set->cases.at(i).userTurns.first(), i);
    const int byFirst = m_firstTurnIndex.value(firstUser(request), -1);
    if (byFirst >= 0)
        return byFirst;
    const QString user = lastUser(request);
    const int t = request.turn - 1;
    for (int i = 0; i < m_set->cases.size(); ++i)
        if (m_set->cases.at(i).userTurns.value(t) == user)
            return i;
    return -1;
}

ChatResult ReplayProvider::answer(const ChatRequest &request)
{
    ChatResult result;
    result.finishReason = QStringLiteral("stop");
    const QString system = systemOf(request);
    const bool sideCall = system.startsWith(QLatin1String("Summarise")) ||
                          system.contains(QLatin1String("Classify the user's message"));
    const int index = findCase(request);
    const int turn = request.turn - 1;
    const EvalCase *c = index >= 0 ? &m_set->cases.at(index) : nullptr;
    if (!sideCall) {
        if (!c) {
            result.error = ProviderError{
                FailureKind::BadRequest,
                QStringLiteral("replay: no recorded conversation starts with this user turn")};
            return result;
        }
        const auto it = c->answers.constFind(request.model);
        if (it == c->answers.constEnd() || turn < 0 || turn >= it->size() ||
            (it->at(turn).text.isEmpty() && !it->at(turn).score && !it->at(turn).correct)) {
            result.error = ProviderError{
                FailureKind::BadRequest,
                QStringLiteral("replay: no answer by \"%1\" recorded for case %2, turn %3")
                    .arg(request.model, c->id)
                    .arg(request.turn)};
            return result;
        }
        result.text = it->at(turn).text;
    }
    // Side calls (a summary, a listener's label) were never recorded: they answer empty, so the
    // engine keeps its pattern label and scaffold memory, and cost only their input.

    QList<ChatMessage> sent = request.messages;
    result.usage.estimated = true;
    result.usage.inputTokens = estimateTokens(sent);
    result.usage.outputTokens = estimateTokens(result.text);
    const auto same = m_lastByModel.constFind(request.model);
    const qint64 cached = same == m_lastByModel.constEnd() ? 0 : commonPrefixTokens(sent, *same);
    const qint64 kept = commonPrefixTokens(sent, m_last);
    result.usage.cachedTokens = std::min(cached, result.usage.inputTokens);
    const qint64 forfeited = std::max<qint64>(0, kept - cached);

    bool approximation = false;
    if (!sideCall) {
        for (auto it = m_answeredBy.cbegin(); it != m_answeredBy.cend(); ++it)
            if (it.key() < request.turn && it.value() != request.model)
                approximation = true;
        m_answeredBy.insert(request.turn, request.model);
    }
    // A prompt cache holds prompts: the next call can find this request's prefix cached, never
    // the answer (output) that followed it.
    m_lastByModel.insert(request.model, sent);
    m_last = sent;
    m_notes.append({request.turn, request.model, forfeited, approximation, sideCall});

    const SimulatedProfile profile = SimulatedProvider::profileFor(request.model);
    result.ttftMs = profile.ttftMs;
    result.latencyMs =
        profile.ttftMs + 1000.0 * double(result.usage.outputTokens) / profile.tokensPerSecond;
    const QJsonObject raw{{QStringLiteral("replayed"), true},
                          {QStringLiteral("case"), c ? c->id : QString()},
                          {QStringLiteral("answerer"), request.model},
                          {QStringLiteral("tokens"), QStringLiteral("estimated")},
                          {QStringLiteral("latency"), QStringLiteral("modelled")},
                          {QStringLiteral("approximation"), approximation},
                          {QStringLiteral("side_call"), sideCall},
                          {QStringLiteral("switch_forfeited_tokens"), forfeited}};
    result.raw = raw;
    // Gemini's client sends an answer back as its original parts (thought signatures), so the
    // next prompt carries the answer as it came: the replay asks for the same.
    const std::optional<ModelPrice> price = PricingTable::builtin().price(request.model);
    if (price && price->provider == QLatin1String("gemini"))
        result.raw.insert(
            QStringLiteral("provider_data"),
            QJsonObject{{QLatin1StringView(kGeminiPartsKey),
                         QJsonArray{QJsonObject{{QStringLiteral("text"), result.text}}}}});
    return result;
}

ProviderCall *ReplayProvider::start(const ChatRequest &request)
{
    return new ImmediateCall(answer(request), this);
}

} // namespace ladder::eval
