#pragma once

// The curve of an edge on the canvas: a cubic bezier between two node boxes (parallel edges fan
// out in lanes), the label point and the arrow head; the detector links; and the curve flattened
// for hit tests.

#include <QList>
#include <QPointF>
#include <QRectF>

namespace ladder {

struct EdgeGeometry {
    QPointF p0, c1, c2, p3;        // cubic bezier
    QPointF label;                 // the curve's midpoint
    QPointF arrowLeft, arrowRight; // arrow head wings; the tip is p3
    bool operator==(const EdgeGeometry &) const = default;
};

EdgeGeometry computeEdgeGeometry(const QRectF &from, const QRectF &to, int lane, int laneCount);
// The light link from a detector to a transition it feeds: from the detector's side facing
// `target` (the transition's label) to `target`, without an arrow head (its wings are `target`).
EdgeGeometry computeLinkGeometry(const QRectF &detector, const QPointF &target);
QPointF bezierPoint(const EdgeGeometry &g, double t);
QPointF bezierTangent(const EdgeGeometry &g, double t); // derivative, not normalised
// The curve as a polyline (for hit testing and culling), `segments` straight pieces.
QList<QPointF> flattenEdge(const EdgeGeometry &g, int segments = 24);
// Distance from `point` to a polyline from flattenEdge().
double distanceToPolyline(const QList<QPointF> &polyline, const QPointF &point);

} // namespace ladder
