#include "event_json.h"

#include "core/json_text.h"

#include <QJsonArray>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ladder {

namespace {

constexpr int kMaxDepth = 1024; // QJsonDocument's nesting limit
constexpr std::size_t kParserDepth = kMaxDepth + 64;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// UTF-8 (checked by simdjson) as UTF-16. QString::fromUtf8 drops a U+FEFF that opens its input;
// inside a JSON string it is text.
QString fromUtf8(std::string_view text)
{
    if (text.substr(0, 3) != kByteOrderMark)
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(text.data(), qsizetype(text.size())));
}

// Qt's rule for numbers: an integral double that fits is stored as an integer.
QJsonValue qtNumber(double d)
{
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d)
        return QJsonValue(qint64(d));
    return QJsonValue(d);
}

// An integer in JSON's syntax that fits 64 bits for sure.
bool isShortInteger(std::string_view token)
{
    if (!token.empty() && token.front() == '-')
        token.remove_prefix(1);
    return !token.empty() && (token.size() == 1 || token.front() != '0') &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An integer of more digits than 64 bits hold, in JSON's syntax (no leading zero).
bool isLongInteger(std::string_view token)
{
    if (!token.empty() && token.front() == '-')
        token.remove_prefix(1);
    return token.size() > 18 && token.front() != '0' &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when a number token that became 0 has a non-zero digit before its exponent: it underflowed,
// and Qt refuses those.
bool underflowed(std::string_view token)
{
    for (const char c : token) {
        if (c == 'e' || c == 'E')
            return false;
        if (c >= '1' && c <= '9')
            return true;
    }
    return false;
}

std::string_view trimmedToken(std::string_view token)
{
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                              token.back() == '\r'))
        token.remove_suffix(1);
    return token;
}

} // namespace

bool EventJson::parse(QByteArrayView json, ondemand::object *root)
{
    m_error = simdjson::SUCCESS;
    m_errorOffset = -1;
    m_errorText = nullptr;
    m_documentValid = false;
    m_skipped = json.startsWith(QByteArrayView(kByteOrderMark.data(), 3)) ? 3 : 0;
    json = json.sliced(m_skipped);
    m_size = std::size_t(json.size());
    if (m_padded.size() < m_size + simdjson::SIMDJSON_PADDING)
        m_padded.resize(m_size + simdjson::SIMDJSON_PADDING);
    if (m_size > 0)
        std::memcpy(m_padded.data(), json.data(), m_size);
    std::memset(m_padded.data() + m_size, 0, simdjson::SIMDJSON_PADDING);
    // simdjson's default depth (1,024, its root included) is one below Qt's: room for what
    // Qt accepts; deeper values are refused by jsonValue() before simdjson reaches its limit.
    if (m_parser.max_depth() < kParserDepth &&
        check(m_parser.allocate(std::max<std::size_t>(m_size, 4096), kParserDepth)))
        return false;
    if (check(m_parser.iterate(m_padded.data(), m_size, m_padded.size()).get(m_document)))
        return false;
    m_documentValid = true;
    const simdjson::error_code error = m_document.get_object().get(*root);
    if (error == simdjson::INCORRECT_TYPE) {
        m_error = error;
        m_errorText = "not an object";
        return false;
    }
    return !check(error);
}

bool EventJson::finish()
{
    if (failed())
        return false;
    const char *at = nullptr;
    if (m_document.current_location().get(at) == simdjson::SUCCESS) {
        m_error = simdjson::TRAILING_CONTENT;
        m_errorOffset = qint64(at - m_padded.data()) + m_skipped;
        return false;
    }
    return true;
}

QJsonObject EventJson::rootObject()
{
    if (failed() || !m_documentValid)
        return {};
    m_document.rewind();
    ondemand::object root;
    if (check(m_document.get_object().get(root)))
        return {};
    return objectValue(root, 1);
}

bool EventJson::check(simdjson::error_code error)
{
    if (error == simdjson::SUCCESS)
        return false;
    if (m_error == simdjson::SUCCESS) {
        m_error = error;
        const char *at = nullptr;
        if (m_documentValid && m_document.current_location().get(at) == simdjson::SUCCESS)
            m_errorOffset = qint64(at - m_padded.data()) + m_skipped;
    }
    return true;
}

