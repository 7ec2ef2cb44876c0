// `ladder serve` end to end: the real binary on loopback, the official openai npm client as the
// caller, the simulated provider upstream, SQLite and a real redis-server as state stores.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

#include "redis_server.h"

namespace {

const QString kPeers = QStringLiteral(LADDER_SOURCE_DIR "/build/peers/node_modules");
const QString kClient = QStringLiteral(LADDER_SOURCE_DIR "/tests/e2e/serve/openai_client.cjs");
const QStringList kFramingTurns{
    "I want to build a small command-line tool that renames photos by the date they were taken.",
    "It must run on Linux and macOS and use only the Python standard library.",
    "Write the function that reads the date from the EXIF data."};
const QStringList kEscalationTurns{
    "What's the capital of Portugal?",
    "Why does a quantum harmonic oscillator have non-zero ground-state energy?", "And Spain?"};

QString dataHome()
{
    static QTemporaryDir dir;
    return dir.path();
}

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    env.insert(QStringLiteral("NODE_PATH"), kPeers);
    return env;
}

// One `ladder serve` process, stopped by PID.
class ServeProcess
{
public:
    ~ServeProcess() { stop(SIGKILL); }

    bool start(const QStringList &args)
    {
        m_process.setProcessEnvironment(environment());
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(LADDER_CLI),
                        QStringList{"serve"} + args + QStringList{"--port", "0"});
        QElapsedTimer clock;
        clock.start();
        static const QRegularExpression portLine(QStringLiteral("http://127.0.0.1:(\\d+)/v1"));
        while (clock.elapsed() < 20000) {
            m_process.waitForReadyRead(200);
            m_out += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = portLine.match(QString::fromUtf8(m_out));
            if (m.hasMatch()) {
                m_port = m.captured(1).toInt();
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        qWarning("ladder serve did not start: %s %s", m_out.constData(),
                 m_process.readAllStandardError().constData());
        return false;
    }
    int port() const { return m_port; }
    // Everything it printed on stdout so far, once `needle` is in it (or after 10 s).
    QByteArray outputWith(const QByteArray &needle)
    {
        QElapsedTimer clock;
        clock.start();
        m_out += m_process.readAllStandardOutput();
        while (!m_out.contains(needle) && clock.elapsed() < 10000 &&
               m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            m_out += m_process.readAllStandardOutput();
        }
        return m_out;
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port); }
    bool running() const { return m_process.state() == QProcess::Running; }
    int stop(int signal = SIGTERM)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        ::kill(pid_t(m_process.processId()), signal);
        m_process.waitForFinished(30000);
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QByteArray m_out;
    int m_port = 0;
};

bool havePeers()
{
    return QFile::exists(kPeers + QStringLiteral("/openai/package.json")) &&
           !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty();
}

// Runs the openai client over `plan`; one object per turn.
// Runs one openai client per plan, all at once; one object per turn, per plan.
QList<QList<QJsonObject>> runClients(const QList<QJsonObject> &plans)
{
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QProcess>> clients;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        QFile file(dir.filePath(QStringLiteral("plan%1.json").arg(i)));
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(plans[i]).toJson());
        file.close();
        auto &node = clients.emplace_back(std::make_unique<QProcess>());
        node->setProcessEnvironment(environment());
        node->start(QStringLiteral("node"), {kClient, file.fileName()});
    }
    QList<QList<QJsonObject>> results;
    for (auto &node : clients) {
        if (!node->waitForFinished(120000))
            qFatal("the openai client did not finish");
        if (node->exitCode() != 0)
            qWarning("openai client: %s", node->readAllStandardError().constData());
        QList<QJsonObject> lines;
        for (const QByteArray &line : node->readAllStandardOutput().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines.append(QJsonDocument::fromJson(line).object());
        }
        results.append(lines);
    }
    return results;
}

QList<QJsonObject> runClient(const QJsonObject &plan)
{
    return runClients({plan}).constFirst();
}

QJsonObject plan(const QStringList &bases, const QString &model, const QStringList &turns,
                 bool stream, const QString &conversation = {})
{
    QJsonObject p{{"baseURLs", QJsonArray::fromStringList(bases)},
                  {"model", model},
                  {"turns", QJsonArray::fromStringList(turns)},
                  {"stream", stream}};
    if (!conversation.isEmpty())
        p.insert("conversation", conversation);
    return p;
}

