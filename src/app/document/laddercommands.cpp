#include "laddercommands.h"

#include "ladderdocument.h"

namespace ladder {

LadderEditCommand::LadderEditCommand(LadderDocument *doc, const QString &text, Ladder after,
                                     QSet<QString> selectAfter)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_before(doc->ladder())
    , m_after(std::move(after))
    , m_selectBefore(doc->selection()->keySet())
    , m_selectAfter(std::move(selectAfter))
{}

void LadderEditCommand::undo()
{
    m_doc->applyLadder(m_before);
    m_doc->selection()->setKeys(m_selectBefore);
}

void LadderEditCommand::redo()
{
    m_doc->applyLadder(m_after);
    m_doc->selection()->setKeys(m_selectAfter);
}

EditPropertyCommand::EditPropertyCommand(LadderDocument *doc, const QString &text, Ladder after,
                                         QSet<QString> selectAfter, QString mergeKey)
    : LadderEditCommand(doc, text, std::move(after), std::move(selectAfter))
    , m_mergeKey(std::move(mergeKey))
{}

bool EditPropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditPropertyCommand *>(other);
    if (edit->m_mergeKey != m_mergeKey || m_mergeKey.isEmpty())
        return false;
    m_after = edit->m_after;
    m_selectAfter = edit->m_selectAfter;
    return true;
}

LayoutCommand::LayoutCommand(LadderDocument *doc, const QString &text, QList<NodePosition> after)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_before(doc->ladder().layout)
    , m_after(std::move(after))
{}

void LayoutCommand::undo()
{
    m_doc->applyLayout(m_before);
}

void LayoutCommand::redo()
{
    m_doc->applyLayout(m_after);
}

MoveNodesCommand::MoveNodesCommand(LadderDocument *doc, const QString &text,
                                   QList<NodePosition> after, int dragSerial)
    : LayoutCommand(doc, text, std::move(after))
    , m_serial(dragSerial)
{}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (move->m_serial != m_serial)
        return false;
    m_after = move->m_after;
    return true;
}

} // namespace ladder
