#include "key_source.h"

#include <QEventLoop>
#include <QTimer>
#include <QtGlobal>

#ifdef LADDER_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace ladder {

namespace {
// "service/account" -> {service, account}; without a slash the account is the provider id.
std::pair<QString, QString> keychainItem(const QString &keychain, const QString &providerId)
{
    const qsizetype slash = keychain.indexOf(QLatin1Char('/'));
    if (slash > 0)
        return {keychain.left(slash), keychain.mid(slash + 1)};
    return {keychain, providerId};
}
} // namespace

KeyLookup EnvKeySource::lookup(const KeyRef &ref) const
{
    KeyLookup out;
    if (ref.env.isEmpty())
        return out;
    out.key = qEnvironmentVariable(ref.env.toLocal8Bit().constData()).trimmed();
    if (!out.key.isEmpty())
        out.source = QStringLiteral("env ") + ref.env;
    return out;
}

bool KeychainKeySource::available()
{
#ifdef LADDER_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

KeyLookup KeychainKeySource::lookup(const KeyRef &ref) const
{
    KeyLookup out;
    if (ref.keychain.isEmpty())
        return out;
    const QString source = QStringLiteral("keychain ") + ref.keychain;
    if (auto it = m_cache.constFind(ref.keychain); it != m_cache.constEnd()) {
        out.key = *it;
        out.source = source;
        return out;
    }
    if (auto it = m_failures.constFind(ref.keychain); it != m_failures.constEnd()) {
        out.error = *it; // do not ask a missing secret service again on every call
        return out;
    }
#ifdef LADDER_HAVE_QTKEYCHAIN
    const auto [service, account] = keychainItem(ref.keychain, ref.providerId);
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(account);
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(5000);
    job.start();
    loop.exec();
    if (guard.isActive() && job.error() == QKeychain::NoError) {
        out.key = job.textData().trimmed();
        out.source = source;
        m_cache.insert(ref.keychain, out.key);
    } else {
        out.error = source + QStringLiteral(": ") +
                    (guard.isActive() ? job.errorString() : QStringLiteral("no answer in 5 s"));
        m_failures.insert(ref.keychain, out.error);
    }
#else
    out.error = source + QStringLiteral(": built without QtKeychain");
#endif
    return out;
}

ChainKeySource::ChainKeySource(std::shared_ptr<const KeySource> first,
                               std::shared_ptr<const KeySource> second)
    : m_first(std::move(first))
    , m_second(std::move(second))
{}

KeyLookup ChainKeySource::lookup(const KeyRef &ref) const
{
    KeyLookup a = m_first->lookup(ref);
    if (!a.key.isEmpty())
        return a;
    KeyLookup b = m_second->lookup(ref);
    if (!b.key.isEmpty())
        return b;
    QStringList errors;
    for (const QString &e : {a.error, b.error})
        if (!e.isEmpty())
            errors << e;
    b.error = errors.join(QStringLiteral("; "));
    return b;
}

void storeKeychainKey(const QString &keychain, const QString &providerId, const QString &key,
                      QObject *context, std::function<void(const QString &error)> done)
{
    const QString item = QStringLiteral("keychain ") + keychain;
    if (keychain.isEmpty() || key.isEmpty()) {
        QTimer::singleShot(0, context, [done] { done(QStringLiteral("no keychain item or key")); });
        return;
    }
#ifdef LADDER_HAVE_QTKEYCHAIN
    const auto [service, account] = keychainItem(keychain, providerId);
    auto *job = new QKeychain::WritePasswordJob(service); // deletes itself after finished()
    job->setKey(account);
    job->setTextData(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, item, done] {
        done(job->error() == QKeychain::NoError ? QString()
                                                : item + QStringLiteral(": ") + job->errorString());
    });
    job->start();
#else
    QTimer::singleShot(0, context,
                       [done, item] { done(item + QStringLiteral(": built without QtKeychain")); });
#endif
}

std::shared_ptr<const KeySource> defaultKeySource()
{
    return std::make_shared<ChainKeySource>(std::make_shared<EnvKeySource>(),
                                            std::make_shared<KeychainKeySource>());
}

} // namespace ladder
