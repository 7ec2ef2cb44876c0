#pragma once

#include <QStringList>

namespace ladder::cli {

// ladder export LADDER --format json|litellm|portkey [--providers FILE] [--no-layout] [-o FILE]
int runExport(const QStringList &args);

} // namespace ladder::cli
