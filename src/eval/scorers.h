#pragma once

// Scorers: how good one answer is. A case's `expect.scorer` picks one; without it the recorded
// label of the answerer that answered is the score.
//
//   exact        the answer, trimmed, equals `value`
//   normalised   equal after lower-casing, dropping punctuation and collapsing spaces
//   last_number  maths: the last number in the answer equals the number in `value`
//                ("1,234", "$5", "-2.50" are read as numbers)
//   contains     the normalised answer contains the normalised `value`
//   regex        `pattern` (case-insensitive) matches somewhere in the answer
//   json_schema  the JSON in the answer (a ```json block, else the outermost {...} or [...])
//                satisfies `schema` (core/response_schema.h lists the keywords checked)
//   label        the recorded label: a judge score, or right/wrong
//   judge        an LLM judge rates the answer against `rubric` (judge.h; asynchronous)
//
// Deterministic scorers give 1 (pass) or 0; label gives the recorded score (MT-Bench 1-10) or 1/0.

#include "dataset.h"

#include <QString>

#include <optional>

namespace ladder::eval {

struct Score {
    std::optional<double> value; // none: nothing to score with (no label, judge pending)
    bool pass = false;
    QString detail; // why, for the side-by-side view ("last number 18, expected 18")
};

// Scores `answer`, given for user turn `turn` (0-based) of `c` by `answerer`. The expectation's
// scorer applies to the last turn only; earlier turns are scored by their labels.
Score scoreAnswer(const EvalCase &c, int turn, const QString &answerer, const QString &answer,
                  LabelKind labels);

// The building blocks, for tests and the judge.
QString normaliseAnswer(const QString &text);
std::optional<double> lastNumber(const QString &text);
std::optional<QJsonValue> extractJson(const QString &text);
bool isJudged(const EvalCase &c, int turn); // the judge scorer applies to this turn

} // namespace ladder::eval
