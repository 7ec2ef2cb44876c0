#include "state_store.h"

#include "redis_state_store.h"
#include "sqlite_state_store.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace ladder::serve {

QString defaultStateUrl(const QString &modelId)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    QString name = modelId.left(80);
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    }
    return QStringLiteral("sqlite:") +
           QDir(dir).filePath(QStringLiteral("serve-state-%1.sqlite").arg(name));
}

std::unique_ptr<StateStore> openStateStore(const QString &url, QString *error)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(7);
        if (path.isEmpty()) {
            *error = QStringLiteral("%1: expected sqlite:PATH").arg(url);
            return nullptr;
        }
        auto store = std::make_unique<SqliteStateStore>();
        if (!store->open(path, error))
            return nullptr;
        return store;
    }
    if (url.startsWith(QLatin1String("redis://"))) {
        const QUrl u(url, QUrl::StrictMode);
        const QString dbPart = u.path().mid(1);
        bool dbOk = true;
        const int db = dbPart.isEmpty() ? 0 : dbPart.toInt(&dbOk);
        if (!u.userInfo().isEmpty()) { // never echo a password
            *error = QStringLiteral("redis://…: credentials in the URL are not supported; use a "
                                    "Redis reachable without them (loopback, private network)");
            return nullptr;
        }
        if (!u.isValid() || u.host().isEmpty() || !dbOk || db < 0) {
            *error = QStringLiteral("%1: expected redis://HOST:PORT/DB").arg(url);
            return nullptr;
        }
        auto store = std::make_unique<RedisStateStore>(u.host(), u.port(6379), db);
        if (!store->connectNow(error))
            return nullptr;
        return store;
    }
    *error = QStringLiteral("%1: expected sqlite:PATH or redis://HOST:PORT/DB").arg(url);
    return nullptr;
}

} // namespace ladder::serve
