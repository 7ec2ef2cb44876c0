#pragma once

// One QUndoCommand class per user action on a LadderDocument. Semantic edits keep the ladder
// before and after (documents are small values; this makes undo exact, including the layout
// section, so undoing to the saved state gives the saved bytes back). Layout-only edits (move,
// align, auto-layout) keep just the `layout` section and update only the moved nodes' geometry.

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

class AddNodeCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class DeleteSelectionCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class ConnectCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class ReconnectCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class DeleteEdgeCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class DuplicateCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
};

class PasteCommand final : public LadderEditCommand
{
public:
    using LadderEditCommand::LadderEditCommand;
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

class AlignCommand final : public LayoutCommand
{
public:
    using LayoutCommand::LayoutCommand;
};

class AutoLayoutCommand final : public LayoutCommand
{
public:
    using LayoutCommand::LayoutCommand;
};

} // namespace ladder
