#pragma once

// The undo commands of a LadderDocument; the command's text names the user action. Semantic
// edits (add, delete, connect, paste, ...) are LadderEditCommands that keep the ladder before and
// after (documents are small values; this makes undo exact, including the layout section, so
// undoing to the saved state gives the saved bytes back). Layout-only edits (move, align,
// auto-layout) are LayoutCommands that keep just the `layout` section and update only the moved
// nodes' geometry. The two subclasses merge consecutive steps of one gesture.

#include "core/ladder.h"

#include <QSet>
#include <QString>
#include <QUndoCommand>

namespace ladder {

class LadderDocument;

enum CommandId {
    MoveCommandId = 1001,
    EditPropertyCommandId,
};

// Any edit of the ladder's content; the selection afterwards is `selectAfter`.
class LadderEditCommand : public QUndoCommand
{
public:
    LadderEditCommand(LadderDocument *doc, const QString &text, Ladder after,
                      QSet<QString> selectAfter);
    void undo() override;
    void redo() override;

protected:
    LadderDocument *m_doc;
    Ladder m_before;
    Ladder m_after;
    QSet<QString> m_selectBefore;
    QSet<QString> m_selectAfter;
};

// Typing in a field of the inspector merges into one step per element and field.
class EditPropertyCommand final : public LadderEditCommand
{
public:
    EditPropertyCommand(LadderDocument *doc, const QString &text, Ladder after,
                        QSet<QString> selectAfter, QString mergeKey);
    int id() const override { return EditPropertyCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    QString m_mergeKey;
};

// Moves nodes: align, auto-layout.
class LayoutCommand : public QUndoCommand
{
public:
    LayoutCommand(LadderDocument *doc, const QString &text, QList<NodePosition> after);
    void undo() override;
    void redo() override;

protected:
    LadderDocument *m_doc;
    QList<NodePosition> m_before;
    QList<NodePosition> m_after;
};

// Consecutive moves of one drag merge into a single step.
class MoveNodesCommand final : public LayoutCommand
{
public:
    MoveNodesCommand(LadderDocument *doc, const QString &text, QList<NodePosition> after,
                     int dragSerial);
    int id() const override { return MoveCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    int m_serial;
};

} // namespace ladder
