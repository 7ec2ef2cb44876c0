#include "redis_state_store.h"

#include <hiredis/hiredis.h>

#include <memory>

namespace ladder::serve {

namespace {

struct ReplyDeleter {
    void operator()(redisReply *r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

QByteArray keyOf(const QString &conversationId)
{
    return QByteArrayLiteral("ladder:conversation:") + conversationId.toUtf8();
}

} // namespace

RedisStateStore::RedisStateStore(QString host, int port, int db)
    : m_host(std::move(host))
    , m_port(port)
    , m_db(db)
{}

RedisStateStore::~RedisStateStore()
{
    drop();
}

QString RedisStateStore::describe() const
{
    return QStringLiteral("redis://%1:%2/%3").arg(m_host).arg(m_port).arg(m_db);
}

void RedisStateStore::drop()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

bool RedisStateStore::connectNow(QString *error)
{
    return ensureConnected(error);
}

bool RedisStateStore::ensureConnected(QString *error)
{
    if (m_context && !m_context->err)
        return true;
    drop();
    const timeval timeout{1, 0};
    m_context = redisConnectWithTimeout(m_host.toUtf8().constData(), m_port, timeout);
    if (!m_context || m_context->err) {
        *error = QStringLiteral("%1: cannot connect: %2")
                     .arg(describe(), m_context ? QString::fromUtf8(m_context->errstr)
                                                : QStringLiteral("out of memory"));
        drop();
        return false;
    }
    redisSetTimeout(m_context, timeout);
    if (m_db != 0) {
        Reply r(static_cast<redisReply *>(redisCommand(m_context, "SELECT %d", m_db)));
        if (!r || r->type == REDIS_REPLY_ERROR) {
            *error = QStringLiteral("%1: SELECT failed: %2")
                         .arg(describe(), r ? QString::fromUtf8(r->str, int(r->len))
                                            : QString::fromUtf8(m_context->errstr));
            drop();
            return false;
        }
    }
    return true;
}

bool RedisStateStore::load(const QString &conversationId, StoredConversation *out, QString *error)
{
    if (!ensureConnected(error))
        return false;
    const QByteArray key = keyOf(conversationId);
    Reply r(static_cast<redisReply *>(
        redisCommand(m_context, "HMGET %b v data", key.constData(), size_t(key.size()))));
    if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
        *error = QStringLiteral("%1: reading a conversation: %2")
                     .arg(describe(), r && r->type == REDIS_REPLY_ERROR
                                          ? QString::fromUtf8(r->str, int(r->len))
                                          : QString::fromUtf8(m_context->errstr));
        if (!r)
            drop();
        return false;
    }
    *out = {};
    const redisReply *v = r->element[0];
    const redisReply *data = r->element[1];
    if (v->type == REDIS_REPLY_STRING && data->type == REDIS_REPLY_STRING) {
        out->found = true;
        out->version = QByteArray(v->str, qsizetype(v->len)).toLongLong();
        out->data = QByteArray(data->str, qsizetype(data->len));
    }
    return true;
}

StateStore::Commit RedisStateStore::commit(const QString &conversationId, qint64 expectedVersion,
                                           const QByteArray &data, QString *error)
{
    if (!ensureConnected(error))
        return Commit::Unreachable;
    const QByteArray key = keyOf(conversationId);
    auto failed = [&](redisReply *r, const char *what) {
        *error = QStringLiteral("%1: %2: %3")
                     .arg(describe(), QLatin1String(what),
                          r && r->type == REDIS_REPLY_ERROR ? QString::fromUtf8(r->str, int(r->len))
                                                            : QString::fromUtf8(m_context->errstr));
        drop(); // a half-done transaction must not stay on the connection
        return Commit::Unreachable;
    };
    Reply watch(static_cast<redisReply *>(
        redisCommand(m_context, "WATCH %b", key.constData(), size_t(key.size()))));
    if (!watch || watch->type == REDIS_REPLY_ERROR)
        return failed(watch.get(), "WATCH");
    Reply current(static_cast<redisReply *>(
        redisCommand(m_context, "HGET %b v", key.constData(), size_t(key.size()))));
    if (!current || current->type == REDIS_REPLY_ERROR)
        return failed(current.get(), "HGET");
    const qint64 stored = current->type == REDIS_REPLY_STRING
                              ? QByteArray(current->str, qsizetype(current->len)).toLongLong()
                              : 0;
    if (stored != expectedVersion) {
        Reply unwatch(static_cast<redisReply *>(redisCommand(m_context, "UNWATCH")));
        return Commit::Conflict;
    }
    const QByteArray next = QByteArray::number(expectedVersion + 1);
    // Pipelined: MULTI, HSET, EXEC; EXEC answers nil when the watched key changed.
    redisAppendCommand(m_context, "MULTI");
    redisAppendCommand(m_context, "HSET %b v %b data %b", key.constData(), size_t(key.size()),
                       next.constData(), size_t(next.size()), data.constData(),
                       size_t(data.size()));
    redisAppendCommand(m_context, "EXEC");
    Reply replies[3];
    for (Reply &r : replies) {
        void *raw = nullptr;
        if (redisGetReply(m_context, &raw) != REDIS_OK)
            return failed(nullptr, "MULTI/EXEC");
        r.reset(static_cast<redisReply *>(raw));
    }
    const redisReply *exec = replies[2].get();
    if (exec->type == REDIS_REPLY_NIL)
        return Commit::Conflict;
    if (exec->type != REDIS_REPLY_ARRAY)
        return failed(replies[2].get(), "EXEC");
    return Commit::Ok;
}

} // namespace ladder::serve
