#include "dialect_server.h"

#include "mock_http_server.h"

#include "providers/simulated_provider.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <initializer_list>
#include <utility>

namespace ladder::test {

using namespace Qt::StringLiterals;

QString toString(Dialect dialect)
{
    switch (dialect) {
    case Dialect::OpenAi:
        return u"openai"_s;
    case Dialect::Anthropic:
        return u"anthropic"_s;
    case Dialect::Gemini:
        return u"gemini"_s;
    }
    return {};
}

namespace {

// ---------------------------------------------------------------------------------------------
// Decoding the request bodies.

// Reads a JSON document and remembers the first problem, with its JSON Pointer.
class Reader
{
public:
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    bool fail(const QString &path, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = (path.isEmpty() ? u"/"_s : path) + u": "_s + what;
        return false;
    }
    QString string(const QJsonObject &o, const QString &path, const char *key, bool required)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString())
            fail(path + u'/' + QLatin1StringView(key), u"expected a string"_s);
        return v.toString();
    }
    QJsonArray array(const QJsonObject &o, const QString &path, const char *key, bool required)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isArray())
            fail(path + u'/' + QLatin1StringView(key), u"expected an array"_s);
        return v.toArray();
    }
    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, u"expected an object"_s);
        return v.toObject();
    }
    std::optional<double> number(const QJsonObject &o, const QString &path, const char *key)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(path + u'/' + QLatin1StringView(key), u"expected a number"_s);
            return std::nullopt;
        }
        return v.toDouble();
    }
    std::optional<int> integer(const QJsonObject &o, const QString &path, const char *key)
    {
        const std::optional<double> n = number(o, path, key);
        if (n && (*n != double(int(*n)) || *n <= 0)) {
            fail(path + u'/' + QLatin1StringView(key), u"expected a positive integer"_s);
            return std::nullopt;
        }
        return n ? std::optional<int>(int(*n)) : std::nullopt;
    }
    // A JSON object carried in a string (OpenAI tool call arguments).
    QJsonObject objectInString(const QString &text, const QString &path)
    {
        if (text.trimmed().isEmpty())
            return {};
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (!doc.isObject())
            fail(path, u"expected a JSON object in the string: "_s + parseError.errorString());
        return doc.object();
    }

private:
    QString m_error;
};

QString indexed(const QString &path, qsizetype i)
{
    return path + u'/' + QString::number(i);
}

ChatMessage message(ChatMessage::Role role, const QString &content)
{
    ChatMessage m;
    m.role = role;
    m.content = content;
    return m;
}

// Text of an OpenAI content: a string, null, or an array of {type:"text",text} parts.
QString openAiContent(const QJsonValue &content, const QString &path, Reader &r)
{
    if (content.isString() || content.isNull() || content.isUndefined())
        return content.toString();
    if (!content.isArray()) {
        r.fail(path, u"expected a string, null or an array of parts"_s);
        return {};
    }
    QString out;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i)
        out += r.string(r.object(parts.at(i), indexed(path, i)), indexed(path, i), "text", true);
    return out;
}

