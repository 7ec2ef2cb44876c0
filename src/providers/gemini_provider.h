#pragma once

// Google Gemini API over SSE (`{base}/models/{model}:streamGenerateContent?alt=sse`, base like
// https://generativelanguage.googleapis.com/v1beta), with `x-goog-api-key`.
//
// Gemini 3 signs its parts (thoughtSignature) and rejects a history that drops them. The model's
// parts are returned in ChatResult::raw["provider_data"] as {"gemini_parts": [...]}; the engine
// copies that object into the assistant ChatMessage::providerData, and this client sends those
// parts back verbatim instead of rebuilding them from content and toolCalls.

#include "providers/http_provider.h"

namespace ladder {

inline constexpr auto kGeminiPartsKey = "gemini_parts";
inline constexpr auto kGeminiSyntheticIdPrefix = "gemini_call_";

QJsonObject geminiRequestJson(const ChatRequest &request);

class GeminiDecoder final : public StreamDecoder
{
public:
    using StreamDecoder::StreamDecoder;
    void handle(const SseEvent &event, QString *delta) override;
    void endOfStream() override;

private:
    void flushText();
    QJsonArray m_parts; // the model's parts, text merged, signatures kept
    QString m_pendingText;
    bool m_hasPendingText = false;
};

class GeminiProvider final : public HttpProvider
{
    Q_OBJECT
public:
    explicit GeminiProvider(HttpProviderSettings settings, QObject *parent = nullptr);
    QByteArray requestBody(const ChatRequest &request) const override;

protected:
    QNetworkRequest networkRequest(const ChatRequest &request, const QString &key) const override;
    std::unique_ptr<StreamDecoder> makeDecoder(CallLabel label) const override;
};

} // namespace ladder
