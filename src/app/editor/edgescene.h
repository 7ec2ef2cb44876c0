#pragma once

// What the canvas knows about its edges beyond the edge model: the curve as a path and a
// polyline, its bounds, and where its condition label goes. Labels are placed here (in C++)
// so they keep clear of nodes and of each other. EdgeLayer items draw from this; QML asks it
// which edge or label is under the cursor and which transition is selected (for the reconnect
// handles). It follows the models row by row: a dragged node touches only its own edges.

#include "document/graph.h"
#include "document/graphmodels.h"

#include <QFont>
#include <QObject>
#include <QPainterPath>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

struct SceneEdge {
    EdgeItem item;
    EdgeGeometry geometry;
    QPainterPath curve;
    QList<QPointF> polyline; // flattened curve for hit testing
    QRectF bounds;           // curve and arrow head, with room for the widest stroke
    QRectF labelBox;         // empty when the edge has no label
    bool live = false;       // moved during the current drag (see EdgeScene::liveEdits)
};

// A light link from a detector to a transition listening to its signal (EdgeItem::listeners),
// ending at the transition's label.
struct SceneLink {
    QString key;      // "<detector key>><edge key>"
    QString detector; // node key
    int edgeRow = -1; // the transition's row in the edge model
    EdgeGeometry geometry;
    QPainterPath curve;
    QList<QPointF> polyline;
    QRectF bounds;
    bool live = false; // moved during the current drag, drawn in the live layer
};

class EdgeScene : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ladder::EdgeListModel *edges READ edges WRITE setEdges NOTIFY edgesChanged)
    Q_PROPERTY(ladder::NodeListModel *nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    Q_PROPERTY(
        int fontPixelSize READ fontPixelSize WRITE setFontPixelSize NOTIFY fontPixelSizeChanged)
    // The selected transition edge (key, fromKey, toKey, x0, y0, x3, y3), an empty map when
    // none is (a var in QML: its keys are read directly).
    Q_PROPERTY(QVariant selectedEdge READ selectedEdgeValue NOTIFY selectedEdgeChanged)
    // While true (nodes are being dragged), an edge whose geometry changes becomes live: the
    // canvas draws it in a layer of its own, which alone repaints while it moves, instead of
    // repainting every edge its long curve crosses at each step. When it turns false the live
    // edges go back to the resting layer.
    Q_PROPERTY(bool liveEdits READ liveEdits WRITE setLiveEdits NOTIFY liveEditsChanged)
    // The detector link under the pointer (a SceneLink key), drawn highlighted; "" for none.
    Q_PROPERTY(QString hoveredLink READ hoveredLink WRITE setHoveredLink NOTIFY hoveredLinkChanged)

public:
    explicit EdgeScene(QObject *parent = nullptr);

    EdgeListModel *edges() const { return m_edges; }
    void setEdges(EdgeListModel *model);
    NodeListModel *nodes() const { return m_nodes; }
    void setNodes(NodeListModel *model);
    int fontPixelSize() const { return m_font.pixelSize(); }
    void setFontPixelSize(int size);
    QFont labelFont() const { return m_font; }
    QVariantMap selectedEdge() const;
    QVariant selectedEdgeValue() const { return selectedEdge(); }
    bool liveEdits() const { return m_liveEdits; }
    void setLiveEdits(bool on);

    const QList<SceneEdge> &sceneEdges() const { return m_scene; }
    const QList<SceneLink> &sceneLinks() const { return m_links; }
    QString hoveredLink() const { return m_hoveredLink; }
    void setHoveredLink(const QString &key);

    // Canvas coordinates. The edge whose curve passes within `tolerance`, nearest first.
    Q_INVOKABLE QString edgeAt(double x, double y, double tolerance) const;
    Q_INVOKABLE QString labelAt(double x, double y) const;
    Q_INVOKABLE QString problemOf(const QString &key) const;
    // The detector link passing within `tolerance`, nearest first; "" when none.
    Q_INVOKABLE QString linkAt(double x, double y, double tolerance) const;
    // The key of the transition edge a link leads to ("" for an unknown link).
    Q_INVOKABLE QString transitionOfLink(const QString &linkKey) const;
    // Where a link passes at `t` (0: the detector, 1: the transition's label); (0, 0) for an
    // unknown link.
    Q_INVOKABLE QPointF pointOnLink(const QString &linkKey, double t) const;

signals:
    void edgesChanged();
    void nodesChanged();
    void fontPixelSizeChanged();
    void selectedEdgeChanged();
    void liveEditsChanged();
    void hoveredLinkChanged();
    // Drawing inside `rect` (canvas coordinates) changed; a null rect means everything.
    void sceneChanged(const QRectF &rect);
    // Only curves changed inside `rect`: live ones or resting ones.
    void curvesChanged(const QRectF &rect, bool live);
    // Only labels changed inside `rect`.
    void labelsChanged(const QRectF &rect);
    // Nodes moved or changed inside `rect`: for layers that draw them as blocks.
    void nodeBlocksChanged(const QRectF &rect);

private:
    void rebuild();
    void updateRows(int first, int last);
    bool rebuildObstacles(); // false when no node moved or resized
    void placeAllLabels();
    SceneEdge makeSceneEdge(const EdgeItem &item) const;
    QSizeF labelSize(const QString &text) const;
    void updateSelected();
    // The links again: all of them (returns the area their drawing changed in), or those from
    // `detector` or to the edge rows firstRow..lastRow (adds the changed areas of the resting
    // and of the live layer).
    QRectF updateAllLinks();
    void updateLinksOf(const QString &detector, int firstRow, int lastRow, QRectF *resting,
                       QRectF *live);
    SceneLink makeLink(const QString &detector, int edgeRow) const;
    const SceneLink *link(const QString &key) const;

    QPointer<EdgeListModel> m_edges;
    QPointer<NodeListModel> m_nodes;
    QFont m_font;
    QList<SceneEdge> m_scene;
    LabelPlacer m_placer;
    QList<QRectF> m_nodeRects;
    QHash<QString, int> m_nodeRows; // node key -> row
    QList<SceneLink> m_links;
    QString m_hoveredLink;
    QString m_selectedKey;
    bool m_liveEdits = false;
    // Moving nodes only re-place the labels of their own edges; the others are placed again
    // once the canvas is at rest, so no label stays under a node that moved onto it.
    QTimer m_relabelTimer;
};

} // namespace ladder
