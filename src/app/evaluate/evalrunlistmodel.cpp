#include "evalrunlistmodel.h"

namespace ladder {

int EvalRunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

QVariant EvalRunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const eval::RunMetrics &m = m_runs.at(index.row());
    const auto pct = [](double v) {
        return QString::number(100.0 * v, 'f', 1) + QStringLiteral(" %");
    };
    switch (role) {
    case NameRole:
        return m.name;
    case KindRole:
        return m.kind;
    case QualityRole:
        if (!m.quality)
            return QStringLiteral("–");
        return m.qualityKind == QLatin1String("accuracy") ? pct(*m.quality)
                                                          : QString::number(*m.quality, 'f', 2);
    case CostRole:
        return (m.costIsUpperBound ? QStringLiteral("≤ $") : QStringLiteral("$")) +
               QString::number(m.costUsd, 'f', 4);
    case CostPerCaseRole:
        return QStringLiteral("$") + QString::number(m.costPerCaseUsd, 'f', 5);
    case StrongShareRole:
        return m.kind == QLatin1String("router") ? QStringLiteral("?") : pct(m.strongCallShare);
    case EscalationRole:
        return pct(m.escalationRate);
    case LatencyRole:
        return QStringLiteral("%1 / %2").arg(qRound(m.latencyP50Ms)).arg(qRound(m.latencyP95Ms));
    case ApproximateRole:
        return m.approximateTurns;
    case ParetoRole:
        return m_pareto.contains(index.row());
    case CasesRole:
        return m.cases;
    }
    return {};
}

QHash<int, QByteArray> EvalRunListModel::roleNames() const
{
    return {{NameRole, "name"},
            {KindRole, "kind"},
            {QualityRole, "quality"},
            {CostRole, "cost"},
            {CostPerCaseRole, "costPerCase"},
            {StrongShareRole, "strongShare"},
            {EscalationRole, "escalation"},
            {LatencyRole, "latency"},
            {ApproximateRole, "approximate"},
            {ParetoRole, "pareto"},
            {CasesRole, "cases"}};
}

void EvalRunListModel::setRuns(const QList<eval::RunMetrics> &runs, const QList<int> &pareto)
{
    beginResetModel();
    m_runs = runs;
    m_pareto = pareto;
    endResetModel();
}

} // namespace ladder
