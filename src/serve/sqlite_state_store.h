#pragma once

#include "state_store.h"

#include "store/sqlite_database.h"

#include <QSqlQuery>

#include <memory>

namespace ladder::serve {

// One SQLite file; several processes may share it (SQLite locks, optimistic versions).
class SqliteStateStore final : public StateStore
{
public:
    ~SqliteStateStore() override;
    bool open(const QString &path, QString *error);

    QString describe() const override;
    bool load(const QString &conversationId, StoredConversation *out, QString *error) override;
    Commit commit(const QString &conversationId, qint64 expectedVersion, const QByteArray &data,
                  QString *error) override;

private:
    QSqlQuery &statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql);

    Internal::SqliteDatabase m_db;
    // Prepared once: a turn costs one SELECT and one INSERT or UPDATE.
    std::unique_ptr<QSqlQuery> m_select, m_insert, m_update;
};

} // namespace ladder::serve
