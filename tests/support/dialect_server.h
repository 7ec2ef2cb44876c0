#pragma once

// A test-only "model server" on 127.0.0.1 that speaks one real HTTP dialect (OpenAI Chat
// Completions, Anthropic Messages or Gemini streamGenerateContent) and answers as the simulated
// provider would: the request body is decoded back into a ChatRequest, SimulatedProvider::compose
// writes the answer, and the ChatResult goes back as that dialect's SSE stream (text in several
// deltas, the tool calls as the dialect encodes them, usage from the wire fields, the dialect's
// final event). The SSE bytes are cut into TCP writes of varying sizes, so events arrive both
// split and packed. A queue of faults answers the next calls with an error status instead.
// LADDER_DIALECT_SERVER_DUMP=1 prints each request body and the stream sent back.

#include "engine/provider.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

#include <functional>

#include <optional>

namespace ladder::test {

enum class Dialect { OpenAi, Anthropic, Gemini };
QString toString(Dialect dialect); // "openai", "anthropic", "gemini": the provider kind

// Decodes what a client posted back into the request the engine built. The model comes from the
// body (OpenAI, Anthropic) or from the target path (Gemini). On bad input returns nullopt and
// sets *error to a message naming the JSON path, e.g. "/messages/2/role: unknown role \"bot\"".
std::optional<ChatRequest> decodeRequest(Dialect dialect, const QByteArray &target,
                                         const QByteArray &body, QString *error);

// The SSE events (each one complete, blank line included) that stream `result` in `dialect`.
QList<QByteArray> encodeStream(Dialect dialect, const QString &model, const ChatResult &result);

// An error response for a status, with the dialect's error body.
struct Fault {
    int status = 503;
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. {"retry-after", "30"}
};

// One request the server answered.
struct ServedCall {
    QByteArray target;                     // path and query
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    ChatRequest request; // decoded from the body
    ChatResult answer;   // what was streamed back (empty on a fault or a bad request)
    int status = 200;
};

class DialectServer : public QObject
{
    Q_OBJECT
public:
    explicit DialectServer(Dialect dialect, QObject *parent = nullptr);
    ~DialectServer() override;

    bool listen();
    Dialect dialect() const { return m_dialect; }
    // http://127.0.0.1:PORT/v1 (OpenAI, Anthropic) or .../v1beta (Gemini).
    QUrl baseUrl() const;

    // Answers requests with this instead of the simulated provider (a test's own model, e.g. one
    // that reports prompt-cache usage); the result's usage goes out in the dialect's fields.
    void setAnswerer(std::function<ChatResult(const ChatRequest &)> answerer)
    {
        m_answerer = std::move(answerer);
    }
    // The next call is answered with this error instead of a stream.
    void failNext(const Fault &fault) { m_faults.enqueue(fault); }
    const QList<ServedCall> &calls() const { return m_calls; }

private:
    class Connection;
    friend class Connection;
    void onNewConnection();
    // The response bytes for one request, cut into the writes that send them.
    QList<QByteArray> respond(ServedCall *call);

    Dialect m_dialect;
    QTcpServer m_server;
    QQueue<Fault> m_faults;
    QList<ServedCall> m_calls;
    std::function<ChatResult(const ChatRequest &)> m_answerer;
    int m_served = 0;
};

} // namespace ladder::test
