#pragma once

// Helpers shared by the files that implement LadderDocument (ladderdocument*.cpp); not part of
// the document's interface.

#include "core/ladder.h"
#include "laddernames.h"

#include <QPointF>
#include <QString>

namespace ladder::document {

// A tier's colour: its own, or the one handed out in turn for its place.
inline QString tierColor(const Tier &tier, qsizetype index)
{
    return tier.color.isEmpty() ? handedOutTierColor(index) : tier.color;
}

// Sets (or appends) the layout position of the node with layout id `id`.
void setLayoutPosition(Ladder &ladder, const QString &id, QPointF pos);

// "t<n>" not yet taken by a transition of `ladder`.
QString newTransitionId(const Ladder &ladder);

} // namespace ladder::document
