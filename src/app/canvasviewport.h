#pragma once

// Pan and zoom of the graph canvas: the mapping between canvas coordinates (where nodes live)
// and view coordinates (pixels of the canvas item). QML forwards wheel, pinch and drag input.

#include <QColor>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QQuickPaintedItem>
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

// The canvas background and its grid, painted in one pass for the current pan and zoom. A pan
// frame then costs one fill and a few hundred one-pixel fills instead of a few hundred line
// items whose bindings all re-evaluate.
class CanvasGrid : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::CanvasViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(double step READ step WRITE setStep NOTIFY styleChanged)
    Q_PROPERTY(QColor minorColor READ minorColor WRITE setMinorColor NOTIFY styleChanged)
    Q_PROPERTY(QColor majorColor READ majorColor WRITE setMajorColor NOTIFY styleChanged)

public:
    explicit CanvasGrid(QQuickItem *parent = nullptr);

    CanvasViewport *viewport() const { return m_viewport; }
    void setViewport(CanvasViewport *viewport);
    double step() const { return m_step; }
    void setStep(double step);
    QColor minorColor() const { return m_minor; }
    void setMinorColor(const QColor &color);
    QColor majorColor() const { return m_major; }
    void setMajorColor(const QColor &color);
    // Canvas units between two lines at `zoom`: the grid step times a power of 5, so lines
    // stay 10 to 50 pixels apart.
    static double lineSpacing(double step, double zoom);

    void paint(QPainter *painter) override;

signals:
    void viewportChanged();
    void styleChanged();

private:
    QPointer<CanvasViewport> m_viewport;
    double m_step = 20;
    QColor m_minor{Qt::lightGray};
    QColor m_major{Qt::gray};
};

} // namespace ladder
