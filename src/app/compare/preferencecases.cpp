#include "preferencecases.h"

#include "chat/chatsessionmodel.h"
#include "common/files.h"

#include "eval/golden_set.h"

#include <QDir>

namespace ladder::PreferenceCases {

namespace {

const ChatSessionModel::Row *answerRow(const ChatSessionModel &column, int turn)
{
    const ChatSessionModel::Row *found = nullptr;
    for (const ChatSessionModel::Row &row : column.rows())
        if (row.kind == QLatin1String("assistant") && row.turn == turn)
            found = &row;
    return found;
}

} // namespace

QString defaultSetPath()
{
    return QDir(Files::dataFolder()).filePath(QStringLiteral("golden-sets/preferences.jsonl"));
}

QString answererOf(const ChatSessionModel &column, int turn)
{
    const QString ladder = column.property("ladderTitle").toString().isEmpty()
                               ? column.ladderName()
                               : column.property("ladderTitle").toString();
    const ChatSessionModel::Row *row = answerRow(column, turn);
    return row && !row->model.isEmpty() ? ladder + QLatin1Char('/') + row->model : ladder;
}

QString record(const QString &setPath, const QString &comparisonId,
               const QList<const ChatSessionModel *> &columns, int turn, int chosen, QString *error)
{
    if (chosen < 0 || chosen >= columns.size() || turn < 1) {
        if (error)
            *error = QStringLiteral("no such pick");
        return {};
    }
    eval::EvalCase c;
    c.id = QStringLiteral("%1-turn-%2").arg(comparisonId).arg(turn);
    c.task = QStringLiteral("preference");
    c.userTurns = columns.at(chosen)->userTurns().mid(0, turn);
    if (c.userTurns.size() != turn) {
        if (error)
            *error = QStringLiteral("turn %1 is not in the conversation").arg(turn);
        return {};
    }
    for (const ChatSessionModel *column : columns) {
        QList<eval::RecordedAnswer> answers;
        for (int t = 1; t <= turn; ++t) {
            const ChatSessionModel::Row *row = answerRow(*column, t);
            answers.append(
                eval::RecordedAnswer{row ? row->text : QString(), std::nullopt, std::nullopt});
        }
        c.answers.insert(answererOf(*column, turn), answers);
    }
    c.expect.scorer = QStringLiteral("preference");
    c.preferred = answererOf(*columns.at(chosen), turn);
    return eval::appendGoldenCase(setPath, c, error, /*replace=*/true);
}

} // namespace ladder::PreferenceCases
