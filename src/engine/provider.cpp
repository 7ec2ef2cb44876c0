#include "provider.h"

#include <QJsonArray>

namespace ladder {

QString toString(ChatMessage::Role role)
{
    switch (role) {
    case ChatMessage::Role::System:
        return QStringLiteral("system");
    case ChatMessage::Role::User:
        return QStringLiteral("user");
    case ChatMessage::Role::Assistant:
        return QStringLiteral("assistant");
    case ChatMessage::Role::Tool:
        return QStringLiteral("tool");
    }
    return {};
}

ToolSpec escalateToolSpec()
{
    const QJsonObject stringProp{{QStringLiteral("type"), QStringLiteral("string")}};
    return {QString::fromLatin1(kEscalateToolName),
            QStringLiteral("Hand this question to a stronger model. Call it instead of answering "
                           "when the question is too hard, high-stakes or outside your expertise."),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("reason"), stringProp},
                                     {QStringLiteral("question"), stringProp}}},
                        {QStringLiteral("required"),
                         QJsonArray{QStringLiteral("reason"), QStringLiteral("question")}}}};
}

bool ProviderError::retryable() const
{
    switch (kind) {
    case FailureKind::RateLimited:
    case FailureKind::Unavailable:
    case FailureKind::Timeout:
    case FailureKind::Network:
    case FailureKind::Truncated:
        return true;
    default:
        return false;
    }
}

QJsonObject ChatRequest::toJson() const
{
    QJsonArray messageArray;
    for (const ChatMessage &m : messages) {
        QJsonObject o{{QStringLiteral("role"), toString(m.role)},
                      {QStringLiteral("content"), m.content}};
        if (!m.toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const ToolCall &c : m.toolCalls)
                calls.append(QJsonObject{{QStringLiteral("id"), c.id},
                                         {QStringLiteral("name"), c.name},
                                         {QStringLiteral("arguments"), c.arguments}});
            o.insert(QStringLiteral("tool_calls"), calls);
        }
        if (!m.toolCallId.isEmpty())
            o.insert(QStringLiteral("tool_call_id"), m.toolCallId);
        messageArray.append(o);
    }
    QJsonArray toolArray;
    for (const ToolSpec &t : tools)
        toolArray.append(QJsonObject{{QStringLiteral("name"), t.name},
                                     {QStringLiteral("description"), t.description},
                                     {QStringLiteral("parameters"), t.parameters}});
    QJsonObject paramObject = params.extra;
    if (params.temperature)
        paramObject.insert(QStringLiteral("temperature"), *params.temperature);
    if (params.maxTokens)
        paramObject.insert(QStringLiteral("max_tokens"), *params.maxTokens);
    QJsonObject out{{QStringLiteral("provider"), provider},
                    {QStringLiteral("model"), model},
                    {QStringLiteral("messages"), messageArray},
                    {QStringLiteral("params"), paramObject}};
    if (!toolArray.isEmpty())
        out.insert(QStringLiteral("tools"), toolArray);
    return out;
}

} // namespace ladder
