#pragma once

#include "state_store.h"

#include "store/sqlite_database.h"
#include "store/sqlite_writer.h"

#include <QHash>
#include <QLockFile>
#include <QSqlQuery>

#include <memory>
#include <mutex>

namespace ladder::serve {

// One SQLite file, owned by one process (a lock file beside it; several instances share Redis).
// Writes go behind: commit() checks the version and hands the record to a writer thread with
// its own connection, which writes what is pending in one transaction, so a turn never waits
// for the disk (an fsync or a journal commit stalls for milliseconds). Until a record is in the
// file it is served from memory; close and the destructor write everything pending. A write
// that fails is retried, and commit() answers Unreachable until one succeeds.
class SqliteStateStore final : public StateStore
{
public:
    SqliteStateStore();
    ~SqliteStateStore() override; // writes what is pending first
    bool open(const QString &path, QString *error);

    QString describe() const override;
    bool load(const QString &conversationId, StoredConversation *out, QString *error) override;
    Commit commit(const QString &conversationId, qint64 expectedVersion, const QByteArray &data,
                  QString *error) override;

    // Waits until every commit so far is in the file; false with *error when a write failed.
    bool sync(QString *error = nullptr);

private:
    struct Pending {
        qint64 version = 0;
        QByteArray data;
    };
    // The stored version on disk, 0 when absent; -1 with *error when the file cannot be read.
    qint64 storedVersion(const QString &conversationId, QByteArray *data, QString *error);
    void writePending();

    Internal::SqliteDatabase m_db; // the reading connection, on the caller's thread
    std::unique_ptr<QSqlQuery> m_select;
    std::unique_ptr<QLockFile> m_owner;

    std::mutex m_mutex;                // guards what follows, shared with the writer thread
    QHash<QString, Pending> m_pending; // committed, not yet in the file
    bool m_writeQueued = false;
    QString m_writeError; // the last write failed: no commit until one succeeds

    std::unique_ptr<Internal::SqliteWriter> m_writer; // last: its thread stops first
};

} // namespace ladder::serve
