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
    if (m_scene) {
        connect(m_scene, &EdgeScene::sceneChanged, this, &EdgeLayer::repaint);
        connect(m_scene, &EdgeScene::curvesChanged, this, [this](const QRectF &rect, bool live) {
            if (!m_labels && drawsCurves(live))
                repaint(rect);
        });
        connect(m_scene, &EdgeScene::labelsChanged, this, [this](const QRectF &rect) {
            if (m_labels)
                repaint(rect);
        });
        connect(m_scene, &EdgeScene::nodeBlocksChanged, this, [this](const QRectF &rect) {
            if (m_nodeBlocks)
                repaint(rect);
        });
    }
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

void EdgeLayer::setPart(Part part)
{
    if (part == m_part)
        return;
    m_part = part;
    update();
    emit partChanged();
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
    // A full paint sets the image's quality. A partial one matches it, except in a draft
    // gesture (a node dragged across long edges repaints most of them every step): then it is
    // drafted too, and the whole image is painted again sharp when the gesture ends.
    if (!painter->hasClipping())
        m_paintedDraft = m_draft;
    else if (m_draft)
        m_paintedDraft = true;
    const bool fine = !m_paintedDraft;
    painter->setRenderHint(QPainter::Antialiasing, m_detailed && fine);
    painter->setRenderHint(QPainter::TextAntialiasing, fine);
    if (m_labels)
        painter->setFont(m_scene->labelFont());
    else
        paintLinks(painter, exposed);
    for (const SceneEdge &edge : m_scene->sceneEdges()) {
        if (!m_labels && !drawsCurves(edge.live))
            continue;
        if (m_labels) {
            if (!edge.labelBox.isEmpty() && edge.labelBox.intersects(exposed))
                paintLabel(painter, edge);
        } else if (edge.bounds.intersects(exposed)) {
            paintCurve(painter, edge, exposed);
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

namespace {

struct Cubic {
    QPointF p0, c1, c2, p3;
};

// Overlap tests that also hold for a straight edge, whose bounds have no width or height
// (QRectF's own treat such a rectangle as empty).
bool overlaps(const QRectF &a, const QRectF &b)
{
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() &&
           b.top() <= a.bottom();
}

// Whether `inner` lies within `outer`, edges included.
bool coversRect(const QRectF &outer, const QRectF &inner)
{
    return outer.left() <= inner.left() && inner.right() <= outer.right() &&
           outer.top() <= inner.top() && inner.bottom() <= outer.bottom();
}

QRectF hull(const Cubic &c)
{
    const double left = std::min({c.p0.x(), c.c1.x(), c.c2.x(), c.p3.x()});
    const double right = std::max({c.p0.x(), c.c1.x(), c.c2.x(), c.p3.x()});
    const double top = std::min({c.p0.y(), c.c1.y(), c.c2.y(), c.p3.y()});
    const double bottom = std::max({c.p0.y(), c.c1.y(), c.c2.y(), c.p3.y()});
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

// Appends the pieces of `c` whose control hull (which holds the curve) meets `area`, split in
// halves (de Casteljau) down to `depth`: exactly the same curve, without its far-off parts.
void appendVisible(const Cubic &c, const QRectF &area, int depth, QPainterPath *out)
{
    const QRectF box = hull(c);
    if (!overlaps(box, area))
        return;
    if (depth == 0 || coversRect(area, box)) {
        if (out->isEmpty() || out->currentPosition() != c.p0)
            out->moveTo(c.p0);
        out->cubicTo(c.c1, c.c2, c.p3);
        return;
    }
    const QPointF a = (c.p0 + c.c1) / 2, b = (c.c1 + c.c2) / 2, d = (c.c2 + c.p3) / 2;
    const QPointF ab = (a + b) / 2, bd = (b + d) / 2, mid = (ab + bd) / 2;
    appendVisible({c.p0, a, ab, mid}, area, depth - 1, out);
    appendVisible({mid, bd, d, c.p3}, area, depth - 1, out);
}

} // namespace

// The part of an edge's curve that can reach `area`. At 100 % a transition between far-apart
// tiers is thousands of pixels long, and the rasteriser strokes a path in full however much of
// it the clip keeps: drawing only what is near the exposed area made the sharp repaint at rest of
// the 1,000-edge benchmark ladder at 100 % about twice as cheap (285 -> 125-153 ms).
QPainterPath visiblePart(const EdgeGeometry &g, const QRectF &area)
{
    QPainterPath path;
    appendVisible({g.p0, g.c1, g.c2, g.p3}, area, 10, &path);
    return path;
}

void EdgeLayer::paintCurve(QPainter *painter, const SceneEdge &edge, const QRectF &exposed) const
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
    // A dash pattern restarts at every piece: dashed edges are drawn whole, so a partial
    // repaint cannot shift their dashes against the rest of the image.
    const QRectF area = exposed.adjusted(-8, -8, 8, 8);
    if (edge.item.dashed || coversRect(area, edge.bounds))
        painter->drawPath(edge.curve);
    else
        painter->drawPath(visiblePart(edge.geometry, area));

    QPen outline(stroke, m_detailed ? 1 : 0);
    outline.setJoinStyle(Qt::MiterJoin);
    painter->setPen(outline);
    painter->setBrush(stroke);
    const QPointF head[] = {edge.geometry.p3, edge.geometry.arrowLeft, edge.geometry.arrowRight};
    painter->drawPolygon(head, 3);
}

// Detector links: light dashed curves under the transitions, the hovered one in the selection
// colour. Drawn whole, like dashed edges, so a partial repaint keeps their dashes in place.
void EdgeLayer::paintLinks(QPainter *painter, const QRectF &exposed) const
{
    const QString hovered = m_scene->hoveredLink();
    for (const SceneLink &link : m_scene->sceneLinks()) {
        if (!drawsCurves(link.live) || link.curve.isEmpty() || !link.bounds.intersects(exposed))
            continue;
        const bool hot = link.key == hovered;
        QPen pen(color(hot ? QStringLiteral("selected") : QStringLiteral("link")),
                 m_detailed ? (hot ? 2 : 1.2) : 0);
        pen.setDashPattern({4, 4});
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(link.curve);
    }
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
