#pragma once

#include "core/ladder.h"

#include <QStringList>

namespace ladder::cli {

int runValidate(const QStringList &args);
int runExamples(const QStringList &args);

// Loads a ladder from a file, or from the built-in examples when `nameOrPath` names one
// ("framing"), and validates it. Prints the diagnostics to stderr; false on errors.
// `extraProviders`: provider ids of a providers file, known besides the built-in ones.
bool loadLadderOrExample(const QString &nameOrPath, Ladder *out,
                         const QStringList &extraProviders = {});

} // namespace ladder::cli