void decodeOpenAi(const QJsonObject &root, ChatRequest *request, Reader &r)
{
    request->model = r.string(root, {}, "model", true);
    const QJsonArray messages = r.array(root, {}, "messages", true);
    for (qsizetype i = 0; i < messages.size() && r.ok(); ++i) {
        const QString path = indexed(u"/messages"_s, i);
        const QJsonObject m = r.object(messages.at(i), path);
        const QString role = r.string(m, path, "role", true);
        const QString content = openAiContent(m.value("content"_L1), path + u"/content"_s, r);
        if (role == "system"_L1 || role == "developer"_L1) {
            request->messages.append(message(ChatMessage::Role::System, content));
        } else if (role == "user"_L1) {
            request->messages.append(message(ChatMessage::Role::User, content));
        } else if (role == "assistant"_L1) {
            ChatMessage out = message(ChatMessage::Role::Assistant, content);
            const QJsonArray calls = r.array(m, path, "tool_calls", false);
            for (qsizetype c = 0; c < calls.size(); ++c) {
                const QString callPath = indexed(path + u"/tool_calls"_s, c);
                const QJsonObject call = r.object(calls.at(c), callPath);
                const QJsonObject function =
                    r.object(call.value("function"_L1), callPath + u"/function"_s);
                out.toolCalls.append({r.string(call, callPath, "id", true),
                                      r.string(function, callPath + u"/function"_s, "name", true),
                                      r.objectInString(r.string(function, callPath + u"/function"_s,
                                                                "arguments", true),
                                                       callPath + u"/function/arguments"_s)});
            }
            request->messages.append(out);
        } else if (role == "tool"_L1) {
            ChatMessage out = message(ChatMessage::Role::Tool, content);
            out.toolCallId = r.string(m, path, "tool_call_id", true);
            request->messages.append(out);
        } else {
            r.fail(path + u"/role"_s, u"unknown role \"%1\""_s.arg(role));
        }
    }
    const QJsonArray tools = r.array(root, {}, "tools", false);
    for (qsizetype i = 0; i < tools.size() && r.ok(); ++i) {
        const QString path = indexed(u"/tools"_s, i) + u"/function"_s;
        const QJsonObject function = r.object(tools.at(i).toObject().value("function"_L1), path);
        request->tools.append({r.string(function, path, "name", true),
                               r.string(function, path, "description", false),
                               function.value("parameters"_L1).toObject()});
    }
    request->params.temperature = r.number(root, {}, "temperature");
    request->params.maxTokens = r.integer(root, {}, "max_completion_tokens");
    if (!request->params.maxTokens)
        request->params.maxTokens = r.integer(root, {}, "max_tokens");
}

void decodeAnthropic(const QJsonObject &root, ChatRequest *request, Reader &r)
{
    request->model = r.string(root, {}, "model", true);
    request->params.maxTokens = r.integer(root, {}, "max_tokens");
    if (!request->params.maxTokens)
        r.fail(u"/max_tokens"_s, u"required"_s);
    request->params.temperature = r.number(root, {}, "temperature");
    const QJsonValue system = root.value("system"_L1);
    if (system.isString()) {
        request->messages.append(message(ChatMessage::Role::System, system.toString()));
    } else if (system.isArray()) {
        QStringList texts;
        const QJsonArray blocks = system.toArray();
        for (qsizetype i = 0; i < blocks.size(); ++i)
            texts << r.string(r.object(blocks.at(i), indexed(u"/system"_s, i)),
                              indexed(u"/system"_s, i), "text", true);
        request->messages.append(message(ChatMessage::Role::System, texts.join("\n\n"_L1)));
    } else if (!system.isUndefined()) {
        r.fail(u"/system"_s, u"expected a string or an array of text blocks"_s);
    }
    const QJsonArray messages = r.array(root, {}, "messages", true);
    for (qsizetype i = 0; i < messages.size() && r.ok(); ++i) {
        const QString path = indexed(u"/messages"_s, i);
        const QJsonObject m = r.object(messages.at(i), path);
        const QString role = r.string(m, path, "role", true);
        if (role != "user"_L1 && role != "assistant"_L1) {
            r.fail(path + u"/role"_s, u"unknown role \"%1\""_s.arg(role));
            break;
        }
        const bool user = role == "user"_L1;
        const QJsonValue content = m.value("content"_L1);
        if (content.isString()) {
            request->messages.append(message(
                user ? ChatMessage::Role::User : ChatMessage::Role::Assistant, content.toString()));
            continue;
        }
        if (!content.isArray()) {
            r.fail(path + u"/content"_s, u"expected a string or an array of blocks"_s);
            break;
        }
        ChatMessage assistant = message(ChatMessage::Role::Assistant, {});
        const QJsonArray blocks = content.toArray();
        for (qsizetype b = 0; b < blocks.size(); ++b) {
            const QString blockPath = indexed(path + u"/content"_s, b);
            const QJsonObject block = r.object(blocks.at(b), blockPath);
            const QString type = r.string(block, blockPath, "type", true);
            if (type == "text"_L1) {
                const QString text = r.string(block, blockPath, "text", true);
                if (user)
                    request->messages.append(message(ChatMessage::Role::User, text));
                else
                    assistant.content += text;
            } else if (type == "tool_use"_L1 && !user) {
                assistant.toolCalls.append(
                    {r.string(block, blockPath, "id", true),
                     r.string(block, blockPath, "name", true),
                     r.object(block.value("input"_L1), blockPath + u"/input"_s)});
            } else if (type == "tool_result"_L1 && user) {
                ChatMessage out =
                    message(ChatMessage::Role::Tool,
                            openAiContent(block.value("content"_L1), blockPath + u"/content"_s, r));
                out.toolCallId = r.string(block, blockPath, "tool_use_id", true);
                request->messages.append(out);
            } else if (type != "thinking"_L1 && type != "redacted_thinking"_L1) {
                r.fail(blockPath + u"/type"_s,
                       u"unexpected block type \"%1\" in a %2 turn"_s.arg(type, role));
            }
        }
        if (!user)
            request->messages.append(assistant);
    }
    const QJsonArray tools = r.array(root, {}, "tools", false);
    for (qsizetype i = 0; i < tools.size() && r.ok(); ++i) {
        const QString path = indexed(u"/tools"_s, i);
        const QJsonObject tool = r.object(tools.at(i), path);
        request->tools.append({r.string(tool, path, "name", true),
                               r.string(tool, path, "description", false),
                               r.object(tool.value("input_schema"_L1), path + u"/input_schema"_s)});
    }
}

