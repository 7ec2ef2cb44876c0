#include "response_cache.h"

#include "chat_json.h"
#include "prepared_statements.h"
#include "sqlite_writer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QStandardPaths>

#include <thread>

namespace ladder {

using Internal::sqlError;

namespace {

// The writer's statements, in this order.
enum WriterStatement { Insert, Touch };
const char *const kWriterStatements[] = {
    "INSERT OR REPLACE INTO response_cache (key, provider, model, response_json, created_at, "
    "hits) VALUES (?, ?, ?, ?, ?, 0)",
    "UPDATE response_cache SET hits = hits + ? WHERE key = ?",
};

} // namespace

ResponseCache::ResponseCache() = default;

ResponseCache::~ResponseCache()
{
    close();
}

bool ResponseCache::open(const QString &path, QString *error)
{
    close();
    QString message;
    auto writer = std::make_unique<Internal::SqliteWriter>();
    if (m_db.open(path, Internal::storeMigrations(),
                  Internal::SqliteDatabase::OpenMode::CreateIfMissing, &message) &&
        Internal::prepareStatements(
            m_db,
            {{&m_select, QStringLiteral("SELECT response_json FROM response_cache WHERE key = ?")}},
            &message) &&
        writer->open(path, Internal::storeMigrations(),
                     {QString::fromLatin1(kWriterStatements[Insert]),
                      QString::fromLatin1(kWriterStatements[Touch])},
                     &message)) {
        m_writer = std::move(writer);
        std::lock_guard lock(m_mutex);
        m_lastError.clear();
        return true;
    }
    writer.reset();
    m_select.reset();
    m_db.close();
    {
        std::lock_guard lock(m_mutex);
        m_lastError = message; // the caller reports it
    }
    if (error)
        *error = message;
    return false;
}

void ResponseCache::close()
{
    if (m_writer) {
        sync();
        m_writer.reset();
    }
    m_select.reset();
    m_db.close();
}

bool ResponseCache::isOpen() const
{
    return m_db.isOpen();
}

QString ResponseCache::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void ResponseCache::fail(const QString &message)
{
    qCWarning(lcStore).noquote() << message;
    std::lock_guard lock(m_mutex);
    m_lastError = message;
}

std::optional<QString> ResponseCache::pendingJson(const QString &key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_inserts.constFind(key);
    return it == m_inserts.cend() ? std::nullopt : std::optional(it->json);
}

void ResponseCache::queueWrite()
{
    {
        std::lock_guard lock(m_mutex);
        if (std::exchange(m_writeQueued, true))
            return;
    }
    m_writer->jobs.post([this] {
        std::this_thread::sleep_for(Internal::kGroupCommitWindow);
        writePending();
    });
}

void ResponseCache::writePending()
{
    QHash<QString, Entry> inserts;
    QHash<QString, int> touches;
    {
        std::lock_guard lock(m_mutex);
        m_writeQueued = false;
        inserts = m_inserts;
        touches = std::exchange(m_touches, {});
    }
    if (inserts.isEmpty() && touches.isEmpty())
        return;
    QString error;
    // New entries first, then the hits on them.
    const bool written = m_writer->transaction(
        QStringLiteral("cannot write the response cache"),
        [&](QString *failure) {
            QSqlQuery &insert = m_writer->statement(Insert);
            for (auto it = inserts.cbegin(); it != inserts.cend(); ++it) {
                insert.bindValue(0, it.key());
                insert.bindValue(1, it->provider);
                insert.bindValue(2, it->model);
                insert.bindValue(3, it->json);
                insert.bindValue(4, it->createdAt);
                if (!insert.exec()) {
                    *failure = sqlError(m_writer->path(),
                                        QStringLiteral("cannot write the response cache"),
                                        insert.lastError());
                    return false;
                }
            }
            QSqlQuery &touch = m_writer->statement(Touch);
            for (auto it = touches.cbegin(); it != touches.cend(); ++it) {
                touch.bindValue(0, it.value());
                touch.bindValue(1, it.key());
                if (!touch.exec()) {
                    *failure =
                        sqlError(m_writer->path(), QStringLiteral("cannot count a cache hit"),
                                 touch.lastError());
                    return false;
                }
            }
            return true;
        },
        &error);
    std::lock_guard lock(m_mutex);
    if (!written) {
        // Kept for the next write; a broken disk loses hit counts, never answers.
        for (auto it = touches.cbegin(); it != touches.cend(); ++it)
            m_touches[it.key()] += it.value();
        if (m_lastError != error)
            qCWarning(lcStore).noquote() << error;
        m_lastError = error;
        return;
    }
    for (auto it = inserts.cbegin(); it != inserts.cend(); ++it) {
        const auto now = m_inserts.constFind(it.key());
        if (now != m_inserts.cend() && now->json == it->json && now->createdAt == it->createdAt)
            m_inserts.erase(now);
    }
}

bool ResponseCache::sync()
{
    if (!m_writer)
        return false;
    m_writer->jobs.call([this] { writePending(); });
    std::lock_guard lock(m_mutex);
    return m_inserts.isEmpty() && m_touches.isEmpty();
}

bool ResponseCache::cacheable(const ChatRequest &request)
{
    return request.params.temperature.has_value() && *request.params.temperature == 0.0;
}

QByteArray ResponseCache::canonicalJson(const ChatRequest &request)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
}

