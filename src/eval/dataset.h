#pragma once

// An evaluation set: cases (the user turns of a conversation, its task type, what a good answer
// must satisfy) and, for replay, the answers each recorded answerer gave with their quality labels.
// Importers (importers.h) read the public formats into this one shape.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ladder::eval {

// One recorded answer to one user turn.
struct RecordedAnswer {
    QString text;
    std::optional<double> score; // a judge's score (MT-Bench: 1-10); none when the judgment failed
    std::optional<bool> correct; // a right/wrong label (GSM8K)
    bool operator==(const RecordedAnswer &) const = default;
};

// What a good answer must satisfy (a golden case). `scorer` names the scorer (scorers.h).
struct Expectation {
    QString scorer;          // empty: the recorded label
    QString value;           // exact / normalised / last_number / contains
    QString pattern;         // regex
    QJsonObject schema;      // json_schema
    QString rubric;          // judge
    QString goal;            // seed 000: what the first answer must capture
    QStringList constraints; // seed 000: regular expressions every answer should satisfy
    bool operator==(const Expectation &) const = default;
};

struct EvalCase {
    QString id;
    QString task;   // task type / category ("math", "writing", ...)
    QString origin; // "file:line" it was read from
    QStringList userTurns;
    QHash<QString, QList<RecordedAnswer>> answers; // answerer -> one answer per user turn
    QStringList references;                        // reference answers per turn, if any
    Expectation expect;
    QString preferred; // a preference case: the label the user chose
    bool operator==(const EvalCase &) const = default;
};

enum class LabelKind {
    None,    // no recorded labels: scorers need expectations
    Score,   // judge scores; quality = mean score
    Correct, // right/wrong; quality = accuracy
};

struct Dataset {
    QString name;   // "mt_bench", "gsm8k", a file's base name
    QString path;   // the file it came from
    QString format; // "mt_bench", "gsm8k", "audit", "jsonl"
    LabelKind labels = LabelKind::None;
    double scoreMin = 0; // for LabelKind::Score
    double scoreMax = 1;
    QList<EvalCase> cases;
    QStringList answerers; // in the order first seen
    QStringList notes;     // caveats to show with results (approximations, failed labels, ...)

    int turnCount() const;
    int indexOf(const QString &caseId) const;
    // The recorded quality of every answer of `answerer` (mean score or accuracy), over the turns
    // that have a label; nullopt when there is none.
    std::optional<double> recordedQuality(const QString &answerer) const;
};

QString toString(LabelKind kind);

} // namespace ladder::eval
