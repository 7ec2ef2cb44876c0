#pragma once

// Draws the edges of an EdgeScene into one cached image instead of one Qt Quick item per edge:
// either the curves with their arrow heads (below the nodes) or the condition labels (above
// them). The image covers `region` (canvas coordinates, normally the visible area with a
// margin) at `resolution` pixels per canvas unit. Panning only moves it; it is painted again
// when the region or resolution changes (the canvas does that at rest, so a zoom gesture
// scales the cached image and the edges turn sharp when it ends) and, for just the changed
// area, when edges change.
//
// QQuickPaintedItem because the software scene graph backend (offscreen, no GPU) does not
// draw custom geometry nodes.

#include "edgescene.h"

#include <QColor>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace ladder {

// The pieces of an edge's curve near `area`: the same curve, without its far-off parts.
QPainterPath visiblePart(const EdgeGeometry &geometry, const QRectF &area);

class EdgeLayer : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ladder::EdgeScene *scene READ scene WRITE setScene NOTIFY sceneChanged)
    Q_PROPERTY(bool labels READ labels WRITE setLabels NOTIFY labelsChanged)
    Q_PROPERTY(QRectF region READ region WRITE setRegion NOTIFY regionChanged)
    Q_PROPERTY(double resolution READ resolution WRITE setResolution NOTIFY resolutionChanged)
    // false when zoomed far out: hairline curves without antialiasing.
    Q_PROPERTY(bool detailed READ detailed WRITE setDetailed NOTIFY detailedChanged)
    // Also draw the nodes, as plain blocks (the canvas does so when zoomed far out, where it
    // has no node items at all).
    Q_PROPERTY(bool nodeBlocks READ nodeBlocks WRITE setNodeBlocks NOTIFY nodeBlocksChanged)
    // While true, paints that happen anyway (a new region during a pan) skip antialiasing;
    // when it turns false a draft image is painted again properly.
    Q_PROPERTY(bool draft READ draft WRITE setDraft NOTIFY draftChanged)
    // Colours by edge kind ("step", "signal", "post", "return", "failure", "entry") and for
    // "selected", "error", "labelBackground", "text" and "link" (detector links).
    Q_PROPERTY(QVariantMap colors READ colors WRITE setColors NOTIFY colorsChanged)
    // Which curves: all, or those at rest and those being dragged in two layers (see
    // EdgeScene::liveEdits). Labels are always drawn all in one layer.
    Q_PROPERTY(Part part READ part WRITE setPart NOTIFY partChanged)

public:
    enum Part { AllEdges, RestingEdges, LiveEdges };
    Q_ENUM(Part)

    explicit EdgeLayer(QQuickItem *parent = nullptr);

    EdgeScene *scene() const { return m_scene; }
    void setScene(EdgeScene *scene);
    bool labels() const { return m_labels; }
    void setLabels(bool labels);
    QRectF region() const { return m_region; }
    void setRegion(const QRectF &region);
    double resolution() const { return m_resolution; }
    void setResolution(double resolution);
    bool detailed() const { return m_detailed; }
    void setDetailed(bool detailed);
    bool nodeBlocks() const { return m_nodeBlocks; }
    void setNodeBlocks(bool on);
    bool draft() const { return m_draft; }
    void setDraft(bool draft);
    QVariantMap colors() const { return m_colorMap; }
    void setColors(const QVariantMap &colors);
    Part part() const { return m_part; }
    void setPart(Part part);

    void paint(QPainter *painter) override;

signals:
    void sceneChanged();
    void labelsChanged();
    void regionChanged();
    void resolutionChanged();
    void detailedChanged();
    void nodeBlocksChanged();
    void draftChanged();
    void colorsChanged();
    void partChanged();

private:
    void repaint(const QRectF &canvasRect);
    void updateTextureSize();
    // Whether this layer draws the curves of live (or of resting) edges.
    bool drawsCurves(bool live) const
    {
        return m_part == AllEdges || (m_part == LiveEdges) == live;
    }
    QColor strokeOf(const SceneEdge &edge) const;
    QColor color(const QString &name) const;
    void paintCurve(QPainter *painter, const SceneEdge &edge, const QRectF &exposed) const;
    void paintLabel(QPainter *painter, const SceneEdge &edge) const;
    void paintLinks(QPainter *painter, const QRectF &exposed) const;
    void paintNodeBlocks(QPainter *painter, const QRectF &exposed) const;

    QPointer<EdgeScene> m_scene;
    bool m_labels = false;
    QRectF m_region;
    double m_resolution = 1;
    bool m_detailed = true;
    bool m_nodeBlocks = false;
    bool m_draft = false;
    bool m_paintedDraft = false;
    QVariantMap m_colorMap;
    QHash<QString, QColor> m_colors;
    Part m_part = AllEdges;
};

} // namespace ladder
