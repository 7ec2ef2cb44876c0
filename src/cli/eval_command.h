#pragma once

#include <QStringList>

namespace ladder::cli {

// ladder eval LADDER --dataset PATH [--map TIER=ANSWERER]... [--baseline always:TIER]...
//   [--sweep ID.FIELD=FROM:TO:STEP] [--concurrency N] [--json] ...
// Exit codes: 0 done, 1 invalid ladder or data set, 2 bad usage, 130 interrupted (what finished
// is printed).
int runEval(const QStringList &args);

} // namespace ladder::cli