void decodeGemini(const QJsonObject &root, const QByteArray &target, ChatRequest *request,
                  Reader &r)
{
    static const QRegularExpression route(
        u"^/v1beta/models/([^/:?]+):streamGenerateContent\\?alt=sse$"_s);
    const QRegularExpressionMatch match = route.match(QString::fromUtf8(target));
    if (!match.hasMatch()) {
        r.fail(u"/"_s,
               u"target %1 is not /v1beta/models/{model}:streamGenerateContent?alt=sse"_s.arg(
                   QString::fromUtf8(target)));
        return;
    }
    request->model = match.captured(1);
    if (root.contains("systemInstruction"_L1)) {
        const QJsonObject system =
            r.object(root.value("systemInstruction"_L1), u"/systemInstruction"_s);
        const QJsonArray parts = r.array(system, u"/systemInstruction"_s, "parts", true);
        QStringList texts;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString path = indexed(u"/systemInstruction/parts"_s, i);
            texts << r.string(r.object(parts.at(i), path), path, "text", true);
        }
        request->messages.append(message(ChatMessage::Role::System, texts.join("\n\n"_L1)));
    }
    const QJsonArray contents = r.array(root, {}, "contents", true);
    for (qsizetype i = 0; i < contents.size() && r.ok(); ++i) {
        const QString path = indexed(u"/contents"_s, i);
        const QJsonObject content = r.object(contents.at(i), path);
        const QString role = r.string(content, path, "role", true);
        if (role != "user"_L1 && role != "model"_L1) {
            r.fail(path + u"/role"_s, u"unknown role \"%1\""_s.arg(role));
            break;
        }
        const bool user = role == "user"_L1;
        ChatMessage model = message(ChatMessage::Role::Assistant, {});
        const QJsonArray parts = r.array(content, path, "parts", true);
        for (qsizetype p = 0; p < parts.size(); ++p) {
            const QString partPath = indexed(path + u"/parts"_s, p);
            const QJsonObject part = r.object(parts.at(p), partPath);
            if (part.value("thought"_L1).toBool())
                continue;
            if (part.contains("text"_L1)) {
                const QString text = r.string(part, partPath, "text", true);
                if (user)
                    request->messages.append(message(ChatMessage::Role::User, text));
                else
                    model.content += text;
            } else if (part.contains("functionCall"_L1) && !user) {
                const QString callPath = partPath + u"/functionCall"_s;
                const QJsonObject call = r.object(part.value("functionCall"_L1), callPath);
                model.toolCalls.append({r.string(call, callPath, "id", false),
                                        r.string(call, callPath, "name", true),
                                        r.object(call.value("args"_L1), callPath + u"/args"_s)});
            } else if (part.contains("functionResponse"_L1) && user) {
                const QString responsePath = partPath + u"/functionResponse"_s;
                const QJsonObject response =
                    r.object(part.value("functionResponse"_L1), responsePath);
                const QJsonObject value =
                    r.object(response.value("response"_L1), responsePath + u"/response"_s);
                ChatMessage out = message(
                    ChatMessage::Role::Tool,
                    value.size() == 1 && value.value("result"_L1).isString()
                        ? value.value("result"_L1).toString()
                        : QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
                out.toolCallId = r.string(response, responsePath, "id", false);
                request->messages.append(out);
            } else {
                r.fail(partPath, u"unexpected part in a %1 turn"_s.arg(role));
            }
        }
        if (!user)
            request->messages.append(model);
    }
    const QJsonArray tools = r.array(root, {}, "tools", false);
    for (qsizetype i = 0; i < tools.size() && r.ok(); ++i) {
        const QString path = indexed(u"/tools"_s, i);
        const QJsonArray declarations =
            r.array(r.object(tools.at(i), path), path, "functionDeclarations", true);
        for (qsizetype d = 0; d < declarations.size(); ++d) {
            const QString declPath = indexed(path + u"/functionDeclarations"_s, d);
            const QJsonObject decl = r.object(declarations.at(d), declPath);
            request->tools.append({r.string(decl, declPath, "name", true),
                                   r.string(decl, declPath, "description", false),
                                   decl.value("parameters"_L1).toObject()});
        }
    }
    if (root.contains("generationConfig"_L1)) {
        const QJsonObject generation =
            r.object(root.value("generationConfig"_L1), u"/generationConfig"_s);
        request->params.temperature = r.number(generation, u"/generationConfig"_s, "temperature");
        request->params.maxTokens =
            r.integer(generation, u"/generationConfig"_s, "maxOutputTokens");
    }
}

