#pragma once

// The JSON Schema subset a tier's `response_schema` and a golden set's json_schema scorer may use:
// type, required, properties, additionalProperties (false or a schema), items (one schema), enum,
// const, minimum, maximum, minLength, maxLength, pattern, minItems, maxItems (and the annotations
// title/description/$schema). Small on purpose: enough to check that an answer has the shape the
// conversation needs, without a full JSON Schema engine. The one validator of the project.

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace ladder {

struct SchemaProblem {
    QString path; // JSON pointer, inside the schema (checkSchema) or inside the answer (violation)
    QString message;
};

// Problems of the schema itself; `path` is where the schema sits in the document
// ("/tiers/0/response_schema"), so each problem names its exact place.
QList<SchemaProblem> checkSchema(const QJsonObject &schema, const QString &path);

// The first way `value` breaks `schema`, or nothing when it conforms. Paths are JSON pointers
// into the value ("" for the value itself, "/items/2/name").
std::optional<SchemaProblem> schemaViolation(const QJsonValue &value, const QJsonObject &schema);

} // namespace ladder
