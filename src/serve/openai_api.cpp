#include "openai_api.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace ladder::serve {

namespace {

ApiError badField(const QString &param, const QString &message)
{
    return {400, QStringLiteral("%1: %2").arg(param, message),
            QStringLiteral("invalid_request_error"), param, QStringLiteral("invalid_value")};
}

// A message's text: a string, or an array of parts of which the "text" ones count.
std::optional<QString> contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    if (content.isNull() || content.isUndefined())
        return QString();
    if (!content.isArray())
        return std::nullopt;
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject o = part.toObject();
        if (!part.isObject() || !o.value(QStringLiteral("type")).isString())
            return std::nullopt;
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("text")) {
            if (!o.value(QStringLiteral("text")).isString())
                return std::nullopt;
            text += o.value(QStringLiteral("text")).toString();
        }
    }
    return text;
}

} // namespace

QByteArray ApiError::body() const
{
    QJsonObject error{{QStringLiteral("message"), message},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : param},
                      {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : code}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact);
}

namespace {

// `model`: the ladder, or "LADDER/TIER" (a manual pick of that tier).
std::optional<ApiError> readModel(const QJsonObject &o, const QString &modelId,
                                  const QStringList &tierIds, CompletionRequest *r)
{
    const QJsonValue model = o.value(QStringLiteral("model"));
    if (!model.isString())
        return badField(QStringLiteral("model"), model.isUndefined()
                                                     ? QStringLiteral("missing")
                                                     : QStringLiteral("expected a string"));
    r->model = model.toString();
    if (r->model == modelId)
        return std::nullopt;
    const QString prefix = modelId + QLatin1Char('/');
    const QString tier = r->model.startsWith(prefix) ? r->model.mid(prefix.size()) : QString();
    if (tier.isEmpty() || !tierIds.contains(tier))
        return ApiError{404,
                        QStringLiteral("The model '%1' does not exist; this server serves '%2' "
                                       "and its tiers '%2/TIER'")
                            .arg(r->model, modelId),
                        QStringLiteral("invalid_request_error"), QStringLiteral("model"),
                        QStringLiteral("model_not_found")};
    r->tierPin = tier;
    return std::nullopt;
}

// `stream`, `stream_options.include_usage`, `temperature`, `max_tokens` /
// `max_completion_tokens`; other fields are ignored, as OpenAI-compatible servers do.
std::optional<ApiError> readOptions(const QJsonObject &o, CompletionRequest *r)
{
    const QJsonValue stream = o.value(QStringLiteral("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return badField(QStringLiteral("stream"), QStringLiteral("expected true or false"));
    r->stream = stream.toBool();
    const QJsonValue streamOptions = o.value(QStringLiteral("stream_options"));
    if (streamOptions.isObject())
        r->includeUsage = streamOptions.toObject().value(QStringLiteral("include_usage")).toBool();

    const QJsonValue temperature = o.value(QStringLiteral("temperature"));
    if (!temperature.isUndefined() && !temperature.isNull()) {
        if (!temperature.isDouble() || temperature.toDouble() < 0 || temperature.toDouble() > 2)
            return badField(QStringLiteral("temperature"),
                            QStringLiteral("expected a number from 0 to 2"));
        r->overrides.temperature = temperature.toDouble();
    }
    for (const char *key : {"max_tokens", "max_completion_tokens"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != double(qint64(v.toDouble())) ||
            v.toDouble() > 1e7)
            return badField(QLatin1String(key), QStringLiteral("expected a positive integer"));
        r->overrides.maxTokens = int(v.toDouble());
    }
    return std::nullopt;
}

// `messages`: the system prompt, the first and last user turns; the last message must be the
// user's.
std::optional<ApiError> readMessages(const QJsonObject &o, CompletionRequest *r)
{
    const QJsonValue messages = o.value(QStringLiteral("messages"));
    if (!messages.isArray())
        return badField(QStringLiteral("messages"), messages.isUndefined()
                                                        ? QStringLiteral("missing")
                                                        : QStringLiteral("expected an array"));
    const QJsonArray list = messages.toArray();
    if (list.isEmpty())
        return badField(QStringLiteral("messages"),
                        QStringLiteral("expected at least one message"));
    QStringList system;
    QString lastRole;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("messages[%1]").arg(i);
        if (!list[i].isObject())
            return badField(path, QStringLiteral("expected an object"));
        const QJsonObject m = list[i].toObject();
        const QJsonValue role = m.value(QStringLiteral("role"));
        if (!role.isString())
            return badField(path + QStringLiteral(".role"), QStringLiteral("expected a string"));
        const std::optional<QString> text = contentText(m.value(QStringLiteral("content")));
        if (!text)
            return badField(path + QStringLiteral(".content"),
                            QStringLiteral("expected a string or an array of text parts"));
        lastRole = role.toString();
        if (lastRole == QLatin1String("system") || lastRole == QLatin1String("developer")) {
            system << *text;
        } else if (lastRole == QLatin1String("user")) {
            if (r->userTurns == 0)
                r->firstUser = *text;
            r->lastUser = *text;
            ++r->userTurns;
        } else if (lastRole != QLatin1String("assistant") && lastRole != QLatin1String("tool")) {
            return badField(path + QStringLiteral(".role"),
                            QStringLiteral("unknown role \"%1\"").arg(lastRole));
        }
    }
    if (lastRole != QLatin1String("user"))
        return badField(QStringLiteral("messages"),
                        QStringLiteral("the last message must be the user's turn"));
    if (r->lastUser.trimmed().isEmpty())
        return badField(QStringLiteral("messages[%1].content").arg(list.size() - 1),
                        QStringLiteral("the user's turn is empty"));
    r->system = system.join(QLatin1Char('\n'));
    return std::nullopt;
}

} // namespace

std::variant<CompletionRequest, ApiError>
parseCompletionRequest(const QByteArray &body, const QString &modelId, const QStringList &tierIds)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError{400,
                        QStringLiteral("the body is not valid JSON: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset),
                        QStringLiteral("invalid_request_error"),
                        {},
                        QStringLiteral("invalid_json")};
    if (!doc.isObject())
        return ApiError{400,
                        QStringLiteral("the body must be a JSON object"),
                        QStringLiteral("invalid_request_error"),
                        {},
                        QStringLiteral("invalid_json")};
    const QJsonObject o = doc.object();
    CompletionRequest r;
    if (auto error = readModel(o, modelId, tierIds, &r))
        return *error;
    if (auto error = readOptions(o, &r))
        return *error;
    if (auto error = readMessages(o, &r))
        return *error;
    return r;
}

QByteArray modelsJson(const QString &modelId, const QStringList &tierIds)
{
    QJsonArray data;
    auto entry = [](const QString &id) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("object"), QStringLiteral("model")},
                           {QStringLiteral("created"), 0},
                           {QStringLiteral("owned_by"), QStringLiteral("ladder")}};
    };
    data.append(entry(modelId));
    for (const QString &tier : tierIds)
        data.append(entry(modelId + QLatin1Char('/') + tier));
    return QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QString conversationId(const QByteArray &header, const CompletionRequest &request)
{
    const QByteArray h = header.trimmed();
    bool printable = !h.isEmpty() && h.size() <= 200;
    for (char c : h)
        printable = printable && c > 32 && c < 127;
    if (printable)
        return QString::fromLatin1(h);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.system.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(request.firstUser.toUtf8());
    return QStringLiteral("h-") + QString::fromLatin1(hash.result().toHex().left(32));
}

