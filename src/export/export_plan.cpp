#include "export_plan.h"

#include "providers/provider_config.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

QString stripSlash(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

class Resolver
{
public:
    Resolver(const ProviderConfig *providers, QString fileName, ExportPlan *plan)
        : m_providers(providers)
        , m_file(std::move(fileName))
        , m_plan(plan)
    {}

    // False (with an error at `path`) when the provider id resolves to nothing.
    bool resolve(const QString &providerId, const QString &model, const QString &path,
                 ResolvedModel *out)
    {
        out->providerId = providerId;
        out->model = model;
        out->path = path;
        const ProviderConfigEntry *entry = m_providers ? m_providers->entry(providerId) : nullptr;
        if (entry) {
            out->kind = entry->kind;
            const ProviderKindDefaults vendor = providerKindDefaults(entry->kind);
            if (!entry->baseUrl.isEmpty() &&
                stripSlash(entry->baseUrl.toString()) != stripSlash(vendor.baseUrl.toString()))
                out->baseUrl = entry->baseUrl;
            out->keyEnv = entry->keyEnv;
            if (out->keyEnv.isEmpty() && !entry->keychain.isEmpty()) {
                // The gateway reads keys from its environment only: name the variable to set.
                out->keyEnv = keyEnvFor(providerId);
                if (!m_plan->keychainOnly.contains(providerId))
                    m_plan->keychainOnly << providerId;
            }
            return true;
        }
        const ProviderKindDefaults vendor = providerKindDefaults(providerId);
        if (!vendor.baseUrl.isEmpty()) {
            out->kind = providerId;
            out->keyEnv = vendor.keyEnv;
            return true;
        }
        error(path + u"/provider"_s,
              m_providers
                  ? u"provider \"%1\" is not in the providers file"_s.arg(providerId)
                  : u"provider \"%1\" has no endpoint a gateway could call; pass --providers "
                    u"FILE with its kind and base_url"_s.arg(providerId));
        return false;
    }

private:
    static QString keyEnvFor(const QString &providerId)
    {
        QString name = providerId.toUpper();
        name.replace(QRegularExpression(u"[^A-Z0-9]"_s), u"_"_s);
        return name + u"_API_KEY"_s;
    }
    void error(const QString &path, const QString &message)
    {
        Diagnostic d;
        d.file = m_file;
        d.path = path;
        d.message = message;
        m_plan->diagnostics << d;
    }

    const ProviderConfig *m_providers;
    QString m_file;
    ExportPlan *m_plan;
};

QString settledTier(const Ladder &ladder)
{
    // Follow after_turns step-downs from the entry: where a long conversation spends its turns.
    QString current = ladder.entry;
    QSet<QString> seen{current};
    for (;;) {
        QString next;
        for (const Transition &t : ladder.transitions) {
            if (t.condition.type == Condition::Type::AfterTurns && t.from == current &&
                ladder.tier(t.to)) {
                next = t.to;
                break;
            }
        }
        if (next.isEmpty() || seen.contains(next))
            return current;
        seen.insert(next);
        current = next;
    }
}

} // namespace

QString toString(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return u"json"_s;
    case ExportFormat::LiteLlm:
        return u"litellm"_s;
    case ExportFormat::Portkey:
        return u"portkey"_s;
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromString(const QString &name)
{
    for (ExportFormat f : {ExportFormat::Json, ExportFormat::LiteLlm, ExportFormat::Portkey})
        if (toString(f) == name)
            return f;
    return std::nullopt;
}

QString exportFormatTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return u"ladder/1 JSON"_s;
    case ExportFormat::LiteLlm:
        return u"LiteLLM proxy config"_s;
    case ExportFormat::Portkey:
        return u"Portkey gateway config"_s;
    }
    return {};
}

const ExportTier *ExportPlan::tier(const QString &id) const
{
    for (const ExportTier &t : tiers)
        if (t.tier.id == id)
            return &t;
    return nullptr;
}

ExportPlan planExport(const Ladder &ladder, const ProviderConfig *providers,
                      const QString &fileName)
{
    ExportPlan plan;
    plan.ladder = ladder;
    Resolver resolver(providers, fileName, &plan);
    for (int i = 0; i < ladder.tiers.size(); ++i) {
        const Tier &t = ladder.tiers[i];
        ExportTier et;
        et.tier = t;
        et.index = i;
        const QString path = u"/tiers/%1"_s.arg(i);
        ResolvedModel primary;
        if (resolver.resolve(t.provider, t.model, path, &primary))
            et.chain << primary;
        for (int f = 0; f < t.fallback.size(); ++f) {
            const ModelRef &ref = t.fallback[f];
            ResolvedModel m;
            if (resolver.resolve(ref.provider.isEmpty() ? t.provider : ref.provider, ref.model,
                                 path + u"/fallback/%1"_s.arg(f), &m))
                et.chain << m;
        }
        plan.tiers << et;
    }

    for (const Transition &t : ladder.transitions) {
        const Condition &c = t.condition;
        if (c.type == Condition::Type::OnSignal &&
            c.preSignals.contains(PreSignal::Classification) && !c.labels.isEmpty() &&
            ladder.tier(t.to))
            plan.routes << ExportRoute{t.id, c.labels, t.to};
        if (c.type == Condition::Type::OnFailure && ladder.tier(t.to)) {
            if (t.from == u"*"_s) {
                for (const Tier &from : ladder.tiers)
                    if (from.id != t.to)
                        plan.failovers << ExportFailover{t.id, from.id, t.to, c.failures};
            } else if (ladder.tier(t.from)) {
                plan.failovers << ExportFailover{t.id, t.from, t.to, c.failures};
            }
        }
    }

    plan.defaultTier = settledTier(ladder);
    if (!plan.routes.isEmpty()) {
        for (const Detector &d : ladder.detectors) {
            if (d.kind != Detector::Kind::Classifier || !d.enabled || d.defaultLabel.isEmpty())
                continue;
            for (const ExportRoute &r : plan.routes)
                if (r.labels.contains(d.defaultLabel)) {
                    plan.defaultTier = r.tier;
                    break;
                }
            break;
        }
    }
    return plan;
}

QList<int> statusCodesFor(FailureKind kind)
{
    switch (kind) {
    case FailureKind::RateLimited:
        return {429};
    case FailureKind::QuotaExhausted:
        return {402};
    case FailureKind::Unavailable:
        return {409, 500, 502, 503, 529};
    case FailureKind::Timeout:
        return {408, 504};
    case FailureKind::Auth:
        return {401, 403};
    case FailureKind::BadRequest:
        return {400, 404, 413, 422};
    case FailureKind::Network:
    case FailureKind::Protocol:
    case FailureKind::Truncated:
    case FailureKind::Cancelled:
        break;
    }
    return {};
}

QList<int> statusCodesFor(const QList<FailureKind> &kinds)
{
    QList<int> codes;
    for (FailureKind k : kinds)
        codes += statusCodesFor(k);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

QList<FailureKind> retryableFailureKinds()
{
    QList<FailureKind> kinds;
    for (FailureKind k : allFailureKinds()) {
        ProviderError e;
        e.kind = k;
        if (e.retryable())
            kinds << k;
    }
    return kinds;
}

QList<FailureKind> allFailureKinds()
{
    QList<FailureKind> kinds;
    for (int i = 0; i < kFailureKindCount; ++i)
        kinds << FailureKind(i);
    return kinds;
}

QString exportSlug(const QString &name)
{
    QString slug = name.toLower();
    slug.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? u"ladder"_s : slug;
}

} // namespace ladder
