#pragma once

// List prices per model (USD per 1M tokens), from resources/pricing.json (compiled in) or a file.

#include "diagnostics.h"

#include <QHash>
#include <QString>

#include <optional>

namespace ladder {

struct ModelPrice {
    QString provider;
    QString model;
    double inputPerMTok = 0;
    double cachedInputPerMTok = 0; // equals input when the provider has no cache discount
    double outputPerMTok = 0;
    bool operator==(const ModelPrice &) const = default;
};

struct TokenUsage {
    qint64 inputTokens = 0;  // includes cached tokens
    qint64 cachedTokens = 0; // part of inputTokens read from a prompt cache
    qint64 outputTokens = 0;
    bool estimated = false; // counted by us (about 4 characters a token), not by the provider
    TokenUsage &operator+=(const TokenUsage &o);
    bool operator==(const TokenUsage &) const = default;
};

class PricingTable
{
public:
    static const PricingTable &builtin(); // resources/pricing.json
    static PricingTable fromJson(const QByteArray &json, Diagnostics *diagnostics,
                                 const QString &fileName = {});

    std::optional<ModelPrice> price(const QString &model) const;
    // The price a provider gave for the model (a providers file's "prices"), else the model's.
    std::optional<ModelPrice> price(const QString &provider, const QString &model) const;
    bool has(const QString &model) const { return m_prices.contains(model); }
    double costUsd(const QString &model, const TokenUsage &usage) const; // 0 for unknown models
    // The cost of a call; nullopt when the model has no known price ("cost unknown", never $0).
    // Free providers (isFreeProvider) cost 0 whatever the model.
    std::optional<double> cost(const QString &provider, const QString &model,
                               const TokenUsage &usage) const;
    QList<ModelPrice> all() const;

    // Adds (or replaces) the price of `price.model` as given by `price.provider`.
    void setProviderPrice(const ModelPrice &price);

    // Providers whose calls cost nothing: not real models (simulated, replay) or local servers
    // under their built-in ids (ollama, openai-compatible).
    static bool isFreeProvider(const QString &provider);

private:
    QHash<QString, ModelPrice> m_prices;
    QHash<QString, ModelPrice> m_providerPrices; // "provider\nmodel"
};

// USD per call from a price and the call's usage.
double costOf(const ModelPrice &price, const TokenUsage &usage);

// What a model switch costs in prompt cache: `prefixTokens` of the conversation billed at the
// model's full input price instead of its cached-input price. The one place of this rule: the
// engine weighs switches with it, the evaluation reports switch cost with it.
double forfeitedCacheUsd(const ModelPrice &price, qint64 prefixTokens);

} // namespace ladder
