#include "canvasviewport.h"

#include <QPainter>

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

CanvasGrid::CanvasGrid(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setOpaquePainting(true);
}

void CanvasGrid::setViewport(CanvasViewport *viewport)
{
    if (viewport == m_viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &CanvasViewport::changed, this, [this] { update(); });
    update();
    emit viewportChanged();
}

void CanvasGrid::setStep(double step)
{
    if (step <= 0 || step == m_step)
        return;
    m_step = step;
    update();
    emit styleChanged();
}

void CanvasGrid::setMinorColor(const QColor &color)
{
    if (color == m_minor)
        return;
    m_minor = color;
    update();
    emit styleChanged();
}

void CanvasGrid::setMajorColor(const QColor &color)
{
    if (color == m_major)
        return;
    m_major = color;
    update();
    emit styleChanged();
}

double CanvasGrid::lineSpacing(double step, double zoom)
{
    double spacing = step;
    while (spacing * zoom < 10)
        spacing *= 5;
    while (spacing * zoom >= 50 && spacing > step)
        spacing /= 5;
    return spacing;
}

void CanvasGrid::paint(QPainter *painter)
{
    // The background is the fill colour; only the lines are drawn here.
    if (!m_viewport)
        return;
    const double pixelStep = lineSpacing(m_step, m_viewport->zoom()) * m_viewport->zoom();
    const double w = width();
    const double h = height();
    auto draw = [&](double pan, double extent, bool vertical) {
        const long long first = std::llround(std::floor(-pan / pixelStep));
        for (long long line = first;; ++line) {
            const double at = std::round(pan + double(line) * pixelStep);
            if (at > extent)
                break;
            const QColor &color = line % 5 == 0 ? m_major : m_minor;
            if (vertical)
                painter->fillRect(QRectF(at, 0, 1, h), color);
            else
                painter->fillRect(QRectF(0, at, w, 1), color);
        }
    };
    draw(m_viewport->panX(), w, true);
    draw(m_viewport->panY(), h, false);
}

} // namespace ladder
