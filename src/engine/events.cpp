#include "events.h"

#include <QJsonDocument>

#include <array>

namespace ladder {

namespace {
constexpr std::array<const char *, 9> kEventNames{
    "turn_started", "tier_active",    "escalated",      "handoff",    "fallback",
    "delta",        "memory_updated", "turn_completed", "turn_failed"};
}

QString Event::typeName(Type t)
{
    return QString::fromLatin1(kEventNames[std::size_t(t)]);
}

std::optional<Event::Type> Event::typeFromName(const QString &name)
{
    for (std::size_t i = 0; i < kEventNames.size(); ++i) {
        if (name == QLatin1String(kEventNames[i]))
            return Type(i);
    }
    return std::nullopt;
}

QJsonObject Event::toJson() const
{
    QJsonObject out = data;
    out.insert(QStringLiteral("event"), typeName(type));
    out.insert(QStringLiteral("turn"), turn);
    return out;
}

QByteArray Event::toJsonLine() const
{
    QByteArray line =
        "{\"event\":\"" + typeName(type).toLatin1() + "\",\"turn\":" + QByteArray::number(turn);
    QJsonObject rest = data;
    rest.remove(QStringLiteral("event"));
    rest.remove(QStringLiteral("turn"));
    if (!rest.isEmpty()) {
        const QByteArray body = QJsonDocument(rest).toJson(QJsonDocument::Compact);
        line += ',' + body.mid(1); // body without its opening brace, closing brace kept
    } else {
        line += '}';
    }
    return line;
}

} // namespace ladder
