#include "graphmodels.h"

namespace ladder {

namespace {

// Replaces `current` by `next`: row-level dataChanged when the keys are unchanged (the common
// case: an edit, a selection change, a move), a reset otherwise.
template <typename Item, typename Begin, typename End, typename RowChanged>
bool replaceItems(QList<Item> &current, QHash<QString, int> &rows, const QList<Item> &next,
                  Begin beginReset, End endReset, RowChanged rowChanged)
{
    bool sameKeys = current.size() == next.size();
    for (int i = 0; sameKeys && i < next.size(); ++i)
        sameKeys = current[i].key == next[i].key;
    if (sameKeys) {
        for (int i = 0; i < next.size(); ++i) {
            if (!(current[i] == next[i])) {
                current[i] = next[i];
                rowChanged(i);
            }
        }
        return false;
    }
    const bool countChanged = current.size() != next.size();
    beginReset();
    current = next;
    rows.clear();
    for (int i = 0; i < current.size(); ++i)
        rows.insert(current[i].key, i);
    endReset();
    return countChanged;
}

} // namespace

// ---- NodeListModel --------------------------------------------------------------------------

NodeListModel::NodeListModel(QObject *parent)
    : QAbstractListModel(parent)
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

void NodeListModel::setItems(const QList<NodeItem> &items)
{
    const bool countChange = replaceItems(
        m_items, m_rows, items, [this] { beginResetModel(); }, [this] { endResetModel(); },
        [this](int row) { emit dataChanged(index(row), index(row)); });
    if (countChange)
        emit countChanged();
}

void NodeListModel::updateItem(const NodeItem &item)
{
    const int row = rowOf(item.key);
    if (row < 0 || m_items[row] == item)
        return;
    m_items[row] = item;
    emit dataChanged(index(row), index(row));
}

QVariantMap NodeListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_items.size())
        return map;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

// ---- EdgeListModel --------------------------------------------------------------------------

EdgeListModel::EdgeListModel(QObject *parent)
    : QAbstractListModel(parent)
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
    case X0Role:
        return e.x0;
    case Y0Role:
        return e.y0;
    case C1xRole:
        return e.c1x;
    case C1yRole:
        return e.c1y;
    case C2xRole:
        return e.c2x;
    case C2yRole:
        return e.c2y;
    case X3Role:
        return e.x3;
    case Y3Role:
        return e.y3;
    case LabelXRole:
        return e.labelX;
    case LabelYRole:
        return e.labelY;
    case ArrowLxRole:
        return e.arrowLx;
    case ArrowLyRole:
        return e.arrowLy;
    case ArrowRxRole:
        return e.arrowRx;
    case ArrowRyRole:
        return e.arrowRy;
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
        {X0Role, "x0"},
        {Y0Role, "y0"},
        {C1xRole, "c1x"},
        {C1yRole, "c1y"},
        {C2xRole, "c2x"},
        {C2yRole, "c2y"},
        {X3Role, "x3"},
        {Y3Role, "y3"},
        {LabelXRole, "labelX"},
        {LabelYRole, "labelY"},
        {ArrowLxRole, "arrowLx"},
        {ArrowLyRole, "arrowLy"},
        {ArrowRxRole, "arrowRx"},
        {ArrowRyRole, "arrowRy"},
        {DashedRole, "dashed"},
        {SelectedRole, "selected"},
        {InvalidRole, "invalid"},
        {ProblemRole, "problem"},
        {ColorRole, "edgeColor"},
    };
}

void EdgeListModel::setItems(const QList<EdgeItem> &items)
{
    const bool countChange = replaceItems(
        m_items, m_rows, items, [this] { beginResetModel(); }, [this] { endResetModel(); },
        [this](int row) { emit dataChanged(index(row), index(row)); });
    if (countChange)
        emit countChanged();
}

void EdgeListModel::updateItem(const EdgeItem &item)
{
    const int row = rowOf(item.key);
    if (row < 0 || m_items[row] == item)
        return;
    m_items[row] = item;
    emit dataChanged(index(row), index(row));
}

QVariantMap EdgeListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_items.size())
        return map;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
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
