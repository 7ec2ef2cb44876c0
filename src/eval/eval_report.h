#pragma once

// One evaluation as `ladder eval` and the studio's Evaluate area run it: the plan (ladder,
// mapping to recorded answerers, baselines, sweep), the variants it expands to, and the report
// (`ladder eval --json`):
// {"dataset", "cases", "turns", "strong_model", "weak_model", "runs": [{"name", "kind",
//  "quality", "quality_kind", "cost_usd", "cost_per_case_usd", "switch_cost_usd", "tokens",
//  "latency_ms_p50", "latency_ms_p95", "strong_call_share", "escalation_rate", ...}],
//  "cpt": {"50", "80", "95"}, "apgr"}  (cpt and apgr when a sweep ran)

#include "batch_runner.h"
#include "variants.h"

#include <QJsonObject>

namespace ladder::eval {

struct EvalPlan {
    Ladder ladder;
    QHash<QString, QString> map; // TIER -> ANSWERER
    QStringList baselines;       // tier ids for always:TIER; empty: every tier
    std::optional<SweepSpec> sweep;
    bool recordedRouters = true; // answerers without a price (MT-Bench: martian, unify)
};

struct PreparedEval {
    QList<Variant> variants;
    QString strongModel;
    QString weakModel;
    int strongBaseline = -1; // variant index of always:<strongest tier>, -1 when none
    int weakBaseline = -1;
    QList<int> sweepVariants;
};

std::optional<PreparedEval> prepareEval(const Dataset &set, const EvalPlan &plan, QString *error);

// The evaluation ladders compiled in (resources/eval): "mt-bench-category", "length-threshold".
QStringList builtinEvalLadders();
QString builtinEvalLadderPath(const QString &name); // ":/ladder/eval/<name>.json"

QJsonObject runJson(const RunMetrics &m);
// The sweep's RouteLLM metrics, when a sweep ran and both baselines have a quality.
std::optional<GapMetrics> sweepGap(const BatchRunner &runner, const PreparedEval &prepared);
QJsonObject reportJson(const BatchRunner &runner, const PreparedEval &prepared);

} // namespace ladder::eval
