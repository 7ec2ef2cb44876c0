#include "http_client.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace ladder {

namespace {

class QnamExchange final : public HttpExchange
{
public:
    QnamExchange(QNetworkReply *reply, QObject *parent)
        : HttpExchange(parent)
        , m_reply(reply)
    {
        reply->setParent(this);
        // requestSent() comes once the headers are out; the body may still be in the socket.
        connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            if (total > 0 && sent == total)
                emit requestSent();
        });
        connect(reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::headReceived);
        connect(reply, &QNetworkReply::readyRead, this, &HttpExchange::readyRead);
        connect(reply, &QNetworkReply::finished, this, &HttpExchange::finished);
    }
    ~QnamExchange() override { abort(); }

    int httpStatus() const override
    {
        return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    }
    QByteArray header(const QByteArray &lowerName) const override
    {
        return m_reply ? m_reply->rawHeader(lowerName) : QByteArray();
    }
    QByteArray readAll() override { return m_reply ? m_reply->readAll() : QByteArray(); }
    qint64 bytesAvailable() const override { return m_reply ? m_reply->bytesAvailable() : 0; }
    QString networkError() const override
    {
        if (!m_reply || m_reply->error() == QNetworkReply::NoError)
            return {};
        // QNAM reports an error status (4xx, 5xx) as an error too; that is an answer, not a
        // transport failure (content errors 201-299, server errors 401-499).
        const int code = int(m_reply->error());
        if (httpStatus() > 0 && ((code > 200 && code < 300) || (code > 400 && code < 500)))
            return {};
        return m_reply->errorString();
    }
    bool isRunning() const override { return m_reply && m_reply->isRunning(); }
    void abort() override
    {
        if (!m_reply)
            return;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }

private:
    QPointer<QNetworkReply> m_reply;
};

} // namespace

QnamHttpClient::QnamHttpClient(QObject *parent)
    : HttpClient(parent)
{
    m_networks.append({new QNetworkAccessManager(this)});
}

HttpExchange *QnamHttpClient::post(const QNetworkRequest &request, const QByteArray &body)
{
    QNetworkRequest r = request;
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // A redirect would carry the key header to wherever Location points: never follow one.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkAccessManager *network = leastBusyNetwork();
    auto *exchange = new QnamExchange(network->post(r, body), this);
    connect(exchange, &QObject::destroyed, this, [this, network] {
        for (Network &n : m_networks) {
            if (n.manager == network)
                --n.inFlight;
        }
    });
    return exchange;
}

QNetworkAccessManager *QnamHttpClient::leastBusyNetwork()
{
    constexpr int kConnectionsPerManager = 6; // Qt 6.4's HTTP/1.1 limit per host
    constexpr int kMaxManagers = 16;
    Network *best = &m_networks.first();
    for (Network &n : m_networks) {
        if (n.inFlight < best->inFlight)
            best = &n;
    }
    if (best->inFlight >= kConnectionsPerManager && m_networks.size() < kMaxManagers) {
        m_networks.append({new QNetworkAccessManager(this)});
        best = &m_networks.last();
    }
    ++best->inFlight;
    return best->manager;
}

} // namespace ladder
