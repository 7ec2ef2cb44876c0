#include "direct_http_client.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>

namespace http = boost::beast::http;

namespace ladder {

namespace {

constexpr int kMaxIdlePerOrigin = 256;
constexpr std::uint32_t kMaxHeadBytes = 64 * 1024;

bool isTls(const QUrl &url)
{
    return url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
}

int portOf(const QUrl &url)
{
    return url.port(isTls(url) ? 443 : 80);
}

QString originOf(const QUrl &url)
{
    return url.scheme().toLower() + QLatin1String("://") + url.host().toLower() + QLatin1Char(':') +
           QString::number(portOf(url));
}

QByteArray requestHead(const QNetworkRequest &request, qsizetype bodySize)
{
    const QUrl url = request.url();
    QByteArray target =
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty())
        target = "/";
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() >= 0 && url.port() != (isTls(url) ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    QByteArray head;
    head.reserve(256 + bodySize);
    head += "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    // Known headers set with setHeader() are in the raw list too (Qt keeps both).
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray lower = name.toLower();
        if (lower == "host" || lower == "content-length" || lower == "connection" ||
            lower == "transfer-encoding")
            continue;
        head += name + ": " + request.rawHeader(name) + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(bodySize) + "\r\n\r\n";
    return head;
}

} // namespace

class DirectExchange final : public HttpExchange
{
public:
    DirectExchange(DirectHttpClient *client, const QUrl &url, QByteArray request)
        : HttpExchange(client)
        , m_client(client)
        , m_url(url)
        , m_origin(originOf(url))
        , m_request(std::move(request))
    {}
    ~DirectExchange() override { closeSocket(); }

    void start(bool mayReuse)
    {
        if (m_finished)
            return;
        resetParser();
        m_written = 0;
        m_gotBytes = false;
        m_socket = mayReuse && m_client ? m_client->takeIdle(m_origin) : nullptr;
        m_reused = m_socket != nullptr;
        if (m_reused) {
            m_socket->setParent(this);
            watch();
            send();
            return;
        }
        const bool tls = isTls(m_url);
        m_socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
        if (m_client)
            ++m_client->m_opened;
        watch();
        // No Nagle delay (the request goes out in one write; the next request on the connection
        // must not wait for an ACK). Set once connected: before, Qt has no socket to set it on.
        connect(m_socket, &QTcpSocket::connected, this,
                [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        if (tls) {
            auto *ssl = static_cast<QSslSocket *>(m_socket);
            connect(ssl, &QSslSocket::encrypted, this, &DirectExchange::send);
            ssl->connectToHostEncrypted(m_url.host(), quint16(portOf(m_url)));
        } else {
            connect(m_socket, &QTcpSocket::connected, this, &DirectExchange::send);
            m_socket->connectToHost(m_url.host(), quint16(portOf(m_url)));
        }
    }

    int httpStatus() const override { return m_status; }
    QByteArray header(const QByteArray &lowerName) const override
    {
        QByteArray value;
        for (const auto &[name, v] : m_headers) {
            if (name == lowerName)
                value += (value.isEmpty() ? QByteArray() : QByteArrayLiteral(", ")) + v;
        }
        return value;
    }
    QByteArray readAll() override { return std::exchange(m_body, {}); }
    qint64 bytesAvailable() const override { return m_body.size(); }
    QString networkError() const override { return m_error; }
    bool isRunning() const override { return !m_finished; }
    void abort() override
    {
        m_finished = true;
        closeSocket();
    }

private:
    using Parser = http::response_parser<http::string_body>;

    void resetParser()
    {
        m_parser = std::make_unique<Parser>();
        m_parser->eager(true);
        m_parser->header_limit(kMaxHeadBytes);
        m_parser->body_limit(boost::none); // limits.max_answer_bytes is the call's to enforce
        m_in.clear();
        m_headDone = false;
    }

    void watch()
    {
        connect(m_socket, &QTcpSocket::readyRead, this, &DirectExchange::onReadyRead);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &DirectExchange::onBytesWritten);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &DirectExchange::onSocketEnd);
        connect(m_socket, &QTcpSocket::disconnected, this, &DirectExchange::onSocketEnd);
    }

