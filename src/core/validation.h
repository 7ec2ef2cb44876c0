#pragma once

#include "diagnostics.h"
#include "ladder.h"
#include "pricing.h"

#include <QStringList>

namespace ladder {

struct ValidationContext {
    QString fileName;
    // Providers a ladder may name; the built-in ones plus those of a provider configuration.
    QStringList knownProviders = builtinProviders();
    const PricingTable *pricing = &PricingTable::builtin();

    static QStringList builtinProviders(); // simulated, replay, openai, anthropic, gemini, ...
    // The built-in providers plus those of a provider configuration (the ids of a providers
    // file), priced by `pricing` (null: the built-in table). The studio and every `ladder`
    // command that takes --providers check a ladder against this.
    static ValidationContext withProviders(const QStringList &providerIds,
                                           const PricingTable *pricing = nullptr);
};

// Semantic checks: entry tier, unknown tier ids, unreachable tiers, fallback cycles, unknown
// providers, models without a price (a warning: their cost is unknown), bad parameters. Errors
// name the JSON path.
Diagnostics validate(const Ladder &ladder, const ValidationContext &context = {});

// Syntax, types and semantics of a file, as `ladder validate` reports them.
Diagnostics validateFile(const QString &path, const ValidationContext &context = {});

} // namespace ladder
