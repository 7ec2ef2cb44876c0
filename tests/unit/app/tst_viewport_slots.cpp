// ViewportSlotModel: the node items of the canvas are slotModel that follow the view. The model
// must show exactly the nodes meeting the cull rectangle, reuse slotModel instead of adding rows
// when the view comes back, forward the source's changes, and drop spare slotModel gradually.

#include "document/graphmodels.h"
#include "editor/viewportslotmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ladder;

namespace {

constexpr double kNodeWidth = 200;
constexpr double kNodeHeight = 80;

QList<NodeItem> grid(int columns, int rows, double spacing)
{
    QList<NodeItem> items;
    for (int c = 0; c < columns; ++c) {
        for (int r = 0; r < rows; ++r) {
            NodeItem item;
            item.key = QStringLiteral("tier:n%1_%2").arg(c).arg(r);
            item.kind = QStringLiteral("tier");
            item.title = item.key;
            item.x = c * spacing;
            item.y = r * spacing;
            item.width = kNodeWidth;
            item.height = kNodeHeight;
            items.append(item);
        }
    }
    return items;
}

int roleOf(const QAbstractItemModel &model, const char *name)
{
    return model.roleNames().key(QByteArray(name), -1);
}

// Keys of the present slotModel; fails the test when a key is shown twice.
QStringList presentKeys(const ViewportSlotModel &model)
{
    const int present = roleOf(model, "present");
    const int key = roleOf(model, "key");
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(present).toBool())
            keys.append(index.data(key).toString());
    }
    keys.sort();
    return keys;
}

QStringList keysMeeting(const QList<NodeItem> &items, const QRectF &cull)
{
    QStringList keys;
    for (const NodeItem &item : items) {
        if (item.x + item.width >= cull.left() && item.x <= cull.right() &&
            item.y + item.height >= cull.top() && item.y <= cull.bottom())
            keys.append(item.key);
    }
    keys.sort();
    return keys;
}

} // namespace

class ViewportSlotsTest : public QObject
{
    Q_OBJECT

private slots:
    void slotsFollowTheCullRect_data();
    void slotsFollowTheCullRect();
    void returningNodeGetsItsSlotBack();
    void sourceChangesReachTheSlots();
    void freeSlotsAreTrimmedWhenTheViewRests();
};

void ViewportSlotsTest::slotsFollowTheCullRect_data()
{
    QTest::addColumn<QPointF>("start");
    QTest::addColumn<QPointF>("step"); // canvas units per update
    QTest::addColumn<int>("frames");   // the pass stays over the nodes
    QTest::addColumn<double>("spacing");
    QTest::newRow("right, dense") << QPointF(3000, 3000) << QPointF(25, 7) << 120 << 260.0;
    QTest::newRow("down-left, sparse") << QPointF(6000, 3000) << QPointF(-40, 31) << 120 << 520.0;
    QTest::newRow("fast diagonal") << QPointF(1000, 1000) << QPointF(180, 110) << 30 << 300.0;
}

void ViewportSlotsTest::slotsFollowTheCullRect()
{
    QFETCH(QPointF, start);
    QFETCH(QPointF, step);
    QFETCH(int, frames);
    QFETCH(double, spacing);
    NodeListModel nodes;
    const QList<NodeItem> items = grid(30, 30, spacing);
    nodes.setItems(items);
    ViewportSlotModel slotModel;
    QRectF cull(start, QSizeF(1980, 1240));
    slotModel.setCullRect(cull);
    slotModel.setModel(&nodes);
    QCOMPARE(presentKeys(slotModel), keysMeeting(items, cull));

    QSignalSpy inserted(&slotModel, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < frames; ++i) {
        cull.translate(step);
        slotModel.setCullRect(cull);
        const QStringList shown = presentKeys(slotModel);
        QCOMPARE(shown, keysMeeting(items, cull));
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), shown.size());
        QCOMPARE(slotModel.count(), shown.size());
    }
    QVERIFY2(slotModel.rowCount() <= 2 * slotModel.count() + 32,
             qPrintable(QStringLiteral("%1 slotModel for %2 nodes")
                            .arg(slotModel.rowCount())
                            .arg(slotModel.count())));

    // The way back passes nodes that had slotModel: they are reused, no row is added.
    inserted.clear();
    for (int i = 0; i < frames; ++i) {
        cull.translate(-step);
        slotModel.setCullRect(cull);
        QCOMPARE(presentKeys(slotModel), keysMeeting(items, cull));
    }
    QCOMPARE(inserted.count(), 0);
}

