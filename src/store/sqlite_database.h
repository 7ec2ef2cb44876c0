#pragma once

// One SQLite connection of the store: a unique QSqlDatabase connection name per instance (so
// several stores can be open at once, each used from the thread that opened it), WAL journal,
// synchronous=NORMAL, foreign keys on, and the ordered schema migrations applied at open.

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ladder {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Internal {

// Step i (0-based) migrates schema version i to version i + 1. Steps are only ever appended.
using MigrationSteps = QList<QStringList>;

// The migrations of the store's schema (sessions, events, calls, preferences, response_cache).
const MigrationSteps &storeMigrations();
int storeSchemaVersion(); // storeMigrations().size()

class SqliteDatabase
{
public:
    enum class OpenMode {
        CreateIfMissing,
        MustExist,
    };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens the file, checks it is a store this build understands and migrates it. On failure the
    // connection is closed and *error says what went wrong, naming the file.
    bool open(const QString &path, const MigrationSteps &migrations, OpenMode mode, QString *error);
    // Every QSqlQuery made on this connection must be destroyed before close().
    void close();

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QSqlDatabase database() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

private:
    bool configure(const MigrationSteps &migrations, QString *error);
    bool migrate(const MigrationSteps &migrations, QString *error);

    QString m_connectionName;
    QString m_path;
    int m_schemaVersion = 0;
};

// "<path>: <what>" with the driver's text when there is one.
QString sqlError(const QString &path, const QString &what, const QSqlError &error);

} // namespace Internal
} // namespace ladder