// ---------------------------------------------------------------------------------------------
// Encoding the streams. Objects are written with their keys in the order the real APIs send
// them (QJsonDocument would sort them).

QByteArray json(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray json(const QString &text)
{
    return json(QJsonValue(text));
}

QByteArray json(qint64 n)
{
    return QByteArray::number(n);
}

using Field = std::pair<const char *, QByteArray>;

QByteArray object(std::initializer_list<Field> fields)
{
    QByteArray out = "{";
    for (const auto &[key, value] : fields) {
        if (out.size() > 1)
            out += ',';
        out += '"' + QByteArray(key) + "\":" + value;
    }
    return out + '}';
}

QByteArray array(const QList<QByteArray> &items)
{
    return '[' + items.join(',') + ']';
}

// Answer text in pieces of three words, as a model streams it.
QStringList textPieces(const QString &text)
{
    static const QRegularExpression word(u"\\S+\\s*|\\s+"_s);
    QStringList pieces;
    QString piece;
    int words = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        piece += it.next().captured(0);
        if (++words == 3) {
            pieces << piece;
            piece.clear();
            words = 0;
        }
    }
    if (!piece.isEmpty())
        pieces << piece;
    return pieces;
}

// Tool call arguments as the compact JSON text, cut in three fragments.
QStringList argumentPieces(const QJsonObject &arguments)
{
    const QString text = QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact));
    const qsizetype third = std::max<qsizetype>(1, text.size() / 3);
    return {text.left(third), text.mid(third, third), text.mid(2 * third)};
}

QByteArray dataEvent(const QByteArray &data)
{
    return "data: " + data + "\n\n";
}

