#include "canvasgrid.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>

#include <cmath>

namespace ladder {

namespace {

// Lines of the grid repeat every `kMajorEvery` minor lines, where a major line is drawn.
constexpr int kMajorEvery = 5;

} // namespace

CanvasGrid::CanvasGrid(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
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
    restyle();
}

void CanvasGrid::setFillColor(const QColor &color)
{
    if (color == m_fill)
        return;
    m_fill = color;
    restyle();
}

void CanvasGrid::setMinorColor(const QColor &color)
{
    if (color == m_minor)
        return;
    m_minor = color;
    restyle();
}

void CanvasGrid::setMajorColor(const QColor &color)
{
    if (color == m_major)
        return;
    m_major = color;
    restyle();
}

void CanvasGrid::restyle()
{
    m_tileDirty = true;
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

void CanvasGrid::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        update();
}

QImage CanvasGrid::paintTile(QSize size, double dpr) const
{
    QImage tile(size, QImage::Format_RGB32);
    tile.fill(m_fill);
    QPainter painter(&tile);
    const double pixelSpacing = m_tileSpacing * dpr;
    const int lineWidth = std::max(1, int(std::lround(dpr)));
    auto draw = [&](int extent, bool vertical) {
        for (int line = 0;; ++line) {
            const int at = int(std::lround(line * pixelSpacing));
            if (at >= extent)
                break;
            const QColor &color = line % kMajorEvery == 0 ? m_major : m_minor;
            if (vertical)
                painter.fillRect(QRect(at, 0, lineWidth, size.height()), color);
            else
                painter.fillRect(QRect(0, at, size.width(), lineWidth), color);
        }
    };
    draw(size.width(), true);
    draw(size.height(), false);
    return tile;
}

QSGNode *CanvasGrid::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *node = static_cast<QSGImageNode *>(old);
    if (!m_viewport || width() <= 0 || height() <= 0) {
        delete node;
        return nullptr;
    }
    const double zoom = m_viewport->zoom();
    const double spacing = lineSpacing(m_step, zoom) * zoom; // view pixels between two lines
    const double period = kMajorEvery * spacing;
    const double dpr = window()->effectiveDevicePixelRatio();
    const QSize needed(int(std::ceil((width() + period) * dpr)) + 1,
                       int(std::ceil((height() + period) * dpr)) + 1);
    if (!node) {
        node = window()->createImageNode();
        node->setFiltering(QSGTexture::Nearest);
        m_tileDirty = true;
    }
    if (m_tileDirty || spacing != m_tileSpacing || m_tileSize.width() < needed.width() ||
        m_tileSize.height() < needed.height()) {
        m_tileSpacing = spacing;
        m_tileSize = needed;
        m_tileDirty = false;
        // Some Qt versions delete an owned texture in setTexture, some do not.
        QSGTexture *previous = node->texture();
        node->setOwnsTexture(false);
        node->setTexture(window()->createTextureFromImage(paintTile(needed, dpr)));
        node->setOwnsTexture(true);
        delete previous;
    }
    // The tile has a major line at its origin; in the view they sit at pan modulo the period.
    auto shift = [&](double pan) {
        double offset = std::fmod(pan, period);
        if (offset < 0)
            offset += period;
        return double(std::lround((period - offset) * dpr));
    };
    node->setRect(QRectF(0, 0, width(), height()));
    node->setSourceRect(QRectF(shift(m_viewport->panX()), shift(m_viewport->panY()),
                               std::round(width() * dpr), std::round(height() * dpr)));
    return node;
}

} // namespace ladder
