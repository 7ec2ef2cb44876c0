#pragma once

#include <QStringList>

namespace ladder::cli {

// Prints the engine's figures as one JSON object: route_decision_ns_median,
// turn_overhead_us_median (with the audit on), session_10k_seconds, peak_rss_mb.
int runBench(const QStringList &args);

} // namespace ladder::cli
