#pragma once

// A scripted HTTP/1.1 responder on 127.0.0.1 for provider tests. Each request that arrives takes
// the next script: a list of steps (write bytes, wait, reset the connection, close, stall) run in
// order, so chunk timing, byte splits and faults are exact. Requests are recorded for asserts.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

namespace ladder::test {

struct MockStep {
    enum class Kind { Write, Delay, Reset, Close, Stall };
    Kind kind = Kind::Write;
    QByteArray bytes;
    int ms = 0;

    static MockStep write(const QByteArray &bytes) { return {Kind::Write, bytes, 0}; }
    static MockStep delay(int ms) { return {Kind::Delay, {}, ms}; }
    static MockStep reset() { return {Kind::Reset, {}, 0}; }
    static MockStep close() { return {Kind::Close, {}, 0}; }
    static MockStep stall() { return {Kind::Stall, {}, 0}; }
};
using MockScript = QList<MockStep>;

struct ReceivedRequest {
    QByteArray method;
    QByteArray target;                     // path and query
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray rawHead;                    // request line and headers as received
    QByteArray body;
};

class MockHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit MockHttpServer(QObject *parent = nullptr);
    ~MockHttpServer() override;

    bool listen();
    quint16 port() const;
    QUrl url(const QString &path = {}) const; // http://127.0.0.1:PORT/path

    void enqueue(const MockScript &script) { m_scripts.enqueue(script); }
    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int connectionsAccepted() const { return m_connections; } // TCP connections so far

private:
    class Connection;
    void onNewConnection();

    QTcpServer m_server;
    QQueue<MockScript> m_scripts;
    QList<ReceivedRequest> m_requests;
    int m_connections = 0;
};

// Takes one complete request (head, and the body its Content-Length announces) off the front of
// `buffer`; false, leaving `buffer` alone, while the request is incomplete. Every test server reads
// requests with it.
bool takeHttpRequest(QByteArray *buffer, ReceivedRequest *out);

// Response builders.
enum class Framing { Chunked, CloseDelimited };
enum class StreamEnd { Finish, Close, Reset, Stall };
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Status line and headers for a streamed body.
QByteArray streamHead(int status, Framing framing, const HeaderList &extra = {});
QByteArray httpChunk(const QByteArray &data);
// A streamed response: each piece written separately, `gapMs` apart; `end` says how it stops.
MockScript streamScript(const QList<QByteArray> &pieces, Framing framing = Framing::Chunked,
                        StreamEnd end = StreamEnd::Finish, int gapMs = 2,
                        const HeaderList &extra = {}, int status = 200);
QByteArray httpReasonPhrase(int status);
// A complete response with Content-Length, as bytes and as a script.
QByteArray plainResponseBytes(int status, const QByteArray &body, const HeaderList &extra = {},
                              const QByteArray &contentType = "application/json");
MockScript plainResponse(int status, const QByteArray &body, const HeaderList &extra = {},
                         const QByteArray &contentType = "application/json");
// `bytes` cut into pieces of `size` bytes (the last may be shorter).
QList<QByteArray> splitEvery(const QByteArray &bytes, int size);

} // namespace ladder::test
