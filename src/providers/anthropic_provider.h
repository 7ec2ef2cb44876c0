#pragma once

// Anthropic Messages over SSE (`{base}/messages`, base like https://api.anthropic.com/v1), with
// `x-api-key` and `anthropic-version: 2023-06-01`.
//
// Options: "anthropic_version" (default 2023-06-01), "default_max_tokens" (default 4096: the API
// requires max_tokens and a tier may leave it unset).

#include "providers/http_provider.h"

#include <QHash>

namespace ladder {

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

private:
    struct Block {
        QString type;
        QString id;
        QString name;
        QString json;
        QJsonObject input; // content_block_start's input, used when no delta came
    };
    void readUsage(const QJsonObject &usage);
    QHash<int, Block> m_blocks;
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
