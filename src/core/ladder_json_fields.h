#pragma once

// Typed reads of one JSON value each, for the ladder/1 reader: a value of the wrong type becomes a
// Diagnostic with its JSON path, and the output is left untouched.

#include "diagnostics.h"
#include "ladder_json_names.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>

namespace ladder::json {

class FieldReader
{
public:
    explicit FieldReader(const QString &fileName)
        : m_fileName(fileName)
    {}

    Diagnostics diagnostics;

    void error(const QString &path, const QString &message)
    {
        diagnostics.append({Diagnostic::Severity::Error, m_fileName, path, message});
    }
    void warning(const QString &path, const QString &message)
    {
        diagnostics.append({Diagnostic::Severity::Warning, m_fileName, path, message});
    }

    void checkKeys(const QJsonObject &object, const QString &path,
                   std::initializer_list<const char *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char *key) {
                return it.key() == QLatin1String(key);
            });
            if (!known)
                warning(path, QStringLiteral("unknown key %1").arg(quoted(it.key())));
        }
    }

    // Each reader leaves `out` untouched when the key is absent or has the wrong type.
    bool present(const QJsonObject &object, const QString &path, const char *key, bool required)
    {
        if (object.contains(QLatin1String(key)))
            return true;
        if (required)
            error(path, QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
        return false;
    }

    bool readString(const QJsonObject &object, const QString &path, const char *key, QString *out,
                    bool required = false)
    {
        if (!present(object, path, key, required))
            return false;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected a string"));
            return false;
        }
        *out = value.toString();
        return true;
    }

    void readBool(const QJsonObject &object, const QString &path, const char *key, bool *out)
    {
        if (!present(object, path, key, false))
            return;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isBool()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected true or false"));
            return;
        }
        *out = value.toBool();
    }

    bool readNumber(const QJsonValue &value, const QString &path, double *out)
    {
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            error(path, QStringLiteral("expected a number"));
            return false;
        }
        *out = value.toDouble();
        return true;
    }

    bool readInt(const QJsonValue &value, const QString &path, int *out)
    {
        const double d = value.toDouble();
        if (!value.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(INT_MIN) ||
            d > double(INT_MAX)) {
            error(path, QStringLiteral("expected an integer"));
            return false;
        }
        *out = int(d);
        return true;
    }

    void readInt(const QJsonObject &object, const QString &path, const char *key, int *out,
                 bool required = false)
    {
        if (present(object, path, key, required))
            readInt(object.value(QLatin1String(key)), child(path, QLatin1String(key)), out);
    }

    bool readObject(const QJsonValue &value, const QString &path, QJsonObject *out)
    {
        if (!value.isObject()) {
            error(path, QStringLiteral("expected an object"));
            return false;
        }
        *out = value.toObject();
        return true;
    }

    bool readArray(const QJsonObject &object, const QString &path, const char *key, QJsonArray *out,
                   bool required = false)
    {
        if (!present(object, path, key, required))
            return false;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isArray()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected an array"));
            return false;
        }
        *out = value.toArray();
        return true;
    }

    void readStringList(const QJsonObject &object, const QString &path, const char *key,
                        QStringList *out, bool required = false)
    {
        QJsonArray array;
        if (!readArray(object, path, key, &array, required))
            return;
        const QString arrayPath = child(path, QLatin1String(key));
        out->clear();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                error(child(arrayPath, i), QStringLiteral("expected a string"));
                continue;
            }
            out->append(array.at(i).toString());
        }
    }

    // A list of names, each mapped to an enum value; unknown names are errors.
    template <typename T, typename Parse>
    void readNameList(const QJsonObject &object, const QString &path, const char *key,
                      QList<T> *out, bool required, const QString &what, const QStringList &allowed,
                      Parse parse)
    {
        QStringList names;
        readStringList(object, path, key, &names, required);
        if (!object.value(QLatin1String(key)).isArray())
            return;
        const QJsonArray array = object.value(QLatin1String(key)).toArray();
        const QString arrayPath = child(path, QLatin1String(key));
        out->clear();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                continue; // reported by readStringList
            const QString name = array.at(i).toString();
            const std::optional<T> value = allowed.contains(name) ? parse(name) : std::nullopt;
            if (!value) {
                error(child(arrayPath, i),
                      QStringLiteral("unknown %1 %2, expected one of %3")
                          .arg(what, quoted(name), allowed.join(QLatin1String(", "))));
                continue;
            }
            out->append(*value);
        }
    }

    template <typename Enum, std::size_t N>
    bool readEnum(const QJsonObject &object, const QString &path, const char *key,
                  const EnumName<Enum> (&table)[N], Enum *out)
    {
        QString name;
        if (!readString(object, path, key, &name))
            return false;
        const std::optional<Enum> value = enumFromName(table, name);
        if (!value) {
            error(child(path, QLatin1String(key)),
                  QStringLiteral("unknown value %1, expected one of %2")
                      .arg(quoted(name), enumNames(table).join(QLatin1String(", "))));
            return false;
        }
        *out = *value;
        return true;
    }

private:
    QString m_fileName;
};

} // namespace ladder::json
