#include "graphmodels.h"

namespace ladder {

// ---- NodeListModel --------------------------------------------------------------------------

NodeListModel::NodeListModel(QObject *parent)
    : KeyedListModel(parent)
{}

int NodeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeItem &n = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return n.title;
    case KeyRole:
        return n.key;
    case KindRole:
        return n.kind;
    case NodeIdRole:
        return n.nodeId;
    case SubtitleRole:
        return n.subtitle;
    case TierRoleRole:
        return n.role;
    case DetailRole:
        return n.detail;
    case PriceInRole:
        return n.priceIn;
    case PriceOutRole:
        return n.priceOut;
    case ColorRole:
        return n.color;
    case XRole:
        return n.x;
    case YRole:
        return n.y;
    case WidthRole:
        return n.width;
    case HeightRole:
        return n.height;
    case SelectedRole:
        return n.selected;
    case InvalidRole:
        return n.invalid;
    case ProblemRole:
        return n.problem;
    case IsEntryRole:
        return n.isEntry;
    case EnabledRole:
        return n.enabled;
    case EscalateToolRole:
        return n.escalateTool;
    default:
        return {};
    }
}

QHash<int, QByteArray> NodeListModel::roleNames() const
{
    return {
        {KeyRole, "key"},
        {KindRole, "kind"},
        {NodeIdRole, "nodeId"},
        {TitleRole, "title"},
        {SubtitleRole, "subtitle"},
        {TierRoleRole, "tierRole"},
        {DetailRole, "detail"},
        {PriceInRole, "priceIn"},
        {PriceOutRole, "priceOut"},
        {ColorRole, "nodeColor"},
        {XRole, "nodeX"},
        {YRole, "nodeY"},
        {WidthRole, "nodeWidth"},
        {HeightRole, "nodeHeight"},
        {SelectedRole, "selected"},
        {InvalidRole, "invalid"},
        {ProblemRole, "problem"},
        {IsEntryRole, "isEntry"},
        {EnabledRole, "nodeEnabled"},
        {EscalateToolRole, "escalateTool"},
    };
}

// ---- EdgeListModel --------------------------------------------------------------------------

EdgeListModel::EdgeListModel(QObject *parent)
    : KeyedListModel(parent)
{}

int EdgeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant EdgeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EdgeItem &e = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return e.label;
    case KeyRole:
        return e.key;
    case KindRole:
        return e.kind;
    case FromRole:
        return e.from;
    case ToRole:
        return e.to;
    case TransitionRole:
        return e.transition;
    case DashedRole:
        return e.dashed;
    case SelectedRole:
        return e.selected;
    case InvalidRole:
        return e.invalid;
    case ProblemRole:
        return e.problem;
    case ColorRole:
        return e.color;
    default:
        return {};
    }
}

QHash<int, QByteArray> EdgeListModel::roleNames() const
{
    return {
        {KeyRole, "key"},
        {KindRole, "kind"},
        {FromRole, "fromKey"},
        {ToRole, "toKey"},
        {TransitionRole, "transition"},
        {LabelRole, "label"},
        {DashedRole, "dashed"},
        {SelectedRole, "selected"},
        {InvalidRole, "invalid"},
        {ProblemRole, "problem"},
        {ColorRole, "edgeColor"},
    };
}

QPointF EdgeListModel::pointOnCurve(const QString &key, double t) const
{
    const int row = rowOf(key);
    return row >= 0 && row < m_items.size() ? bezierPoint(m_items[row].geometry, t) : QPointF();
}

// ---- ProblemListModel -----------------------------------------------------------------------

ProblemListModel::ProblemListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProblemItem &p = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return p.message;
    case SeverityRole:
        return p.severity;
    case PathRole:
        return p.path;
    case TargetRole:
        return p.target;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemListModel::roleNames() const
{
    return {{SeverityRole, "severity"},
            {PathRole, "path"},
            {MessageRole, "message"},
            {TargetRole, "target"}};
}

void ProblemListModel::setItems(const QList<ProblemItem> &items)
{
    if (items == m_items)
        return;
    const bool wasEmpty = m_items.isEmpty();
    beginResetModel();
    m_items = items;
    endResetModel();
    emit countChanged(); // also with an equal count: errorCount may change
    if (wasEmpty != m_items.isEmpty())
        setExpanded(!m_items.isEmpty());
}

void ProblemListModel::setExpanded(bool expanded)
{
    if (expanded == m_expanded)
        return;
    m_expanded = expanded;
    emit expandedChanged();
}

int ProblemListModel::errorCount() const
{
    int n = 0;
    for (const ProblemItem &p : m_items)
        n += p.severity == QLatin1String("error") ? 1 : 0;
    return n;
}

} // namespace ladder
