#include "mock_http_server.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

#include <utility>

namespace ladder::test {

class MockHttpServer::Connection : public QObject
{
public:
    Connection(QTcpSocket *socket, MockHttpServer *server)
        : QObject(server)
        , m_socket(socket)
        , m_server(server)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        if (m_running)
            return;
        ReceivedRequest request;
        if (!takeHttpRequest(&m_buffer, &request))
            return;
        m_server->m_requests.append(request);
        m_script = m_server->m_scripts.isEmpty()
                       ? plainResponse(500, R"({"error":{"message":"no script"}})")
                       : m_server->m_scripts.dequeue();
        m_step = 0;
        m_running = true;
        runSteps();
    }

    void runSteps()
    {
        while (m_step < m_script.size()) {
            if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState)
                return;
            const MockStep step = m_script.at(m_step++);
            switch (step.kind) {
            case MockStep::Kind::Write:
                m_socket->write(step.bytes);
                m_socket->flush();
                break;
            case MockStep::Kind::Delay:
                QTimer::singleShot(step.ms, this, [this] { runSteps(); });
                return;
            case MockStep::Kind::Reset: {
                m_socket->flush();
                // SO_LINGER with a zero timeout turns close() into a TCP RST.
                const linger hard{1, 0};
                ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                             sizeof hard);
                m_socket->abort();
                m_closed = true;
                return;
            }
            case MockStep::Kind::Close:
                m_socket->disconnectFromHost();
                m_closed = true;
                return;
            case MockStep::Kind::Stall:
                return; // keep the connection open and silent
            }
        }
        m_running = false; // ready for the next request on this connection
        if (!m_buffer.isEmpty())
            onReadyRead();
    }

    QTcpSocket *m_socket;
    MockHttpServer *m_server;
    QByteArray m_buffer;
    MockScript m_script;
    qsizetype m_step = 0;
    bool m_running = false;
    bool m_closed = false;
};

MockHttpServer::MockHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockHttpServer::onNewConnection);
}

MockHttpServer::~MockHttpServer() = default;

bool MockHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 MockHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl MockHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(port()).arg(path));
}

void MockHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        new Connection(socket, this);
    }
}

bool takeHttpRequest(QByteArray *buffer, ReceivedRequest *out)
{
    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    ReceivedRequest request;
    request.rawHead = buffer->left(headEnd);
    const QList<QByteArray> lines = request.rawHead.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer->size() < headEnd + 4 + length)
        return false;
    request.body = buffer->mid(headEnd + 4, length);
    buffer->remove(0, headEnd + 4 + length);
    *out = std::move(request);
    return true;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Overloaded";
    default:
        return status >= 400 ? "Error" : "Status";
    }
}

static QByteArray headerLines(const HeaderList &extra)
{
    QByteArray out;
    for (const auto &[name, value] : extra)
        out += name + ": " + value + "\r\n";
    return out;
}

QByteArray streamHead(int status, Framing framing, const HeaderList &extra)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) +
                      "\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n";
    head +=
        framing == Framing::Chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n";
    return head + headerLines(extra) + "\r\n";
}

QByteArray httpChunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

MockScript streamScript(const QList<QByteArray> &pieces, Framing framing, StreamEnd end, int gapMs,
                        const HeaderList &extra, int status)
{
    MockScript script{MockStep::write(streamHead(status, framing, extra))};
    for (const QByteArray &piece : pieces) {
        if (gapMs > 0)
            script << MockStep::delay(gapMs);
        script << MockStep::write(framing == Framing::Chunked ? httpChunk(piece) : piece);
    }
    if (gapMs > 0)
        script << MockStep::delay(gapMs);
    switch (end) {
    case StreamEnd::Finish:
        if (framing == Framing::Chunked)
            script << MockStep::write("0\r\n\r\n");
        else
            script << MockStep::close();
        break;
    case StreamEnd::Close:
        script << MockStep::close();
        break;
    case StreamEnd::Reset:
        script << MockStep::reset();
        break;
    case StreamEnd::Stall:
        script << MockStep::stall();
        break;
    }
    return script;
}

QByteArray plainResponseBytes(int status, const QByteArray &body, const HeaderList &extra,
                              const QByteArray &contentType)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) +
           "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + headerLines(extra) +
           "\r\n" + body;
}

MockScript plainResponse(int status, const QByteArray &body, const HeaderList &extra,
                         const QByteArray &contentType)
{
    return {MockStep::write(plainResponseBytes(status, body, extra, contentType))};
}

QList<QByteArray> splitEvery(const QByteArray &bytes, int size)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < bytes.size(); i += size)
        out << bytes.mid(i, size);
    return out;
}

} // namespace ladder::test
