#include "response_schema.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace ladder {

namespace {

const QStringList &typeNames()
{
    static const QStringList names = {QStringLiteral("object"),  QStringLiteral("array"),
                                      QStringLiteral("string"),  QStringLiteral("number"),
                                      QStringLiteral("integer"), QStringLiteral("boolean"),
                                      QStringLiteral("null")};
    return names;
}

QString pointer(const QString &path, const QString &token)
{
    QString t = token;
    t.replace(QLatin1Char('~'), QLatin1String("~0"));
    t.replace(QLatin1Char('/'), QLatin1String("~1"));
    return path + QLatin1Char('/') + t;
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("integer"))
        return v.isDouble() && v.toDouble() == std::floor(v.toDouble());
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("null"))
        return v.isNull();
    return false;
}

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    default:
        return QStringLiteral("null");
    }
}

void check(const QJsonObject &schema, const QString &path, QList<SchemaProblem> *out);

void checkKeywords(const QJsonObject &schema, const QString &path, QList<SchemaProblem> *out)
{
    static const QStringList known = {
        QStringLiteral("type"),       QStringLiteral("required"),
        QStringLiteral("properties"), QStringLiteral("additionalProperties"),
        QStringLiteral("items"),      QStringLiteral("enum"),
        QStringLiteral("const"),      QStringLiteral("minimum"),
        QStringLiteral("maximum"),    QStringLiteral("minLength"),
        QStringLiteral("maxLength"),  QStringLiteral("pattern"),
        QStringLiteral("minItems"),   QStringLiteral("maxItems"),
        QStringLiteral("title"),      QStringLiteral("description"),
        QStringLiteral("$schema")};
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!known.contains(it.key()))
            out->append({pointer(path, it.key()),
                         QStringLiteral("unsupported keyword \"%1\", expected one of %2")
                             .arg(it.key(), known.join(QLatin1String(", ")))});
    }
}

// "type": one type name or a non-empty list of them.
void checkType(const QJsonValue &t, const QString &path, QList<SchemaProblem> *out)
{
    QJsonArray types = t.isArray() ? t.toArray() : QJsonArray{t};
    if (types.isEmpty())
        out->append({pointer(path, QStringLiteral("type")), QStringLiteral("empty type list")});
    for (qsizetype i = 0; i < types.size(); ++i) {
        const QString where =
            t.isArray() ? pointer(pointer(path, QStringLiteral("type")), QString::number(i))
                        : pointer(path, QStringLiteral("type"));
        if (!types.at(i).isString() || !typeNames().contains(types.at(i).toString()))
            out->append({where, QStringLiteral("unknown type, expected one of %1")
                                    .arg(typeNames().join(QLatin1String(", ")))});
    }
}

// "required", "properties", "items" and "additionalProperties": the object and array shape,
// the nested schemas checked in turn.
void checkShape(const QJsonObject &schema, const QString &path, QList<SchemaProblem> *out)
{
    if (schema.contains(QLatin1String("required"))) {
        const QString where = pointer(path, QStringLiteral("required"));
        const QJsonValue r = schema.value(QLatin1String("required"));
        if (!r.isArray())
            out->append({where, QStringLiteral("expected an array of property names")});
        const QJsonArray names = r.toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!names.at(i).isString())
                out->append({pointer(where, QString::number(i)),
                             QStringLiteral("expected a property name")});
        }
    }
    if (schema.contains(QLatin1String("properties"))) {
        const QString where = pointer(path, QStringLiteral("properties"));
        const QJsonValue p = schema.value(QLatin1String("properties"));
        if (!p.isObject())
            out->append({where, QStringLiteral("expected an object of schemas")});
        const QJsonObject props = p.toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            if (!it.value().isObject())
                out->append({pointer(where, it.key()), QStringLiteral("expected a schema object")});
            else
                check(it.value().toObject(), pointer(where, it.key()), out);
        }
    }
    if (schema.contains(QLatin1String("items"))) {
        const QString where = pointer(path, QStringLiteral("items"));
        const QJsonValue items = schema.value(QLatin1String("items"));
        if (!items.isObject())
            out->append({where, QStringLiteral("expected a schema object")});
        else
            check(items.toObject(), where, out);
    }
}

// "enum", the numeric and length bounds and "pattern".
void checkValueKeywords(const QJsonObject &schema, const QString &path, QList<SchemaProblem> *out)
{
    if (schema.contains(QLatin1String("enum"))) {
        const QJsonValue e = schema.value(QLatin1String("enum"));
        if (!e.isArray() || e.toArray().isEmpty())
            out->append({pointer(path, QStringLiteral("enum")),
                         QStringLiteral("expected a non-empty array of allowed values")});
    }
    for (const char *key : {"minimum", "maximum"}) {
        if (schema.contains(QLatin1String(key)) && !schema.value(QLatin1String(key)).isDouble())
            out->append({pointer(path, QLatin1String(key)), QStringLiteral("expected a number")});
    }
    for (const char *key : {"minLength", "maxLength", "minItems", "maxItems"}) {
        if (!schema.contains(QLatin1String(key)))
            continue;
        const QJsonValue n = schema.value(QLatin1String(key));
        if (!n.isDouble() || n.toDouble() < 0 || n.toDouble() != std::floor(n.toDouble()))
            out->append(
                {pointer(path, QLatin1String(key)), QStringLiteral("expected an integer >= 0")});
    }
    if (schema.contains(QLatin1String("pattern"))) {
        const QJsonValue p = schema.value(QLatin1String("pattern"));
        if (!p.isString() || !QRegularExpression(p.toString()).isValid())
            out->append({pointer(path, QStringLiteral("pattern")),
                         QStringLiteral("expected a valid regular expression")});
    }
}

