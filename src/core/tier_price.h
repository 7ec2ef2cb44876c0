#pragma once

// A model's list price (input plus output per 1M tokens), the one measure of "stronger" and
// "cheaper": it orders tiers from the strongest down on the canvas and in the chat's timeline
// lanes, picks a ladder's strongest and cheapest models, and weighs budget escalations.

#include "core/ladder.h"
#include "core/pricing.h"

#include <optional>

namespace ladder {

// Null for a model the table has no price for.
inline std::optional<double> listPrice(const QString &model, const PricingTable &pricing)
{
    const auto price = pricing.price(model);
    if (!price)
        return std::nullopt;
    return price->inputPerMTok + price->outputPerMTok;
}

// Unknown models count as free, so they sort last.
inline double tierListPrice(const Tier &tier, const PricingTable &pricing)
{
    return listPrice(tier.model, pricing).value_or(0.0);
}

} // namespace ladder
