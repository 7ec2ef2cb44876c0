#include "eval_report.h"

#include "core/ladder_json.h"
#include "core/pricing.h"

#include <QJsonDocument>

#include <QDir>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace ladder::eval {

QStringList builtinEvalLadders()
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(":/ladder/eval"))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        names.append(f.chopped(5));
    return names;
}

QString builtinEvalLadderPath(const QString &name)
{
    return QStringLiteral(":/ladder/eval/%1.json").arg(name);
}

namespace {

// Every replayed tier answers from one of the set's answerers.
bool answerersKnown(const Dataset &set, const Ladder &ladder, QString *error)
{
    for (const Tier &t : ladder.tiers) {
        if (t.provider != QLatin1String("replay") || set.answerers.contains(t.model))
            continue;
        if (error)
            *error = QStringLiteral("tier \"%1\": \"%2\" is not an answerer of %3 (answerers: %4)")
                         .arg(t.id, t.model, set.name, set.answerers.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

// The tiers answered alone as baselines: the plan's, or every tier; a sweep also needs both
// ends (the strongest and the cheapest model's tiers) for CPT and APGR.
QStringList baselineTiers(const Ladder &ladder, const EvalPlan &plan, const PreparedEval &out)
{
    QStringList baselines = plan.baselines;
    if (baselines.isEmpty())
        for (const Tier &t : ladder.tiers)
            baselines.append(t.id);
    if (!plan.sweep)
        return baselines;
    for (const QString &model : {out.strongModel, out.weakModel}) {
        const auto tier = std::find_if(ladder.tiers.cbegin(), ladder.tiers.cend(),
                                       [&](const Tier &t) { return t.model == model; });
        if (tier != ladder.tiers.cend() && !tier->id.isEmpty() && !baselines.contains(tier->id))
            baselines.append(tier->id);
    }
    return baselines;
}

// The data set's recorded routers (answerers without a price), each as a one-tier ladder.
void addRecordedRouters(const Dataset &set, PreparedEval *out)
{
    for (const QString &answerer : set.answerers) {
        if (PricingTable::builtin().has(answerer))
            continue; // a model, not a router
        Ladder router;
        router.name = answerer;
        Tier t;
        t.id = QStringLiteral("router");
        t.provider = QStringLiteral("replay");
        t.model = answerer;
        router.tiers = {t};
        router.entry = t.id;
        out->variants.append(
            {answerer, QStringLiteral("router"), router, std::nullopt, out->strongModel});
    }
}

} // namespace

std::optional<PreparedEval> prepareEval(const Dataset &set, const EvalPlan &plan, QString *error)
{
    Ladder ladder = plan.ladder;
    if (!applyMapping(&ladder, plan.map, error) || !answerersKnown(set, ladder, error))
        return std::nullopt;
    PreparedEval out;
    out.strongModel = strongestModel(ladder);
    out.weakModel = cheapestModel(ladder);
    // A ladder with the sweep's {FIELD} placeholder in its patterns is a template: only its
    // sweep points run.
    const bool isTemplate =
        plan.sweep && QJsonDocument(toJson(ladder))
                          .toJson(QJsonDocument::Compact)
                          .contains(QStringLiteral("{%1}").arg(plan.sweep->field).toUtf8());
    if (!isTemplate)
        out.variants.append({ladder.name.isEmpty() ? QStringLiteral("ladder") : ladder.name,
                             QStringLiteral("ladder"),
                             ladder,
                             std::nullopt,
                             {}});
    for (const QString &id : baselineTiers(ladder, plan, out)) {
        const std::optional<Ladder> always = alwaysTier(ladder, id, error);
        if (!always)
            return std::nullopt;
        const int index = int(out.variants.size());
        out.variants.append({always->name, QStringLiteral("baseline"), *always, std::nullopt, {}});
        if (always->tiers.first().model == out.strongModel && out.strongBaseline < 0)
            out.strongBaseline = index;
        if (always->tiers.first().model == out.weakModel && out.weakBaseline < 0)
            out.weakBaseline = index;
    }
    if (plan.sweep) {
        for (double value : plan.sweep->values()) {
            std::optional<Ladder> point = applySweep(ladder, *plan.sweep, value, error);
            if (!point)
                return std::nullopt;
            point->name = plan.sweep->label(value);
            out.sweepVariants.append(int(out.variants.size()));
            out.variants.append({point->name, QStringLiteral("sweep"), *point, value, {}});
        }
    }
    if (plan.recordedRouters && !out.strongModel.isEmpty())
        addRecordedRouters(set, &out);
    return out;
}

namespace {

QJsonValue rounded(double v, int digits)
{
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

QJsonValue optional(const std::optional<double> &v, int digits)
{
    return v ? rounded(*v, digits) : QJsonValue();
}

} // namespace

QJsonObject runJson(const RunMetrics &m)
{
    QJsonObject o{
        {QStringLiteral("name"), m.name},
        {QStringLiteral("kind"), m.kind},
        {QStringLiteral("quality"), optional(m.quality, 4)},
        {QStringLiteral("quality_kind"), m.qualityKind},
        {QStringLiteral("scored_turns"), m.scoredTurns},
        {QStringLiteral("cases"), m.cases},
        {QStringLiteral("turns"), m.turns},
        {QStringLiteral("failed_turns"), m.failedTurns},
        {QStringLiteral("approximate_turns"), m.approximateTurns},
        {QStringLiteral("cost_usd"), rounded(m.costUsd, 6)},
        {QStringLiteral("cost_per_case_usd"), rounded(m.costPerCaseUsd, 8)},
        {QStringLiteral("cost_is_upper_bound"), m.costIsUpperBound},
        {QStringLiteral("switch_cost_usd"), rounded(m.switchCostUsd, 6)},
        {QStringLiteral("judge_cost_usd"), rounded(m.judgeCostUsd, 6)},
        {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input"), m.usage.inputTokens},
                                               {QStringLiteral("cached"), m.usage.cachedTokens},
                                               {QStringLiteral("output"), m.usage.outputTokens},
                                               {QStringLiteral("estimated"), m.usage.estimated}}},
        {QStringLiteral("latency_ms_p50"), rounded(m.latencyP50Ms, 1)},
        {QStringLiteral("latency_ms_p95"), rounded(m.latencyP95Ms, 1)},
        {QStringLiteral("latency_modelled"), m.latencyModelled},
        {QStringLiteral("strong_call_share"), rounded(m.strongCallShare, 4)},
        {QStringLiteral("escalation_rate"), rounded(m.escalationRate, 4)},
        {QStringLiteral("self_corrections"), m.selfCorrections},
        {QStringLiteral("turns_to_resolution"), optional(m.turnsToResolution, 3)},
        {QStringLiteral("tokens_per_resolved_case"), optional(m.tokensPerResolved, 1)},
    };
    if (m.sweepValue)
        o.insert(QStringLiteral("sweep_value"), *m.sweepValue);
    if (m.firstTurnAlignment)
        o.insert(QStringLiteral("first_turn_alignment"), rounded(*m.firstTurnAlignment, 4));
    if (m.constraintCoverage)
        o.insert(QStringLiteral("constraint_coverage"), rounded(*m.constraintCoverage, 4));
    return o;
}

std::optional<GapMetrics> sweepGap(const BatchRunner &runner, const PreparedEval &prepared)
{
    if (prepared.sweepVariants.isEmpty() || prepared.strongBaseline < 0 ||
        prepared.weakBaseline < 0)
        return std::nullopt;
    const RunMetrics strong = runner.metrics(prepared.strongBaseline);
    const RunMetrics weak = runner.metrics(prepared.weakBaseline);
    if (!strong.quality || !weak.quality)
        return std::nullopt;
    QList<CurvePoint> curve{{0.0, *weak.quality}, {1.0, *strong.quality}};
    for (int v : prepared.sweepVariants) {
        const RunMetrics m = runner.metrics(v);
        if (m.quality && m.cases > 0)
            curve.append({m.strongCallShare, *m.quality});
    }
    return gapMetrics(curve, *weak.quality, *strong.quality);
}

QJsonObject reportJson(const BatchRunner &runner, const PreparedEval &prepared)
{
    const Dataset &set = runner.dataset();
    QJsonArray runs;
    for (int v = 0; v < runner.variants().size(); ++v)
        runs.append(runJson(runner.metrics(v)));
    QJsonObject o{
        {QStringLiteral("dataset"), set.path},
        {QStringLiteral("set"), set.name},
        {QStringLiteral("format"), set.format},
        {QStringLiteral("cases"), int(set.cases.size())},
        {QStringLiteral("turns"), set.turnCount()},
        {QStringLiteral("strong_model"), prepared.strongModel},
        {QStringLiteral("weak_model"), prepared.weakModel},
        {QStringLiteral("cancelled"), runner.cancelled()},
        {QStringLiteral("notes"),
         QJsonArray::fromStringList(
             set.notes + QStringList{QStringLiteral("replayed answers: tokens estimated at about "
                                                    "4 characters a token, latency modelled")})},
        {QStringLiteral("runs"), runs}};
    if (const std::optional<GapMetrics> gap = sweepGap(runner, prepared)) {
        o.insert(QStringLiteral("cpt"),
                 QJsonObject{{QStringLiteral("50"), optional(gap->cpt50, 4)},
                             {QStringLiteral("80"), optional(gap->cpt80, 4)},
                             {QStringLiteral("95"), optional(gap->cpt95, 4)}});
        o.insert(QStringLiteral("apgr"), optional(gap->apgr, 4));
        // The share of strong calls the sweep needs for 95 % of the always-strong quality.
        const RunMetrics strong = runner.metrics(prepared.strongBaseline);
        const RunMetrics weak = runner.metrics(prepared.weakBaseline);
        if (strong.quality && weak.quality && *strong.quality > *weak.quality) {
            QList<CurvePoint> curve{{0.0, *weak.quality}, {1.0, *strong.quality}};
            for (int v : prepared.sweepVariants) {
                const RunMetrics m = runner.metrics(v);
                if (m.quality && m.cases > 0)
                    curve.append({m.strongCallShare, *m.quality});
            }
            std::stable_sort(curve.begin(), curve.end(), [](const auto &a, const auto &b) {
                return a.strongShare < b.strongShare;
            });
            const double fraction =
                (0.95 * *strong.quality - *weak.quality) / (*strong.quality - *weak.quality);
            o.insert(QStringLiteral("strong_share_for_95pct_quality"),
                     fraction <= 0 ? QJsonValue(0.0)
                                   : optional(callPerformanceThreshold(curve, *weak.quality,
                                                                       *strong.quality, fraction),
                                              4));
        }
    }
    return o;
}

} // namespace ladder::eval
