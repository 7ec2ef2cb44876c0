#include "json_schema_lite.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace ladder::eval {

namespace {

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
        return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("null"))
        return v.isNull();
    return true; // unknown type names are not checked
}

bool problemAt(QString *problem, const QString &path, const QString &message)
{
    if (problem)
        *problem = (path.isEmpty() ? QStringLiteral("/") : path) + QStringLiteral(": ") + message;
    return false;
}

bool check(const QJsonValue &v, const QJsonObject &s, const QString &path, QString *problem)
{
    const QJsonValue type = s.value(QStringLiteral("type"));
    if (type.isString() && !hasType(v, type.toString()))
        return problemAt(problem, path, QStringLiteral("expected %1").arg(type.toString()));
    if (type.isArray()) {
        bool any = false;
        QStringList names;
        for (const QJsonValue &t : type.toArray()) {
            names.append(t.toString());
            any = any || hasType(v, t.toString());
        }
        if (!any)
            return problemAt(problem, path,
                             QStringLiteral("expected %1").arg(names.join(QStringLiteral(" or "))));
    }
    if (s.contains(QStringLiteral("const")) && v != s.value(QStringLiteral("const")))
        return problemAt(problem, path, QStringLiteral("not the expected constant"));
    if (s.contains(QStringLiteral("enum")) &&
        !s.value(QStringLiteral("enum")).toArray().contains(v))
        return problemAt(problem, path, QStringLiteral("not one of the allowed values"));
    if (v.isDouble()) {
        const double x = v.toDouble();
        if (s.contains(QStringLiteral("minimum")) &&
            x < s.value(QStringLiteral("minimum")).toDouble())
            return problemAt(problem, path, QStringLiteral("below the minimum"));
        if (s.contains(QStringLiteral("maximum")) &&
            x > s.value(QStringLiteral("maximum")).toDouble())
            return problemAt(problem, path, QStringLiteral("above the maximum"));
    }
    if (v.isString()) {
        const QString str = v.toString();
        if (s.contains(QStringLiteral("minLength")) &&
            str.size() < s.value(QStringLiteral("minLength")).toInt())
            return problemAt(problem, path, QStringLiteral("shorter than minLength"));
        if (s.contains(QStringLiteral("maxLength")) &&
            str.size() > s.value(QStringLiteral("maxLength")).toInt())
            return problemAt(problem, path, QStringLiteral("longer than maxLength"));
        if (s.contains(QStringLiteral("pattern"))) {
            const QRegularExpression re(s.value(QStringLiteral("pattern")).toString());
            if (re.isValid() && !re.match(str).hasMatch())
                return problemAt(problem, path, QStringLiteral("does not match the pattern"));
        }
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (s.contains(QStringLiteral("minItems")) &&
            a.size() < s.value(QStringLiteral("minItems")).toInt())
            return problemAt(problem, path, QStringLiteral("fewer items than minItems"));
        if (s.contains(QStringLiteral("maxItems")) &&
            a.size() > s.value(QStringLiteral("maxItems")).toInt())
            return problemAt(problem, path, QStringLiteral("more items than maxItems"));
        const QJsonObject items = s.value(QStringLiteral("items")).toObject();
        if (!items.isEmpty())
            for (int i = 0; i < a.size(); ++i)
                if (!check(a.at(i), items, path + QLatin1Char('/') + QString::number(i), problem))
                    return false;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const QJsonValue &r : s.value(QStringLiteral("required")).toArray())
            if (!o.contains(r.toString()))
                return problemAt(problem, path + QLatin1Char('/') + r.toString(),
                                 QStringLiteral("required but missing"));
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        const QJsonValue additional = s.value(QStringLiteral("additionalProperties"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString at = path + QLatin1Char('/') + it.key();
            if (props.contains(it.key())) {
                if (!check(it.value(), props.value(it.key()).toObject(), at, problem))
                    return false;
            } else if (additional.isBool() && !additional.toBool()) {
                return problemAt(problem, at, QStringLiteral("not an allowed property"));
            } else if (additional.isObject()) {
                if (!check(it.value(), additional.toObject(), at, problem))
                    return false;
            }
        }
    }
    return true;
}

} // namespace

bool validateJsonSchema(const QJsonValue &value, const QJsonObject &schema, QString *problem)
{
    return check(value, schema, QString(), problem);
}

} // namespace ladder::eval
