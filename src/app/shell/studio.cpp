#include "studio.h"

#include "appcontroller.h"
#include "automation/screenshotcontroller.h"
#include "common/files.h"
#include "compare/preferencecases.h"
#include "document/ladderdocument.h"
#include "providers/fault_schedule.h"
#include "settings/providersettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QSettings>

namespace ladder {

namespace {
constexpr double kScriptTimeScale = 0.05; // screenshots of scripted runs come quickly
const QString kScriptHold = QStringLiteral("script");
} // namespace

std::optional<ChatScript> ChatScript::parse(const QString &text, QString *error)
{
    ChatScript script;
    QString nextTier;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char('@'))) {
            script.turns.append({line, nextTier});
            nextTier.clear();
            continue;
        }
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString directive = line.mid(1, space < 0 ? -1 : space - 1);
        const QString arg = space < 0 ? QString() : line.mid(space + 1).trimmed();
        auto fail = [&](const QString &what) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(i + 1).arg(what);
            return std::nullopt;
        };
        if (directive == QLatin1String("faults")) {
            QString faultError;
            if (!FaultSchedule::parse(arg, &faultError))
                return fail(QStringLiteral("@faults: %1").arg(faultError));
            script.faults = arg;
        } else if (directive == QLatin1String("tier")) {
            if (arg.isEmpty())
                return fail(QStringLiteral("@tier needs a tier id"));
            nextTier = arg;
        } else if (directive == QLatin1String("blind")) {
            script.blind = true;
        } else if (directive == QLatin1String("compare")) {
            script.compare = true;
        } else if (directive == QLatin1String("columns")) {
            script.columns = arg.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString &column : script.columns) {
                column = column.trimmed();
                if (!CompareModel::isVariant(column))
                    return fail(QStringLiteral("@columns: \"%1\" is neither baseline:TIER nor "
                                               "template:NAME")
                                    .arg(column));
            }
        } else if (directive == QLatin1String("select")) {
            bool ok = false;
            script.select = arg.toInt(&ok);
            if (!ok || script.select < 1)
                return fail(QStringLiteral("@select needs a turn number"));
        } else if (directive == QLatin1String("memory")) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            if (eq <= 0 || !memoryFieldFromString(arg.left(eq).trimmed()))
                return fail(QStringLiteral("@memory expects FIELD=item; item"));
            QString items = arg.mid(eq + 1);
            items.replace(QLatin1Char(';'), QLatin1Char('\n'));
            script.memoryEdits.append({arg.left(eq).trimmed(), items});
        } else if (directive == QLatin1String("vote")) {
            bool ok = false;
            const int turn = arg.section(QLatin1Char(' '), 0, 0).toInt(&ok);
            const QString value = arg.section(QLatin1Char(' '), 1).trimmed();
            if (!ok || turn < 1 || (value != QLatin1String("up") && value != QLatin1String("down")))
                return fail(QStringLiteral("@vote expects TURN up|down"));
            script.votes.append({turn, value == QLatin1String("up") ? 1 : -1});
        } else {
            return fail(QStringLiteral("unknown directive @%1").arg(directive));
        }
    }
    return script;
}

Studio::Studio(QObject *parent)
    : ChatWorkspace(parent)
    , m_chat(new ChatSessionModel(this))
    , m_compare(new CompareModel(this))
    , m_sessions(new AuditSessionModel(this))
    , m_calls(new AuditCallModel(this))
{
    m_timeScale = QSettings().value(QStringLiteral("chat/timeScale"), 1.0).toDouble();
    m_chat->setTimeScale(m_timeScale);
    m_compare->setTimeScale(m_timeScale);
    connect(m_chat, &ChatSessionModel::turnFinished, this, [this] {
        if (!m_scriptRunning)
            refreshSessions();
    });
}

Studio::~Studio()
{
    m_compare->clearColumns();
    m_chat->clear();
}

