#include "insightsmodel.h"

#include "chat/chatsessionmodel.h"
#include "common/formatter.h"
#include "compare/comparemodel.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace ladder {

namespace {

QList<double> numbers(const QVariant &list)
{
    QList<double> out;
    for (const QVariant &v : list.toList())
        out.append(v.toDouble());
    return out;
}

// A box plot's five numbers, zeros when the session has none.
QList<double> boxOrZeros(const QVariant &box)
{
    QList<double> five = numbers(box);
    return five.size() == 5 ? five : QList<double>(5, 0.0);
}

QVariantList variants(const QList<double> &values)
{
    QVariantList out;
    out.reserve(values.size());
    for (double v : values)
        out.append(v);
    return out;
}

QVariantList variants(const QList<int> &values)
{
    QVariantList out;
    out.reserve(values.size());
    for (int v : values)
        out.append(v);
    return out;
}

void addCostLines(InsightsCharts &c, const QList<QVariantMap> &stats)
{
    double maxCost = 0;
    for (const QVariantMap &s : stats) {
        InsightsCharts::CostLine line;
        line.legend = s.value(QStringLiteral("costLegend")).toString();
        line.unknownCostTurns = s.value(QStringLiteral("costUnknownTurns")).toInt();
        const qsizetype turns = s.value(QStringLiteral("turnNumbers")).toList().size();
        const QList<double> cumulative = numbers(s.value(QStringLiteral("cumulativeCost")));
        const QVariantList labels = s.value(QStringLiteral("cumulativeCostLabel")).toList();
        line.labels.append(formatCostLabel(0, false));
        for (qsizetype i = 0; i < turns; ++i) {
            line.cumulative.append(cumulative.value(i));
            line.labels.append(i < labels.size() ? labels[i].toString()
                                                 : formatCostLabel(0, false));
            maxCost = std::max(maxCost, cumulative.value(i));
        }
        c.costTurns = std::max(c.costTurns, int(turns));
        c.costLines.append(line);
    }
    c.costAxisMax = maxCost > 0 ? maxCost * 1.1 : 0.001;
}

void addLatencyBoxes(InsightsCharts &c, const QList<QVariantMap> &stats)
{
    double max = 0;
    for (const QVariantMap &s : stats) {
        const QList<double> ttft = boxOrZeros(s.value(QStringLiteral("ttftBox")));
        const QList<double> total = boxOrZeros(s.value(QStringLiteral("latencyBox")));
        max = std::max({max, total[4], ttft[4]});
        c.ttftBoxes.append(ttft);
        c.latencyBoxes.append(total);
    }
    c.latencyAxisMax = max > 0 ? max * 1.1 : 1000;
}

// One bar set per tier label (tiers of different ladders share a set by label; a label that
// comes twice in one ladder counts its first tier). Each set costs the chart a legend marker
// and a legend rebuild: beyond kMaxTokenSets, the tiers with fewest tokens share one set.
void addTokenSets(InsightsCharts &c, const QList<QVariantMap> &stats)
{
    QList<InsightsCharts::TokenSet> rows;
    QHash<QString, qsizetype> rowOf; // label -> row
    for (qsizetype i = 0; i < stats.size(); ++i) {
        QSet<QString> seen; // this ladder's labels
        for (const QVariant &tier : stats[i].value(QStringLiteral("tiers")).toList()) {
            const QVariantMap t = tier.toMap();
            const QString label = t.value(QStringLiteral("label")).toString();
            if (!rowOf.contains(label)) {
                InsightsCharts::TokenSet set;
                set.label = label;
                set.color = t.value(QStringLiteral("color"));
                set.values = QList<double>(stats.size(), 0.0);
                rowOf.insert(label, rows.size());
                rows.append(set);
            }
            if (seen.contains(label))
                continue;
            seen.insert(label);
            rows[rowOf.value(label)].values[i] = t.value(QStringLiteral("input")).toDouble() +
                                                 t.value(QStringLiteral("output")).toDouble();
        }
    }
    if (rows.size() > InsightsCharts::kMaxTokenSets) {
        const auto total = [](const InsightsCharts::TokenSet &r) {
            return std::accumulate(r.values.cbegin(), r.values.cend(), 0.0);
        };
        QList<qsizetype> ranked(rows.size());
        std::iota(ranked.begin(), ranked.end(), 0);
        std::stable_sort(ranked.begin(), ranked.end(),
                         [&](qsizetype a, qsizetype b) { return total(rows[a]) > total(rows[b]); });
        QList<qsizetype> kept = ranked.mid(0, InsightsCharts::kMaxTokenSets - 1);
        std::sort(kept.begin(), kept.end());
        InsightsCharts::TokenSet other;
        other.other = true;
        other.label = QCoreApplication::translate("ladder::InsightsModel", "%1 other tiers")
                          .arg(rows.size() - kept.size());
        other.values = QList<double>(stats.size(), 0.0);
        for (qsizetype r : ranked.mid(InsightsCharts::kMaxTokenSets - 1)) {
            for (qsizetype i = 0; i < stats.size(); ++i)
                other.values[i] += rows[r].values[i];
        }
        QList<InsightsCharts::TokenSet> folded;
        for (qsizetype r : std::as_const(kept))
            folded.append(rows[r]);
        folded.append(other);
        rows = folded;
    }
    QList<double> sums(stats.size(), 0.0);
    for (const auto &r : std::as_const(rows)) {
        for (qsizetype i = 0; i < stats.size(); ++i)
            sums[i] += r.values[i];
    }
    const double max = sums.isEmpty() ? 0 : *std::max_element(sums.cbegin(), sums.cend());
    c.tokenSets = rows;
    c.tokenAxisMax = max > 0 ? max * 1.1 : 100;
}

void addEvents(InsightsCharts &c, const QList<QVariantMap> &stats)
{
    int max = 1;
    for (const QVariantMap &s : stats) {
        c.escalations.append(s.value(QStringLiteral("escalations")).toInt());
        c.fallbacks.append(s.value(QStringLiteral("fallbacks")).toInt());
        c.retries.append(s.value(QStringLiteral("retries")).toInt());
        c.failed.append(s.value(QStringLiteral("failed")).toInt());
        max = std::max(
            {max, c.escalations.last(), c.fallbacks.last(), c.retries.last(), c.failed.last()});
    }
    c.eventAxisMax = max + 1;
}

} // namespace

