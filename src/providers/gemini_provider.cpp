#include "gemini_provider.h"

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

void GeminiDecoder::handle(const SseEvent &event, QString *delta)
{
    JsonRef chunk;
    if (!parseObject(event, &chunk))
        return;
    if (chunk.contains("error"_L1)) {
        m_state.error = streamErrorEvent(m_label, chunk.toObject());
        return;
    }
    if (m_state.raw.isEmpty()) {
        m_state.raw.insert("id"_L1, chunk.value("responseId"_L1).toJsonValue());
        m_state.raw.insert("model"_L1, chunk.value("modelVersion"_L1).toJsonValue());
    }
    const JsonRef usage = chunk.value("usageMetadata"_L1);
    if (usage.isObject()) { // cumulative: the last one wins
        m_state.usage.inputTokens = usage.value("promptTokenCount"_L1).toInteger() +
                                    usage.value("toolUsePromptTokenCount"_L1).toInteger();
        m_state.usage.cachedTokens = usage.value("cachedContentTokenCount"_L1).toInteger();
        m_state.usage.outputTokens = usage.value("candidatesTokenCount"_L1).toInteger() +
                                     usage.value("thoughtsTokenCount"_L1).toInteger();
        m_state.inputKnown = m_state.outputKnown = true;
    }
    const JsonRef candidates = chunk.value("candidates"_L1);
    if (!candidates.isArray() || candidates.isEmpty()) {
        const QString blocked = chunk.value("promptFeedback"_L1).value("blockReason"_L1).toString();
        if (!blocked.isEmpty()) {
            m_state.finishReason = u"PROMPT_BLOCKED_"_s + blocked;
            m_state.complete = true;
        }
        return;
    }
    const JsonRef candidate = candidates.at(0);
    for (const JsonRef part : candidate.value("content"_L1).value("parts"_L1)) {
        const JsonRef functionCall = part.value("functionCall"_L1);
        if (!functionCall.isUndefined()) {
            QString id = functionCall.value("id"_L1).toString();
            if (id.isEmpty())
                id = QLatin1StringView(kGeminiSyntheticIdPrefix) +
                     QString::number(m_state.toolCalls.size());
            m_state.toolCalls.append(ToolCall{id, functionCall.value("name"_L1).toString(),
                                              functionCall.value("args"_L1).toObject()});
            m_state.contentStarted = true;
            flushText();
            m_parts.append(part.toJsonValue());
            continue;
        }
        const JsonRef textValue = part.value("text"_L1);
        if (textValue.isUndefined() || part.value("thought"_L1).toBool()) {
            flushText(); // thought summaries and other parts are not answer text
            m_parts.append(part.toJsonValue());
            continue;
        }
        const QString text = textValue.toString();
        m_state.text += text;
        delta->append(text);
        if (!text.isEmpty())
            m_state.contentStarted = true;
        // Consecutive plain text parts are merged; a signed part stays as the model sent it.
        if (part.size() == 1) {
            m_pendingText += text;
            m_hasPendingText = true;
        } else {
            flushText();
            m_parts.append(part.toJsonValue());
        }
    }
    const JsonRef finish = candidate.value("finishReason"_L1);
    if (finish.isString() && !finish.equals(""_L1)) {
        m_state.finishReason = finish.toString();
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
