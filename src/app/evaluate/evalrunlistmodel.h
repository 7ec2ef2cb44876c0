#pragma once

// The results table of the Evaluate area: one row per run (the ladders, the always:TIER
// baselines, the sweep points, the recorded routers) with its metrics.

#include "eval/metrics.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class EvalRunListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by EvaluateModel")
public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        KindRole,
        QualityRole, // text: "9.23" or "85.7 %"
        CostRole,    // text: "$2.4740" ("≤" for an upper bound)
        CostPerCaseRole,
        StrongShareRole,
        EscalationRole,
        LatencyRole, // "p50 / p95 ms"
        ApproximateRole,
        ParetoRole, // on the cost-quality front
        CasesRole,
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRuns(const QList<eval::RunMetrics> &runs, const QList<int> &pareto);
    const QList<eval::RunMetrics> &runs() const { return m_runs; }

private:
    QList<eval::RunMetrics> m_runs;
    QList<int> m_pareto;
};

} // namespace ladder