InsightsCharts InsightsCharts::aggregate(const QList<QVariantMap> &stats)
{
    InsightsCharts c;
    for (const QVariantMap &s : stats)
        c.names.append(s.value(QStringLiteral("name")).toString());
    addCostLines(c, stats);
    addLatencyBoxes(c, stats);
    addTokenSets(c, stats);
    addEvents(c, stats);
    return c;
}

InsightsModel::InsightsModel(QObject *parent)
    : QObject(parent)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &InsightsModel::refresh);
}

void InsightsModel::setSource(const QString &source)
{
    if (m_source == source)
        return;
    m_source = source;
    emit sourceChanged();
    refresh();
}

void InsightsModel::setChat(ChatSessionModel *chat)
{
    if (m_chat == chat)
        return;
    if (m_chat)
        disconnect(m_chat, nullptr, this, nullptr);
    m_chat = chat;
    if (chat) {
        const auto changedHere = [this] {
            if (!showsCompare())
                refreshSoon();
        };
        connect(chat, &ChatMessageModel::statsChanged, this, changedHere);
        connect(chat, &ChatSessionModel::ladderChanged, this, changedHere);
    }
    emit inputsChanged();
}

void InsightsModel::setCompare(CompareModel *compare)
{
    if (m_compare == compare)
        return;
    if (m_compare)
        disconnect(m_compare, nullptr, this, nullptr);
    m_compare = compare;
    if (compare) {
        const auto changedHere = [this] {
            if (showsCompare())
                refreshSoon();
        };
        connect(compare, &CompareModel::statsChanged, this, changedHere);
        connect(compare, &CompareModel::columnsChanged, this, changedHere);
    }
    emit inputsChanged();
}

void InsightsModel::refreshSoon()
{
    m_refreshTimer.start();
}

void InsightsModel::refresh()
{
    m_refreshTimer.stop();
    QList<QVariantMap> stats;
    if (showsCompare()) {
        if (m_compare) {
            for (QObject *column : m_compare->columns())
                stats.append(static_cast<ChatSessionModel *>(column)->stats());
        }
    } else if (m_chat && m_chat->hasLadder()) {
        stats.append(m_chat->stats());
    }
    m_charts = InsightsCharts::aggregate(stats);
    emit changed();
}

void InsightsModel::showWhatRan()
{
    if (m_compare && m_chat && m_compare->count() > 0 && m_chat->turnCount() == 0)
        setSource(QStringLiteral("compare"));
    refresh();
}

QString InsightsModel::summary() const
{
    return m_charts.names.join(QStringLiteral(" · "));
}

QVariantList InsightsModel::costLines() const
{
    QVariantList out;
    for (const InsightsCharts::CostLine &l : m_charts.costLines)
        out.append(QVariantMap{{QStringLiteral("legend"), l.legend},
                               {QStringLiteral("cumulative"), variants(l.cumulative)},
                               {QStringLiteral("labels"), l.labels},
                               {QStringLiteral("unknownCostTurns"), l.unknownCostTurns}});
    return out;
}

QVariantList InsightsModel::latencyBoxes() const
{
    QVariantList out;
    for (qsizetype i = 0; i < m_charts.names.size(); ++i)
        out.append(
            QVariantMap{{QStringLiteral("name"), m_charts.names[i]},
                        {QStringLiteral("ttft"), variants(m_charts.ttftBoxes.value(i))},
                        {QStringLiteral("total"), variants(m_charts.latencyBoxes.value(i))}});
    return out;
}

QVariantList InsightsModel::tokenSets() const
{
    QVariantList out;
    for (const InsightsCharts::TokenSet &s : m_charts.tokenSets)
        out.append(QVariantMap{{QStringLiteral("label"), s.label},
                               {QStringLiteral("color"), s.color},
                               {QStringLiteral("other"), s.other},
                               {QStringLiteral("values"), variants(s.values)}});
    return out;
}

QVariantMap InsightsModel::events() const
{
    return {{QStringLiteral("escalations"), variants(m_charts.escalations)},
            {QStringLiteral("fallbacks"), variants(m_charts.fallbacks)},
            {QStringLiteral("retries"), variants(m_charts.retries)},
            {QStringLiteral("failed"), variants(m_charts.failed)}};
}

} // namespace ladder
