#include "studio.h"

#include "appcontroller.h"
#include "common/files.h"
#include "compare/preferencecases.h"
#include "settings/providersettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QSettings>

namespace ladder {

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
        if (!m_unattended)
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
    if (!m_unattended)
        QSettings().setValue(QStringLiteral("chat/timeScale"), scale);
    emit timeScaleChanged();
}

void Studio::setUnattended(bool on)
{
    if (m_unattended == on)
        return;
    m_unattended = on;
    emit unattendedChanged();
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

} // namespace ladder
