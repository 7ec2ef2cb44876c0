// SessionSnapshot <-> JSON: what `ladder serve` keeps in its state store between turns.

#include "session.h"

#include <QJsonArray>

namespace ladder {

namespace {

// Reads typed values out of one JSON object; the first wrong type is kept as the error with
// its path, and later reads are no-ops.
class Reader
{
public:
    Reader(const QJsonObject &o, QString path, QString *error)
        : m_o(o)
        , m_path(std::move(path))
        , m_error(error)
    {}

    bool ok() const { return m_error->isEmpty(); }
    QString path(const QString &key) const { return m_path + QLatin1Char('.') + key; }

    template <typename Check> QJsonValue value(const char *key, Check check, const char *expected)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!ok() || v.isUndefined() || v.isNull())
            return {};
        if (!check(v)) {
            *m_error = QStringLiteral("%1: expected %2")
                           .arg(path(QLatin1String(key)), QLatin1String(expected));
            return {};
        }
        return v;
    }
    int integer(const char *key, int fallback = 0)
    {
        const QJsonValue v = value(
            key, [](const QJsonValue &x) { return x.isDouble(); }, "a number");
        return v.isDouble() ? v.toInt(fallback) : fallback;
    }
    double number(const char *key)
    {
        return value(
                   key, [](const QJsonValue &x) { return x.isDouble(); }, "a number")
            .toDouble();
    }
    bool boolean(const char *key)
    {
        return value(
                   key, [](const QJsonValue &x) { return x.isBool(); }, "true or false")
            .toBool();
    }
    QString string(const char *key)
    {
        return value(
                   key, [](const QJsonValue &x) { return x.isString(); }, "a string")
            .toString();
    }
    QJsonObject object(const char *key)
    {
        return value(
                   key, [](const QJsonValue &x) { return x.isObject(); }, "an object")
            .toObject();
    }
    QJsonArray array(const char *key)
    {
        return value(
                   key, [](const QJsonValue &x) { return x.isArray(); }, "an array")
            .toArray();
    }

private:
    const QJsonObject &m_o;
    QString m_path;
    QString *m_error;
};

QJsonObject messageToJson(const ChatMessage &m)
{
    QJsonObject o{{QStringLiteral("role"), toString(m.role)},
                  {QStringLiteral("content"), m.content}};
    QJsonArray calls;
    for (const ToolCall &c : m.toolCalls)
        calls.append(QJsonObject{{QStringLiteral("id"), c.id},
                                 {QStringLiteral("name"), c.name},
                                 {QStringLiteral("arguments"), c.arguments}});
    if (!calls.isEmpty())
        o.insert(QStringLiteral("tool_calls"), calls);
    if (!m.toolCallId.isEmpty())
        o.insert(QStringLiteral("tool_call_id"), m.toolCallId);
    if (!m.providerData.isEmpty())
        o.insert(QStringLiteral("provider_data"), m.providerData);
    return o;
}

ChatMessage messageFromJson(const QJsonObject &o, const QString &path, QString *error)
{
    Reader r(o, path, error);
    ChatMessage m;
    const QString role = r.string("role");
    const ChatMessage::Role roles[] = {ChatMessage::Role::System, ChatMessage::Role::User,
                                       ChatMessage::Role::Assistant, ChatMessage::Role::Tool};
    bool known = false;
    for (ChatMessage::Role candidate : roles) {
        if (toString(candidate) == role) {
            m.role = candidate;
            known = true;
        }
    }
    if (r.ok() && !known)
        *error =
            QStringLiteral("%1: unknown role \"%2\"").arg(r.path(QStringLiteral("role")), role);
    m.content = r.string("content");
    const QJsonArray calls = r.array("tool_calls");
    for (qsizetype i = 0; i < calls.size() && r.ok(); ++i) {
        Reader c(calls[i].toObject(), QStringLiteral("%1.tool_calls[%2]").arg(path).arg(i), error);
        m.toolCalls.append({c.string("id"), c.string("name"), c.object("arguments")});
    }
    m.toolCallId = r.string("tool_call_id");
    m.providerData = r.object("provider_data");
    return m;
}

