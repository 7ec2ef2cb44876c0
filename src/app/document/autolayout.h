#pragma once

#include "core/ladder.h"
#include "core/pricing.h"

#include <QHash>
#include <QPointF>
#include <QString>

namespace ladder {

// The layout's top-left margin: where the entry node sits, and a node without a position.
inline constexpr double kLayoutLeft = 40;
inline constexpr double kLayoutTop = 40;

// Layered left-to-right layout: tiers by distance from the entry along forward transitions,
// strongest (most expensive) first within a layer; entry and "any" on the left, detectors and
// memory in a row below. Keys are layout ids.
QHash<QString, QPointF> computeAutoLayout(const Ladder &ladder, const PricingTable &pricing);

} // namespace ladder
