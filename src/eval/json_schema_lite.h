#pragma once

// A small JSON Schema validator for the json_schema scorer: the subset golden sets need.
// Supported keywords: type (string or array of: object, array, string, number, integer, boolean,
// null), properties, required, additionalProperties (false or a schema), items (one schema),
// minItems, maxItems, enum, const, minimum, maximum, minLength, maxLength, pattern.
// Everything else ($ref, oneOf, anyOf, allOf, formats, ...) is ignored, and the first problem
// is reported with its JSON path ("/items/2/price: expected a number").

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ladder::eval {

// True when `value` satisfies `schema`; otherwise *problem says where and why.
bool validateJsonSchema(const QJsonValue &value, const QJsonObject &schema, QString *problem);

} // namespace ladder::eval
