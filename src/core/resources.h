#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ladder {

// The example ladders shipped with the binaries (resources/ladders), by file name without ".json":
// framing, step-down, escalation-tool, listener-worker-reasoner, task-registry.
QStringList exampleLadderNames();
QString exampleLadderResourcePath(const QString &name); // ":/ladder/ladders/<name>.json"
QByteArray readResource(const QString &resourcePath);   // empty when missing

} // namespace ladder
