#include "viewportslotmodel.h"

#include <algorithm>

namespace ladder {

namespace {

// Free slots kept (or as many as are occupied, when more): enough for a pan back and forth, not
// the hundreds left by zooming far out and in again.
constexpr int kSpareSlots = 32;
// Destroying an item costs about as much as making one: spares go while the view rests, a few
// per event loop pass.
constexpr int kRestMs = 400;
constexpr int kTrimmedPerPass = 16;
// Between two passes: a frame or two, so they do not all land before the same frame.
constexpr int kTrimPassMs = 40;

} // namespace

ViewportSlotModel::ViewportSlotModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_trimTimer.setSingleShot(true);
    connect(&m_trimTimer, &QTimer::timeout, this, &ViewportSlotModel::trimFreeSlots);
}

void ViewportSlotModel::setModel(QAbstractItemModel *model)
{
    if (model == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    beginResetModel();
    m_source = model;
    m_slots.clear();
    m_slotOfRow.clear();
    m_emptyValues.clear();
    m_occupied = 0;
    m_keyRole = m_xRole = m_yRole = m_widthRole = m_heightRole = m_presentRole = -1;
    if (m_source) {
        const QHash<int, QByteArray> names = m_source->roleNames();
        auto role = [&](const char *name) {
            return names.key(QByteArray(name), -1);
        };
        m_keyRole = role("key");
        m_xRole = role("nodeX");
        m_yRole = role("nodeY");
        m_widthRole = role("nodeWidth");
        m_heightRole = role("nodeHeight");
        m_presentRole = names.isEmpty() ? Qt::UserRole + 1
                                        : *std::max_element(names.keyBegin(), names.keyEnd()) + 1;
        connect(m_source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                    syncRows(first.row(), last.row(), roles);
                });
        const auto structural = [this] {
            remap();
            sync();
        };
        connect(m_source, &QAbstractItemModel::rowsInserted, this, structural);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, structural);
        connect(m_source, &QAbstractItemModel::rowsMoved, this, structural);
        connect(m_source, &QAbstractItemModel::modelReset, this, structural);
        connect(m_source, &QAbstractItemModel::layoutChanged, this, structural);
    }
    endResetModel();
    m_slotOfRow = QList<int>(m_source ? m_source->rowCount() : 0, -1);
    sync();
    emit modelChanged();
}

void ViewportSlotModel::setCullRect(const QRectF &rect)
{
    if (rect == m_cull)
        return;
    m_cull = rect;
    sync();
    emit cullRectChanged();
}

int ViewportSlotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_slots.size());
}

QVariant ViewportSlotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Slot &slot = m_slots[index.row()];
    if (role == m_presentRole)
        return slot.sourceRow >= 0;
    if (slot.sourceRow < 0 || !m_source || slot.sourceRow >= m_source->rowCount())
        return m_emptyValues.value(role);
    return m_source->index(slot.sourceRow, 0).data(role);
}

QHash<int, QByteArray> ViewportSlotModel::roleNames() const
{
    QHash<int, QByteArray> names = m_source ? m_source->roleNames() : QHash<int, QByteArray>{};
    if (m_presentRole >= 0)
        names.insert(m_presentRole, QByteArrayLiteral("present"));
    return names;
}

bool ViewportSlotModel::inside(int sourceRow) const
{
    if (m_cull.isEmpty() || m_xRole < 0)
        return true;
    const QModelIndex index = m_source->index(sourceRow, 0);
    const double left = index.data(m_xRole).toDouble();
    const double top = index.data(m_yRole).toDouble();
    const double right = left + index.data(m_widthRole).toDouble();
    const double bottom = top + index.data(m_heightRole).toDouble();
    return right >= m_cull.left() && left <= m_cull.right() && bottom >= m_cull.top() &&
           top <= m_cull.bottom();
}

QString ViewportSlotModel::keyOf(int sourceRow) const
{
    return m_source->index(sourceRow, 0).data(m_keyRole).toString();
}

void ViewportSlotModel::remap()
{
    const int rows = m_source ? m_source->rowCount() : 0;
    QHash<QString, int> rowOfKey;
    rowOfKey.reserve(rows);
    for (int row = 0; row < rows; ++row)
        rowOfKey.insert(keyOf(row), row);
    m_slotOfRow = QList<int>(rows, -1);
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        Slot &s = m_slots[slot];
        if (s.sourceRow < 0)
            continue;
        const int row = rowOfKey.value(s.key, -1);
        if (row < 0) {
            release(slot);
            continue;
        }
        s.sourceRow = row;
        m_slotOfRow[row] = slot;
        emit dataChanged(index(slot), index(slot));
    }
}