QStringList tiers(const QList<QJsonObject> &lines)
{
    QStringList out;
    for (const QJsonObject &l : lines)
        out << l.value("x-ladder-tier").toString();
    return out;
}

// The tiers `ladder chat` answers the same turns with.
QStringList chatTiers(const QString &ladder, const QStringList &turns)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(LADDER_CLI), {"chat", ladder, "--script", "-", "--json", "--no-deltas"});
    p.write(turns.join('\n').toUtf8() + '\n');
    p.closeWriteChannel();
    p.waitForFinished(60000);
    QStringList out;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value("event") == "turn_completed")
            out << e.value("tier").toString();
    }
    return out;
}

struct RawReply {
    int status = 0;
    QByteArray all;
};

// Writes raw bytes to the server and reads what comes back until it closes or `waitMs` passes.
RawReply raw(int port, const QByteArray &bytes, int waitMs = 10000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!s.waitForConnected(5000))
        return {};
    s.write(bytes);
    RawReply r;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < waitMs && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(100))
            r.all += s.readAll();
        if (r.all.contains("\r\n\r\n")) {
            const int length = r.all.indexOf("Content-Length: ");
            if (length >= 0) {
                const int end = r.all.indexOf("\r\n", length);
                const int n = r.all.mid(length + 16, end - length - 16).toInt();
                if (r.all.size() >= r.all.indexOf("\r\n\r\n") + 4 + n)
                    break;
            }
        }
    }
    r.all += s.readAll();
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1.1 (\\d+)"));
    const QRegularExpressionMatch m = statusLine.match(QString::fromLatin1(r.all.left(20)));
    r.status = m.hasMatch() ? m.captured(1).toInt() : 0;
    return r;
}

