#include "ladderdocument.h"

#include "core/ladder_json.h"
#include "core/pricing.h"
#include "core/resources.h"
#include "core/validation.h"
#include "laddercommands.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace ladder {

namespace {

constexpr auto kClipboardMime = "application/x-ladder-studio+json";
constexpr auto kClipboardKey = "ladder_studio_clipboard";

const QStringList kTierColors = {
    QStringLiteral("#7c4dff"), QStringLiteral("#00897b"), QStringLiteral("#f4511e"),
    QStringLiteral("#1e88e5"), QStringLiteral("#c0ca33"), QStringLiteral("#8e24aa"),
    QStringLiteral("#6d4c41"), QStringLiteral("#039be5"),
};

QString localPath(const QString &pathOrUrl)
{
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

QStringList toList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        QStringList out;
        const auto parts = value.toString().split(QLatin1Char('\n'));
        for (const QString &p : parts) {
            if (!p.trimmed().isEmpty())
                out.append(p.trimmed());
        }
        return out;
    }
    QStringList out;
    const QVariantList list = value.toList();
    for (const QVariant &v : list)
        out.append(v.toString());
    return out;
}

QString injectName(MemoryPolicy::Inject i)
{
    switch (i) {
    case MemoryPolicy::Inject::OnSwitch:
        return QStringLiteral("on_switch");
    case MemoryPolicy::Inject::EveryTurn:
        return QStringLiteral("every_turn");
    case MemoryPolicy::Inject::Never:
        return QStringLiteral("never");
    }
    return {};
}

QString refreshName(MemoryPolicy::Refresh r)
{
    switch (r) {
    case MemoryPolicy::Refresh::Scaffold:
        return QStringLiteral("scaffold");
    case MemoryPolicy::Refresh::Summarize:
        return QStringLiteral("summarize");
    case MemoryPolicy::Refresh::None:
        return QStringLiteral("none");
    }
    return {};
}

QString historyName(HistoryPolicy::Mode m)
{
    switch (m) {
    case HistoryPolicy::Mode::Full:
        return QStringLiteral("full");
    case HistoryPolicy::Mode::CleanHandoff:
        return QStringLiteral("clean_handoff");
    case HistoryPolicy::Mode::MemoryLastK:
        return QStringLiteral("memory_last_k");
    }
    return {};
}

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

QString injectLabel(MemoryPolicy::Inject i)
{
    switch (i) {
    case MemoryPolicy::Inject::OnSwitch:
        return LadderDocument::tr("inject on switch");
    case MemoryPolicy::Inject::EveryTurn:
        return LadderDocument::tr("inject every turn");
    case MemoryPolicy::Inject::Never:
        return LadderDocument::tr("never injected");
    }
    return {};
}

QString refreshLabel(MemoryPolicy::Refresh r)
{
    switch (r) {
    case MemoryPolicy::Refresh::Scaffold:
        return LadderDocument::tr("scaffold");
    case MemoryPolicy::Refresh::Summarize:
        return LadderDocument::tr("summarize");
    case MemoryPolicy::Refresh::None:
        return LadderDocument::tr("no refresh");
    }
    return {};
}

QString historyLabel(const HistoryPolicy &h)
{
    switch (h.mode) {
    case HistoryPolicy::Mode::Full:
        return LadderDocument::tr("full");
    case HistoryPolicy::Mode::CleanHandoff:
        return LadderDocument::tr("clean handoff");
    case HistoryPolicy::Mode::MemoryLastK:
        return LadderDocument::tr("memory + last %1").arg(h.lastK);
    }
    return {};
}

QString formatPrice(double usd)
{
    return QString::number(usd, 'g', 4);
}

QVariantList namesOf(int count, QString (*name)(int))
{
    QVariantList out;
    for (int i = 0; i < count; ++i)
        out.append(name(i));
    return out;
}

} // namespace

