#pragma once

// Pan and zoom of the graph canvas: the mapping between canvas coordinates (where nodes live)
// and view coordinates (pixels of the canvas item). QML forwards wheel, pinch and drag input.

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class CanvasViewport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(double zoom READ zoom NOTIFY changed)
    Q_PROPERTY(double panX READ panX NOTIFY changed)
    Q_PROPERTY(double panY READ panY NOTIFY changed)
    Q_PROPERTY(double viewWidth READ viewWidth WRITE setViewWidth NOTIFY viewSizeChanged)
    Q_PROPERTY(double viewHeight READ viewHeight WRITE setViewHeight NOTIFY viewSizeChanged)
    Q_PROPERTY(QRectF visibleRect READ visibleRect NOTIFY changed)
    Q_PROPERTY(QRectF nearbyRect READ nearbyRect NOTIFY changed)
    Q_PROPERTY(double minZoom READ minZoom CONSTANT)
    Q_PROPERTY(double maxZoom READ maxZoom CONSTANT)

public:
    explicit CanvasViewport(QObject *parent = nullptr);

    double zoom() const { return m_zoom; }
    double panX() const { return m_pan.x(); } // view position of canvas origin
    double panY() const { return m_pan.y(); }
    double viewWidth() const { return m_viewSize.width(); }
    double viewHeight() const { return m_viewSize.height(); }
    void setViewWidth(double w);
    void setViewHeight(double h);
    QRectF visibleRect() const; // in canvas coordinates
    // The visible rectangle plus at least an eighth of it on every side, its edges on a grid
    // of eighths of the view: a pan moves it every few frames by a thin strip, so items made
    // for it are made a few at a time, before they come into view.
    QRectF nearbyRect() const;
    double minZoom() const { return 0.1; }
    double maxZoom() const { return 4.0; }

    Q_INVOKABLE void panBy(double dx, double dy);
    Q_INVOKABLE void zoomAt(double viewX, double viewY, double factor);
    Q_INVOKABLE void zoomBy(double factor); // around the view centre
    Q_INVOKABLE void setZoomAt(double viewX, double viewY, double zoom);
    Q_INVOKABLE void resetZoom(); // 100 % around the view centre
    Q_INVOKABLE void fit(const QRectF &canvasRect, double margin = 40);
    Q_INVOKABLE void centerOn(double canvasX, double canvasY);
    Q_INVOKABLE QPointF toCanvas(double viewX, double viewY) const;
    Q_INVOKABLE QPointF toView(double canvasX, double canvasY) const;

signals:
    void changed();
    void viewSizeChanged();

private:
    double m_zoom = 1.0;
    QPointF m_pan{0, 0};
    QSizeF m_viewSize{800, 600};
};

} // namespace ladder
