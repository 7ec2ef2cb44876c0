#include "edgescene.h"

#include <QFontMetricsF>
#include <QSet>

namespace ladder {

namespace {

// Padding of the label pill around its text, as drawn by EdgeLayer.
constexpr double kLabelPadX = 14;
constexpr double kLabelPadY = 6;
// Room around the curve's hull for the widest stroke and the arrow head.
constexpr double kBoundsMargin = 8;

} // namespace

EdgeScene::EdgeScene(QObject *parent)
    : QObject(parent)
{
    m_font.setPixelSize(11);
    m_relabelTimer.setSingleShot(true);
    m_relabelTimer.setInterval(250);
    connect(&m_relabelTimer, &QTimer::timeout, this, [this] {
        placeAllLabels();
        emit sceneChanged({});
    });
}

void EdgeScene::setEdges(EdgeListModel *model)
{
    if (model == m_edges)
        return;
    if (m_edges)
        disconnect(m_edges, nullptr, this, nullptr);
    m_edges = model;
    if (m_edges) {
        connect(m_edges, &QAbstractItemModel::modelReset, this, &EdgeScene::rebuild);
        connect(m_edges, &QAbstractItemModel::rowsInserted, this, &EdgeScene::rebuild);
        connect(m_edges, &QAbstractItemModel::rowsRemoved, this, &EdgeScene::rebuild);
        connect(m_edges, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    updateRows(from.row(), to.row());
                });
    }
    rebuild();
    emit edgesChanged();
}

void EdgeScene::setNodes(NodeListModel *model)
{
    if (model == m_nodes)
        return;
    if (m_nodes)
        disconnect(m_nodes, nullptr, this, nullptr);
    m_nodes = model;
    if (m_nodes) {
        // A reset of the nodes comes with a reset of the edges, which places every label.
        connect(m_nodes, &QAbstractItemModel::modelReset, this, [this] {
            rebuildObstacles();
            const QRectF links = updateAllLinks(); // they start at the detectors
            if (!links.isEmpty())
                emit curvesChanged(links, false);
        });
        connect(m_nodes, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    // Layers that draw nodes as blocks (zoomed far out) repaint where they were
                    // and where they are.
                    QRectF dirty;
                    for (int row = from.row(); row <= to.row(); ++row) {
                        if (row < m_nodeRects.size())
                            dirty = dirty.united(m_nodeRects[row]);
                        const NodeItem &n = m_nodes->items().value(row);
                        dirty = dirty.united(QRectF(n.x, n.y, n.width, n.height));
                    }
                    if (rebuildObstacles())
                        m_relabelTimer.start();
                    if (!dirty.isEmpty())
                        emit nodeBlocksChanged(dirty.adjusted(-4, -4, 4, 4));
                    // A moved detector drags its links along.
                    QRectF resting;
                    QRectF live;
                    for (int row = from.row(); row <= to.row(); ++row) {
                        const NodeItem &n = m_nodes->items().value(row);
                        if (n.kind == QLatin1String("detector"))
                            updateLinksOf(n.key, 0, -1, &resting, &live);
                    }
                    if (!resting.isEmpty())
                        emit curvesChanged(resting, false);
                    if (!live.isEmpty())
                        emit curvesChanged(live, true);
                });
    }
    rebuild();
    emit nodesChanged();
}

void EdgeScene::setFontPixelSize(int size)
{
    if (size <= 0 || size == m_font.pixelSize())
        return;
    m_font.setPixelSize(size);
    rebuild();
    emit fontPixelSizeChanged();
}

QSizeF EdgeScene::labelSize(const QString &text) const
{
    const QFontMetricsF metrics(m_font);
    return {std::ceil(metrics.horizontalAdvance(text)) + kLabelPadX,
            std::ceil(metrics.height()) + kLabelPadY};
}

SceneEdge EdgeScene::makeSceneEdge(const EdgeItem &item) const
{
    SceneEdge e;
    e.item = item;
    e.geometry = item.geometry;
    e.curve.moveTo(e.geometry.p0);
    e.curve.cubicTo(e.geometry.c1, e.geometry.c2, e.geometry.p3);
    e.polyline = flattenEdge(e.geometry);
    // Not QRectF::united() of point rects: it skips null (zero-size) rects, which left the
    // bounds around the arrow head only (hit tests and repaints missed the rest of the curve).
    const QPolygonF hull({e.geometry.p0, e.geometry.c1, e.geometry.c2, e.geometry.p3,
                          e.geometry.arrowLeft, e.geometry.arrowRight});
    e.bounds =
        hull.boundingRect().adjusted(-kBoundsMargin, -kBoundsMargin, kBoundsMargin, kBoundsMargin);
    return e;
}

bool EdgeScene::rebuildObstacles()
{
    QList<QRectF> rects;
    m_nodeRows.clear();
    if (m_nodes) {
        for (const NodeItem &n : m_nodes->items()) {
            m_nodeRows.insert(n.key, int(rects.size()));
            rects.append(QRectF(n.x, n.y, n.width, n.height));
        }
    }
    if (rects == m_nodeRects)
        return false; // a selection or text change
    m_nodeRects = rects;
    m_placer.clearObstacles();
    for (const QRectF &r : std::as_const(m_nodeRects))
        m_placer.addObstacle(r);
    return true;
}

