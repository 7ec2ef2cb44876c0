#include "key_source.h"

#include <QEventLoop>
#include <QTimer>
#include <QtGlobal>

#ifdef LADDER_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace ladder {

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
    const qsizetype slash = ref.keychain.indexOf(QLatin1Char('/'));
    const QString service = slash > 0 ? ref.keychain.left(slash) : ref.keychain;
    const QString account = slash > 0 ? ref.keychain.mid(slash + 1) : ref.providerId;
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

std::shared_ptr<const KeySource> defaultKeySource()
{
    return std::make_shared<ChainKeySource>(std::make_shared<EnvKeySource>(),
                                            std::make_shared<KeychainKeySource>());
}

} // namespace ladder
