#pragma once

// The rows of a node model that meet `cullRect`, as slots whose delegates are kept and reused.
// A node leaving the rectangle frees its slot (the slot's `present` turns false, so its item
// hides); a node entering takes a free slot, preferring the one it had before, so its delegate
// is given new data instead of being destroyed and made again. Panning a large ladder then
// costs what is near the view, and making Qt Quick items (about a millisecond each for a node)
// happens only when more nodes are near the view than ever before. Spare slots beyond what a
// pan back and forth needs are dropped once the view rests, a few at a time.
//
// Geometry comes from the source model's nodeX/nodeY/nodeWidth/nodeHeight roles and the key
// from its `key` role; every role of the source is forwarded, plus `present`.

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QRectF>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ViewportSlotModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QRectF cullRect READ cullRect WRITE setCullRect NOTIFY cullRectChanged)

public:
    explicit ViewportSlotModel(QObject *parent = nullptr);

    QAbstractItemModel *model() const { return m_source; }
    void setModel(QAbstractItemModel *model);
    QRectF cullRect() const { return m_cull; }
    void setCullRect(const QRectF &rect);
    int count() const { return m_occupied; } // occupied slots
    // The source row a slot shows, -1 for a free slot.
    int sourceRowOf(int slot) const { return m_slots.value(slot).sourceRow; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void modelChanged();
    void cullRectChanged();

private:
    struct Slot {
        int sourceRow = -1;
        QString key; // of the node shown, or of the last one shown while free
    };

    bool inside(int sourceRow) const;
    QString keyOf(int sourceRow) const;
    // After rows were added, removed or reset: each slot finds its node again by key (or is
    // released) and is told its data may differ.
    void remap();
    // Every source row against the rectangle: slots of nodes that left it are released, nodes
    // that entered it take one.
    void sync();
    void syncRows(int first, int last, const QList<int> &roles);
    void occupy(int slot, int sourceRow, const QString &key);
    void release(int slot);
    int takeFreeSlot(const QString &key);
    int excessSlots() const;
    void trimSoon(); // once the view rests
    void trimFreeSlots();

    QPointer<QAbstractItemModel> m_source;
    QRectF m_cull;
    QList<Slot> m_slots;
    QList<int> m_slotOfRow; // per source row, -1 when it has none
    int m_occupied = 0;
    int m_keyRole = -1;
    int m_xRole = -1, m_yRole = -1, m_widthRole = -1, m_heightRole = -1;
    int m_presentRole = -1;
    QHash<int, QVariant> m_emptyValues; // what a free slot reports, per role
    QTimer m_trimTimer;
};

} // namespace ladder