QJsonObject CompletionUsage::toJson() const
{
    return {{QStringLiteral("prompt_tokens"), prompt},
            {QStringLiteral("completion_tokens"), completion},
            {QStringLiteral("total_tokens"), prompt + completion}};
}

QByteArray completionJson(const QString &id, qint64 created, const QString &model,
                          const QString &answer, const CompletionUsage &usage)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), answer}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("finish_reason"), QStringLiteral("stop")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("object"), QStringLiteral("chat.completion")},
                                     {QStringLiteral("created"), created},
                                     {QStringLiteral("model"), model},
                                     {QStringLiteral("choices"), QJsonArray{choice}},
                                     {QStringLiteral("usage"), usage.toJson()}})
        .toJson(QJsonDocument::Compact);
}

QByteArray chunkEvent(const QString &id, qint64 created, const QString &model,
                      const QString &content, bool first, const QString &finishReason,
                      const CompletionUsage *usage)
{
    QJsonArray choices;
    if (!usage) {
        QJsonObject delta;
        if (first)
            delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        if (!content.isEmpty() || (first && finishReason.isEmpty()))
            delta.insert(QStringLiteral("content"), content);
        choices.append(
            QJsonObject{{QStringLiteral("index"), 0},
                        {QStringLiteral("delta"), delta},
                        {QStringLiteral("finish_reason"),
                         finishReason.isEmpty() ? QJsonValue() : QJsonValue(finishReason)}});
    }
    QJsonObject chunk{{QStringLiteral("id"), id},
                      {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                      {QStringLiteral("created"), created},
                      {QStringLiteral("model"), model},
                      {QStringLiteral("choices"), choices}};
    if (usage)
        chunk.insert(QStringLiteral("usage"), usage->toJson());
    return QByteArrayLiteral("data: ") + QJsonDocument(chunk).toJson(QJsonDocument::Compact) +
           QByteArrayLiteral("\n\n");
}

} // namespace ladder::serve