Studio *Studio::instance()
{
    static Studio *studio = [] {
        auto *s = new Studio(nullptr);
        QString path = qEnvironmentVariable("LADDER_STUDIO_DB");
        if (path.isEmpty())
            path = Files::dataFolder() + QStringLiteral("/studio.sqlite");
        s->openStore(path);
        // Chat and Compare run on the providers file chosen in Settings (or by --providers).
        ProviderSettings *providers = ProviderSettings::instance();
        auto useProviders = [s, providers] {
            s->m_chat->setProviders(providers->activeConfig(), providers->keys());
            s->m_compare->setProviders(providers->activeConfig(), providers->keys());
        };
        QObject::connect(providers, &ProviderSettings::activeConfigChanged, s, useProviders);
        useProviders();
        // The singleton outlives the event loop: write what is pending before the process ends.
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, s, [s] {
            s->m_compare->stop();
            s->m_chat->stop();
            if (s->m_store)
                s->m_store->close();
        });
        return s;
    }();
    return studio;
}

Studio *Studio::create(QQmlEngine *, QJSEngine *)
{
    Studio *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

bool Studio::openStore(const QString &path)
{
    m_storePath = path;
    m_store = std::make_unique<AuditStore>();
    m_reader = std::make_unique<AuditReader>();
    QString error;
    if (!m_store->open(path, &error) || !m_reader->open(path, &error)) {
        m_storeError = tr("The session store %1 could not be opened: %2").arg(path, error);
        emit storeErrorChanged();
        m_store.reset();
        m_reader.reset();
        return false;
    }
    m_chat->setAuditStore(m_store.get());
    m_compare->setAuditStore(m_store.get());
    m_compare->setPreferenceSetPath(PreferenceCases::defaultSetPath());
    // A failed audit write (damaged file, full disk) is reported on the writer thread: the chat
    // shows which of its turns were not recorded.
    m_store->setFailureHandler([this](const QString &) {
        QMetaObject::invokeMethod(
            this, [this] { m_chat->refreshAuditWarning(); }, Qt::QueuedConnection);
    });
    // Beside the store, so a test's temporary store brings its own cache. A cache that cannot be
    // opened only costs speed: the turns ask the models.
    m_cache = std::make_unique<ResponseCache>();
    const QString cachePath =
        QFileInfo(path).dir().filePath(QStringLiteral("response-cache.sqlite"));
    if (m_cache->open(cachePath, &error)) {
        m_chat->setResponseCache(m_cache.get());
        m_compare->setResponseCache(m_cache.get());
    } else {
        qWarning().noquote() << "ladder-studio: response cache:" << error;
        m_cache.reset();
    }
    m_sessions->setReader(m_reader.get());
    m_calls->setReader(m_reader.get());
    m_sessions->refresh();
    return true;
}

void Studio::setTimeScale(double scale)
{
    if (qFuzzyCompare(m_timeScale, scale))
        return;
    m_timeScale = scale;
    m_chat->setTimeScale(scale);
    m_compare->setTimeScale(scale);
    if (!m_scriptRunning)
        QSettings().setValue(QStringLiteral("chat/timeScale"), scale);
    emit timeScaleChanged();
}

void Studio::setSelectedTurn(int turn)
{
    if (m_selectedTurn == turn)
        return;
    m_selectedTurn = turn;
    emit selectedTurnChanged();
}

void Studio::refreshSessions()
{
    if (m_store)
        m_store->sync();
    m_sessions->refresh();
    if (!m_calls->sessionId().isEmpty())
        m_calls->refresh();
}

bool Studio::openSession(const QString &sessionId)
{
    if (!m_reader)
        return false;
    if (m_store)
        m_store->sync();
    setSelectedTurn(0);
    return m_chat->openStored(*m_reader, sessionId);
}

bool Studio::deleteSession(const QString &sessionId)
{
    if (!m_store || !m_store->deleteSession(sessionId))
        return false;
    if (m_chat->sessionId() == sessionId)
        m_chat->clear();
    refreshSessions();
    return true;
}

bool Studio::runFrom(int turn, const QString &variant)
{
    return m_compare->runFrom(m_chat, turn, variant);
}

void Studio::showCallsOf(const QString &sessionId)
{
    if (m_store)
        m_store->sync();
    m_calls->setSessionId(sessionId);
    m_calls->refresh();
}

void Studio::runStartupScript(LadderDocument *document, const QString &view)
{
    const QString path = Startup::instance()->scriptFile();
    if (path.isEmpty() || m_scriptRunning)
        return;
    ScreenshotController::instance()->hold(kScriptHold);
    QFile file(path);
    QString error;
    std::optional<ChatScript> script;
    if (path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                   : file.open(QIODevice::ReadOnly)) {
        script = ChatScript::parse(QString::fromUtf8(file.readAll()), &error);
        if (!script)
            error = QStringLiteral("%1: %2").arg(path, error);
    } else {
        error = tr("Cannot read the script %1: %2").arg(path, file.errorString());
    }
    if (!script || !document || document->ladder().tiers.isEmpty()) {
        AppController::instance()->setStartupError(
            !error.isEmpty() ? error : tr("--script needs a ladder file with tiers"));
        ScreenshotController::instance()->release(kScriptHold);
        return;
    }
    // Let the window finish loading (the document is opened by the window's onCompleted).
    const Ladder ladder = document->ladder();
    QMetaObject::invokeMethod(
        this,
        [this, s = *script, ladder, view] {
            runScript(s, ladder, s.compare ? QStringLiteral("compare") : view);
        },
        Qt::QueuedConnection);
}

bool Studio::runScript(const ChatScript &script, const Ladder &ladder, const QString &view)
{
    m_script = script;
    m_scriptView = view;
    m_scriptPos = 0;
    m_scriptRunning = true;
    emit scriptRunningChanged();
    setTimeScale(kScriptTimeScale);
    if (view == QLatin1String("compare")) {
        m_compare->clearColumns();
        m_compare->setShuffleSeed(7);
        m_compare->addLadder(ladder);
        const QStringList columns =
            script.columns.isEmpty() ? CompareModel::defaultVariants(ladder) : script.columns;
        for (const QString &c : std::as_const(columns))
            m_compare->addLadder(CompareModel::variantLadder(ladder, c));
        for (QObject *o : m_compare->columns()) {
            auto *c = static_cast<ChatSessionModel *>(o);
            c->setSeed(1);
            if (!script.faults.isEmpty())
                c->setFaults(script.faults);
        }
        m_compare->setBlind(script.blind);
        connect(m_compare, &CompareModel::allIdle, this, &Studio::sendNextScriptLine,
                Qt::QueuedConnection);
    } else {
        m_chat->setSeed(1);
        m_chat->setLadder(ladder);
        if (!script.faults.isEmpty())
            m_chat->setFaults(script.faults);
        connect(m_chat, &ChatSessionModel::idle, this, &Studio::sendNextScriptLine,
                Qt::QueuedConnection);
    }
    sendNextScriptLine();
    return true;
}

void Studio::sendNextScriptLine()
{
    if (!m_scriptRunning)
        return;
    const bool compare = m_scriptView == QLatin1String("compare");
    if (compare ? m_compare->busy() : m_chat->busy())
        return;
    if (m_scriptPos >= m_script.turns.size()) {
        finishScript();
        return;
    }
    const ChatScript::Line line = m_script.turns[m_scriptPos++];
    if (compare) {
        if (m_compare->send(line.text) == 0)
            finishScript();
    } else {
        m_chat->setManualTier(line.tier);
        if (!m_chat->send(line.text))
            finishScript();
    }
}

void Studio::finishScript()
{
    disconnect(m_compare, &CompareModel::allIdle, this, &Studio::sendNextScriptLine);
    disconnect(m_chat, &ChatSessionModel::idle, this, &Studio::sendNextScriptLine);
    for (const auto &[field, items] : std::as_const(m_script.memoryEdits))
        m_chat->memory()->setFieldText(field, items);
    for (const auto &[turn, value] : std::as_const(m_script.votes))
        m_chat->feedback()->vote(turn, value);
    if (m_script.select > 0)
        setSelectedTurn(m_script.select);
    if (m_store)
        m_store->sync();
    m_sessions->refresh();
    if (m_scriptView != QLatin1String("compare"))
        showCallsOf(m_chat->sessionId());
    m_scriptRunning = false;
    emit scriptRunningChanged();
    emit scriptFinished();
    ScreenshotController::instance()->release(kScriptHold);
}

} // namespace ladder
