#pragma once

// The node graph the editor draws for a ladder: nodes (entry, tiers, detectors, memory, and an
// "any tier" anchor for `from: "*"` transitions) and edges (the entry arrow and one edge per
// transition). Pure functions over a Ladder, so they are testable without a GUI.

#include "autolayout.h"
#include "conditionlabels.h"
#include "core/ladder.h"
#include "core/pricing.h"
#include "edgegeometry.h"
#include "labelplacer.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace ladder {

enum class NodeKind { Entry, Any, Tier, Detector, Memory };

QString nodeKindName(NodeKind kind); // "entry", "any", "tier", "detector", "memory"
std::optional<NodeKind> nodeKindFromName(const QString &name);
QSizeF nodeSize(NodeKind kind);

// Node keys are unique across kinds: "entry", "any", "memory", "tier:<id>", "detector:<id>".
QString nodeKey(NodeKind kind, const QString &id = {});
// The id under which a node's position is stored in the ladder's `layout` section.
QString layoutIdOfKey(const QString &key);
QString edgeKeyOfTransition(int index);           // "t:<index>"
int transitionIndexOfEdgeKey(const QString &key); // -1 when not a transition edge
inline constexpr auto kEntryEdgeKey = "entry-edge";

struct GraphNode {
    QString key;
    NodeKind kind = NodeKind::Tier;
    QString id;     // tier or detector id
    int index = -1; // index in ladder.tiers / ladder.detectors
    QPointF pos;
    QSizeF size;
    QRectF rect() const { return {pos, size}; }
};

struct GraphEdge {
    QString key;
    QString from; // node keys
    QString to;
    int transition = -1; // index in ladder.transitions, -1 for the entry edge
    int lane = 0;        // parallel edges between the same two nodes fan out
    int laneCount = 1;
    QStringList listeners; // detector node keys that feed it (see listeningDetectors)
};

struct LadderGraph {
    QList<GraphNode> nodes;
    QList<GraphEdge> edges;
    QHash<QString, int> nodeRow; // node key -> row in nodes

    static LadderGraph build(const Ladder &ladder, const PricingTable &pricing);
    const GraphNode *node(const QString &key) const;
    EdgeGeometry geometry(const GraphEdge &edge) const;
};

double snapTo(double value, double grid);

} // namespace ladder
