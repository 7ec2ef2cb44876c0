#pragma once

// What a run measured: per turn and per case results, their totals, and the RouteLLM metrics
// over a sweep.
//
// RouteLLM (Ong et al., 2024, "RouteLLM: Learning to Route LLMs with Preference Data"):
// PGR (performance gap recovered) of a point = (quality - weak) / (strong - weak), where weak and
// strong are the always-cheapest and always-strongest baselines.
// CPT(x%) (call-performance threshold) = the share of strong-model calls a router needs for a
// PGR of x%, read off its quality-vs-strong-share curve by linear interpolation.
// APGR (average PGR) = the area under PGR over the strong-call share (trapezoids), divided by the
// share range. Our curve is the sweep's points plus the two baselines as its ends (share 0 with
// the weak quality, share 1 with the strong quality).

#include "dataset.h"
#include "scorers.h"

#include "core/pricing.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace ladder::eval {

struct TurnResult {
    int turn = 0; // 0-based
    QString tier;
    QString model;
    QString answer;
    QString error; // the turn failed
    TokenUsage usage;
    double costUsd = 0;
    double switchCostUsd = 0; // what a model switch kept from being billed as cached input
    double latencyMs = 0;
    bool latencyModelled = false;
    bool strong = false; // answered by the most expensive model
    bool escalated = false;
    bool approximation = false; // answered after another model answered an earlier turn
    Score score;
    double judgeCostUsd = 0; // the judge's call for this turn, billed apart
};

struct CaseResult {
    int caseIndex = -1;
    bool finished = false; // every turn ran (ok or failed)
    QList<TurnResult> turns;
};

struct RunMetrics {
    QString name;
    QString kind; // "ladder", "baseline", "sweep", "router"
    std::optional<double> sweepValue;
    QString qualityKind; // "mean_score", "accuracy"
    std::optional<double> quality;
    int scoredTurns = 0;
    int cases = 0; // finished cases
    int turns = 0;
    int failedTurns = 0;
    int approximateTurns = 0;
    double costUsd = 0;
    double costPerCaseUsd = 0;
    double switchCostUsd = 0;
    double judgeCostUsd = 0;       // the LLM judge's calls: the evaluation's cost, not the ladder's
    bool costIsUpperBound = false; // recorded routers: every token at the strong model's price
    TokenUsage usage;
    double latencyP50Ms = 0;
    double latencyP95Ms = 0;
    bool latencyModelled = false;
    double strongCallShare = 0;
    double escalationRate = 0; // escalated turns / turns
    // Seed 000's metrics where the set has what they need (nullopt otherwise).
    std::optional<double> firstTurnAlignment; // share of goal/constraints the first answers meet
    std::optional<double> constraintCoverage; // the same on later turns
    int selfCorrections = 0;                  // answers that correct an earlier one
    std::optional<double> turnsToResolution;  // mean turn (1-based) of the first passing answer
    std::optional<double> tokensPerResolved;  // all tokens / resolved cases
};

RunMetrics computeMetrics(const Dataset &set, const QList<CaseResult> &cases);

double percentile(QList<double> values, double p); // p in [0, 100]; 0 for no values

struct CurvePoint {
    double strongShare = 0; // 0..1
    double quality = 0;
};

struct GapMetrics {
    std::optional<double> cpt50, cpt80, cpt95; // strong-call share 0..1; none: never reached
    std::optional<double> apgr;
};

// `points` need not be sorted; weak and strong are the baselines' qualities.
GapMetrics gapMetrics(QList<CurvePoint> points, double weakQuality, double strongQuality);
std::optional<double> callPerformanceThreshold(const QList<CurvePoint> &sortedCurve, double weak,
                                               double strong, double fraction);

// Indices of the points no other point beats on both cost (x, lower is better) and quality
// (y, higher is better), sorted by cost.
QList<int> paretoFront(const QList<QPointF> &costQuality);

} // namespace ladder::eval
