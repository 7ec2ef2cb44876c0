#include "sqlite_state_store.h"

#include "store/prepared_statements.h"

#include <QSqlError>
#include <QVariant>

#include <thread>

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

// Why the lock beside the file cannot be taken, for the person starting a second instance.
QString ownerError(const QString &path, const QLockFile &lock)
{
    if (lock.error() != QLockFile::LockFailedError)
        return QStringLiteral("%1.lock: cannot create the lock file of the state store").arg(path);
    qint64 pid = 0;
    QString host, app;
    lock.getLockInfo(&pid, &host, &app);
    return QStringLiteral("%1 is in use by another ladder serve (process %2 on %3). The SQLite "
                          "state belongs to one instance: give this one its own --state "
                          "sqlite:PATH, or let several instances share conversations with "
                          "--state redis://HOST:PORT/DB")
        .arg(path)
        .arg(pid)
        .arg(host);
}

} // namespace

constexpr char kUpsert[] =
    ("INSERT INTO conversations (id, version, data, updated_at) VALUES (?, ?, ?, "
     "strftime('%s','now')) ON CONFLICT(id) DO UPDATE SET version = excluded.version, data = "
     "excluded.data, updated_at = excluded.updated_at");

SqliteStateStore::SqliteStateStore() = default;

SqliteStateStore::~SqliteStateStore()
{
    if (m_writer) {
        QString error;
        if (!sync(&error)) {
            std::lock_guard lock(m_mutex);
            qCWarning(lcStore).noquote()
                << QStringLiteral("%1; the last turn of %2 conversation(s) is not in the file")
                       .arg(error)
                       .arg(m_pending.size());
        }
    }
    m_writer.reset();
    m_select.reset();
    m_db.close();
}

bool SqliteStateStore::open(const QString &path, QString *error)
{
    if (!m_db.open(path, stateMigrations(), Internal::SqliteDatabase::OpenMode::CreateIfMissing,
                   error))
        return false;
    // A crashed instance's lock names a process that is gone and is taken over; a live one's is
    // never stale, however long it has served.
    auto owner = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    owner->setStaleLockTime(0);
    if (!owner->tryLock(0)) {
        *error = ownerError(path, *owner);
        m_db.close();
        return false;
    }
    auto writer = std::make_unique<Internal::SqliteWriter>();
    if (!Internal::prepareStatements(
            m_db,
            {{&m_select, QStringLiteral("SELECT version, data FROM conversations WHERE id = ?")}},
            error) ||
        !writer->open(path, stateMigrations(), {QString::fromLatin1(kUpsert)}, error)) {
        m_select.reset();
        m_db.close();
        return false;
    }
    m_owner = std::move(owner);
    m_writer = std::move(writer);
    return true;
}

QString SqliteStateStore::describe() const
{
    return QStringLiteral("sqlite:") + m_db.path();
}

qint64 SqliteStateStore::storedVersion(const QString &conversationId, QByteArray *data,
                                       QString *error)
{
    QSqlQuery &q = *m_select;
    q.bindValue(0, conversationId);
    if (!q.exec()) {
        *error = Internal::sqlError(m_db.path(), QStringLiteral("reading a conversation"),
                                    q.lastError());
        return -1;
    }
    qint64 version = 0;
    if (q.next()) {
        version = q.value(0).toLongLong();
        if (data)
            *data = q.value(1).toString().toUtf8();
    }
    q.finish();
    return version;
}

bool SqliteStateStore::load(const QString &conversationId, StoredConversation *out, QString *error)
{
    *out = {};
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_pending.constFind(conversationId); it != m_pending.cend()) {
            *out = {true, it->version, it->data};
            return true;
        }
    }
    // Not pending: the file holds its latest version (an entry leaves m_pending only once written).
    const qint64 version = storedVersion(conversationId, &out->data, error);
    if (version < 0)
        return false;
    out->found = version > 0;
    out->version = version;
    return true;
}

StateStore::Commit SqliteStateStore::commit(const QString &conversationId, qint64 expectedVersion,
                                            const QByteArray &data, QString *error)
{
    Commit result = Commit::Ok;
    bool postWrite = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_writeError.isEmpty()) {
            // Refused until a write goes through again; each refusal retries the pending ones.
            *error = m_writeError;
            result = Commit::Unreachable;
        } else {
            const auto it = m_pending.constFind(conversationId);
            const qint64 current = it != m_pending.cend()
                                       ? it->version
                                       : storedVersion(conversationId, nullptr, error);
            if (current < 0)
                result = Commit::Unreachable;
            else if (current != expectedVersion)
                result = Commit::Conflict;
            else
                m_pending.insert(conversationId, {expectedVersion + 1, data});
        }
        postWrite = !m_pending.isEmpty() && !std::exchange(m_writeQueued, true);
    }
    if (postWrite) {
        m_writer->jobs.post([this] {
            // Commits of the next moments join this transaction: one per burst, not per turn.
            std::this_thread::sleep_for(Internal::kGroupCommitWindow);
            writePending();
        });
    }
    return result;
}

bool SqliteStateStore::sync(QString *error)
{
    m_writer->jobs.call([this] { writePending(); });
    std::lock_guard lock(m_mutex);
    if (error)
        *error = m_writeError;
    return m_writeError.isEmpty();
}

void SqliteStateStore::writePending()
{
    QList<std::pair<QString, Pending>> batch;
    {
        std::lock_guard lock(m_mutex);
        m_writeQueued = false;
        batch.reserve(m_pending.size());
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            batch.append({it.key(), it.value()});
    }
    if (batch.isEmpty())
        return;
    QString error;
    const bool written = m_writer->transaction(
        QStringLiteral("writing conversations"),
        [&](QString *failure) {
            QSqlQuery &upsert = m_writer->statement(0);
            for (const auto &[id, pending] : std::as_const(batch)) {
                upsert.bindValue(0, id);
                upsert.bindValue(1, pending.version);
                upsert.bindValue(2, QString::fromUtf8(pending.data));
                if (!upsert.exec()) {
                    *failure = Internal::sqlError(m_writer->path(),
                                                  QStringLiteral("writing a conversation"),
                                                  upsert.lastError());
                    return false;
                }
            }
            return true;
        },
        &error);
    std::lock_guard lock(m_mutex);
    if (!written) {
        if (m_writeError.isEmpty())
            qCWarning(lcStore).noquote() << error;
        m_writeError = error;
        return;
    }
    if (!m_writeError.isEmpty())
        qCInfo(lcStore).noquote() << m_db.path() << "written again after:" << m_writeError;
    m_writeError.clear();
    for (const auto &[id, pending] : std::as_const(batch)) {
        const auto it = m_pending.find(id);
        if (it != m_pending.end() && it->version == pending.version)
            m_pending.erase(it);
    }
}

} // namespace ladder::serve
