#pragma once

// Helpers shared by the files that implement LadderDocument (ladderdocument*.cpp); not part of
// the document's interface.

#include "core/ladder.h"

#include <QCoreApplication>
#include <QPointF>
#include <QSet>
#include <QStringList>

#include <optional>

namespace ladder::document {

// Tier colours handed out in turn to new tiers and to tiers without one.
inline const QStringList kTierColors = {
    QStringLiteral("#7c4dff"), QStringLiteral("#00897b"), QStringLiteral("#f4511e"),
    QStringLiteral("#1e88e5"), QStringLiteral("#c0ca33"), QStringLiteral("#8e24aa"),
    QStringLiteral("#6d4c41"), QStringLiteral("#039be5"),
};

inline QString tierColor(const Tier &tier, qsizetype index)
{
    return tier.color.isEmpty() ? kTierColors[index % kTierColors.size()] : tier.color;
}

// One value of a memory/history enum: its name in the inspector (the file format's spelling) and
// its words on the canvas (translated in the LadderDocument context).
template <typename Enum> struct EnumText {
    Enum value;
    const char *name;
    const char *label;
};

inline constexpr EnumText<MemoryPolicy::Inject> kInjectTexts[] = {
    {MemoryPolicy::Inject::OnSwitch, "on_switch",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "inject on switch")},
    {MemoryPolicy::Inject::EveryTurn, "every_turn",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "inject every turn")},
    {MemoryPolicy::Inject::Never, "never",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "never injected")},
};
inline constexpr EnumText<MemoryPolicy::Refresh> kRefreshTexts[] = {
    {MemoryPolicy::Refresh::Scaffold, "scaffold",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "scaffold")},
    {MemoryPolicy::Refresh::Summarize, "summarize",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "summarize")},
    {MemoryPolicy::Refresh::None, "none",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "no refresh")},
};
// MemoryLastK's label takes the number of kept turns as %1.
inline constexpr EnumText<HistoryPolicy::Mode> kHistoryTexts[] = {
    {HistoryPolicy::Mode::Full, "full", QT_TRANSLATE_NOOP("ladder::LadderDocument", "full")},
    {HistoryPolicy::Mode::CleanHandoff, "clean_handoff",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "clean handoff")},
    {HistoryPolicy::Mode::MemoryLastK, "memory_last_k",
     QT_TRANSLATE_NOOP("ladder::LadderDocument", "memory + last %1")},
};

template <typename Enum, std::size_t N>
const EnumText<Enum> *findText(const EnumText<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return &entry;
    }
    return nullptr;
}

template <typename Enum, std::size_t N>
QString enumName(const EnumText<Enum> (&table)[N], Enum value)
{
    const EnumText<Enum> *entry = findText(table, value);
    return entry ? QString::fromLatin1(entry->name) : QString();
}

template <typename Enum, std::size_t N>
QString enumLabel(const EnumText<Enum> (&table)[N], Enum value)
{
    const EnumText<Enum> *entry = findText(table, value);
    return entry ? QCoreApplication::translate("ladder::LadderDocument", entry->label) : QString();
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumText<Enum> (&table)[N], const QString &name)
{
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

// Sets (or appends) the layout position of the node with layout id `id`.
void setLayoutPosition(Ladder &ladder, const QString &id, QPointF pos);

// "t<n>" not yet taken by a transition of `ladder`.
QString newTransitionId(const Ladder &ladder);

} // namespace ladder::document