QList<QByteArray> openAiStream(const QString &model, const ChatResult &result, int serial)
{
    const QByteArray id = json(u"chatcmpl-sim%1"_s.arg(serial));
    const QByteArray created = json(qint64(1760000000 + serial));
    const auto chunk = [&](const QByteArray &choices, const QByteArray &usage) {
        return dataEvent(object({{"id", id},
                                 {"object", json(u"chat.completion.chunk"_s)},
                                 {"created", created},
                                 {"model", json(model)},
                                 {"system_fingerprint", json(u"fp_sim"_s)},
                                 {"choices", choices},
                                 {"usage", usage}}));
    };
    const auto choice = [&](const QByteArray &delta, const QByteArray &finish) {
        return chunk(array({object({{"index", "0"},
                                    {"delta", delta},
                                    {"logprobs", "null"},
                                    {"finish_reason", finish}})}),
                     "null");
    };
    QList<QByteArray> events;
    events << choice(
        object({{"role", json(u"assistant"_s)}, {"content", json(QString())}, {"refusal", "null"}}),
        "null");
    for (const QString &piece : textPieces(result.text))
        events << choice(object({{"content", json(piece)}}), "null");
    for (qsizetype i = 0; i < result.toolCalls.size(); ++i) {
        const ToolCall &call = result.toolCalls.at(i);
        const auto toolDelta = [&](const QByteArray &callObject) {
            return object({{"tool_calls", array({callObject})}});
        };
        events << choice(
            toolDelta(object({{"index", json(i)},
                              {"id", json(call.id)},
                              {"type", json(u"function"_s)},
                              {"function", object({{"name", json(call.name)},
                                                   {"arguments", json(QString())}})}})),
            "null");
        for (const QString &piece : argumentPieces(call.arguments))
            events << choice(
                toolDelta(object(
                    {{"index", json(i)}, {"function", object({{"arguments", json(piece)}})}})),
                "null");
    }
    events << choice("{}", json(result.toolCalls.isEmpty() ? u"stop"_s : u"tool_calls"_s));
    const TokenUsage &u = result.usage;
    events << chunk(
        "[]",
        object({{"prompt_tokens", json(u.inputTokens)},
                {"completion_tokens", json(u.outputTokens)},
                {"total_tokens", json(u.inputTokens + u.outputTokens)},
                {"prompt_tokens_details",
                 object({{"cached_tokens", json(u.cachedTokens)}, {"audio_tokens", "0"}})},
                {"completion_tokens_details", object({{"reasoning_tokens", "0"},
                                                      {"audio_tokens", "0"},
                                                      {"accepted_prediction_tokens", "0"},
                                                      {"rejected_prediction_tokens", "0"}})}}));
    events << dataEvent("[DONE]");
    return events;
}

