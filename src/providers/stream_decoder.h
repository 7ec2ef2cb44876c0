#pragma once

// What the three HTTP clients share: the state a stream decoder builds from SSE events, and the
// mapping of HTTP statuses, error bodies and retry headers to a typed ProviderError.

#include "engine/provider.h"
#include "providers/sse_parser.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace ladder {

class EventJson;

// Who a call talks to, for error messages. The key is only used to redact it from messages.
struct CallLabel {
    QString provider;
    QString model;
    QString key;

    // "openai (gpt-5.4): <text>" with the key, if any, redacted (redactKey()).
    QString message(const QString &text, int httpStatus = 0) const;
};

// Replaces every run of kMinRedactedRun or more consecutive characters of `key` in `text` by
// "[redacted]" (the whole key when it is shorter): a server that echoes most of a key ("sk-...
// 26 of 28 characters") gives none of it away.
inline constexpr qsizetype kMinRedactedRun = 12;
QString redactKey(const QString &text, const QString &key);

struct StreamState {
    QString text;
    QList<ToolCall> toolCalls;
    TokenUsage usage;
    bool inputKnown = false;     // the provider reported input tokens
    bool outputKnown = false;    // the provider reported final output tokens
    bool contentStarted = false; // text or a tool call began (ends the first-token wait)
    bool complete = false;       // the provider's final event arrived
    QString finishReason;
    std::optional<ProviderError> error;
    QJsonObject raw; // ids and details for the audit; "provider_data" goes to ChatMessage
};

// Turns SSE events of one dialect into text deltas, tool calls, usage and errors.
class StreamDecoder
{
public:
    explicit StreamDecoder(CallLabel label);
    virtual ~StreamDecoder();

    // Handles one event; new answer text is appended to *delta (which the caller clears).
    virtual void handle(const SseEvent &event, QString *delta) = 0;
    // The connection ended (normally or not); pending tool calls are finished here.
    virtual void endOfStream() {}

    StreamState &state() { return m_state; }
    const CallLabel &label() const { return m_label; }

protected:
    void protocolError(const QString &what);
    // The reader of the current event (providers/event_json.h, simdjson On-Demand). A decoder
    // starts it on the event's data, reads the members it needs, then calls
    // finishEvent(): on malformed JSON that records a Protocol error and returns false, and the
    // decoder drops what it read from the event.
    EventJson &json() { return *m_json; }
    bool finishEvent(const SseEvent &event);
    // The event has an "error" member (OpenAI, Gemini): reads it whole and records the error.
    void errorEvent(const SseEvent &event);

    CallLabel m_label;
    StreamState m_state;

private:
    std::unique_ptr<EventJson> m_json; // reused: its buffers keep their capacity
};

// The `error` object of an error body, whatever the dialect: OpenAI {error:{message,type,code}},
// Anthropic {type:"error",error:{type,message}}, Gemini {error:{code,message,status,details}}.
struct ErrorBody {
    QString message;
    QString type;             // OpenAI/Anthropic type, Gemini status
    QString code;             // OpenAI code (string), Gemini code (number as text)
    qint64 retryAfterMs = -1; // Gemini google.rpc.RetryInfo retryDelay
    bool parsed = false;
};
ErrorBody parseErrorBody(const QByteArray &body);
ErrorBody parseErrorObject(const QJsonObject &root);

FailureKind failureKindForStatus(int httpStatus);
// Kind for an error body's type/code (used for mid-stream errors and to refine a status).
std::optional<FailureKind> failureKindForType(const QString &type, const QString &code);

// retry-after-ms (milliseconds), else retry-after (seconds or an HTTP-date relative to `now`).
// -1 when neither header is usable.
qint64 parseRetryAfterMs(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

// The error of a non-2xx response. `shouldRetry` is the x-should-retry header ("" when absent).
ProviderError httpStatusError(const CallLabel &label, int httpStatus, const QByteArray &body,
                              qint64 retryAfterMs, const QByteArray &shouldRetry);

// An error event inside a 200 stream.
ProviderError streamErrorEvent(const CallLabel &label, const QJsonObject &root);

} // namespace ladder
