#include "goldencasedraft.h"

#include "chatsessionmodel.h"
#include "common/files.h"
#include "common/localfile.h"

#include "eval/golden_set.h"
#include "eval/importers.h"

#include <QDir>
#include <QRegularExpression>

namespace ladder {

GoldenCaseDraft::GoldenCaseDraft(QObject *parent)
    : QObject(parent)
{}

void GoldenCaseDraft::setSetPath(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    if (path == m_setPath)
        return;
    m_setPath = path;
    emit changed();
}

QStringList GoldenCaseDraft::scorers()
{
    return eval::scorerNames();
}

QString GoldenCaseDraft::slug(const QString &ladderName)
{
    QString name = ladderName.trimmed().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("chat") : name;
}

QString GoldenCaseDraft::defaultSetPath(const QString &ladderName)
{
    return QDir(Files::dataFolder())
        .filePath(QStringLiteral("golden-sets/%1.jsonl").arg(slug(ladderName)));
}

bool GoldenCaseDraft::fail(const QString &error)
{
    m_error = error;
    emit changed();
    return false;
}

bool GoldenCaseDraft::prepare(ChatSessionModel *chat, int turn)
{
    m_savedId.clear();
    if (!chat)
        return fail(tr("no chat"));
    QStringList turns;
    QHash<QString, QStringList> answers;
    const ChatSessionModel::Row *answered = nullptr;
    for (const ChatSessionModel::Row &row : chat->rows()) {
        if (row.turn < 1 || row.turn > turn)
            continue;
        if (row.kind == QLatin1String("user")) {
            while (turns.size() < row.turn)
                turns.append(QString());
            turns[row.turn - 1] = row.text;
        } else if (row.kind == QLatin1String("assistant") && row.status == QLatin1String("done") &&
                   !row.model.isEmpty()) {
            QStringList &list = answers[row.model];
            while (list.size() < turn)
                list.append(QString());
            list[row.turn - 1] = row.text;
            if (row.turn == turn)
                answered = &row;
        }
    }
    if (!answered || turns.size() != turn)
        return fail(tr("turn %1 has no finished answer to save").arg(turn));
    m_turns = turns;
    m_answers = answers;
    m_answer = answered->text;
    m_model = answered->model;
    m_task = answered->tierId;
    m_scorer = QStringLiteral("contains");
    m_value = answered->text.trimmed();
    m_pattern.clear();
    m_schemaText.clear();
    m_rubric.clear();
    m_caseId = QStringLiteral("%1-turn-%2").arg(slug(chat->ladderName())).arg(turn);
    if (m_setPath.isEmpty())
        m_setPath = defaultSetPath(chat->ladderName());
    m_error.clear();
    emit changed();
    return true;
}

bool GoldenCaseDraft::save()
{
    if (m_turns.isEmpty())
        return fail(tr("nothing to save: pick an answered turn first"));
    if (m_setPath.isEmpty())
        return fail(tr("choose the set file to add the case to"));
    eval::EvalCase c;
    c.id = m_caseId.trimmed();
    c.task = m_task.trimmed();
    c.userTurns = m_turns;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it) {
        QList<eval::RecordedAnswer> list;
        for (const QString &text : it.value())
            list.append(eval::RecordedAnswer{text, std::nullopt, std::nullopt});
        c.answers.insert(it.key(), list);
    }
    c.expect.scorer = m_scorer == QLatin1String("label") ? QString() : m_scorer;
    c.expect.value = m_value;
    c.expect.pattern = m_pattern;
    c.expect.rubric = m_rubric;
    QString error;
    if (!eval::parseSchemaText(m_schemaText, &c.expect.schema, &error))
        return fail(error);
    const QString id = eval::appendGoldenCase(m_setPath, c, &error);
    if (id.isEmpty())
        return fail(error);
    m_savedId = id;
    m_error.clear();
    emit changed();
    return true;
}

} // namespace ladder
