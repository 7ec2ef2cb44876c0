#include "stream_decoder.h"

#include "providers/event_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace ladder {

QString CallLabel::message(const QString &text, int httpStatus) const
{
    QString out = provider;
    if (!model.isEmpty())
        out += QStringLiteral(" (") + model + QLatin1Char(')');
    out += QStringLiteral(": ");
    if (httpStatus > 0)
        out += QStringLiteral("HTTP %1: ").arg(httpStatus);
    out += text;
    return redactKey(out, key);
}

QString redactKey(const QString &text, const QString &key)
{
    if (key.isEmpty() || text.isEmpty())
        return text;
    const qsizetype run = std::min(kMinRedactedRun, key.size());
    // Marks every character of text inside a run of `run`+ characters that also occur
    // consecutively in the key: each window of the key is searched for, and each hit is
    // extended as far as text and key keep agreeing.
    QList<bool> hidden(text.size(), false);
    bool any = false;
    for (qsizetype k = 0; k + run <= key.size(); ++k) {
        const QStringView window = QStringView(key).mid(k, run);
        for (qsizetype at = text.indexOf(window); at >= 0; at = text.indexOf(window, at + 1)) {
            qsizetype end = at + run;
            for (qsizetype kk = k + run;
                 end < text.size() && kk < key.size() && text[end] == key[kk]; ++end, ++kk) {
            }
            for (qsizetype i = at; i < end; ++i)
                hidden[i] = true;
            any = true;
        }
    }
    if (!any)
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (!hidden[i]) {
            out += text[i++];
            continue;
        }
        while (i < text.size() && hidden[i])
            ++i;
        out += QStringLiteral("[redacted]");
    }
    return out;
}

void StreamDecoder::protocolError(const QString &what)
{
    if (m_state.error)
        return;
    m_state.error = ProviderError{FailureKind::Protocol, m_label.message(what, 200), 200, -1};
}

StreamDecoder::StreamDecoder(CallLabel label)
    : m_label(std::move(label))
    , m_json(std::make_unique<EventJson>())
{}

StreamDecoder::~StreamDecoder() = default;

bool StreamDecoder::finishEvent(const SseEvent &event)
{
    if (m_json->finish())
        return true;
    const QString name = event.event.isEmpty() ? QString() : QLatin1Char(' ') + event.event;
    protocolError(
        QStringLiteral("malformed JSON in stream event%1: %2").arg(name, m_json->errorString()));
    return false;
}

void StreamDecoder::errorEvent(const SseEvent &event)
{
    const QJsonObject whole = m_json->rootObject();
    if (finishEvent(event))
        m_state.error = streamErrorEvent(m_label, whole);
}

static qint64 parseDurationMs(const QString &s) // google.protobuf.Duration: "30s", "1.5s"
{
    if (!s.endsWith(QLatin1Char('s')))
        return -1;
    bool ok = false;
    const double seconds = s.chopped(1).toDouble(&ok);
    return ok && seconds >= 0 ? qint64(std::llround(seconds * 1000)) : -1;
}

ErrorBody parseErrorObject(const QJsonObject &root)
{
    ErrorBody out;
    const QJsonValue errorValue = root.value(QStringLiteral("error"));
    if (errorValue.isString()) { // some OpenAI-compatible servers: {"error":"text"}
        out.message = errorValue.toString();
        out.parsed = true;
        return out;
    }
    const QJsonObject error = errorValue.toObject();
    if (error.isEmpty())
        return out;
    out.parsed = true;
    out.message = error.value(QStringLiteral("message")).toString();
    out.type = error.value(QStringLiteral("type")).toString();
    if (out.type.isEmpty())
        out.type = error.value(QStringLiteral("status")).toString();
    const QJsonValue code = error.value(QStringLiteral("code"));
    out.code = code.isDouble() ? QString::number(code.toInteger()) : code.toString();
    const QJsonArray details = error.value(QStringLiteral("details")).toArray();
    for (const QJsonValue &d : details) {
        const QJsonObject o = d.toObject();
        if (o.value(QStringLiteral("@type")).toString().endsWith(QStringLiteral("RetryInfo")))
            out.retryAfterMs = parseDurationMs(o.value(QStringLiteral("retryDelay")).toString());
    }
    return out;
}

ErrorBody parseErrorBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return parseErrorObject(doc.object());
    if (doc.isArray() && !doc.array().isEmpty()) // Gemini sometimes wraps the error in [ ]
        return parseErrorObject(doc.array().first().toObject());
    return {};
}

FailureKind failureKindForStatus(int status)
{
    switch (status) {
    case 401:
    case 403:
        return FailureKind::Auth;
    case 402:
        return FailureKind::QuotaExhausted;
    case 408:
    case 504:
        return FailureKind::Timeout;
    case 409:
        return FailureKind::Unavailable; // lock conflict: the SDKs retry it
    case 429:
        return FailureKind::RateLimited;
    default:
        break;
    }
    if (status >= 500)
        return FailureKind::Unavailable; // 500, 502, 503, 529 (overloaded), ...
    if (status >= 400)
        return FailureKind::BadRequest; // 400, 404, 413, 422, ...
    return FailureKind::Protocol;       // 1xx/3xx where a stream was expected
}

