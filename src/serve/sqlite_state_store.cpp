#include "sqlite_state_store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ladder::serve {

namespace {

const Internal::MigrationSteps &stateMigrations()
{
    static const Internal::MigrationSteps steps{
        {QStringLiteral("CREATE TABLE conversations (id TEXT PRIMARY KEY, version INTEGER NOT "
                        "NULL, data TEXT NOT NULL, updated_at INTEGER NOT NULL)")},
    };
    return steps;
}

} // namespace

SqliteStateStore::~SqliteStateStore()
{
    m_select.reset();
    m_insert.reset();
    m_update.reset();
    m_db.close();
}

QSqlQuery &SqliteStateStore::statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql)
{
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db.database());
        slot->prepare(sql);
    }
    return *slot;
}

bool SqliteStateStore::open(const QString &path, QString *error)
{
    if (!m_db.open(path, stateMigrations(), Internal::SqliteDatabase::OpenMode::CreateIfMissing,
                   error))
        return false;
    QSqlQuery q(m_db.database());
    q.exec(QStringLiteral("PRAGMA busy_timeout=2000")); // another instance on the same file
    return true;
}

QString SqliteStateStore::describe() const
{
    return QStringLiteral("sqlite:") + m_db.path();
}

bool SqliteStateStore::load(const QString &conversationId, StoredConversation *out, QString *error)
{
    QSqlQuery &q =
        statement(m_select, QStringLiteral("SELECT version, data FROM conversations WHERE id = ?"));
    q.bindValue(0, conversationId);
    if (!q.exec()) {
        *error = Internal::sqlError(m_db.path(), QStringLiteral("reading a conversation"),
                                    q.lastError());
        return false;
    }
    *out = {};
    if (q.next()) {
        out->found = true;
        out->version = q.value(0).toLongLong();
        out->data = q.value(1).toString().toUtf8();
    }
    q.finish();
    return true;
}

StateStore::Commit SqliteStateStore::commit(const QString &conversationId, qint64 expectedVersion,
                                            const QByteArray &data, QString *error)
{
    QSqlQuery *query = nullptr;
    if (expectedVersion == 0) {
        query = &statement(m_insert,
                           QStringLiteral("INSERT OR IGNORE INTO conversations (id, version, data, "
                                          "updated_at) VALUES (?, 1, ?, strftime('%s','now'))"));
        query->bindValue(0, conversationId);
        query->bindValue(1, QString::fromUtf8(data));
    } else {
        query = &statement(m_update, QStringLiteral("UPDATE conversations SET version = version "
                                                    "+ 1, data = ?, updated_at = "
                                                    "strftime('%s','now') WHERE id = ? AND "
                                                    "version = ?"));
        query->bindValue(0, QString::fromUtf8(data));
        query->bindValue(1, conversationId);
        query->bindValue(2, expectedVersion);
    }
    QSqlQuery &q = *query;
    if (!q.exec()) {
        *error = Internal::sqlError(m_db.path(), QStringLiteral("writing a conversation"),
                                    q.lastError());
        return Commit::Unreachable;
    }
    const bool written = q.numRowsAffected() == 1;
    q.finish();
    return written ? Commit::Ok : Commit::Conflict;
}

} // namespace ladder::serve
