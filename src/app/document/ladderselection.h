#pragma once

// What is selected in a LadderDocument: node and edge keys ("tier:strong", "t:0", "memory", ...).
// Selecting is not an edit (no undo step), but every undo command restores the selection it
// found. The document refreshes the selected nodes and edges; the inspector follows `changed`.

#include <QObject>
#include <QRectF>
#include <QSet>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class LadderDocument;

class LadderSelection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A LadderDocument owns its selection")
    Q_PROPERTY(QStringList keys READ keys NOTIFY changed) // sorted
    Q_PROPERTY(int count READ count NOTIFY changed)

public:
    explicit LadderSelection(LadderDocument *document);

    QStringList keys() const;
    int count() const { return int(m_keys.size()); }
    const QSet<QString> &keySet() const { return m_keys; }
    QString single() const; // the one selected key, empty unless exactly one is selected
    void setKeys(const QSet<QString> &keys);

    // mode: "replace", "toggle", "add".
    Q_INVOKABLE void select(const QString &key, const QString &mode = QStringLiteral("replace"));
    Q_INVOKABLE void selectInRect(const QRectF &rect, bool additive); // the rubber band
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clear();
    Q_INVOKABLE bool contains(const QString &key) const { return m_keys.contains(key); }
    // Selects the element of a row of the Problems list and returns its key.
    Q_INVOKABLE QString selectProblem(int row);

signals:
    // Before `changed`: the keys whose selection state changed (for the canvas items).
    void touched(const QSet<QString> &keys);
    void changed();

private:
    LadderDocument *m_doc;
    QSet<QString> m_keys;
};

} // namespace ladder