LadderDocument::LadderDocument(QObject *parent)
    : QObject(parent)
    , m_nodes(new NodeListModel(this))
    , m_edges(new EdgeListModel(this))
    , m_problems(new ProblemListModel(this))
    , m_undo(new QUndoStack(this))
{
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

QStringList LadderDocument::selection() const
{
    QStringList keys(m_selection.cbegin(), m_selection.cend());
    keys.sort();
    return keys;
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

QStringList LadderDocument::templates() const
{
    return exampleLadderNames();
}

QStringList LadderDocument::modelNames() const
{
    QStringList names;
    const auto prices = PricingTable::builtin().all();
    for (const ModelPrice &p : prices)
        names.append(p.model);
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
    names.sort();
    return names;
}

QString LadderDocument::templateTitle(const QString &name) const
{
    const ParseResult r = parseLadder(readResource(exampleLadderResourcePath(name)));
    if (!r.ladder.name.isEmpty())
        return r.ladder.name;
    QString title = name;
    title.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

double LadderDocument::priceIn(const QString &model) const
{
    const auto p = PricingTable::builtin().price(model);
    return p ? p->inputPerMTok : -1;
}

double LadderDocument::priceOut(const QString &model) const
{
    const auto p = PricingTable::builtin().price(model);
    return p ? p->outputPerMTok : -1;
}

QString LadderDocument::providerOf(const QString &model) const
{
    const auto p = PricingTable::builtin().price(model);
    return p ? p->provider : QString();
}

// ---- Files ----------------------------------------------------------------------------------

void LadderDocument::resetTo(const Ladder &ladder, const QString &path, bool dirty)
{
    m_undo->clear();
    m_recovered = dirty;
    m_ladder = ladder;
    m_selection.clear();
    if (m_filePath != path) {
        m_filePath = path;
        emit filePathChanged();
    }
    rebuild();
    if (!dirty)
        m_undo->setClean();
    setDirty(dirty);
    emit selectionChanged();
    emit undoStateChanged();
    emit loaded();
}

void LadderDocument::newDocument()
{
    Ladder ladder;
    ladder.name = tr("New ladder");
    Tier tier;
    tier.id = QStringLiteral("main");
    tier.label = tr("Main");
    tier.role = QStringLiteral("strong");
    tier.provider = QStringLiteral("simulated");
    tier.model = modelNames().value(0);
    if (const auto p = PricingTable::builtin().price(tier.model))
        tier.provider = p->provider;
    tier.color = kTierColors.first();
    ladder.tiers.append(tier);
    ladder.entry = tier.id;
    resetTo(ladder, {}, false);
    setError({});
}

bool LadderDocument::newFromTemplate(const QString &name)
{
    const QByteArray json = readResource(exampleLadderResourcePath(name));
    if (json.isEmpty()) {
        setError(tr("No template named \"%1\"").arg(name));
        return false;
    }
    const ParseResult r = parseLadder(json, name + QStringLiteral(".json"));
    if (!r.ok()) {
        setError(r.diagnostics.value(0).toString());
        return false;
    }
    resetTo(r.ladder, {}, false);
    setError({});
    return true;
}

bool LadderDocument::load(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray json = file.readAll();
    if (!loadFromJson(json, path))
        return false;
    m_filePath = QFileInfo(path).absoluteFilePath();
    emit filePathChanged();
    return true;
}

bool LadderDocument::loadFromJson(const QByteArray &json, const QString &fileName)
{
    const ParseResult r = parseLadder(json, fileName);
    if (!r.ok()) {
        QStringList lines;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error && lines.size() < 5)
                lines.append(d.toString());
        }
        setError(tr("Cannot read %1:\n%2")
                     .arg(fileName.isEmpty() ? tr("the document") : fileName,
                          lines.join(QLatin1Char('\n'))));
        return false;
    }
    if (r.ladder.tiers.isEmpty() && r.ladder.entry.isEmpty()) {
        setError(tr("Cannot read %1: not a ladder document")
                     .arg(fileName.isEmpty() ? tr("the document") : fileName));
        return false;
    }
    resetTo(r.ladder, fileName.isEmpty() ? QString() : QFileInfo(fileName).absoluteFilePath(),
            false);
    setError({});
    return true;
}

QByteArray LadderDocument::toJson() const
{
    return toCanonicalJson(m_ladder);
}

bool LadderDocument::save()
{
    if (m_filePath.isEmpty()) {
        setError(tr("The document has no file yet: use Save As"));
        return false;
    }
    return saveAs(m_filePath);
}

bool LadderDocument::saveAs(const QString &pathOrUrl)
{
    QString path = localPath(pathOrUrl);
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    const QByteArray json = toCanonicalJson(m_ladder);
    if (json.isEmpty()) {
        setError(tr("Cannot save %1: the document could not be serialised").arg(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        setError(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit filePathChanged();
    }
    m_recovered = false;
    m_undo->setClean();
    setDirty(false);
    removeAutosave();
    setError({});
    return true;
}

bool LadderDocument::writeAutosave()
{
    if (m_autosavePath.isEmpty())
        return false;
    QSaveFile file(m_autosavePath);
    const QByteArray json = toCanonicalJson(m_ladder);
    if (json.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(json) != json.size() ||
        !file.commit())
        return false;
    QSaveFile source(m_autosavePath + QStringLiteral(".source"));
    if (source.open(QIODevice::WriteOnly)) {
        source.write(m_filePath.toUtf8());
        source.commit();
    }
    return true;
}

void LadderDocument::removeAutosave()
{
    if (m_autosavePath.isEmpty())
        return;
    QFile::remove(m_autosavePath);
    QFile::remove(m_autosavePath + QStringLiteral(".source"));
}

bool LadderDocument::recoverFrom(const QString &autosaveFile)
{
    QFile file(autosaveFile);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot open %1: %2").arg(autosaveFile, file.errorString()));
        return false;
    }
    const ParseResult r = parseLadder(file.readAll(), autosaveFile);
    if (!r.ok()) {
        setError(tr("Cannot recover %1: %2").arg(autosaveFile, r.diagnostics.value(0).toString()));
        return false;
    }
    QString source;
    QFile sourceFile(autosaveFile + QStringLiteral(".source"));
    if (sourceFile.open(QIODevice::ReadOnly))
        source = QString::fromUtf8(sourceFile.readAll()).trimmed();
    resetTo(r.ladder, source, true);
    setError({});
    return true;
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
    m_diagnostics = validate(m_ladder);
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
    emit documentChanged();
    emit inspectorChanged();
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
    item.selected = m_selection.contains(node.key);
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
        item.color = t.color.isEmpty() ? kTierColors[node.index % kTierColors.size()] : t.color;
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
        if (d.kind == Detector::Kind::Lexicon) {
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
        item.color = t.color.isEmpty() ? kTierColors[from->index % kTierColors.size()] : t.color;
    }
    const EdgeGeometry g = m_graph.geometry(edge);
    item.x0 = g.p0.x();
    item.y0 = g.p0.y();
    item.c1x = g.c1.x();
    item.c1y = g.c1.y();
    item.c2x = g.c2.x();
    item.c2y = g.c2.y();
    item.x3 = g.p3.x();
    item.y3 = g.p3.y();
    item.labelX = g.label.x();
    item.labelY = g.label.y();
    item.arrowLx = g.arrowLeft.x();
    item.arrowLy = g.arrowLeft.y();
    item.arrowRx = g.arrowRight.x();
    item.arrowRy = g.arrowRight.y();
    item.selected = m_selection.contains(edge.key);
    item.problem = m_problemOf.value(edge.key);
    item.invalid = !item.problem.isEmpty();
    return item;
}

void LadderDocument::applyLadder(const Ladder &ladder)
{
    m_ladder = ladder;
    // Selection keys of elements that no longer exist are dropped.
    rebuild();
    QSet<QString> kept;
    for (const QString &k : std::as_const(m_selection)) {
        if (m_graph.nodeRow.contains(k) || m_edges->rowOf(k) >= 0)
            kept.insert(k);
    }
    if (kept != m_selection)
        setSelection(kept);
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

QString LadderDocument::selectProblem(int row)
{
    if (row < 0 || row >= m_problems->items().size())
        return {};
    const QString target = m_problems->items()[row].target;
    if (!target.isEmpty())
        setSelection({target});
    return target;
}

// ---- Selection ------------------------------------------------------------------------------

void LadderDocument::setSelection(const QSet<QString> &keys)
{
    if (keys == m_selection)
        return;
    QSet<QString> touched = keys;
    touched.unite(m_selection);
    m_selection = keys;
    for (const QString &k : std::as_const(touched)) {
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
    emit selectionChanged();
    emit inspectorChanged();
}

void LadderDocument::select(const QString &key, const QString &mode)
{
    QSet<QString> next = m_selection;
    if (mode == QLatin1String("toggle")) {
        if (next.contains(key))
            next.remove(key);
        else if (!key.isEmpty())
            next.insert(key);
    } else if (mode == QLatin1String("add")) {
        if (!key.isEmpty())
            next.insert(key);
    } else {
        next.clear();
        if (!key.isEmpty())
            next.insert(key);
    }
    setSelection(next);
}

void LadderDocument::selectInRect(const QRectF &rect, bool additive)
{
    QSet<QString> next = additive ? m_selection : QSet<QString>();
    const QRectF r = rect.normalized();
    for (const GraphNode &n : std::as_const(m_graph.nodes)) {
        if (r.intersects(n.rect()))
            next.insert(n.key);
    }
    for (const GraphEdge &e : std::as_const(m_graph.edges)) {
        if (r.contains(m_graph.geometry(e).label))
            next.insert(e.key);
    }
    setSelection(next);
}

void LadderDocument::selectAll()
{
    QSet<QString> all;
    for (const GraphNode &n : std::as_const(m_graph.nodes))
        all.insert(n.key);
    for (const GraphEdge &e : std::as_const(m_graph.edges))
        all.insert(e.key);
    setSelection(all);
}

void LadderDocument::clearSelection()
{
    setSelection({});
}

QString LadderDocument::singleSelection() const
{
    return m_selection.size() == 1 ? *m_selection.cbegin() : QString();
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

static void setLayoutPosition(Ladder &ladder, const QString &id, QPointF pos)
{
    for (NodePosition &p : ladder.layout) {
        if (p.id == id) {
            p.pos = pos;
            return;
        }
    }
    ladder.layout.append({id, pos});
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
        tier.color = kTierColors[after.tiers.size() % kTierColors.size()];
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
    m_undo->push(new AddNodeCommand(this, tr("Add %1").arg(kind), after, {key}));
    return key;
}

void LadderDocument::deleteSelection()
{
    Ladder after = m_ladder;
    QSet<QString> tiers, detectors;
    QSet<int> transitions;
    for (const QString &key : std::as_const(m_selection)) {
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
    m_undo->push(new DeleteSelectionCommand(this, tr("Delete selection"), after, {}));
}

void LadderDocument::beginMove(const QString &grabbedKey)
{
    if (!grabbedKey.isEmpty() && !m_selection.contains(grabbedKey))
        select(grabbedKey, QStringLiteral("replace"));
    m_moveStart.clear();
    for (const QString &key : std::as_const(m_selection)) {
        if (const GraphNode *n = m_graph.node(key))
            m_moveStart.insert(layoutIdOfKey(key), n->pos);
    }
    ++m_moveSerial;
    m_moving = !m_moveStart.isEmpty();
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
    m_moving = false;
    m_moveStart.clear();
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
        m_undo->push(new ConnectCommand(this, tr("Set entry tier"), after, {toKey}));
        return true;
    }
    if (from->kind != NodeKind::Tier && from->kind != NodeKind::Any)
        return false;
    Transition t;
    QSet<QString> ids;
    for (const Transition &other : std::as_const(after.transitions))
        ids.insert(other.id);
    int n = int(after.transitions.size()) + 1;
    while (ids.contains(QStringLiteral("t%1").arg(n)))
        ++n;
    t.id = QStringLiteral("t%1").arg(n);
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
    m_undo->push(new ConnectCommand(this, tr("Connect %1 → %2").arg(t.from, t.to), after, {key}));
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
    m_undo->push(new ReconnectCommand(this, tr("Reconnect transition"), after, {edgeKey}));
    return true;
}

void LadderDocument::deleteEdge(const QString &edgeKey)
{
    const int index = transitionIndexOfEdgeKey(edgeKey);
    if (index < 0 || index >= m_ladder.transitions.size())
        return;
    Ladder after = m_ladder;
    after.transitions.removeAt(index);
    m_undo->push(new DeleteEdgeCommand(this, tr("Delete transition"), after, {}));
}

void LadderDocument::setField(const QString &field, const QVariant &value)
{
    setFieldOf(singleSelection(), field, value);
}

void LadderDocument::setFieldOf(const QString &key, const QString &field, const QVariant &value)
{
    Ladder after = m_ladder;
    if (!applyField(after, key, field, value) || after == m_ladder)
        return;
    QString selectKey = key;
    // A renamed element keeps its selection under its new key.
    if (field == QLatin1String("id") && key.startsWith(QLatin1String("tier:")))
        selectKey = nodeKey(NodeKind::Tier, value.toString());
    else if (field == QLatin1String("id") && key.startsWith(QLatin1String("detector:")))
        selectKey = nodeKey(NodeKind::Detector, value.toString());
    QSet<QString> sel = m_selection;
    if (sel.remove(key))
        sel.insert(selectKey);
    m_undo->push(new EditPropertyCommand(this, tr("Edit %1").arg(field), after, sel,
                                         key + QLatin1Char('#') + field));
}

bool LadderDocument::applyField(Ladder &l, const QString &key, const QString &field,
                                const QVariant &value) const
{
    const QString s = value.toString();
    if (key.isEmpty() || key == QLatin1String("entry") || key == QLatin1String(kEntryEdgeKey)) {
        if (field == QLatin1String("name"))
            l.name = s;
        else if (field == QLatin1String("description"))
            l.description = s;
        else if (field == QLatin1String("entry"))
            l.entry = s;
        else
            return false;
        return true;
    }
    if (key == QLatin1String("memory")) {
        if (field == QLatin1String("inject")) {
            for (auto i : {MemoryPolicy::Inject::OnSwitch, MemoryPolicy::Inject::EveryTurn,
                           MemoryPolicy::Inject::Never}) {
                if (injectName(i) == s)
                    l.memory.inject = i;
            }
        } else if (field == QLatin1String("refresh")) {
            for (auto r : {MemoryPolicy::Refresh::Scaffold, MemoryPolicy::Refresh::Summarize,
                           MemoryPolicy::Refresh::None}) {
                if (refreshName(r) == s)
                    l.memory.refresh = r;
            }
        } else if (field == QLatin1String("budgetTokens")) {
            l.memory.budgetTokens = value.toInt();
        } else if (field == QLatin1String("fields")) {
            l.memory.fields = toList(value);
        } else if (field == QLatin1String("historyMode")) {
            for (auto m : {HistoryPolicy::Mode::Full, HistoryPolicy::Mode::CleanHandoff,
                           HistoryPolicy::Mode::MemoryLastK}) {
                if (historyName(m) == s)
                    l.history.mode = m;
            }
        } else if (field == QLatin1String("lastK")) {
            l.history.lastK = value.toInt();
        } else {
            return false;
        }
        return true;
    }
    if (key.startsWith(QLatin1String("tier:"))) {
        const int i = l.tierIndex(layoutIdOfKey(key));
        if (i < 0)
            return false;
        Tier &t = l.tiers[i];
        if (field == QLatin1String("id")) {
            const QString old = t.id;
            if (s.isEmpty() || s == old || l.tierIndex(s) >= 0)
                return false;
            t.id = s;
            for (Transition &tr : l.transitions) {
                if (tr.from == old)
                    tr.from = s;
                if (tr.to == old)
                    tr.to = s;
            }
            for (Detector &d : l.detectors) {
                if (d.tier == old)
                    d.tier = s;
            }
            if (l.entry == old)
                l.entry = s;
            for (NodePosition &p : l.layout) {
                if (p.id == old)
                    p.id = s;
            }
        } else if (field == QLatin1String("label")) {
            t.label = s;
        } else if (field == QLatin1String("role")) {
            t.role = s;
        } else if (field == QLatin1String("provider")) {
            t.provider = s;
        } else if (field == QLatin1String("model")) {
            t.model = s;
            const QString provider = providerOf(s);
            if (!provider.isEmpty())
                t.provider = provider;
        } else if (field == QLatin1String("temperature")) {
            if (s.trimmed().isEmpty())
                t.params.temperature.reset();
            else
                t.params.temperature = value.toDouble();
        } else if (field == QLatin1String("maxTokens")) {
            if (s.trimmed().isEmpty() || value.toInt() <= 0)
                t.params.maxTokens.reset();
            else
                t.params.maxTokens = value.toInt();
        } else if (field == QLatin1String("systemPrompt")) {
            t.systemPrompt = s;
        } else if (field == QLatin1String("escalateTool")) {
            t.escalateTool = value.toBool();
        } else if (field == QLatin1String("color")) {
            t.color = s;
        } else if (field == QLatin1String("description")) {
            t.description = s;
        } else if (field == QLatin1String("fallback")) {
            t.fallback.clear();
            const QVariantList list = value.toList();
            for (const QVariant &v : list) {
                const QVariantMap m = v.toMap();
                t.fallback.append({m.value(QStringLiteral("provider")).toString(),
                                   m.value(QStringLiteral("model")).toString()});
            }
        } else {
            return false;
        }
        return true;
    }
    if (key.startsWith(QLatin1String("detector:"))) {
        const QString id = layoutIdOfKey(key);
        auto it = std::find_if(l.detectors.begin(), l.detectors.end(),
                               [&](const Detector &d) { return d.id == id; });
        if (it == l.detectors.end())
            return false;
        Detector &d = *it;
        if (field == QLatin1String("id")) {
            if (s.isEmpty() || s == d.id || uniqueDetectorId(s, l) != s)
                return false;
            for (NodePosition &p : l.layout) {
                if (p.id == d.id)
                    p.id = s;
            }
            d.id = s;
        } else if (field == QLatin1String("kind")) {
            d.kind = s == QLatin1String("classifier") ? Detector::Kind::Classifier
                                                      : Detector::Kind::Lexicon;
        } else if (field == QLatin1String("signal")) {
            const auto sig = preSignalFromString(s);
            if (!sig)
                return false;
            d.signal = *sig;
        } else if (field == QLatin1String("patterns")) {
            d.patterns = toList(value);
        } else if (field == QLatin1String("enabled")) {
            d.enabled = value.toBool();
        } else if (field == QLatin1String("defaultLabel")) {
            d.defaultLabel = s;
        } else if (field == QLatin1String("tier")) {
            d.tier = s;
        } else if (field == QLatin1String("labelsText")) {
            // One label per line: "label: pattern, pattern".
            d.labels.clear();
            const QStringList lines = toList(value);
            for (const QString &line : lines) {
                const int colon = line.indexOf(QLatin1Char(':'));
                const QString label = (colon < 0 ? line : line.left(colon)).trimmed();
                QStringList patterns;
                if (colon >= 0) {
                    const auto parts = line.mid(colon + 1).split(QLatin1Char(','));
                    for (const QString &p : parts) {
                        if (!p.trimmed().isEmpty())
                            patterns.append(p.trimmed());
                    }
                }
                if (!label.isEmpty())
                    d.labels.append({label, patterns});
            }
        } else {
            return false;
        }
        return true;
    }
    if (const int index = transitionIndexOfEdgeKey(key); index >= 0) {
        if (index >= l.transitions.size())
            return false;
        Transition &t = l.transitions[index];
        Condition &c = t.condition;
        if (field == QLatin1String("id")) {
            t.id = s;
        } else if (field == QLatin1String("from")) {
            t.from = s;
        } else if (field == QLatin1String("to")) {
            t.to = s;
        } else if (field == QLatin1String("conditionType")) {
            const auto type = conditionTypeFromString(s);
            if (!type)
                return false;
            c.type = *type;
            if ((c.type == Condition::Type::AfterTurns || c.type == Condition::Type::ReturnAfter) &&
                c.turns < 1)
                c.turns = 1;
            if (c.type == Condition::Type::OnSignal && c.preSignals.isEmpty())
                c.preSignals = {PreSignal::HighStakes};
            if (c.type == Condition::Type::PostTurn && c.postSignals.isEmpty())
                c.postSignals = {PostSignal::EscalateTool};
            if (c.type == Condition::Type::OnFailure && c.failures.isEmpty())
                c.failures = {FailureKind::RateLimited, FailureKind::Unavailable};
        } else if (field == QLatin1String("turns")) {
            c.turns = value.toInt();
        } else if (field == QLatin1String("signals")) {
            const QStringList names = toList(value);
            if (c.type == Condition::Type::PostTurn) {
                c.postSignals.clear();
                for (const QString &n : names) {
                    if (const auto p = postSignalFromString(n))
                        c.postSignals.append(*p);
                }
            } else {
                c.preSignals.clear();
                for (const QString &n : names) {
                    if (const auto p = preSignalFromString(n))
                        c.preSignals.append(*p);
                }
            }
        } else if (field == QLatin1String("labels")) {
            c.labels.clear();
            const auto parts = s.contains(QLatin1Char(',')) || value.typeId() == QMetaType::QString
                                   ? s.split(QLatin1Char(','))
                                   : toList(value);
            for (const QString &p : parts) {
                if (!p.trimmed().isEmpty())
                    c.labels.append(p.trimmed());
            }
        } else if (field == QLatin1String("confidenceBelow")) {
            c.confidenceBelow = value.toDouble();
        } else if (field == QLatin1String("errors")) {
            c.failures.clear();
            const QStringList names = toList(value);
            for (const QString &n : names) {
                if (const auto f = failureKindFromString(n))
                    c.failures.append(*f);
            }
        } else {
            return false;
        }
        return true;
    }
    return false;
}

void LadderDocument::addFallback()
{
    const QString key = singleSelection();
    const int i = m_ladder.tierIndex(layoutIdOfKey(key));
    if (!key.startsWith(QLatin1String("tier:")) || i < 0)
        return;
    Ladder after = m_ladder;
    Tier &t = after.tiers[i];
    const QStringList models = modelNames();
    QString model = models.value(0);
    for (const QString &m : models) {
        if (m != t.model && providerOf(m) == t.provider) {
            model = m;
            break;
        }
    }
    t.fallback.append({providerOf(model), model});
    m_undo->push(new EditPropertyCommand(this, tr("Add fallback"), after, m_selection, {}));
}

void LadderDocument::removeFallback(int index)
{
    const QString key = singleSelection();
    const int i = m_ladder.tierIndex(layoutIdOfKey(key));
    if (!key.startsWith(QLatin1String("tier:")) || i < 0 || index < 0 ||
        index >= m_ladder.tiers[i].fallback.size())
        return;
    Ladder after = m_ladder;
    after.tiers[i].fallback.removeAt(index);
    m_undo->push(new EditPropertyCommand(this, tr("Remove fallback"), after, m_selection, {}));
}

void LadderDocument::moveFallback(int from, int to)
{
    const QString key = singleSelection();
    const int i = m_ladder.tierIndex(layoutIdOfKey(key));
    if (!key.startsWith(QLatin1String("tier:")) || i < 0)
        return;
    const int n = int(m_ladder.tiers[i].fallback.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    Ladder after = m_ladder;
    after.tiers[i].fallback.move(from, to);
    m_undo->push(new EditPropertyCommand(this, tr("Reorder fallback"), after, m_selection, {}));
}

void LadderDocument::setFallback(int index, const QString &provider, const QString &model)
{
    const QString key = singleSelection();
    const int i = m_ladder.tierIndex(layoutIdOfKey(key));
    if (!key.startsWith(QLatin1String("tier:")) || i < 0 || index < 0 ||
        index >= m_ladder.tiers[i].fallback.size())
        return;
    Ladder after = m_ladder;
    ModelRef &ref = after.tiers[i].fallback[index];
    ref.model = model;
    ref.provider = provider.isEmpty() ? providerOf(model) : provider;
    if (after == m_ladder)
        return;
    m_undo->push(new EditPropertyCommand(this, tr("Edit fallback"), after, m_selection,
                                         key + QStringLiteral("#fallback%1").arg(index)));
}

QVariantMap LadderDocument::inspector() const
{
    QVariantMap m;
    const QString key = singleSelection();
    m.insert(QStringLiteral("key"), key);
    QVariantList tierIds;
    for (const Tier &t : m_ladder.tiers)
        tierIds.append(t.id);
    m.insert(QStringLiteral("tierIds"), tierIds);
    m.insert(QStringLiteral("problem"), m_problemOf.value(key));
    if (m_selection.size() > 1) {
        m.insert(QStringLiteral("kind"), QStringLiteral("multiple"));
        m.insert(QStringLiteral("count"), int(m_selection.size()));
        return m;
    }
    if (key.isEmpty() || key == QLatin1String("entry") || key == QLatin1String(kEntryEdgeKey) ||
        key == QLatin1String("any")) {
        m.insert(QStringLiteral("kind"), key.isEmpty() ? QStringLiteral("document") : key);
        m.insert(QStringLiteral("name"), m_ladder.name);
        m.insert(QStringLiteral("description"), m_ladder.description);
        m.insert(QStringLiteral("entry"), m_ladder.entry);
        m.insert(QStringLiteral("tierCount"), int(m_ladder.tiers.size()));
        m.insert(QStringLiteral("transitionCount"), int(m_ladder.transitions.size()));
        return m;
    }
    if (key == QLatin1String("memory")) {
        m.insert(QStringLiteral("kind"), key);
        m.insert(QStringLiteral("inject"), injectName(m_ladder.memory.inject));
        m.insert(QStringLiteral("refresh"), refreshName(m_ladder.memory.refresh));
        m.insert(QStringLiteral("budgetTokens"), m_ladder.memory.budgetTokens);
        m.insert(QStringLiteral("fields"), m_ladder.memory.fields);
        m.insert(QStringLiteral("historyMode"), historyName(m_ladder.history.mode));
        m.insert(QStringLiteral("lastK"), m_ladder.history.lastK);
        return m;
    }
    if (key.startsWith(QLatin1String("tier:"))) {
        const Tier *t = m_ladder.tier(layoutIdOfKey(key));
        if (!t)
            return m;
        m.insert(QStringLiteral("kind"), QStringLiteral("tier"));
        m.insert(QStringLiteral("id"), t->id);
        m.insert(QStringLiteral("label"), t->label);
        m.insert(QStringLiteral("role"), t->role);
        m.insert(QStringLiteral("provider"), t->provider);
        m.insert(QStringLiteral("model"), t->model);
        m.insert(QStringLiteral("temperature"),
                 t->params.temperature ? QString::number(*t->params.temperature) : QString());
        m.insert(QStringLiteral("maxTokens"),
                 t->params.maxTokens ? QString::number(*t->params.maxTokens) : QString());
        m.insert(QStringLiteral("systemPrompt"), t->systemPrompt);
        m.insert(QStringLiteral("escalateTool"), t->escalateTool);
        m.insert(QStringLiteral("color"), t->color);
        m.insert(QStringLiteral("description"), t->description);
        m.insert(QStringLiteral("isEntry"), t->id == m_ladder.entry);
        const double in = priceIn(t->model);
        const double out = priceOut(t->model);
        m.insert(QStringLiteral("price"),
                 in < 0
                     ? tr("no list price")
                     : tr("$%1 in · $%2 out per 1M tokens").arg(formatPrice(in), formatPrice(out)));
        QVariantList fallback;
        for (const ModelRef &f : t->fallback) {
            fallback.append(QVariantMap{{QStringLiteral("provider"), f.provider},
                                        {QStringLiteral("model"), f.model}});
        }
        m.insert(QStringLiteral("fallback"), fallback);
        return m;
    }
    if (key.startsWith(QLatin1String("detector:"))) {
        const QString id = layoutIdOfKey(key);
        for (const Detector &d : m_ladder.detectors) {
            if (d.id != id)
                continue;
            m.insert(QStringLiteral("kind"), QStringLiteral("detector"));
            m.insert(QStringLiteral("id"), d.id);
            m.insert(QStringLiteral("detectorKind"), d.kind == Detector::Kind::Classifier
                                                         ? QStringLiteral("classifier")
                                                         : QStringLiteral("lexicon"));
            m.insert(QStringLiteral("signal"), toString(d.signal));
            m.insert(QStringLiteral("patterns"), d.patterns.join(QLatin1Char('\n')));
            m.insert(QStringLiteral("enabled"), d.enabled);
            m.insert(QStringLiteral("defaultLabel"), d.defaultLabel);
            m.insert(QStringLiteral("tier"), d.tier);
            QStringList lines;
            for (const auto &l : d.labels)
                lines.append(l.first + QStringLiteral(": ") + l.second.join(QStringLiteral(", ")));
            m.insert(QStringLiteral("labelsText"), lines.join(QLatin1Char('\n')));
            m.insert(QStringLiteral("signalOptions"),
                     namesOf(kPreSignalCount, [](int i) { return toString(PreSignal(i)); }));
        }
        return m;
    }
    if (const int index = transitionIndexOfEdgeKey(key);
        index >= 0 && index < m_ladder.transitions.size()) {
        const Transition &t = m_ladder.transitions[index];
        const Condition &c = t.condition;
        m.insert(QStringLiteral("kind"), QStringLiteral("transition"));
        m.insert(QStringLiteral("id"), t.id);
        m.insert(QStringLiteral("from"), t.from);
        m.insert(QStringLiteral("to"), t.to);
        m.insert(QStringLiteral("label"), conditionLabel(c));
        m.insert(QStringLiteral("conditionType"), toString(c.type));
        m.insert(QStringLiteral("turns"), c.turns);
        QStringList signalNames;
        if (c.type == Condition::Type::PostTurn) {
            for (PostSignal s : c.postSignals)
                signalNames.append(toString(s));
            m.insert(QStringLiteral("signalOptions"),
                     namesOf(kPostSignalCount, [](int i) { return toString(PostSignal(i)); }));
        } else {
            for (PreSignal s : c.preSignals)
                signalNames.append(toString(s));
            m.insert(QStringLiteral("signalOptions"),
                     namesOf(kPreSignalCount, [](int i) { return toString(PreSignal(i)); }));
        }
        m.insert(QStringLiteral("signals"), signalNames);
        m.insert(QStringLiteral("labels"), c.labels.join(QStringLiteral(", ")));
        m.insert(QStringLiteral("confidenceBelow"), c.confidenceBelow);
        QStringList errors;
        for (FailureKind f : c.failures)
            errors.append(toString(f));
        m.insert(QStringLiteral("errors"), errors);
        m.insert(QStringLiteral("errorOptions"),
                 namesOf(kFailureKindCount, [](int i) { return toString(FailureKind(i)); }));
        return m;
    }
    return m;
}

// ---- Clipboard, duplicate, paste ------------------------------------------------------------

QString LadderDocument::clipboardJson(const QSet<QString> &keys) const
{
    Ladder clip;
    clip.name = m_ladder.name;
    QSet<QString> tierIds;
    for (const Tier &t : m_ladder.tiers) {
        if (keys.contains(nodeKey(NodeKind::Tier, t.id))) {
            clip.tiers.append(t);
            tierIds.insert(t.id);
        }
    }
    for (const Detector &d : m_ladder.detectors) {
        if (keys.contains(nodeKey(NodeKind::Detector, d.id)))
            clip.detectors.append(d);
    }
    if (clip.tiers.isEmpty() && clip.detectors.isEmpty())
        return {};
    for (const Transition &t : m_ladder.transitions) {
        if (tierIds.contains(t.from) && (tierIds.contains(t.to) || t.to.isEmpty()))
            clip.transitions.append(t);
    }
    clip.entry = clip.tiers.isEmpty() ? QString() : clip.tiers.first().id;
    for (const GraphNode &n : m_graph.nodes) {
        if (keys.contains(n.key) && (n.kind == NodeKind::Tier || n.kind == NodeKind::Detector))
            clip.layout.append({n.id, n.pos});
    }
    QJsonObject root;
    root.insert(QLatin1String(kClipboardKey), 1);
    root.insert(QStringLiteral("ladder"), ladder::toJson(clip));
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString LadderDocument::copySelection() const
{
    return clipboardJson(m_selection);
}

void LadderDocument::copyToClipboard() const
{
    const QString json = copySelection();
    if (json.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(json);
    mime->setData(QLatin1String(kClipboardMime), json.toUtf8());
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        app->clipboard()->setMimeData(mime);
    else
        delete mime;
}

void LadderDocument::cutToClipboard()
{
    copyToClipboard();
    deleteSelection();
}

bool LadderDocument::pasteInto(Ladder &ladder, const QString &json, std::optional<QPointF> at,
                               QSet<QString> *pasted, QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("The clipboard does not hold ladder nodes");
        return false;
    }
    QJsonObject object = doc.object();
    if (object.contains(QLatin1String(kClipboardKey)))
        object = object.value(QStringLiteral("ladder")).toObject();
    const ParseResult r = parseLadderObject(object, tr("clipboard"));
    const Ladder &clip = r.ladder;
    if (clip.tiers.isEmpty() && clip.detectors.isEmpty()) {
        *error = tr("The clipboard does not hold ladder nodes");
        return false;
    }
    QHash<QString, QPointF> clipPos;
    for (const NodePosition &p : clip.layout)
        clipPos.insert(p.id, p.pos);
    QPointF topLeft(qInf(), qInf());
    for (const QPointF &p : std::as_const(clipPos))
        topLeft = QPointF(std::min(topLeft.x(), p.x()), std::min(topLeft.y(), p.y()));
    if (clipPos.isEmpty())
        topLeft = QPointF(0, 0);
    const QPointF offset = at ? *at - topLeft : QPointF(40, 40);
    auto place = [&](const QString &oldId, const QString &newId, int i) {
        QPointF p = clipPos.value(oldId, topLeft + QPointF(i * 40, i * 40)) + offset;
        if (m_snap)
            p = QPointF(snapTo(p.x(), gridSize()), snapTo(p.y(), gridSize()));
        setLayoutPosition(ladder, newId, p);
    };

    QHash<QString, QString> tierMap;
    int i = 0;
    for (Tier t : clip.tiers) {
        const QString old = t.id;
        t.id = uniqueTierId(old, ladder);
        tierMap.insert(old, t.id);
        ladder.tiers.append(t);
        place(old, t.id, i++);
        pasted->insert(nodeKey(NodeKind::Tier, t.id));
    }
    for (Detector d : clip.detectors) {
        const QString old = d.id;
        d.id = uniqueDetectorId(old, ladder);
        if (tierMap.contains(d.tier))
            d.tier = tierMap.value(d.tier);
        ladder.detectors.append(d);
        place(old, d.id, i++);
        pasted->insert(nodeKey(NodeKind::Detector, d.id));
    }
    QSet<QString> ids;
    for (const Transition &t : std::as_const(ladder.transitions))
        ids.insert(t.id);
    for (Transition t : clip.transitions) {
        if (!tierMap.contains(t.from) || (!t.to.isEmpty() && !tierMap.contains(t.to)))
            continue;
        t.from = tierMap.value(t.from);
        if (!t.to.isEmpty())
            t.to = tierMap.value(t.to);
        int n = int(ladder.transitions.size()) + 1;
        while (ids.contains(QStringLiteral("t%1").arg(n)))
            ++n;
        t.id = QStringLiteral("t%1").arg(n);
        ids.insert(t.id);
        ladder.transitions.append(t);
        pasted->insert(edgeKeyOfTransition(int(ladder.transitions.size()) - 1));
    }
    if (ladder.entry.isEmpty() && !ladder.tiers.isEmpty())
        ladder.entry = ladder.tiers.first().id;
    return true;
}

bool LadderDocument::pasteJson(const QString &json, double x, double y)
{
    Ladder after = m_ladder;
    QSet<QString> pasted;
    QString error;
    std::optional<QPointF> at;
    if (!std::isnan(x) && !std::isnan(y))
        at = QPointF(x, y);
    if (!pasteInto(after, json, at, &pasted, &error)) {
        setError(error);
        return false;
    }
    m_undo->push(new PasteCommand(this, tr("Paste"), after, pasted));
    return true;
}

bool LadderDocument::pasteFromClipboard(double x, double y)
{
    auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    if (!app)
        return false;
    const QMimeData *mime = app->clipboard()->mimeData();
    if (!mime)
        return false;
    const QString json = mime->hasFormat(QLatin1String(kClipboardMime))
                             ? QString::fromUtf8(mime->data(QLatin1String(kClipboardMime)))
                             : mime->text();
    return pasteJson(json, x, y);
}

void LadderDocument::duplicateSelection()
{
    const QString json = copySelection();
    if (json.isEmpty())
        return;
    Ladder after = m_ladder;
    QSet<QString> pasted;
    QString error;
    if (!pasteInto(after, json, std::nullopt, &pasted, &error)) {
        setError(error);
        return;
    }
    m_undo->push(new DuplicateCommand(this, tr("Duplicate"), after, pasted));
}

// ---- Layout-only commands ------------------------------------------------------------------

void LadderDocument::align(const QString &mode)
{
    QList<const GraphNode *> nodes;
    for (const QString &key : std::as_const(m_selection)) {
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
    m_undo->push(new AlignCommand(this, tr("Align %1").arg(mode), scratch.layout));
}

void LadderDocument::autoLayout()
{
    const QHash<QString, QPointF> positions = computeAutoLayout(m_ladder, PricingTable::builtin());
    Ladder scratch;
    scratch.layout = m_ladder.layout;
    // Stable order: nodes in graph order, so the layout section diff stays readable.
    for (const GraphNode &n : std::as_const(m_graph.nodes)) {
        const QString id = layoutIdOfKey(n.key);
        if (positions.contains(id))
            setLayoutPosition(scratch, id, positions.value(id));
    }
    if (scratch.layout == m_ladder.layout)
        return;
    m_undo->push(new AutoLayoutCommand(this, tr("Auto-layout"), scratch.layout));
}

} // namespace ladder