void ViewportSlotsTest::returningNodeGetsItsSlotBack()
{
    NodeListModel nodes;
    nodes.setItems(grid(4, 1, 300));
    ViewportSlotModel slotModel;
    slotModel.setModel(&nodes);
    slotModel.setCullRect(QRectF(0, 0, 1100, 100)); // all four
    const int row = nodes.rowOf(QStringLiteral("tier:n0_0"));
    int slotOfFirst = -1;
    for (int slot = 0; slot < slotModel.rowCount(); ++slot) {
        if (slotModel.sourceRowOf(slot) == row)
            slotOfFirst = slot;
    }
    QVERIFY(slotOfFirst >= 0);
    slotModel.setCullRect(QRectF(250, 0, 850, 100)); // the first leaves
    QCOMPARE(slotModel.sourceRowOf(slotOfFirst), -1);
    QCOMPARE(slotModel.index(slotOfFirst).data(roleOf(slotModel, "present")).toBool(), false);
    QCOMPARE(slotModel.index(slotOfFirst).data(roleOf(slotModel, "key")).toString(), QString());
    slotModel.setCullRect(QRectF(0, 0, 1100, 100)); // and comes back
    QCOMPARE(slotModel.sourceRowOf(slotOfFirst), row);
}

void ViewportSlotsTest::sourceChangesReachTheSlots()
{
    NodeListModel nodes;
    QList<NodeItem> items = grid(3, 1, 300);
    nodes.setItems(items);
    ViewportSlotModel slotModel;
    slotModel.setModel(&nodes);
    slotModel.setCullRect(QRectF(0, 0, 1000, 100));
    QCOMPARE(slotModel.count(), 3);
    QSignalSpy changed(&slotModel, &QAbstractItemModel::dataChanged);

    // Selecting a node changes its slot's row.
    NodeItem second = items[1];
    second.selected = true;
    nodes.updateItem(second);
    QCOMPARE(changed.count(), 1);
    const QModelIndex slotOfSecond = changed.first().first().toModelIndex();
    QCOMPARE(slotOfSecond.data(roleOf(slotModel, "selected")).toBool(), true);
    QCOMPARE(slotOfSecond.data(roleOf(slotModel, "title")).toString(), second.title);

    // Dragged out of the rectangle, it frees the slot.
    second.x = 5000;
    nodes.updateItem(second);
    QCOMPARE(slotModel.count(), 2);
    QCOMPARE(slotOfSecond.data(roleOf(slotModel, "present")).toBool(), false);

    // Deleted and added nodes (the document resets the model).
    items.removeFirst();
    NodeItem added = items.first();
    added.key = QStringLiteral("tier:added");
    added.x = 40;
    items.append(added);
    nodes.setItems(items);
    QCOMPARE(presentKeys(slotModel), keysMeeting(items, slotModel.cullRect()));
    QVERIFY(presentKeys(slotModel).contains(QStringLiteral("tier:added")));
    QVERIFY(!presentKeys(slotModel).contains(QStringLiteral("tier:n0_0")));
}

void ViewportSlotsTest::freeSlotsAreTrimmedWhenTheViewRests()
{
    NodeListModel nodes;
    nodes.setItems(grid(20, 20, 250));
    ViewportSlotModel slotModel;
    slotModel.setModel(&nodes);
    slotModel.setCullRect(QRectF(0, 0, 5000, 5000)); // zoomed far out: every node
    QCOMPARE(slotModel.rowCount(), 400);
    QRectF cull(0, 0, 900, 600); // zoomed in again, then panning a little
    for (int i = 0; i < 20; ++i) {
        cull.translate(i % 2 ? 10 : -10, 0);
        slotModel.setCullRect(cull);
        QCOMPARE(presentKeys(slotModel), keysMeeting(nodes.items(), cull));
    }
    QCOMPARE(slotModel.rowCount(), 400); // nothing is destroyed while the view moves
    QTRY_COMPARE(slotModel.rowCount(), slotModel.count() + std::max(32, slotModel.count()));
    QCOMPARE(presentKeys(slotModel), keysMeeting(nodes.items(), cull));
    cull.translate(400, 300);
    slotModel.setCullRect(cull);
    QCOMPARE(presentKeys(slotModel), keysMeeting(nodes.items(), cull));
}

QTEST_MAIN(ViewportSlotsTest)
#include "tst_viewport_slots.moc"
