#include "chattimelinemodel.h"

#include "common/formatter.h"
#include "core/tier_price.h"

#include <algorithm>

namespace ladder {

ChatTimelineModel::ChatTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QStringList ChatTimelineModel::laneOrder(const Ladder &ladder)
{
    struct Lane {
        QString id;
        double price = 0;
        int index = 0;
    };
    QList<Lane> lanes;
    const PricingTable &pricing = PricingTable::builtin();
    for (int i = 0; i < ladder.tiers.size(); ++i)
        lanes.append({ladder.tiers[i].id, tierListPrice(ladder.tiers[i], pricing), i});
    std::stable_sort(lanes.begin(), lanes.end(),
                     [](const Lane &a, const Lane &b) { return a.price > b.price; });
    QStringList ids;
    for (const Lane &l : lanes)
        ids.append(l.id);
    return ids;
}

void ChatTimelineModel::setLadder(const Ladder &ladder)
{
    beginResetModel();
    m_ladder = ladder;
    m_laneOrder = laneOrder(ladder);
    m_lanes = makeLanes();
    endResetModel();
    emit lanesChanged();
}

void ChatTimelineModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    updateMaxCost();
    emit countChanged();
}

int ChatTimelineModel::rowOfTurn(int turn) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].turn == turn)
            return i;
    }
    return -1;
}

void ChatTimelineModel::upsert(const TimelineEntry &entry)
{
    const int row = rowOfTurn(entry.turn);
    if (row >= 0) {
        m_entries[row] = entry;
        emit dataChanged(index(row), index(row));
    } else {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
        m_entries.append(entry);
        endInsertRows();
        emit countChanged();
    }
    updateMaxCost();
}

void ChatTimelineModel::updateMaxCost()
{
    double max = 0;
    for (const TimelineEntry &e : std::as_const(m_entries))
        max = std::max(max, e.costUsd);
    if (max != m_maxCost) {
        m_maxCost = max;
        emit maxCostChanged();
    }
}

QVariantList ChatTimelineModel::makeLanes() const
{
    // By index, not Ladder::tier() per lane: that is a linear search (quadratic for 2,000 tiers).
    QHash<QString, qsizetype> index;
    index.reserve(m_ladder.tiers.size());
    for (qsizetype i = m_ladder.tiers.size() - 1; i >= 0; --i)
        index.insert(m_ladder.tiers[i].id, i); // the first of duplicate ids, as tier() finds
    QVariantList out;
    out.reserve(m_laneOrder.size());
    for (const QString &id : m_laneOrder) {
        const qsizetype i = index.value(id, -1);
        if (i < 0)
            continue;
        const Tier *t = &m_ladder.tiers[i];
        out.append(QVariantMap{{QStringLiteral("id"), t->id},
                               {QStringLiteral("label"), t->label.isEmpty() ? t->id : t->label},
                               {QStringLiteral("model"), t->model},
                               {QStringLiteral("color"), t->color}});
    }
    return out;
}

int ChatTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ChatTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry &e = m_entries[index.row()];
    const Tier *tier = m_ladder.tier(e.tierId);
    switch (role) {
    case TurnRole:
        return e.turn;
    case TierIdRole:
        return e.tierId;
    case TierLabelRole:
        return tier && !tier->label.isEmpty() ? tier->label : e.tierId;
    case ColorRole:
        return tier && !tier->color.isEmpty() ? tier->color : QStringLiteral("#8d96a3");
    case LaneRole:
        return laneOf(e.tierId);
    case ModelRole:
        return e.model;
    case CostRole:
        return e.costUsd;
    case CostKnownRole:
        return e.costKnown;
    case CostLabelRole:
        return formatCostLabel(e.costUsd, !e.costKnown);
    case LatencyRole:
        return e.latencyMs;
    case FailedRole:
        return e.failed;
    case EscalatedRole:
        return !e.escalations.isEmpty();
    case HandoffRole:
        return !e.handoffs.isEmpty();
    case FallbackRole:
        return !e.fallbacks.isEmpty();
    case SteppedDownRole:
        return !e.stepDowns.isEmpty();
    case MarkerTextRole: {
        QStringList lines;
        for (const QString &s : e.escalations)
            lines.append(tr("Escalated: %1").arg(s));
        for (const QString &s : e.fallbacks)
            lines.append(tr("Fallback: %1").arg(s));
        for (const QString &s : e.handoffs)
            lines.append(tr("Handoff: %1").arg(s));
        for (const QString &s : e.stepDowns)
            lines.append(tr("Routing: %1").arg(s));
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatTimelineModel::roleNames() const
{
    return {{TurnRole, "turn"},
            {TierIdRole, "tierId"},
            {TierLabelRole, "tierLabel"},
            {ColorRole, "tierColor"},
            {LaneRole, "lane"},
            {ModelRole, "model"},
            {CostRole, "cost"},
            {LatencyRole, "latency"},
            {FailedRole, "failed"},
            {EscalatedRole, "escalated"},
            {HandoffRole, "handoff"},
            {FallbackRole, "fallback"},
            {MarkerTextRole, "markerText"},
            {CostKnownRole, "costKnown"},
            {CostLabelRole, "costLabel"},
            {SteppedDownRole, "steppedDown"}};
}

} // namespace ladder
