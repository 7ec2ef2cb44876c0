#pragma once

// Kept runs (store/eval_run_store.h) and the comparison of a run with an earlier one of the same
// set: which cases got better, worse, cheaper; filtered to failures or differences only.

#include "batch_runner.h"

#include "store/eval_run_store.h"

namespace ladder::eval {

QList<StoredEvalCase> storedCases(const Dataset &set, const QList<CaseResult> &cases);

struct CaseDiff {
    QString caseId;
    StoredEvalCase before;
    StoredEvalCase after;
    QString quality;         // "better", "worse", "same", "new", "gone"
    double costDeltaUsd = 0; // after - before; < 0 is cheaper
};

struct CompareFilter {
    bool failuresOnly = false;    // cases that fail (not pass, or a failed turn) in the later run
    bool differencesOnly = false; // cases whose quality, pass or answering models changed
};

QList<CaseDiff> compareRuns(const QList<StoredEvalCase> &before, const QList<StoredEvalCase> &after,
                            CompareFilter filter = {});

struct CompareSummary {
    int better = 0, worse = 0, same = 0, cheaper = 0, dearer = 0;
};
CompareSummary summarise(const QList<CaseDiff> &diffs);

} // namespace ladder::eval
