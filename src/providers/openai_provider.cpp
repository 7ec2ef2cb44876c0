#include "openai_provider.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ladder {

using namespace Qt::StringLiterals;

OpenAiOptions OpenAiOptions::fromJson(const QJsonObject &options)
{
    OpenAiOptions out;
    out.systemRole = options.value("system_role"_L1).toString(out.systemRole);
    out.maxTokensField = options.value("max_tokens_field"_L1).toString(out.maxTokensField);
    return out;
}

QJsonObject openAiRequestJson(const ChatRequest &request, const OpenAiOptions &options)
{
    QJsonArray messages;
    for (const ChatMessage &m : request.messages) {
        QJsonObject o;
        switch (m.role) {
        case ChatMessage::Role::System:
            o = {{"role"_L1, options.systemRole}, {"content"_L1, m.content}};
            break;
        case ChatMessage::Role::User:
            o = {{"role"_L1, "user"_L1}, {"content"_L1, m.content}};
            break;
        case ChatMessage::Role::Assistant: {
            o = {{"role"_L1, "assistant"_L1}};
            o.insert("content"_L1, m.content.isEmpty() && !m.toolCalls.isEmpty()
                                       ? QJsonValue(QJsonValue::Null)
                                       : QJsonValue(m.content));
            if (!m.toolCalls.isEmpty()) {
                QJsonArray calls;
                for (const ToolCall &c : m.toolCalls) {
                    const QString arguments = QString::fromUtf8(
                        QJsonDocument(c.arguments).toJson(QJsonDocument::Compact));
                    calls.append(
                        QJsonObject{{"id"_L1, c.id},
                                    {"type"_L1, "function"_L1},
                                    {"function"_L1, QJsonObject{{"name"_L1, c.name},
                                                                {"arguments"_L1, arguments}}}});
                }
                o.insert("tool_calls"_L1, calls);
            }
            break;
        }
        case ChatMessage::Role::Tool:
            o = {{"role"_L1, "tool"_L1},
                 {"tool_call_id"_L1, m.toolCallId},
                 {"content"_L1, m.content}};
            break;
        }
        messages.append(o);
    }
    QJsonObject body = request.params.extra; // provider-specific parameters pass through
    body.insert("model"_L1, request.model);
    body.insert("stream"_L1, true);
    body.insert("stream_options"_L1, QJsonObject{{"include_usage"_L1, true}});
    body.insert("messages"_L1, messages);
    if (request.params.temperature)
        body.insert("temperature"_L1, *request.params.temperature);
    if (request.params.maxTokens)
        body.insert(options.maxTokensField, *request.params.maxTokens);
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &t : request.tools)
            tools.append(
                QJsonObject{{"type"_L1, "function"_L1},
                            {"function"_L1, QJsonObject{{"name"_L1, t.name},
                                                        {"description"_L1, t.description},
                                                        {"parameters"_L1, t.parameters}}}});
        body.insert("tools"_L1, tools);
        if (!body.contains("tool_choice"_L1))
            body.insert("tool_choice"_L1, "auto"_L1);
    }
    return body;
}

void OpenAiDecoder::handle(const SseEvent &event, QString *delta)
{
    if (m_state.complete)
        return;
    if (event.data == "[DONE]") {
        finishToolCalls();
        m_state.complete = true;
        return;
    }
    JsonRef chunk;
    if (!parseObject(event, &chunk))
        return;
    if (chunk.contains("error"_L1)) {
        m_state.error = streamErrorEvent(m_label, chunk.toObject());
        return;
    }
    if (m_state.raw.isEmpty()) {
        m_state.raw.insert("id"_L1, chunk.value("id"_L1).toJsonValue());
        m_state.raw.insert("model"_L1, chunk.value("model"_L1).toJsonValue());
    }
    const JsonRef usage = chunk.value("usage"_L1);
    if (usage.isObject()) {
        m_state.usage.inputTokens = usage.value("prompt_tokens"_L1).toInteger();
        m_state.usage.outputTokens = usage.value("completion_tokens"_L1).toInteger();
        m_state.usage.cachedTokens =
            usage.value("prompt_tokens_details"_L1).value("cached_tokens"_L1).toInteger();
        m_state.inputKnown = m_state.outputKnown = true;
        const qint64 reasoning =
            usage.value("completion_tokens_details"_L1).value("reasoning_tokens"_L1).toInteger();
        if (reasoning > 0)
            m_state.raw.insert("reasoning_tokens"_L1, reasoning);
    }
    for (const JsonRef choice : chunk.value("choices"_L1)) {
        if (choice.value("index"_L1).toInt() != 0)
            continue; // n > 1 is never requested
        const JsonRef d = choice.value("delta"_L1);
        for (const auto field : {"content"_L1, "refusal"_L1}) {
            const QString text = d.value(field).toString();
            if (!text.isEmpty()) {
                m_state.text += text;
                delta->append(text);
                m_state.contentStarted = true;
            }
        }
        for (const JsonRef call : d.value("tool_calls"_L1)) {
            PendingCall &pending = m_calls[call.value("index"_L1).toInt()];
            const QString id = call.value("id"_L1).toString();
            if (!id.isEmpty())
                pending.id = id;
            const JsonRef function = call.value("function"_L1);
            const QString name = function.value("name"_L1).toString();
            if (!name.isEmpty() && pending.name.isEmpty())
                pending.name = name;
            pending.arguments += function.value("arguments"_L1).toString();
            m_state.contentStarted = true;
        }
        const JsonRef finish = choice.value("finish_reason"_L1);
        if (finish.isString())
            m_state.finishReason = finish.toString();
    }
}

void OpenAiDecoder::endOfStream()
{
    finishToolCalls();
}

void OpenAiDecoder::finishToolCalls()
{
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        ToolCall call{it->id, it->name, {}};
        if (call.id.isEmpty())
            call.id = u"call_%1"_s.arg(it.key());
        if (!it->arguments.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(it->arguments.toUtf8(), &parseError);
            if (!doc.isObject()) {
                protocolError(u"tool call %1 (%2): arguments are not a JSON object: %3"_s.arg(
                    call.id, call.name,
                    parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : u"not an object"_s));
                continue;
            }
            call.arguments = doc.object();
        }
        m_state.toolCalls.append(call);
    }
    m_calls.clear();
}

OpenAiProvider::OpenAiProvider(HttpProviderSettings settings, QObject *parent)
    : HttpProvider(std::move(settings), parent)
    , m_options(OpenAiOptions::fromJson(this->settings().options))
{}

QByteArray OpenAiProvider::requestBody(const ChatRequest &request) const
{
    return QJsonDocument(openAiRequestJson(request, m_options)).toJson(QJsonDocument::Compact);
}

QNetworkRequest OpenAiProvider::networkRequest(const ChatRequest &, const QString &key) const
{
    QNetworkRequest request(endpoint(u"chat/completions"_s));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    return request;
}

std::unique_ptr<StreamDecoder> OpenAiProvider::makeDecoder(CallLabel label) const
{
    return std::make_unique<OpenAiDecoder>(std::move(label));
}

} // namespace ladder
