#include "ladder.h"

#include "format_names.h"

namespace ladder {

QString toString(PreSignal s)
{
    return enumName(kPreSignalNames, s);
}
QString toString(PostSignal s)
{
    return enumName(kPostSignalNames, s);
}
QString toString(FailureKind k)
{
    return enumName(kFailureKindNames, k);
}
QString toString(Condition::Type t)
{
    return enumName(kConditionTypeNames, t);
}

std::optional<PreSignal> preSignalFromString(const QString &s)
{
    return enumFromName(kPreSignalNames, s);
}
std::optional<PostSignal> postSignalFromString(const QString &s)
{
    return enumFromName(kPostSignalNames, s);
}
std::optional<FailureKind> failureKindFromString(const QString &s)
{
    return enumFromName(kFailureKindNames, s);
}
std::optional<Condition::Type> conditionTypeFromString(const QString &s)
{
    return enumFromName(kConditionTypeNames, s);
}

const Tier *Ladder::tier(const QString &id) const
{
    const int i = tierIndex(id);
    return i < 0 ? nullptr : &tiers[i];
}

int Ladder::tierIndex(const QString &id) const
{
    for (int i = 0; i < tiers.size(); ++i) {
        if (tiers[i].id == id)
            return i;
    }
    return -1;
}

} // namespace ladder
