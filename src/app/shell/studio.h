#pragma once

// The studio's run-time state shared by the Chat, Compare, Insights and Audit areas: the one
// SQLite store (studio.sqlite in Files::dataFolder(), or $LADDER_STUDIO_DB), the chat
// session, the comparison, the stored sessions and the audit browser's calls. `--script FILE` runs
// drive it from outside (shell/scriptrunner.h).

#include "chat/chatworkspace.h"
#include "compare/comparemodel.h"
#include "store/response_cache.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ladder {

// Base qualified: Qt 6.4's qmltyperegistrar finds a base of another module by its full name.
class Studio : public ladder::ChatWorkspace
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    // chat, sessions, calls, storeError, timeScale, selectedTurn, unattended: ChatWorkspace
    // and AuditWorkspace, the parts the Chat and Audit views see.
    Q_PROPERTY(ladder::CompareModel *compare READ compare CONSTANT)
    Q_PROPERTY(QString storePath READ storePath CONSTANT)

public:
    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit Studio(QObject *parent);
    ~Studio() override;

    static Studio *instance();
    static Studio *create(QQmlEngine *, QJSEngine *);

    // Opens `path` (created when missing). Called once by instance(); tests call it directly.
    bool openStore(const QString &path);

    ChatSessionModel *chat() const override { return m_chat; }
    CompareModel *compare() const { return m_compare; }
    AuditSessionModel *sessions() const override { return m_sessions; }
    AuditCallModel *calls() const override { return m_calls; }
    QString storePath() const { return m_storePath; }
    QString storeError() const override { return m_storeError; }
    double timeScale() const override { return m_timeScale; }
    void setTimeScale(double scale) override;
    int selectedTurn() const override { return m_selectedTurn; }
    void setSelectedTurn(int turn) override;
    bool isUnattended() const override { return m_unattended; }
    void setUnattended(bool on);

    void refreshSessions() override;
    bool openSession(const QString &sessionId) override;
    bool deleteSession(const QString &sessionId) override;
    void showCallsOf(const QString &sessionId) override;
    bool runFrom(int turn, const QString &variant) override;

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
