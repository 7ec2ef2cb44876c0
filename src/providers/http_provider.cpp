#include "http_provider.h"

#include "core/token_estimate.h"
#include "providers/direct_http_client.h"

#include <QJsonDocument>

namespace ladder {

Q_LOGGING_CATEGORY(lcProviders, "ladder.providers", QtInfoMsg)

namespace {

constexpr qsizetype kMaxErrorBody = 1024 * 1024;

qint64 promptCharacters(const ChatRequest &request)
{
    qint64 chars = 0;
    for (const ChatMessage &m : request.messages) {
        chars += m.content.size();
        for (const ToolCall &c : m.toolCalls)
            chars += c.name.size() + QJsonDocument(c.arguments).toJson().size();
    }
    for (const ToolSpec &t : request.tools)
        chars += t.name.size() + t.description.size() +
                 QJsonDocument(t.parameters).toJson(QJsonDocument::Compact).size();
    return chars;
}

qint64 outputCharacters(const StreamState &state)
{
    qint64 chars = state.text.size();
    for (const ToolCall &c : state.toolCalls)
        chars += c.name.size() + QJsonDocument(c.arguments).toJson(QJsonDocument::Compact).size();
    return chars;
}

} // namespace

HttpProvider::HttpProvider(HttpProviderSettings settings, QObject *parent)
    : Provider(parent)
    , m_settings(std::move(settings))
    , m_client(m_settings.client == HttpClientKind::Qnam
                   ? static_cast<HttpClient *>(new QnamHttpClient(this))
                   : new DirectHttpClient(this))
{}

HttpProvider::~HttpProvider() = default;

QUrl HttpProvider::endpoint(const QString &path) const
{
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(base + QLatin1Char('/') + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

ProviderCall *HttpProvider::start(const ChatRequest &request)
{
    QString key;
    if (m_settings.keys)
        key = m_settings.keys->lookup(m_settings.keyRef).key;
    CallLabel label{m_settings.id, request.model, key};
    QNetworkRequest networkRequest = this->networkRequest(request, key);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QByteArrayLiteral("application/json"));
    networkRequest.setRawHeader("Accept", "text/event-stream");
    qCDebug(lcProviders).noquote()
        << m_settings.id << "POST" << networkRequest.url().toString() << "model" << request.model
        << "turn" << request.turn << "attempt" << request.attempt;
    return new HttpProviderCall(m_client->post(networkRequest, requestBody(request)),
                                makeDecoder(std::move(label)), promptCharacters(request),
                                m_settings.timeouts, m_settings.limits, this);
}

HttpProviderCall::HttpProviderCall(HttpExchange *exchange, std::unique_ptr<StreamDecoder> decoder,
                                   qint64 promptChars, const ProviderTimeouts &timeouts,
                                   const ProviderLimits &limits, QObject *parent)
    : ProviderCall(parent)
    , m_decoder(std::move(decoder))
    , m_timeouts(timeouts)
    , m_limits(limits)
    , m_promptChars(promptChars)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpProviderCall::onTimeout);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpProviderCall::onDeadline);
    if (m_timeouts.totalMs > 0)
        m_deadline.start(m_timeouts.totalMs);
    m_clock.start();
    m_reply = exchange;
    connect(m_reply, &HttpExchange::requestSent, this, &HttpProviderCall::onRequestSent);
    connect(m_reply, &HttpExchange::headReceived, this, &HttpProviderCall::onMetaData);
    connect(m_reply, &HttpExchange::readyRead, this, &HttpProviderCall::onReadyRead);
    connect(m_reply, &HttpExchange::finished, this, &HttpProviderCall::onFinished);
    setPhase(Phase::Connecting);
}

HttpProviderCall::~HttpProviderCall()
{
    abortReply();
}

