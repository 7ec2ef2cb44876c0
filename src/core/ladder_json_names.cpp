#include "ladder_json_names.h"

#include <algorithm>
#include <iterator>

namespace ladder::json {

QString escapePointerToken(QString token)
{
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QString child(const QString &path, const QString &key)
{
    return path + QLatin1Char('/') + escapePointerToken(key);
}

QString child(const QString &path, qsizetype index)
{
    return path + QLatin1Char('/') + QString::number(index);
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// Names accepted for each list of enum values, in declaration order.
QStringList preSignalNames()
{
    return enumNames(kPreSignalNames);
}

QStringList postSignalNames()
{
    return enumNames(kPostSignalNames);
}

QStringList failureNames()
{
    QStringList names;
    for (const auto &entry : kFailureKindNames) {
        if (isEdgeFailureKind(entry.value))
            names.append(QString::fromLatin1(entry.name));
    }
    return names;
}

QStringList conditionTypeNames()
{
    return enumNames(kConditionTypeNames);
}

const char *const kTopLevelKeys[] = {
    "format", "name",    "description", "entry", "tiers",  "transitions", "detectors",
    "memory", "history", "signals",     "cache", "budget", "layout"};

bool isTopLevelKey(const QString &key)
{
    return std::any_of(std::begin(kTopLevelKeys), std::end(kTopLevelKeys),
                       [&](const char *known) { return key == QLatin1String(known); });
}

} // namespace ladder::json
