#pragma once

// Internal to the ladder/1 reader and writer: JSON pointer paths, and the spelling of every enum
// value in the format. Not part of the public API (ladder_json.h).

#include "ladder.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>

namespace ladder::json {

QString escapePointerToken(QString token);
QString child(const QString &path, const QString &key);
QString child(const QString &path, qsizetype index);
QString quoted(const QString &s);

template <typename Enum> struct EnumName {
    Enum value;
    const char *name;
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
inline constexpr EnumName<HistoryPolicy::Mode> kModeNames[] = {
    {HistoryPolicy::Mode::Full, "full"},
    {HistoryPolicy::Mode::CleanHandoff, "clean_handoff"},
    {HistoryPolicy::Mode::MemoryLastK, "memory_last_k"},
};
inline constexpr EnumName<BudgetPolicy::Action> kBudgetActionNames[] = {
    {BudgetPolicy::Action::StepDown, "step_down"},
    {BudgetPolicy::Action::Stop, "stop"},
};

inline constexpr EnumName<Detector::Kind> kKindNames[] = {
    {Detector::Kind::Lexicon, "lexicon"},
    {Detector::Kind::Classifier, "classifier"},
    {Detector::Kind::Learned, "learned"},
};

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

// Names accepted for each list of enum values, in declaration order.
QStringList preSignalNames();
QStringList postSignalNames();
QStringList failureNames(); // without `cancelled`
QStringList conditionTypeNames();

// The keys of the document itself; any other is kept as unknown and written back.
bool isTopLevelKey(const QString &key);

} // namespace ladder::json
