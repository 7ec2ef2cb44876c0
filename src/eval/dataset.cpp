#include "dataset.h"

namespace ladder::eval {

int Dataset::turnCount() const
{
    int n = 0;
    for (const EvalCase &c : cases)
        n += int(c.userTurns.size());
    return n;
}

int Dataset::indexOf(const QString &caseId) const
{
    for (int i = 0; i < cases.size(); ++i)
        if (cases.at(i).id == caseId)
            return i;
    return -1;
}

std::optional<double> Dataset::recordedQuality(const QString &answerer) const
{
    double sum = 0;
    int n = 0;
    for (const EvalCase &c : cases) {
        const auto it = c.answers.constFind(answerer);
        if (it == c.answers.constEnd())
            continue;
        for (const RecordedAnswer &a : *it) {
            if (labels == LabelKind::Score && a.score) {
                sum += *a.score;
                ++n;
            } else if (labels == LabelKind::Correct && a.correct) {
                sum += *a.correct ? 1.0 : 0.0;
                ++n;
            }
        }
    }
    if (n == 0)
        return std::nullopt;
    return sum / n;
}

QString toString(LabelKind kind)
{
    switch (kind) {
    case LabelKind::None:
        return QStringLiteral("none");
    case LabelKind::Score:
        return QStringLiteral("score");
    case LabelKind::Correct:
        return QStringLiteral("correct");
    }
    return {};
}

} // namespace ladder::eval
