// The Portkey export against the REAL Portkey gateway (@portkey-ai/gateway from npm, installed in
// build/peers by scripts/peers.sh). The gateway runs on 127.0.0.1 with the exported config in
// front of a loopback upstream speaking OpenAI chat completions, which answers 429 for the chosen
// tier's first model: the gateway must retry it and then fall back to the next model exactly as
// the ladder says. Skipped (not failed) only when node or the gateway package is absent.

#include "core/ladder_json.h"
#include "core/resources.h"
#include "export/exporter.h"
#include "providers/provider_config.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace ladder;

namespace {

constexpr auto kUpstreamKey = "test-upstream-key-not-a-secret";

// One request the upstream received.
struct Seen {
    QString model;
    QByteArray authorization;
    QJsonObject body;
};

// OpenAI chat completions on 127.0.0.1: 429 for the models in `rateLimited`, else an answer
// naming the model that gave it. Every request is recorded.
class Upstream : public QObject
{
public:
    QStringList rateLimited;
    QList<Seen> seen;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = buffer.left(headEnd);
        qsizetype length = 0;
        QByteArray authorization;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray l = line.trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            if (name == "authorization")
                authorization = value;
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headEnd + 4, length);
        buffer.clear();
        const QJsonObject request = QJsonDocument::fromJson(body).object();
        const QString model = request.value(QLatin1String("model")).toString();
        seen.append({model, authorization, request});

        int status = 200;
        QByteArray reply;
        if (rateLimited.contains(model)) {
            status = 429;
            reply = R"({"error":{"message":"Rate limit reached","type":"rate_limit_error",)"
                    R"("param":null,"code":"rate_limit_exceeded"}})";
        } else {
            reply =
                QJsonDocument(
                    QJsonObject{{"id", "chatcmpl-loopback"},
                                {"object", "chat.completion"},
                                {"created", 1760000000},
                                {"model", model},
                                {"choices",
                                 QJsonArray{QJsonObject{
                                     {"index", 0},
                                     {"message", QJsonObject{{"role", "assistant"},
                                                             {"content", "answered by " + model}}},
                                     {"finish_reason", "stop"}}}},
                                {"usage", QJsonObject{{"prompt_tokens", 5},
                                                      {"completion_tokens", 3},
                                                      {"total_tokens", 8}}}})
                    .toJson(QJsonDocument::Compact);
        }
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) +
                              (status == 200 ? " OK" : " Too Many Requests") +
                              "\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(reply.size()) + "\r\nConnection: close\r\n\r\n" +
                              reply;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Waits for a reply, bounded: a safety net against a hung gateway, not a timed assertion.
bool waitFor(QNetworkReply *reply, int boundMs)
{
    if (reply->isFinished())
        return true;
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    bound.start(boundMs);
    loop.exec();
    return reply->isFinished();
}

Ladder example(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

} // namespace

class TestPortkeyGateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString gateway = QStringLiteral(LADDER_SOURCE_DIR) +
                                QStringLiteral("/build/peers/node_modules/@portkey-ai/gateway/"
                                               "build/start-server.js");
        if (node.isEmpty())
            QSKIP("node is not installed: the real Portkey gateway cannot run "
                  "(scripts/setup.sh installs nodejs and npm)");
        if (!QFileInfo::exists(gateway))
            QSKIP("@portkey-ai/gateway is not installed in build/peers "
                  "(scripts/peers.sh installs it from npm)");

        QVERIFY(m_upstream.listen());
        m_port = freeLoopbackPort();
        QVERIFY(m_port != 0);
        m_gateway.setProgram(node);
        m_gateway.setArguments(
            {QStringLiteral("--require"),
             QStringLiteral(LADDER_SOURCE_DIR "/tests/integration/export/loopback_only.cjs"),
             gateway, QStringLiteral("--port=%1").arg(m_port), QStringLiteral("--headless")});
        m_gateway.setWorkingDirectory(QFileInfo(gateway).absolutePath());
        m_gateway.setProcessChannelMode(QProcess::MergedChannels);
        m_gateway.start();
        QVERIFY2(m_gateway.waitForStarted(), qPrintable(m_gateway.errorString()));

        // Ready when it answers on its root; at most 300 tries, 100 ms apart.
        bool ready = false;
        for (int i = 0; i < 300 && !ready && m_gateway.state() == QProcess::Running; ++i) {
            QNetworkReply *reply = m_net.get(QNetworkRequest(url(QStringLiteral("/"))));
            waitFor(reply, 2000);
            ready = reply->error() == QNetworkReply::NoError;
            reply->deleteLater();
            if (!ready)
                QTest::qWait(100);
        }
        QVERIFY2(ready, m_gateway.readAll().constData());

        // The providers file of a deployment whose models all sit behind the loopback upstream.
        QJsonArray entries;
        for (const char *id : {"openai", "anthropic", "gemini"})
            entries.append(QJsonObject{
                {"id", id},
                {"kind", "openai"},
                {"base_url", QStringLiteral("http://127.0.0.1:%1/v1").arg(m_upstream.port())},
                {"key_env", "LADDER_TEST_KEY"}});
        const QByteArray providers =
            QJsonDocument(QJsonObject{{"format", "providers/1"}, {"providers", entries}}).toJson();
        Diagnostics diagnostics;
        m_providers = ProviderConfig::fromJson(providers, &diagnostics);
        QVERIFY(!hasErrors(diagnostics));
    }

    void cleanupTestCase()
    {
        if (m_gateway.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_gateway.processId()), SIGTERM); // stopped by its PID
        if (!m_gateway.waitForFinished(10000)) {
            ::kill(pid_t(m_gateway.processId()), SIGKILL);
            m_gateway.waitForFinished(10000);
        }
    }

    void fallsBackAsTheLadderSays_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("metadata"); // x-portkey-metadata, "" for none
        QTest::addColumn<QString>("tier");        // the tier the request must land on
        QTest::newRow("framing: default tier") << "framing" << QByteArray() << "light";
        QTest::newRow("framing: metadata.tier strong")
            << "framing" << QByteArray(R"({"tier":"strong"})") << "strong";
        QTest::newRow("listener: metadata.task code")
            << "listener-worker-reasoner" << QByteArray(R"({"task":"code"})") << "coder";
        QTest::newRow("step-down: metadata.tier advanced")
            << "step-down" << QByteArray(R"({"tier":"advanced"})") << "advanced";
    }
    void fallsBackAsTheLadderSays()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, metadata);
        QFETCH(QString, tier);
        const Ladder ladder = example(name);
        ExportOptions options;
        options.providers = &m_providers;
        const ExportResult result = exportLadder(ladder, ExportFormat::Portkey, options);
        QVERIFY(result.ok());
        // What envsubst does for a deployment: fill the ${NAME} placeholders.
        QByteArray config = result.text;
        QVERIFY(config.contains("${LADDER_TEST_KEY}"));
        config.replace("${LADDER_TEST_KEY}", kUpstreamKey);
        config = QJsonDocument::fromJson(config).toJson(QJsonDocument::Compact);

        const Tier *t = ladder.tier(tier);
        QVERIFY(t && !t->fallback.isEmpty());
        m_upstream.rateLimited = {t->model};
        m_upstream.seen.clear();

        QNetworkRequest request(url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("x-portkey-config", config);
        if (!metadata.isEmpty())
            request.setRawHeader("x-portkey-metadata", metadata);
        const QByteArray body =
            R"({"model":"chosen-by-the-gateway","messages":[{"role":"user","content":"hi"}]})";
        QNetworkReply *reply = m_net.post(request, body);
        QVERIFY2(waitFor(reply, 120000), "the gateway did not answer");
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        QVERIFY2(reply->error() == QNetworkReply::NoError, answer.constData());

        // The engine's way: the tier's model, retried maxRetriesPerModel times, then the first
        // fallback, which answers.
        const RetryPolicy engine;
        QStringList expected;
        for (int i = 0; i <= engine.maxRetriesPerModel; ++i)
            expected << t->model;
        expected << t->fallback.first().model;
        QStringList models;
        for (const Seen &s : m_upstream.seen)
            models << s.model;
        QCOMPARE(models, expected);

        const QJsonObject completion = QJsonDocument::fromJson(answer).object();
        QCOMPARE(completion.value(QLatin1String("choices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("answered by ") + t->fallback.first().model);
        // The tier's parameters and the filled-in key reached the upstream.
        const Seen &last = m_upstream.seen.last();
        QCOMPARE(last.authorization, QByteArray("Bearer ") + kUpstreamKey);
        QCOMPARE(last.body.value(QLatin1String("temperature")).toDouble(), *t->params.temperature);
        QCOMPARE(last.body.value(QLatin1String("max_tokens")).toInt(), *t->params.maxTokens);
    }

private:
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    Upstream m_upstream;
    QProcess m_gateway;
    quint16 m_port = 0;
    QNetworkAccessManager m_net;
    ProviderConfig m_providers;
};

QTEST_GUILESS_MAIN(TestPortkeyGateway)
#include "tst_portkey_gateway.moc"
