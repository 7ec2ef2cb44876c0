#include "chat_json.h"

#include <array>

namespace ladder {

namespace {

QString typeError(const QString &path, const char *expected)
{
    return path + QStringLiteral(": expected ") + QLatin1String(expected);
}

// Reads an optional member of `object` into `out`; false (with *error) when it has the wrong type.
bool readString(const QJsonObject &object, const QString &key, const QString &path, QString *out,
                QString *error)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = typeError(path + QLatin1Char('.') + key, "a string");
        return false;
    }
    *out = v.toString();
    return true;
}

bool readDouble(const QJsonObject &object, const QString &key, const QString &path, double *out,
                QString *error)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble()) {
        *error = typeError(path + QLatin1Char('.') + key, "a number");
        return false;
    }
    *out = v.toDouble();
    return true;
}

template <typename Int>
bool readInteger(const QJsonObject &object, const QString &key, const QString &path, Int *out,
                 QString *error)
{
    double d = double(*out);
    if (!readDouble(object, key, path, &d, error))
        return false;
    if (d != double(qint64(d))) {
        *error = typeError(path + QLatin1Char('.') + key, "an integer");
        return false;
    }
    *out = Int(d);
    return true;
}

bool readBool(const QJsonObject &object, const QString &key, const QString &path, bool *out,
              QString *error)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool()) {
        *error = typeError(path + QLatin1Char('.') + key, "true or false");
        return false;
    }
    *out = v.toBool();
    return true;
}

bool readObject(const QJsonObject &object, const QString &key, const QString &path,
                QJsonObject *out, QString *error)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject()) {
        *error = typeError(path + QLatin1Char('.') + key, "an object");
        return false;
    }
    *out = v.toObject();
    return true;
}

const std::array<QLatin1String, 4> kSecretKeys{
    QLatin1String("authorization"), QLatin1String("x-api-key"), QLatin1String("x-goog-api-key"),
    QLatin1String("api_key")};

bool hasSecret(const QJsonValue &value);

bool hasSecret(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isSecretKey(it.key()) || hasSecret(it.value()))
            return true;
    }
    return false;
}

bool hasSecret(const QJsonArray &array)
{
    for (const QJsonValue &v : array) {
        if (hasSecret(v))
            return true;
    }
    return false;
}

bool hasSecret(const QJsonValue &value)
{
    if (value.isObject())
        return hasSecret(value.toObject());
    if (value.isArray())
        return hasSecret(value.toArray());
    return false;
}

QJsonValue redacted(const QJsonValue &value)
{
    if (value.isObject())
        return redactSecrets(value.toObject());
    if (value.isArray())
        return redactSecrets(value.toArray());
    return value;
}

} // namespace

QJsonArray toolCallsToJson(const QList<ToolCall> &calls)
{
    QJsonArray out;
    for (const ToolCall &c : calls)
        out.append(QJsonObject{{QStringLiteral("id"), c.id},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("arguments"), c.arguments}});
    return out;
}

std::optional<QList<ToolCall>> toolCallsFromJson(const QJsonValue &value, const QString &path,
                                                 QString *error)
{
    QList<ToolCall> calls;
    if (value.isUndefined() || value.isNull())
        return calls;
    if (!value.isArray()) {
        *error = typeError(path, "an array of tool calls");
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = path + QStringLiteral("[%1]").arg(i);
        if (!array[i].isObject()) {
            *error = typeError(itemPath, "an object");
            return std::nullopt;
        }
        const QJsonObject o = array[i].toObject();
        ToolCall call;
        if (!readString(o, QStringLiteral("id"), itemPath, &call.id, error) ||
            !readString(o, QStringLiteral("name"), itemPath, &call.name, error) ||
            !readObject(o, QStringLiteral("arguments"), itemPath, &call.arguments, error))
            return std::nullopt;
        calls.append(call);
    }
    return calls;
}

QJsonObject providerErrorToJson(const ProviderError &error)
{
    return QJsonObject{{QStringLiteral("kind"), toString(error.kind)},
                       {QStringLiteral("message"), error.message},
                       {QStringLiteral("http_status"), error.httpStatus},
                       {QStringLiteral("retry_after_ms"), error.retryAfterMs}};
}

