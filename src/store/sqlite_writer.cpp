#include "sqlite_writer.h"

#include <QSqlError>

namespace ladder::Internal {

SqliteWriter::~SqliteWriter()
{
    jobs.post([this] {
        m_statements.clear();
        m_db.close();
    });
}

bool SqliteWriter::open(const QString &path, const MigrationSteps &migrations,
                        const QStringList &statements, QString *error)
{
    return jobs.call([&] {
        if (!m_db.open(path, migrations, SqliteDatabase::OpenMode::MustExist, error))
            return false;
        for (const QString &sql : statements) {
            auto q = std::make_unique<QSqlQuery>(m_db.database());
            if (!q->prepare(sql)) {
                *error = sqlError(path, QStringLiteral("cannot prepare \"%1\"").arg(sql),
                                  q->lastError());
                return false;
            }
            m_statements.push_back(std::move(q));
        }
        return true;
    });
}

bool SqliteWriter::transaction(const QString &what, const std::function<bool(QString *)> &body,
                               QString *error)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        *error = sqlError(m_db.path(), what, db.lastError());
        return false;
    }
    bool ok = body(error);
    for (const auto &q : m_statements)
        q->finish();
    if (ok && !db.commit()) {
        *error = sqlError(m_db.path(), what, db.lastError());
        ok = false;
    }
    if (!ok)
        db.rollback();
    return ok;
}

} // namespace ladder::Internal