void EdgeScene::placeAllLabels()
{
    m_relabelTimer.stop();
    m_placer.clearLabels();
    for (SceneEdge &e : m_scene) {
        e.labelBox =
            e.item.label.isEmpty() ? QRectF() : m_placer.place(e.geometry, labelSize(e.item.label));
    }
    updateAllLinks(); // they end at the labels
}

void EdgeScene::rebuild()
{
    m_scene.clear();
    if (m_edges) {
        m_scene.reserve(m_edges->items().size());
        for (const EdgeItem &item : m_edges->items())
            m_scene.append(makeSceneEdge(item));
    }
    rebuildObstacles();
    placeAllLabels();
    updateSelected();
    emit sceneChanged({});
}

void EdgeScene::updateRows(int first, int last)
{
    if (!m_edges || m_edges->items().size() != m_scene.size()) {
        rebuild();
        return;
    }
    QRectF resting; // curves of the resting layer
    QRectF live;    // curves of the live layer
    QRectF labels;
    bool listenersChanged = false;
    for (int row = first; row <= last; ++row) {
        const EdgeItem &item = m_edges->items()[row];
        SceneEdge &e = m_scene[row];
        listenersChanged = listenersChanged || e.item.listeners != item.listeners;
        const EdgeGeometry &was = e.item.geometry;
        const EdgeGeometry &now = item.geometry;
        const bool moved =
            was.p0 != now.p0 || was.p3 != now.p3 || was.c1 != now.c1 || was.c2 != now.c2;
        const bool wasLive = e.live;
        const bool isLive = wasLive || (m_liveEdits && moved);
        // An edge turning live leaves the resting layer where it was.
        (wasLive ? live : resting) |= e.bounds;
        const bool labelKept = e.item.label == item.label && !moved;
        const QRectF oldLabel = e.labelBox;
        e = makeSceneEdge(item);
        e.live = isLive;
        if (labelKept) {
            e.labelBox = oldLabel;
        } else {
            if (!oldLabel.isEmpty())
                m_placer.remove(oldLabel);
            if (!item.label.isEmpty())
                e.labelBox = m_placer.place(e.geometry, labelSize(item.label));
        }
        (isLive ? live : resting) |= e.bounds;
        if (!oldLabel.isEmpty())
            labels |= oldLabel;
        if (!e.labelBox.isEmpty())
            labels |= e.labelBox;
    }
    if (listenersChanged)
        resting |= updateAllLinks();
    else
        updateLinksOf({}, first, last, &resting, &live);
    updateSelected();
    if (!resting.isEmpty())
        emit curvesChanged(resting, false);
    if (!live.isEmpty())
        emit curvesChanged(live, true);
    if (!labels.isEmpty())
        emit labelsChanged(labels);
}

void EdgeScene::setLiveEdits(bool on)
{
    if (on == m_liveEdits)
        return;
    m_liveEdits = on;
    if (!on) {
        QRectF dirty;
        for (SceneEdge &e : m_scene) {
            if (e.live) {
                e.live = false;
                dirty |= e.bounds;
            }
        }
        for (SceneLink &l : m_links) {
            if (l.live) {
                l.live = false;
                dirty |= l.bounds;
            }
        }
        if (!dirty.isEmpty()) {
            emit curvesChanged(dirty, true);
            emit curvesChanged(dirty, false);
        }
    }
    emit liveEditsChanged();
}

void EdgeScene::updateSelected()
{
    QString key;
    for (const SceneEdge &e : std::as_const(m_scene)) {
        if (e.item.selected && e.item.transition >= 0) {
            key = e.item.key;
            break;
        }
    }
    // Geometry of the selected edge may change too (its node moved): always notify when one
    // is selected, the handles follow.
    if (key != m_selectedKey || !key.isEmpty()) {
        m_selectedKey = key;
        emit selectedEdgeChanged();
    }
}

QVariantMap EdgeScene::selectedEdge() const
{
    if (m_selectedKey.isEmpty() || !m_edges)
        return {};
    const int row = m_edges->rowOf(m_selectedKey);
    if (row < 0 || row >= m_scene.size())
        return {};
    const EdgeItem &e = m_scene[row].item;
    const EdgeGeometry &g = e.geometry;
    return {{QStringLiteral("key"), e.key},   {QStringLiteral("fromKey"), e.from},
            {QStringLiteral("toKey"), e.to},  {QStringLiteral("x0"), g.p0.x()},
            {QStringLiteral("y0"), g.p0.y()}, {QStringLiteral("x3"), g.p3.x()},
            {QStringLiteral("y3"), g.p3.y()}};
}

