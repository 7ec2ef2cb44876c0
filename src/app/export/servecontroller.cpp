#include "servecontroller.h"

#include "common/files.h"
#include "document/ladderdocument.h"
#include "followdocument.h"
#include "settings/providersettings.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

constexpr int kStartTimeoutMs = 20000; // a server that never says where it listens
constexpr int kKillAfterMs = 5000;     // SIGTERM gives running turns this long
constexpr qsizetype kStderrKeep = 4096;

// The model name clients ask for: the file's base name, reduced to characters that need no
// quoting in a shell or JSON string.
QString modelNameFor(const QString &filePath)
{
    QString name = QFileInfo(filePath).completeBaseName().toLower();
    static const QRegularExpression other(u"[^a-z0-9._-]+"_s);
    name.replace(other, u"-"_s);
    name.remove(QRegularExpression(u"^[-.]+|[-.]+$"_s));
    return name.isEmpty() ? u"ladder"_s : name;
}

} // namespace

ServeController::ServeController(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(kStartTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        if (m_status != Status::Starting)
            return;
        fail(
            tr("ladder serve did not report its address within %1 s.").arg(kStartTimeoutMs / 1000));
        stopNow();
    });
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(kKillAfterMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
    // Quitting the studio ends the server (the destructor may run too late, or not at all).
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ServeController::stopNow);
}

ServeController::~ServeController()
{
    stopNow();
}

QString ServeController::defaultProgram()
{
#ifdef Q_OS_WIN
    const QString name = u"ladder.exe"_s;
#else
    const QString name = u"ladder"_s;
#endif
    const QString beside = QCoreApplication::applicationDirPath() + u'/' + name;
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString onPath = QStandardPaths::findExecutable(name);
    return onPath.isEmpty() ? beside : onPath;
}

void ServeController::setDocument(LadderDocument *document)
{
    if (!followDocument(m_document, document, this, &ServeController::onDocumentEdited,
                        &ServeController::onDocumentEdited))
        return;
    emit documentChanged();
    onDocumentEdited();
}

void ServeController::setProgram(const QString &program)
{
    if (m_program == program)
        return;
    m_program = program;
    emit programChanged();
}

void ServeController::setExtraArguments(const QStringList &arguments)
{
    if (m_extraArguments == arguments)
        return;
    m_extraArguments = arguments;
    emit programChanged();
}

QString ServeController::status() const
{
    switch (m_status) {
    case Status::Stopped:
        return u"stopped"_s;
    case Status::Starting:
        return u"starting"_s;
    case Status::Running:
        return u"running"_s;
    case Status::Stopping:
        return u"stopping"_s;
    case Status::Failed:
        return u"failed"_s;
    }
    return {};
}

QString ServeController::curlSnippet() const
{
    if (m_url.isEmpty())
        return {};
    return QStringLiteral("curl %1/chat/completions \\\n"
                          "  -H \"Content-Type: application/json\" \\\n"
                          "  -d '{\"model\": \"%2\", \"messages\": [{\"role\": \"user\", "
                          "\"content\": \"Hello!\"}]}'")
        .arg(m_url, m_modelName);
}

QString ServeController::pythonSnippet() const
{
    if (m_url.isEmpty())
        return {};
    return QStringLiteral("from openai import OpenAI\n\n"
                          "client = OpenAI(base_url=\"%1\", api_key=\"unused\")\n"
                          "reply = client.chat.completions.create(\n"
                          "    model=\"%2\",\n"
                          "    messages=[{\"role\": \"user\", \"content\": \"Hello!\"}],\n"
                          ")\n"
                          "print(reply.choices[0].message.content)")
        .arg(m_url, m_modelName);
}

QString ServeController::tierModels() const
{
    QStringList out;
    for (const QString &tier : m_tiers)
        out << m_modelName + u'/' + tier;
    return out.join(u", "_s);
}