QList<QByteArray> anthropicStream(const QString &model, const ChatResult &result, int serial)
{
    const auto event = [](const char *name, const QByteArray &data) {
        return "event: " + QByteArray(name) + "\ndata: " + data + "\n\n";
    };
    const TokenUsage &u = result.usage;
    QList<QByteArray> events;
    events << event(
        "message_start",
        object({{"type", json(u"message_start"_s)},
                {"message",
                 object({{"id", json(u"msg_sim%1"_s.arg(serial))},
                         {"type", json(u"message"_s)},
                         {"role", json(u"assistant"_s)},
                         {"model", json(model)},
                         {"content", "[]"},
                         {"stop_reason", "null"},
                         {"stop_sequence", "null"},
                         // Anthropic's input_tokens leaves out the
                         // tokens read from the prompt cache.
                         {"usage", object({{"input_tokens", json(u.inputTokens - u.cachedTokens)},
                                           {"cache_creation_input_tokens", "0"},
                                           {"cache_read_input_tokens", json(u.cachedTokens)},
                                           {"output_tokens", "1"}})}})}}));
    qint64 index = 0;
    bool pinged = false;
    const auto blockStart = [&](const QByteArray &block) {
        events << event("content_block_start", object({{"type", json(u"content_block_start"_s)},
                                                       {"index", json(index)},
                                                       {"content_block", block}}));
        if (!pinged) {
            events << event("ping", object({{"type", json(u"ping"_s)}}));
            pinged = true;
        }
    };
    const auto blockDelta = [&](const QByteArray &delta) {
        events << event("content_block_delta", object({{"type", json(u"content_block_delta"_s)},
                                                       {"index", json(index)},
                                                       {"delta", delta}}));
    };
    const auto blockStop = [&] {
        events << event("content_block_stop",
                        object({{"type", json(u"content_block_stop"_s)}, {"index", json(index)}}));
        ++index;
    };
    if (!result.text.isEmpty()) {
        blockStart(object({{"type", json(u"text"_s)}, {"text", json(QString())}}));
        for (const QString &piece : textPieces(result.text))
            blockDelta(object({{"type", json(u"text_delta"_s)}, {"text", json(piece)}}));
        blockStop();
    }
    for (const ToolCall &call : result.toolCalls) {
        blockStart(object({{"type", json(u"tool_use"_s)},
                           {"id", json(call.id)},
                           {"name", json(call.name)},
                           {"input", "{}"}}));
        blockDelta(
            object({{"type", json(u"input_json_delta"_s)}, {"partial_json", json(QString())}}));
        for (const QString &piece : argumentPieces(call.arguments))
            blockDelta(
                object({{"type", json(u"input_json_delta"_s)}, {"partial_json", json(piece)}}));
        blockStop();
    }
    events << event(
        "message_delta",
        object({{"type", json(u"message_delta"_s)},
                {"delta", object({{"stop_reason", json(result.toolCalls.isEmpty() ? u"end_turn"_s
                                                                                  : u"tool_use"_s)},
                                  {"stop_sequence", "null"}})},
                {"usage", object({{"output_tokens", json(u.outputTokens)}})}}));
    events << event("message_stop", object({{"type", json(u"message_stop"_s)}}));
    return events;
}

QList<QByteArray> geminiStream(const QString &model, const ChatResult &result, int serial)
{
    // One chunk per text piece, the function calls whole in one chunk; usageMetadata rides on
    // every chunk and is cumulative; the last chunk carries finishReason. Lines end in CRLF.
    QList<QByteArray> partLists;
    for (const QString &piece : textPieces(result.text))
        partLists << array({object({{"text", json(piece)}})});
    if (!result.toolCalls.isEmpty()) {
        QList<QByteArray> calls;
        for (const ToolCall &call : result.toolCalls)
            calls << object(
                {{"functionCall", object({{"name", json(call.name)},
                                          {"args", json(QJsonValue(call.arguments))}})}});
        partLists << array(calls);
    }
    if (partLists.isEmpty())
        partLists << array({object({{"text", json(QString())}})});
    const TokenUsage &u = result.usage;
    QList<QByteArray> events;
    for (qsizetype i = 0; i < partLists.size(); ++i) {
        const bool last = i + 1 == partLists.size();
        const qint64 output = u.outputTokens * (i + 1) / partLists.size();
        const QByteArray content = object({{"parts", partLists.at(i)}, {"role", json(u"model"_s)}});
        const QByteArray candidate =
            last ? object({{"content", content}, {"finishReason", json(u"STOP"_s)}, {"index", "0"}})
                 : object({{"content", content}, {"index", "0"}});
        const QByteArray chunk =
            object({{"candidates", array({candidate})},
                    {"usageMetadata", object({{"promptTokenCount", json(u.inputTokens)},
                                              {"cachedContentTokenCount", json(u.cachedTokens)},
                                              {"candidatesTokenCount", json(output)},
                                              {"totalTokenCount", json(u.inputTokens + output)}})},
                    {"modelVersion", json(model)},
                    {"responseId", json(u"sim-%1"_s.arg(serial))}});
        events << "data: " + chunk + "\r\n\r\n";
    }
    return events;
}

// ---------------------------------------------------------------------------------------------
// Errors.