void HttpProviderCall::setPhase(Phase phase)
{
    m_phase = phase;
    const int ms = phase == Phase::Connecting          ? m_timeouts.connectMs
                   : phase == Phase::WaitingFirstToken ? m_timeouts.firstTokenMs
                                                       : m_timeouts.idleMs;
    if (ms > 0)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void HttpProviderCall::onRequestSent()
{
    if (m_phase == Phase::Connecting)
        setPhase(Phase::WaitingFirstToken);
}

void HttpProviderCall::onMetaData()
{
    if (!m_reply)
        return;
    if (m_phase == Phase::Connecting)
        setPhase(Phase::WaitingFirstToken);
    m_httpStatus = m_reply->httpStatus();
    m_retryAfterMs = m_reply->header("retry-after-ms");
    m_retryAfter = m_reply->header("retry-after");
    m_shouldRetry = m_reply->header("x-should-retry");
    const QByteArray contentType = m_reply->header("content-type").toLower();
    // A 2xx that is not an event stream (a proxy's JSON error, a server ignoring "stream").
    m_notEventStream = !contentType.isEmpty() && !contentType.contains("text/event-stream");
    m_contentType = QString::fromLatin1(contentType);
    QByteArray requestId = m_reply->header("x-request-id");
    if (requestId.isEmpty())
        requestId = m_reply->header("request-id");
    if (!requestId.isEmpty())
        m_decoder->state().raw.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId));
}

void HttpProviderCall::onReadyRead()
{
    if (m_done || !m_reply)
        return;
    if (m_phase == Phase::Connecting)
        setPhase(Phase::WaitingFirstToken);
    const QByteArray bytes = m_reply->readAll();
    if (m_httpStatus < 200 || m_httpStatus >= 300 || m_notEventStream) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody.append(bytes.left(kMaxErrorBody - m_errorBody.size()));
        return;
    }
    m_events.clear();
    m_parser.feed(bytes, &m_events);
    // Only fields count as life: a server sending nothing but `: ping` comments (or blank
    // lines) is as idle as a silent one.
    if (m_parser.takeProgress() && m_phase == Phase::Streaming && m_timeouts.idleMs > 0)
        m_timer.start(m_timeouts.idleMs);
    if (m_parser.overflowed()) {
        m_decoder->state().error = ProviderError{
            FailureKind::Protocol,
            m_decoder->label().message(QStringLiteral("stream line or event longer than %1 bytes")
                                           .arg(SseParser::kDefaultMaxLineBytes),
                                       m_httpStatus),
            m_httpStatus, -1};
    }
    for (const SseEvent &event : std::as_const(m_events))
        m_answerBytes += event.data.size();
    if (m_limits.maxAnswerBytes > 0 && m_answerBytes > m_limits.maxAnswerBytes &&
        !m_decoder->state().error) {
        m_decoder->state().error =
            ProviderError{FailureKind::Protocol,
                          m_decoder->label().message(QStringLiteral("answer larger than %1 bytes "
                                                                    "(limits.max_answer_bytes)")
                                                         .arg(m_limits.maxAnswerBytes),
                                                     m_httpStatus),
                          m_httpStatus, -1};
    }
    consume(m_events);
}

void HttpProviderCall::onDeadline()
{
    if (m_done)
        return;
    if (m_decoder->state().complete) {
        complete();
        return;
    }
    fail(ProviderError{FailureKind::Timeout,
                       m_decoder->label().message(QStringLiteral("timeout: the call took longer "
                                                                 "than %1 ms (timeouts.total_ms)")
                                                      .arg(m_timeouts.totalMs),
                                                  m_httpStatus),
                       m_httpStatus, -1});
}

void HttpProviderCall::consume(const QList<SseEvent> &events)
{
    StreamState &state = m_decoder->state();
    for (const SseEvent &event : events) {
        if (state.error)
            break;
        m_delta.clear();
        m_decoder->handle(event, &m_delta);
        if (state.contentStarted && !m_firstToken) {
            m_firstToken = true;
            m_result.ttftMs = m_clock.nsecsElapsed() / 1e6;
            setPhase(Phase::Streaming);
        } else if (state.complete && m_phase != Phase::Streaming) {
            setPhase(Phase::Streaming); // an empty answer: wait for the close as for any other
        }
        if (!m_delta.isEmpty())
            emit delta(m_delta);
        if (m_done) // a slot connected to delta() cancelled the call
            return;
    }
    if (state.error)
        fail(*state.error);
}

void HttpProviderCall::onTimeout()
{
    if (m_done)
        return;
    StreamState &state = m_decoder->state();
    if (state.complete) {
        complete(); // the final event arrived but the server kept the connection open
        return;
    }
    QString what;
    int ms = 0;
    switch (m_phase) {
    case Phase::Connecting:
        what = QStringLiteral("no connection");
        ms = m_timeouts.connectMs;
        break;
    case Phase::WaitingFirstToken:
        what = QStringLiteral("no first token");
        ms = m_timeouts.firstTokenMs;
        break;
    case Phase::Streaming:
        what = QStringLiteral("stream idle");
        ms = m_timeouts.idleMs;
        break;
    }
    fail(ProviderError{
        FailureKind::Timeout,
        m_decoder->label().message(QStringLiteral("timeout: %1 after %2 ms").arg(what).arg(ms),
                                   m_httpStatus),
        m_httpStatus, -1});
}

