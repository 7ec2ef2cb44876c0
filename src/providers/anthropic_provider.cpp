#include "anthropic_provider.h"

#include "providers/event_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ladder {

using namespace Qt::StringLiterals;

AnthropicOptions AnthropicOptions::fromJson(const QJsonObject &options)
{
    AnthropicOptions out;
    out.version = options.value("anthropic_version"_L1).toString(out.version);
    out.defaultMaxTokens = options.value("default_max_tokens"_L1).toInt(out.defaultMaxTokens);
    return out;
}

namespace {

QJsonArray asBlocks(const QJsonValue &content)
{
    if (content.isArray())
        return content.toArray();
    const QString text = content.toString();
    if (text.isEmpty())
        return {};
    return {QJsonObject{{"type"_L1, "text"_L1}, {"text"_L1, text}}};
}

// Appends a turn, merging it into the previous one when the role repeats (the API wants
// alternating user/assistant turns; parallel tool results become one user turn).
void appendTurn(QJsonArray *messages, const QString &role, const QJsonValue &content)
{
    if (!messages->isEmpty()) {
        QJsonObject last = messages->last().toObject();
        if (last.value("role"_L1).toString() == role) {
            QJsonArray blocks = asBlocks(last.value("content"_L1));
            for (const QJsonValue &b : asBlocks(content))
                blocks.append(b);
            last.insert("content"_L1, blocks);
            (*messages)[messages->size() - 1] = last;
            return;
        }
    }
    messages->append(QJsonObject{{"role"_L1, role}, {"content"_L1, content}});
}

} // namespace

QJsonObject anthropicRequestJson(const ChatRequest &request, const AnthropicOptions &options)
{
    QStringList system;
    QJsonArray messages;
    for (const ChatMessage &m : request.messages) {
        switch (m.role) {
        case ChatMessage::Role::System:
            system << m.content;
            break;
        case ChatMessage::Role::User:
            appendTurn(&messages, u"user"_s, m.content);
            break;
        case ChatMessage::Role::Assistant: {
            const QJsonArray echoed =
                m.providerData.value(QLatin1StringView(kAnthropicContentKey)).toArray();
            if (!echoed.isEmpty()) { // signed thinking blocks go back as they came
                appendTurn(&messages, u"assistant"_s, echoed);
                break;
            }
            if (m.toolCalls.isEmpty()) {
                appendTurn(&messages, u"assistant"_s, m.content);
                break;
            }
            QJsonArray blocks = asBlocks(m.content);
            for (const ToolCall &c : m.toolCalls)
                blocks.append(QJsonObject{{"type"_L1, "tool_use"_L1},
                                          {"id"_L1, c.id},
                                          {"name"_L1, c.name},
                                          {"input"_L1, c.arguments}});
            appendTurn(&messages, u"assistant"_s, blocks);
            break;
        }
        case ChatMessage::Role::Tool:
            appendTurn(&messages, u"user"_s,
                       QJsonArray{QJsonObject{{"type"_L1, "tool_result"_L1},
                                              {"tool_use_id"_L1, m.toolCallId},
                                              {"content"_L1, m.content}}});
            break;
        }
    }
    QJsonObject body = request.params.extra;
    body.insert("model"_L1, request.model);
    body.insert("max_tokens"_L1, request.params.maxTokens.value_or(options.defaultMaxTokens));
    body.insert("stream"_L1, true);
    if (!system.isEmpty())
        body.insert("system"_L1, system.join("\n\n"_L1));
    if (request.params.temperature)
        body.insert("temperature"_L1, *request.params.temperature);
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &t : request.tools)
            tools.append(QJsonObject{{"name"_L1, t.name},
                                     {"description"_L1, t.description},
                                     {"input_schema"_L1, t.parameters}});
        body.insert("tools"_L1, tools);
        if (!body.contains("tool_choice"_L1))
            body.insert("tool_choice"_L1, QJsonObject{{"type"_L1, "auto"_L1}});
    }
    body.insert("messages"_L1, messages);
    return body;
}

