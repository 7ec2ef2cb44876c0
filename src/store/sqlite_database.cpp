#include "sqlite_database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

#include <atomic>

namespace ladder {

Q_LOGGING_CATEGORY(lcStore, "ladder.store")

namespace Internal {

namespace {

// "LADR": marks a file as a Ladder Studio store, so another program's database is refused.
constexpr qint64 kApplicationId = 0x4C414452;

std::atomic<quint64> g_connectionCounter{0};

// How long a connection waits for another one's lock before "database is locked".
constexpr int kBusyTimeoutMs = 5000;

// SQLITE_BUSY (5) or SQLITE_LOCKED (6), with any extended code.
bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

// Timestamps are integers: milliseconds since the Unix epoch, UTC.
const MigrationSteps kMigrations{
    // 0 -> 1: the first schema.
    {
        QStringLiteral("CREATE TABLE sessions ("
                       " id TEXT PRIMARY KEY,"
                       " ladder_name TEXT NOT NULL DEFAULT '',"
                       " ladder_json TEXT NOT NULL DEFAULT '{}',"
                       " title TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL)"),
        // One B-tree keyed by (session, seq): a session's events are contiguous, and a turn's
        // are a short range of it, so no further index is worth its write cost.
        QStringLiteral("CREATE TABLE events ("
                       " session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                       " seq INTEGER NOT NULL,"
                       " turn INTEGER NOT NULL,"
                       " type TEXT NOT NULL,"
                       " data_json TEXT NOT NULL DEFAULT '{}',"
                       " at INTEGER NOT NULL,"
                       " PRIMARY KEY (session_id, seq)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE calls ("
                       " id INTEGER PRIMARY KEY,"
                       " session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                       " turn INTEGER NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " tier TEXT NOT NULL DEFAULT '',"
                       " provider TEXT NOT NULL DEFAULT '',"
                       " model TEXT NOT NULL DEFAULT '',"
                       " request_json TEXT NOT NULL DEFAULT '{}',"
                       " response_text TEXT NOT NULL DEFAULT '',"
                       " tool_calls_json TEXT NOT NULL DEFAULT '[]',"
                       " finish_reason TEXT NOT NULL DEFAULT '',"
                       " raw_json TEXT NOT NULL DEFAULT '{}',"
                       " input_tokens INTEGER NOT NULL DEFAULT 0,"
                       " cached_tokens INTEGER NOT NULL DEFAULT 0,"
                       " output_tokens INTEGER NOT NULL DEFAULT 0,"
                       " usage_estimated INTEGER NOT NULL DEFAULT 0,"
                       " cost_usd REAL NOT NULL DEFAULT 0,"
                       " ttft_ms REAL NOT NULL DEFAULT 0,"
                       " latency_ms REAL NOT NULL DEFAULT 0,"
                       " status TEXT NOT NULL DEFAULT 'ok',"
                       " error_message TEXT NOT NULL DEFAULT '',"
                       " http_status INTEGER NOT NULL DEFAULT 0,"
                       " retry_after_ms INTEGER NOT NULL DEFAULT -1,"
                       " cached INTEGER NOT NULL DEFAULT 0,"
                       " simulated INTEGER NOT NULL DEFAULT 0,"
                       " started_at INTEGER)"),
        QStringLiteral("CREATE INDEX calls_session_turn ON calls (session_id, turn, attempt)"),
        QStringLiteral("CREATE TABLE preferences ("
                       " id INTEGER PRIMARY KEY,"
                       " comparison_id TEXT NOT NULL,"
                       " turn INTEGER NOT NULL,"
                       " chosen_label TEXT NOT NULL,"
                       " ladder TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX preferences_comparison ON preferences (comparison_id, turn)"),
        QStringLiteral("CREATE TABLE response_cache ("
                       " key TEXT PRIMARY KEY,"
                       " provider TEXT NOT NULL,"
                       " model TEXT NOT NULL,"
                       " response_json TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " hits INTEGER NOT NULL DEFAULT 0)"),
    },
    // 1 -> 2: a call whose model has no known price is "cost unknown" (cost_usd is 0 then).
    {
        QStringLiteral("ALTER TABLE calls ADD COLUMN cost_known INTEGER NOT NULL DEFAULT 1"),
    },
    // 2 -> 3: labelled cases from the user's chats (store/feedback_cases.h), one per turn. No
    // foreign key (a case outlives a failed session write), but deleting a session deletes them.
    {
        QStringLiteral("CREATE TABLE feedback ("
                       " session_id TEXT NOT NULL,"
                       " turn INTEGER NOT NULL,"
                       " user_text TEXT NOT NULL,"
                       " context_json TEXT NOT NULL DEFAULT '[]',"
                       " tier TEXT NOT NULL DEFAULT '',"
                       " model TEXT NOT NULL DEFAULT '',"
                       " needs_strong INTEGER NOT NULL,"
                       " source TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (session_id, turn))"),
        QStringLiteral("CREATE TRIGGER sessions_delete_feedback AFTER DELETE ON sessions BEGIN"
                       " DELETE FROM feedback WHERE session_id = old.id; END"),
    },
};

bool pragmaValue(QSqlDatabase &db, const QString &pragma, QVariant *value, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + pragma)) {
        *error = q.lastError();
        return false;
    }
    *value = q.next() ? q.value(0) : QVariant();
    return true;
}

} // namespace

