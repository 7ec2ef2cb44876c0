#pragma once

// `ladder providers check --providers FILE`: one tiny request per configured model, one line per
// model with its status, time to first token and list price.

#include <QStringList>

class QTextStream;

namespace ladder::cli {

// args as main passes them: "ladder", then the action ("check") and its options.
int runProvidersCommand(const QStringList &args);
// Same, writing to the given streams (tests).
int runProvidersCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace ladder::cli