std::optional<ProviderError> providerErrorFromJson(const QJsonValue &value, const QString &path,
                                                   QString *error)
{
    if (!value.isObject()) {
        *error = typeError(path, "an object");
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    ProviderError out;
    QString kind;
    if (!readString(o, QStringLiteral("kind"), path, &kind, error))
        return std::nullopt;
    const std::optional<FailureKind> parsed = failureKindFromString(kind);
    if (!parsed) {
        *error = path + QStringLiteral(".kind: unknown error kind \"%1\"").arg(kind);
        return std::nullopt;
    }
    out.kind = *parsed;
    if (!readString(o, QStringLiteral("message"), path, &out.message, error) ||
        !readInteger(o, QStringLiteral("http_status"), path, &out.httpStatus, error) ||
        !readInteger(o, QStringLiteral("retry_after_ms"), path, &out.retryAfterMs, error))
        return std::nullopt;
    return out;
}

QJsonObject chatResultToJson(const ChatResult &result)
{
    QJsonObject out{{QStringLiteral("text"), result.text},
                    {QStringLiteral("tool_calls"), toolCallsToJson(result.toolCalls)},
                    {QStringLiteral("usage"),
                     QJsonObject{{QStringLiteral("input_tokens"), result.usage.inputTokens},
                                 {QStringLiteral("cached_tokens"), result.usage.cachedTokens},
                                 {QStringLiteral("output_tokens"), result.usage.outputTokens},
                                 {QStringLiteral("estimated"), result.usage.estimated}}},
                    {QStringLiteral("finish_reason"), result.finishReason},
                    {QStringLiteral("ttft_ms"), result.ttftMs},
                    {QStringLiteral("latency_ms"), result.latencyMs},
                    {QStringLiteral("simulated"), result.simulated},
                    {QStringLiteral("cached"), result.cached},
                    {QStringLiteral("raw"), result.raw}};
    if (result.error)
        out.insert(QStringLiteral("error"), providerErrorToJson(*result.error));
    return out;
}

std::optional<ChatResult> chatResultFromJson(const QJsonValue &value, const QString &path,
                                             QString *error)
{
    if (!value.isObject()) {
        *error = typeError(path, "an object");
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    ChatResult out;
    QJsonObject usage;
    const QString usagePath = path + QStringLiteral(".usage");
    if (!readString(o, QStringLiteral("text"), path, &out.text, error) ||
        !readString(o, QStringLiteral("finish_reason"), path, &out.finishReason, error) ||
        !readDouble(o, QStringLiteral("ttft_ms"), path, &out.ttftMs, error) ||
        !readDouble(o, QStringLiteral("latency_ms"), path, &out.latencyMs, error) ||
        !readBool(o, QStringLiteral("simulated"), path, &out.simulated, error) ||
        !readBool(o, QStringLiteral("cached"), path, &out.cached, error) ||
        !readObject(o, QStringLiteral("raw"), path, &out.raw, error) ||
        !readObject(o, QStringLiteral("usage"), path, &usage, error) ||
        !readInteger(usage, QStringLiteral("input_tokens"), usagePath, &out.usage.inputTokens,
                     error) ||
        !readInteger(usage, QStringLiteral("cached_tokens"), usagePath, &out.usage.cachedTokens,
                     error) ||
        !readInteger(usage, QStringLiteral("output_tokens"), usagePath, &out.usage.outputTokens,
                     error) ||
        !readBool(usage, QStringLiteral("estimated"), usagePath, &out.usage.estimated, error))
        return std::nullopt;
    std::optional<QList<ToolCall>> calls = toolCallsFromJson(
        o.value(QStringLiteral("tool_calls")), path + QStringLiteral(".tool_calls"), error);
    if (!calls)
        return std::nullopt;
    out.toolCalls = *calls;
    const QJsonValue err = o.value(QStringLiteral("error"));
    if (!err.isUndefined() && !err.isNull()) {
        out.error = providerErrorFromJson(err, path + QStringLiteral(".error"), error);
        if (!out.error)
            return std::nullopt;
    }
    return out;
}

bool isSecretKey(const QString &key)
{
    for (const QLatin1String &secret : kSecretKeys) {
        if (key.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject redactSecrets(const QJsonObject &object)
{
    if (!hasSecret(object))
        return object; // the common case: no copy at all
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isSecretKey(it.key()))
            out.insert(it.key(), QLatin1String(kRedacted));
        else
            out.insert(it.key(), redacted(it.value()));
    }
    return out;
}

QJsonArray redactSecrets(const QJsonArray &array)
{
    if (!hasSecret(array))
        return array;
    QJsonArray out;
    for (const QJsonValue &v : array)
        out.append(redacted(v));
    return out;
}

} // namespace ladder
