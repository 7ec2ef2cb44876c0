#pragma once

// The studio's run-time state shared by the Chat, Compare, Insights and Audit areas: the one
// SQLite store (studio.sqlite in AppController::dataFolder(), or $LADDER_STUDIO_DB), the chat
// session, the comparison, the stored sessions and the audit browser's calls. `--script FILE` runs
// drive it from outside (automation/scriptrunner.h).

#include "audit/auditcallmodel.h"
#include "audit/auditsessionmodel.h"
#include "chat/chatsessionmodel.h"
#include "compare/comparemodel.h"
#include "store/response_cache.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ladder {

class Studio : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    Q_PROPERTY(ladder::ChatSessionModel *chat READ chat CONSTANT)
    Q_PROPERTY(ladder::CompareModel *compare READ compare CONSTANT)
    Q_PROPERTY(ladder::AuditSessionModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(ladder::AuditCallModel *calls READ calls CONSTANT)
    Q_PROPERTY(QString storePath READ storePath CONSTANT)
    Q_PROPERTY(QString storeError READ storeError NOTIFY storeErrorChanged)
    Q_PROPERTY(double timeScale READ timeScale WRITE setTimeScale NOTIFY timeScaleChanged)
    Q_PROPERTY(int selectedTurn READ selectedTurn WRITE setSelectedTurn NOTIFY selectedTurnChanged)
    // An automated run (automation/ScriptRunner) plays turns: its time scale is not remembered,
    // the session list is refreshed once at its end, and views leave the chat alone.
    Q_PROPERTY(bool unattended READ isUnattended NOTIFY unattendedChanged)

public:
    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit Studio(QObject *parent);
    ~Studio() override;

    static Studio *instance();
    static Studio *create(QQmlEngine *, QJSEngine *);

    // Opens `path` (created when missing). Called once by instance(); tests call it directly.
    bool openStore(const QString &path);

    ChatSessionModel *chat() const { return m_chat; }
    CompareModel *compare() const { return m_compare; }
    AuditSessionModel *sessions() const { return m_sessions; }
    AuditCallModel *calls() const { return m_calls; }
    QString storePath() const { return m_storePath; }
    QString storeError() const { return m_storeError; }
    double timeScale() const { return m_timeScale; }
    void setTimeScale(double scale);
    int selectedTurn() const { return m_selectedTurn; }
    void setSelectedTurn(int turn);
    bool isUnattended() const { return m_unattended; }
    void setUnattended(bool on);

    // Waits until the store's writer has written everything, then re-reads the session list.
    Q_INVOKABLE void refreshSessions();
    Q_INVOKABLE bool openSession(const QString &sessionId);
    Q_INVOKABLE bool deleteSession(const QString &sessionId);
    Q_INVOKABLE void showCallsOf(const QString &sessionId);

signals:
    void storeErrorChanged();
    void timeScaleChanged();
    void selectedTurnChanged();
    void unattendedChanged();

private:
    std::unique_ptr<AuditStore> m_store;
    std::unique_ptr<AuditReader> m_reader;
    std::unique_ptr<ResponseCache> m_cache;
    ChatSessionModel *m_chat;
    CompareModel *m_compare;
    AuditSessionModel *m_sessions;
    AuditCallModel *m_calls;
    QString m_storePath;
    QString m_storeError;
    double m_timeScale = 1.0;
    int m_selectedTurn = 0;
    bool m_unattended = false;
};

} // namespace ladder
