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
    m_db.close();
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
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT version, data FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
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
    return true;
}

StateStore::Commit SqliteStateStore::commit(const QString &conversationId, qint64 expectedVersion,
                                            const QByteArray &data, QString *error)
{
    QSqlQuery q(m_db.database());
    if (expectedVersion == 0) {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO conversations (id, version, data, "
                                 "updated_at) VALUES (?, 1, ?, strftime('%s','now'))"));
        q.addBindValue(conversationId);
        q.addBindValue(QString::fromUtf8(data));
    } else {
        q.prepare(QStringLiteral("UPDATE conversations SET version = version + 1, data = ?, "
                                 "updated_at = strftime('%s','now') WHERE id = ? AND version = ?"));
        q.addBindValue(QString::fromUtf8(data));
        q.addBindValue(conversationId);
        q.addBindValue(expectedVersion);
    }
    if (!q.exec()) {
        *error = Internal::sqlError(m_db.path(), QStringLiteral("writing a conversation"),
                                    q.lastError());
        return Commit::Unreachable;
    }
    return q.numRowsAffected() == 1 ? Commit::Ok : Commit::Conflict;
}

} // namespace ladder::serve
