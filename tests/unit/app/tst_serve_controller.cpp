// ServeController (Export → Serve this ladder…): runs the real `ladder serve` for the open
// document on the simulated provider, reads its --json lines into the URL, the snippets and the
// live request count, reports why it cannot start, and never leaves the process behind.

#include "document/ladderdocument.h"
#include "export/servecontroller.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace ladder;

namespace {

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

bool portOpen(int port)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    return s.waitForConnected(2000);
}

} // namespace

class TestServeController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    LadderDocument m_doc;

    std::unique_ptr<ServeController> controller(const QStringList &extra = {})
    {
        auto c = std::make_unique<ServeController>();
        c->setProgram(QStringLiteral(LADDER_CLI));
        c->setExtraArguments(QStringList{QStringLiteral("--time-scale"), QStringLiteral("0")} +
                             extra);
        c->setDocument(&m_doc);
        return c;
    }

    // POSTs one chat completion; the HTTP status.
    int post(const QString &url, const QString &model, const QString &text)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url + QStringLiteral("/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        const QByteArray body =
            QStringLiteral(R"({"model": "%1", "messages": [{"role": "user", "content": "%2"}]})")
                .arg(model, text)
                .toUtf8();
        QNetworkReply *reply = nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(30000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.path().toUtf8()); // the studio's data folder
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTest"));
        QVERIFY(m_doc.newFromTemplate(QStringLiteral("framing")));
    }

    void servesTheDocumentAndCountsRequests()
    {
        auto c = controller();
        QCOMPARE(c->status(), QStringLiteral("stopped"));
        QVERIFY(c->start());
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("running"), 20000);
        QVERIFY2(c->error().isEmpty(), qPrintable(c->error()));
        QVERIFY(c->port() > 0);
        QCOMPARE(c->url(), QStringLiteral("http://127.0.0.1:%1/v1").arg(c->port()));
        QCOMPARE(c->tiers(), (QStringList{"strong", "light"}));
        QVERIFY(QFile::exists(c->servedFile()));
        QVERIFY(c->servedFile().startsWith(m_home.path()));
        QVERIFY(c->curlSnippet().contains(c->url() + QStringLiteral("/chat/completions")));
        QVERIFY(c->curlSnippet().contains(QStringLiteral("\"model\": \"%1\"").arg(c->modelName())));
        QVERIFY(c->pythonSnippet().contains(QStringLiteral("base_url=\"%1\"").arg(c->url())));
        QCOMPARE(c->requestCount(), 0);

        QSignalSpy counted(c.get(), &ServeController::requestCountChanged);
        QCOMPARE(post(c->url(), c->modelName(), QStringLiteral("Plan a trip.")), 200);
        QCOMPARE(post(c->url(), c->modelName(), QStringLiteral("And the budget?")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(c->requestCount(), 2, 10000);
        QCOMPARE(c->failedCount(), 0);
        QCOMPARE(c->lastTier(), QStringLiteral("strong"));

        const qint64 pid = c->processId();
        const int port = c->port();
        QVERIFY(processExists(pid));
        c->stop();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("stopped"), 10000);
        QVERIFY(c->error().isEmpty());
        QVERIFY(!processExists(pid));
        QVERIFY(!portOpen(port));
    }

    void anEditAfterStartingMakesItStale()
    {
        auto c = controller();
        QVERIFY(c->start());
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("running"), 20000);
        QVERIFY(!c->stale());
        m_doc.inspector()->setFieldOf({}, QStringLiteral("name"), QStringLiteral("Renamed"));
        QVERIFY(c->stale());
        QVERIFY(c->start()); // a restart serves the edit
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("running"), 20000);
        QVERIFY(!c->stale());
    }

    void deletingTheControllerEndsTheServer()
    {
        qint64 pid = 0;
        {
            auto c = controller();
            QVERIFY(c->start());
            QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("running"), 20000);
            pid = c->processId();
            QVERIFY(processExists(pid));
        }
        QVERIFY(!processExists(pid));
    }

    void failuresSayWhy_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no program") << QStringLiteral("/nonexistent/ladder") << QStringList{}
                                    << QStringLiteral("not found");
        QTest::newRow("bad option")
            << QString() << QStringList{"--state", "bogus:nowhere"} << QStringLiteral("--state");
        QTest::newRow("port taken")
            << QString() << QStringList{"--port", "PORT"} << QStringLiteral("cannot listen");
    }

    void failuresSayWhy()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        extra.replaceInStrings(QStringLiteral("PORT"), QString::number(taken.serverPort()));
        auto c = controller(extra);
        if (!program.isEmpty())
            c->setProgram(program);
        c->start();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), QStringLiteral("failed"), 20000);
        QVERIFY2(c->error().contains(expected), qPrintable(c->error()));
        QVERIFY(c->url().isEmpty());
        QCOMPARE(c->processId(), 0);
    }
};

QTEST_MAIN(TestServeController)
#include "tst_serve_controller.moc"