    void send()
    {
        if (!m_socket)
            return;
        m_socket->write(m_request);
        m_socket->flush(); // now, not on the next turn of the event loop
    }

    void onBytesWritten(qint64 n)
    {
        m_written += n;
        if (m_written >= m_request.size() && !m_sent && !m_finished) {
            m_sent = true;
            emit requestSent();
        }
    }

    void onReadyRead()
    {
        if (m_finished || !m_socket)
            return;
        const QByteArray bytes = m_socket->readAll();
        if (bytes.isEmpty())
            return;
        m_gotBytes = true;
        m_in += bytes;
        parse();
    }

    // Feeds what arrived to the parser; emits the head, the body, and the end once each is there.
    void parse()
    {
        while (!m_in.isEmpty() && !m_parser->is_done()) {
            boost::beast::error_code ec;
            const std::size_t used =
                m_parser->put(boost::asio::buffer(m_in.constData(), size_t(m_in.size())), ec);
            m_in.remove(0, qsizetype(used));
            if (ec && ec != http::error::need_more) {
                failWith(QStringLiteral("malformed HTTP response: %1")
                             .arg(QString::fromStdString(ec.message())));
                return;
            }
            // The head may be complete even when the body wants more bytes (need_more).
            if (m_parser->is_header_done() && !m_headDone) {
                const int status = m_parser->get().result_int();
                if (status >= 100 && status < 200 && m_parser->is_done()) {
                    // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                    QByteArray rest = std::exchange(m_in, {});
                    resetParser();
                    m_in = std::move(rest);
                    continue;
                }
                m_headDone = true;
                m_status = status;
                for (const auto &field : m_parser->get()) {
                    const auto name = field.name_string();
                    const auto value = field.value();
                    m_headers.append({QByteArray(name.data(), qsizetype(name.size())).toLower(),
                                      QByteArray(value.data(), qsizetype(value.size()))});
                }
                emit headReceived();
                if (m_finished)
                    return;
            }
            if (ec == http::error::need_more)
                break;
            if (used == 0)
                break;
        }
        if (!takeBody())
            return;
        if (m_parser->is_done())
            finishWhole();
    }

    // Moves the parsed body bytes to m_body and says so; false if a slot aborted the exchange.
    bool takeBody()
    {
        std::string &body = m_parser->get().body();
        if (body.empty())
            return true;
        m_body.append(body.data(), qsizetype(body.size()));
        body.clear();
        emit readyRead();
        return !m_finished;
    }

    void onSocketEnd()
    {
        if (m_finished || !m_socket)
            return;
        if (m_socket->bytesAvailable() > 0) {
            onReadyRead();
            if (m_finished || !m_socket)
                return;
        }
        if (m_reused && !m_gotBytes && !m_retried) {
            // The server closed an idle connection as we reused it: once more on a new one.
            m_retried = true;
            closeSocket();
            start(false);
            return;
        }
        if (m_headDone && m_parser->need_eof()) {
            boost::beast::error_code ec;
            m_parser->put_eof(ec); // the end of a close-delimited body
            if (!ec) {
                if (!takeBody())
                    return;
                finishWhole();
                return;
            }
        }
        const QAbstractSocket::SocketError error = m_socket->error();
        failWith(error == QAbstractSocket::RemoteHostClosedError ||
                         error == QAbstractSocket::UnknownSocketError
                     ? QStringLiteral("the server closed the connection before the response ended")
                     : m_socket->errorString());
    }

    void finishWhole()
    {
        m_finished = true;
        QTcpSocket *socket = m_socket;
        const bool reusable = socket && m_parser->keep_alive() && m_in.isEmpty() &&
                              socket->state() == QAbstractSocket::ConnectedState &&
                              socket->bytesAvailable() == 0 && socket->bytesToWrite() == 0;
        if (reusable && m_client) {
            m_socket = nullptr;
            disconnect(socket, nullptr, this, nullptr);
            m_client->keepIdle(m_origin, socket);
        } else {
            closeSocket();
        }
        emit finished();
    }

