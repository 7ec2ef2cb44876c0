#pragma once

// The one streaming interface every model provider implements (simulated, replay, OpenAI-
// compatible, Anthropic, Gemini). The engine depends on this; providers/ implements it.

#include "core/ladder.h"
#include "core/pricing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ladder {

struct ToolCall {
    QString id;
    QString name;
    QJsonObject arguments;
    bool operator==(const ToolCall &) const = default;
};

struct ChatMessage {
    enum class Role { System, User, Assistant, Tool };
    Role role = Role::User;
    QString content;
    QList<ToolCall> toolCalls; // Assistant only
    QString toolCallId;        // Tool only
    QJsonObject providerData; // opaque per-provider data echoed back (e.g. Gemini thoughtSignature)
    bool operator==(const ChatMessage &) const = default;
};
QString toString(ChatMessage::Role role);

struct ToolSpec {
    QString name;
    QString description;
    QJsonObject parameters; // JSON Schema of the arguments
};

// escalate(reason, question): the control-signal tool offered to tiers with escalateTool.
ToolSpec escalateToolSpec();
inline constexpr auto kEscalateToolName = "escalate";

struct ChatRequest {
    QString provider;
    QString model;
    QList<ChatMessage> messages; // system message first when present
    QList<ToolSpec> tools;
    TierParams params;
    // Context for providers that use it (simulated fault schedule, replay lookup, audit).
    int turn = 0;
    int attempt = 1;
    quint64 seed = 0;
    QString tierId;

    QJsonObject toJson() const; // the request as the audit stores it (never any secret)
};

struct ProviderError {
    FailureKind kind = FailureKind::Protocol;
    QString message;    // for people; never contains a key
    int httpStatus = 0; // 0 when there was no HTTP response
    qint64 retryAfterMs = -1;
    bool retryable() const;
};

struct ChatResult {
    QString text;
    QList<ToolCall> toolCalls;
    TokenUsage usage;
    QString finishReason;
    double ttftMs = 0;      // time to first token
    double latencyMs = 0;   // time to the last byte
    bool simulated = false; // timings and text come from the simulated provider
    bool cached = false;    // served from the response cache
    int httpStatus = 0;     // the HTTP status of the response, 0 without one (simulated, cache)
    std::optional<ProviderError> error;
    QJsonObject raw; // provider-specific details for the audit (ids, finish reason, ...)
};

// One in-flight call. Emits delta() zero or more times, then finished() exactly once (also after
// cancel(), with error kind Cancelled). The call deletes itself later; hold it in a QPointer.
class ProviderCall : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;
    const ChatResult &result() const { return m_result; }

signals:
    void delta(const QString &text);
    void finished();

protected:
    ChatResult m_result;
};

class Provider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString id() const = 0;
    virtual ProviderCall *start(const ChatRequest &request) = 0;
};

// Maps a provider id of a ladder to the instance that serves it.
class ProviderRegistry
{
public:
    virtual ~ProviderRegistry() = default;
    virtual Provider *provider(const QString &providerId) const = 0;
};

} // namespace ladder