QString EventJson::errorString() const
{
    QString what;
    if (m_errorText) {
        what = QLatin1StringView(m_errorText);
    } else {
        switch (m_error) {
        case simdjson::SUCCESS:
            return {};
        case simdjson::EMPTY:
            what = QStringLiteral("no JSON value");
            break;
        case simdjson::TAPE_ERROR:
            what = QStringLiteral("a comma, colon, name, brace or bracket is missing or extra");
            break;
        case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
            what = QStringLiteral("unterminated object or array");
            break;
        case simdjson::UNCLOSED_STRING:
            what = QStringLiteral("unterminated string");
            break;
        case simdjson::STRING_ERROR:
            what = QStringLiteral("bad escape in a string");
            break;
        case simdjson::UNESCAPED_CHARS:
            what = QStringLiteral("unescaped control character in a string");
            break;
        case simdjson::UTF8_ERROR:
            what = QStringLiteral("invalid UTF-8");
            break;
        case simdjson::NUMBER_ERROR:
        case simdjson::NUMBER_OUT_OF_RANGE:
            what = QStringLiteral("invalid number");
            break;
        case simdjson::INCORRECT_TYPE:
        case simdjson::T_ATOM_ERROR:
        case simdjson::F_ATOM_ERROR:
        case simdjson::N_ATOM_ERROR:
            what = QStringLiteral("invalid value");
            break;
        case simdjson::DEPTH_ERROR:
            what = QStringLiteral("nested too deeply");
            break;
        case simdjson::TRAILING_CONTENT:
            what = QStringLiteral("text after the object");
            break;
        default:
            what = QString::fromUtf8(simdjson::error_message(m_error));
            break;
        }
    }
    if (m_errorOffset >= 0)
        what += QStringLiteral(" at offset %1").arg(m_errorOffset);
    return what;
}

QJsonValue::Type EventJson::type(ondemand::value value)
{
    if (failed())
        return QJsonValue::Undefined;
    ondemand::json_type type;
    if (check(value.type().get(type)))
        return QJsonValue::Undefined;
    switch (type) {
    case ondemand::json_type::array:
        return QJsonValue::Array;
    case ondemand::json_type::object:
        return QJsonValue::Object;
    case ondemand::json_type::number:
        return QJsonValue::Double;
    case ondemand::json_type::string:
        return QJsonValue::String;
    case ondemand::json_type::boolean:
        return QJsonValue::Bool;
    case ondemand::json_type::null:
        return QJsonValue::Null;
    }
    return QJsonValue::Undefined;
}

QString EventJson::toString(ondemand::value value, const QString &fallback)
{
    if (type(value) != QJsonValue::String)
        return fallback;
    // The token starts at the opening quote; it stays readable after the value is consumed.
    const char *raw = value.raw_json_token().data() + 1;
    std::string_view text;
    const simdjson::error_code error = value.get_string().get(text);
    if (error == simdjson::STRING_ERROR)
        return lenientString(raw); // a lone surrogate escape, which simdjson refuses
    if (check(error))
        return fallback;
    return fromUtf8(text);
}

// Decodes a string simdjson refused, escape by escape, with Qt's rule: each \uXXXX is one UTF-16
// unit, so a lone surrogate stays what it is. Other bad escapes are errors.
QString EventJson::lenientString(const char *p)
{
    QString out;
    for (;;) {
        const char *run = p;
        while (*p != '"' && *p != '\\')
            ++p; // simdjson checked that the string is terminated
        out += fromUtf8(std::string_view(run, std::size_t(p - run)));
        if (*p == '"')
            return out;
        const char c = p[1];
        p += 2;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += QLatin1Char(c);
            break;
        case 'b':
            out += QChar(0x08);
            break;
        case 'f':
            out += QChar(0x0C);
            break;
        case 'n':
            out += QChar(0x0A);
            break;
        case 'r':
            out += QChar(0x0D);
            break;
        case 't':
            out += QChar(0x09);
            break;
        case 'u': {
            int code = 0;
            for (int i = 0; i < 4; ++i) {
                const int digit = jsonHexDigit(p[i]);
                if (digit < 0) {
                    check(simdjson::STRING_ERROR);
                    return {};
                }
                code = code * 16 + digit;
            }
            out += QChar(char16_t(code));
            p += 4;
            break;
        }
        default:
            check(simdjson::STRING_ERROR);
            return {};
        }
    }
}

