#pragma once

// Application-wide state for the QML shell: start-up options (file, view, language), theme,
// recent files, window geometry and last session (QSettings), crash recovery of autosaves.

#include <QObject>
#include <QPointer>
#include <QRect>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;
class QTranslator;

namespace ladder {

class LadderDocument;

struct StartupOptions {
    QString file;
    QString view = QStringLiteral("design");
    QString screenshot;
    QString language;   // empty: the saved choice
    QString script;     // --script FILE: user turns to play (automation/ScriptRunner)
    QString providers;  // --providers FILE: for this run (ProviderSettings); empty: as saved
    QString select;     // --select KEY: the element selected once the file is open
    bool serve = false; // --serve: Export → Serve this ladder, started
};

class AppController : public QObject
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
    Q_PROPERTY(
        QString startupError READ startupError WRITE setStartupError NOTIFY startupErrorChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool dark READ isDark NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(QRect windowGeometry READ windowGeometry CONSTANT)
    Q_PROPERTY(bool windowMaximized READ windowMaximized CONSTANT)
    Q_PROPERTY(QString lastSessionFile READ lastSessionFile CONSTANT)
    Q_PROPERTY(QString autosavePath READ autosavePath CONSTANT)
    Q_PROPERTY(QString recoveryFile READ recoveryFile NOTIFY recoveryFileChanged)
    Q_PROPERTY(QStringList views READ views CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    // Provider id -> models of the active provider configuration (empty when simulated): the
    // inspector's model picker offers them besides the pricing table's.

public:
    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit AppController(QObject *parent);
    ~AppController() override;

    static AppController *instance();
    static AppController *create(QQmlEngine *, QJSEngine *);

    void configure(const StartupOptions &options, QQmlEngine *engine);

    QString initialFile() const { return m_options.file; }
    QString initialView() const { return m_options.view; }
    QString initialSelection() const { return m_options.select; }
    bool serveAtStart() const { return m_options.serve; }
    bool screenshotMode() const { return !m_options.screenshot.isEmpty(); }
    QString scriptFile() const { return m_options.script; }
    QString startupError() const { return m_startupError; }
    void setStartupError(const QString &error);
    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    bool isDark() const;
    QString language() const { return m_language; }
    void setLanguage(const QString &code);
    QStringList recentFiles() const { return m_recent; }
    QRect windowGeometry() const;
    bool windowMaximized() const;
    QString lastSessionFile() const;
    QString autosavePath() const;
    // The studio's data folder (autosave, studio.sqlite): <user data>/ladder-studio, named by
    // the application alone. Files left in the folder of earlier versions,
    // <user data>/LadderStudio/ladder-studio, move here the first time it is asked for.
    static QString dataFolder();
    QString recoveryFile() const { return m_recoveryFile; }
    QStringList views() const;
    QString version() const;

    Q_INVOKABLE int viewIndex(const QString &name) const { return views().indexOf(name); }
    // The document follows Settings → Providers: their ids, models and prices (the Problems
    // panel checks against them), now and whenever the active providers change.
    Q_INVOKABLE void followProviders(ladder::LadderDocument *document);
    Q_INVOKABLE void addRecentFile(const QString &pathOrUrl);
    Q_INVOKABLE void clearRecentFiles();
    Q_INVOKABLE void saveWindowState(int x, int y, int width, int height, bool maximized);
    Q_INVOKABLE void saveSession(const QString &filePath);
    Q_INVOKABLE void discardRecovery();
    Q_INVOKABLE QString toLocalFile(const QString &pathOrUrl) const;
    Q_INVOKABLE QString toUrl(const QString &path) const;
    Q_INVOKABLE QString fileName(const QString &path) const;
    Q_INVOKABLE QString folderUrl(const QString &path) const;

    bool installTranslator(const QString &code); // false when no translation exists

signals:
    void startupErrorChanged();
    void themeChanged();
    void languageChanged();
    void recentFilesChanged();
    void recoveryFileChanged();

private:
    StartupOptions m_options;
    QPointer<QQmlEngine> m_engine;
    QTranslator *m_translator = nullptr;
    QString m_startupError;
    QString m_theme = QStringLiteral("light");
    QString m_language;
    QStringList m_recent;
    QString m_recoveryFile;
};

// The whole application: parses the command line, sets up QML and runs the event loop.
int runLadderStudio(int argc, char **argv);

} // namespace ladder
