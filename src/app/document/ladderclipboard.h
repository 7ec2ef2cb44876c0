#pragma once

// Copy, cut, paste and duplicate of a LadderDocument's selected nodes (tiers and detectors, with
// the transitions between them). The clipboard text is JSON, so nodes travel between documents
// and between instances of the studio; a paste or a duplicate is one undo step.

#include <QObject>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ladder {

class LadderDocument;
struct Ladder;

class LadderClipboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A LadderDocument owns its clipboard")

public:
    explicit LadderClipboard(LadderDocument *document);

    // The clipboard JSON of the selection, empty when nothing in it can be copied.
    Q_INVOKABLE QString selectionJson() const;
    Q_INVOKABLE void copy() const;
    Q_INVOKABLE void cut();
    // Pastes at (x, y) on the canvas (the pasted nodes' top left), or 40 px below and right of
    // where they were copied. Failures set the document's errorString.
    Q_INVOKABLE bool pasteJson(const QString &json, double x = qQNaN(), double y = qQNaN());
    Q_INVOKABLE bool paste(double x = qQNaN(), double y = qQNaN());
    Q_INVOKABLE void duplicate();

private:
    QString clipboardJson(const QSet<QString> &keys) const;
    bool pasteInto(Ladder &ladder, const QString &json, std::optional<QPointF> at,
                   QSet<QString> *pasted, QString *error) const;
    bool pushPaste(const QString &json, std::optional<QPointF> at, const QString &commandText);

    LadderDocument *m_doc;
};

} // namespace ladder
