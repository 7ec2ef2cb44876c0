#include "formatter.h"

#include <algorithm>
#include <cmath>

namespace ladder {

QString formatCost(double usd)
{
    const double magnitude = std::abs(usd);
    int decimals = 2;
    if (magnitude > 0 && magnitude < 1)
        decimals = std::clamp(2 - int(std::floor(std::log10(magnitude))), 2, 5);
    return QString::number(usd, 'f', decimals);
}

QString formatCostLabel(double knownUsd, bool someUnknown)
{
    if (!someUnknown)
        return Formatter::tr("$%1").arg(formatCost(knownUsd));
    if (knownUsd > 0)
        return Formatter::tr("$%1 + unknown").arg(formatCost(knownUsd));
    return Formatter::tr("cost unknown");
}

QString formatDuration(double ms)
{
    if (ms >= 1000)
        return Formatter::tr("%1 s").arg(QString::number(ms / 1000, 'f', 2));
    return Formatter::tr("%1 ms").arg(qRound(ms));
}

} // namespace ladder
