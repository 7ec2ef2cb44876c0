#include "metrics.h"

#include <QRegularExpression>

#include <algorithm>

namespace ladder::eval {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * double(values.size() - 1);
    const qsizetype lo = qsizetype(rank);
    const qsizetype hi = std::min<qsizetype>(lo + 1, values.size() - 1);
    return values.at(lo) + (values.at(hi) - values.at(lo)) * (rank - double(lo));
}

namespace {

double constraintShare(const QStringList &constraints, const QString &answer)
{
    int met = 0;
    for (const QString &c : constraints) {
        const QRegularExpression re(c, QRegularExpression::CaseInsensitiveOption);
        if (re.isValid() ? re.match(answer).hasMatch() : answer.contains(c, Qt::CaseInsensitive))
            ++met;
    }
    return constraints.isEmpty() ? 1.0 : double(met) / double(constraints.size());
}

bool selfCorrects(const QString &answer)
{
    static const QRegularExpression re(
        QStringLiteral("\\b(I apologi[sz]e|my (previous|earlier) (answer|response) (was|is) "
                       "(wrong|incorrect)|I made (a|an) (mistake|error)|correction:)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(answer).hasMatch();
}

} // namespace

RunMetrics computeMetrics(const Dataset &set, const QList<CaseResult> &cases)
{
    RunMetrics m;
    QList<double> latencies;
    double scoreSum = 0;
    int strong = 0;
    int escalated = 0;
    int answered = 0;
    double alignSum = 0;
    int alignN = 0;
    double coverSum = 0;
    int coverN = 0;
    double resolutionSum = 0;
    int resolved = 0;
    qint64 tokens = 0;
    bool anyPassFail = false;
    for (const CaseResult &cr : cases) {
        if (!cr.finished)
            continue;
        ++m.cases;
        const EvalCase &c = set.cases.at(cr.caseIndex);
        const bool hasConstraints = !c.expect.constraints.isEmpty() || !c.expect.goal.isEmpty();
        QStringList constraints = c.expect.constraints;
        if (!c.expect.goal.isEmpty())
            constraints.prepend(QRegularExpression::escape(c.expect.goal));
        int firstPass = -1;
        for (const TurnResult &t : cr.turns) {
            ++m.turns;
            m.costUsd += t.costUsd;
            m.switchCostUsd += t.switchCostUsd;
            m.judgeCostUsd += t.judgeCostUsd;
            m.usage += t.usage;
            tokens += t.usage.inputTokens + t.usage.outputTokens;
            if (!t.error.isEmpty()) {
                ++m.failedTurns;
                continue;
            }
            ++answered;
            latencies.append(t.latencyMs);
            m.latencyModelled = m.latencyModelled || t.latencyModelled;
            strong += t.strong ? 1 : 0;
            escalated += t.escalated ? 1 : 0;
            m.approximateTurns += t.approximation ? 1 : 0;
            if (t.score.value) {
                scoreSum += *t.score.value;
                ++m.scoredTurns;
                const bool binary = *t.score.value == 0.0 || *t.score.value == 1.0;
                anyPassFail = anyPassFail || (binary && set.labels != LabelKind::Score);
            }
            if (t.score.pass && firstPass < 0)
                firstPass = t.turn;
            if (selfCorrects(t.answer))
                ++m.selfCorrections;
            if (hasConstraints) {
                const double share = constraintShare(constraints, t.answer);
                if (t.turn == 0) {
                    alignSum += share;
                    ++alignN;
                } else {
                    coverSum += share;
                    ++coverN;
                }
            }
        }
        if (firstPass >= 0) {
            resolutionSum += firstPass + 1;
            ++resolved;
        }
    }
    if (m.scoredTurns > 0)
        m.quality = scoreSum / m.scoredTurns;
    m.qualityKind = set.labels == LabelKind::Score && !anyPassFail ? QStringLiteral("mean_score")
                                                                   : QStringLiteral("accuracy");
    m.costPerCaseUsd = m.cases > 0 ? m.costUsd / m.cases : 0;
    m.latencyP50Ms = percentile(latencies, 50);
    m.latencyP95Ms = percentile(latencies, 95);
    m.strongCallShare = answered > 0 ? double(strong) / answered : 0;
    m.escalationRate = m.turns > 0 ? double(escalated) / m.turns : 0;
    if (alignN > 0)
        m.firstTurnAlignment = alignSum / alignN;
    if (coverN > 0)
        m.constraintCoverage = coverSum / coverN;
    if (resolved > 0) {
        m.turnsToResolution = resolutionSum / resolved;
        m.tokensPerResolved = double(tokens) / resolved;
    }
    return m;
}

std::optional<double> callPerformanceThreshold(const QList<CurvePoint> &curve, double weak,
                                               double strong, double fraction)
{
    const double target = weak + fraction * (strong - weak);
    for (qsizetype i = 0; i < curve.size(); ++i) {
        const CurvePoint &p = curve.at(i);
        if (p.quality + 1e-12 < target)
            continue;
        if (i == 0)
            return p.strongShare;
        const CurvePoint &a = curve.at(i - 1);
        const double dq = p.quality - a.quality;
        const double t = dq > 0 ? (target - a.quality) / dq : 1.0;
        return a.strongShare + std::clamp(t, 0.0, 1.0) * (p.strongShare - a.strongShare);
    }
    return std::nullopt;
}

GapMetrics gapMetrics(QList<CurvePoint> points, double weak, double strong)
{
    GapMetrics g;
    if (points.isEmpty() || strong == weak)
        return g;
    std::stable_sort(points.begin(), points.end(), [](const CurvePoint &a, const CurvePoint &b) {
        return a.strongShare < b.strongShare;
    });
    g.cpt50 = callPerformanceThreshold(points, weak, strong, 0.50);
    g.cpt80 = callPerformanceThreshold(points, weak, strong, 0.80);
    g.cpt95 = callPerformanceThreshold(points, weak, strong, 0.95);
    const double range = points.last().strongShare - points.first().strongShare;
    if (range <= 0)
        return g;
    double area = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const CurvePoint &a = points.at(i - 1);
        const CurvePoint &b = points.at(i);
        const double pa = (a.quality - weak) / (strong - weak);
        const double pb = (b.quality - weak) / (strong - weak);
        area += (pa + pb) / 2.0 * (b.strongShare - a.strongShare);
    }
    g.apgr = area / range;
    return g;
}

QList<int> paretoFront(const QList<QPointF> &points)
{
    QList<int> order;
    for (int i = 0; i < points.size(); ++i)
        order.append(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (points.at(a).x() != points.at(b).x())
            return points.at(a).x() < points.at(b).x();
        return points.at(a).y() > points.at(b).y();
    });
    QList<int> front;
    double best = -1e300;
    for (int i : order) {
        if (points.at(i).y() > best) {
            front.append(i);
            best = points.at(i).y();
        }
    }
    return front;
}

} // namespace ladder::eval
