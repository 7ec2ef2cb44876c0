#pragma once

// The golden-set editor of the Evaluate area: the cases of one set (generic JSONL,
// docs/eval-format.md) as a list model, each edit an undoable command, saved with the eval
// library's one writer (eval/golden_set.h). Every row carries what the reader would say about it
// ("/expect/value: the contains scorer needs a value"); a save names the file and line as well.

#include "eval/dataset.h"

#include <QAbstractListModel>
#include <QUndoStack>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class GoldenSetModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString path READ path NOTIFY pathChanged)
    Q_PROPERTY(QString title READ title NOTIFY pathChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY undoStateChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int problemCount READ problemCount NOTIFY countChanged)
    Q_PROPERTY(QStringList scorers READ scorers CONSTANT)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TaskRole,
        SummaryRole, // the last user turn, one line
        TurnCountRole,
        ScorerRole,
        ProblemRole, // empty when the case reads back cleanly
    };
    Q_ENUM(Roles)

    explicit GoldenSetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString path() const { return m_path; }
    QString title() const;
    bool modified() const { return !m_undo.isClean(); }
    bool canUndo() const { return m_undo.canUndo(); }
    bool canRedo() const { return m_undo.canRedo(); }
    QString undoText() const { return m_undo.undoText(); }
    QString redoText() const { return m_undo.redoText(); }
    QString error() const { return m_error; }
    int count() const { return int(m_cases.size()); }
    int problemCount() const;
    static QStringList scorers();
    const QList<eval::EvalCase> &cases() const { return m_cases; }

    Q_INVOKABLE void newSet();
    Q_INVOKABLE bool open(const QString &pathOrUrl);
    // Saves to the set's file; false (nothing written) for a new set without one, or with the
    // error "set.jsonl:3: /expect/value: ..." when a case would not read back.
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString &pathOrUrl);

    Q_INVOKABLE int addCase(); // returns its row
    Q_INVOKABLE int duplicateCase(int row);
    Q_INVOKABLE void removeCase(int row);
    // The case's fields for the form: id, task, turns (list), scorer, value, pattern, schema
    // (JSON text), rubric, goal, constraints (list), preferred, answerers (list, read-only).
    Q_INVOKABLE QVariantMap caseAt(int row) const;
    // One undoable edit of one field (names as in caseAt); edits of the same field in a row merge
    // into one step. False, with `error` naming the field,
    // when the value cannot be taken (unknown scorer, schema text that is not a JSON object).
    Q_INVOKABLE bool setField(int row, const QString &field, const QVariant &value);
    Q_INVOKABLE void undo() { m_undo.undo(); }
    Q_INVOKABLE void redo() { m_undo.redo(); }
    // A file the Evaluate area can run now: the set's own file when saved, else a snapshot in a
    // temporary folder. Empty, with `error` set, when a case would not read back.
    Q_INVOKABLE QString runnablePath();

    // For the undo commands: replace, insert (before empty) or remove (after empty) one row.
    void applyRow(int row, const std::optional<eval::EvalCase> &before,
                  const std::optional<eval::EvalCase> &after);

signals:
    void pathChanged();
    void undoStateChanged();
    void errorChanged();
    void countChanged();

private:
    void setError(const QString &error);
    void reset(const QList<eval::EvalCase> &cases, const QString &path);
    void push(const QString &text, int row, const std::optional<eval::EvalCase> &before,
              const std::optional<eval::EvalCase> &after, const QString &mergeKey = {});
    QString uniqueId(const QString &base) const;

    QList<eval::EvalCase> m_cases;
    QString m_path;
    QString m_error;
    QUndoStack m_undo;
};

} // namespace ladder
