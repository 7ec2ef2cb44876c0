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
        if (!input.isDouble() || !output.isDouble() || input.toDouble() < 0
            || output.toDouble() < 0) {
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

double PricingTable::costUsd(const QString &model, const TokenUsage &usage) const
{
    const auto it = m_prices.constFind(model);
    if (it == m_prices.constEnd())
        return 0;
    const qint64 uncached = std::max<qint64>(0, usage.inputTokens - usage.cachedTokens);
    return (double(uncached) * it->inputPerMTok + double(usage.cachedTokens) * it->cachedInputPerMTok
            + double(usage.outputTokens) * it->outputPerMTok)
           / 1e6;
}

QList<ModelPrice> PricingTable::all() const
{
    QList<ModelPrice> list = m_prices.values();
    std::sort(list.begin(), list.end(),
              [](const ModelPrice &a, const ModelPrice &b) { return a.model < b.model; });
    return list;
}

} // namespace ladder
