#pragma once

// OpenAI Chat Completions over SSE (`{base}/chat/completions`). The key is optional (sent as
// `Authorization: Bearer`), so the same client serves OpenAI and local OpenAI-compatible servers
// (Ollama, llama.cpp's llama-server, vLLM, LM Studio).
//
// Options (HttpProviderSettings::options):
//   "system_role": "system" (default, what every compatible server knows) or "developer"
//   "max_tokens_field": "max_completion_tokens" (default) or "max_tokens" (older local servers)

#include "providers/http_provider.h"

#include <QMap>

namespace ladder {

struct OpenAiOptions {
    QString systemRole = QStringLiteral("system");
    QString maxTokensField = QStringLiteral("max_completion_tokens");
    static OpenAiOptions fromJson(const QJsonObject &options);
};

QJsonObject openAiRequestJson(const ChatRequest &request, const OpenAiOptions &options = {});

class OpenAiDecoder final : public StreamDecoder
{
public:
    using StreamDecoder::StreamDecoder;
    void handle(const SseEvent &event, QString *delta) override;
    void endOfStream() override;

private:
    struct PendingCall {
        QString id;
        QString name;
        QString arguments;
    };
    void finishToolCalls();
    QMap<int, PendingCall> m_calls; // by tool call index (parallel calls: 0, 1, ...)
};

class OpenAiProvider final : public HttpProvider
{
    Q_OBJECT
public:
    explicit OpenAiProvider(HttpProviderSettings settings, QObject *parent = nullptr);
    QByteArray requestBody(const ChatRequest &request) const override;

protected:
    QNetworkRequest networkRequest(const ChatRequest &request, const QString &key) const override;
    std::unique_ptr<StreamDecoder> makeDecoder(CallLabel label) const override;

private:
    OpenAiOptions m_options;
};

} // namespace ladder
