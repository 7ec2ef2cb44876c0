// LadderDocument: construction, the model/pricing catalogue, and turning the Ladder value into the
// graph, node, edge and problem models (after every command). The other parts live in
// ladderdocument_files.cpp (open, save, autosave), ladderdocument_items.cpp (what a node or edge
// shows) and ladderdocument_edits.cpp (graph edits and layout commands). Its helpers have their
// own classes: LadderSelection, LadderClipboard, LadderInspector (ladderinspector*.cpp).
#include "ladderdocument.h"

#include "core/pricing.h"
#include "core/validation.h"
#include "providers/provider_config.h"

#include <QFileInfo>

namespace ladder {

LadderDocument::LadderDocument(QObject *parent)
    : QObject(parent)
    , m_nodes(new NodeListModel(this))
    , m_edges(new EdgeListModel(this))
    , m_problems(new ProblemListModel(this))
    , m_undo(new QUndoStack(this))
    , m_selection(new LadderSelection(this))
    , m_clipboard(new LadderClipboard(this))
    , m_inspector(new LadderInspector(this))
{
    connect(m_selection, &LadderSelection::touched, this, &LadderDocument::refreshSelected);
    connect(m_selection, &LadderSelection::changed, m_inspector, &LadderInspector::changed);
    connect(this, &LadderDocument::documentChanged, m_inspector, &LadderInspector::changed);
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool) { setDirty(!m_undo->isClean() || m_recovered); });
    connect(m_undo, &QUndoStack::indexChanged, this, &LadderDocument::undoStateChanged);
    connect(m_undo, &QUndoStack::canUndoChanged, this, &LadderDocument::undoStateChanged);
    connect(m_undo, &QUndoStack::canRedoChanged, this, &LadderDocument::undoStateChanged);
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(30 * 1000);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            writeAutosave();
    });
    connect(m_undo, &QUndoStack::indexChanged, this, [this] {
        if (!m_autosavePath.isEmpty() && !m_autosaveTimer.isActive())
            m_autosaveTimer.start();
    });
    newDocument();
}

LadderDocument::~LadderDocument() = default;

QString LadderDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void LadderDocument::setSnapToGrid(bool on)
{
    if (m_snap == on)
        return;
    m_snap = on;
    emit snapToGridChanged();
}

void LadderDocument::setAutosavePath(const QString &path)
{
    if (m_autosavePath == path)
        return;
    m_autosavePath = path;
    emit autosavePathChanged();
}

QStringList LadderDocument::modelNames() const
{
    QStringList names;
    const auto prices = PricingTable::builtin().all();
    for (const ModelPrice &p : prices)
        names.append(p.model);
    for (const QStringList &models : m_providerModels) {
        for (const QString &model : models) {
            if (!names.contains(model))
                names.append(model);
        }
    }
    names.sort();
    return names;
}

QStringList LadderDocument::providerNames() const
{
    QStringList names = ValidationContext::builtinProviders();
    const auto prices = PricingTable::builtin().all();
    for (const ModelPrice &p : prices) {
        if (!names.contains(p.provider))
            names.append(p.provider);
    }
    for (const char *p : {"simulated", "replay", "openai", "anthropic", "gemini"}) {
        if (!names.contains(QLatin1String(p)))
            names.append(QLatin1String(p));
    }
    for (auto it = m_providerModels.cbegin(); it != m_providerModels.cend(); ++it) {
        if (!names.contains(it.key()))
            names.append(it.key());
    }
    names.sort();
    return names;
}

