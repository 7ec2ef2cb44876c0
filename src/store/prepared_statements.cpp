#include "prepared_statements.h"

#include <QSqlError>

namespace ladder::Internal {

bool prepareStatements(const SqliteDatabase &db,
                       std::initializer_list<PreparedStatement> statements, QString *error)
{
    const QSqlDatabase connection = db.database();
    for (const PreparedStatement &s : statements) {
        auto q = std::make_unique<QSqlQuery>(connection);
        if (!q->prepare(s.sql)) {
            *error = sqlError(db.path(), QStringLiteral("cannot prepare \"%1\"").arg(s.sql),
                              q->lastError());
            return false;
        }
        *s.query = std::move(q);
    }
    return true;
}

} // namespace ladder::Internal
