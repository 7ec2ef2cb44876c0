#pragma once

// The base of the canvas's list models (NodeListModel, EdgeListModel): items with a unique `key`
// that LadderDocument replaces as a whole after each change, or one at a time while a node is
// dragged. It emits the narrowest change it can: row-level dataChanged when the keys are
// unchanged (an edit, a selection change, a move), a reset otherwise. The item lists stay in the
// subclasses, which call replaceAll() and replaceOne() (a template cannot be a QObject).

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class KeyedListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    int rowOf(const QString &key) const { return m_rows.value(key, -1); }
    // A row's roles by name, as its delegate sees them; an empty map for a row out of range.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

protected:
    template <typename Item> void replaceAll(QList<Item> &items, const QList<Item> &next);
    template <typename Item> void replaceOne(QList<Item> &items, const Item &item);

private:
    QHash<QString, int> m_rows;
};

template <typename Item>
void KeyedListModel::replaceAll(QList<Item> &items, const QList<Item> &next)
{
    bool sameKeys = items.size() == next.size();
    for (qsizetype i = 0; sameKeys && i < next.size(); ++i)
        sameKeys = items[i].key == next[i].key;
    if (sameKeys) {
        for (int i = 0; i < next.size(); ++i) {
            if (!(items[i] == next[i])) {
                items[i] = next[i];
                emit dataChanged(index(i), index(i));
            }
        }
        return;
    }
    const bool countChange = items.size() != next.size();
    beginResetModel();
    items = next;
    m_rows.clear();
    for (int i = 0; i < items.size(); ++i)
        m_rows.insert(items[i].key, i);
    endResetModel();
    if (countChange)
        emit countChanged();
}

template <typename Item> void KeyedListModel::replaceOne(QList<Item> &items, const Item &item)
{
    const int row = rowOf(item.key);
    if (row < 0 || items[row] == item)
        return;
    items[row] = item;
    emit dataChanged(index(row), index(row));
}

} // namespace ladder
