#include "edgelayer.h"

#include "edgescene.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ladder {

namespace {

// The cached image never exceeds this many pixels a side: zooming out quickly can make the
// region large before the resolution follows.
constexpr int kMaxTextureSide = 4096;

} // namespace

EdgeLayer::EdgeLayer(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    setMipmap(false);
}

void EdgeLayer::setScene(EdgeScene *scene)
{
    if (scene == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene)
        connect(m_scene, &EdgeScene::sceneChanged, this, &EdgeLayer::repaint);
    update();
    emit sceneChanged();
}

void EdgeLayer::setLabels(bool labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    update();
    emit labelsChanged();
}

void EdgeLayer::setRegion(const QRectF &region)
{
    if (region == m_region)
        return;
    m_region = region;
    setPosition(region.topLeft());
    setSize(region.size());
    updateTextureSize();
    update();
    emit regionChanged();
}

void EdgeLayer::setResolution(double resolution)
{
    if (resolution <= 0 || qFuzzyCompare(resolution, m_resolution))
        return;
    m_resolution = resolution;
    updateTextureSize();
    update();
    emit resolutionChanged();
}

void EdgeLayer::setDetailed(bool detailed)
{
    if (detailed == m_detailed)
        return;
    m_detailed = detailed;
    update();
    emit detailedChanged();
}

void EdgeLayer::setNodeBlocks(bool on)
{
    if (on == m_nodeBlocks)
        return;
    m_nodeBlocks = on;
    update();
    emit nodeBlocksChanged();
}

void EdgeLayer::setDraft(bool draft)
{
    if (draft == m_draft)
        return;
    m_draft = draft;
    if (!m_draft && m_paintedDraft)
        update();
    emit draftChanged();
}

void EdgeLayer::setColors(const QVariantMap &colors)
{
    if (colors == m_colorMap)
        return;
    m_colorMap = colors;
    m_colors.clear();
    for (auto it = colors.cbegin(); it != colors.cend(); ++it)
        m_colors.insert(it.key(), it.value().value<QColor>());
    update();
    emit colorsChanged();
}

void EdgeLayer::updateTextureSize()
{
    const double scale = std::min({m_resolution, kMaxTextureSide / std::max(1.0, m_region.width()),
                                   kMaxTextureSide / std::max(1.0, m_region.height())});
    setTextureSize(QSize(std::max(1, int(std::ceil(m_region.width() * scale))),
                         std::max(1, int(std::ceil(m_region.height() * scale)))));
}

void EdgeLayer::repaint(const QRectF &canvasRect)
{
    if (canvasRect.isNull()) {
        update();
        return;
    }
    const QRectF local = canvasRect.intersected(m_region).translated(-m_region.topLeft());
    if (!local.isEmpty())
        update(local.toAlignedRect().adjusted(-1, -1, 1, 1));
}

QColor EdgeLayer::color(const QString &name) const
{
    return m_colors.value(name, QColor(Qt::gray));
}

QColor EdgeLayer::strokeOf(const SceneEdge &edge) const
{
    if (edge.item.invalid)
        return color(QStringLiteral("error"));
    if (edge.item.selected)
        return color(QStringLiteral("selected"));
    const QString &kind = edge.item.kind;
    return m_colors.contains(kind) ? m_colors.value(kind) : color(QStringLiteral("step"));
}

void EdgeLayer::paint(QPainter *painter)
{
    if (!m_scene || m_region.isEmpty())
        return;
    painter->translate(-m_region.topLeft());
    const QRectF exposed = painter->hasClipping() ? painter->clipBoundingRect() : m_region;
    // A partial paint is part of the image as it is: only a full one changes its quality.
    if (!painter->hasClipping())
        m_paintedDraft = m_draft;
    const bool fine = !m_paintedDraft;
    painter->setRenderHint(QPainter::Antialiasing, m_detailed && fine);
    painter->setRenderHint(QPainter::TextAntialiasing, fine);
    if (m_labels)
        painter->setFont(m_scene->labelFont());
    for (const SceneEdge &edge : m_scene->sceneEdges()) {
        if (m_labels) {
            if (!edge.labelBox.isEmpty() && edge.labelBox.intersects(exposed))
                paintLabel(painter, edge);
        } else if (edge.bounds.intersects(exposed)) {
            paintCurve(painter, edge);
        }
    }
    if (m_nodeBlocks && !m_labels)
        paintNodeBlocks(painter, exposed);
}

void EdgeLayer::paintNodeBlocks(QPainter *painter, const QRectF &exposed) const
{
    if (!m_scene->nodes())
        return;
    const QColor body = color(QStringLiteral("nodeBody"));
    const QColor border = color(QStringLiteral("border"));
    const QPen outline(border, 0);
    for (const NodeItem &n : m_scene->nodes()->items()) {
        const QRectF r(n.x, n.y, n.width, n.height);
        if (!r.intersects(exposed))
            continue;
        painter->setPen(outline);
        painter->setBrush(n.kind == QLatin1String("tier") ? QColor(n.color) : body);
        painter->drawRect(r);
        if (n.selected || n.invalid) {
            QPen mark(color(n.invalid ? QStringLiteral("error") : QStringLiteral("selected")), 2);
            mark.setCosmetic(true);
            painter->setPen(mark);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(r.adjusted(-3, -3, 3, 3));
        }
    }
}

void EdgeLayer::paintCurve(QPainter *painter, const SceneEdge &edge) const
{
    const QColor stroke = strokeOf(edge);
    // Zoomed far out a cosmetic hairline is what a 2-unit stroke would round to, and much
    // cheaper to rasterise.
    QPen pen(stroke, m_detailed ? (edge.item.selected ? 3 : 2) : 0);
    pen.setCapStyle(Qt::RoundCap);
    if (edge.item.dashed)
        pen.setDashPattern({5, 3});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(edge.curve);

    QPen outline(stroke, m_detailed ? 1 : 0);
    outline.setJoinStyle(Qt::MiterJoin);
    painter->setPen(outline);
    painter->setBrush(stroke);
    const QPointF head[] = {edge.geometry.p3, edge.geometry.arrowLeft, edge.geometry.arrowRight};
    painter->drawPolygon(head, 3);
}

void EdgeLayer::paintLabel(QPainter *painter, const SceneEdge &edge) const
{
    const QRectF box = edge.labelBox;
    const QColor stroke = strokeOf(edge);
    QColor fill = color(QStringLiteral("labelBackground"));
    if (edge.item.selected) {
        fill = color(QStringLiteral("selected"));
        fill.setAlphaF(0.12f);
        // Over the canvas, not over what lies below: the pill stays opaque.
        painter->setPen(Qt::NoPen);
        painter->setBrush(color(QStringLiteral("labelBackground")));
        painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    }
    const double border = edge.item.selected ? 2 : 1;
    painter->setPen(QPen(stroke, border));
    painter->setBrush(fill);
    const QRectF inner = box.adjusted(border / 2, border / 2, -border / 2, -border / 2);
    painter->drawRoundedRect(inner, inner.height() / 2, inner.height() / 2);
    painter->setPen(edge.item.invalid ? color(QStringLiteral("error"))
                                      : color(QStringLiteral("text")));
    painter->drawText(box, Qt::AlignCenter, edge.item.label);
}

} // namespace ladder
