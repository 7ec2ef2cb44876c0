#pragma once

// Debian's redis-server for a test: a free loopback port, no persistence, stopped by PID.
// start() is false when redis-server is not installed (the test then skips).

#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

namespace ladder::test {

class RedisServer
{
public:
    ~RedisServer() { stop(); }
    bool start()
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
        if (exe.isEmpty())
            return false;
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();
        m_process.start(exe, {"--port", QString::number(m_port), "--bind", "127.0.0.1", "--save",
                              "", "--appendonly", "no"});
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
            if (s.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        m_process.waitForFinished(10000);
    }
    int port() const { return m_port; }
    QString url(int db = 0) const
    {
        return QStringLiteral("redis://127.0.0.1:%1/%2").arg(m_port).arg(db);
    }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace ladder::test
