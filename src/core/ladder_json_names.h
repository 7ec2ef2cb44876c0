#pragma once

// Internal to the ladder/1 reader and writer: JSON pointer paths, and the spelling of every enum
// value in the format. Not part of the public API (ladder_json.h).

#include "format_names.h"
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

// The spellings live in format_names.h (shared with the studio's inspector).
using ladder::enumFromName;
using ladder::EnumName;
using ladder::enumName;
using ladder::enumNames;
using ladder::kBudgetActionNames;
using ladder::kInjectNames;
using ladder::kRefreshNames;
inline constexpr const auto &kModeNames = ladder::kHistoryModeNames;
inline constexpr const auto &kKindNames = ladder::kDetectorKindNames;

// Names accepted for each list of enum values, in declaration order.
QStringList preSignalNames();
QStringList postSignalNames();
QStringList failureNames(); // without `cancelled`
QStringList conditionTypeNames();

// The keys of the document itself; any other is kept as unknown and written back.
bool isTopLevelKey(const QString &key);

} // namespace ladder::json
