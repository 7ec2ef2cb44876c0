// ChatMessageModel: the running totals and the chart series (Insights, Compare) over its rows.

#include "chatmessagemodel.h"

#include "common/formatter.h"

#include <QCoreApplication>

#include <algorithm>

namespace ladder {

namespace {
// [min, lower quartile, median, upper quartile, max] for a box plot; empty without values.
QVariantList boxOf(const QVariantList &values)
{
    QList<double> v;
    for (const QVariant &x : values)
        v.append(x.toDouble());
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    auto quantile = [&v](double q) {
        const double pos = q * double(v.size() - 1);
        const auto lo = qsizetype(pos);
        const qsizetype hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
    };
    return {v.constFirst(), quantile(0.25), quantile(0.5), quantile(0.75), v.constLast()};
}
} // namespace

QVariantMap ChatMessageModel::totals() const
{
    double cost = 0; // of the turns with a known price
    int costUnknown = 0;
    qint64 input = 0;
    qint64 output = 0;
    double latency = 0;
    int answered = 0;
    int failed = 0;
    int escalations = 0;
    int fallbacks = 0;
    int retries = 0;
    for (const Row &r : m_rows) {
        if (r.kind == QLatin1String("assistant")) {
            cost += r.cost;
            costUnknown += r.costKnown ? 0 : 1;
            input += r.inputTokens;
            output += r.outputTokens;
            if (r.status == QLatin1String("done")) {
                latency += r.latency;
                ++answered;
            } else if (r.status == QLatin1String("failed")) {
                ++failed;
            }
        } else if (r.notice == QLatin1String("escalation")) {
            ++escalations;
        } else if (r.notice == QLatin1String("fallback")) {
            ++fallbacks;
        } else if (r.notice == QLatin1String("retry")) {
            ++retries;
        }
    }
    return {{QStringLiteral("cost"), cost},
            {QStringLiteral("costUnknownTurns"), costUnknown},
            {QStringLiteral("costLabel"), formatCostLabel(cost, costUnknown > 0)},
            {QStringLiteral("inputTokens"), input},
            {QStringLiteral("outputTokens"), output},
            {QStringLiteral("tokens"), input + output},
            {QStringLiteral("meanLatency"), answered ? latency / answered : 0.0},
            {QStringLiteral("answered"), answered},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("escalations"), escalations},
            {QStringLiteral("fallbacks"), fallbacks},
            {QStringLiteral("retries"), retries},
            {QStringLiteral("turns"), m_turnCount}};
}

// {turns: [1, 2, ...], cost: [...], cumulativeCost: [...], cumulativeCostLabel: [...] (priced
//  turns only, "+ unknown" from the first turn without a price), ttft: [...], latency: [...],
//  tiers: [{id, label, color, input, output}], escalations, fallbacks, retries, costLegend}
QVariantMap ChatMessageModel::stats() const
{
    QVariantList turns;
    QVariantList cost;
    QVariantList cumulative;
    QVariantList cumulativeLabel;
    bool someUnknown = false;
    QVariantList ttft;
    QVariantList latency;
    QHash<QString, QPair<qint64, qint64>> byTier;
    double running = 0;
    for (const Row &r : m_rows) {
        if (r.kind != QLatin1String("assistant") ||
            (r.status != QLatin1String("done") && r.status != QLatin1String("failed")))
            continue;
        running += r.cost;
        turns.append(r.turn);
        cost.append(r.cost);
        cumulative.append(running);
        someUnknown = someUnknown || !r.costKnown;
        cumulativeLabel.append(formatCostLabel(running, someUnknown));
        if (r.status == QLatin1String("done")) {
            ttft.append(r.ttft);
            latency.append(r.latency);
        }
        auto &t = byTier[r.tierId];
        t.first += r.inputTokens;
        t.second += r.outputTokens;
    }
    QVariantList tiers;
    for (const QString &id : ChatTimelineModel::laneOrder(m_ladder)) {
        const auto t = byTier.value(id);
        tiers.append(QVariantMap{{QStringLiteral("id"), id},
                                 {QStringLiteral("label"), tierLabel(id)},
                                 {QStringLiteral("color"), tierColor(id)},
                                 {QStringLiteral("input"), t.first},
                                 {QStringLiteral("output"), t.second}});
    }
    QVariantMap out = totals();
    out.insert(QStringLiteral("ttftBox"), boxOf(ttft));
    out.insert(QStringLiteral("latencyBox"), boxOf(latency));
    out.insert(QStringLiteral("turnNumbers"), turns);
    out.insert(QStringLiteral("costPerTurn"), cost);
    out.insert(QStringLiteral("cumulativeCost"), cumulative);
    out.insert(QStringLiteral("cumulativeCostLabel"), cumulativeLabel);
    const int unknownTurns = out.value(QStringLiteral("costUnknownTurns")).toInt();
    const QString name = m_label.isEmpty() ? m_ladder.name : m_label;
    out.insert(QStringLiteral("costLegend"),
               unknownTurns > 0 ? QCoreApplication::translate("ladder::ChatSessionModel",
                                                              "%1 (turns of unknown cost: %2)")
                                      .arg(name)
                                      .arg(unknownTurns)
                                : name);
    out.insert(QStringLiteral("ttft"), ttft);
    out.insert(QStringLiteral("latency"), latency);
    out.insert(QStringLiteral("tiers"), tiers);
    out.insert(QStringLiteral("name"), m_label.isEmpty() ? m_ladder.name : m_label);
    return out;
}

} // namespace ladder
