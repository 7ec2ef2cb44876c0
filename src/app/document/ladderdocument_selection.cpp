// LadderDocument: the selection (not undoable) and the clipboard: copy, cut, paste (also from
// another document or another instance of the studio) and duplicate.
#include "ladderdocument.h"

#include "core/ladder_json.h"
#include "laddercommands.h"
#include "ladderdocument_p.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QMimeData>

#include <cmath>

namespace ladder {

using namespace document;

namespace {
constexpr auto kClipboardMime = "application/x-ladder-studio+json";
constexpr auto kClipboardKey = "ladder_studio_clipboard";
} // namespace

QStringList LadderDocument::selection() const
{
    QStringList keys(m_selection.cbegin(), m_selection.cend());
    keys.sort();
    return keys;
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
    for (Transition t : clip.transitions) {
        if (!tierMap.contains(t.from) || (!t.to.isEmpty() && !tierMap.contains(t.to)))
            continue;
        t.from = tierMap.value(t.from);
        if (!t.to.isEmpty())
            t.to = tierMap.value(t.to);
        t.id = newTransitionId(ladder);
        ladder.transitions.append(t);
        pasted->insert(edgeKeyOfTransition(int(ladder.transitions.size()) - 1));
    }
    if (ladder.entry.isEmpty() && !ladder.tiers.isEmpty())
        ladder.entry = ladder.tiers.first().id;
    return true;
}

bool LadderDocument::pushPaste(const QString &json, std::optional<QPointF> at,
                               const QString &commandText)
{
    Ladder after = m_ladder;
    QSet<QString> pasted;
    QString error;
    if (!pasteInto(after, json, at, &pasted, &error)) {
        setError(error);
        return false;
    }
    m_undo->push(new LadderEditCommand(this, commandText, after, pasted));
    return true;
}

bool LadderDocument::pasteJson(const QString &json, double x, double y)
{
    std::optional<QPointF> at;
    if (!std::isnan(x) && !std::isnan(y))
        at = QPointF(x, y);
    return pushPaste(json, at, tr("Paste"));
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
    if (!json.isEmpty())
        pushPaste(json, std::nullopt, tr("Duplicate"));
}

} // namespace ladder
