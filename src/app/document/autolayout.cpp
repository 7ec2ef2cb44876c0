#include "autolayout.h"

#include "core/tier_price.h"
#include "graph.h"

#include <QMap>

#include <algorithm>

namespace ladder {

namespace {
constexpr double kColumnGap = 150;
constexpr double kRowGap = 56;

// Layers: breadth-first distance from the entry along forward edges. *anySource: some
// transition starts at "*".
QList<int> layersOf(const Ladder &ladder, const QHash<QString, int> &index, bool *anySource)
{
    const int n = int(ladder.tiers.size());
    QList<int> layer(n, -1);
    QList<QList<int>> forward(n);
    for (const Transition &t : ladder.transitions) {
        if (t.condition.type == Condition::Type::ReturnAfter)
            continue;
        const int to = index.value(t.to, -1);
        if (to < 0)
            continue;
        if (t.from == QLatin1String("*")) {
            *anySource = true;
            continue;
        }
        const int from = index.value(t.from, -1);
        if (from >= 0 && from != to)
            forward[from].append(to);
    }
    QList<int> queue;
    const int entry = index.value(ladder.entry, -1);
    if (entry >= 0) {
        layer[entry] = 0;
        queue.append(entry);
    }
    for (int head = 0; head < queue.size(); ++head) {
        const int cur = queue[head];
        for (int next : forward[cur]) {
            if (layer[next] < 0) {
                layer[next] = layer[cur] + 1;
                queue.append(next);
            }
        }
    }
    // Unreached tiers (targets of "*" edges, isolated ones): one layer after the deepest, or by
    // price rank when nothing is reachable.
    int deepest = 0;
    for (int l : layer)
        deepest = std::max(deepest, l);
    for (int i = 0; i < n; ++i) {
        if (layer[i] < 0) {
            // Reached from an unreached tier? Give it the next layer after its source if known.
            layer[i] = deepest + 1;
        }
    }
    return layer;
}

} // namespace

QHash<QString, QPointF> computeAutoLayout(const Ladder &ladder, const PricingTable &pricing)
{
    QHash<QString, QPointF> positions;
    const int n = int(ladder.tiers.size());
    QHash<QString, int> index;
    for (int i = 0; i < n; ++i)
        index.insert(ladder.tiers[i].id, i);

    bool anySource = false;
    const QList<int> layer = layersOf(ladder, index, &anySource);
    QMap<int, QList<int>> byLayer;
    for (int i = 0; i < n; ++i)
        byLayer[layer[i]].append(i);

    const QSizeF tierSize = nodeSize(NodeKind::Tier);
    const QSizeF smallSize = nodeSize(NodeKind::Entry);
    const double x0 = kLayoutLeft + smallSize.width() + kColumnGap * 0.7;
    double maxBottom = kLayoutTop + tierSize.height();
    int column = 0;
    for (auto it = byLayer.begin(); it != byLayer.end(); ++it, ++column) {
        QList<int> tiers = it.value();
        std::stable_sort(tiers.begin(), tiers.end(), [&](int a, int b) {
            return tierListPrice(ladder.tiers[a], pricing) >
                   tierListPrice(ladder.tiers[b], pricing);
        });
        // Very wide layers wrap into several columns so the canvas stays readable.
        constexpr int kMaxRows = 12;
        for (int r = 0; r < tiers.size(); ++r) {
            const int sub = r / kMaxRows;
            if (sub > 0 && r % kMaxRows == 0)
                ++column;
            const double x = x0 + column * (tierSize.width() + kColumnGap);
            const double y = kLayoutTop + (r % kMaxRows) * (tierSize.height() + kRowGap);
            positions.insert(ladder.tiers[tiers[r]].id, QPointF(x, y));
            maxBottom = std::max(maxBottom, y + tierSize.height());
        }
    }
    const double entryY = kLayoutTop + (tierSize.height() - smallSize.height()) / 2;
    positions.insert(QStringLiteral("entry"), QPointF(kLayoutLeft, entryY));
    if (anySource)
        positions.insert(QStringLiteral("any"),
                         QPointF(kLayoutLeft, entryY + tierSize.height() + kRowGap));

    // Memory and detectors in a row below the tiers.
    const double rowY = maxBottom + kRowGap * 2.2;
    const QSizeF detSize = nodeSize(NodeKind::Detector);
    positions.insert(QStringLiteral("memory"), QPointF(kLayoutLeft, rowY));
    double x = kLayoutLeft + nodeSize(NodeKind::Memory).width() + 40;
    for (const Detector &d : ladder.detectors) {
        positions.insert(d.id, QPointF(x, rowY));
        x += detSize.width() + 40;
    }
    return positions;
}

} // namespace ladder