QJsonObject turnToJson(const TurnRecord &t)
{
    QJsonArray discarded;
    for (const ChatMessage &m : t.discarded)
        discarded.append(messageToJson(m));
    QJsonObject o{{QStringLiteral("turn"), t.turn},
                  {QStringLiteral("user"), t.userText},
                  {QStringLiteral("answer"), t.answer},
                  {QStringLiteral("tier"), t.tierId},
                  {QStringLiteral("model"), t.model},
                  {QStringLiteral("input_tokens"), t.usage.inputTokens},
                  {QStringLiteral("cached_tokens"), t.usage.cachedTokens},
                  {QStringLiteral("output_tokens"), t.usage.outputTokens},
                  {QStringLiteral("cost_usd"), t.costUsd},
                  {QStringLiteral("ttft_ms"), t.ttftMs},
                  {QStringLiteral("latency_ms"), t.latencyMs},
                  {QStringLiteral("calls"), t.calls},
                  {QStringLiteral("failed"), t.failed}};
    if (!discarded.isEmpty())
        o.insert(QStringLiteral("discarded"), discarded);
    if (!t.answerProviderData.isEmpty())
        o.insert(QStringLiteral("answer_provider_data"), t.answerProviderData);
    if (!t.injectedMemory.isEmpty())
        o.insert(QStringLiteral("injected_memory"), t.injectedMemory);
    return o;
}

TurnRecord turnFromJson(const QJsonObject &o, const QString &path, QString *error)
{
    Reader r(o, path, error);
    TurnRecord t;
    t.turn = r.integer("turn");
    t.userText = r.string("user");
    t.answer = r.string("answer");
    t.tierId = r.string("tier");
    t.model = r.string("model");
    t.usage.inputTokens = qint64(r.number("input_tokens"));
    t.usage.cachedTokens = qint64(r.number("cached_tokens"));
    t.usage.outputTokens = qint64(r.number("output_tokens"));
    t.costUsd = r.number("cost_usd");
    t.ttftMs = r.number("ttft_ms");
    t.latencyMs = r.number("latency_ms");
    t.calls = r.integer("calls");
    t.failed = r.boolean("failed");
    t.answerProviderData = r.object("answer_provider_data");
    t.injectedMemory = r.string("injected_memory");
    const QJsonArray discarded = r.array("discarded");
    for (qsizetype i = 0; i < discarded.size() && r.ok(); ++i)
        t.discarded.append(messageFromJson(
            discarded[i].toObject(), QStringLiteral("%1.discarded[%2]").arg(path).arg(i), error));
    return t;
}

} // namespace

QJsonObject SessionSnapshot::toJson() const
{
    QJsonArray versions;
    for (const MemoryVersion &v : memory)
        versions.append(QJsonObject{{QStringLiteral("version"), v.version},
                                    {QStringLiteral("turn"), v.turn},
                                    {QStringLiteral("author"), v.author},
                                    {QStringLiteral("content"), v.content.toJson()}});
    QJsonArray turnArray;
    for (const TurnRecord &t : turns)
        turnArray.append(turnToJson(t));
    return {{QStringLiteral("state"),
             QJsonObject{{QStringLiteral("tier"), state.tier},
                         {QStringLiteral("turns_on_tier"), state.turnsOnTier},
                         {QStringLiteral("escalated_from"), state.escalatedFrom},
                         {QStringLiteral("turn"), state.turn}}},
            {QStringLiteral("memory"), versions},
            {QStringLiteral("turns"), turnArray}};
}

std::optional<SessionSnapshot> SessionSnapshot::fromJson(const QJsonObject &o, QString *error)
{
    QString problem;
    Reader r(o, QStringLiteral("$"), &problem);
    SessionSnapshot s;
    const QJsonObject state = r.object("state");
    Reader st(state, QStringLiteral("$.state"), &problem);
    s.state.tier = st.integer("tier", -1);
    s.state.turnsOnTier = st.integer("turns_on_tier");
    s.state.escalatedFrom = st.integer("escalated_from", -1);
    s.state.turn = st.integer("turn");
    const QJsonArray versions = r.array("memory");
    for (qsizetype i = 0; i < versions.size() && problem.isEmpty(); ++i) {
        Reader v(versions[i].toObject(), QStringLiteral("$.memory[%1]").arg(i), &problem);
        s.memory.append({v.integer("version"), v.integer("turn"), v.string("author"),
                         MemoryContent::fromJson(v.object("content"))});
    }
    const QJsonArray turns = r.array("turns");
    for (qsizetype i = 0; i < turns.size() && problem.isEmpty(); ++i)
        s.turns.append(
            turnFromJson(turns[i].toObject(), QStringLiteral("$.turns[%1]").arg(i), &problem));
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return s;
}

} // namespace ladder