// A query on a SQLite file the server wrote (audit, cache), through a connection of the test's.
QSqlQuery queryFile(const QString &path, const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::database(path, false);
    if (!db.isValid())
        db = QSqlDatabase::addDatabase("QSQLITE", path);
    db.setDatabaseName(path);
    db.open();
    QSqlQuery q(db);
    if (!q.exec(sql))
        qWarning() << path << sql << "failed";
    return q;
}

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
           "application/json\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!havePeers())
            QSKIP("the openai npm client is not installed (scripts/setup.sh installs it)");
    }

    void openaiClientFollowsTheLadder_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QStringList>("turns");
        QTest::addColumn<bool>("stream");
        QTest::newRow("framing") << "framing" << kFramingTurns << false;
        QTest::newRow("framing, streaming") << "framing" << kFramingTurns << true;
        QTest::newRow("escalation tool") << "escalation-tool" << kEscalationTurns << false;
        QTest::newRow("escalation tool, streaming")
            << "escalation-tool" << kEscalationTurns << true;
    }
    void openaiClientFollowsTheLadder()
    {
        QFETCH(QString, ladder);
        QFETCH(QStringList, turns);
        QFETCH(bool, stream);
        QTemporaryDir dir;
        ServeProcess server;
        QVERIFY(server.start(
            {ladder, "--time-scale", "0", "--state", "sqlite:" + dir.filePath("state.sqlite")}));
        const QList<QJsonObject> lines = runClient(plan({server.baseUrl()}, ladder, turns, stream));
        QCOMPARE(lines.size(), turns.size());
        QCOMPARE(tiers(lines), chatTiers(ladder, turns));
        for (const QJsonObject &l : lines) {
            QVERIFY2(!l.value("content").toString().isEmpty(),
                     QJsonDocument(l).toJson().constData());
            QCOMPARE(l.value("tool_calls").toInt(), 0); // escalate never reaches the client
            QCOMPARE(l.value("finish_reason").toString(), QString("stop"));
            QVERIFY(!l.value("content").toString().contains("<handoff>"));
        }
        if (ladder == "escalation-tool")
            QCOMPARE(lines[1].value("x-ladder-escalated").toString(), QString("true"));
        QCOMPARE(server.stop(), 0); // SIGTERM: a graceful stop
    }

    void concurrentConversationsKeepTheirOwnPosition()
    {
        QTemporaryDir dir;
        ServeProcess server;
        QVERIFY(server.start(
            {"framing", "--time-scale", "0", "--state", "sqlite:" + dir.filePath("state.sqlite")}));
        const QStringList expected = chatTiers("framing", kFramingTurns);
        QList<QJsonObject> plans;
        for (int i = 0; i < 4; ++i)
            plans << plan({server.baseUrl()}, "framing", kFramingTurns, i % 2,
                          QStringLiteral("parallel-%1").arg(i));
        for (const QList<QJsonObject> &lines : runClients(plans))
            QCOMPARE(tiers(lines), expected);
    }

    // budget.session_usd counts every conversation of the server process: after conversation
    // a's first turn on strong, conversation b's first turn steps down to light.
    void sessionBudgetCountsEveryConversationOfTheProcess_data()
    {
        QTest::addColumn<QString>("budget");
        QTest::addColumn<QString>("second"); // the tier of conversation b's turn
        QTest::newRow("session_usd passed") << R"({"session_usd": 0.000001})"
                                            << "light";
        QTest::newRow("conversation_usd is per conversation") << R"({"conversation_usd": 0.000001})"
                                                              << "strong";
    }
    void sessionBudgetCountsEveryConversationOfTheProcess()
    {
        QFETCH(QString, budget);
        QFETCH(QString, second);
        QTemporaryDir dir;
        QFile file(dir.filePath("budget.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "ladder/1", "name": "budget", "entry": "strong",
            "tiers": [{"id": "strong", "provider": "simulated", "model": "gpt-5.4"},
                      {"id": "light", "provider": "simulated", "model": "gpt-5.4-mini"}],
            "transitions": [{"from": "light", "to": "strong",
                             "when": {"type": "after_turns", "turns": 99}}],
            "budget": )" +
                   budget.toUtf8() + "}");
        file.close();
        ServeProcess server;
        QVERIFY(server.start({file.fileName(), "--time-scale", "0", "--state",
                              "sqlite:" + dir.filePath("state.sqlite")}));
        const QList<QJsonObject> a =
            runClient(plan({server.baseUrl()}, "budget", {"Hello"}, false, "budget-a"));
        const QList<QJsonObject> b =
            runClient(plan({server.baseUrl()}, "budget", {"Hello"}, false, "budget-b"));
        QCOMPARE(tiers(a), QStringList{"strong"});
        QCOMPARE(tiers(b), QStringList{second});
        QCOMPARE(server.stop(), 0);
    }

    void restartContinuesTheConversation()
    {
        QTemporaryDir dir;
        const QStringList args{"framing", "--time-scale", "0", "--state",
                               "sqlite:" + dir.filePath("state.sqlite")};
        const QStringList expected = chatTiers("framing", kFramingTurns);
        {
            ServeProcess server;
            QVERIFY(server.start(args));
            const QList<QJsonObject> first =
                runClient(plan({server.baseUrl()}, "framing", kFramingTurns.mid(0, 2), false));
            QCOMPARE(tiers(first), expected.mid(0, 2));
            QCOMPARE(server.stop(), 0);
        }
        ServeProcess server;
        QVERIFY(server.start(args));
        QJsonObject p = plan({server.baseUrl()}, "framing", kFramingTurns, false);
        p.insert("skip", 2); // turns 1 and 2 are history the client resends
        const QList<QJsonObject> third = runClient(p);
        QCOMPARE(third.size(), 1);
        QCOMPARE(third[0].value("x-ladder-tier").toString(), expected[2]);
        QCOMPARE(third[0].value("x-ladder-reason").toString(),
                 QString("after 2 turn(s) on strong"));
    }

    void twoInstancesShareOneRedis()
    {
        ladder::test::RedisServer redis;
        if (!redis.start())
            QSKIP("redis-server is not installed (scripts/setup.sh installs it)");
        ServeProcess a, b;
        QVERIFY(a.start({"framing", "--time-scale", "0", "--state", redis.url()}));
        QVERIFY(b.start({"framing", "--time-scale", "0", "--state", redis.url()}));
        const QStringList expected = chatTiers("framing", kFramingTurns);
        const QList<QJsonObject> lines =
            runClient(plan({a.baseUrl(), b.baseUrl()}, "framing", kFramingTurns, true, "shared-1"));
        QCOMPARE(tiers(lines), expected);

        // Killed mid-stream: another instance continues from the last committed turn. The
        // escalation ladder's strong tier streams as it answers, so there is a stream to cut.
        const QStringList escalation = chatTiers("escalation-tool", kEscalationTurns);
        ServeProcess slow, fast;
        QVERIFY(slow.start({"escalation-tool", "--time-scale", "1", "--state", redis.url()}));
        QVERIFY(fast.start({"escalation-tool", "--time-scale", "0", "--state", redis.url()}));
        QCOMPARE(tiers(runClient(plan({fast.baseUrl()}, "escalation-tool",
                                      kEscalationTurns.mid(0, 1), false, "shared-2"))),
                 escalation.mid(0, 1));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(slow.port()));
        QVERIFY(s.waitForConnected(5000));
        const QJsonArray messages{QJsonObject{{"role", "user"}, {"content", kEscalationTurns[0]}},
                                  QJsonObject{{"role", "assistant"}, {"content", "..."}},
                                  QJsonObject{{"role", "user"}, {"content", kEscalationTurns[1]}}};
        s.write(post(
            QJsonDocument(
                QJsonObject{{"model", "escalation-tool"}, {"stream", true}, {"messages", messages}})
                .toJson(QJsonDocument::Compact),
            "x-ladder-conversation: shared-2\r\n"));
        QByteArray got;
        for (int i = 0; i < 150 && !got.contains("\"content\":\""); ++i) {
            if (s.waitForReadyRead(200))
                got += s.readAll();
        }
        QVERIFY2(got.contains("\"content\":\""), got.constData()); // mid-stream
        QVERIFY(!got.contains("[DONE]"));
        slow.stop(SIGKILL);
        QJsonObject p =
            plan({fast.baseUrl()}, "escalation-tool", kEscalationTurns, true, "shared-2");
        p.insert("skip", 1);
        QCOMPARE(tiers(runClient(p)), escalation.mid(1));

        // The store gone: 503, and the server still answers what needs no state.
        redis.stop();
        const RawReply down = raw(
            a.port(), post(R"({"model":"framing","messages":[{"role":"user","content":"hi"}]})"));
        QCOMPARE(down.status, 503);
        QVERIFY(down.all.contains("\"code\":\"state_unavailable\""));
        QCOMPARE(raw(a.port(), "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    }

    void badRequestsGetTheRightStatus_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("malformed JSON") << post("{\"model\": \"framing\", \"messages\": [") << 400
                                        << QByteArray("\"code\":\"invalid_json\"");
        QTest::newRow("messages missing")
            << post(R"({"model":"framing"})") << 400 << QByteArray("\"param\":\"messages\"");
        QTest::newRow("messages of the wrong type")
            << post(R"({"model":"framing","messages":{"role":"user"}})") << 400
            << QByteArray("\"param\":\"messages\"");
        QTest::newRow("content of the wrong type")
            << post(R"({"model":"framing","messages":[{"role":"user","content":5}]})") << 400
            << QByteArray("\"param\":\"messages[0].content\"");
        QTest::newRow("temperature of the wrong type")
            << post(
                   R"({"model":"framing","temperature":"hot","messages":[{"role":"user","content":"hi"}]})")
            << 400 << QByteArray("\"param\":\"temperature\"");
        QTest::newRow("unknown model")
            << post(R"({"model":"gpt-4","messages":[{"role":"user","content":"hi"}]})") << 404
            << QByteArray("\"code\":\"model_not_found\"");
        QTest::newRow("10 MB body")
            << post("{\"model\":\"framing\",\"messages\":[{\"role\":\"user\",\"content\":\"" +
                    QByteArray(10 * 1024 * 1024, 'a') + "\"}]}")
            << 413 << QByteArray("\"code\":\"request_too_large\"");
        QTest::newRow("binary garbage")
            << QByteArray("\x00\xff\x13\x37 GET / HTTP/9\r\n\r\n", 24) << 0 << QByteArray();
        QTest::newRow("unknown route") << QByteArray("GET /v2/nothing HTTP/1.1\r\nHost: x\r\n\r\n")
                                       << 404 << QByteArray("\"code\":\"unknown_url\"");
        QTest::newRow("slowloris headers")
            << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: a") << 408
            << QByteArray("\"code\":\"request_timeout\"");
    }
    void badRequestsGetTheRightStatus()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        ServeProcess server;
        QVERIFY(server.start({"framing", "--time-scale", "0", "--request-timeout", "500", "--state",
                              "sqlite:" + dir.filePath("state.sqlite")}));
        const RawReply reply = raw(server.port(), request, 8000);
        if (status != 0) {
            QCOMPARE(reply.status, status);
            QVERIFY2(reply.all.contains(expected), reply.all.left(400).constData());
        }
        QVERIFY(server.running());
        const RawReply ok =
            raw(server.port(),
                post(R"({"model":"framing","messages":[{"role":"user","content":"hi"}]})"));
        QCOMPARE(ok.status, 200); // still serving
    }

    // --json: a "listening" line with the port, then one "completion" line per chat completion
    // with the running count, its status and tier (the studio's live request count reads them).
    void jsonReportsEachCompletion()
    {
        QTemporaryDir dir;
        ServeProcess server;
        QVERIFY(server.start({"framing", "--json", "--time-scale", "0", "--state",
                              "sqlite:" + dir.filePath("state.sqlite")}));
        QList<QJsonObject> lines;
        auto readLines = [&](const QByteArray &needle) {
            lines.clear();
            for (const QByteArray &l : server.outputWith(needle).split('\n')) {
                if (!l.trimmed().isEmpty())
                    lines << QJsonDocument::fromJson(l).object();
            }
        };
        readLines("listening");
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value("event").toString(), "listening");
        QCOMPARE(lines[0].value("port").toInt(), server.port());
        QCOMPARE(lines[0].value("model").toString(), "framing");
        QCOMPARE(lines[0].value("url").toString(), server.baseUrl());
        QCOMPARE(
            raw(server.port(),
                post(
                    R"({"model":"framing","messages":[{"role":"user","content":"Plan a trip."}]})"))
                .status,
            200);
        QCOMPARE(raw(server.port(),
                     post(R"({"model":"nope","messages":[{"role":"user","content":"hi"}]})"))
                     .status,
                 404); // refused before the ladder ran: not a completion
        QCOMPARE(
            raw(server.port(),
                post(
                    R"({"model":"framing","stream":true,"messages":[{"role":"user","content":"Another one."}]})"))
                .status,
            200);
        readLines("\"completions\":2");
        QCOMPARE(lines.size(), 3);
        for (int i : {1, 2}) {
            QCOMPARE(lines[i].value("event").toString(), "completion");
            QCOMPARE(lines[i].value("completions").toInt(), i);
            QCOMPARE(lines[i].value("status").toInt(), 200);
            QCOMPARE(lines[i].value("tier").toString(), "strong"); // framing's first turns
            QVERIFY(!lines[i].value("cancelled").toBool());
        }
        QCOMPARE(server.stop(SIGTERM), 0);
        readLines("stopped");
        QCOMPARE(lines.last().value("event").toString(), "stopped");
        QCOMPARE(lines.last().value("completions").toInt(), 2);
    }

    void exhaustedFallbackChainIs502()
    {
        QTemporaryDir dir;
        // Nothing listens on port 1: every call fails with a network error.
        QFile providers(dir.filePath("providers.json"));
        QVERIFY(providers.open(QIODevice::WriteOnly));
        providers.write("{\"format\": \"providers/1\", \"providers\": [{\"id\": \"openai\", "
                        "\"kind\": \"openai\", \"base_url\": \"http://127.0.0.1:1/v1\", "
                        "\"models\": [\"gpt-5-nano\"]}]}");
        providers.close();
        ServeProcess server;
        QVERIFY(server.start({LADDER_SOURCE_DIR "/tests/bench/serve/one-tier.json", "--providers",
                              providers.fileName(), "--model-name", "one", "--time-scale", "0",
                              "--state", "sqlite:" + dir.filePath("state.sqlite")}));
        const RawReply reply = raw(
            server.port(), post(R"({"model":"one","messages":[{"role":"user","content":"hi"}]})"));
        QCOMPARE(reply.status, 502);
        QVERIFY2(reply.all.contains("\"code\":\"network\""), reply.all.constData());
        QVERIFY(reply.all.contains("\"type\":\"upstream_error\""));
    }

    // A client's temperature 0 makes a call deterministic: with the ladder's cache on, the same
    // request again is answered from the cache (the audit says so), and the cache file counts it
    // once the server has stopped (its rows are written behind).
    void clientTemperatureZeroIsServedFromTheCache()
    {
        QTemporaryDir dir;
        QFile source(LADDER_SOURCE_DIR "/resources/ladders/framing.json");
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject ladder = QJsonDocument::fromJson(source.readAll()).object();
        ladder.insert("cache", QJsonObject{{"enabled", true}});
        QFile cached(dir.filePath("cached.json"));
        QVERIFY(cached.open(QIODevice::WriteOnly));
        cached.write(QJsonDocument(ladder).toJson());
        cached.close();
        const QString audit = dir.filePath("audit.sqlite");
        const QString cache = dir.filePath("cache.sqlite");
        ServeProcess server;
        QVERIFY(server.start({cached.fileName(), "--time-scale", "0", "--audit", audit, "--cache",
                              cache, "--state", "sqlite:" + dir.filePath("state.sqlite")}));
        for (const QByteArray conversation : {"c-1", "c-2"}) {
            const RawReply reply = raw(
                server.port(),
                post(
                    R"({"model":"cached","temperature":0,"messages":[{"role":"user","content":"Plan a small web shop."}]})",
                    "x-ladder-conversation: " + conversation + "\r\n"));
            QCOMPARE(reply.status, 200);
        }
        QCOMPARE(server.stop(SIGTERM), 0);
        QSqlQuery calls = queryFile(audit, "SELECT cached FROM calls ORDER BY id");
        QStringList flags;
        while (calls.next())
            flags << calls.value(0).toString();
        QCOMPARE(flags, (QStringList{"0", "1"}));
        QSqlQuery rows = queryFile(cache, "SELECT COUNT(*), SUM(hits) FROM response_cache");
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toInt(), 1);
        QCOMPARE(rows.value(1).toInt(), 1);
    }

    void sigtermCancelsWhatOutlivesTheGrace()
    {
        QTemporaryDir dir;
        const QString audit = dir.filePath("audit.sqlite");
        ServeProcess server;
        QVERIFY(server.start({"escalation-tool", "--time-scale", "1", "--grace", "0", "--audit",
                              audit, "--state", "sqlite:" + dir.filePath("state.sqlite")}));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(server.port()));
        QVERIFY(s.waitForConnected(5000));
        s.write(post(
            R"({"model":"escalation-tool/strong","stream":true,"messages":[{"role":"user","content":"Write a long story about a lighthouse."}]})"));
        QByteArray got;
        for (int i = 0; i < 100 && !got.contains("\"content\":\""); ++i) {
            if (s.waitForReadyRead(200))
                got += s.readAll();
        }
        QVERIFY2(got.contains("\"content\":\""), got.constData());
        QCOMPARE(server.stop(SIGTERM), 0);
        QSqlQuery q = queryFile(audit, "SELECT data_json FROM events WHERE type = 'turn_failed'");
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toString().contains("cancelled"), qPrintable(q.value(0).toString()));
    }

    void disconnectMidStreamCancelsTheUpstreamCall()
    {
        QTemporaryDir dir;
        const QString audit = dir.filePath("audit.sqlite");
        ServeProcess server;
        QVERIFY(server.start({"escalation-tool", "--time-scale", "1", "--audit", audit, "--state",
                              "sqlite:" + dir.filePath("state.sqlite")}));
        {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(server.port()));
            QVERIFY(s.waitForConnected(5000));
            s.write(post(
                R"({"model":"escalation-tool/strong","stream":true,"messages":[{"role":"user","content":"Write a long story about a lighthouse."}]})",
                "x-ladder-conversation: gone-1\r\n"));
            QByteArray got;
            for (int i = 0; i < 100 && !got.contains("\"content\":\""); ++i) {
                if (s.waitForReadyRead(200))
                    got += s.readAll();
            }
            QVERIFY2(got.contains("\"content\":\""), got.constData());
            s.abort();
        }
        bool cancelled = false;
        for (int i = 0; i < 100 && !cancelled; ++i) {
            QTest::qWait(100);
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "audit");
            db.setDatabaseName(audit);
            if (db.open()) {
                QSqlQuery q(db);
                q.exec("SELECT data_json FROM events WHERE type = 'turn_failed'");
                while (q.next())
                    cancelled = cancelled || q.value(0).toString().contains("cancelled");
            }
            db = {};
            QSqlDatabase::removeDatabase("audit");
        }
        QVERIFY(cancelled);
        QCOMPARE(raw(server.port(), "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
