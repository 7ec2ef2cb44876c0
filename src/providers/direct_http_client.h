#pragma once

// HTTP/1.1 in the calling thread's event loop: a QTcpSocket (QSslSocket for https) per exchange,
// the response read by Boost.Beast's response parser (status line, headers, Content-Length,
// chunked and close-delimited bodies), and keep-alive connections kept per host for the next
// call. No thread hop: QNetworkAccessManager runs HTTP in a thread of its own, and on a loopback
// upstream those hand-offs cost more CPU than the whole request (issue 15).
//
// A request sent on a reused connection that the server closes before any byte of the answer
// (its keep-alive timeout raced the request) is sent once more on a new connection, as browsers
// and QNetworkAccessManager do. Redirects are never followed (HttpProviderCall maps a 3xx to an
// error): a Location elsewhere would receive the key.

#include "providers/http_client.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

class QTcpSocket;

namespace ladder {

class DirectHttpClient final : public HttpClient
{
    Q_OBJECT
public:
    // Idle connections are closed after `idleMs` unused (a server usually closes them sooner).
    explicit DirectHttpClient(QObject *parent = nullptr, int idleMs = 30000);
    ~DirectHttpClient() override;

    HttpExchange *post(const QNetworkRequest &request, const QByteArray &body) override;

    // For tests and figures: connections opened so far, and those waiting for reuse.
    int connectionsOpened() const { return m_opened; }
    int idleConnections() const;

private:
    friend class DirectExchange;
    struct Idle {
        QTcpSocket *socket;
        QElapsedTimer since;
    };
    QTcpSocket *takeIdle(const QString &origin);
    void keepIdle(const QString &origin, QTcpSocket *socket);
    void dropIdle(QTcpSocket *socket);
    void sweep();

    QHash<QString, QList<Idle>> m_idle; // by "scheme://host:port"
    QTimer m_sweep;
    int m_idleMs;
    int m_opened = 0;
};

} // namespace ladder
