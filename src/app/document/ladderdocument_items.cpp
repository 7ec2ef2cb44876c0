// LadderDocument: what each node and edge of the canvas shows (titles, prices, colours, condition
// labels, geometry, selection and problem markers).
#include "ladderdocument.h"

#include "core/pricing.h"
#include "ladderdocument_p.h"

namespace ladder {

using namespace document;

namespace {

QString edgeKind(const Condition &c)
{
    switch (c.type) {
    case Condition::Type::AfterTurns:
        return QStringLiteral("step");
    case Condition::Type::OnSignal:
        return QStringLiteral("signal");
    case Condition::Type::PostTurn:
        return QStringLiteral("post");
    case Condition::Type::ReturnAfter:
        return QStringLiteral("return");
    case Condition::Type::OnFailure:
        return QStringLiteral("failure");
    }
    return {};
}

} // namespace

NodeItem LadderDocument::makeNodeItem(const GraphNode &node) const
{
    NodeItem item;
    item.key = node.key;
    item.kind = nodeKindName(node.kind);
    item.nodeId = node.id;
    item.x = node.pos.x();
    item.y = node.pos.y();
    item.width = node.size.width();
    item.height = node.size.height();
    item.selected = m_selection->contains(node.key);
    item.problem = m_problemOf.value(node.key);
    item.invalid = !item.problem.isEmpty();
    switch (node.kind) {
    case NodeKind::Entry:
        item.title = tr("Start");
        item.subtitle = m_ladder.entry;
        break;
    case NodeKind::Any:
        item.title = tr("Any tier");
        break;
    case NodeKind::Tier: {
        const Tier &t = m_ladder.tiers[node.index];
        item.title = t.label.isEmpty() ? t.id : t.label;
        item.subtitle = t.provider + QStringLiteral(" · ") + t.model;
        item.role = t.role;
        if (const auto p = PricingTable::builtin().price(t.model)) {
            item.priceIn = p->inputPerMTok;
            item.priceOut = p->outputPerMTok;
        }
        item.color = tierColor(t, node.index);
        QStringList chain;
        for (const ModelRef &f : t.fallback)
            chain.append(f.model);
        if (!chain.isEmpty())
            item.detail = tr("fallback: %1").arg(chain.join(QStringLiteral(" → ")));
        item.isEntry = t.id == m_ladder.entry;
        item.escalateTool = t.escalateTool;
        break;
    }
    case NodeKind::Detector: {
        const Detector &d = m_ladder.detectors[node.index];
        item.title = d.id;
        item.enabled = d.enabled;
        if (d.kind == Detector::Kind::Learned) {
            item.subtitle = tr("learned → %1").arg(signalLabel(d.signal));
            item.detail =
                d.model ? tr("trained · p ≥ %1").arg(d.threshold, 0, 'f', 2) : tr("untrained");
        } else if (d.kind == Detector::Kind::Lexicon) {
            item.subtitle = tr("lexicon → %1").arg(signalLabel(d.signal));
            item.detail =
                d.patterns.size() == 1 ? tr("1 pattern") : tr("%1 patterns").arg(d.patterns.size());
        } else {
            item.subtitle = d.labels.size() == 1
                                ? tr("classifier → 1 label")
                                : tr("classifier → %1 labels").arg(d.labels.size());
            QStringList labels;
            for (const auto &l : d.labels)
                labels.append(l.first);
            item.detail = labels.join(QStringLiteral(", "));
        }
        break;
    }
    case NodeKind::Memory:
        item.title = tr("Memory & history");
        item.subtitle = injectLabel(m_ladder.memory.inject) + QStringLiteral(" · ") +
                        refreshLabel(m_ladder.memory.refresh);
        item.detail = tr("%1 · %2 tokens")
                          .arg(historyLabel(m_ladder.history))
                          .arg(m_ladder.memory.budgetTokens);
        break;
    }
    return item;
}

EdgeItem LadderDocument::makeEdgeItem(const GraphEdge &edge) const
{
    EdgeItem item;
    item.key = edge.key;
    item.from = edge.from;
    item.to = edge.to;
    item.transition = edge.transition;
    item.listeners = edge.listeners;
    if (edge.transition >= 0) {
        const Transition &t = m_ladder.transitions[edge.transition];
        item.kind = edgeKind(t.condition);
        item.label = conditionLabel(t.condition);
        item.dashed = t.condition.type == Condition::Type::OnFailure;
    } else {
        item.kind = QStringLiteral("entry");
    }
    if (const GraphNode *from = m_graph.node(edge.from); from && from->kind == NodeKind::Tier) {
        const Tier &t = m_ladder.tiers[from->index];
        item.color = tierColor(t, from->index);
    }
    item.geometry = m_graph.geometry(edge);
    item.selected = m_selection->contains(edge.key);
    item.problem = m_problemOf.value(edge.key);
    item.invalid = !item.problem.isEmpty();
    return item;
}

} // namespace ladder
