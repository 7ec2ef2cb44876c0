#include "run_history.h"

#include <QHash>

namespace ladder::eval {

QList<StoredEvalCase> storedCases(const Dataset &set, const QList<CaseResult> &cases)
{
    QList<StoredEvalCase> out;
    for (const CaseResult &cr : cases) {
        if (!cr.finished)
            continue;
        StoredEvalCase s;
        s.caseId = set.cases.at(cr.caseIndex).id;
        double sum = 0;
        int n = 0;
        bool pass = true;
        QStringList models;
        for (const TurnResult &t : cr.turns) {
            s.costUsd += t.costUsd;
            models.append(t.model);
            s.failed = s.failed || !t.error.isEmpty();
            if (t.score.value) {
                sum += *t.score.value;
                ++n;
                pass = pass && t.score.pass;
            }
            s.answer = t.answer;
        }
        if (n > 0)
            s.quality = sum / n;
        s.pass = n > 0 && pass && !s.failed;
        s.models = models.join(QStringLiteral(" → "));
        out.append(s);
    }
    return out;
}

QList<CaseDiff> compareRuns(const QList<StoredEvalCase> &before, const QList<StoredEvalCase> &after,
                            CompareFilter filter)
{
    QHash<QString, StoredEvalCase> earlier;
    for (const StoredEvalCase &c : before)
        earlier.insert(c.caseId, c);
    QList<CaseDiff> out;
    QSet<QString> seen;
    for (const StoredEvalCase &c : after) {
        seen.insert(c.caseId);
        CaseDiff d;
        d.caseId = c.caseId;
        d.after = c;
        const auto it = earlier.constFind(c.caseId);
        if (it == earlier.constEnd()) {
            d.quality = QStringLiteral("new");
        } else {
            d.before = *it;
            d.costDeltaUsd = c.costUsd - it->costUsd;
            const double qa = c.quality.value_or(0), qb = it->quality.value_or(0);
            d.quality = qa > qb + 1e-9   ? QStringLiteral("better")
                        : qa < qb - 1e-9 ? QStringLiteral("worse")
                                         : QStringLiteral("same");
        }
        const bool differs = d.quality != QLatin1String("same") || d.before.pass != c.pass ||
                             d.before.models != c.models;
        if (filter.differencesOnly && !differs)
            continue;
        if (filter.failuresOnly && c.pass && !c.failed)
            continue;
        out.append(d);
    }
    for (const StoredEvalCase &c : before) {
        if (seen.contains(c.caseId) || filter.failuresOnly)
            continue;
        CaseDiff d;
        d.caseId = c.caseId;
        d.before = c;
        d.quality = QStringLiteral("gone");
        out.append(d);
    }
    return out;
}

CompareSummary summarise(const QList<CaseDiff> &diffs)
{
    CompareSummary s;
    for (const CaseDiff &d : diffs) {
        s.better += d.quality == QLatin1String("better");
        s.worse += d.quality == QLatin1String("worse");
        s.same += d.quality == QLatin1String("same");
        s.cheaper += d.costDeltaUsd < -1e-12;
        s.dearer += d.costDeltaUsd > 1e-12;
    }
    return s;
}

} // namespace ladder::eval
