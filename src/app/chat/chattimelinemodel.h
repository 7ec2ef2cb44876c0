#pragma once

// The tier timeline of one chat: a row per turn (tier lane, colour, cost, and the escalation,
// handoff and fallback that happened on it). Lanes are the ladder's tiers, the most expensive
// model on top (price from PricingTable::builtin()).

#include "core/ladder.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

struct TimelineEntry {
    int turn = 0;
    QString tierId;
    QString model;
    double costUsd = 0;
    bool costKnown = true; // false: a model of the turn has no known price
    double latencyMs = 0;
    bool failed = false;
    QStringList escalations; // reasons
    QStringList handoffs;    // "from → to"
    QStringList fallbacks;   // "rate limited on X, answered by Y"
    QStringList stepDowns;   // budget_exceeded step-downs and switch-cost decisions (reasons)
};

class ChatTimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by a chat session")
    Q_PROPERTY(QVariantList lanes READ lanes NOTIFY lanesChanged)
    Q_PROPERTY(double maxCost READ maxCost NOTIFY maxCostChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        TurnRole = Qt::UserRole + 1,
        TierIdRole,
        TierLabelRole,
        ColorRole,
        LaneRole,
        ModelRole,
        CostRole,
        LatencyRole,
        FailedRole,
        EscalatedRole,
        HandoffRole,
        FallbackRole,
        MarkerTextRole,
        CostKnownRole,
        CostLabelRole, // "$0.0120", or "cost unknown" (Formatter)
        SteppedDownRole,
    };
    Q_ENUM(Roles)

    explicit ChatTimelineModel(QObject *parent = nullptr);

    // Tier ids ordered strongest (most expensive model) first.
    static QStringList laneOrder(const Ladder &ladder);

    void setLadder(const Ladder &ladder);
    void clear();
    void upsert(const TimelineEntry &entry);
    const QList<TimelineEntry> &entries() const { return m_entries; }

    QVariantList lanes() const { return m_lanes; } // built once per ladder: QML reads it often
    double maxCost() const { return m_maxCost; }
    Q_INVOKABLE int laneOf(const QString &tierId) const { return m_laneOrder.indexOf(tierId); }
    Q_INVOKABLE int rowOfTurn(int turn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void lanesChanged();
    void maxCostChanged();
    void countChanged();

private:
    void updateMaxCost();
    QVariantList makeLanes() const;

    Ladder m_ladder;
    QStringList m_laneOrder;
    QVariantList m_lanes;
    QList<TimelineEntry> m_entries;
    double m_maxCost = 0;
};

} // namespace ladder
