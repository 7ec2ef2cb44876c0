#include "events.h"

#include <array>

namespace ladder {

namespace {
constexpr std::array<const char *, 9> kEventNames{
    "turn_started", "tier_active",    "escalated",      "handoff",    "fallback",
    "delta",        "memory_updated", "turn_completed", "turn_failed"};
}

QString Event::typeName(Type t) {
    return QString::fromLatin1(kEventNames[std::size_t(t)]);
}

std::optional<Event::Type> Event::typeFromName(const QString &name) {
    for (std::size_t i = 0; i < kEventNames.size(); ++i) {
        if (name == QLatin1String(kEventNames[i]))
            return Type(i);
    }
    return std::nullopt;
}

QJsonObject Event::toJson() const {
    QJsonObject out = data;
    out.insert(QStringLiteral("event"), typeName(type));
    out.insert(QStringLiteral("turn"), turn);
    return out;
}

} // namespace ladder
