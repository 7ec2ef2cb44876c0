#include "pricing.h"
#include "resources.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ladder {

TokenUsage &TokenUsage::operator+=(const TokenUsage &o)
{
    inputTokens += o.inputTokens;
    cachedTokens += o.cachedTokens;
    outputTokens += o.outputTokens;
    estimated = estimated || o.estimated;
    return *this;
}

const PricingTable &PricingTable::builtin()
{
    static const PricingTable table = [] {
        Diagnostics ignored; // the built-in table is checked by a unit test
        return fromJson(readResource(QStringLiteral(":/ladder/pricing.json")), &ignored,
                        QStringLiteral("pricing.json"));
    }();
    return table;
}

PricingTable PricingTable::fromJson(const QByteArray &json, Diagnostics *diagnostics,
                                    const QString &fileName)
{
    PricingTable table;
    auto error = [&](const QString &path, const QString &message) {
        if (diagnostics)
            diagnostics->append({Diagnostic::Severity::Error, fileName, path, message});
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error({}, QStringLiteral("invalid JSON: %1").arg(parseError.errorString()));
        return table;
    }
    const QJsonObject models = doc.object().value(QStringLiteral("models")).toObject();
    if (models.isEmpty())
        error(QStringLiteral("/models"), QStringLiteral("expected a non-empty object of models"));
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString path = QStringLiteral("/models/") + it.key();
        const QJsonObject entry = it.value().toObject();
        ModelPrice price;
        price.model = it.key();
        price.provider = entry.value(QStringLiteral("provider")).toString();
        const QJsonValue input = entry.value(QStringLiteral("input"));
        const QJsonValue output = entry.value(QStringLiteral("output"));
        if (!input.isDouble() || !output.isDouble() || input.toDouble() < 0 ||
            output.toDouble() < 0) {
            error(path, QStringLiteral("expected non-negative numbers \"input\" and \"output\""));
            continue;
        }
        price.inputPerMTok = input.toDouble();
        price.outputPerMTok = output.toDouble();
        price.cachedInputPerMTok =
            entry.value(QStringLiteral("cached_input")).toDouble(price.inputPerMTok);
        table.m_prices.insert(price.model, price);
    }
    return table;
}

std::optional<ModelPrice> PricingTable::price(const QString &model) const
{
    const auto it = m_prices.constFind(model);
    if (it == m_prices.constEnd())
        return std::nullopt;
    return *it;
}

double costOf(const ModelPrice &price, const TokenUsage &usage)
{
    const qint64 uncached = std::max<qint64>(0, usage.inputTokens - usage.cachedTokens);
    return (double(uncached) * price.inputPerMTok +
            double(usage.cachedTokens) * price.cachedInputPerMTok +
            double(usage.outputTokens) * price.outputPerMTok) /
           1e6;
}

double forfeitedCacheUsd(const ModelPrice &price, qint64 prefixTokens)
{
    return double(std::max<qint64>(0, prefixTokens)) *
           std::max(0.0, price.inputPerMTok - price.cachedInputPerMTok) / 1e6;
}

double PricingTable::costUsd(const QString &model, const TokenUsage &usage) const
{
    const auto it = m_prices.constFind(model);
    return it == m_prices.constEnd() ? 0 : costOf(*it, usage);
}

static QString providerKey(const QString &provider, const QString &model)
{
    return provider + QLatin1Char('\n') + model;
}

std::optional<ModelPrice> PricingTable::price(const QString &provider, const QString &model) const
{
    if (!m_providerPrices.isEmpty()) {
        const auto it = m_providerPrices.constFind(providerKey(provider, model));
        if (it != m_providerPrices.constEnd())
            return *it;
    }
    return price(model);
}

std::optional<double> PricingTable::cost(const QString &provider, const QString &model,
                                         const TokenUsage &usage) const
{
    if (const std::optional<ModelPrice> p = price(provider, model))
        return costOf(*p, usage);
    if (isFreeProvider(provider))
        return 0.0;
    return std::nullopt;
}

void PricingTable::setProviderPrice(const ModelPrice &price)
{
    m_providerPrices.insert(providerKey(price.provider, price.model), price);
}

bool PricingTable::isFreeProvider(const QString &provider)
{
    static const QStringList free = {QStringLiteral("simulated"), QStringLiteral("replay"),
                                     QStringLiteral("ollama"), QStringLiteral("openai-compatible")};
    return free.contains(provider);
}

QList<ModelPrice> PricingTable::all() const
{
    QList<ModelPrice> list = m_prices.values();
    std::sort(list.begin(), list.end(),
              [](const ModelPrice &a, const ModelPrice &b) { return a.model < b.model; });
    return list;
}

} // namespace ladder
