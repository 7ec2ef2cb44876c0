#pragma once

#include <QStringList>

namespace ladder::cli {

// ladder serve LADDER [--providers FILE] [--host H] [--port N] [--state URL] [--audit DB] ...
// Runs until SIGINT/SIGTERM; exit 0 after a graceful stop, 1 for an invalid ladder, 2 for bad
// usage or a port/state store that cannot be opened.
int runServe(const QStringList &args);

} // namespace ladder::cli
