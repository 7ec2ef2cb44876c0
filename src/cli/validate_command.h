#pragma once

#include "core/ladder.h"
#include "core/validation.h"
#include "providers/provider_config.h"

#include <QStringList>

namespace ladder::cli {

int runValidate(const QStringList &args);
int runExamples(const QStringList &args);

// Loads a ladder from a file, or from the built-in examples when `nameOrPath` names one
// ("framing"), and validates it against `context` (the providers and prices of a run). Prints
// the diagnostics to stderr; false on errors.
bool loadLadderOrExample(const QString &nameOrPath, Ladder *out,
                         const ValidationContext &context = {});

// What a command's --providers FILE gives a run: the file, its prices on top of the built-in
// table, and what a ladder is validated against (the built-in providers plus the file's ids).
struct RunProviders {
    ProviderConfig config;
    PricingTable pricing = PricingTable::builtin();
    bool given = false; // a file was named; otherwise the simulated provider answers
    ValidationContext validationContext() const
    {
        return given ? config.validationContext(&pricing) : ValidationContext{};
    }
};
// Reads --providers FILE (when `path` is not empty); prints its diagnostics to stderr, prefixed
// with `command`. False when the file has errors.
bool loadRunProviders(const QString &path, RunProviders *out);

} // namespace ladder::cli
