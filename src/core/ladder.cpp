#include "ladder.h"

#include <array>

namespace ladder {

namespace {

template <typename Enum, std::size_t N> struct NameTable {
    std::array<const char *, N> names;

    QString name(Enum e) const { return QString::fromLatin1(names[std::size_t(e)]); }
    std::optional<Enum> parse(const QString &s) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (s == QLatin1String(names[i]))
                return Enum(i);
        }
        return std::nullopt;
    }
};

constexpr NameTable<PreSignal, kPreSignalCount> kPreSignalNames{
    {"goal_change", "constraint_conflict", "missing_info", "high_stakes", "deep_debugging",
     "classification", "manual_pick", "budget_exceeded", "needs_strong"}};
constexpr NameTable<PostSignal, kPostSignalCount> kPostSignalNames{
    {"escalate_tool", "refusal", "low_confidence", "empty_answer", "format_violation",
     "self_check_failed"}};
constexpr NameTable<FailureKind, kFailureKindCount> kFailureNames{
    {"rate_limited", "quota_exhausted", "unavailable", "timeout", "auth", "bad_request", "network",
     "protocol", "truncated", "cancelled"}};
constexpr NameTable<Condition::Type, 5> kConditionNames{
    {"after_turns", "on_signal", "post_turn", "return_after", "on_failure"}};

} // namespace

QString toString(PreSignal s)
{
    return kPreSignalNames.name(s);
}
QString toString(PostSignal s)
{
    return kPostSignalNames.name(s);
}
QString toString(FailureKind k)
{
    return kFailureNames.name(k);
}
QString toString(Condition::Type t)
{
    return kConditionNames.name(t);
}

std::optional<PreSignal> preSignalFromString(const QString &s)
{
    return kPreSignalNames.parse(s);
}
std::optional<PostSignal> postSignalFromString(const QString &s)
{
    return kPostSignalNames.parse(s);
}
std::optional<FailureKind> failureKindFromString(const QString &s)
{
    return kFailureNames.parse(s);
}
std::optional<Condition::Type> conditionTypeFromString(const QString &s)
{
    return kConditionNames.parse(s);
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