bool ServeController::start()
{
    if (m_process)
        stopNow();
    m_error.clear();
    m_requests = m_failed = 0;
    m_lastTier.clear();
    m_url.clear();
    m_port = 0;
    m_tiers.clear();
    m_stdout.clear();
    m_stderr.clear();
    emit requestCountChanged();
    if (!m_document) {
        fail(tr("No ladder is open."));
        return false;
    }
    if (!QFileInfo(m_program).isExecutable()) {
        fail(tr("The ladder command was not found (looked for %1). Build or install it beside "
                "ladder-studio.")
                 .arg(m_program));
        return false;
    }
    // The document as it is now: unsaved edits are served too.
    m_modelName = modelNameFor(m_document->filePath());
    const QString dir = Files::dataFolder() + u"/serve"_s;
    QDir().mkpath(dir);
    m_servedFile = dir + u'/' + m_modelName + u".json"_s;
    m_servedJson = m_document->toJson();
    QSaveFile file(m_servedFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_servedJson) != m_servedJson.size() ||
        !file.commit()) {
        fail(tr("Cannot write %1: %2").arg(m_servedFile, file.errorString()));
        return false;
    }

    QStringList args{u"serve"_s,
                     m_servedFile,
                     u"--json"_s,
                     u"--host"_s,
                     u"127.0.0.1"_s,
                     u"--port"_s,
                     u"0"_s,
                     u"--model-name"_s,
                     m_modelName,
                     u"--grace"_s, // Stop: running turns get this long, then are cancelled
                     QString::number(kKillAfterMs - 1000)};
    const QString providers = ProviderSettings::instance()->file();
    if (!providers.isEmpty())
        args << u"--providers"_s << providers;
    args << m_extraArguments;

    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // The server goes when the studio goes, even if the studio crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ServeController::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > kStderrKeep)
            m_stderr = m_stderr.right(kStderrKeep);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(tr("Cannot run %1: %2").arg(m_program, m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, &ServeController::onFinished);
    m_stale = false;
    emit staleChanged();
    setStatus(Status::Starting);
    m_startTimeout.start();
    m_process->start();
    return true;
}

void ServeController::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        setStatus(Status::Stopped);
        return;
    }
    setStatus(Status::Stopping);
    m_process->terminate(); // SIGTERM: running turns finish or are cancelled and recorded
    m_killTimer.start();
}

void ServeController::stopNow()
{
    if (!m_process)
        return;
    QProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(2000)) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    process->deleteLater();
    m_startTimeout.stop();
    m_killTimer.stop();
    if (m_status != Status::Failed)
        setStatus(Status::Stopped);
}

void ServeController::copy(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
    m_message = tr("Copied to the clipboard.");
    emit messageChanged();
}

void ServeController::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    if (status != Status::Running && status != Status::Stopping) {
        m_url.clear();
        m_port = 0;
    }
    emit statusChanged();
}

void ServeController::fail(const QString &error)
{
    m_error = error;
    m_status = Status::Stopped; // setStatus emits, with the error in place
    setStatus(Status::Failed);
}

QString ServeController::stderrTail() const
{
    QString text = QString::fromUtf8(m_stderr).trimmed();
    QStringList lines = text.split(u'\n');
    if (lines.size() > 12)
        lines = lines.mid(lines.size() - 12);
    return lines.join(u'\n');
}

void ServeController::onStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(end).trimmed();
        m_stdout.remove(0, end + 1);
        if (!line.isEmpty())
            onLine(line);
    }
}

void ServeController::onLine(const QByteArray &line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QString event = o.value(u"event"_s).toString();
    if (event == u"listening"_s) {
        m_startTimeout.stop();
        m_tiers.clear();
        for (const QJsonValue &t : o.value(u"tiers"_s).toArray())
            m_tiers << t.toString();
        m_status = Status::Starting;
        setStatus(Status::Running);
        m_url = o.value(u"url"_s).toString();
        m_port = o.value(u"port"_s).toInt();
        emit statusChanged();
    } else if (event == u"completion"_s) {
        m_requests = o.value(u"completions"_s).toInt(m_requests + 1);
        if (o.value(u"status"_s).toInt() >= 400)
            ++m_failed;
        m_lastTier = o.value(u"tier"_s).toString();
        emit requestCountChanged();
    }
}

void ServeController::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    QProcess *process = std::exchange(m_process, nullptr);
    if (process)
        process->deleteLater();
    m_startTimeout.stop();
    m_killTimer.stop();
    if (m_status == Status::Stopping) {
        setStatus(Status::Stopped);
        return;
    }
    if (m_status == Status::Failed)
        return; // FailedToStart said why
    const QString how = exitStatus == QProcess::CrashExit
                            ? tr("ladder serve crashed")
                            : tr("ladder serve exited with code %1").arg(exitCode);
    const QString tail = stderrTail();
    fail(tail.isEmpty() ? how + u'.' : how + u":\n"_s + tail);
}

void ServeController::onDocumentEdited()
{
    const bool stale = m_process && m_document && m_document->toJson() != m_servedJson;
    if (stale == m_stale)
        return;
    m_stale = stale;
    emit staleChanged();
}

} // namespace ladder