const MigrationSteps &storeMigrations()
{
    return kMigrations;
}
int storeSchemaVersion()
{
    return int(kMigrations.size());
}

QString sqlError(const QString &path, const QString &what, const QSqlError &error)
{
    QString text = path + QStringLiteral(": ") + what;
    const QString detail = error.text().trimmed();
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

QSqlDatabase SqliteDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool SqliteDatabase::open(const QString &path, const MigrationSteps &migrations, OpenMode mode,
                          QString *error)
{
    close();
    QString message;
    const QFileInfo info(path);
    if (path.isEmpty()) {
        message = QStringLiteral("no store file name given");
    } else if (info.isDir()) {
        message = path + QStringLiteral(": is a directory, not a store file");
    } else if (mode == OpenMode::MustExist && !info.exists()) {
        message = path + QStringLiteral(": no such store file");
    } else {
        m_path = path;
        m_connectionName = QStringLiteral("ladder-store-%1").arg(++g_connectionCounter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!db.isValid()) {
            message = sqlError(path, QStringLiteral("the QSQLITE driver is not available"),
                               db.lastError());
        } else {
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
            if (!db.open())
                message = sqlError(path, QStringLiteral("cannot open"), db.lastError());
            else
                configure(migrations, &message);
        }
    }
    if (message.isEmpty())
        return true;
    close();
    if (error)
        *error = message;
    return false;
}

bool SqliteDatabase::configure(const MigrationSteps &migrations, QString *error)
{
    QSqlDatabase db = database();
    QSqlError sqlErr;
    QVariant version;
    QVariant appId;
    // Reading the header first: a damaged file or a foreign one fails here, before any write.
    if (!pragmaValue(db, QStringLiteral("user_version"), &version, &sqlErr) ||
        !pragmaValue(db, QStringLiteral("application_id"), &appId, &sqlErr)) {
        *error = sqlError(m_path, QStringLiteral("not a SQLite database, or damaged"), sqlErr);
        return false;
    }
    const qint64 fileVersion = version.toLongLong();
    const qint64 known = migrations.size();
    if (appId.toLongLong() != 0 && appId.toLongLong() != kApplicationId) {
        *error =
            m_path + QStringLiteral(": a SQLite database of another application (application_id "
                                    "%1), not a Ladder Studio store")
                         .arg(appId.toLongLong());
        return false;
    }
    if (fileVersion > known) {
        *error =
            m_path + QStringLiteral(": schema version %1 is newer than version %2 known to this "
                                    "build; open it with a newer Ladder Studio (the file was not "
                                    "changed)")
                         .arg(fileVersion)
                         .arg(known);
        return false;
    }
    if (fileVersion < 0) {
        *error = m_path + QStringLiteral(": invalid schema version %1").arg(fileVersion);
        return false;
    }
    if (fileVersion == 0 && appId.toLongLong() == 0) {
        // A new store has no tables yet; one with tables is another program's database.
        QSqlQuery tables(db);
        if (tables.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) && tables.next() &&
            tables.value(0).toInt() > 0) {
            *error = m_path + QStringLiteral(": a SQLite database of another program, not a "
                                             "Ladder Studio store (the file was not changed)");
            return false;
        }
    }
    // Switching to WAL needs the file to itself for a moment. SQLite does not call the busy
    // handler for it when this connection already reads (it could deadlock), so a second process
    // opening a new file at the same time gets "database is locked" at once: retry, with
    // growing pauses, for as long as the busy timeout.
    QVariant journal;
    QElapsedTimer waited;
    waited.start();
    for (int pauseMs = 2;; pauseMs = std::min(pauseMs * 2, 100)) {
        if (pragmaValue(db, QStringLiteral("journal_mode=WAL"), &journal, &sqlErr))
            break;
        if (!isBusy(sqlErr) || waited.elapsed() + pauseMs > kBusyTimeoutMs) {
            *error = sqlError(m_path, QStringLiteral("cannot switch to WAL journal"), sqlErr);
            return false;
        }
        qCDebug(lcStore) << m_path << "busy switching to WAL; retrying in" << pauseMs << "ms";
        QThread::msleep(pauseMs);
    }
    if (journal.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << m_path << "journal mode is" << journal.toString() << "not WAL";
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !q.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        *error = sqlError(m_path, QStringLiteral("cannot configure the connection"), q.lastError());
        return false;
    }
    return migrate(migrations, error);
}

