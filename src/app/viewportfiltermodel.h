#pragma once

// Keeps only the rows of a node or edge model whose geometry meets `cullRect`, so the canvas
// instantiates delegates for what is on (or near) screen only: panning a large ladder then
// costs what is visible, not what exists. Geometry comes from the source model's roles
// (nodeX/nodeY/nodeWidth/nodeHeight for nodes, the bezier's four points for edges).

#include <QRectF>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ViewportFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *model READ sourceModel WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QRectF cullRect READ cullRect WRITE setCullRect NOTIFY cullRectChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ViewportFilterModel(QObject *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    QRectF cullRect() const { return m_cull; }
    void setCullRect(const QRectF &rect);
    int count() const { return rowCount(); }

signals:
    void modelChanged();
    void cullRectChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QRectF m_cull;
    QList<int> m_xRoles; // bounding box = min/max over these (x, y) role pairs
    QList<int> m_yRoles;
    int m_widthRole = -1;
    int m_heightRole = -1;
};

} // namespace ladder
