#pragma once

// (De)serialisation of the `ladder/1` format. Parsing never throws and never crashes on bad input:
// every problem becomes a Diagnostic with the JSON path of the offending value.

#include "diagnostics.h"
#include "ladder.h"

#include <QByteArray>
#include <QJsonObject>

namespace ladder {

struct ParseResult {
    Ladder ladder;           // best effort even when there are errors
    Diagnostics diagnostics; // syntax and type errors (semantic checks live in validate())
    bool ok() const { return !hasErrors(diagnostics); }
};

ParseResult parseLadder(const QByteArray &json, const QString &fileName = {});
ParseResult parseLadderObject(const QJsonObject &root, const QString &fileName = {});
ParseResult loadLadderFile(const QString &path); // file name in diagnostics is the path as given
// One of the example ladders compiled into the binaries (see resources.h), by name.
ParseResult loadExampleLadder(const QString &name);

QJsonObject toJson(const Ladder &ladder);
// Canonical text: 4-space indent, fixed key order, trailing newline. Parsing then serialising a
// canonical file yields the same bytes.
QByteArray toCanonicalJson(const Ladder &ladder);
bool saveLadderFile(const Ladder &ladder, const QString &path, QString *error = nullptr);

} // namespace ladder
