#include "eval_run_store.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace ladder {

using Internal::sqlError;

namespace {

const Internal::MigrationSteps &evalMigrations()
{
    static const Internal::MigrationSteps steps{
        {
            QStringLiteral("CREATE TABLE eval_runs ("
                           " id INTEGER PRIMARY KEY,"
                           " dataset TEXT NOT NULL,"
                           " set_name TEXT NOT NULL,"
                           " variant TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " metrics_json TEXT NOT NULL DEFAULT '{}')"),
            QStringLiteral("CREATE INDEX eval_runs_set ON eval_runs (set_name, created_at)"),
            QStringLiteral("CREATE TABLE eval_cases ("
                           " run_id INTEGER NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,"
                           " case_id TEXT NOT NULL,"
                           " quality REAL,"
                           " pass INTEGER NOT NULL,"
                           " failed INTEGER NOT NULL,"
                           " cost_usd REAL NOT NULL,"
                           " models TEXT NOT NULL,"
                           " answer TEXT NOT NULL,"
                           " PRIMARY KEY (run_id, case_id)) WITHOUT ROWID"),
        },
    };
    return steps;
}

StoredEvalRun readRun(const QSqlQuery &q)
{
    StoredEvalRun r;
    r.id = q.value(0).toLongLong();
    r.dataset = q.value(1).toString();
    r.setName = q.value(2).toString();
    r.variant = q.value(3).toString();
    r.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong());
    r.metrics = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    return r;
}

} // namespace

EvalRunStore::EvalRunStore() = default;

EvalRunStore::~EvalRunStore()
{
    close();
}

QString EvalRunStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("eval-runs.sqlite"));
}

bool EvalRunStore::open(const QString &path, QString *error)
{
    close();
    if (!m_db.open(path, evalMigrations(), Internal::SqliteDatabase::OpenMode::CreateIfMissing,
                   &m_lastError)) {
        if (error)
            *error = m_lastError;
        return false;
    }
    return true;
}

void EvalRunStore::close()
{
    m_db.close();
}

bool EvalRunStore::isOpen() const
{
    return m_db.isOpen();
}

qint64 EvalRunStore::save(const StoredEvalRun &run, const QList<StoredEvalCase> &cases)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot begin"), db.lastError());
        return 0;
    }
    qint64 id = 0;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO eval_runs (dataset, set_name, variant, created_at, "
                                 "metrics_json) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(run.dataset);
        q.addBindValue(run.setName);
        q.addBindValue(run.variant);
        q.addBindValue((run.createdAt.isValid() ? run.createdAt : QDateTime::currentDateTimeUtc())
                           .toMSecsSinceEpoch());
        q.addBindValue(
            QString::fromUtf8(QJsonDocument(run.metrics).toJson(QJsonDocument::Compact)));
        if (!q.exec()) {
            m_lastError =
                sqlError(m_db.path(), QStringLiteral("cannot save the run"), q.lastError());
            db.rollback();
            return 0;
        }
        id = q.lastInsertId().toLongLong();
        QSqlQuery c(db);
        c.prepare(QStringLiteral("INSERT INTO eval_cases (run_id, case_id, quality, pass, failed, "
                                 "cost_usd, models, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const StoredEvalCase &e : cases) {
            c.addBindValue(id);
            c.addBindValue(e.caseId);
            c.addBindValue(e.quality ? QVariant(*e.quality) : QVariant());
            c.addBindValue(e.pass ? 1 : 0);
            c.addBindValue(e.failed ? 1 : 0);
            c.addBindValue(e.costUsd);
            c.addBindValue(e.models);
            c.addBindValue(e.answer);
            if (!c.exec()) {
                m_lastError =
                    sqlError(m_db.path(), QStringLiteral("cannot save a case"), c.lastError());
                db.rollback();
                return 0;
            }
        }
    }
    if (!db.commit()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot commit"), db.lastError());
        return 0;
    }
    return id;
}

QList<StoredEvalRun> EvalRunStore::runs(const QString &setName)
{
    QList<StoredEvalRun> out;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT id, dataset, set_name, variant, created_at, metrics_json "
                             "FROM eval_runs WHERE ? = '' OR set_name = ? ORDER BY id DESC"));
    q.addBindValue(setName);
    q.addBindValue(setName);
    if (!q.exec()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot list runs"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readRun(q));
    return out;
}

std::optional<StoredEvalRun> EvalRunStore::run(qint64 id)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT id, dataset, set_name, variant, created_at, metrics_json "
                             "FROM eval_runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRun(q);
}

QList<StoredEvalCase> EvalRunStore::cases(qint64 runId)
{
    QList<StoredEvalCase> out;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT case_id, quality, pass, failed, cost_usd, models, answer "
                             "FROM eval_cases WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot read cases"), q.lastError());
        return out;
    }
    while (q.next()) {
        StoredEvalCase c;
        c.caseId = q.value(0).toString();
        if (!q.value(1).isNull())
            c.quality = q.value(1).toDouble();
        c.pass = q.value(2).toInt() != 0;
        c.failed = q.value(3).toInt() != 0;
        c.costUsd = q.value(4).toDouble();
        c.models = q.value(5).toString();
        c.answer = q.value(6).toString();
        out.append(c);
    }
    return out;
}

} // namespace ladder
