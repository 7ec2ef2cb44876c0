#pragma once

// A store's writing connection on a thread of its own: opened, used and closed on its JobThread,
// with the statements it prepared there. The stores that write behind (the serve state, the
// response cache) post their group commits to it.

#include "job_thread.h"
#include "sqlite_database.h"

#include <QSqlQuery>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace ladder::Internal {

class SqliteWriter
{
public:
    SqliteWriter() = default;
    ~SqliteWriter(); // closes the connection on its thread, after what is queued
    SqliteWriter(const SqliteWriter &) = delete;
    SqliteWriter &operator=(const SqliteWriter &) = delete;

    // Opens the existing file and prepares `statements` (statement(i) is the i-th), waiting.
    bool open(const QString &path, const MigrationSteps &migrations, const QStringList &statements,
              QString *error);

    // On the writer thread: runs `body` in one transaction, rolled back when it fails; *error
    // names the file and `what`.
    bool transaction(const QString &what, const std::function<bool(QString *)> &body,
                     QString *error);
    QSqlQuery &statement(int i) { return *m_statements[std::size_t(i)]; }
    const QString &path() const { return m_db.path(); }

private:
    SqliteDatabase m_db;
    std::vector<std::unique_ptr<QSqlQuery>> m_statements;

public:
    JobThread jobs; // last: joined before the connection above goes
};

} // namespace ladder::Internal
