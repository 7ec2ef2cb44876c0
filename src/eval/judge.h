#pragma once

// The LLM judge scorer: a configured judge model rates an answer against the case's rubric,
// 1-10, in the MT-Bench single-answer style ("Rating: [[7]]"). Its calls are billed apart from
// the ladder's (RunMetrics::judgeCostUsd), since they are the evaluation's cost, not the ladder's.

#include "dataset.h"
#include "scorers.h"

#include "engine/provider.h"

namespace ladder::eval {

struct JudgeConfig {
    Provider *provider = nullptr; // null: judged turns stay unscored
    QString providerId;
    QString model;
};

ChatRequest judgeRequest(const JudgeConfig &judge, const EvalCase &c, int turn,
                         const QString &answer);
// The rating in a judge's reply ("Rating: [[8]]", or a lone "8/10"); a Score scaled 1-10 that
// passes at 7 or more.
Score parseJudgeReply(const QString &reply);

} // namespace ladder::eval
