#include "response_cache.h"

#include "chat_json.h"
#include "prepared_statements.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QStandardPaths>

namespace ladder {

using Internal::sqlError;

ResponseCache::ResponseCache() = default;

ResponseCache::~ResponseCache()
{
    close();
}

bool ResponseCache::open(const QString &path, QString *error)
{
    close();
    QString message;
    if (m_db.open(path, Internal::storeMigrations(),
                  Internal::SqliteDatabase::OpenMode::CreateIfMissing, &message) &&
        prepareStatements(&message)) {
        m_lastError.clear();
        return true;
    }
    clearStatements();
    m_db.close();
    m_lastError = message;
    if (error)
        *error = message;
    return false;
}

bool ResponseCache::prepareStatements(QString *error)
{
    return Internal::prepareStatements(
        m_db,
        {
            {&m_select, QStringLiteral("SELECT response_json FROM response_cache WHERE key = ?")},
            {&m_touch, QStringLiteral("UPDATE response_cache SET hits = hits + 1 WHERE key = ?")},
            {&m_insert,
             QStringLiteral("INSERT OR REPLACE INTO response_cache (key, provider, model, "
                            "response_json, created_at, hits) VALUES (?, ?, ?, ?, ?, 0)")},
        },
        error);
}

void ResponseCache::clearStatements()
{
    m_select.reset();
    m_touch.reset();
    m_insert.reset();
}

void ResponseCache::close()
{
    clearStatements();
    m_db.close();
}

bool ResponseCache::isOpen() const
{
    return m_db.isOpen();
}

void ResponseCache::fail(const QString &message)
{
    m_lastError = message;
    qCWarning(lcStore).noquote() << message;
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
    const QByteArray json = m_select->value(0).toString().toUtf8();
    m_select->finish();
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
    m_touch->bindValue(0, k);
    if (!m_touch->exec())
        fail(sqlError(m_db.path(), QStringLiteral("cannot count a cache hit"),
                      m_touch->lastError()));
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
    m_insert->bindValue(0, key(request));
    m_insert->bindValue(1, request.provider.isNull() ? QStringLiteral("") : request.provider);
    m_insert->bindValue(2, request.model.isNull() ? QStringLiteral("") : request.model);
    m_insert->bindValue(
        3,
        QString::fromUtf8(QJsonDocument(chatResultToJson(entry)).toJson(QJsonDocument::Compact)));
    m_insert->bindValue(4, QDateTime::currentMSecsSinceEpoch());
    if (!m_insert->exec())
        fail(sqlError(m_db.path(), QStringLiteral("cannot write the response cache"),
                      m_insert->lastError()));
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
