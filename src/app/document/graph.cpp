#include "graph.h"

#include "core/tier_price.h"

#include <QCoreApplication>
#include <QLineF>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace ladder {

namespace {

// Translation context of the graph's labels.
class Graph
{
    Q_DECLARE_TR_FUNCTIONS(Graph)
};

// Long signal lists are shortened so edge labels stay readable on the canvas.
QString joinShort(const QStringList &parts, const QString &separator)
{
    if (parts.size() <= 2)
        return parts.join(separator);
    return parts.mid(0, 2).join(QStringLiteral(", ")) +
           QStringLiteral(" +%1").arg(parts.size() - 2);
}

constexpr double kColumnGap = 150;
constexpr double kRowGap = 56;
constexpr double kLeft = 40;
constexpr double kTop = 40;

} // namespace

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Entry:
        return QStringLiteral("entry");
    case NodeKind::Any:
        return QStringLiteral("any");
    case NodeKind::Tier:
        return QStringLiteral("tier");
    case NodeKind::Detector:
        return QStringLiteral("detector");
    case NodeKind::Memory:
        return QStringLiteral("memory");
    }
    return {};
}

std::optional<NodeKind> nodeKindFromName(const QString &name)
{
    for (NodeKind k :
         {NodeKind::Entry, NodeKind::Any, NodeKind::Tier, NodeKind::Detector, NodeKind::Memory}) {
        if (nodeKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QSizeF nodeSize(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Entry:
    case NodeKind::Any:
        return {120, 44};
    case NodeKind::Tier:
        return {240, 104};
    case NodeKind::Detector:
        return {220, 84};
    case NodeKind::Memory:
        return {240, 84};
    }
    return {100, 50};
}

QString nodeKey(NodeKind kind, const QString &id)
{
    switch (kind) {
    case NodeKind::Tier:
        return QStringLiteral("tier:") + id;
    case NodeKind::Detector:
        return QStringLiteral("detector:") + id;
    default:
        return nodeKindName(kind);
    }
}

QString layoutIdOfKey(const QString &key)
{
    const int colon = key.indexOf(QLatin1Char(':'));
    return colon < 0 ? key : key.mid(colon + 1);
}

QString edgeKeyOfTransition(int index)
{
    return QStringLiteral("t:%1").arg(index);
}

int transitionIndexOfEdgeKey(const QString &key)
{
    if (!key.startsWith(QLatin1String("t:")))
        return -1;
    bool ok = false;
    const int i = key.mid(2).toInt(&ok);
    return ok ? i : -1;
}

QString signalLabel(PreSignal s)
{
    switch (s) {
    case PreSignal::GoalChange:
        return Graph::tr("goal change");
    case PreSignal::ConstraintConflict:
        return Graph::tr("constraint conflict");
    case PreSignal::MissingInfo:
        return Graph::tr("missing info");
    case PreSignal::HighStakes:
        return Graph::tr("high stakes");
    case PreSignal::DeepDebugging:
        return Graph::tr("deep debugging");
    case PreSignal::Classification:
        return Graph::tr("classification");
    case PreSignal::ManualPick:
        return Graph::tr("manual pick");
    case PreSignal::BudgetExceeded:
        return Graph::tr("budget exceeded");
    case PreSignal::NeedsStrong:
        return Graph::tr("needs strong");
    }
    return {};
}

QString signalLabel(PostSignal s)
{
    switch (s) {
    case PostSignal::EscalateTool:
        return Graph::tr("escalate tool");
    case PostSignal::Refusal:
        return Graph::tr("refusal");
    case PostSignal::LowConfidence:
        return Graph::tr("low confidence");
    case PostSignal::EmptyAnswer:
        return Graph::tr("empty answer");
    case PostSignal::FormatViolation:
        return Graph::tr("format violation");
    }
    return {};
}

QString failureLabel(FailureKind k)
{
    switch (k) {
    case FailureKind::RateLimited:
        return Graph::tr("rate limit");
    case FailureKind::QuotaExhausted:
        return Graph::tr("quota exhausted");
    case FailureKind::Unavailable:
        return Graph::tr("unavailable");
    case FailureKind::Timeout:
        return Graph::tr("timeout");
    case FailureKind::Auth:
        return Graph::tr("auth error");
    case FailureKind::BadRequest:
        return Graph::tr("bad request");
    case FailureKind::Network:
        return Graph::tr("network error");
    case FailureKind::Protocol:
        return Graph::tr("protocol error");
    case FailureKind::Truncated:
        return Graph::tr("truncated");
    case FailureKind::Cancelled:
        return Graph::tr("cancelled");
    }
    return {};
}

QString conditionLabel(const Condition &c)
{
    const QString orWord = Graph::tr(" or ");
    switch (c.type) {
    case Condition::Type::AfterTurns:
        return c.turns == 1 ? Graph::tr("after 1 turn") : Graph::tr("after %1 turns").arg(c.turns);
    case Condition::Type::ReturnAfter:
        return c.turns == 1 ? Graph::tr("return after 1 turn")
                            : Graph::tr("return after %1 turns").arg(c.turns);
    case Condition::Type::OnSignal: {
        QStringList parts;
        for (PreSignal s : c.preSignals) {
            if (s == PreSignal::Classification && !c.labels.isEmpty())
                parts.append(Graph::tr("label %1").arg(c.labels.join(QStringLiteral(", "))));
            else
                parts.append(signalLabel(s));
        }
        if (parts.isEmpty())
            return Graph::tr("on signal");
        return Graph::tr("on %1").arg(joinShort(parts, orWord));
    }
    case Condition::Type::PostTurn: {
        QStringList parts;
        for (PostSignal s : c.postSignals) {
            if (s == PostSignal::LowConfidence)
                parts.append(Graph::tr("confidence < %1").arg(c.confidenceBelow));
            else if (s == PostSignal::Refusal)
                parts.append(Graph::tr("on refusal"));
            else
                parts.append(signalLabel(s));
        }
        return parts.isEmpty() ? Graph::tr("after answer") : joinShort(parts, orWord);
    }
    case Condition::Type::OnFailure: {
        QStringList parts;
        for (FailureKind k : c.failures)
            parts.append(failureLabel(k));
        if (parts.isEmpty())
            return Graph::tr("on failure");
        return Graph::tr("on %1").arg(joinShort(parts, orWord));
    }
    }
    return {};
}

EdgeGeometry computeEdgeGeometry(const QRectF &from, const QRectF &to, int lane, int laneCount)
{
    EdgeGeometry g;
    const double spread = (lane - (laneCount - 1) / 2.0) * 22.0;
    if (from == to) {
        // Self loop above the node.
        const double x = from.center().x() + spread;
        g.p0 = {from.right() - 30, from.top()};
        g.p3 = {from.left() + 30, from.top()};
        g.c1 = {from.right() + 10, from.top() - 90 - std::abs(spread)};
        g.c2 = {from.left() - 10, from.top() - 90 - std::abs(spread)};
        Q_UNUSED(x);
    } else if (to.left() >= from.right() + 20) {
        g.p0 = {from.right(), from.center().y() + spread};
        g.p3 = {to.left(), to.center().y() + spread};
        const double dx = std::max(50.0, (g.p3.x() - g.p0.x()) / 2.0);
        g.c1 = {g.p0.x() + dx, g.p0.y()};
        g.c2 = {g.p3.x() - dx, g.p3.y()};
    } else if (from.left() >= to.right() + 20) {
        // Backwards: leave from the bottom, arrive at the bottom, bowing below both nodes.
        g.p0 = {from.center().x() + spread, from.bottom()};
        g.p3 = {to.center().x() + spread, to.bottom()};
        const double bow =
            70 + std::abs(spread) * 2 + std::min(160.0, std::abs(g.p0.x() - g.p3.x()) / 6.0);
        const double y = std::max(g.p0.y(), g.p3.y()) + bow;
        g.c1 = {g.p0.x(), y};
        g.c2 = {g.p3.x(), y};
    } else {
        // Overlapping columns: vertical connection.
        const bool down = to.center().y() >= from.center().y();
        g.p0 = {from.center().x() + spread, down ? from.bottom() : from.top()};
        g.p3 = {to.center().x() + spread, down ? to.top() : to.bottom()};
        const double dy = std::max(40.0, std::abs(g.p3.y() - g.p0.y()) / 2.0);
        g.c1 = {g.p0.x() + spread, g.p0.y() + (down ? dy : -dy)};
        g.c2 = {g.p3.x() + spread, g.p3.y() + (down ? -dy : dy)};
    }
    g.label = bezierPoint(g, 0.5);

    QPointF dir = g.p3 - g.c2;
    double len = std::hypot(dir.x(), dir.y());
    if (len < 1e-6) {
        dir = g.p3 - g.p0;
        len = std::max(1e-6, std::hypot(dir.x(), dir.y()));
    }
    dir /= len;
    const QPointF normal(-dir.y(), dir.x());
    const double arrowLength = 11;
    const double arrowWidth = 5.5;
    const QPointF base = g.p3 - dir * arrowLength;
    g.arrowLeft = base + normal * arrowWidth;
    g.arrowRight = base - normal * arrowWidth;
    return g;
}

QStringList listeningDetectors(const Ladder &ladder, const Transition &transition)
{
    const Condition &c = transition.condition;
    QStringList keys;
    if (c.type != Condition::Type::OnSignal)
        return keys;
    for (const Detector &d : ladder.detectors) {
        bool feeds = false;
        if (d.kind == Detector::Kind::Lexicon || d.kind == Detector::Kind::Learned) {
            feeds = c.preSignals.contains(d.signal);
        } else if (c.preSignals.contains(PreSignal::Classification)) {
            feeds = c.labels.isEmpty() ||
                    std::any_of(d.labels.cbegin(), d.labels.cend(),
                                [&c](const auto &label) { return c.labels.contains(label.first); });
        }
        const QString key = nodeKey(NodeKind::Detector, d.id);
        if (feeds && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

EdgeGeometry computeLinkGeometry(const QRectF &detector, const QPointF &target)
{
    EdgeGeometry g;
    const QPointF d = target - detector.center();
    // Leave by the side facing the target: left or right when it lies more beside than above or
    // below, top or bottom otherwise; the curve starts and ends along that direction.
    const bool sideways =
        std::abs(d.x()) - detector.width() / 2 > std::abs(d.y()) - detector.height() / 2;
    g.p3 = target;
    if (sideways) {
        const double inset = std::min(10.0, detector.height() / 2);
        const double sign = d.x() < 0 ? -1 : 1;
        g.p0 = {sign < 0 ? detector.left() : detector.right(),
                std::clamp(target.y(), detector.top() + inset, detector.bottom() - inset)};
        const double dx = std::max(30.0, std::abs(g.p3.x() - g.p0.x()) / 2.0) * sign;
        g.c1 = {g.p0.x() + dx, g.p0.y()};
        g.c2 = {g.p3.x() - dx, g.p3.y()};
    } else {
        const double inset = std::min(16.0, detector.width() / 2);
        const double sign = d.y() < 0 ? -1 : 1;
        g.p0 = {std::clamp(target.x(), detector.left() + inset, detector.right() - inset),
                sign < 0 ? detector.top() : detector.bottom()};
        const double dy = std::max(30.0, std::abs(g.p3.y() - g.p0.y()) / 2.0) * sign;
        g.c1 = {g.p0.x(), g.p0.y() + dy};
        g.c2 = {g.p3.x(), g.p3.y() - dy};
    }
    g.label = bezierPoint(g, 0.5);
    g.arrowLeft = g.arrowRight = g.p3;
    return g;
}

QPointF bezierPoint(const EdgeGeometry &g, double t)
{
    const double u = 1 - t;
    return u * u * u * g.p0 + 3 * u * u * t * g.c1 + 3 * u * t * t * g.c2 + t * t * t * g.p3;
}

QPointF bezierTangent(const EdgeGeometry &g, double t)
{
    const double u = 1 - t;
    return 3 * u * u * (g.c1 - g.p0) + 6 * u * t * (g.c2 - g.c1) + 3 * t * t * (g.p3 - g.c2);
}

QList<QPointF> flattenEdge(const EdgeGeometry &g, int segments)
{
    QList<QPointF> points;
    points.reserve(segments + 1);
    for (int i = 0; i <= segments; ++i)
        points.append(bezierPoint(g, double(i) / segments));
    return points;
}

double distanceToPolyline(const QList<QPointF> &polyline, const QPointF &point)
{
    double best = qInf();
    for (int i = 1; i < polyline.size(); ++i) {
        const QPointF a = polyline[i - 1];
        const QPointF ab = polyline[i] - a;
        const double lengthSquared = QPointF::dotProduct(ab, ab);
        const double t =
            lengthSquared > 0
                ? std::clamp(QPointF::dotProduct(point - a, ab) / lengthSquared, 0.0, 1.0)
                : 0.0;
        const QPointF d = point - (a + t * ab);
        best = std::min(best, std::hypot(d.x(), d.y()));
    }
    return best;
}

namespace {

constexpr double kLabelCell = 128;
constexpr double kNodeClearance = 6;  // labels keep this far from node borders
constexpr double kLabelClearance = 3; // and this far from each other

template <typename Visit> void forCells(const QRectF &rect, Visit visit)
{
    const int x1 = int(std::floor(rect.left() / kLabelCell));
    const int x2 = int(std::floor(rect.right() / kLabelCell));
    const int y1 = int(std::floor(rect.top() / kLabelCell));
    const int y2 = int(std::floor(rect.bottom() / kLabelCell));
    for (int x = x1; x <= x2; ++x) {
        for (int y = y1; y <= y2; ++y)
            visit((quint64(quint32(x)) << 32) | quint32(y));
    }
}

} // namespace

void LabelPlacer::insert(Grid &grid, const QRectF &rect)
{
    forCells(rect, [&](quint64 cell) { grid[cell].append(rect); });
}

double LabelPlacer::overlap(const Grid &grid, const QRectF &rect)
{
    double area = 0;
    QList<QRectF> seen; // a box spanning several cells counts once
    forCells(rect, [&](quint64 cell) {
        const auto it = grid.constFind(cell);
        if (it == grid.constEnd())
            return;
        for (const QRectF &other : it.value()) {
            const QRectF common = rect.intersected(other);
            if (common.isEmpty() || seen.contains(other))
                continue;
            seen.append(other);
            area += common.width() * common.height();
        }
    });
    return area;
}

void LabelPlacer::addObstacle(const QRectF &rect)
{
    insert(m_obstacles,
           rect.adjusted(-kNodeClearance, -kNodeClearance, kNodeClearance, kNodeClearance));
}

QRectF LabelPlacer::place(const EdgeGeometry &g, const QSizeF &size)
{
    // Nearest to the midpoint first; on the curve before beside it.
    static constexpr double kPositions[] = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82};
    static constexpr double kOffsets[] = {0, 1, -1, 2, -2};
    QRectF best;
    double bestOverlap = qInf();
    for (double offset : kOffsets) {
        for (double t : kPositions) {
            QPointF tangent = bezierTangent(g, t);
            const double length = std::hypot(tangent.x(), tangent.y());
            tangent = length > 1e-6 ? tangent / length : QPointF(1, 0);
            const QPointF normal(-tangent.y(), tangent.x());
            // Far enough along the normal for the box to clear the curve.
            const double reach = std::abs(normal.x()) * size.width() / 2 +
                                 std::abs(normal.y()) * size.height() / 2 + 4;
            const QPointF centre = bezierPoint(g, t) + normal * (offset * reach);
            const QRectF box(centre - QPointF(size.width() / 2, size.height() / 2), size);
            const QRectF padded =
                box.adjusted(-kLabelClearance, -kLabelClearance, kLabelClearance, kLabelClearance);
            const double covered = overlap(m_obstacles, padded) + overlap(m_labels, padded);
            if (covered < bestOverlap) {
                best = box;
                bestOverlap = covered;
            }
            if (covered == 0)
                break;
        }
        if (bestOverlap == 0)
            break;
    }
    insert(m_labels,
           best.adjusted(-kLabelClearance, -kLabelClearance, kLabelClearance, kLabelClearance));
    return best;
}

void LabelPlacer::remove(const QRectF &placed)
{
    const QRectF padded =
        placed.adjusted(-kLabelClearance, -kLabelClearance, kLabelClearance, kLabelClearance);
    forCells(padded, [&](quint64 cell) {
        auto it = m_labels.find(cell);
        if (it == m_labels.end())
            return;
        it->removeOne(padded);
        if (it->isEmpty())
            m_labels.erase(it);
    });
}

QHash<QString, QPointF> computeAutoLayout(const Ladder &ladder, const PricingTable &pricing)
{
    QHash<QString, QPointF> positions;
    const int n = int(ladder.tiers.size());
    QHash<QString, int> index;
    for (int i = 0; i < n; ++i)
        index.insert(ladder.tiers[i].id, i);

    // Layers: breadth-first distance from the entry along forward edges.
    QList<int> layer(n, -1);
    QList<QList<int>> forward(n);
    bool anySource = false;
    for (const Transition &t : ladder.transitions) {
        if (t.condition.type == Condition::Type::ReturnAfter)
            continue;
        const int to = index.value(t.to, -1);
        if (to < 0)
            continue;
        if (t.from == QLatin1String("*")) {
            anySource = true;
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
    QMap<int, QList<int>> byLayer;
    for (int i = 0; i < n; ++i)
        byLayer[layer[i]].append(i);

    const QSizeF tierSize = nodeSize(NodeKind::Tier);
    const QSizeF smallSize = nodeSize(NodeKind::Entry);
    const double x0 = kLeft + smallSize.width() + kColumnGap * 0.7;
    double maxBottom = kTop + tierSize.height();
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
            const double y = kTop + (r % kMaxRows) * (tierSize.height() + kRowGap);
            positions.insert(ladder.tiers[tiers[r]].id, QPointF(x, y));
            maxBottom = std::max(maxBottom, y + tierSize.height());
        }
    }
    const double entryY = kTop + (tierSize.height() - smallSize.height()) / 2;
    positions.insert(QStringLiteral("entry"), QPointF(kLeft, entryY));
    if (anySource)
        positions.insert(QStringLiteral("any"),
                         QPointF(kLeft, entryY + tierSize.height() + kRowGap));

    // Memory and detectors in a row below the tiers.
    const double rowY = maxBottom + kRowGap * 2.2;
    const QSizeF detSize = nodeSize(NodeKind::Detector);
    positions.insert(QStringLiteral("memory"), QPointF(kLeft, rowY));
    double x = kLeft + nodeSize(NodeKind::Memory).width() + 40;
    for (const Detector &d : ladder.detectors) {
        positions.insert(d.id, QPointF(x, rowY));
        x += detSize.width() + 40;
    }
    return positions;
}

LadderGraph LadderGraph::build(const Ladder &ladder, const PricingTable &pricing)
{
    LadderGraph graph;
    QHash<QString, QPointF> stored;
    for (const NodePosition &p : ladder.layout)
        stored.insert(p.id, p.pos);
    QHash<QString, QPointF> fallback;
    bool fallbackComputed = false;
    auto position = [&](const QString &layoutId) {
        auto it = stored.constFind(layoutId);
        if (it != stored.constEnd())
            return it.value();
        if (!fallbackComputed) {
            fallback = computeAutoLayout(ladder, pricing);
            fallbackComputed = true;
        }
        return fallback.value(layoutId, QPointF(kLeft, kTop));
    };
    QSet<QString> placedByDefault;
    auto addNode = [&](NodeKind kind, const QString &id, int index) {
        GraphNode node;
        node.kind = kind;
        node.id = id;
        node.index = index;
        node.key = nodeKey(kind, id);
        node.size = nodeSize(kind);
        node.pos = position(layoutIdOfKey(node.key));
        if (!stored.contains(layoutIdOfKey(node.key)))
            placedByDefault.insert(node.key);
        if (graph.nodeRow.contains(node.key))
            return; // duplicate id: reported by validation, drawn once
        graph.nodeRow.insert(node.key, int(graph.nodes.size()));
        graph.nodes.append(node);
    };

    addNode(NodeKind::Entry, {}, -1);
    bool anySource = false;
    for (const Transition &t : ladder.transitions)
        anySource = anySource || t.from == QLatin1String("*");
    if (anySource)
        addNode(NodeKind::Any, {}, -1);
    for (int i = 0; i < ladder.tiers.size(); ++i)
        addNode(NodeKind::Tier, ladder.tiers[i].id, i);
    for (int i = 0; i < ladder.detectors.size(); ++i)
        addNode(NodeKind::Detector, ladder.detectors[i].id, i);
    addNode(NodeKind::Memory, {}, -1);

    // Nodes without a stored position (a file with a partial layout) must not hide under nodes
    // the file did place: move them down until they are free.
    for (GraphNode &node : graph.nodes) {
        if (!placedByDefault.contains(node.key) || placedByDefault.size() == graph.nodes.size())
            continue;
        for (int attempt = 0; attempt < 200; ++attempt) {
            const QRectF r = node.rect().adjusted(-10, -10, 10, 10);
            const bool overlaps =
                std::any_of(graph.nodes.cbegin(), graph.nodes.cend(), [&](const GraphNode &other) {
                    return &other != &node && r.intersects(other.rect());
                });
            if (!overlaps)
                break;
            node.pos.ry() += 40;
        }
    }

    const QString entryTier = nodeKey(NodeKind::Tier, ladder.entry);
    if (graph.nodeRow.contains(entryTier))
        graph.edges.append({QLatin1String(kEntryEdgeKey), QStringLiteral("entry"), entryTier});

    for (int i = 0; i < ladder.transitions.size(); ++i) {
        const Transition &t = ladder.transitions[i];
        GraphEdge edge;
        edge.key = edgeKeyOfTransition(i);
        edge.transition = i;
        edge.from =
            t.from == QLatin1String("*") ? QStringLiteral("any") : nodeKey(NodeKind::Tier, t.from);
        QString to = t.to;
        if (to.isEmpty() && t.condition.type == Condition::Type::ReturnAfter) {
            // "Back where we came from": the source of the escalation into this tier.
            for (const Transition &other : ladder.transitions) {
                if (other.to == t.from && other.from != QLatin1String("*") &&
                    (other.condition.type == Condition::Type::OnSignal ||
                     other.condition.type == Condition::Type::PostTurn)) {
                    to = other.from;
                    break;
                }
            }
            if (to.isEmpty())
                to = t.from;
        }
        edge.to = nodeKey(NodeKind::Tier, to);
        if (!graph.nodeRow.contains(edge.from) || !graph.nodeRow.contains(edge.to))
            continue; // dangling: validation reports it in the Problems list
        edge.listeners = listeningDetectors(ladder, t);
        graph.edges.append(edge);
    }

    // Parallel edges between the same pair (either direction) get separate lanes.
    QHash<QString, QList<int>> pairs;
    for (int i = 0; i < graph.edges.size(); ++i) {
        const GraphEdge &e = graph.edges[i];
        const QString pair =
            e.from < e.to ? e.from + QLatin1Char('|') + e.to : e.to + QLatin1Char('|') + e.from;
        pairs[pair].append(i);
    }
    for (const QList<int> &rows : std::as_const(pairs)) {
        for (int lane = 0; lane < rows.size(); ++lane) {
            graph.edges[rows[lane]].lane = lane;
            graph.edges[rows[lane]].laneCount = int(rows.size());
        }
    }
    return graph;
}

const GraphNode *LadderGraph::node(const QString &key) const
{
    const auto it = nodeRow.constFind(key);
    return it == nodeRow.constEnd() ? nullptr : &nodes[it.value()];
}

EdgeGeometry LadderGraph::geometry(const GraphEdge &edge) const
{
    const GraphNode *from = node(edge.from);
    const GraphNode *to = node(edge.to);
    if (!from || !to)
        return {};
    return computeEdgeGeometry(from->rect(), to->rect(), edge.lane, edge.laneCount);
}

double snapTo(double value, double grid)
{
    return grid > 0 ? std::round(value / grid) * grid : value;
}

} // namespace ladder
