#pragma once

// Export → "Serve this ladder…": runs `ladder serve` (the `ladder` program installed beside the
// studio) for the open ladder on a free loopback port, so any OpenAI client can talk to it.
// The document as it is now (saved or not) is written to the studio's data folder and served
// with the providers file chosen in Settings. `ladder serve --json` reports the address and each
// finished chat completion on stdout; this model turns those lines into the URL, the snippets
// and the live request count, and the process's stderr into a clear error when it cannot start
// or dies. Stop ends it; so does quitting the studio (and, on Linux, the studio dying).

#include "document/ladderdocument.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ServeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::LadderDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    // The `ladder` executable; default: the one beside ladder-studio, else on PATH.
    Q_PROPERTY(QString program READ program WRITE setProgram NOTIFY programChanged)
    // Appended to `ladder serve`'s command line (e.g. "--time-scale", "0").
    Q_PROPERTY(QStringList extraArguments READ extraArguments WRITE setExtraArguments NOTIFY
                   programChanged)
    // "stopped", "starting", "running", "stopping" or "failed".
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool running READ running NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)  // starting or stopping
    Q_PROPERTY(QString url READ url NOTIFY statusChanged) // "http://127.0.0.1:PORT/v1"
    Q_PROPERTY(int port READ port NOTIFY statusChanged)
    Q_PROPERTY(QString modelName READ modelName NOTIFY statusChanged)
    Q_PROPERTY(QStringList tiers READ tiers NOTIFY statusChanged)
    // "MODEL/TIER, ...": the model names that pin a tier.
    Q_PROPERTY(QString tierModels READ tierModels NOTIFY statusChanged)
    Q_PROPERTY(QString curlSnippet READ curlSnippet NOTIFY statusChanged)
    Q_PROPERTY(QString pythonSnippet READ pythonSnippet NOTIFY statusChanged)
    Q_PROPERTY(int requestCount READ requestCount NOTIFY requestCountChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY requestCountChanged) // status >= 400
    Q_PROPERTY(QString lastTier READ lastTier NOTIFY requestCountChanged)
    // Why it is not serving: could not start, exited, or stopped answering; with its stderr.
    Q_PROPERTY(QString error READ error NOTIFY statusChanged)
    Q_PROPERTY(QString servedFile READ servedFile NOTIFY statusChanged)
    // The document was edited after it was served: the server still runs the earlier ladder.
    Q_PROPERTY(bool stale READ stale NOTIFY staleChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged) // outcome of Copy

public:
    explicit ServeController(QObject *parent = nullptr);
    ~ServeController() override;

    static QString defaultProgram();

    LadderDocument *document() const { return m_document; }
    void setDocument(LadderDocument *document);
    QString program() const { return m_program; }
    void setProgram(const QString &program);
    QStringList extraArguments() const { return m_extraArguments; }
    void setExtraArguments(const QStringList &arguments);
    QString status() const;
    bool running() const { return m_status == Status::Running; }
    bool busy() const { return m_status == Status::Starting || m_status == Status::Stopping; }
    QString url() const { return m_url; }
    int port() const { return m_port; }
    QString modelName() const { return m_modelName; }
    QStringList tiers() const { return m_tiers; }
    QString tierModels() const;
    QString curlSnippet() const;
    QString pythonSnippet() const;
    int requestCount() const { return m_requests; }
    int failedCount() const { return m_failed; }
    QString lastTier() const { return m_lastTier; }
    QString error() const { return m_error; }
    QString servedFile() const { return m_servedFile; }
    bool stale() const { return m_stale; }
    QString message() const { return m_message; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

    // Starts serving the document as it is now (restarts when already serving). False, with
    // error set, when it cannot even start (no document, no program, unwritable data folder).
    Q_INVOKABLE bool start();
    // Asks the server to stop (SIGTERM: running turns are recorded); killed after a few seconds.
    Q_INVOKABLE void stop();
    Q_INVOKABLE void copy(const QString &text);

signals:
    void documentChanged();
    void programChanged();
    void statusChanged();
    void requestCountChanged();
    void staleChanged();
    void messageChanged();

private:
    enum class Status { Stopped, Starting, Running, Stopping, Failed };
    void setStatus(Status status);
    void fail(const QString &error);
    void onStdout();
    void onLine(const QByteArray &line);
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onDocumentEdited();
    // Ends the process now, waiting a moment for it (quitting the studio).
    void stopNow();
    QString stderrTail() const;

    QPointer<LadderDocument> m_document;
    QString m_program;
    QStringList m_extraArguments;
    QProcess *m_process = nullptr;
    Status m_status = Status::Stopped;
    QByteArray m_stdout; // an unfinished line
    QByteArray m_stderr; // its last few KB
    QByteArray m_servedJson;
    QString m_servedFile;
    QString m_url;
    int m_port = 0;
    QString m_modelName;
    QStringList m_tiers;
    int m_requests = 0;
    int m_failed = 0;
    QString m_lastTier;
    QString m_error;
    bool m_stale = false;
    QString m_message;
    QTimer m_startTimeout;
    QTimer m_killTimer;
};

} // namespace ladder
