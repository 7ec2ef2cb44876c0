#include "labelplacer.h"

#include <algorithm>
#include <cmath>

namespace ladder {

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

} // namespace ladder
