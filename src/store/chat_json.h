#pragma once

// ChatResult <-> JSON, as the audit log, its JSONL export and the response cache store it, and the
// defensive redaction of secrets in request JSON.

#include "engine/provider.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ladder {

QJsonArray toolCallsToJson(const QList<ToolCall> &calls);
// `path` names the value in error messages, e.g. "calls[3].tool_calls_json".
std::optional<QList<ToolCall>> toolCallsFromJson(const QJsonValue &value, const QString &path,
                                                 QString *error);

QJsonObject providerErrorToJson(const ProviderError &error);
std::optional<ProviderError> providerErrorFromJson(const QJsonValue &value, const QString &path,
                                                   QString *error);

// {"text", "tool_calls", "usage": {"input_tokens", "cached_tokens", "output_tokens",
// "estimated"}, "finish_reason", "ttft_ms", "latency_ms", "simulated", "cached", "error", "raw"}
QJsonObject chatResultToJson(const ChatResult &result);
// Missing keys take the defaults of ChatResult; keys of the wrong type are errors.
std::optional<ChatResult> chatResultFromJson(const QJsonValue &value, const QString &path,
                                             QString *error);

// authorization, x-api-key, x-goog-api-key, api_key (any case): header-like keys that carry a
// secret. Their values are replaced by "[redacted]" at any depth of a JSON value.
bool isSecretKey(const QString &key);
inline constexpr auto kRedacted = "[redacted]";
QJsonObject redactSecrets(const QJsonObject &object);
QJsonArray redactSecrets(const QJsonArray &array);

} // namespace ladder
