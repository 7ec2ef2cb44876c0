#include "viewportfiltermodel.h"

#include <algorithm>

namespace ladder {

ViewportFilterModel::ViewportFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ViewportFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ViewportFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ViewportFilterModel::countChanged);
}

void ViewportFilterModel::setModel(QAbstractItemModel *model)
{
    if (model == sourceModel())
        return;
    m_xRoles.clear();
    m_yRoles.clear();
    m_widthRole = m_heightRole = -1;
    if (model) {
        const QHash<int, QByteArray> names = model->roleNames();
        auto role = [&](const char *name) {
            return names.key(QByteArray(name), -1);
        };
        if (role("nodeX") >= 0) {
            m_xRoles = {role("nodeX")};
            m_yRoles = {role("nodeY")};
            m_widthRole = role("nodeWidth");
            m_heightRole = role("nodeHeight");
        } else {
            // A cubic bezier lies inside the hull of its four points.
            m_xRoles = {role("x0"), role("c1x"), role("c2x"), role("x3")};
            m_yRoles = {role("y0"), role("c1y"), role("c2y"), role("y3")};
        }
    }
    setSourceModel(model);
    emit modelChanged();
}

void ViewportFilterModel::setCullRect(const QRectF &rect)
{
    if (rect == m_cull)
        return;
    m_cull = rect;
    invalidateRowsFilter();
    emit cullRectChanged();
}

bool ViewportFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_cull.isEmpty() || m_xRoles.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    double left = qInf(), right = -qInf(), top = qInf(), bottom = -qInf();
    for (int i = 0; i < m_xRoles.size(); ++i) {
        const double x = index.data(m_xRoles[i]).toDouble();
        const double y = index.data(m_yRoles[i]).toDouble();
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
    if (m_widthRole >= 0) {
        right += index.data(m_widthRole).toDouble();
        bottom += index.data(m_heightRole).toDouble();
    }
    return right >= m_cull.left() && left <= m_cull.right() && bottom >= m_cull.top() &&
           top <= m_cull.bottom();
}

} // namespace ladder
