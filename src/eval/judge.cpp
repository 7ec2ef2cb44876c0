#include "judge.h"

#include <QRegularExpression>

namespace ladder::eval {

ChatRequest judgeRequest(const JudgeConfig &judge, const EvalCase &c, int turn,
                         const QString &answer)
{
    ChatRequest r;
    r.provider = judge.providerId;
    r.model = judge.model;
    r.params.temperature = 0.0;
    r.params.maxTokens = 512;
    QString conversation;
    for (int i = 0; i <= turn && i < c.userTurns.size(); ++i)
        conversation += QStringLiteral("[User, turn %1]\n%2\n\n").arg(i + 1).arg(c.userTurns.at(i));
    if (!c.references.isEmpty())
        conversation += QStringLiteral("[Reference answer]\n%1\n\n").arg(c.references.value(turn));
    r.messages = {
        {ChatMessage::Role::System,
         QStringLiteral("You are an impartial judge. Rate the assistant's answer to the last user "
                        "turn against this rubric:\n%1\nExplain briefly, then give the rating on "
                        "its own line exactly as \"Rating: [[N]]\" with N from 1 to 10.")
             .arg(c.expect.rubric),
         {},
         {},
         {}},
        {ChatMessage::Role::User,
         conversation + QStringLiteral("[Assistant's answer]\n%1").arg(answer),
         {},
         {},
         {}}};
    return r;
}

Score parseJudgeReply(const QString &reply)
{
    static const QRegularExpression bracketed(QStringLiteral("\\[\\[(\\d+(?:\\.\\d+)?)\\]\\]"));
    static const QRegularExpression outOfTen(QStringLiteral("\\b(\\d+(?:\\.\\d+)?)\\s*/\\s*10\\b"));
    QRegularExpressionMatch m = bracketed.match(reply);
    if (!m.hasMatch())
        m = outOfTen.match(reply);
    if (!m.hasMatch())
        return Score{std::nullopt, false, QStringLiteral("the judge gave no rating")};
    const double v = m.captured(1).toDouble();
    if (v < 1 || v > 10)
        return Score{std::nullopt, false,
                     QStringLiteral("the judge's rating %1 is outside 1-10").arg(v)};
    return Score{v, v >= 7.0, QStringLiteral("judge rating %1").arg(v)};
}

} // namespace ladder::eval
