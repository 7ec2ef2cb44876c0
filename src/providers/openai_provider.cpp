#include "openai_provider.h"

#include "providers/event_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

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

namespace {

// What one chat.completion.chunk says, read in one pass (On-Demand reads each value once, in
// document order) before any of it is applied. A repeated member replaces the earlier one, as
// in QJsonObject.
struct OpenAiChunk {
    struct Call {
        int index = 0;
        QString id;
        QString name;
        QString arguments;
    };
    struct Choice {
        int index = 0;
        QString content;
        QString refusal;
        QList<Call> calls;
        std::optional<QString> finishReason;
    };
    bool error = false;
    QJsonValue id{QJsonValue::Undefined};
    QJsonValue model{QJsonValue::Undefined};
    bool hasUsage = false;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
    QList<Choice> choices;
};

OpenAiChunk::Call readToolCall(EventJson &json, ondemand::value value)
{
    OpenAiChunk::Call call;
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        if (key == "index") {
            call.index = json.toInt(v);
        } else if (key == "id") {
            call.id = json.toString(v);
        } else if (key == "function") {
            call.name.clear();
            call.arguments.clear();
            json.forEachMember(v, [&](std::string_view key, ondemand::value f) {
                if (key == "name")
                    call.name = json.toString(f);
                else if (key == "arguments")
                    call.arguments = json.toString(f);
            });
        }
    });
    return call;
}

OpenAiChunk::Choice readChoice(EventJson &json, ondemand::value value)
{
    OpenAiChunk::Choice choice;
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        if (key == "index") {
            choice.index = json.toInt(v);
        } else if (key == "delta") {
            choice.content.clear();
            choice.refusal.clear();
            choice.calls.clear();
            json.forEachMember(v, [&](std::string_view key, ondemand::value d) {
                if (key == "content") {
                    choice.content = json.toString(d);
                } else if (key == "refusal") {
                    choice.refusal = json.toString(d);
                } else if (key == "tool_calls") {
                    choice.calls.clear();
                    json.forEachElement(
                        d, [&](ondemand::value c) { choice.calls.append(readToolCall(json, c)); });
                }
            });
        } else if (key == "finish_reason") {
            choice.finishReason.reset();
            if (json.type(v) == QJsonValue::String)
                choice.finishReason = json.toString(v);
        }
    });
    return choice;
}

void readUsage(EventJson &json, ondemand::value value, OpenAiChunk *chunk)
{
    chunk->hasUsage = json.type(value) == QJsonValue::Object;
    chunk->inputTokens = chunk->outputTokens = chunk->cachedTokens = chunk->reasoningTokens = 0;
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        if (key == "prompt_tokens") {
            chunk->inputTokens = json.toInteger(v);
        } else if (key == "completion_tokens") {
            chunk->outputTokens = json.toInteger(v);
        } else if (key == "prompt_tokens_details") {
            chunk->cachedTokens = 0;
            json.forEachMember(v, [&](std::string_view key, ondemand::value d) {
                if (key == "cached_tokens")
                    chunk->cachedTokens = json.toInteger(d);
            });
        } else if (key == "completion_tokens_details") {
            chunk->reasoningTokens = 0;
            json.forEachMember(v, [&](std::string_view key, ondemand::value d) {
                if (key == "reasoning_tokens")
                    chunk->reasoningTokens = json.toInteger(d);
            });
        }
    });
}

OpenAiChunk readChunk(EventJson &json, ondemand::object root, bool wantIds)
{
    OpenAiChunk chunk;
    json.forEachMember(root, [&](std::string_view key, ondemand::value v) {
        if (key == "error") {
            chunk.error = true; // read whole once the event is known to be well-formed
        } else if (key == "choices") {
            chunk.choices.clear();
            json.forEachElement(
                v, [&](ondemand::value c) { chunk.choices.append(readChoice(json, c)); });
        } else if (key == "usage") {
            readUsage(json, v, &chunk);
        } else if (wantIds && key == "id") {
            chunk.id = json.toJsonValue(v);
        } else if (wantIds && key == "model") {
            chunk.model = json.toJsonValue(v);
        }
    });
    return chunk;
}

} // namespace

void OpenAiDecoder::handle(const SseEvent &event, QString *delta)
{
    if (m_state.complete)
        return;
    if (event.data == "[DONE]") {
        finishToolCalls();
        m_state.complete = true;
        return;
    }
    EventJson &json = this->json();
    ondemand::object root;
    OpenAiChunk chunk;
    if (json.parse(event.data, &root))
        chunk = readChunk(json, root, m_state.raw.isEmpty());
    if (!finishEvent(event))
        return;
    if (chunk.error) {
        errorEvent(event);
        return;
    }
    if (m_state.raw.isEmpty()) {
        m_state.raw.insert("id"_L1, chunk.id);
        m_state.raw.insert("model"_L1, chunk.model);
    }
    if (chunk.hasUsage) {
        m_state.usage.inputTokens = chunk.inputTokens;
        m_state.usage.outputTokens = chunk.outputTokens;
        m_state.usage.cachedTokens = chunk.cachedTokens;
        m_state.inputKnown = m_state.outputKnown = true;
        if (chunk.reasoningTokens > 0)
            m_state.raw.insert("reasoning_tokens"_L1, chunk.reasoningTokens);
    }
    for (const OpenAiChunk::Choice &choice : std::as_const(chunk.choices)) {
        if (choice.index != 0)
            continue; // n > 1 is never requested
        for (const QString &text : {choice.content, choice.refusal}) {
            if (!text.isEmpty()) {
                m_state.text += text;
                delta->append(text);
                m_state.contentStarted = true;
            }
        }
        for (const OpenAiChunk::Call &call : choice.calls) {
            PendingCall &pending = m_calls[call.index];
            if (!call.id.isEmpty())
                pending.id = call.id;
            if (!call.name.isEmpty() && pending.name.isEmpty())
                pending.name = call.name;
            pending.arguments += call.arguments;
            m_state.contentStarted = true;
        }
        if (choice.finishReason)
            m_state.finishReason = *choice.finishReason;
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