    void failWith(const QString &error)
    {
        m_finished = true;
        m_error = error;
        closeSocket();
        emit finished();
    }

    void closeSocket()
    {
        if (!m_socket)
            return;
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }

    QPointer<DirectHttpClient> m_client;
    QUrl m_url;
    QString m_origin;
    QByteArray m_request;
    QTcpSocket *m_socket = nullptr;
    std::unique_ptr<Parser> m_parser;
    QByteArray m_in;   // received, not yet parsed
    QByteArray m_body; // parsed body bytes not yet read
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_error;
    qint64 m_written = 0;
    int m_status = 0;
    bool m_headDone = false;
    bool m_sent = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_gotBytes = false;
    bool m_finished = false;
};

DirectHttpClient::DirectHttpClient(QObject *parent, int idleMs)
    : HttpClient(parent)
    , m_idleMs(idleMs)
{
    m_sweep.setInterval(qMax(100, idleMs / 3));
    connect(&m_sweep, &QTimer::timeout, this, &DirectHttpClient::sweep);
}

DirectHttpClient::~DirectHttpClient()
{
    for (const QList<Idle> &list : std::as_const(m_idle)) {
        for (const Idle &idle : list) {
            disconnect(idle.socket, nullptr, this, nullptr);
            idle.socket->abort();
        }
    }
}

HttpExchange *DirectHttpClient::post(const QNetworkRequest &request, const QByteArray &body)
{
    auto *exchange =
        new DirectExchange(this, request.url(), requestHead(request, body.size()) + body);
    // Started from the event loop, like a QNetworkReply: the caller connects its slots first.
    QMetaObject::invokeMethod(
        exchange, [exchange] { exchange->start(true); }, Qt::QueuedConnection);
    return exchange;
}

int DirectHttpClient::idleConnections() const
{
    int n = 0;
    for (const QList<Idle> &list : m_idle)
        n += int(list.size());
    return n;
}

QTcpSocket *DirectHttpClient::takeIdle(const QString &origin)
{
    auto it = m_idle.find(origin);
    while (it != m_idle.end() && !it->isEmpty()) {
        const Idle idle = it->takeLast(); // the most recently used: least likely timed out
        disconnect(idle.socket, nullptr, this, nullptr);
        if (idle.socket->state() == QAbstractSocket::ConnectedState &&
            idle.socket->bytesAvailable() == 0)
            return idle.socket;
        idle.socket->abort();
        idle.socket->deleteLater();
    }
    return nullptr;
}

void DirectHttpClient::keepIdle(const QString &origin, QTcpSocket *socket)
{
    QList<Idle> &list = m_idle[origin];
    if (list.size() >= kMaxIdlePerOrigin) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    // An idle connection that speaks or closes is done with: the server timed it out.
    auto drop = [this, socket] {
        dropIdle(socket);
    };
    connect(socket, &QTcpSocket::readyRead, this, drop);
    connect(socket, &QTcpSocket::disconnected, this, drop);
    connect(socket, &QTcpSocket::errorOccurred, this, drop);
    Idle idle{socket, {}};
    idle.since.start();
    list.append(idle);
    if (!m_sweep.isActive())
        m_sweep.start();
}

void DirectHttpClient::dropIdle(QTcpSocket *socket)
{
    for (QList<Idle> &list : m_idle) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).socket == socket) {
                list.removeAt(i);
                disconnect(socket, nullptr, this, nullptr);
                socket->abort();
                socket->deleteLater();
                return;
            }
        }
    }
}

void DirectHttpClient::sweep()
{
    for (QList<Idle> &list : m_idle) {
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            if (list.at(i).since.elapsed() >= m_idleMs) {
                QTcpSocket *socket = list.takeAt(i).socket;
                disconnect(socket, nullptr, this, nullptr);
                socket->abort();
                socket->deleteLater();
            }
        }
    }
    if (idleConnections() == 0)
        m_sweep.stop();
}

} // namespace ladder
