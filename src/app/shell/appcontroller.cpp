#include "appcontroller.h"

#include "automation/screenshotcontroller.h"
#include "common/files.h"
#include "common/localfile.h"
#include "document/ladderdocument.h"
#include "scriptrunner.h"
#include "settings/providersettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>
#include <QUrl>

#include <cstdio>
#include <optional>

namespace ladder {

namespace {
constexpr int kMaxRecent = 10;
const QStringList kViews = {QStringLiteral("design"),   QStringLiteral("chat"),
                            QStringLiteral("compare"),  QStringLiteral("insights"),
                            QStringLiteral("audit"),    QStringLiteral("evaluate"),
                            QStringLiteral("settings"), QStringLiteral("export")};
} // namespace

AppController::AppController(QObject *parent)
    : QObject(parent)
{
    QSettings settings;
    m_theme = settings.value(QStringLiteral("ui/theme"), QStringLiteral("light")).toString();
    m_language = settings.value(QStringLiteral("ui/language")).toString();
    m_recent = settings.value(QStringLiteral("files/recent")).toStringList();
}

AppController::~AppController() = default;

AppController *AppController::instance()
{
    static AppController *controller = new AppController(nullptr);
    return controller;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    AppController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

void AppController::configure(const StartupOptions &options, QQmlEngine *engine)
{
    Startup::instance()->setOptions(options);
    m_engine = engine;
    if (!options.language.isEmpty())
        m_language = options.language; // for this run only; Settings saves a choice
    installTranslator(m_language);
    if (!screenshotMode() && QFileInfo::exists(autosavePath())) {
        m_recoveryFile = autosavePath();
        emit recoveryFileChanged();
    }
}

void AppController::setStartupError(const QString &error)
{
    if (m_startupError == error)
        return;
    m_startupError = error;
    emit startupErrorChanged();
}

void AppController::setTheme(const QString &theme)
{
    if (m_theme == theme)
        return;
    m_theme = theme;
    QSettings().setValue(QStringLiteral("ui/theme"), theme);
    emit themeChanged();
}

bool AppController::isDark() const
{
    if (m_theme == QLatin1String("dark"))
        return true;
    if (m_theme == QLatin1String("system"))
        return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    return false;
}

void AppController::setLanguage(const QString &code)
{
    if (m_language == code)
        return;
    m_language = code;
    QSettings().setValue(QStringLiteral("ui/language"), code);
    installTranslator(code);
    emit languageChanged();
}

bool AppController::installTranslator(const QString &code)
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    bool ok = false;
    if (!code.isEmpty() && code != QLatin1String("en")) {
        auto *translator = new QTranslator(this);
        // Compiled in, else installed beside the binary (packaging/: share/ladder-studio).
        const QString name = QStringLiteral("ladder-studio_%1.qm").arg(code);
        if (translator->load(QStringLiteral(":/i18n/") + name) ||
            translator->load(QCoreApplication::applicationDirPath() +
                             QStringLiteral("/../share/ladder-studio/translations/") + name)) {
            QCoreApplication::installTranslator(translator);
            m_translator = translator;
            ok = true;
        } else {
            delete translator;
        }
    }
    if (m_engine)
        m_engine->retranslate();
    return ok;
}

QRect AppController::windowGeometry() const
{
    return QSettings().value(QStringLiteral("window/geometry"), QRect(80, 60, 1440, 900)).toRect();
}

bool AppController::windowMaximized() const
{
    return QSettings().value(QStringLiteral("window/maximized"), false).toBool();
}

QString AppController::lastSessionFile() const
{
    if (screenshotMode())
        return {};
    return QSettings().value(QStringLiteral("session/lastFile")).toString();
}

QString AppController::autosavePath() const
{
    return Files::dataFolder() + QStringLiteral("/autosave.json");
}

QStringList AppController::views() const
{
    return kViews;
}

QString AppController::version() const
{
    return QCoreApplication::applicationVersion();
}

void AppController::followProviders(LadderDocument *document)
{
    if (!document)
        return;
    ProviderSettings *settings = ProviderSettings::instance();
    document->setProviderConfig(settings->activeConfig());
    connect(settings, &ProviderSettings::activeConfigChanged, document,
            [document, settings] { document->setProviderConfig(settings->activeConfig()); });
}

void AppController::addRecentFile(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    if (path.isEmpty() || screenshotMode()) // a capture leaves the user's settings alone
        return;
    m_recent.removeAll(path);
    m_recent.prepend(path);
    while (m_recent.size() > kMaxRecent)
        m_recent.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), m_recent);
    emit recentFilesChanged();
}

