#pragma once

// List models the canvas draws: nodes, edges and the Problems list. They hold display data only;
// LadderDocument fills them after each change and they emit the narrowest change they can (a
// moved node touches its own row and the rows of its edges, nothing else).

#include "graph.h"
#include "keyedlistmodel.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

struct NodeItem {
    QString key;
    QString kind; // entry, any, tier, detector, memory
    QString nodeId;
    QString title;
    QString subtitle; // provider / model, detector kind + signal, memory policy
    QString role;
    QString detail;      // fallback chain, patterns, history policy
    double priceIn = -1; // USD per 1M tokens, -1 when unknown
    double priceOut = -1;
    QString color;
    double x = 0, y = 0, width = 0, height = 0;
    bool selected = false;
    bool invalid = false;
    QString problem; // first error message for the tooltip
    bool isEntry = false;
    bool enabled = true;
    bool escalateTool = false;
    bool operator==(const NodeItem &) const = default;
};

struct EdgeItem {
    QString key;
    QString kind; // entry, step, signal, post, return, failure
    QString from, to;
    int transition = -1;
    QString label;
    EdgeGeometry geometry; // drawn by EdgeLayer through EdgeScene, not a role
    bool dashed = false;
    bool selected = false;
    bool invalid = false;
    QString problem;
    QString color;         // source tier colour
    QStringList listeners; // detector node keys linked to it (a transition's on_signal)
    bool operator==(const EdgeItem &) const = default;
};

struct ProblemItem {
    QString severity; // error, warning
    QString path;
    QString message;
    QString target; // node or edge key, empty when the problem is about the whole document
    bool operator==(const ProblemItem &) const = default;
};

class NodeListModel : public ladder::KeyedListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NodeListModel belongs to a LadderDocument")

public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        NodeIdRole,
        TitleRole,
        SubtitleRole,
        TierRoleRole,
        DetailRole,
        PriceInRole,
        PriceOutRole,
        ColorRole,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        SelectedRole,
        InvalidRole,
        ProblemRole,
        IsEntryRole,
        EnabledRole,
        EscalateToolRole,
    };
    Q_ENUM(Roles)

    explicit NodeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(const QList<NodeItem> &items) { replaceAll(m_items, items); }
    void updateItem(const NodeItem &item) { replaceOne(m_items, item); } // same key, new data
    const QList<NodeItem> &items() const { return m_items; }

private:
    QList<NodeItem> m_items;
};

class EdgeListModel : public ladder::KeyedListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EdgeListModel belongs to a LadderDocument")

public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        FromRole,
        ToRole,
        TransitionRole,
        LabelRole,
        DashedRole,
        SelectedRole,
        InvalidRole,
        ProblemRole,
        ColorRole,
    };
    Q_ENUM(Roles)

    explicit EdgeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(const QList<EdgeItem> &items) { replaceAll(m_items, items); }
    void updateItem(const EdgeItem &item) { replaceOne(m_items, item); } // same key, new data
    const QList<EdgeItem> &items() const { return m_items; }
    // The canvas point at `t` (0..1) along the curve of edge `key`, (0, 0) for an unknown key.
    Q_INVOKABLE QPointF pointOnCurve(const QString &key, double t) const;

private:
    QList<EdgeItem> m_items;
};

class ProblemListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ProblemListModel belongs to a LadderDocument")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY countChanged)
    // Whether the Problems panel shows its list or only its header: it opens on the first
    // problem and folds when none is left; in between the user toggles it.
    Q_PROPERTY(bool expanded READ expanded WRITE setExpanded NOTIFY expandedChanged)

public:
    enum Roles { SeverityRole = Qt::UserRole + 1, PathRole, MessageRole, TargetRole };
    Q_ENUM(Roles)

    explicit ProblemListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(const QList<ProblemItem> &items);
    const QList<ProblemItem> &items() const { return m_items; }
    int errorCount() const;
    bool expanded() const { return m_expanded; }
    void setExpanded(bool expanded);

signals:
    void countChanged();
    void expandedChanged();

private:
    QList<ProblemItem> m_items;
    bool m_expanded = false;
};

} // namespace ladder
