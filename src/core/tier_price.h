#pragma once

// How tiers are ordered from the strongest down, on the canvas and in the chat's timeline lanes:
// by the list price (input plus output per 1M tokens) of their model, unknown models last.

#include "core/ladder.h"
#include "core/pricing.h"

namespace ladder {

inline double tierListPrice(const Tier &tier, const PricingTable &pricing)
{
    const auto price = pricing.price(tier.model);
    return price ? price->inputPerMTok + price->outputPerMTok : 0.0;
}

} // namespace ladder
