#include "ladderselection.h"

#include "ladderdocument.h"

namespace ladder {

LadderSelection::LadderSelection(LadderDocument *document)
    : QObject(document)
    , m_doc(document)
{}

QStringList LadderSelection::keys() const
{
    QStringList keys(m_keys.cbegin(), m_keys.cend());
    keys.sort();
    return keys;
}

QString LadderSelection::single() const
{
    return m_keys.size() == 1 ? *m_keys.cbegin() : QString();
}

void LadderSelection::setKeys(const QSet<QString> &keys)
{
    if (keys == m_keys)
        return;
    QSet<QString> touchedKeys = keys;
    touchedKeys.unite(m_keys);
    m_keys = keys;
    emit touched(touchedKeys);
    emit changed();
}

void LadderSelection::select(const QString &key, const QString &mode)
{
    QSet<QString> next = m_keys;
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
    setKeys(next);
}

void LadderSelection::selectInRect(const QRectF &rect, bool additive)
{
    const LadderGraph &graph = m_doc->graph();
    QSet<QString> next = additive ? m_keys : QSet<QString>();
    const QRectF r = rect.normalized();
    for (const GraphNode &n : graph.nodes) {
        if (r.intersects(n.rect()))
            next.insert(n.key);
    }
    for (const GraphEdge &e : graph.edges) {
        if (r.contains(graph.geometry(e).label))
            next.insert(e.key);
    }
    setKeys(next);
}

void LadderSelection::selectAll()
{
    const LadderGraph &graph = m_doc->graph();
    QSet<QString> all;
    for (const GraphNode &n : graph.nodes)
        all.insert(n.key);
    for (const GraphEdge &e : graph.edges)
        all.insert(e.key);
    setKeys(all);
}

void LadderSelection::clear()
{
    setKeys({});
}

QString LadderSelection::selectProblem(int row)
{
    const QList<ProblemItem> &problems = m_doc->problems()->items();
    if (row < 0 || row >= problems.size())
        return {};
    const QString target = problems[row].target;
    if (!target.isEmpty())
        setKeys({target});
    return target;
}

} // namespace ladder