QVariantMap LadderDocument::providerModels() const
{
    QVariantMap map;
    for (auto it = m_providerModels.cbegin(); it != m_providerModels.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

void LadderDocument::setProviderModels(const QVariantMap &modelsByProvider)
{
    QMap<QString, QStringList> models;
    for (auto it = modelsByProvider.cbegin(); it != modelsByProvider.cend(); ++it)
        models.insert(it.key(), it.value().toStringList());
    if (models == m_providerModels && !m_providerConfig)
        return;
    m_providerModels = models;
    m_providerConfig.reset();
    m_pricing = PricingTable::builtin();
    emit catalogueChanged();
    rebuild(); // a configured provider id is no longer unknown to the validator
}

void LadderDocument::setProviderConfig(std::shared_ptr<const ProviderConfig> config)
{
    m_providerModels.clear();
    if (config) {
        for (const ProviderConfigEntry &entry : config->providers)
            m_providerModels.insert(entry.id, entry.models);
    }
    m_providerConfig = std::move(config);
    m_pricing = m_providerConfig ? m_providerConfig->pricing() : PricingTable::builtin();
    emit catalogueChanged();
    rebuild(); // its ids are known providers, its prices price their models
}

double LadderDocument::priceIn(const QString &model) const
{
    const auto p = m_pricing.price(model);
    return p ? p->inputPerMTok : -1;
}

double LadderDocument::priceOut(const QString &model) const
{
    const auto p = m_pricing.price(model);
    return p ? p->outputPerMTok : -1;
}

QString LadderDocument::providerOf(const QString &model) const
{
    if (const auto p = PricingTable::builtin().price(model))
        return p->provider;
    for (auto it = m_providerModels.cbegin(); it != m_providerModels.cend(); ++it) {
        if (it.value().contains(model))
            return it.key();
    }
    return {};
}

void LadderDocument::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    emit errorStringChanged();
}

void LadderDocument::setDirty(bool dirty)
{
    if (m_dirty == dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged();
}

// ---- Model building -------------------------------------------------------------------------

QString LadderDocument::targetOfPath(const QString &jsonPath) const
{
    const QStringList parts = jsonPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    const QString &section = parts[0];
    const int index = parts.size() > 1 ? parts[1].toInt() : -1;
    if (section == QLatin1String("tiers") && index >= 0 && index < m_ladder.tiers.size())
        return nodeKey(NodeKind::Tier, m_ladder.tiers[index].id);
    if (section == QLatin1String("transitions") && index >= 0 &&
        index < m_ladder.transitions.size())
        return edgeKeyOfTransition(index);
    if (section == QLatin1String("detectors") && index >= 0 && index < m_ladder.detectors.size())
        return nodeKey(NodeKind::Detector, m_ladder.detectors[index].id);
    if (section == QLatin1String("entry"))
        return QStringLiteral("entry");
    if (section == QLatin1String("memory") || section == QLatin1String("history"))
        return QStringLiteral("memory");
    return {};
}

void LadderDocument::rebuild()
{
    // The same context as `ladder validate --providers FILE` (cli::RunProviders).
    const ValidationContext context =
        m_providerConfig ? m_providerConfig->validationContext(&m_pricing)
                         : ValidationContext::withProviders(m_providerModels.keys());
    m_diagnostics = validate(m_ladder, context);
    m_problemOf.clear();
    QList<ProblemItem> problems;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        ProblemItem item;
        item.severity = d.severity == Diagnostic::Severity::Error ? QStringLiteral("error")
                                                                  : QStringLiteral("warning");
        item.path = d.path;
        item.message = d.message;
        item.target = targetOfPath(d.path);
        if (d.severity == Diagnostic::Severity::Error && !item.target.isEmpty() &&
            !m_problemOf.contains(item.target))
            m_problemOf.insert(item.target, d.message);
        problems.append(item);
    }
    m_graph = LadderGraph::build(m_ladder, PricingTable::builtin());
    refreshItems();
    m_problems->setItems(problems);
    emit documentChanged(); // the inspector follows
    emit geometryChanged();
}

void LadderDocument::refreshItems()
{
    QList<NodeItem> nodes;
    nodes.reserve(m_graph.nodes.size());
    for (const GraphNode &n : std::as_const(m_graph.nodes))
        nodes.append(makeNodeItem(n));
    m_nodes->setItems(nodes);
    QList<EdgeItem> edges;
    edges.reserve(m_graph.edges.size());
    for (const GraphEdge &e : std::as_const(m_graph.edges))
        edges.append(makeEdgeItem(e));
    m_edges->setItems(edges);
}

void LadderDocument::applyLadder(const Ladder &ladder)
{
    m_ladder = ladder;
    // Selection keys of elements that no longer exist are dropped.
    rebuild();
    QSet<QString> kept;
    for (const QString &k : m_selection->keySet()) {
        if (m_graph.nodeRow.contains(k) || m_edges->rowOf(k) >= 0)
            kept.insert(k);
    }
    m_selection->setKeys(kept);
}

void LadderDocument::applyLayout(const QList<NodePosition> &layout)
{
    QHash<QString, QPointF> before;
    for (const NodePosition &p : std::as_const(m_ladder.layout))
        before.insert(p.id, p.pos);
    QHash<QString, QPointF> after;
    for (const NodePosition &p : layout)
        after.insert(p.id, p.pos);
    m_ladder.layout = layout;

    QSet<QString> changedIds;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key(), QPointF(qQNaN(), qQNaN())) != it.value())
            changedIds.insert(it.key());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changedIds.insert(it.key());
    }
    if (changedIds.isEmpty())
        return;

    QHash<QString, QPointF> autoPositions;
    bool autoComputed = false;
    QSet<QString> movedKeys;
    for (GraphNode &node : m_graph.nodes) {
        const QString id = layoutIdOfKey(node.key);
        if (!changedIds.contains(id))
            continue;
        if (after.contains(id)) {
            node.pos = after.value(id);
        } else {
            if (!autoComputed) {
                autoPositions = computeAutoLayout(m_ladder, PricingTable::builtin());
                autoComputed = true;
            }
            node.pos = autoPositions.value(id, node.pos);
        }
        movedKeys.insert(node.key);
        m_nodes->updateItem(makeNodeItem(node));
    }
    // Only the edges of moved nodes get new geometry.
    for (const GraphEdge &edge : std::as_const(m_graph.edges)) {
        if (movedKeys.contains(edge.from) || movedKeys.contains(edge.to))
            m_edges->updateItem(makeEdgeItem(edge));
    }
    emit geometryChanged();
}