QString ResponseCache::key(const ChatRequest &request)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(request), QCryptographicHash::Sha256).toHex());
}

std::optional<ChatResult> ResponseCache::lookup(const ChatRequest &request)
{
    if (!m_db.isOpen() || !cacheable(request))
        return std::nullopt;
    const QString k = key(request);
    QByteArray json;
    if (const std::optional<QString> pending = pendingJson(k)) {
        json = pending->toUtf8();
    } else {
        m_select->bindValue(0, k);
        if (!m_select->exec()) {
            fail(sqlError(m_db.path(), QStringLiteral("cannot read the response cache"),
                          m_select->lastError()));
            ++m_misses;
            return std::nullopt;
        }
        if (!m_select->next()) {
            m_select->finish();
            ++m_misses;
            return std::nullopt;
        }
        json = m_select->value(0).toString().toUtf8();
        m_select->finish();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QString error;
    std::optional<ChatResult> result;
    const QString where = m_db.path() + QStringLiteral(": response_cache[%1].response_json").arg(k);
    if (parseError.error != QJsonParseError::NoError)
        error = where + QStringLiteral(": invalid JSON (%1)").arg(parseError.errorString());
    else
        result = chatResultFromJson(doc.object(), where, &error);
    if (!result) {
        fail(error); // a damaged entry is a miss; the next store() replaces it
        ++m_misses;
        return std::nullopt;
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_touches[k];
    }
    queueWrite();
    ++m_hits;
    result->cached = true;
    return result;
}

void ResponseCache::store(const ChatRequest &request, const ChatResult &result)
{
    if (!m_db.isOpen() || !cacheable(request) || result.error)
        return;
    ChatResult entry = result;
    entry.cached = false;
    entry.raw = redactSecrets(entry.raw);
    const QString k = key(request);
    {
        std::lock_guard lock(m_mutex);
        m_inserts.insert(
            k, {request.provider.isNull() ? QStringLiteral("") : request.provider,
                request.model.isNull() ? QStringLiteral("") : request.model,
                QString::fromUtf8(
                    QJsonDocument(chatResultToJson(entry)).toJson(QJsonDocument::Compact)),
                QDateTime::currentMSecsSinceEpoch()});
        m_touches.remove(k); // a replaced entry starts counting again
    }
    queueWrite();
}

double ResponseCache::hitRate() const
{
    const qint64 total = m_hits + m_misses;
    return total == 0 ? 0.0 : double(m_hits) / double(total);
}

void ResponseCache::resetCounters()
{
    m_hits = 0;
    m_misses = 0;
}

qint64 ResponseCache::size()
{
    if (!m_db.isOpen())
        return 0;
    sync();
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM response_cache")) || !q.next()) {
        fail(sqlError(m_db.path(), QStringLiteral("cannot count the response cache"),
                      q.lastError()));
        return 0;
    }
    return q.value(0).toLongLong();
}

bool ResponseCache::clear()
{
    if (!m_db.isOpen())
        return false;
    sync();
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("DELETE FROM response_cache"))) {
        fail(sqlError(m_db.path(), QStringLiteral("cannot clear the response cache"),
                      q.lastError()));
        return false;
    }
    return true;
}

QString ResponseCache::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("response-cache.sqlite"));
}

} // namespace ladder
