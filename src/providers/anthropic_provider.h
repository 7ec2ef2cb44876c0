#pragma once

// Anthropic Messages over SSE (`{base}/messages`, base like https://api.anthropic.com/v1), with
// `x-api-key` and `anthropic-version: 2023-06-01`.
//
// With extended thinking (params.extra {"thinking":{...}}) the API wants the thinking blocks
// of an assistant turn back, signed, before its tool_use blocks. The turn's content blocks are
// then returned in ChatResult::raw["provider_data"] as {"anthropic_content": [...]}; the engine
// copies that object into ChatMessage::providerData and this client sends them back verbatim.
//
// Options: "anthropic_version" (default 2023-06-01), "default_max_tokens" (default 4096: the API
// requires max_tokens and a tier may leave it unset).

#include "providers/http_provider.h"

#include <QHash>
#include <QJsonArray>

namespace ladder {

inline constexpr auto kAnthropicContentKey = "anthropic_content";

struct AnthropicOptions {
    QString version = QStringLiteral("2023-06-01");
    int defaultMaxTokens = 4096;
    static AnthropicOptions fromJson(const QJsonObject &options);
};

QJsonObject anthropicRequestJson(const ChatRequest &request, const AnthropicOptions &options = {});

class AnthropicDecoder final : public StreamDecoder
{
public:
    using StreamDecoder::StreamDecoder;
    void handle(const SseEvent &event, QString *delta) override;
    void endOfStream() override;

private:
    struct Block {
        QString type;
        QString id;
        QString name;
        QString json;
        QJsonObject input; // content_block_start's input, used when no delta came
        QString text;
        QString thinking;
        QString signature;
        QJsonObject start; // redacted_thinking is echoed as it came
    };
    void applyEvent(const QString &type, const QJsonObject &o, QString *delta);
    void readUsage(const QJsonObject &usage);
    QHash<int, Block> m_blocks;
    QJsonArray m_content; // finished blocks, for the history when thinking is on
    bool m_thinking = false;
    qint64 m_input = 0;
    qint64 m_cacheCreation = 0;
    qint64 m_cacheRead = 0;
};

class AnthropicProvider final : public HttpProvider
{
    Q_OBJECT
public:
    explicit AnthropicProvider(HttpProviderSettings settings, QObject *parent = nullptr);
    QByteArray requestBody(const ChatRequest &request) const override;

protected:
    QNetworkRequest networkRequest(const ChatRequest &request, const QString &key) const override;
    std::unique_ptr<StreamDecoder> makeDecoder(CallLabel label) const override;

private:
    AnthropicOptions m_options;
};

} // namespace ladder
