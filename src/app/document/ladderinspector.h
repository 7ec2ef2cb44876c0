#pragma once

// The inspector's model: the fields of the selected element (the ladder itself, a tier, a
// transition, a detector, the memory policy; or how many are selected) as a map for the inspector
// forms, and the writes back. Each field edit is one undo step; typing in one field merges into
// one step. The lists the forms offer (condition types, signals, ...) come from LadderNames.

#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class LadderDocument;
struct Ladder;

class LadderInspector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A LadderDocument owns its inspector")
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY changed)

public:
    explicit LadderInspector(LadderDocument *document);

    QVariantMap fields() const;

    // A field of the selected element (or of the ladder when nothing is selected).
    Q_INVOKABLE void setField(const QString &field, const QVariant &value);
    // A field of the element `key` ("" or "entry": the ladder's own fields).
    Q_INVOKABLE void setFieldOf(const QString &key, const QString &field, const QVariant &value);
    // The selected tier's fallback chain.
    Q_INVOKABLE void addFallback();
    Q_INVOKABLE void removeFallback(int index);
    Q_INVOKABLE void moveFallback(int from, int to);
    Q_INVOKABLE void setFallback(int index, const QString &provider, const QString &model);

signals:
    void changed();

private:
    int selectedTierIndex() const; // of the one selected tier, else -1
    bool applyField(Ladder &ladder, const QString &key, const QString &field,
                    const QVariant &value) const;
    void pushFallbackEdit(const Ladder &after, const QString &text, const QString &mergeKey = {});

    LadderDocument *m_doc;
};

} // namespace ladder