bool SqliteDatabase::migrate(const MigrationSteps &migrations, QString *error)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error =
            sqlError(m_path, QStringLiteral("cannot start the schema migration"), q.lastError());
        return false;
    }
    // Read again inside the write lock: another process may have migrated in between.
    QVariant version;
    QSqlError sqlErr;
    if (!pragmaValue(db, QStringLiteral("user_version"), &version, &sqlErr)) {
        q.exec(QStringLiteral("ROLLBACK"));
        *error = sqlError(m_path, QStringLiteral("cannot read the schema version"), sqlErr);
        return false;
    }
    const int from = version.toInt();
    const int to = int(migrations.size());
    if (from > to) {
        q.exec(QStringLiteral("ROLLBACK"));
        *error = m_path + QStringLiteral(": schema version %1 is newer than version %2 known to "
                                         "this build")
                              .arg(from)
                              .arg(to);
        return false;
    }
    for (int step = from; step < to; ++step) {
        const QStringList &statements = migrations[step];
        for (int i = 0; i < statements.size(); ++i) {
            if (!q.exec(statements[i])) {
                const QSqlError failed = q.lastError();
                q.exec(QStringLiteral("ROLLBACK"));
                *error = sqlError(m_path,
                                  QStringLiteral("migration to schema version %1 failed at "
                                                 "statement %2; the file was left at version %3")
                                      .arg(step + 1)
                                      .arg(i + 1)
                                      .arg(from),
                                  failed);
                return false;
            }
        }
    }
    bool ok = true;
    if (from < to) {
        ok = q.exec(QStringLiteral("PRAGMA user_version=%1").arg(to));
        if (ok && from == 0)
            ok = q.exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId));
    }
    if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError failed = q.lastError();
        q.exec(QStringLiteral("ROLLBACK"));
        *error = sqlError(m_path, QStringLiteral("cannot commit the schema migration"), failed);
        return false;
    }
    if (from < to)
        qCDebug(lcStore) << m_path << "migrated from schema version" << from << "to" << to;
    m_schemaVersion = to;
    return true;
}

void SqliteDatabase::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_schemaVersion = 0;
}

} // namespace Internal
} // namespace ladder
