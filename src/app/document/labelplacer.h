#pragma once

#include "edgegeometry.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSizeF>

namespace ladder {

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

} // namespace ladder