void HttpProviderCall::onFinished()
{
    if (m_done || !m_reply)
        return;
    m_timer.stop();
    m_deadline.stop();
    const QString networkError = m_reply->networkError();
    if (m_httpStatus == 0)
        m_httpStatus = m_reply->httpStatus();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    const CallLabel &label = m_decoder->label();
    if (m_httpStatus >= 300 || (m_httpStatus > 0 && m_httpStatus < 200)) {
        const qint64 retryAfter = parseRetryAfterMs(m_retryAfterMs, m_retryAfter);
        fail(httpStatusError(label, m_httpStatus, m_errorBody, retryAfter, m_shouldRetry));
        return;
    }
    if (m_notEventStream) {
        const QJsonObject body = QJsonDocument::fromJson(m_errorBody).object();
        ProviderError error =
            body.contains(QStringLiteral("error"))
                ? streamErrorEvent(label, body)
                : ProviderError{FailureKind::Protocol,
                                label.message(QStringLiteral("expected an event stream, "
                                                             "got \"%1\"")
                                                  .arg(m_contentType),
                                              m_httpStatus),
                                m_httpStatus, -1};
        error.httpStatus = m_httpStatus;
        fail(error);
        return;
    }
    StreamState &state = m_decoder->state();
    if (!networkError.isEmpty() && !state.complete) {
        m_decoder->endOfStream();
        fail(ProviderError{
            FailureKind::Network,
            label.message(QStringLiteral("network error: %1").arg(networkError), m_httpStatus),
            m_httpStatus, -1});
        return;
    }
    consume(m_parser.finish());
    if (m_done)
        return;
    m_decoder->endOfStream();
    if (state.error) {
        fail(*state.error);
    } else if (!state.complete) {
        fail(ProviderError{
            FailureKind::Truncated,
            label.message(QStringLiteral("stream ended before the final event"), m_httpStatus),
            m_httpStatus, -1});
    } else {
        complete();
    }
}

void HttpProviderCall::fail(const ProviderError &error)
{
    if (m_done)
        return;
    m_result.error = error;
    finishNow();
}

void HttpProviderCall::complete()
{
    finishNow();
}

void HttpProviderCall::finishNow()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_deadline.stop();
    abortReply();
    m_decoder->endOfStream(); // idempotent: finishes pending tool calls, provider data
    StreamState &state = m_decoder->state();
    m_result.latencyMs = m_clock.nsecsElapsed() / 1e6;
    m_result.text = state.text;
    m_result.toolCalls = state.toolCalls;
    m_result.finishReason = state.finishReason;
    m_result.usage = state.usage;
    if (m_httpStatus >= 200 && m_httpStatus < 300 && !m_notEventStream) {
        // The provider bills a stream that started; count what it never reported.
        if (!state.inputKnown) {
            m_result.usage.inputTokens = estimateTokens(m_promptChars);
            m_result.usage.estimated = true;
        }
        if (!state.outputKnown) {
            m_result.usage.outputTokens = estimateTokens(outputCharacters(state));
            m_result.usage.estimated = true;
        }
    }
    m_result.httpStatus = m_httpStatus;
    m_result.raw = state.raw;
    m_result.raw.insert(QStringLiteral("http_status"), m_httpStatus);
    if (!m_result.finishReason.isEmpty())
        m_result.raw.insert(QStringLiteral("finish_reason"), m_result.finishReason);
    if (m_result.error) {
        qCDebug(lcProviders).noquote()
            << "call failed:" << toString(m_result.error->kind) << m_result.error->message;
    }
    emit finished();
    deleteLater();
}

void HttpProviderCall::abortReply()
{
    if (!m_reply)
        return;
    HttpExchange *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void HttpProviderCall::cancel()
{
    if (m_done)
        return;
    m_result.error =
        ProviderError{FailureKind::Cancelled,
                      m_decoder->label().message(QStringLiteral("cancelled")), m_httpStatus, -1};
    finishNow();
}

} // namespace ladder
