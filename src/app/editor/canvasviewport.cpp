#include "canvasviewport.h"

#include <algorithm>
#include <cmath>

namespace ladder {

CanvasViewport::CanvasViewport(QObject *parent)
    : QObject(parent)
{}

void CanvasViewport::setViewWidth(double w)
{
    if (qFuzzyCompare(m_viewSize.width(), w))
        return;
    m_viewSize.setWidth(w);
    emit viewSizeChanged();
    emit changed();
}

void CanvasViewport::setViewHeight(double h)
{
    if (qFuzzyCompare(m_viewSize.height(), h))
        return;
    m_viewSize.setHeight(h);
    emit viewSizeChanged();
    emit changed();
}

QRectF CanvasViewport::visibleRect() const
{
    return QRectF(toCanvas(0, 0), m_viewSize / m_zoom);
}

QRectF CanvasViewport::nearbyRect() const
{
    const QRectF visible = visibleRect();
    const double stepX = visible.width() / 8;
    const double stepY = visible.height() / 8;
    if (stepX <= 0 || stepY <= 0)
        return visible;
    // The top-left corner snaps to the grid; the size is fixed (8 eighths of view, one more
    // for the snapping, one margin on each side), so both sides move on the same frame.
    const double left = std::floor((visible.left() - stepX) / stepX) * stepX;
    const double top = std::floor((visible.top() - stepY) / stepY) * stepY;
    return QRectF(left, top, 11 * stepX, 11 * stepY);
}

void CanvasViewport::panBy(double dx, double dy)
{
    if (dx == 0 && dy == 0)
        return;
    m_pan += QPointF(dx, dy);
    emit changed();
}

void CanvasViewport::setZoomAt(double viewX, double viewY, double zoom)
{
    zoom = std::clamp(zoom, minZoom(), maxZoom());
    const QPointF anchor = toCanvas(viewX, viewY);
    m_zoom = zoom;
    // Keep the canvas point under the cursor where it was.
    m_pan = QPointF(viewX, viewY) - anchor * m_zoom;
    emit changed();
}

void CanvasViewport::zoomAt(double viewX, double viewY, double factor)
{
    setZoomAt(viewX, viewY, m_zoom * factor);
}

void CanvasViewport::zoomBy(double factor)
{
    zoomAt(m_viewSize.width() / 2, m_viewSize.height() / 2, factor);
}

void CanvasViewport::resetZoom()
{
    setZoomAt(m_viewSize.width() / 2, m_viewSize.height() / 2, 1.0);
}

void CanvasViewport::fit(const QRectF &canvasRect, double margin)
{
    if (canvasRect.isEmpty() || m_viewSize.isEmpty())
        return;
    const double w = std::max(1.0, m_viewSize.width() - 2 * margin);
    const double h = std::max(1.0, m_viewSize.height() - 2 * margin);
    m_zoom = std::clamp(std::min(w / canvasRect.width(), h / canvasRect.height()), minZoom(), 1.25);
    const QPointF viewCenter(m_viewSize.width() / 2, m_viewSize.height() / 2);
    m_pan = viewCenter - canvasRect.center() * m_zoom;
    emit changed();
}

void CanvasViewport::centerOn(double canvasX, double canvasY)
{
    const QPointF viewCenter(m_viewSize.width() / 2, m_viewSize.height() / 2);
    m_pan = viewCenter - QPointF(canvasX, canvasY) * m_zoom;
    emit changed();
}

QPointF CanvasViewport::toCanvas(double viewX, double viewY) const
{
    return (QPointF(viewX, viewY) - m_pan) / m_zoom;
}

QPointF CanvasViewport::toView(double canvasX, double canvasY) const
{
    return QPointF(canvasX, canvasY) * m_zoom + m_pan;
}

} // namespace ladder
