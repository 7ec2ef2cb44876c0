#pragma once

// The response cache of deterministic calls (temperature exactly 0) on SQLite: the key is the
// SHA-256 of the request's canonical JSON (provider, model, params, messages, tools; compact with
// sorted keys), the value the successful ChatResult as JSON. It can share the audit store's file.
//
// Use an instance on the thread that opened it (one per thread). Writes (new entries, hit counts)
// go behind, on a writer thread with its own connection, in group commits: a lookup or a store
// never waits for the disk, and an entry stored a moment ago is found before it is in the file.

#include "engine/audit_sink.h"
#include "sqlite_database.h"
#include "sqlite_writer.h"

#include <QHash>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace ladder {

class ResponseCache final : public CallCache
{
public:
    ResponseCache();
    ~ResponseCache() override;
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    bool open(const QString &path, QString *error = nullptr);
    void close();
    // response-cache.sqlite in the user's data folder (created): one file per user, shared by
    // every ladder (the key holds provider and model).
    static QString defaultPath();
    bool isOpen() const;
    QString lastError() const;
    // Waits until every write so far is in the file; false when one failed (lastError() says).
    bool sync();

    // Only requests with temperature set to exactly 0 are cached.
    static bool cacheable(const ChatRequest &request);
    static QByteArray canonicalJson(const ChatRequest &request);
    static QString key(const ChatRequest &request); // lower-case hex SHA-256

    // A hit comes back with cached = true. Requests that are not cacheable are neither hits nor
    // misses.
    std::optional<ChatResult> lookup(const ChatRequest &request) override;
    // Only successful results of cacheable requests are kept; a later store replaces an entry.
    void store(const ChatRequest &request, const ChatResult &result) override;

    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }
    double hitRate() const; // hits / (hits + misses), 0 before any lookup
    void resetCounters();

    qint64 size();
    bool clear();

private:
    struct Entry {
        QString provider, model, json;
        qint64 createdAt = 0;
    };

    void fail(const QString &message);
    std::optional<QString> pendingJson(const QString &key);
    void queueWrite();
    void writePending(); // on the writer thread

    Internal::SqliteDatabase m_db; // the reading connection
    std::unique_ptr<QSqlQuery> m_select;
    qint64 m_hits = 0;
    qint64 m_misses = 0;

    mutable std::mutex m_mutex;      // guards what follows, shared with the writer thread
    QHash<QString, Entry> m_inserts; // stored, not yet in the file
    QHash<QString, int> m_touches;   // hits not yet counted in the file
    bool m_writeQueued = false;
    QString m_lastError;

    std::unique_ptr<Internal::SqliteWriter> m_writer; // last: its thread stops first
};

} // namespace ladder