void ViewportSlotModel::sync()
{
    const int rows = int(m_slotOfRow.size());
    if (m_emptyValues.isEmpty() && rows > 0) {
        // A free slot reports empty values of each role's type: required properties of its
        // delegate stay assignable.
        const QModelIndex first = m_source->index(0, 0);
        const QList<int> roles = m_source->roleNames().keys();
        for (int role : roles) {
            const QVariant value = first.data(role);
            m_emptyValues.insert(role, value.isValid() ? QVariant(value.metaType()) : QVariant());
        }
    }
    for (int row = 0; row < rows; ++row) {
        const int slot = m_slotOfRow[row];
        const bool in = inside(row);
        if (slot >= 0 && !in) {
            release(slot);
            m_slotOfRow[row] = -1;
        } else if (slot < 0 && in) {
            const QString key = keyOf(row);
            occupy(takeFreeSlot(key), row, key);
        }
    }
    trimSoon();
}

void ViewportSlotModel::syncRows(int first, int last, const QList<int> &roles)
{
    if (!m_source || m_slotOfRow.size() != m_source->rowCount()) {
        remap();
        sync();
        return;
    }
    const bool moved = roles.isEmpty() || roles.contains(m_xRole) || roles.contains(m_yRole) ||
                       roles.contains(m_widthRole) || roles.contains(m_heightRole);
    for (int row = std::max(0, first); row <= last && row < m_slotOfRow.size(); ++row) {
        const int slot = m_slotOfRow[row];
        if (moved) {
            const bool in = inside(row);
            if (slot >= 0 && !in) {
                release(slot);
                m_slotOfRow[row] = -1;
                continue;
            }
            if (slot < 0 && in) {
                const QString key = keyOf(row);
                occupy(takeFreeSlot(key), row, key);
                continue;
            }
        }
        if (slot >= 0) {
            m_slots[slot].key = keyOf(row); // a renamed node keeps its slot
            emit dataChanged(index(slot), index(slot), roles);
        }
    }
    trimSoon();
}

void ViewportSlotModel::occupy(int slot, int sourceRow, const QString &key)
{
    ++m_occupied;
    m_slotOfRow[sourceRow] = slot;
    if (slot == m_slots.size()) {
        beginInsertRows({}, slot, slot);
        m_slots.append({sourceRow, key});
        endInsertRows();
        return;
    }
    m_slots[slot] = {sourceRow, key};
    emit dataChanged(index(slot), index(slot));
}

void ViewportSlotModel::release(int slot)
{
    --m_occupied;
    m_slots[slot].sourceRow = -1; // the key stays: the node gets this slot back if it returns
    emit dataChanged(index(slot), index(slot), {m_presentRole, m_keyRole});
}

int ViewportSlotModel::takeFreeSlot(const QString &key)
{
    int firstFree = -1;
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot].sourceRow >= 0)
            continue;
        if (m_slots[slot].key == key)
            return slot;
        if (firstFree < 0)
            firstFree = slot;
    }
    return firstFree >= 0 ? firstFree : int(m_slots.size());
}

int ViewportSlotModel::excessSlots() const
{
    return int(m_slots.size()) - m_occupied - std::max(kSpareSlots, m_occupied);
}

void ViewportSlotModel::trimSoon()
{
    if (excessSlots() > 0)
        m_trimTimer.start(kRestMs);
}

void ViewportSlotModel::trimFreeSlots()
{
    int excess = std::min(excessSlots(), kTrimmedPerPass);
    for (int slot = int(m_slots.size()) - 1; slot >= 0 && excess > 0; --slot) {
        if (m_slots[slot].sourceRow >= 0)
            continue;
        beginRemoveRows({}, slot, slot);
        m_slots.remove(slot);
        endRemoveRows();
        --excess;
    }
    std::fill(m_slotOfRow.begin(), m_slotOfRow.end(), -1);
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot].sourceRow >= 0)
            m_slotOfRow[m_slots[slot].sourceRow] = slot;
    }
    if (excessSlots() > 0)
        m_trimTimer.start(kTrimPassMs);
}

} // namespace ladder
