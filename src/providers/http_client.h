#pragma once

// What carries one provider POST: an HttpClient starts an HttpExchange (request out, status and
// headers in, the body as it arrives, how it ended). HttpProviderCall runs the SSE parsing,
// timeouts, limits and error mapping on top, the same for every client:
// - DirectHttpClient (direct_http_client.h, the default): HTTP/1.1 over a QTcpSocket/QSslSocket in
//   the calling thread, keep-alive connections reused per host;
// - QnamHttpClient: QNetworkAccessManager (its own HTTP thread; HTTP/2 over TLS, system proxy
//   settings), chosen per provider with "http_client": "qnam" in the providers file.

#include <QList>
#include <QNetworkRequest>
#include <QObject>

class QNetworkAccessManager;

namespace ladder {

class HttpExchange : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual int httpStatus() const = 0;                               // 0 until the head arrived
    virtual QByteArray header(const QByteArray &lowerName) const = 0; // empty when absent
    virtual QByteArray readAll() = 0;                                 // body bytes so far
    virtual qint64 bytesAvailable() const = 0;
    // Once finished(): empty if the response arrived whole, else what went wrong (refused,
    // reset, closed mid-body, TLS, a malformed response head).
    virtual QString networkError() const = 0;
    virtual bool isRunning() const = 0;
    // Stops at once; no signal follows. The connection is closed, never reused.
    virtual void abort() = 0;

signals:
    void requestSent(); // the whole request (head and body) was handed to the connection
    void headReceived();
    void readyRead();
    void finished();
};

class HttpClient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // A POST of `body` to request.url() with its headers; the exchange is a child of the client.
    virtual HttpExchange *post(const QNetworkRequest &request, const QByteArray &body) = 0;
};

class QnamHttpClient final : public HttpClient
{
    Q_OBJECT
public:
    explicit QnamHttpClient(QObject *parent = nullptr);
    HttpExchange *post(const QNetworkRequest &request, const QByteArray &body) override;

private:
    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host and manager; calls beyond them queue
    // (a server's concurrent conversations did). A call goes to the manager with the fewest in
    // flight; another manager (its own connections) is added only when every one is full.
    QNetworkAccessManager *leastBusyNetwork();

    struct Network {
        QNetworkAccessManager *manager;
        int inFlight = 0;
    };
    QList<Network> m_networks;
};

} // namespace ladder
