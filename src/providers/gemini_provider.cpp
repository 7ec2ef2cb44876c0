#include "gemini_provider.h"

#include "providers/event_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

void appendContent(QJsonArray *contents, const QString &role, const QJsonArray &parts)
{
    if (!contents->isEmpty()) {
        QJsonObject last = contents->last().toObject();
        if (last.value("role"_L1).toString() == role) {
            QJsonArray merged = last.value("parts"_L1).toArray();
            for (const QJsonValue &p : parts)
                merged.append(p);
            last.insert("parts"_L1, merged);
            (*contents)[contents->size() - 1] = last;
            return;
        }
    }
    contents->append(QJsonObject{{"role"_L1, role}, {"parts"_L1, parts}});
}

bool isSyntheticId(const QString &id)
{
    return id.startsWith(QLatin1StringView(kGeminiSyntheticIdPrefix));
}

} // namespace

QJsonObject geminiRequestJson(const ChatRequest &request)
{
    QJsonArray systemParts;
    QJsonArray contents;
    QHash<QString, QString> toolNames; // tool call id -> function name, for functionResponse
    for (const ChatMessage &m : request.messages) {
        switch (m.role) {
        case ChatMessage::Role::System:
            systemParts.append(QJsonObject{{"text"_L1, m.content}});
            break;
        case ChatMessage::Role::User:
            appendContent(&contents, u"user"_s, {QJsonObject{{"text"_L1, m.content}}});
            break;
        case ChatMessage::Role::Assistant: {
            for (const ToolCall &c : m.toolCalls)
                toolNames.insert(c.id, c.name);
            const QJsonArray echoed =
                m.providerData.value(QLatin1StringView(kGeminiPartsKey)).toArray();
            if (!echoed.isEmpty()) {
                appendContent(&contents, u"model"_s, echoed);
                break;
            }
            QJsonArray parts;
            if (!m.content.isEmpty())
                parts.append(QJsonObject{{"text"_L1, m.content}});
            for (const ToolCall &c : m.toolCalls) {
                QJsonObject call{{"name"_L1, c.name}, {"args"_L1, c.arguments}};
                if (!isSyntheticId(c.id))
                    call.insert("id"_L1, c.id);
                parts.append(QJsonObject{{"functionCall"_L1, call}});
            }
            if (parts.isEmpty())
                parts.append(QJsonObject{{"text"_L1, QString()}});
            appendContent(&contents, u"model"_s, parts);
            break;
        }
        case ChatMessage::Role::Tool: {
            // The response must be an object: a JSON object result is sent as is.
            const QJsonDocument doc = QJsonDocument::fromJson(m.content.toUtf8());
            const QJsonObject response =
                doc.isObject() ? doc.object() : QJsonObject{{"result"_L1, m.content}};
            QJsonObject functionResponse{{"name"_L1, toolNames.value(m.toolCallId)},
                                         {"response"_L1, response}};
            if (!isSyntheticId(m.toolCallId) && !m.toolCallId.isEmpty())
                functionResponse.insert("id"_L1, m.toolCallId);
            appendContent(&contents, u"user"_s,
                          {QJsonObject{{"functionResponse"_L1, functionResponse}}});
            break;
        }
        }
    }
    QJsonObject body;
    if (!systemParts.isEmpty())
        body.insert("systemInstruction"_L1, QJsonObject{{"parts"_L1, systemParts}});
    body.insert("contents"_L1, contents);
    if (!request.tools.isEmpty()) {
        QJsonArray declarations;
        for (const ToolSpec &t : request.tools)
            declarations.append(QJsonObject{{"name"_L1, t.name},
                                            {"description"_L1, t.description},
                                            {"parameters"_L1, t.parameters}});
        body.insert("tools"_L1, QJsonArray{QJsonObject{{"functionDeclarations"_L1, declarations}}});
    }
    QJsonObject generation = request.params.extra.value("generationConfig"_L1).toObject();
    if (request.params.temperature)
        generation.insert("temperature"_L1, *request.params.temperature);
    if (request.params.maxTokens)
        generation.insert("maxOutputTokens"_L1, *request.params.maxTokens);
    if (!generation.isEmpty())
        body.insert("generationConfig"_L1, generation);
    for (auto it = request.params.extra.begin(); it != request.params.extra.end(); ++it)
        if (!body.contains(it.key()))
            body.insert(it.key(), it.value());
    return body;
}

