#pragma once

#include <QStringList>

namespace ladder::cli {

// ladder chat LADDER [--script FILE|-] [--json] [--seed N] [--fault SPEC] [--audit DB]
// Exit 0 when every turn completed, 3 when some failed, 1 for an invalid ladder, 2 for bad usage.
int runChat(const QStringList &args);

} // namespace ladder::cli
