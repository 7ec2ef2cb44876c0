#pragma once

#include "core/ladder.h"

#include <QStringList>

namespace ladder::cli {

int runValidate(const QStringList &args);
int runExamples(const QStringList &args);

// Loads a ladder from a file, or from the built-in examples when `nameOrPath` names one
// ("framing"), and validates it. Prints the diagnostics to stderr; false on errors.
bool loadLadderOrExample(const QString &nameOrPath, Ladder *out);

} // namespace ladder::cli
