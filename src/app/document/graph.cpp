#include "graph.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace ladder {

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

namespace {

// Where a transition's edge ends: its `to`, or for a return without one, "back where we came
// from" (the source of the escalation into this tier).
QString targetOf(const Ladder &ladder, const Transition &t)
{
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
    return to;
}

// One node per tier and detector, plus entry, memory and (for `from: "*"`) the "any" anchor, at
// their stored positions or, without one, where the auto layout puts them. Returns the keys of
// the nodes placed by default.
QSet<QString> addNodes(LadderGraph &graph, const Ladder &ladder, const PricingTable &pricing)
{
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
        return fallback.value(layoutId, QPointF(kLayoutLeft, kLayoutTop));
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

    return placedByDefault;
}

// Nodes without a stored position (a file with a partial layout) must not hide under nodes
// the file did place: move them down until they are free.
void keepUnplacedNodesFree(LadderGraph &graph, const QSet<QString> &placedByDefault)
{
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
}

// The entry arrow and one edge per transition whose ends exist.
void addEdges(LadderGraph &graph, const Ladder &ladder)
{
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
        const QString to = targetOf(ladder, t);
        edge.to = nodeKey(NodeKind::Tier, to);
        if (!graph.nodeRow.contains(edge.from) || !graph.nodeRow.contains(edge.to))
            continue; // dangling: validation reports it in the Problems list
        edge.listeners = listeningDetectors(ladder, t);
        graph.edges.append(edge);
    }
}

// Parallel edges between the same pair (either direction) get separate lanes.
void assignLanes(LadderGraph &graph)
{
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
}

} // namespace

LadderGraph LadderGraph::build(const Ladder &ladder, const PricingTable &pricing)
{
    LadderGraph graph;
    const QSet<QString> placedByDefault = addNodes(graph, ladder, pricing);
    keepUnplacedNodesFree(graph, placedByDefault);
    addEdges(graph, ladder);
    assignLanes(graph);
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
