#include "auditsessionmodel.h"

#include "common/formatter.h"

namespace ladder {

AuditSessionModel::AuditSessionModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void AuditSessionModel::refresh()
{
    beginResetModel();
    m_sessions = m_reader && m_reader->isOpen() ? m_reader->sessions() : QList<SessionSummary>();
    endResetModel();
    emit countChanged();
}

QString AuditSessionModel::idAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions[row].id : QString();
}

int AuditSessionModel::rowOf(const QString &sessionId) const
{
    for (int i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions[i].id == sessionId)
            return i;
    }
    return -1;
}

int AuditSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant AuditSessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionSummary &s = m_sessions[index.row()];
    switch (role) {
    case IdRole:
        return s.id;
    case TitleRole:
        return s.title.isEmpty() ? tr("Untitled chat") : s.title;
    case LadderRole:
        return s.ladderName;
    case CreatedRole:
        return s.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case CallsRole:
        return s.calls;
    case CostRole:
        return s.costUsd;
    case CostLabelRole:
        return formatCostLabel(s.costUsd, !s.costKnown);
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditSessionModel::roleNames() const
{
    return {{IdRole, "sessionId"},       {TitleRole, "title"}, {LadderRole, "ladderName"},
            {CreatedRole, "created"},    {CallsRole, "calls"}, {CostRole, "cost"},
            {CostLabelRole, "costLabel"}};
}

} // namespace ladder
