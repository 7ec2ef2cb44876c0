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

// The sums computeMetrics() gathers over the finished turns, then turns into the metrics.
class MetricsTally
{
public:
    MetricsTally(const Dataset &set, RunMetrics *m)
        : m_set(set)
        , m(*m)
    {}

    void addCase(const CaseResult &cr)
    {
        ++m.cases;
        const EvalCase &c = m_set.cases.at(cr.caseIndex);
        const bool hasConstraints = !c.expect.constraints.isEmpty() || !c.expect.goal.isEmpty();
        QStringList constraints = c.expect.constraints;
        if (!c.expect.goal.isEmpty())
            constraints.prepend(QRegularExpression::escape(c.expect.goal));
        int firstPass = -1;
        for (const TurnResult &t : cr.turns) {
            if (!addTurn(t))
                continue;
            if (t.score.pass && firstPass < 0)
                firstPass = t.turn;
            if (hasConstraints) {
                const double share = constraintShare(constraints, t.answer);
                (t.turn == 0 ? m_align : m_cover).add(share);
            }
        }
        if (firstPass >= 0)
            m_resolution.add(firstPass + 1);
    }

    void finish()
    {
        if (m.scoredTurns > 0)
            m.quality = m_scoreSum / m.scoredTurns;
        m.qualityKind = m_set.labels == LabelKind::Score && !m_anyPassFail
                            ? QStringLiteral("mean_score")
                            : QStringLiteral("accuracy");
        m.costPerCaseUsd = m.cases > 0 ? m.costUsd / m.cases : 0;
        m.latencyP50Ms = percentile(m_latencies, 50);
        m.latencyP95Ms = percentile(m_latencies, 95);
        m.strongCallShare = m_answered > 0 ? double(m_strong) / m_answered : 0;
        m.escalationRate = m.turns > 0 ? double(m_escalated) / m.turns : 0;
        if (m_align.n > 0)
            m.firstTurnAlignment = m_align.mean();
        if (m_cover.n > 0)
            m.constraintCoverage = m_cover.mean();
        if (m_resolution.n > 0) {
            m.turnsToResolution = m_resolution.mean();
            m.tokensPerResolved = double(m_tokens) / m_resolution.n;
        }
    }

private:
    struct Mean {
        double sum = 0;
        int n = 0;
        void add(double v)
        {
            sum += v;
            ++n;
        }
        double mean() const { return sum / n; }
    };

    // Counts a turn's cost and usage; false for a failed turn (nothing else counts then).
    bool addTurn(const TurnResult &t)
    {
        ++m.turns;
        m.costUsd += t.costUsd;
        m.switchCostUsd += t.switchCostUsd;
        m.judgeCostUsd += t.judgeCostUsd;
        m.usage += t.usage;
        m_tokens += t.usage.inputTokens + t.usage.outputTokens;
        if (!t.error.isEmpty()) {
            ++m.failedTurns;
            return false;
        }
        ++m_answered;
        m_latencies.append(t.latencyMs);
        m.latencyModelled = m.latencyModelled || t.latencyModelled;
        m_strong += t.strong ? 1 : 0;
        m_escalated += t.escalated ? 1 : 0;
        m.approximateTurns += t.approximation ? 1 : 0;
        if (t.score.value) {
            m_scoreSum += *t.score.value;
            ++m.scoredTurns;
            const bool binary = *t.score.value == 0.0 || *t.score.value == 1.0;
            m_anyPassFail = m_anyPassFail || (binary && m_set.labels != LabelKind::Score);
        }
        if (selfCorrects(t.answer))
            ++m.selfCorrections;
        return true;
    }

    const Dataset &m_set;
    RunMetrics &m;
    QList<double> m_latencies;
    double m_scoreSum = 0;
    int m_strong = 0;
    int m_escalated = 0;
    int m_answered = 0;
    Mean m_align;      // first turns against the constraints
    Mean m_cover;      // later turns against the constraints
    Mean m_resolution; // turns to the first pass
    qint64 m_tokens = 0;
    bool m_anyPassFail = false;
};

} // namespace

RunMetrics computeMetrics(const Dataset &set, const QList<CaseResult> &cases)
{
    RunMetrics m;
    MetricsTally tally(set, &m);
    for (const CaseResult &cr : cases) {
        if (cr.finished)
            tally.addCase(cr);
    }
    tally.finish();
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