QByteArray errorBody(Dialect dialect, int status, const QString &message)
{
    switch (dialect) {
    case Dialect::OpenAi: {
        const char *type = status == 429   ? "requests"
                           : status == 400 ? "invalid_request_error"
                                           : "service_unavailable_error";
        const QByteArray code = status == 429   ? json(u"rate_limit_exceeded"_s)
                                : status == 400 ? "null"
                                                : json(u"server_is_overloaded"_s);
        return object({{"error", object({{"message", json(message)},
                                         {"type", json(QString::fromLatin1(type))},
                                         {"param", "null"},
                                         {"code", code}})}});
    }
    case Dialect::Anthropic: {
        const char *type = status == 429   ? "rate_limit_error"
                           : status == 400 ? "invalid_request_error"
                           : status == 529 ? "overloaded_error"
                                           : "api_error";
        return object({{"type", json(u"error"_s)},
                       {"error", object({{"type", json(QString::fromLatin1(type))},
                                         {"message", json(message)}})},
                       {"request_id", json(u"req_sim"_s)}});
    }
    case Dialect::Gemini: {
        const char *state = status == 429   ? "RESOURCE_EXHAUSTED"
                            : status == 400 ? "INVALID_ARGUMENT"
                                            : "UNAVAILABLE";
        return object({{"error", object({{"code", json(qint64(status))},
                                         {"message", json(message)},
                                         {"status", json(QString::fromLatin1(state))}})}});
    }
    }
    return {};
}

QString keyOf(Dialect dialect, const QHash<QByteArray, QByteArray> &headers)
{
    switch (dialect) {
    case Dialect::OpenAi:
        return QString::fromUtf8(headers.value("authorization")).remove(u"Bearer "_s);
    case Dialect::Anthropic:
        return QString::fromUtf8(headers.value("x-api-key"));
    case Dialect::Gemini:
        return QString::fromUtf8(headers.value("x-goog-api-key"));
    }
    return {};
}

} // namespace

std::optional<ChatRequest> decodeRequest(Dialect dialect, const QByteArray &target,
                                         const QByteArray &body, QString *error)
{
    Reader r;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        r.fail({}, u"the body is not a JSON object: "_s + parseError.errorString());
    } else {
        ChatRequest request;
        request.provider = toString(dialect);
        const QJsonObject root = doc.object();
        switch (dialect) {
        case Dialect::OpenAi:
            decodeOpenAi(root, &request, r);
            if (root.value("stream"_L1) != QJsonValue(true))
                r.fail(u"/stream"_s, u"expected true: this server only streams"_s);
            break;
        case Dialect::Anthropic:
            decodeAnthropic(root, &request, r);
            if (root.value("stream"_L1) != QJsonValue(true))
                r.fail(u"/stream"_s, u"expected true: this server only streams"_s);
            break;
        case Dialect::Gemini:
            decodeGemini(root, target, &request, r);
            break;
        }
        if (r.ok() && request.model.isEmpty())
            r.fail(u"/model"_s, u"empty"_s);
        if (r.ok())
            return request;
    }
    if (error)
        *error = r.error();
    return std::nullopt;
}

QList<QByteArray> encodeStream(Dialect dialect, const QString &model, const ChatResult &result)
{
    static int serial = 0;
    ++serial;
    switch (dialect) {
    case Dialect::OpenAi:
        return openAiStream(model, result, serial);
    case Dialect::Anthropic:
        return anthropicStream(model, result, serial);
    case Dialect::Gemini:
        return geminiStream(model, result, serial);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// The server.

class DialectServer::Connection : public QObject
{
public:
    Connection(QTcpSocket *socket, DialectServer *server)
        : QObject(server)
        , m_socket(socket)
        , m_server(server)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        if (!m_writes.isEmpty())
            return; // still answering the previous request
        ReceivedRequest received;
        if (!takeHttpRequest(&m_buffer, &received))
            return;
        ServedCall call;
        call.target = received.target;
        call.headers = received.headers;
        call.body = received.body;
        m_writes = m_server->respond(&call);
        m_server->m_calls.append(call);
        writeNext();
    }

    // One write per event-loop turn, so the client reads them apart.
    void writeNext()
    {
        if (m_writes.isEmpty()) {
            if (!m_buffer.isEmpty())
                onReadyRead();
            return;
        }
        m_socket->write(m_writes.takeFirst());
        m_socket->flush();
        QTimer::singleShot(1, this, [this] { writeNext(); });
    }

    QTcpSocket *m_socket;
    DialectServer *m_server;
    QByteArray m_buffer;
    QList<QByteArray> m_writes;
};

DialectServer::DialectServer(Dialect dialect, QObject *parent)
    : QObject(parent)
    , m_dialect(dialect)
{
    connect(&m_server, &QTcpServer::newConnection, this, &DialectServer::onNewConnection);
}

DialectServer::~DialectServer() = default;

bool DialectServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl DialectServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/%2"_s.arg(m_server.serverPort())
                    .arg(m_dialect == Dialect::Gemini ? u"v1beta"_s : u"v1"_s));
}

void DialectServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new Connection(socket, this);
}

QList<QByteArray> DialectServer::respond(ServedCall *call)
{
    ++m_served;
    const auto plain = [&](int status, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers) {
        call->status = status;
        return QList<QByteArray>{plainResponseBytes(status, body, headers)};
    };

    const QString expected = m_dialect == Dialect::OpenAi      ? u"/v1/chat/completions"_s
                             : m_dialect == Dialect::Anthropic ? u"/v1/messages"_s
                                                               : QString();
    QString error;
    std::optional<ChatRequest> request;
    if (!expected.isEmpty() && call->target != expected.toUtf8())
        error = u"no route for %1 (expected %2)"_s.arg(QString::fromUtf8(call->target), expected);
    else
        request = decodeRequest(m_dialect, call->target, call->body, &error);
    if (!request)
        return plain(400, errorBody(m_dialect, 400, error), {});
    call->request = *request;

    if (!m_faults.isEmpty()) {
        const Fault fault = m_faults.dequeue();
        // Like OpenAI's 401 message, the error quotes the key it was sent: clients must redact it.
        const QString message = u"%1 is %2 for this key (%3); try again later"_s.arg(
            request->model, fault.status == 429 ? u"rate limited"_s : u"overloaded"_s,
            keyOf(m_dialect, call->headers));
        return plain(fault.status, errorBody(m_dialect, fault.status, message), fault.headers);
    }

    ChatResult answer = m_answerer ? m_answerer(*request) : SimulatedProvider::compose(*request);
    for (qsizetype i = 0; i < answer.toolCalls.size(); ++i) {
        ToolCall &c = answer.toolCalls[i];
        // Ids as each API spells them; Gemini sends none (the client makes one up).
        c.id = m_dialect == Dialect::OpenAi      ? u"call_sim%1x%2"_s.arg(m_served).arg(i)
               : m_dialect == Dialect::Anthropic ? u"toolu_sim%1x%2"_s.arg(m_served).arg(i)
                                                 : QString();
    }
    call->answer = answer;
    const QByteArray stream = encodeStream(m_dialect, request->model, answer).join();
    if (qEnvironmentVariableIsSet("LADDER_DIALECT_SERVER_DUMP"))
        qDebug().noquote() << call->target << call->body << "\n" << stream;

    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                      "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n";
    if (m_dialect == Dialect::OpenAi)
        head += "x-request-id: req_sim" + QByteArray::number(m_served) + "\r\n";
    else if (m_dialect == Dialect::Anthropic)
        head += "request-id: req_sim" + QByteArray::number(m_served) + "\r\n";
    QList<QByteArray> writes{head + "\r\n"};
    // Cut the SSE bytes at sizes that split lines, UTF-8 sequences and events, and that pack
    // several small events into one write.
    static constexpr int kSizes[] = {7, 61, 1, 240, 13, 97, 512};
    qsizetype offset = 0;
    for (int i = 0; offset < stream.size(); ++i) {
        const QByteArray piece = stream.mid(offset, kSizes[i % std::size(kSizes)]);
        offset += piece.size();
        writes << httpChunk(piece);
    }
    writes << "0\r\n\r\n";
    return writes;
}

} // namespace ladder::test
