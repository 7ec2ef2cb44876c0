#include "provider_check.h"

#include "core/pricing.h"

#include <QTimer>

namespace ladder {

using namespace Qt::StringLiterals;

QString ProviderCheckResult::status() const
{
    if (!error)
        return u"ok"_s;
    QString s = toString(error->kind);
    if (error->httpStatus > 0)
        s += u" (HTTP %1)"_s.arg(error->httpStatus);
    return s;
}

QString ProviderCheckResult::ttftText() const
{
    return ttftMs > 0 ? u"%1 ms"_s.arg(qRound(ttftMs)) : u"-"_s;
}

QString ProviderCheckResult::priceText() const
{
    if (!price)
        return u"price unknown"_s;
    return u"$%1 in / $%2 out per Mtok"_s.arg(price->inputPerMTok, 0, 'f', 2)
        .arg(price->outputPerMTok, 0, 'f', 2);
}

QString ProviderCheckResult::toLine() const
{
    QStringList fields{providerId,  model,    status(), u"ttft "_s + ttftText(),
                       priceText(), keySource};
    if (error)
        fields << error->message;
    return fields.join(u'\t');
}

ProviderCheck::ProviderCheck(const ProviderConfig &config, std::shared_ptr<const KeySource> keys,
                             QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_keys(keys ? std::move(keys) : defaultKeySource())
    , m_registry(&m_config, m_keys)
{
    m_registry.simulated().setTimeScale(0); // a simulated entry answers at once
}

ProviderCheck::~ProviderCheck()
{
    m_queue.clear();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
}

QList<ProviderCheckTarget> ProviderCheck::targetsOf(const ProviderConfig &config,
                                                    const QString &providerId)
{
    QList<ProviderCheckTarget> targets;
    for (const ProviderConfigEntry &entry : config.providers) {
        if (!providerId.isEmpty() && entry.id != providerId)
            continue;
        for (const QString &model : entry.models)
            targets.append({entry.id, model});
    }
    return targets;
}

void ProviderCheck::start(const QList<ProviderCheckTarget> &targets)
{
    if (m_running)
        return;
    m_queue = targets;
    m_running = true;
    // Later, so that callers connect and see every signal even for an empty list.
    QTimer::singleShot(0, this, &ProviderCheck::next);
}

void ProviderCheck::cancel()
{
    m_queue.clear();
    if (m_call)
        m_call->cancel(); // finished() follows with a cancelled error, then finished()
}

void ProviderCheck::next()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        emit finished();
        return;
    }
    const ProviderCheckTarget target = m_queue.takeFirst();
    emit targetStarted(target);
    ProviderCheckResult result{target.providerId, target.model, {}, 0, {}};
    result.price = m_registry.pricing().price(target.providerId, target.model);
    const ProviderConfigEntry *entry = m_config.entry(target.providerId);
    Provider *provider = m_registry.provider(target.providerId);
    if (entry) {
        const KeyLookup key = m_keys->lookup(entry->keyRef());
        result.keySource = !key.key.isEmpty()              ? key.source
                           : entry->kind == u"simulated"_s ? u"no key needed"_s
                                                           : u"no key"_s;
    }
    if (!entry || !provider) {
        result.error = ProviderError{FailureKind::BadRequest,
                                     u"provider \"%1\" is not configured"_s.arg(target.providerId)};
        emit checked(result);
        QTimer::singleShot(0, this, &ProviderCheck::next);
        return;
    }
    ChatRequest request;
    request.provider = target.providerId;
    request.model = target.model;
    request.messages = {{ChatMessage::Role::User, u"Reply with the single word OK."_s, {}, {}, {}}};
    request.params.maxTokens = 16;
    m_call = provider->start(request);
    connect(m_call, &ProviderCall::finished, this, [this, result]() mutable {
        const ChatResult answer = m_call->result();
        m_call = nullptr;
        result.error = answer.error;
        result.ttftMs = answer.ttftMs;
        emit checked(result);
        next();
    });
}

} // namespace ladder
