// LadderDocument: edits of the graph (add, delete, move, connect, reconnect) and
// the layout-only commands (align, auto-layout). Each pushes one undoable command.
#include "ladderdocument.h"

#include "core/pricing.h"
#include "laddercommands.h"
#include "ladderdocument_p.h"

#include <algorithm>

namespace ladder {

using namespace document;

void document::setLayoutPosition(Ladder &ladder, const QString &id, QPointF pos)
{
    for (NodePosition &p : ladder.layout) {
        if (p.id == id) {
            p.pos = pos;
            return;
        }
    }
    ladder.layout.append({id, pos});
}

QString document::newTransitionId(const Ladder &ladder)
{
    QSet<QString> ids;
    for (const Transition &t : ladder.transitions)
        ids.insert(t.id);
    int n = int(ladder.transitions.size()) + 1;
    while (ids.contains(QStringLiteral("t%1").arg(n)))
        ++n;
    return QStringLiteral("t%1").arg(n);
}

// ---- Edits ----------------------------------------------------------------------------------

QString LadderDocument::uniqueTierId(const QString &base, const Ladder &ladder) const
{
    QString id = base;
    for (int n = 2; ladder.tierIndex(id) >= 0; ++n)
        id = base + QStringLiteral("_%1").arg(n);
    return id;
}

QString LadderDocument::uniqueDetectorId(const QString &base, const Ladder &ladder) const
{
    auto taken = [&](const QString &id) {
        return std::any_of(ladder.detectors.cbegin(), ladder.detectors.cend(),
                           [&](const Detector &d) { return d.id == id; });
    };
    QString id = base;
    for (int n = 2; taken(id); ++n)
        id = base + QStringLiteral("_%1").arg(n);
    return id;
}

QString LadderDocument::addNode(const QString &kind, double x, double y)
{
    Ladder after = m_ladder;
    const QPointF pos(m_snap ? snapTo(x, gridSize()) : x, m_snap ? snapTo(y, gridSize()) : y);
    QString key;
    if (kind == QLatin1String("tier")) {
        Tier tier;
        tier.id = uniqueTierId(QStringLiteral("tier"), after);
        tier.label = tr("New tier");
        tier.role = QStringLiteral("light");
        const QStringList models = modelNames();
        tier.model = models.contains(QStringLiteral("gpt-5-mini")) ? QStringLiteral("gpt-5-mini")
                                                                   : models.value(0);
        tier.provider = providerOf(tier.model);
        if (tier.provider.isEmpty())
            tier.provider = QStringLiteral("simulated");
        tier.color = handedOutTierColor(after.tiers.size());
        after.tiers.append(tier);
        if (after.entry.isEmpty())
            after.entry = tier.id;
        setLayoutPosition(after, tier.id, pos);
        key = nodeKey(NodeKind::Tier, tier.id);
    } else if (kind == QLatin1String("detector") || kind == QLatin1String("classifier")) {
        Detector d;
        const bool classifier = kind == QLatin1String("classifier");
        d.id = uniqueDetectorId(
            classifier ? QStringLiteral("classifier") : QStringLiteral("detector"), after);
        d.kind = classifier ? Detector::Kind::Classifier : Detector::Kind::Lexicon;
        d.signal = classifier ? PreSignal::Classification : PreSignal::HighStakes;
        if (classifier) {
            d.defaultLabel = QStringLiteral("general");
            d.labels.append({QStringLiteral("code"),
                             {QStringLiteral("\\bcode\\b"), QStringLiteral("\\bbug\\b")}});
        }
        after.detectors.append(d);
        setLayoutPosition(after, d.id, pos);
        key = nodeKey(NodeKind::Detector, d.id);
    } else {
        setError(tr("Cannot add a node of kind \"%1\"").arg(kind));
        return {};
    }
    m_undo->push(new LadderEditCommand(this, tr("Add %1").arg(kind), after, {key}));
    return key;
}

void LadderDocument::deleteSelection()
{
    Ladder after = m_ladder;
    QSet<QString> tiers, detectors;
    QSet<int> transitions;
    for (const QString &key : m_selection->keySet()) {
        if (key.startsWith(QLatin1String("tier:")))
            tiers.insert(layoutIdOfKey(key));
        else if (key.startsWith(QLatin1String("detector:")))
            detectors.insert(layoutIdOfKey(key));
        else if (const int t = transitionIndexOfEdgeKey(key); t >= 0)
            transitions.insert(t);
    }
    if (tiers.isEmpty() && detectors.isEmpty() && transitions.isEmpty())
        return;
    QList<Transition> keptTransitions;
    for (int i = 0; i < after.transitions.size(); ++i) {
        const Transition &t = after.transitions[i];
        if (transitions.contains(i) || tiers.contains(t.from) || tiers.contains(t.to))
            continue;
        keptTransitions.append(t);
    }
    after.transitions = keptTransitions;
    after.tiers.removeIf([&](const Tier &t) { return tiers.contains(t.id); });
    after.detectors.removeIf([&](const Detector &d) { return detectors.contains(d.id); });
    after.layout.removeIf(
        [&](const NodePosition &p) { return tiers.contains(p.id) || detectors.contains(p.id); });
    if (tiers.contains(after.entry))
        after.entry = after.tiers.isEmpty() ? QString() : after.tiers.first().id;
    m_undo->push(new LadderEditCommand(this, tr("Delete selection"), after, {}));
}

void LadderDocument::beginMove(const QString &grabbedKey)
{
    if (!grabbedKey.isEmpty() && !m_selection->contains(grabbedKey))
        m_selection->select(grabbedKey, QStringLiteral("replace"));
    m_moveStart.clear();
    for (const QString &key : m_selection->keySet()) {
        if (const GraphNode *n = m_graph.node(key))
            m_moveStart.insert(layoutIdOfKey(key), n->pos);
    }
    ++m_moveSerial;
    setMoving(!m_moveStart.isEmpty());
}

void LadderDocument::setMoving(bool moving)
{
    if (moving == m_moving)
        return;
    m_moving = moving;
    emit movingChanged();
}

void LadderDocument::dragMove(double dx, double dy)
{
    if (!m_moving)
        return;
    QList<NodePosition> layout = m_ladder.layout;
    Ladder scratch;
    scratch.layout = layout;
    for (auto it = m_moveStart.cbegin(); it != m_moveStart.cend(); ++it) {
        QPointF p = it.value() + QPointF(dx, dy);
        if (m_snap)
            p = QPointF(snapTo(p.x(), gridSize()), snapTo(p.y(), gridSize()));
        setLayoutPosition(scratch, it.key(), p);
    }
    if (scratch.layout == m_ladder.layout)
        return;
    m_undo->push(new MoveNodesCommand(this, tr("Move"), scratch.layout, m_moveSerial));
}

void LadderDocument::endMove()
{
    m_moveStart.clear();
    setMoving(false);
}

bool LadderDocument::connectNodes(const QString &fromKey, const QString &toKey)
{
    const GraphNode *from = m_graph.node(fromKey);
    const GraphNode *to = m_graph.node(toKey);
    if (!from || !to || to->kind != NodeKind::Tier || fromKey == toKey)
        return false;
    Ladder after = m_ladder;
    if (from->kind == NodeKind::Entry) {
        if (after.entry == to->id)
            return false;
        after.entry = to->id;
        m_undo->push(new LadderEditCommand(this, tr("Set entry tier"), after, {toKey}));
        return true;
    }
    if (from->kind != NodeKind::Tier && from->kind != NodeKind::Any)
        return false;
    Transition t;
    t.id = newTransitionId(after);
    t.from = from->kind == NodeKind::Any ? QStringLiteral("*") : from->id;
    t.to = to->id;
    if (from->kind == NodeKind::Any) {
        t.condition.type = Condition::Type::OnFailure;
        t.condition.failures = {FailureKind::RateLimited, FailureKind::Unavailable};
    } else {
        t.condition.type = Condition::Type::AfterTurns;
        t.condition.turns = 2;
    }
    after.transitions.append(t);
    const QString key = edgeKeyOfTransition(int(after.transitions.size()) - 1);
    m_undo->push(
        new LadderEditCommand(this, tr("Connect %1 → %2").arg(t.from, t.to), after, {key}));
    return true;
}

bool LadderDocument::reconnectEdge(const QString &edgeKey, const QString &fromKey,
                                   const QString &toKey)
{
    const int index = transitionIndexOfEdgeKey(edgeKey);
    const GraphNode *from = m_graph.node(fromKey);
    const GraphNode *to = m_graph.node(toKey);
    if (index < 0 || index >= m_ladder.transitions.size() || !from || !to ||
        to->kind != NodeKind::Tier || (from->kind != NodeKind::Tier && from->kind != NodeKind::Any))
        return false;
    Ladder after = m_ladder;
    Transition &t = after.transitions[index];
    t.from = from->kind == NodeKind::Any ? QStringLiteral("*") : from->id;
    t.to = to->id;
    if (after == m_ladder)
        return false;
    m_undo->push(new LadderEditCommand(this, tr("Reconnect transition"), after, {edgeKey}));
    return true;
}

void LadderDocument::deleteEdge(const QString &edgeKey)
{
    const int index = transitionIndexOfEdgeKey(edgeKey);
    if (index < 0 || index >= m_ladder.transitions.size())
        return;
    Ladder after = m_ladder;
    after.transitions.removeAt(index);
    m_undo->push(new LadderEditCommand(this, tr("Delete transition"), after, {}));
}

// ---- Layout-only commands ------------------------------------------------------------------

void LadderDocument::align(const QString &mode)
{
    QList<const GraphNode *> nodes;
    for (const QString &key : m_selection->keySet()) {
        if (const GraphNode *n = m_graph.node(key))
            nodes.append(n);
    }
    if (nodes.size() < 2)
        return;
    double minX = qInf(), minY = qInf(), maxR = -qInf(), maxB = -qInf();
    for (const GraphNode *n : nodes) {
        minX = std::min(minX, n->pos.x());
        minY = std::min(minY, n->pos.y());
        maxR = std::max(maxR, n->rect().right());
        maxB = std::max(maxB, n->rect().bottom());
    }
    Ladder scratch;
    scratch.layout = m_ladder.layout;
    for (const GraphNode *n : nodes) {
        QPointF p = n->pos;
        if (mode == QLatin1String("left"))
            p.setX(minX);
        else if (mode == QLatin1String("right"))
            p.setX(maxR - n->size.width());
        else if (mode == QLatin1String("top"))
            p.setY(minY);
        else if (mode == QLatin1String("bottom"))
            p.setY(maxB - n->size.height());
        else if (mode == QLatin1String("hcenter"))
            p.setX((minX + maxR) / 2 - n->size.width() / 2);
        else if (mode == QLatin1String("vcenter"))
            p.setY((minY + maxB) / 2 - n->size.height() / 2);
        else
            return;
        setLayoutPosition(scratch, layoutIdOfKey(n->key), p);
    }
    if (scratch.layout == m_ladder.layout)
        return;
    m_undo->push(new LayoutCommand(this, tr("Align %1").arg(mode), scratch.layout));
}

QList<NodePosition> LadderDocument::withAutoLayout(QList<NodePosition> layout) const
{
    const QHash<QString, QPointF> positions = computeAutoLayout(m_ladder, PricingTable::builtin());
    QHash<QString, qsizetype> row; // not setLayoutPosition(): linear per node
    for (qsizetype i = 0; i < layout.size(); ++i)
        row.insert(layout[i].id, i);
    // Stable order: nodes in graph order, so the layout section diff stays readable.
    for (const GraphNode &n : std::as_const(m_graph.nodes)) {
        const QString id = layoutIdOfKey(n.key);
        const auto pos = positions.constFind(id);
        if (pos == positions.cend())
            continue;
        if (const auto it = row.constFind(id); it != row.cend()) {
            layout[it.value()].pos = pos.value();
        } else {
            row.insert(id, layout.size());
            layout.append({id, pos.value()});
        }
    }
    return layout;
}

void LadderDocument::autoLayout()
{
    const QList<NodePosition> layout = withAutoLayout(m_ladder.layout);
    if (layout == m_ladder.layout)
        return;
    m_undo->push(new LayoutCommand(this, tr("Auto-layout"), layout));
}

} // namespace ladder
