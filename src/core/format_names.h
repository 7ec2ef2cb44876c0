#pragma once

// The one table of ladder/1 spellings: every enum value the format names, the memory fields and
// the suggested tier roles. The reader, the writer, validation and the studio's inspector all read
// these arrays; a value added here is accepted by the reader and offered by the inspector (the
// studio's LadderNames adds only the translated display text). Arrays are in declaration order.

#include "ladder.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>

namespace ladder {

template <typename Enum> struct EnumName {
    Enum value;
    const char *name;
};

inline constexpr EnumName<PreSignal> kPreSignalNames[] = {
    {PreSignal::GoalChange, "goal_change"},
    {PreSignal::ConstraintConflict, "constraint_conflict"},
    {PreSignal::MissingInfo, "missing_info"},
    {PreSignal::HighStakes, "high_stakes"},
    {PreSignal::DeepDebugging, "deep_debugging"},
    {PreSignal::Classification, "classification"},
    {PreSignal::ManualPick, "manual_pick"},
    {PreSignal::BudgetExceeded, "budget_exceeded"},
    {PreSignal::NeedsStrong, "needs_strong"},
};
inline constexpr EnumName<PostSignal> kPostSignalNames[] = {
    {PostSignal::EscalateTool, "escalate_tool"},
    {PostSignal::Refusal, "refusal"},
    {PostSignal::LowConfidence, "low_confidence"},
    {PostSignal::EmptyAnswer, "empty_answer"},
    {PostSignal::FormatViolation, "format_violation"},
    {PostSignal::SelfCheckFailed, "self_check_failed"},
};
inline constexpr EnumName<FailureKind> kFailureKindNames[] = {
    {FailureKind::RateLimited, "rate_limited"},
    {FailureKind::QuotaExhausted, "quota_exhausted"},
    {FailureKind::Unavailable, "unavailable"},
    {FailureKind::Timeout, "timeout"},
    {FailureKind::Auth, "auth"},
    {FailureKind::BadRequest, "bad_request"},
    {FailureKind::Network, "network"},
    {FailureKind::Protocol, "protocol"},
    {FailureKind::Truncated, "truncated"},
    {FailureKind::Cancelled, "cancelled"},
};
// `cancelled` is the user's own doing, not a provider failure an on_failure edge could react to:
// the reader refuses it in a condition's `errors`.
inline constexpr bool isEdgeFailureKind(FailureKind kind)
{
    return kind != FailureKind::Cancelled;
}

inline constexpr EnumName<Condition::Type> kConditionTypeNames[] = {
    {Condition::Type::AfterTurns, "after_turns"}, {Condition::Type::OnSignal, "on_signal"},
    {Condition::Type::PostTurn, "post_turn"},     {Condition::Type::ReturnAfter, "return_after"},
    {Condition::Type::OnFailure, "on_failure"},
};
inline constexpr EnumName<Detector::Kind> kDetectorKindNames[] = {
    {Detector::Kind::Lexicon, "lexicon"},
    {Detector::Kind::Classifier, "classifier"},
    {Detector::Kind::Learned, "learned"},
};
inline constexpr EnumName<MemoryPolicy::Inject> kInjectNames[] = {
    {MemoryPolicy::Inject::OnSwitch, "on_switch"},
    {MemoryPolicy::Inject::EveryTurn, "every_turn"},
    {MemoryPolicy::Inject::Never, "never"},
};
inline constexpr EnumName<MemoryPolicy::Refresh> kRefreshNames[] = {
    {MemoryPolicy::Refresh::Scaffold, "scaffold"},
    {MemoryPolicy::Refresh::Summarize, "summarize"},
    {MemoryPolicy::Refresh::None, "none"},
};
inline constexpr EnumName<HistoryPolicy::Mode> kHistoryModeNames[] = {
    {HistoryPolicy::Mode::Full, "full"},
    {HistoryPolicy::Mode::CleanHandoff, "clean_handoff"},
    {HistoryPolicy::Mode::MemoryLastK, "memory_last_k"},
};
inline constexpr EnumName<BudgetPolicy::Action> kBudgetActionNames[] = {
    {BudgetPolicy::Action::StepDown, "step_down"},
    {BudgetPolicy::Action::Stop, "stop"},
};

// `memory.fields`: the handoff memory's fields (the engine's MemoryField, in its order).
inline constexpr const char *kMemoryFieldNames[] = {
    "goal",      "constraints",    "non_goals", "assumptions", "plan", "format_contract",
    "decisions", "open_questions", "unknowns"};

// `role` is free text; these are the roles the examples and the docs use.
inline constexpr const char *kTierRoleSuggestions[] = {"strong",   "mid",    "light",
                                                       "listener", "worker", "reasoner"};

template <typename Enum, std::size_t N>
QString enumName(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

template <typename Enum, std::size_t N> QStringList enumNames(const EnumName<Enum> (&table)[N])
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumName<Enum> (&table)[N], const QString &name)
{
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

template <std::size_t N> QStringList nameList(const char *const (&names)[N])
{
    QStringList out;
    for (const char *name : names)
        out.append(QString::fromLatin1(name));
    return out;
}

} // namespace ladder
