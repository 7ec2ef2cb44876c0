#pragma once

// What the Chat area's views need from the studio's workspace: the one chat session, the stored
// sessions (open, delete), the selected turn, the streaming speed, "Run from here" (a comparison:
// Compare depends on Chat, so the workspace does it); whether an automated run (`--script`) is
// playing turns comes from AuditWorkspace. `Studio` (shell)
// implements it; ChatView gets it as a property (`ChatView { workspace: Studio }`).

#include "audit/auditworkspace.h"
#include "chatsessionmodel.h"

#include <QtQml/qqmlregistration.h>

namespace ladder {

// Base qualified: Qt 6.4's qmltyperegistrar finds a base of another module by its full name.
class ChatWorkspace : public ladder::AuditWorkspace
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the studio's workspace (Studio) implements it")
    Q_PROPERTY(ladder::ChatSessionModel *chat READ chat CONSTANT)
    Q_PROPERTY(double timeScale READ timeScale WRITE setTimeScale NOTIFY timeScaleChanged)
    Q_PROPERTY(int selectedTurn READ selectedTurn WRITE setSelectedTurn NOTIFY selectedTurnChanged)

public:
    using AuditWorkspace::AuditWorkspace;

    virtual ChatSessionModel *chat() const = 0;
    virtual double timeScale() const = 0;
    virtual void setTimeScale(double scale) = 0;
    virtual int selectedTurn() const = 0;
    virtual void setSelectedTurn(int turn) = 0;

    Q_INVOKABLE virtual bool openSession(const QString &sessionId) = 0;
    Q_INVOKABLE virtual bool deleteSession(const QString &sessionId) = 0;
    // "Run from here": the chat's turns up to `turn` replayed side by side with `variant`.
    Q_INVOKABLE virtual bool runFrom(int turn, const QString &variant) = 0;

signals:
    void timeScaleChanged();
    void selectedTurnChanged();
};

} // namespace ladder
