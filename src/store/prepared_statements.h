#pragma once

// The statements a store prepares once at open and keeps until close (AuditWriter, ResponseCache).

#include "sqlite_database.h"

#include <QSqlQuery>

#include <initializer_list>
#include <memory>

namespace ladder::Internal {

struct PreparedStatement {
    std::unique_ptr<QSqlQuery> *query; // where the prepared statement goes
    QString sql;
};

// Prepares each statement on `db`. On failure *error names the file and the statement; those
// prepared so far stay set (reset them before SqliteDatabase::close()).
bool prepareStatements(const SqliteDatabase &db,
                       std::initializer_list<PreparedStatement> statements, QString *error);

} // namespace ladder::Internal