QJsonValue EventJson::numberValue(ondemand::value value)
{
    const std::string_view token = trimmedToken(value.raw_json_token());
    ondemand::number number;
    const simdjson::error_code error = value.get_number().get(number);
    if (error == simdjson::SUCCESS) {
        switch (number.get_number_type()) {
        case ondemand::number_type::signed_integer:
            return QJsonValue(qint64(number.get_int64()));
        case ondemand::number_type::unsigned_integer: // above qint64: Qt makes it a double
            return QJsonValue(double(number.get_uint64()));
        case ondemand::number_type::floating_point_number: {
            const double d = number.get_double();
            if (d == 0 && underflowed(token)) {
                m_errorText = "number out of range";
                check(simdjson::NUMBER_OUT_OF_RANGE);
                return QJsonValue(QJsonValue::Undefined);
            }
            return qtNumber(d);
        }
        }
    }
    if (isLongInteger(token)) { // beyond 64 bits: a double, as Qt reads it
        bool ok = false;
        const double d = QByteArray(token.data(), qsizetype(token.size())).toDouble(&ok);
        if (ok)
            return qtNumber(d); // -9223372036854775809 rounds to qint64's minimum
    }
    check(error == simdjson::SUCCESS ? simdjson::NUMBER_ERROR : error);
    return QJsonValue(QJsonValue::Undefined);
}

// Token counts and indexes: a plain integer token is read without a Qt value. False when the
// token is something else (then numberValue() decides).
bool EventJson::shortInteger(ondemand::value value, std::optional<qint64> *out)
{
    const std::string_view token = trimmedToken(value.raw_json_token());
    if (token.size() > 18 || !isShortInteger(token))
        return false;
    std::int64_t integer = 0;
    if (!check(value.get_int64().get(integer)))
        *out = integer;
    return true;
}

qint64 EventJson::toInteger(ondemand::value value, qint64 fallback)
{
    if (type(value) != QJsonValue::Double)
        return fallback;
    std::optional<qint64> integer;
    if (shortInteger(value, &integer))
        return integer.value_or(fallback);
    return numberValue(value).toInteger(fallback);
}

int EventJson::toInt(ondemand::value value, int fallback)
{
    if (type(value) != QJsonValue::Double)
        return fallback;
    std::optional<qint64> integer;
    if (shortInteger(value, &integer))
        return integer && *integer >= std::numeric_limits<int>::min() &&
                       *integer <= std::numeric_limits<int>::max()
                   ? int(*integer)
                   : fallback;
    return numberValue(value).toInt(fallback);
}

bool EventJson::toBool(ondemand::value value, bool fallback)
{
    if (type(value) != QJsonValue::Bool)
        return fallback;
    bool b = false;
    return check(value.get_bool().get(b)) ? fallback : b;
}

QJsonValue EventJson::toJsonValue(ondemand::value value)
{
    return jsonValue(value, 0);
}

QJsonObject EventJson::objectValue(ondemand::object object, int depth)
{
    QJsonObject out;
    if (depth > kMaxDepth) {
        m_errorText = "nested too deeply";
        check(simdjson::DEPTH_ERROR);
        return out;
    }
    for (auto member : object) {
        ondemand::field field;
        if (check(std::move(member).get(field)))
            return {};
        std::string_view name;
        QString key;
        const char *raw = field.key().raw(); // unescaped_key() consumes the key
        const simdjson::error_code error = field.unescaped_key().get(name);
        if (error == simdjson::STRING_ERROR)
            key = lenientString(raw);
        else if (!check(error))
            key = fromUtf8(name);
        const QJsonValue v = jsonValue(field.value(), depth);
        if (failed())
            return {};
        out.insert(key, v); // a repeated name: the last one wins, as in Qt
    }
    return out;
}

QJsonValue EventJson::jsonValue(ondemand::value value, int depth)
{
    switch (type(value)) {
    case QJsonValue::Undefined:
        break;
    case QJsonValue::Null: {
        bool null = false;
        if (check(value.is_null().get(null)))
            break;
        if (!null) { // "nul", "nulx"
            check(simdjson::N_ATOM_ERROR);
            break;
        }
        return QJsonValue(QJsonValue::Null);
    }
    case QJsonValue::Bool: {
        bool b = false;
        if (check(value.get_bool().get(b)))
            break;
        return b;
    }
    case QJsonValue::Double:
        return numberValue(value);
    case QJsonValue::String: {
        QString s = toString(value);
        if (failed())
            break;
        return s;
    }
    case QJsonValue::Array: {
        if (depth + 1 > kMaxDepth) {
            m_errorText = "nested too deeply";
            check(simdjson::DEPTH_ERROR);
            break;
        }
        QJsonArray array;
        forEachElement(value, [&](ondemand::value element) {
            const QJsonValue v = jsonValue(element, depth + 1);
            if (!failed())
                array.append(v);
        });
        if (failed())
            break;
        return array;
    }
    case QJsonValue::Object: {
        ondemand::object object;
        if (check(value.get_object().get(object)))
            break;
        QJsonObject o = objectValue(object, depth + 1);
        if (failed())
            break;
        return o;
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace ladder
