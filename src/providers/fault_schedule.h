#pragma once

// "rate_limited@2,timeout@4": the first call of turn 2 fails rate limited, of turn 4 times out.

#include "core/ladder.h"

#include <QMap>
#include <QString>

#include <optional>

namespace ladder {

class FaultSchedule {
public:
    // Kinds: rate_limited, quota_exhausted, unavailable, timeout, truncated, network, protocol.
    static std::optional<FaultSchedule> parse(const QString &spec, QString *error);

    void add(int turn, FailureKind kind) { m_faults.insert(turn, kind); }
    std::optional<FailureKind> faultFor(int turn, int attempt) const;
    bool isEmpty() const { return m_faults.isEmpty(); }

private:
    QMap<int, FailureKind> m_faults;
};

} // namespace ladder
