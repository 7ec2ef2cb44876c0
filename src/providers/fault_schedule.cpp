#include "fault_schedule.h"

#include <QStringList>

namespace ladder {

std::optional<FaultSchedule> FaultSchedule::parse(const QString &spec, QString *error) {
    FaultSchedule schedule;
    const QStringList items = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        const qsizetype at = item.indexOf(QLatin1Char('@'));
        bool ok = false;
        const int turn = at > 0 ? item.mid(at + 1).toInt(&ok) : 0;
        const std::optional<FailureKind> kind =
            at > 0 ? failureKindFromString(item.left(at)) : std::nullopt;
        if (!ok || turn < 1 || !kind || *kind == FailureKind::Cancelled) {
            if (error)
                *error = QStringLiteral("bad fault \"%1\": expected KIND@TURN with KIND one of "
                                        "rate_limited, quota_exhausted, unavailable, timeout, "
                                        "truncated, network, protocol, auth, bad_request and "
                                        "TURN >= 1")
                             .arg(item);
            return std::nullopt;
        }
        schedule.add(turn, *kind);
    }
    return schedule;
}

std::optional<FailureKind> FaultSchedule::faultFor(int turn, int attempt) const {
    if (attempt != 1)
        return std::nullopt;
    const auto it = m_faults.constFind(turn);
    if (it == m_faults.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace ladder
