#include "edgegeometry.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace ladder {

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

} // namespace ladder
