#pragma once

// How the studio writes money and time: one rule for chat, compare, timeline, insights, audit and
// exports. C++ calls the functions; QML the `Formatter` singleton.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ladder {

// US dollars, digits only (the caller's translated text places the currency sign): enough
// decimals for three significant digits, from 2 (a dollar or more) to 5. "0.00123", "0.0450",
// "0.120", "3.20".
QString formatCost(double usd);
// A cost for the user to read, sign included, honest about models without a known price: "$0.0450"
// when every part is priced, "$0.0450 + unknown" when some part is not, "cost unknown" when the
// priced parts add up to nothing. Never "$0" for what was not priced.
QString formatCostLabel(double knownUsd, bool someUnknown);
// Milliseconds: "850 ms" below a second, "1.25 s" from there.
QString formatDuration(double ms);

class Formatter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    Q_INVOKABLE QString cost(double usd) const { return formatCost(usd); }
    Q_INVOKABLE QString costLabel(double knownUsd, bool someUnknown) const
    {
        return formatCostLabel(knownUsd, someUnknown);
    }
    Q_INVOKABLE QString duration(double ms) const { return formatDuration(ms); }
};

} // namespace ladder