namespace {

// One part of the first candidate: its text, thought flag and function call, and the whole part
// as the model sent it (echoed in the history when it is more than plain text).
struct GeminiPart {
    bool hasText = false;
    QString text;                                // when "text" is a string
    QJsonValue otherText{QJsonValue::Undefined}; // when it is not (no heap copy for strings)
    QJsonValue thought{QJsonValue::Undefined};
    QJsonValue functionCall{QJsonValue::Undefined};
    QJsonObject others;
    QJsonValue notObject{QJsonValue::Undefined}; // a part that is not an object, kept as it is
    int members = 0;

    QString textValue() const { return otherText.isUndefined() ? text : otherText.toString(); }
    QJsonValue whole() const
    {
        if (!notObject.isUndefined())
            return notObject;
        QJsonObject part = others;
        if (hasText)
            part.insert("text"_L1, otherText.isUndefined() ? QJsonValue(text) : otherText);
        part.insert("thought"_L1, thought); // Undefined inserts nothing
        part.insert("functionCall"_L1, functionCall);
        return part;
    }
};

// What one streamed GenerateContentResponse says, read in one pass before any of it is applied.
struct GeminiChunk {
    bool error = false;
    QJsonValue id{QJsonValue::Undefined};
    QJsonValue model{QJsonValue::Undefined};
    bool hasUsage = false;
    qint64 prompt = 0, toolUsePrompt = 0, cached = 0, candidatesTokens = 0, thoughts = 0;
    bool hasCandidates = false; // a non-empty array
    QString blockReason;
    QList<GeminiPart> parts; // of the first candidate
    QString finishReason;
};

GeminiPart readPart(EventJson &json, ondemand::value value)
{
    GeminiPart part;
    if (json.type(value) != QJsonValue::Object) {
        part.notObject = json.toJsonValue(value);
        return part;
    }
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        ++part.members;
        if (key == "text") {
            part.hasText = true;
            const bool isString = json.type(v) == QJsonValue::String;
            part.text = isString ? json.toString(v) : QString();
            part.otherText = isString ? QJsonValue(QJsonValue::Undefined) : json.toJsonValue(v);
        } else if (key == "thought")
            part.thought = json.toJsonValue(v);
        else if (key == "functionCall")
            part.functionCall = json.toJsonValue(v);
        else
            part.others.insert(QString::fromUtf8(key.data(), qsizetype(key.size())),
                               json.toJsonValue(v));
    });
    return part;
}

void readCandidate(EventJson &json, ondemand::value value, GeminiChunk *chunk)
{
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        if (key == "content") {
            chunk->parts.clear();
            json.forEachMember(v, [&](std::string_view key, ondemand::value c) {
                if (key != "parts")
                    return;
                chunk->parts.clear();
                json.forEachElement(
                    c, [&](ondemand::value p) { chunk->parts.append(readPart(json, p)); });
            });
        } else if (key == "finishReason") {
            chunk->finishReason = json.toString(v);
        }
    });
}

void readUsage(EventJson &json, ondemand::value value, GeminiChunk *chunk)
{
    chunk->hasUsage = json.type(value) == QJsonValue::Object;
    chunk->prompt = chunk->toolUsePrompt = chunk->cached = chunk->candidatesTokens =
        chunk->thoughts = 0;
    json.forEachMember(value, [&](std::string_view key, ondemand::value v) {
        if (key == "promptTokenCount")
            chunk->prompt = json.toInteger(v);
        else if (key == "toolUsePromptTokenCount")
            chunk->toolUsePrompt = json.toInteger(v);
        else if (key == "cachedContentTokenCount")
            chunk->cached = json.toInteger(v);
        else if (key == "candidatesTokenCount")
            chunk->candidatesTokens = json.toInteger(v);
        else if (key == "thoughtsTokenCount")
            chunk->thoughts = json.toInteger(v);
    });
}