// The problems of a schema, in the order of its keywords' checks.
void check(const QJsonObject &schema, const QString &path, QList<SchemaProblem> *out)
{
    checkKeywords(schema, path, out);
    if (schema.contains(QLatin1String("type")))
        checkType(schema.value(QLatin1String("type")), path, out);
    checkShape(schema, path, out);
    checkValueKeywords(schema, path, out);
    if (schema.contains(QLatin1String("additionalProperties"))) {
        const QString where = pointer(path, QStringLiteral("additionalProperties"));
        const QJsonValue a = schema.value(QLatin1String("additionalProperties"));
        if (a.isObject())
            check(a.toObject(), where, out);
        else if (!a.isBool())
            out->append({where, QStringLiteral("expected true, false or a schema object")});
    }
}

// const, the numeric and length bounds and pattern: the keywords that look at one value.
std::optional<SchemaProblem> scalarViolation(const QJsonValue &value, const QJsonObject &schema,
                                             const QString &path)
{
    auto bound = [&schema](const char *key) {
        return schema.value(QLatin1String(key));
    };
    if (schema.contains(QLatin1String("const")) && value != bound("const"))
        return SchemaProblem{path, QStringLiteral("not the schema's const value")};
    if (value.isDouble()) {
        const double x = value.toDouble();
        if (bound("minimum").isDouble() && x < bound("minimum").toDouble())
            return SchemaProblem{
                path, QStringLiteral("below the minimum %1").arg(bound("minimum").toDouble())};
        if (bound("maximum").isDouble() && x > bound("maximum").toDouble())
            return SchemaProblem{
                path, QStringLiteral("above the maximum %1").arg(bound("maximum").toDouble())};
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (bound("minLength").isDouble() && text.size() < bound("minLength").toInteger())
            return SchemaProblem{
                path,
                QStringLiteral("shorter than minLength %1").arg(bound("minLength").toInteger())};
        if (bound("maxLength").isDouble() && text.size() > bound("maxLength").toInteger())
            return SchemaProblem{
                path,
                QStringLiteral("longer than maxLength %1").arg(bound("maxLength").toInteger())};
        if (bound("pattern").isString()) {
            const QRegularExpression re(bound("pattern").toString());
            if (re.isValid() && !re.match(text).hasMatch())
                return SchemaProblem{path, QStringLiteral("does not match the pattern")};
        }
    }
    if (value.isArray()) {
        const qsizetype n = value.toArray().size();
        if (bound("minItems").isDouble() && n < bound("minItems").toInteger())
            return SchemaProblem{
                path,
                QStringLiteral("fewer items than minItems %1").arg(bound("minItems").toInteger())};
        if (bound("maxItems").isDouble() && n > bound("maxItems").toInteger())
            return SchemaProblem{
                path,
                QStringLiteral("more items than maxItems %1").arg(bound("maxItems").toInteger())};
    }
    return std::nullopt;
}

std::optional<SchemaProblem> violation(const QJsonValue &value, const QJsonObject &schema,
                                       const QString &path)
{
    if (schema.contains(QLatin1String("type"))) {
        const QJsonValue t = schema.value(QLatin1String("type"));
        const QJsonArray types = t.isArray() ? t.toArray() : QJsonArray{t};
        bool ok = false;
        QStringList names;
        for (const QJsonValue &type : types) {
            names.append(type.toString());
            ok = ok || hasType(value, type.toString());
        }
        if (!ok)
            return SchemaProblem{path, QStringLiteral("expected %1, got %2")
                                           .arg(names.join(QLatin1String(" or ")), typeOf(value))};
    }
    if (schema.contains(QLatin1String("enum"))) {
        const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
        if (!allowed.contains(value))
            return SchemaProblem{path, QStringLiteral("value not in the schema's enum")};
    }
    if (auto p = scalarViolation(value, schema, path))
        return p;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                return SchemaProblem{
                    path, QStringLiteral("missing required property \"%1\"").arg(name.toString())};
        }
        const QJsonObject props = schema.value(QLatin1String("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            if (!object.contains(it.key()))
                continue;
            if (auto p = violation(object.value(it.key()), it.value().toObject(),
                                   pointer(path, it.key())))
                return p;
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (props.contains(it.key()))
                continue;
            if (additional.isBool() && !additional.toBool())
                return SchemaProblem{pointer(path, it.key()),
                                     QStringLiteral("property not allowed "
                                                    "(additionalProperties is false)")};
            if (additional.isObject()) {
                if (auto p = violation(it.value(), additional.toObject(), pointer(path, it.key())))
                    return p;
            }
        }
    }
    if (value.isArray() && schema.value(QLatin1String("items")).isObject()) {
        const QJsonArray array = value.toArray();
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto p = violation(array.at(i), items, pointer(path, QString::number(i))))
                return p;
        }
    }
    return std::nullopt;
}

} // namespace

QList<SchemaProblem> checkSchema(const QJsonObject &schema, const QString &path)
{
    QList<SchemaProblem> problems;
    check(schema, path, &problems);
    return problems;
}

std::optional<SchemaProblem> schemaViolation(const QJsonValue &value, const QJsonObject &schema)
{
    return violation(value, schema, QString());
}

} // namespace ladder
