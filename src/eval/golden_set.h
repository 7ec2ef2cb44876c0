#pragma once

// Writing golden sets in the generic JSONL format (docs/eval-format.md), the one writer beside
// the one reader (importers.h, readGenericCase): the studio's set editor saves with it, Chat's
// "Save this turn as a golden case" and Compare's blind picks append with it.

#include "dataset.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ladder::eval {

// One case as its line's object: only the fields that carry something.
QJsonObject caseToJson(const EvalCase &c);
// The whole set, one compact object per line (line N is case N-1).
QByteArray toJsonl(const QList<EvalCase> &cases);

// What the reader would say about `c` ("/expect/value: the contains scorer needs a value"), or
// an empty string when it reads back.
QString caseProblem(const EvalCase &c);

// The JSON Schema of an expectation from the text a user typed; empty text is no schema. False
// with "/expect/schema: invalid JSON at character 12: ..." or "... expected a JSON object".
bool parseSchemaText(const QString &text, QJsonObject *schema, QString *error);

// Writes the set atomically (a failed write leaves the old file). Refuses a case with a problem:
// the error names the file, the line it would have and the field ("set.jsonl:3: /turns: ...").
bool writeGoldenSet(const QString &path, const QList<EvalCase> &cases, QString *error);

// Appends one case to the set at `path` (created with its folder when missing). An existing file
// must read cleanly first (nothing is appended to a broken file); an id already in the set gets a
// suffix ("-2", "-3", ...), or with `replace` takes that case's place (a changed pick). Returns
// the id written, or an empty string with `error` set.
QString appendGoldenCase(const QString &path, EvalCase c, QString *error, bool replace = false);

} // namespace ladder::eval