GeminiChunk readChunk(EventJson &json, ondemand::object root, bool wantIds)
{
    GeminiChunk chunk;
    json.forEachMember(root, [&](std::string_view key, ondemand::value v) {
        if (key == "error") {
            chunk.error = true; // read whole once the event is known to be well-formed
        } else if (key == "candidates") {
            chunk.hasCandidates = false;
            chunk.parts.clear();
            chunk.finishReason.clear();
            json.forEachElement(v, [&](ondemand::value candidate) {
                if (!chunk.hasCandidates)
                    readCandidate(json, candidate, &chunk); // only the first one is asked for
                chunk.hasCandidates = true;
            });
        } else if (key == "usageMetadata") {
            readUsage(json, v, &chunk);
        } else if (key == "promptFeedback") {
            chunk.blockReason.clear();
            json.forEachMember(v, [&](std::string_view key, ondemand::value f) {
                if (key == "blockReason")
                    chunk.blockReason = json.toString(f);
            });
        } else if (wantIds && key == "responseId") {
            chunk.id = json.toJsonValue(v);
        } else if (wantIds && key == "modelVersion") {
            chunk.model = json.toJsonValue(v);
        }
    });
    return chunk;
}

} // namespace

void GeminiDecoder::handle(const SseEvent &event, QString *delta)
{
    EventJson &json = this->json();
    ondemand::object root;
    GeminiChunk chunk;
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
    if (chunk.hasUsage) { // cumulative: the last one wins
        m_state.usage.inputTokens = chunk.prompt + chunk.toolUsePrompt;
        m_state.usage.cachedTokens = chunk.cached;
        m_state.usage.outputTokens = chunk.candidatesTokens + chunk.thoughts;
        m_state.inputKnown = m_state.outputKnown = true;
    }
    if (!chunk.hasCandidates) {
        if (!chunk.blockReason.isEmpty()) {
            m_state.finishReason = u"PROMPT_BLOCKED_"_s + chunk.blockReason;
            m_state.complete = true;
        }
        return;
    }
    for (const GeminiPart &part : std::as_const(chunk.parts)) {
        if (!part.functionCall.isUndefined()) {
            const QJsonObject functionCall = part.functionCall.toObject();
            QString id = functionCall.value("id"_L1).toString();
            if (id.isEmpty())
                id = QLatin1StringView(kGeminiSyntheticIdPrefix) +
                     QString::number(m_state.toolCalls.size());
            m_state.toolCalls.append(ToolCall{id, functionCall.value("name"_L1).toString(),
                                              functionCall.value("args"_L1).toObject()});
            m_state.contentStarted = true;
            flushText();
            m_parts.append(part.whole());
            continue;
        }
        if (!part.hasText || part.thought.toBool()) {
            flushText(); // thought summaries and other parts are not answer text
            m_parts.append(part.whole());
            continue;
        }
        const QString text = part.textValue();
        m_state.text += text;
        delta->append(text);
        if (!text.isEmpty())
            m_state.contentStarted = true;
        // Consecutive plain text parts are merged; a signed part stays as the model sent it.
        if (part.members == 1) {
            m_pendingText += text;
            m_hasPendingText = true;
        } else {
            flushText();
            m_parts.append(part.whole());
        }
    }
    if (!chunk.finishReason.isEmpty()) {
        m_state.finishReason = chunk.finishReason;
        m_state.complete = true;
    }
}

void GeminiDecoder::flushText()
{
    if (!m_hasPendingText)
        return;
    m_parts.append(QJsonObject{{"text"_L1, m_pendingText}});
    m_pendingText.clear();
    m_hasPendingText = false;
}

void GeminiDecoder::endOfStream()
{
    flushText();
    if (!m_parts.isEmpty())
        m_state.raw.insert("provider_data"_L1,
                           QJsonObject{{QLatin1StringView(kGeminiPartsKey), m_parts}});
}

GeminiProvider::GeminiProvider(HttpProviderSettings settings, QObject *parent)
    : HttpProvider(std::move(settings), parent)
{}

QByteArray GeminiProvider::requestBody(const ChatRequest &request) const
{
    return QJsonDocument(geminiRequestJson(request)).toJson(QJsonDocument::Compact);
}

QNetworkRequest GeminiProvider::networkRequest(const ChatRequest &request, const QString &key) const
{
    QNetworkRequest networkRequest(
        endpoint(u"models/"_s + request.model + u":streamGenerateContent?alt=sse"_s));
    if (!key.isEmpty())
        networkRequest.setRawHeader("x-goog-api-key", key.toUtf8());
    return networkRequest;
}

std::unique_ptr<StreamDecoder> GeminiProvider::makeDecoder(CallLabel label) const
{
    return std::make_unique<GeminiDecoder>(std::move(label));
}

} // namespace ladder
