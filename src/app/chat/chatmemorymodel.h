#pragma once

// The handoff memory inspector's model: the nine fields of a session's memory (live), user edits
// as undoable commands (each edit is a version authored by "user", injected at the next handoff),
// the version history, field-by-field diffs and the memory as it was at a turn.

#include "engine/handoff_memory.h"

#include "engine/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QUndoStack>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ChatMemoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by a chat session")
    Q_PROPERTY(int version READ version NOTIFY memoryChanged)
    Q_PROPERTY(QString author READ author NOTIFY memoryChanged)
    Q_PROPERTY(int tokens READ tokens NOTIFY memoryChanged)
    Q_PROPERTY(int budget READ budget NOTIFY memoryChanged)
    Q_PROPERTY(bool overBudget READ overBudget NOTIFY memoryChanged)
    Q_PROPERTY(QVariantList versions READ versions NOTIFY memoryChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY memoryChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)

public:
    enum Roles { KeyRole = Qt::UserRole + 1, NameRole, ItemsRole, TextRole, ChangedRole };
    Q_ENUM(Roles)

    explicit ChatMemoryModel(QObject *parent = nullptr);
    ~ChatMemoryModel() override;

    // The session whose memory is shown and edited (none: an empty, read-only memory).
    void setSession(Session *session, int budgetTokens);
    Session *session() const { return m_session; }
    void refresh(); // after the session changed its memory (memory_updated)

    int version() const;
    QString author() const;
    int tokens() const;
    int budget() const { return m_budget; }
    bool overBudget() const { return tokens() > m_budget; }
    QVariantList versions() const;
    bool editable() const { return m_session != nullptr; }
    bool canUndo() const { return m_undo.canUndo(); }
    bool canRedo() const { return m_undo.canRedo(); }
    QUndoStack *undoStack() { return &m_undo; }

    // One item per line; blank lines are dropped. False when the key is unknown or nothing changed.
    Q_INVOKABLE bool setFieldText(const QString &key, const QString &text);
    Q_INVOKABLE void undo() { m_undo.undo(); }
    Q_INVOKABLE void redo() { m_undo.redo(); }
    // [{key, name, added: [...], removed: [...]}] for the fields that differ (versions 1-based;
    // 0 is the empty memory before any version).
    Q_INVOKABLE QVariantList diff(int fromVersion, int toVersion) const;
    // [{key, name, items}] of the memory as it was when `turn` was answered.
    Q_INVOKABLE QVariantList fieldsAtTurn(int turn) const;
    Q_INVOKABLE int versionAtTurn(int turn) const;

    static QString fieldName(MemoryField field); // translated, for the user
    static QStringList splitItems(const QString &text);
    static MemoryContent contentOf(const HandoffMemory &memory, int version);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void memoryChanged();
    void undoStateChanged();

private:
    const HandoffMemory *memory() const;

    QPointer<Session> m_session;
    HandoffMemory m_empty;
    QUndoStack m_undo;
    int m_budget = 600;
};

} // namespace ladder