void AnthropicDecoder::readUsage(const QJsonObject &usage)
{
    // message_delta usage is cumulative: a field present replaces the earlier value.
    if (usage.contains("input_tokens"_L1))
        m_input = usage.value("input_tokens"_L1).toInteger();
    if (usage.contains("cache_creation_input_tokens"_L1))
        m_cacheCreation = usage.value("cache_creation_input_tokens"_L1).toInteger();
    if (usage.contains("cache_read_input_tokens"_L1))
        m_cacheRead = usage.value("cache_read_input_tokens"_L1).toInteger();
    if (usage.contains("output_tokens"_L1))
        m_state.usage.outputTokens = usage.value("output_tokens"_L1).toInteger();
    m_state.usage.inputTokens = m_input + m_cacheCreation + m_cacheRead;
    m_state.usage.cachedTokens = m_cacheRead;
    m_state.raw.insert("cache_creation_input_tokens"_L1, m_cacheCreation);
}

namespace {

// A content_block_delta, the one event a streamed answer repeats: read member by member with
// On-Demand, without a QJsonObject.
struct BlockDelta {
    int index = 0;
    QString type;
    QString text; // text, partial_json, thinking or signature, by type
};

BlockDelta readBlockDelta(EventJson &json, ondemand::object root)
{
    BlockDelta out;
    json.forEachMember(root, [&](std::string_view key, ondemand::value v) {
        if (key == "index") {
            out.index = json.toInt(v);
        } else if (key == "delta") {
            QString text, partialJson, thinking, signature;
            out.type.clear();
            json.forEachMember(v, [&](std::string_view key, ondemand::value d) {
                if (key == "type")
                    out.type = json.toString(d);
                else if (key == "text")
                    text = json.toString(d);
                else if (key == "partial_json")
                    partialJson = json.toString(d);
                else if (key == "thinking")
                    thinking = json.toString(d);
                else if (key == "signature")
                    signature = json.toString(d);
            });
            if (out.type == "text_delta"_L1)
                out.text = text;
            else if (out.type == "input_json_delta"_L1)
                out.text = partialJson;
            else if (out.type == "thinking_delta"_L1)
                out.text = thinking;
            else if (out.type == "signature_delta"_L1)
                out.text = signature;
        }
    });
    return out;
}

} // namespace

void AnthropicDecoder::handle(const SseEvent &event, QString *delta)
{
    if (m_state.complete)
        return;
    EventJson &json = this->json();
    ondemand::object root;
    if (!json.parse(event.data, &root)) {
        finishEvent(event);
        return;
    }
    QString type = event.event;
    if (type.isEmpty()) { // the name is normally on the event; else the object's "type"
        ondemand::value value;
        const simdjson::error_code error = root.find_field_unordered("type").get(value);
        if (error == simdjson::SUCCESS)
            type = json.toString(value);
        else if (error != simdjson::NO_SUCH_FIELD)
            json.check(error);
        bool empty = false;
        if (json.failed() || json.check(root.reset().get(empty))) {
            finishEvent(event); // a broken iterator must not be touched again
            return;
        }
    }
    if (type != "content_block_delta"_L1) {
        const QJsonObject o = json.rootObject(); // rare events: read whole
        if (finishEvent(event))
            applyEvent(type, o, delta);
        return;
    }
    const BlockDelta d = readBlockDelta(json, root);
    if (!finishEvent(event))
        return;
    Block &b = m_blocks[d.index];
    if (d.type == "text_delta"_L1) {
        m_state.text += d.text;
        b.text += d.text;
        delta->append(d.text);
        m_state.contentStarted = true;
    } else if (d.type == "input_json_delta"_L1) {
        b.json += d.text;
        m_state.contentStarted = true;
    } else if (d.type == "thinking_delta"_L1) {
        b.thinking += d.text; // not part of the answer
    } else if (d.type == "signature_delta"_L1) {
        b.signature += d.text;
    }
}