void AppController::clearRecentFiles()
{
    m_recent.clear();
    QSettings().setValue(QStringLiteral("files/recent"), m_recent);
    emit recentFilesChanged();
}

void AppController::saveWindowState(int x, int y, int width, int height, bool maximized)
{
    if (screenshotMode())
        return;
    QSettings settings;
    if (!maximized)
        settings.setValue(QStringLiteral("window/geometry"), QRect(x, y, width, height));
    settings.setValue(QStringLiteral("window/maximized"), maximized);
}

void AppController::saveSession(const QString &filePath)
{
    if (screenshotMode())
        return;
    QSettings().setValue(QStringLiteral("session/lastFile"), filePath);
}

void AppController::discardRecovery()
{
    if (m_recoveryFile.isEmpty())
        return;
    QFile::remove(m_recoveryFile);
    QFile::remove(m_recoveryFile + QStringLiteral(".source"));
    m_recoveryFile.clear();
    emit recoveryFileChanged();
}

namespace {

struct CommandLine {
    QCommandLineOption view{
        QStringLiteral("view"),
        QCoreApplication::translate("main", "Area to show: %1.").arg(kViews.join(QLatin1Char('|'))),
        QStringLiteral("view"), QStringLiteral("design")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the view, save it as PNG and exit."),
        QStringLiteral("png")};
    QCommandLineOption lang{
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "User interface language (en, de)."),
        QStringLiteral("code")};
    QCommandLineOption script{QStringLiteral("script"),
                              QCoreApplication::translate(
                                  "main",
                                  "Play the file's lines as user turns on the simulated provider, "
                                  "or on --providers (chat, or every column in compare)."),
                              QStringLiteral("file")};
    QCommandLineOption providers{
        QStringLiteral("providers"),
        QCoreApplication::translate("main",
                                    "Provider configuration (providers/1 JSON) for this run; "
                                    "Settings can make one permanent. Keys come from the "
                                    "environment or the OS keychain."),
        QStringLiteral("file")};
    QCommandLineOption serve{
        QStringLiteral("serve"),
        QCoreApplication::translate("main", "Serve the open ladder at once (Export → Serve this "
                                            "ladder: `ladder serve` on a free loopback port).")};

    QCommandLineOption select{
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select this element of the opened ladder "
                                            "(tier:ID, detector:ID, memory)."),
        QStringLiteral("key")};

    void describe(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Design, run and compare model ladders."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("file"),
                                     QCoreApplication::translate("main", "Ladder file to open."),
                                     QStringLiteral("[FILE]"));
        parser.addOptions({view, screenshot, lang, script, providers, select, serve});
    }
};

// --help and --version print text and exit: they must work without a display (in a terminal
// over ssh, in a package's smoke test), so they are answered before any QGuiApplication.
bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

// The options of a window run; nullopt (exit code 2) after a message for a bad command line.
std::optional<StartupOptions> readOptions(const QCommandLineParser &parser, const CommandLine &cli)
{
    StartupOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fprintf(stderr, "ladder-studio: expected at most one FILE, got %d\n",
                     int(positional.size()));
        return std::nullopt;
    }
    options.file = positional.value(0);
    options.view = parser.value(cli.view).toLower();
    if (!kViews.contains(options.view)) {
        std::fprintf(stderr, "ladder-studio: unknown view \"%s\" (expected %s)\n",
                     qPrintable(options.view), qPrintable(kViews.join(QLatin1Char('|'))));
        return std::nullopt;
    }
    options.screenshot = parser.value(cli.screenshot);
    options.language = parser.value(cli.lang);
    options.script = parser.value(cli.script);
    if (!options.script.isEmpty() && options.script != QLatin1String("-"))
        options.script = QFileInfo(options.script).absoluteFilePath();
    if (!options.file.isEmpty())
        options.file = QFileInfo(options.file).absoluteFilePath();
    options.providers = parser.value(cli.providers);
    options.select = parser.value(cli.select);
    options.serve = parser.isSet(cli.serve);
    return options;
}

