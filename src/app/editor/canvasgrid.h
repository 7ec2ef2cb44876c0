#pragma once

// The canvas background and its grid. The lines are painted once per zoom into an image one
// major-line period larger than the view; a pan only moves the part of it that is shown, so a
// pan frame paints nothing and uploads nothing. (A painted item repainting the window-sized
// grid each frame cost more than the rest of a pan frame; one scene-graph rectangle per line
// was worse still: the software renderer clips every node to the region the lines dirty.)

#include "canvasviewport.h"

#include <QColor>
#include <QImage>
#include <QPointer>
#include <QQuickItem>

namespace ladder {

class CanvasGrid : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::CanvasViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(double step READ step WRITE setStep NOTIFY styleChanged)
    Q_PROPERTY(QColor fillColor READ fillColor WRITE setFillColor NOTIFY styleChanged)
    Q_PROPERTY(QColor minorColor READ minorColor WRITE setMinorColor NOTIFY styleChanged)
    Q_PROPERTY(QColor majorColor READ majorColor WRITE setMajorColor NOTIFY styleChanged)

public:
    explicit CanvasGrid(QQuickItem *parent = nullptr);

    CanvasViewport *viewport() const { return m_viewport; }
    void setViewport(CanvasViewport *viewport);
    double step() const { return m_step; }
    void setStep(double step);
    QColor fillColor() const { return m_fill; }
    void setFillColor(const QColor &color);
    QColor minorColor() const { return m_minor; }
    void setMinorColor(const QColor &color);
    QColor majorColor() const { return m_major; }
    void setMajorColor(const QColor &color);
    // Canvas units between two lines at `zoom`: the grid step times a power of 5, so lines
    // stay 10 to 50 pixels apart.
    static double lineSpacing(double step, double zoom);

signals:
    void viewportChanged();
    void styleChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void restyle();
    QImage paintTile(QSize size, double dpr) const;

    QPointer<CanvasViewport> m_viewport;
    double m_step = 20;
    QColor m_fill{Qt::white};
    QColor m_minor{Qt::lightGray};
    QColor m_major{Qt::gray};
    // The texture shown: lines `m_tileSpacing` view pixels apart, a major one at its origin.
    QSize m_tileSize;
    double m_tileSpacing = 0;
    bool m_tileDirty = true;
};

} // namespace ladder
