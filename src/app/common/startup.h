#pragma once

// How this run of the studio was started (the command line): read-only, set once by
// AppController::configure before the window loads. Views of every area read it (`Startup.*`)
// instead of reaching up to the shell.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ladder {

struct StartupOptions {
    QString file;
    QString view = QStringLiteral("design");
    QString screenshot;
    QString language;   // empty: the saved choice
    QString script;     // --script FILE: user turns to play (shell/ScriptRunner)
    QString providers;  // --providers FILE: for this run (ProviderSettings); empty: as saved
    QString select;     // --select KEY: the element selected once the file is open
    bool serve = false; // --serve: Export → Serve this ladder, started
};

class Startup : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString initialFile READ initialFile CONSTANT)
    Q_PROPERTY(QString initialView READ initialView CONSTANT)
    Q_PROPERTY(QString initialSelection READ initialSelection CONSTANT)
    Q_PROPERTY(bool serveAtStart READ serveAtStart CONSTANT)
    Q_PROPERTY(bool screenshotMode READ screenshotMode CONSTANT)
    Q_PROPERTY(QString scriptFile READ scriptFile CONSTANT)

public:
    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit Startup(QObject *parent);

    static Startup *instance();
    static Startup *create(QQmlEngine *, QJSEngine *);

    const StartupOptions &options() const { return m_options; }
    void setOptions(const StartupOptions &options) { m_options = options; }

    QString initialFile() const { return m_options.file; }
    QString initialView() const { return m_options.view; }
    QString initialSelection() const { return m_options.select; }
    bool serveAtStart() const { return m_options.serve; }
    bool screenshotMode() const { return !m_options.screenshot.isEmpty(); }
    QString scriptFile() const { return m_options.script; }

private:
    StartupOptions m_options;
};

} // namespace ladder