std::optional<FailureKind> failureKindForType(const QString &type, const QString &code)
{
    static const QHash<QString, FailureKind> kinds{
        {QStringLiteral("insufficient_quota"), FailureKind::QuotaExhausted},
        {QStringLiteral("credit_balance_exhausted"), FailureKind::QuotaExhausted},
        {QStringLiteral("billing_error"), FailureKind::QuotaExhausted},
        {QStringLiteral("rate_limit_exceeded"), FailureKind::RateLimited},
        {QStringLiteral("rate_limit_error"), FailureKind::RateLimited},
        {QStringLiteral("slow_down"), FailureKind::RateLimited},
        {QStringLiteral("RESOURCE_EXHAUSTED"), FailureKind::RateLimited},
        {QStringLiteral("overloaded_error"), FailureKind::Unavailable},
        {QStringLiteral("server_is_overloaded"), FailureKind::Unavailable},
        {QStringLiteral("service_unavailable_error"), FailureKind::Unavailable},
        {QStringLiteral("api_error"), FailureKind::Unavailable},
        {QStringLiteral("server_error"), FailureKind::Unavailable},
        {QStringLiteral("UNAVAILABLE"), FailureKind::Unavailable},
        {QStringLiteral("INTERNAL"), FailureKind::Unavailable},
        {QStringLiteral("timeout_error"), FailureKind::Timeout},
        {QStringLiteral("DEADLINE_EXCEEDED"), FailureKind::Timeout},
        {QStringLiteral("authentication_error"), FailureKind::Auth},
        {QStringLiteral("permission_error"), FailureKind::Auth},
        {QStringLiteral("invalid_api_key"), FailureKind::Auth},
        {QStringLiteral("PERMISSION_DENIED"), FailureKind::Auth},
        {QStringLiteral("UNAUTHENTICATED"), FailureKind::Auth},
        {QStringLiteral("invalid_request_error"), FailureKind::BadRequest},
        {QStringLiteral("not_found_error"), FailureKind::BadRequest},
        {QStringLiteral("request_too_large"), FailureKind::BadRequest},
        {QStringLiteral("model_not_found"), FailureKind::BadRequest},
        {QStringLiteral("INVALID_ARGUMENT"), FailureKind::BadRequest},
        {QStringLiteral("FAILED_PRECONDITION"), FailureKind::BadRequest},
        {QStringLiteral("NOT_FOUND"), FailureKind::BadRequest},
    };
    // The code is the more specific of the two (OpenAI: type rate_limit_error with code
    // insufficient_quota is a quota problem, not a rate limit).
    if (auto it = kinds.constFind(code); it != kinds.constEnd())
        return *it;
    if (auto it = kinds.constFind(type); it != kinds.constEnd())
        return *it;
    bool numeric = false;
    const int status = code.toInt(&numeric);
    if (numeric && status >= 400)
        return failureKindForStatus(status);
    return std::nullopt;
}

qint64 parseRetryAfterMs(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                         const QDateTime &now)
{
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && ms >= 0 && std::isfinite(ms))
        return qint64(std::llround(ms));
    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty())
        return -1;
    const double seconds = value.toDouble(&ok);
    if (ok && seconds >= 0 && std::isfinite(seconds))
        return qint64(std::llround(seconds * 1000));
    // HTTP-date (RFC 9110 IMF-fixdate): "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(when));
}

static QString describe(const ErrorBody &body, const QByteArray &raw)
{
    QString text = body.message;
    if (text.isEmpty() && !body.parsed)
        text = QString::fromUtf8(raw.left(300)).simplified();
    QString tag = body.code.isEmpty() || body.code == QString::number(0) ? body.type : body.code;
    if (!body.type.isEmpty() && !body.code.isEmpty() && body.type != body.code)
        tag = body.type + QLatin1Char('/') + body.code;
    if (!tag.isEmpty())
        text = text.isEmpty() ? tag : text + QStringLiteral(" (") + tag + QLatin1Char(')');
    return text.isEmpty() ? QStringLiteral("no error details") : text;
}

ProviderError httpStatusError(const CallLabel &label, int httpStatus, const QByteArray &body,
                              qint64 retryAfterMs, const QByteArray &shouldRetry)
{
    const ErrorBody parsed = parseErrorBody(body);
    FailureKind kind = failureKindForStatus(httpStatus);
    const std::optional<FailureKind> byType = failureKindForType(parsed.type, parsed.code);
    if (httpStatus == 429 && byType == FailureKind::QuotaExhausted)
        kind = FailureKind::QuotaExhausted;
    if (httpStatus == 400 && parsed.message.contains(QStringLiteral("credit balance")))
        kind = FailureKind::QuotaExhausted; // Anthropic: "Your credit balance is too low"
    ProviderError error;
    error.httpStatus = httpStatus;
    error.retryAfterMs = retryAfterMs >= 0 ? retryAfterMs : parsed.retryAfterMs;
    // x-should-retry overrides the status, as the official SDKs do.
    const QByteArray should = shouldRetry.trimmed().toLower();
    error.kind = kind;
    if (should == "false" && error.retryable())
        kind = httpStatus == 429 ? FailureKind::QuotaExhausted : FailureKind::BadRequest;
    else if (should == "true" && !error.retryable())
        kind = FailureKind::Unavailable;
    error.kind = kind;
    error.message = label.message(describe(parsed, body), httpStatus);
    return error;
}

ProviderError streamErrorEvent(const CallLabel &label, const QJsonObject &root)
{
    const ErrorBody parsed = parseErrorObject(root);
    ProviderError error;
    error.kind = failureKindForType(parsed.type, parsed.code).value_or(FailureKind::Unavailable);
    error.httpStatus = 200;
    error.retryAfterMs = parsed.retryAfterMs;
    error.message =
        label.message(QStringLiteral("error in stream: ") +
                          describe(parsed, QJsonDocument(root).toJson(QJsonDocument::Compact)),
                      200);
    return error;
}

} // namespace ladder