// Opens --providers FILE, or the saved choice. Returns the banner text when the file cannot
// be used.
QString openProvidersFile(const StartupOptions &options)
{
    // A providers file that cannot be used does not stop the studio: it opens on the simulated
    // provider with the problems in the banner (and in Settings → Providers), as a bad ladder.
    QString providersError;
    if (!options.providers.isEmpty()) {
        ProviderSettings *providers = ProviderSettings::instance();
        providers->setRemember(false);
        const QString path = QFileInfo(options.providers).absoluteFilePath();
        if (!providers->open(path)) {
            for (const QString &problem : providers->problems())
                std::fprintf(stderr, "ladder-studio: %s\n", qPrintable(problem));
            providersError =
                QCoreApplication::translate("main", "The providers file %1 cannot be used; the "
                                                    "simulated provider answers.\n%2")
                    .arg(path, providers->problems().mid(0, 5).join(QLatin1Char('\n')));
        }
    } else if (options.screenshot.isEmpty() && options.script.isEmpty()) {
        ProviderSettings::instance()->restore(); // captures and scripts run simulated
    }
    return providersError;
}

// --screenshot: captures the window once it has settled and exits. False (exit code 1) when
// there is nothing to capture.
bool startScreenshot(QApplication &app, QQmlApplicationEngine &engine,
                     const QString &providersError)
{
    AppController *controller = AppController::instance();
    // Nothing to capture when the ladder could not be read; a bad providers file is
    // captured with its banner.
    if (!controller->startupError().isEmpty() && controller->startupError() != providersError) {
        std::fprintf(stderr, "ladder-studio: %s\n", qPrintable(controller->startupError()));
        return false;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    ScreenshotController *shot = ScreenshotController::instance();
    QObject::connect(shot, &ScreenshotController::finished, &app, [shot](int code) {
        if (code != 0)
            std::fprintf(stderr, "ladder-studio: %s\n", qPrintable(shot->errorString()));
        QCoreApplication::exit(code);
    });
    shot->start(window);
    return true;
}

// --script FILE: plays its turns on the document the window opened, in the view shown (the
// screenshot waits for them).
void startScript(QQmlApplicationEngine &engine, const StartupOptions &options)
{
    auto *document = engine.rootObjects().constFirst()->findChild<LadderDocument *>(
        QStringLiteral("ladderDocument"));
    ScriptRunner::instance()->runStartupScript(options.script, document, options.view);
}

} // namespace

int runLadderStudio(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LadderStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("ladder-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LADDER_STUDIO_VERSION));
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        const CommandLine cli;
        QCommandLineParser parser;
        cli.describe(parser);
        parser.process(app); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Ladder Studio"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ladderstudio.LadderStudio"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    const CommandLine cli;
    QCommandLineParser parser;
    cli.describe(parser);
    parser.process(app);

    const std::optional<StartupOptions> read = readOptions(parser, cli);
    if (!read)
        return 2;
    const StartupOptions &options = *read;
    const QString providersError = openProvidersFile(options);

    if (!options.screenshot.isEmpty())
        ScreenshotController::instance()->setOutput(
            QFileInfo(options.screenshot).absoluteFilePath());

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/")); // the LadderStudio module is compiled in
    AppController *controller = AppController::instance();
    controller->configure(options, &engine);
    if (!options.language.isEmpty() && options.language != QLatin1String("en") &&
        !controller->installTranslator(options.language))
        std::fprintf(stderr, "ladder-studio: no translation for \"%s\", using English\n",
                     qPrintable(options.language));
    if (!providersError.isEmpty())
        controller->setStartupError(providersError); // Main.qml shows it in the banner

    engine.load(QUrl(QStringLiteral("qrc:/LadderStudio/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "ladder-studio: the user interface failed to load\n");
        return 1;
    }
    if (!options.script.isEmpty())
        startScript(engine, options);
    if (!options.screenshot.isEmpty() && !startScreenshot(app, engine, providersError))
        return 1;
    return app.exec();
}

} // namespace ladder
