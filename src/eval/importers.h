#pragma once

// Readers of the evaluation formats into one Dataset. Every error names the file and line (and
// the field or column): "replay.jsonl:12: /turns/0/judge_score: expected a number".
//
// - MT-Bench replay JSONL (`replay_mt_bench.jsonl`): one record per question and answerer,
//   `{question_id, category, model, turns:[{user, assistant, judge_score}]}`; judge_score -1 is a
//   failed judgment (kept as an answer without a label).
// - GSM8K CSV (`gsm8k_responses.csv`): `prompt`, per answerer a True/False column and its
//   `<answerer>_response` text column.
// - The studio's audit log (SQLite): each session is a case (its user turns), the model that
//   answered each turn is an answerer; sessions with the same user turns merge into one case.
// - Generic JSONL (docs/eval-format.md): one case per line,
//   `{"id", "task", "turns":[...], "answers":{ANSWERER:[...]}, "labels":{ANSWERER:[...]},
//     "expect":{...}}`.

#include "dataset.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ladder::eval {

// format: "mt_bench", "gsm8k", "audit", "jsonl", or empty to tell from the file (".csv" is GSM8K,
// a SQLite file is an audit log, a JSONL whose first record has "question_id" is MT-Bench).
std::optional<Dataset> importDataset(const QString &path, const QString &format, QString *error);

std::optional<Dataset> importMtBench(const QString &path, QString *error);
std::optional<Dataset> importGsm8k(const QString &path, QString *error);
std::optional<Dataset> importAuditLog(const QString &path, QString *error);
std::optional<Dataset> importGenericJsonl(const QString &path, QString *error);

// The scorers an expectation may name, in the order the studio offers them (scorers.h).
QStringList scorerNames();

// One case of the generic JSONL format (its line's object). `index` numbers a case without an id;
// `origin` is its "file:line". On error, `message` names the field ("/expect/value: ...").
// `kinds` (optional) gets bit 1 for a score label, bit 2 for a true/false label.
bool readGenericCase(const QJsonObject &object, int index, const QString &origin, EvalCase *c,
                     QString *message, int *kinds = nullptr);

// RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). Each row keeps the line
// number where it starts, for errors.
struct CsvRow {
    int line = 0;
    QStringList fields;
};
std::optional<QList<CsvRow>> parseCsv(const QByteArray &data, QString *error);

} // namespace ladder::eval