QString EdgeScene::edgeAt(double x, double y, double tolerance) const
{
    const QPointF p(x, y);
    QString best;
    double bestDistance = tolerance;
    for (const SceneEdge &e : m_scene) {
        if (!e.bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p))
            continue;
        const double d = distanceToPolyline(e.polyline, p);
        if (d <= bestDistance) {
            best = e.item.key;
            bestDistance = d;
        }
    }
    return best;
}

QString EdgeScene::labelAt(double x, double y) const
{
    // Topmost (last drawn) first.
    for (auto it = m_scene.crbegin(); it != m_scene.crend(); ++it) {
        if (it->labelBox.contains(QPointF(x, y)))
            return it->item.key;
    }
    return {};
}

QString EdgeScene::problemOf(const QString &key) const
{
    const int row = m_edges ? m_edges->rowOf(key) : -1;
    return row >= 0 && row < m_scene.size() ? m_scene[row].item.problem : QString();
}

SceneLink EdgeScene::makeLink(const QString &detector, int edgeRow) const
{
    SceneLink l;
    const SceneEdge &e = m_scene[edgeRow];
    l.key = detector + QLatin1Char('>') + e.item.key;
    l.detector = detector;
    l.edgeRow = edgeRow;
    const int nodeRow = m_nodeRows.value(detector, -1);
    if (nodeRow < 0 || nodeRow >= m_nodeRects.size())
        return l; // no such node: nothing to draw or hit
    const QPointF target = e.labelBox.isEmpty() ? e.geometry.label : e.labelBox.center();
    l.geometry = computeLinkGeometry(m_nodeRects[nodeRow], target);
    l.curve.moveTo(l.geometry.p0);
    l.curve.cubicTo(l.geometry.c1, l.geometry.c2, l.geometry.p3);
    l.polyline = flattenEdge(l.geometry, 16);
    l.bounds = QPolygonF({l.geometry.p0, l.geometry.c1, l.geometry.c2, l.geometry.p3})
                   .boundingRect()
                   .adjusted(-4, -4, 4, 4);
    return l;
}

QRectF EdgeScene::updateAllLinks()
{
    QRectF dirty;
    QSet<QString> live; // links of a drag stay in the live layer until it ends
    for (const SceneLink &l : std::as_const(m_links)) {
        dirty |= l.bounds;
        if (l.live)
            live.insert(l.key);
    }
    m_links.clear();
    for (int row = 0; row < m_scene.size(); ++row) {
        for (const QString &d : std::as_const(m_scene[row].item.listeners)) {
            m_links.append(makeLink(d, row));
            m_links.last().live = live.contains(m_links.constLast().key);
            dirty |= m_links.constLast().bounds;
        }
    }
    return dirty;
}

void EdgeScene::updateLinksOf(const QString &detector, int firstRow, int lastRow, QRectF *resting,
                              QRectF *live)
{
    for (SceneLink &l : m_links) {
        if (l.detector != detector && (l.edgeRow < firstRow || l.edgeRow > lastRow))
            continue;
        SceneLink next = makeLink(l.detector, l.edgeRow);
        // Like an edge, a link that moves while nodes are dragged goes to the live layer.
        next.live = l.live || (m_liveEdits && next.geometry != l.geometry);
        if (next.geometry == l.geometry && next.curve.isEmpty() == l.curve.isEmpty())
            continue;
        *(l.live ? live : resting) |= l.bounds;
        *(next.live ? live : resting) |= next.bounds;
        l = next;
    }
}

const SceneLink *EdgeScene::link(const QString &key) const
{
    if (key.isEmpty())
        return nullptr;
    for (const SceneLink &l : m_links) {
        if (l.key == key)
            return &l;
    }
    return nullptr;
}

void EdgeScene::setHoveredLink(const QString &key)
{
    if (key == m_hoveredLink)
        return;
    QRectF dirty;
    if (const SceneLink *l = link(m_hoveredLink))
        dirty |= l->bounds;
    m_hoveredLink = key;
    if (const SceneLink *l = link(m_hoveredLink))
        dirty |= l->bounds;
    emit hoveredLinkChanged();
    if (!dirty.isEmpty())
        emit curvesChanged(dirty, false);
}

QString EdgeScene::linkAt(double x, double y, double tolerance) const
{
    const QPointF p(x, y);
    QString best;
    double bestDistance = tolerance;
    for (const SceneLink &l : m_links) {
        if (l.polyline.isEmpty() ||
            !l.bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p))
            continue;
        const double d = distanceToPolyline(l.polyline, p);
        if (d <= bestDistance) {
            best = l.key;
            bestDistance = d;
        }
    }
    return best;
}

QString EdgeScene::transitionOfLink(const QString &linkKey) const
{
    const SceneLink *l = link(linkKey);
    return l && l->edgeRow < m_scene.size() ? m_scene[l->edgeRow].item.key : QString();
}

QPointF EdgeScene::pointOnLink(const QString &linkKey, double t) const
{
    const SceneLink *l = link(linkKey);
    return l && !l->curve.isEmpty() ? bezierPoint(l->geometry, t) : QPointF();
}

} // namespace ladder
