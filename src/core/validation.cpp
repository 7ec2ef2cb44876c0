// Placeholder until the validator lands.
#include "validation.h"
namespace ladder {
QStringList ValidationContext::builtinProviders() { return {}; }
Diagnostics validate(const Ladder &, const ValidationContext &) { return {}; }
Diagnostics validateFile(const QString &, const ValidationContext &) { return {}; }
} // namespace ladder
