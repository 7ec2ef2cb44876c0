#pragma once

// Kept evaluation runs (SQLite, its own file beside the audit log, by default
// `eval-runs.sqlite` in the user's data folder): one row per run (a variant of a `ladder eval`
// over a data set, with its metrics) and one per case (quality, pass, cost, the models that
// answered). A run can then be compared with any earlier run of the same set.

#include "sqlite_database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ladder {

struct StoredEvalCase {
    QString caseId;
    std::optional<double> quality; // mean score over the case's scored turns
    bool pass = false;             // every scored turn passed
    bool failed = false;           // a turn failed
    double costUsd = 0;
    QString models; // the models that answered, in turn order, joined by " → "
    QString answer; // the last answer
};

struct StoredEvalRun {
    qint64 id = 0;
    QString dataset; // the data set's path as given
    QString setName; // "mt_bench", "gsm8k", ...
    QString variant; // "framing", "always:strong", ...
    QDateTime createdAt;
    QJsonObject metrics; // the run's entry of `ladder eval --json`
};

class EvalRunStore
{
public:
    EvalRunStore();
    ~EvalRunStore();
    EvalRunStore(const EvalRunStore &) = delete;
    EvalRunStore &operator=(const EvalRunStore &) = delete;

    static QString defaultPath(); // <data folder>/eval-runs.sqlite
    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const;
    QString lastError() const { return m_lastError; }

    // Writes a run and its cases in one transaction; its id, or 0 on failure.
    qint64 save(const StoredEvalRun &run, const QList<StoredEvalCase> &cases);
    QList<StoredEvalRun> runs(const QString &setName = {}); // newest first
    std::optional<StoredEvalRun> run(qint64 id);
    QList<StoredEvalCase> cases(qint64 runId);

private:
    Internal::SqliteDatabase m_db;
    QString m_lastError;
};

} // namespace ladder