void AnthropicDecoder::applyEvent(const QString &type, const QJsonObject &o, QString *delta)
{
    if (type == "content_block_start"_L1) {
        const QJsonObject block = o.value("content_block"_L1).toObject();
        Block &b = m_blocks[o.value("index"_L1).toInt()];
        b.type = block.value("type"_L1).toString();
        if (b.type == "tool_use"_L1) {
            b.id = block.value("id"_L1).toString();
            b.name = block.value("name"_L1).toString();
            b.input = block.value("input"_L1).toObject();
            m_state.contentStarted = true;
        } else if (b.type == "text"_L1) {
            const QString text = block.value("text"_L1).toString();
            if (!text.isEmpty()) {
                m_state.text += text;
                b.text += text;
                delta->append(text);
                m_state.contentStarted = true;
            }
        } else if (b.type == "thinking"_L1 || b.type == "redacted_thinking"_L1) {
            b.start = block;
            b.thinking = block.value("thinking"_L1).toString();
            b.signature = block.value("signature"_L1).toString();
            m_thinking = true;
        }
    } else if (type == "content_block_stop"_L1) {
        const int index = o.value("index"_L1).toInt();
        const Block b = m_blocks.take(index);
        if (b.type == "text"_L1) {
            m_content.append(QJsonObject{{"type"_L1, "text"_L1}, {"text"_L1, b.text}});
            return;
        }
        if (b.type == "thinking"_L1) {
            m_content.append(QJsonObject{{"type"_L1, "thinking"_L1},
                                         {"thinking"_L1, b.thinking},
                                         {"signature"_L1, b.signature}});
            return;
        }
        if (b.type == "redacted_thinking"_L1) {
            m_content.append(b.start);
            return;
        }
        if (b.type != "tool_use"_L1)
            return;
        ToolCall call{b.id, b.name, b.input};
        if (!b.json.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(b.json.toUtf8(), &parseError);
            if (!doc.isObject()) {
                protocolError(u"tool_use %1 (%2): input is not a JSON object: %3"_s.arg(
                    b.id, b.name,
                    parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : u"not an object"_s));
                return;
            }
            call.arguments = doc.object();
        }
        m_state.toolCalls.append(call);
        m_content.append(QJsonObject{{"type"_L1, "tool_use"_L1},
                                     {"id"_L1, call.id},
                                     {"name"_L1, call.name},
                                     {"input"_L1, call.arguments}});
    } else if (type == "message_start"_L1) {
        const QJsonObject message = o.value("message"_L1).toObject();
        m_state.raw.insert("id"_L1, message.value("id"_L1));
        m_state.raw.insert("model"_L1, message.value("model"_L1));
        readUsage(message.value("usage"_L1).toObject());
        m_state.inputKnown = true;
    } else if (type == "message_delta"_L1) {
        const QJsonValue stop = o.value("delta"_L1).toObject().value("stop_reason"_L1);
        if (stop.isString())
            m_state.finishReason = stop.toString();
        const QJsonObject usage = o.value("usage"_L1).toObject();
        if (!usage.isEmpty()) {
            readUsage(usage);
            m_state.outputKnown = true;
        }
    } else if (type == "message_stop"_L1) {
        m_state.complete = true;
    } else if (type == "error"_L1) {
        m_state.error = streamErrorEvent(m_label, o);
    }
    // ping and unknown events are ignored.
}

void AnthropicDecoder::endOfStream()
{
    if (m_thinking && !m_content.isEmpty())
        m_state.raw.insert("provider_data"_L1,
                           QJsonObject{{QLatin1StringView(kAnthropicContentKey), m_content}});
}

AnthropicProvider::AnthropicProvider(HttpProviderSettings settings, QObject *parent)
    : HttpProvider(std::move(settings), parent)
    , m_options(AnthropicOptions::fromJson(this->settings().options))
{}

QByteArray AnthropicProvider::requestBody(const ChatRequest &request) const
{
    return QJsonDocument(anthropicRequestJson(request, m_options)).toJson(QJsonDocument::Compact);
}

QNetworkRequest AnthropicProvider::networkRequest(const ChatRequest &, const QString &key) const
{
    QNetworkRequest request(endpoint(u"messages"_s));
    if (!key.isEmpty())
        request.setRawHeader("x-api-key", key.toUtf8());
    request.setRawHeader("anthropic-version", m_options.version.toUtf8());
    return request;
}

std::unique_ptr<StreamDecoder> AnthropicProvider::makeDecoder(CallLabel label) const
{
    return std::make_unique<AnthropicDecoder>(std::move(label));
}

} // namespace ladder
