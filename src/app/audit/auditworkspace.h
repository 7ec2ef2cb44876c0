#pragma once

// What the Audit area's view needs from the studio's workspace: the stored sessions, the calls of
// one of them, the store's error. `Studio` (shell) owns the store and implements it; the view gets
// it as a property (`AuditView { workspace: Studio }`), so the audit area never names the shell.

#include "auditcallmodel.h"
#include "auditsessionmodel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class AuditWorkspace : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the studio's workspace (Studio) implements it")
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    Q_PROPERTY(ladder::AuditSessionModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(ladder::AuditCallModel *calls READ calls CONSTANT)
    Q_PROPERTY(QString storeError READ storeError NOTIFY storeErrorChanged)
    // An automated run (shell/ScriptRunner) plays turns: its time scale is not remembered, the
    // session list is refreshed once at its end (its turns are then in the store), and views
    // leave the chat alone.
    Q_PROPERTY(bool unattended READ isUnattended NOTIFY unattendedChanged)

public:
    using QObject::QObject;

    virtual AuditSessionModel *sessions() const = 0;
    virtual AuditCallModel *calls() const = 0;
    virtual QString storeError() const = 0;
    virtual bool isUnattended() const = 0;

    // Waits until the store's writer has written everything, then re-reads the session list.
    Q_INVOKABLE virtual void refreshSessions() = 0;
    Q_INVOKABLE virtual void showCallsOf(const QString &sessionId) = 0;

signals:
    void storeErrorChanged();
    void unattendedChanged();
};

} // namespace ladder
