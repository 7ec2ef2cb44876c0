// A Portkey gateway config (the JSON of the `x-portkey-config` header or a saved config). Each
// tier is a target named by its id: a `fallback` strategy over its model chain, every model a
// leaf with provider, custom_host, override_params and an `${ENV}` api_key placeholder. With more
// than one tier the top is a `conditional` strategy: `metadata.tier` picks a tier by hand (the
// ladder's manual pick), `metadata.task` carries a classifier's label, and the default is the
// tier most turns land on.

#include "exporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

QString portkeyProvider(const QString &kind)
{
    if (kind == u"anthropic"_s)
        return u"anthropic"_s;
    if (kind == u"gemini"_s)
        return u"google"_s;
    return u"openai"_s;
}

QJsonArray codes(const QList<int> &list)
{
    QJsonArray a;
    for (int c : list)
        a.append(c);
    return a;
}

QJsonObject leaf(const ResolvedModel &m, const TierParams &p, const RetryPolicy &retry)
{
    QJsonObject o;
    o[u"provider"_s] = portkeyProvider(m.kind);
    // A placeholder the deployer fills (envsubst); "" for a server that takes no key.
    o[u"api_key"_s] = m.keyEnv.isEmpty() ? QString() : u"${%1}"_s.arg(m.keyEnv);
    if (!m.baseUrl.isEmpty())
        o[u"custom_host"_s] = m.baseUrl.toString();
    QJsonObject params = p.extra;
    params[u"model"_s] = m.model;
    if (p.temperature)
        params[u"temperature"_s] = *p.temperature;
    if (p.maxTokens)
        params[u"max_tokens"_s] = *p.maxTokens;
    o[u"override_params"_s] = params;
    if (retry.maxRetriesPerModel > 0)
        o[u"retry"_s] =
            QJsonObject{{u"attempts"_s, retry.maxRetriesPerModel},
                        {u"on_status_codes"_s, codes(statusCodesFor(retryableFailureKinds()))}};
    return o;
}

// The tier's own chain: the engine walks it on every failure, so every status falls back.
QJsonObject chainTarget(const ExportTier &tier, const RetryPolicy &retry)
{
    if (tier.chain.size() == 1)
        return leaf(tier.chain.first(), tier.tier.params, retry);
    QJsonArray targets;
    for (const ResolvedModel &m : tier.chain)
        targets.append(leaf(m, tier.tier.params, retry));
    return QJsonObject{{u"strategy"_s, QJsonObject{{u"mode"_s, u"fallback"_s},
                                                   {u"on_status_codes"_s,
                                                    codes(statusCodesFor(allFailureKinds()))}}},
                       {u"targets"_s, targets}};
}

// The chain, then the tiers its on_failure edges lead to, on the statuses of those failures.
QJsonObject tierTarget(const ExportPlan &plan, const ExportTier &tier)
{
    QList<FailureKind> failures;
    QJsonArray targets{chainTarget(tier, plan.retry)};
    for (const ExportFailover &f : plan.failovers) {
        const ExportTier *to = plan.tier(f.to);
        if (f.from != tier.tier.id || !to)
            continue;
        failures += f.failures;
        targets.append(chainTarget(*to, plan.retry));
    }
    if (targets.size() == 1)
        return targets.first().toObject();
    return QJsonObject{
        {u"strategy"_s, QJsonObject{{u"mode"_s, u"fallback"_s},
                                    {u"on_status_codes"_s, codes(statusCodesFor(failures))}}},
        {u"targets"_s, targets}};
}

QJsonObject condition(const QString &field, const QStringList &values, const QString &then)
{
    const QJsonObject match = values.size() == 1
                                  ? QJsonObject{{u"$eq"_s, values.first()}}
                                  : QJsonObject{{u"$in"_s, QJsonArray::fromStringList(values)}};
    return QJsonObject{{u"query"_s, QJsonObject{{field, match}}}, {u"then"_s, then}};
}

} // namespace

QByteArray toPortkeyJson(const ExportPlan &plan)
{
    QJsonObject config;
    if (plan.tiers.size() == 1) {
        config = tierTarget(plan, plan.tiers.first());
    } else {
        QJsonArray conditions;
        QJsonArray targets;
        for (const ExportTier &tier : plan.tiers) {
            conditions.append(condition(u"metadata.tier"_s, {tier.tier.id}, tier.tier.id));
            QJsonObject target = tierTarget(plan, tier);
            target[u"name"_s] = tier.tier.id;
            targets.append(target);
        }
        for (const ExportRoute &r : plan.routes)
            conditions.append(condition(u"metadata.task"_s, r.labels, r.tier));
        config[u"strategy"_s] = QJsonObject{{u"mode"_s, u"conditional"_s},
                                            {u"conditions"_s, conditions},
                                            {u"default"_s, plan.defaultTier}};
        config[u"targets"_s] = targets;
    }
    if (plan.ladder.cache.enabled)
        config[u"cache"_s] = QJsonObject{{u"mode"_s, u"simple"_s}};
    // Qt writes one number per line; lists of status codes read better on one line.
    static const QRegularExpression numbers(u"\\[\\s*(\\d+(?:,\\s*\\d+)*)\\s*\\]"_s);
    static const QRegularExpression gaps(u",\\s+"_s);
    QString text = QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Indented));
    QString out;
    qsizetype last = 0;
    for (auto it = numbers.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += u"["_s + m.captured(1).replace(gaps, u", "_s) + u"]"_s;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace ladder