QPointF LadderDocument::nodePosition(const QString &key) const
{
    const GraphNode *n = m_graph.node(key);
    return n ? n->pos : QPointF();
}

QRectF LadderDocument::contentBounds() const
{
    QRectF bounds;
    for (const GraphNode &n : m_graph.nodes)
        bounds = bounds.united(n.rect());
    return bounds;
}

QString LadderDocument::nodeAt(double x, double y) const
{
    // Topmost (last drawn) first.
    for (auto it = m_graph.nodes.crbegin(); it != m_graph.nodes.crend(); ++it) {
        if (it->rect().contains(QPointF(x, y)))
            return it->key;
    }
    return {};
}

QRectF LadderDocument::elementRect(const QString &key) const
{
    if (const GraphNode *n = m_graph.node(key))
        return n->rect();
    for (const GraphEdge &e : m_graph.edges) {
        if (e.key == key) {
            const EdgeGeometry g = m_graph.geometry(e);
            return QRectF(g.label - QPointF(60, 20), QSizeF(120, 40));
        }
    }
    return {};
}

void LadderDocument::refreshSelected(const QSet<QString> &keys)
{
    for (const QString &k : keys) {
        if (const GraphNode *n = m_graph.node(k)) {
            m_nodes->updateItem(makeNodeItem(*n));
            continue;
        }
        for (const GraphEdge &e : std::as_const(m_graph.edges)) {
            if (e.key == k) {
                m_edges->updateItem(makeEdgeItem(e));
                break;
            }
        }
    }
}

} // namespace ladder
