// LadderClipboard: copy, cut, paste (also from another document or another instance of the
// studio) and duplicate.
#include "ladderclipboard.h"

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

LadderClipboard::LadderClipboard(LadderDocument *document)
    : QObject(document)
    , m_doc(document)
{}

QString LadderClipboard::clipboardJson(const QSet<QString> &keys) const
{
    const Ladder &ladder = m_doc->ladder();
    Ladder clip;
    clip.name = ladder.name;
    QSet<QString> tierIds;
    for (const Tier &t : ladder.tiers) {
        if (keys.contains(nodeKey(NodeKind::Tier, t.id))) {
            clip.tiers.append(t);
            tierIds.insert(t.id);
        }
    }
    for (const Detector &d : ladder.detectors) {
        if (keys.contains(nodeKey(NodeKind::Detector, d.id)))
            clip.detectors.append(d);
    }
    if (clip.tiers.isEmpty() && clip.detectors.isEmpty())
        return {};
    for (const Transition &t : ladder.transitions) {
        if (tierIds.contains(t.from) && (tierIds.contains(t.to) || t.to.isEmpty()))
            clip.transitions.append(t);
    }
    clip.entry = clip.tiers.isEmpty() ? QString() : clip.tiers.first().id;
    for (const GraphNode &n : m_doc->graph().nodes) {
        if (keys.contains(n.key) && (n.kind == NodeKind::Tier || n.kind == NodeKind::Detector))
            clip.layout.append({n.id, n.pos});
    }
    QJsonObject root;
    root.insert(QLatin1String(kClipboardKey), 1);
    root.insert(QStringLiteral("ladder"), ladder::toJson(clip));
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString LadderClipboard::selectionJson() const
{
    return clipboardJson(m_doc->selection()->keySet());
}

void LadderClipboard::copy() const
{
    const QString json = selectionJson();
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

void LadderClipboard::cut()
{
    copy();
    m_doc->deleteSelection();
}

bool LadderClipboard::pasteInto(Ladder &ladder, const QString &json, std::optional<QPointF> at,
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
        if (m_doc->snapToGrid())
            p = QPointF(snapTo(p.x(), m_doc->gridSize()), snapTo(p.y(), m_doc->gridSize()));
        setLayoutPosition(ladder, newId, p);
    };

    QHash<QString, QString> tierMap;
    int i = 0;
    for (Tier t : clip.tiers) {
        const QString old = t.id;
        t.id = m_doc->uniqueTierId(old, ladder);
        tierMap.insert(old, t.id);
        ladder.tiers.append(t);
        place(old, t.id, i++);
        pasted->insert(nodeKey(NodeKind::Tier, t.id));
    }
    for (Detector d : clip.detectors) {
        const QString old = d.id;
        d.id = m_doc->uniqueDetectorId(old, ladder);
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

bool LadderClipboard::pushPaste(const QString &json, std::optional<QPointF> at,
                                const QString &commandText)
{
    Ladder after = m_doc->ladder();
    QSet<QString> pasted;
    QString error;
    if (!pasteInto(after, json, at, &pasted, &error)) {
        m_doc->setError(error);
        return false;
    }
    m_doc->undoStack()->push(new LadderEditCommand(m_doc, commandText, after, pasted));
    return true;
}

bool LadderClipboard::pasteJson(const QString &json, double x, double y)
{
    std::optional<QPointF> at;
    if (!std::isnan(x) && !std::isnan(y))
        at = QPointF(x, y);
    return pushPaste(json, at, tr("Paste"));
}

bool LadderClipboard::paste(double x, double y)
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

void LadderClipboard::duplicate()
{
    const QString json = selectionJson();
    if (!json.isEmpty())
        pushPaste(json, std::nullopt, tr("Duplicate"));
}

} // namespace ladder
