#pragma once

// The node graph the editor draws for a ladder: nodes (entry, tiers, detectors, memory, and an
// "any tier" anchor for `from: "*"` transitions) and edges (the entry arrow and one edge per
// transition). Pure functions over a Ladder, so they are testable without a GUI.

#include "core/ladder.h"
#include "core/pricing.h"

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

struct EdgeGeometry {
    QPointF p0, c1, c2, p3;        // cubic bezier
    QPointF label;                 // the curve's midpoint
    QPointF arrowLeft, arrowRight; // arrow head wings; the tip is p3
    bool operator==(const EdgeGeometry &) const = default;
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

// Readable condition label: "after 2 turns", "on high stakes", "escalate tool", ...
QString conditionLabel(const Condition &condition);
QString signalLabel(PreSignal s);
QString signalLabel(PostSignal s);
QString failureLabel(FailureKind k);

EdgeGeometry computeEdgeGeometry(const QRectF &from, const QRectF &to, int lane, int laneCount);
// The detectors a transition listens to, as node keys: lexicon detectors raising one of its
// on_signal signals, classifiers with one of its labels (any label when it names none).
QStringList listeningDetectors(const Ladder &ladder, const Transition &transition);
// The light link from a detector to a transition it feeds: from the detector's side facing
// `target` (the transition's label) to `target`, without an arrow head (its wings are `target`).
EdgeGeometry computeLinkGeometry(const QRectF &detector, const QPointF &target);
QPointF bezierPoint(const EdgeGeometry &g, double t);
QPointF bezierTangent(const EdgeGeometry &g, double t); // derivative, not normalised
// The curve as a polyline (for hit testing and culling), `segments` straight pieces.
QList<QPointF> flattenEdge(const EdgeGeometry &g, int segments = 24);
// Distance from `point` to a polyline from flattenEdge().
double distanceToPolyline(const QList<QPointF> &polyline, const QPointF &point);

// Places condition labels (boxes of a given size) so they keep clear of nodes and of labels
// placed before: each label tries points near its curve's midpoint, on the curve first, then
// moved along the curve and offset along its normal, and takes the first free one (or the one
// overlapping least). Boxes are kept in a coarse grid so placing is cheap for 1,000 edges.
class LabelPlacer
{
public:
    void addObstacle(const QRectF &rect);
    void clearObstacles() { m_obstacles.clear(); }
    // Returns the box chosen for the label and keeps it as an obstacle for later labels.
    QRectF place(const EdgeGeometry &g, const QSizeF &size);
    void remove(const QRectF &placed); // a box returned by place()
    void clearLabels() { m_labels.clear(); }

private:
    using Grid = QHash<quint64, QList<QRectF>>;
    static void insert(Grid &grid, const QRectF &rect);
    static double overlap(const Grid &grid, const QRectF &rect);
    Grid m_obstacles;
    Grid m_labels;
};

// Layered left-to-right layout: tiers by distance from the entry along forward transitions,
// strongest (most expensive) first within a layer; entry and "any" on the left, detectors and
// memory in a row below. Keys are layout ids.
QHash<QString, QPointF> computeAutoLayout(const Ladder &ladder, const PricingTable &pricing);

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
