#pragma once

// "Save this turn as a golden case": a draft made from one answered turn of a chat (the user
// turns so far, each model's answers, the answering tier as the task type, the answer as the
// expectation), edited in a small dialog and appended to a golden set (generic JSONL,
// docs/eval-format.md) with the eval library's writer. By default the set is the ladder's own,
// <data folder>/golden-sets/<ladder>.jsonl.

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ChatSessionModel;

class GoldenCaseDraft : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString setPath READ setPath WRITE setSetPath NOTIFY changed)
    Q_PROPERTY(QString caseId MEMBER m_caseId NOTIFY changed)
    Q_PROPERTY(QString task MEMBER m_task NOTIFY changed)
    Q_PROPERTY(QString scorer MEMBER m_scorer NOTIFY changed)
    Q_PROPERTY(QString value MEMBER m_value NOTIFY changed)
    Q_PROPERTY(QString pattern MEMBER m_pattern NOTIFY changed)
    Q_PROPERTY(QString schemaText MEMBER m_schemaText NOTIFY changed)
    Q_PROPERTY(QString rubric MEMBER m_rubric NOTIFY changed)
    Q_PROPERTY(QStringList turns READ turns NOTIFY changed)
    Q_PROPERTY(QString answer READ answer NOTIFY changed)
    Q_PROPERTY(QString model READ model NOTIFY changed)
    Q_PROPERTY(QStringList scorers READ scorers CONSTANT)
    Q_PROPERTY(int scorerIndex READ scorerIndex NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString savedId READ savedId NOTIFY changed)

public:
    explicit GoldenCaseDraft(QObject *parent = nullptr);

    QString setPath() const { return m_setPath; }
    void setSetPath(const QString &pathOrUrl);
    QStringList turns() const { return m_turns; }
    QString answer() const { return m_answer; }
    QString model() const { return m_model; }
    static QStringList scorers();
    int scorerIndex() const { return int(scorers().indexOf(m_scorer)); }
    QString error() const { return m_error; }
    QString savedId() const { return m_savedId; }

    // A ladder's name as a file name and case id prefix ("Framing ladder" -> "framing-ladder").
    static QString slug(const QString &ladderName);
    // The ladder's own set in the data folder (<data>/golden-sets/<slug>.jsonl).
    static QString defaultSetPath(const QString &ladderName);

    // Fills the draft from answered turn `turn` (1-based) of `chat`. False, with `error`, when
    // that turn has no finished answer.
    Q_INVOKABLE bool prepare(ladder::ChatSessionModel *chat, int turn);
    // Appends the case to the set; false with `error` naming the file, line and field.
    Q_INVOKABLE bool save();

signals:
    void changed();

private:
    bool fail(const QString &error);

    QString m_setPath, m_caseId, m_task, m_scorer, m_value, m_pattern, m_schemaText, m_rubric;
    QStringList m_turns;
    QHash<QString, QStringList> m_answers; // model -> its answer per turn ("" where it did not)
    QString m_answer, m_model;
    QString m_error, m_savedId;
};

} // namespace ladder
