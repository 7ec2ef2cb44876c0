#pragma once

// The part the OpenAI-compatible, Anthropic and Gemini clients share: one POST over
// QNetworkAccessManager whose `text/event-stream` body goes through SseParser and a dialect's
// StreamDecoder, with connect / first-token / idle timeouts, a total deadline, an answer size
// cap, TTFT and latency, typed errors and cancel(). Clients never retry: the engine's Session owns
// retries, cooldown and fallback.

#include "engine/provider.h"
#include "providers/http_client.h"
#include "providers/key_source.h"
#include "providers/sse_parser.h"
#include "providers/stream_decoder.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace ladder {

Q_DECLARE_LOGGING_CATEGORY(lcProviders)

struct ProviderTimeouts {
    int connectMs = 10000;    // until the request is sent (TCP + TLS + upload)
    int firstTokenMs = 60000; // from then until the first text or tool call
    int idleMs = 30000;       // longest silence between reads after the first token
    int totalMs = 600000;     // the whole call, however busy the stream (10 minutes)
    bool operator==(const ProviderTimeouts &) const = default;
};

struct ProviderLimits {
    // Bytes of stream events (their `data:`) one call may receive: 64 MiB is several times what
    // the longest answer any model gives takes, so only a server that streams forever hits it.
    qint64 maxAnswerBytes = 64 * 1024 * 1024;
    bool operator==(const ProviderLimits &) const = default;
};

// What carries the calls (http_client.h): Direct (HTTP/1.1 in the calling thread, keep-alive) or
// Qnam (QNetworkAccessManager: HTTP/2 over TLS, system proxy settings). `http_client` in the
// providers file.
enum class HttpClientKind { Direct, Qnam };

struct HttpProviderSettings {
    QString id;   // the provider id ladders use, e.g. "openai"
    QUrl baseUrl; // e.g. https://api.openai.com/v1, http://127.0.0.1:11434/v1
    ProviderTimeouts timeouts;
    KeyRef keyRef;
    std::shared_ptr<const KeySource> keys; // may be null: no key is sent
    QJsonObject options;                   // dialect options (see each client)
    ProviderLimits limits;
    HttpClientKind client = HttpClientKind::Direct;
};

class HttpProviderCall;

class HttpProvider : public Provider
{
    Q_OBJECT
public:
    HttpProvider(HttpProviderSettings settings, QObject *parent = nullptr);
    ~HttpProvider() override;

    QString id() const override { return m_settings.id; }
    ProviderCall *start(const ChatRequest &request) override;

    const HttpProviderSettings &settings() const { return m_settings; }
    // The exact JSON body start() posts for `request` (tests and `--dry-run` use it).
    virtual QByteArray requestBody(const ChatRequest &request) const = 0;

protected:
    virtual QNetworkRequest networkRequest(const ChatRequest &request,
                                           const QString &key) const = 0;
    virtual std::unique_ptr<StreamDecoder> makeDecoder(CallLabel label) const = 0;
    // base URL + "/" + path, without doubling slashes.
    QUrl endpoint(const QString &path) const;

private:
    HttpProviderSettings m_settings;
    HttpClient *m_client;
};

class HttpProviderCall final : public ProviderCall
{
    Q_OBJECT
public:
    // Takes `exchange` over (it must not have started: start it from the event loop).
    HttpProviderCall(HttpExchange *exchange, std::unique_ptr<StreamDecoder> decoder,
                     qint64 promptChars, const ProviderTimeouts &timeouts,
                     const ProviderLimits &limits = {}, QObject *parent = nullptr);
    ~HttpProviderCall() override;

    void cancel() override;

private:
    enum class Phase { Connecting, WaitingFirstToken, Streaming };

    void onRequestSent();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void onDeadline();
    void consume(const QList<SseEvent> &events);
    void fail(const ProviderError &error);
    void complete();
    void finishNow();
    void abortReply();
    void setPhase(Phase phase);

    QPointer<HttpExchange> m_reply;
    std::unique_ptr<StreamDecoder> m_decoder;
    SseParser m_parser;
    QList<SseEvent> m_events;
    QString m_delta;
    ProviderTimeouts m_timeouts;
    ProviderLimits m_limits;
    QTimer m_timer;
    QTimer m_deadline; // timeouts.totalMs: the whole call
    QElapsedTimer m_clock;
    Phase m_phase = Phase::Connecting;
    QByteArray m_errorBody;
    QByteArray m_retryAfterMs;
    QByteArray m_retryAfter;
    QByteArray m_shouldRetry;
    QString m_contentType;
    bool m_notEventStream = false;
    qint64 m_promptChars = 0;
    qint64 m_answerBytes = 0;
    int m_httpStatus = 0;
    bool m_done = false;
    bool m_firstToken = false;
};

} // namespace ladder
