#include "json_view.h"

#include "core/json_text.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

namespace ladder {

namespace {

using Type = JsonRef::Type;

constexpr int kMaxDepth = 1024; // QJsonDocument's nesting limit

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Length of the well-formed UTF-8 sequence at p (Unicode table 3-7), 0 when ill-formed.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char b = p[0];
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        if (b == 0xE0)
            low = 0xA0;
        else if (b == 0xED)
            high = 0x9F; // no UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        if (b == 0xF0)
            low = 0x90;
        else if (b == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (end - p < length || p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < length; ++i)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return length;
}

bool isAscii(QLatin1StringView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

constexpr auto kStopsPlainAscii = [] {
    std::array<bool, 256> stops{};
    for (int c = 0x80; c < 256; ++c)
        stops[c] = true;
    stops['"'] = stops['\\'] = true;
    return stops;
}();

// The first byte at or after p that is a quote, a backslash or not ASCII. Strings are most of
// an event's bytes, so they are scanned eight bytes per step (SWAR).
const char *skipPlainAscii(const char *p, const char *end)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto hasZeroByte = [](std::uint64_t v) {
        return (v - ones) & ~v & highs;
    };
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if ((hasZeroByte(word ^ (ones * '"')) | hasZeroByte(word ^ (ones * '\\')) |
             (word & highs)) != 0)
            break;
        p += 8;
    }
    while (p < end && !kStopsPlainAscii[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// Appends well-formed UTF-8 (checked by the parser) as UTF-16. Not QString::fromUtf8: that drops
// a U+FEFF at the start of its input, which inside a JSON string is text.
void appendUtf8(QString *out, const char *p, const char *end)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    const auto *uend = reinterpret_cast<const unsigned char *>(end);
    while (u < uend) {
        char32_t c = *u;
        int extra = 0;
        if (c >= 0xF0) {
            c &= 0x07;
            extra = 3;
        } else if (c >= 0xE0) {
            c &= 0x0F;
            extra = 2;
        } else if (c >= 0xC0) {
            c &= 0x1F;
            extra = 1;
        }
        for (int i = 1; i <= extra; ++i)
            c = (c << 6) | (u[i] & 0x3F);
        u += extra + 1;
        if (c >= 0x10000) {
            out->append(QChar(QChar::highSurrogate(c)));
            out->append(QChar(QChar::lowSurrogate(c)));
        } else {
            out->append(QChar(char16_t(c)));
        }
    }
}

// Qt's rule for numbers: an integer that fits stays an integer, so does an integral double.
bool doubleAsInteger(double d, qint64 *out)
{
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || std::trunc(d) != d)
        return false;
    *out = qint64(d);
    return true;
}

// A number token's value: an integer when it is one (or an integral double, as Qt stores it).
struct Number {
    bool ok = false;
    bool integral = false;
    qint64 integer = 0;
    double real = 0;
};

Number numberOf(QByteArrayView text)
{
    Number n;
    const bool plain = !text.contains('.') && !text.contains('e') && !text.contains('E');
    if (plain && text.size() <= 18) { // every token count: no library call, no overflow
        const bool negative = text.front() == '-';
        for (qsizetype i = negative ? 1 : 0; i < text.size(); ++i)
            n.integer = n.integer * 10 + (text[i] - '0');
        if (negative)
            n.integer = -n.integer;
        n.ok = n.integral = true;
        return n;
    }
    const QByteArray number = QByteArray::fromRawData(text.data(), text.size());
    if (plain) {
        n.integer = number.toLongLong(&n.ok);
        if (n.ok) {
            n.integral = true;
            return n;
        }
    }
    n.real = number.toDouble(&n.ok);
    n.integral = n.ok && doubleAsInteger(n.real, &n.integer);
    return n;
}

} // namespace

class JsonParser
{
public:
    JsonParser(const QByteArray &json, std::vector<JsonTree::Node> *nodes)
        : m_begin(json.constData())
        , m_p(json.constData())
        , m_end(json.constData() + json.size())
        , m_nodes(nodes)
    {}

    bool parseDocument()
    {
        if (m_end - m_p > 3 && QByteArrayView(m_p, 3) == "\xEF\xBB\xBF")
            m_p += 3;
        skipSpace();
        if (m_p == m_end || (*m_p != '{' && *m_p != '['))
            return fail("expected an object or an array");
        if (!parseValue(0))
            return false;
        skipSpace();
        return m_p == m_end || fail("garbage after the value");
    }

    QString error() const { return m_error; }

private:
    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    bool fail(const char *what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at offset %2")
                          .arg(QLatin1StringView(what))
                          .arg(qint64(m_p - m_begin));
        return false;
    }

    std::uint32_t addNode(Type type, const char *begin)
    {
        m_nodes->push_back({type, false, std::uint32_t(begin - m_begin), 0, 0, 0});
        return std::uint32_t(m_nodes->size() - 1);
    }

    void close(std::uint32_t node, const char *end)
    {
        JsonTree::Node &n = (*m_nodes)[node];
        n.size = std::uint32_t(end - m_begin) - n.begin;
        n.next = std::uint32_t(m_nodes->size());
    }

    bool parseValue(int depth)
    {
        if (m_p == m_end)
            return fail("expected a value");
        switch (*m_p) {
        case '{':
            return parseContainer(depth + 1, Type::Object);
        case '[':
            return parseContainer(depth + 1, Type::Array);
        case '"':
            return parseString();
        case 't':
            return parseLiteral("true", Type::Bool);
        case 'f':
            return parseLiteral("false", Type::Bool);
        case 'n':
            return parseLiteral("null", Type::Null);
        default:
            return parseNumber();
        }
    }

    // object = "{" [ member *( "," member ) ] "}", array = "[" [ value *( "," value ) ] "]"
    bool parseContainer(int depth, Type type)
    {
        if (depth > kMaxDepth)
            return fail("nested too deeply");
        const bool object = type == Type::Object;
        const char closing = object ? '}' : ']';
        const std::uint32_t node = addNode(type, m_p);
        ++m_p;
        skipSpace();
        std::uint32_t count = 0;
        if (m_p < m_end && *m_p == closing) {
            ++m_p;
        } else {
            for (;;) {
                if (object && !parseMemberName())
                    return false;
                if (!parseValue(depth))
                    return false;
                ++count;
                skipSpace();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (m_p < m_end && *m_p == closing) {
                    ++m_p;
                    break;
                }
                return fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
        (*m_nodes)[node].count = count;
        close(node, m_p);
        return true;
    }

    // A member's name and the colon after it.
    bool parseMemberName()
    {
        if (m_p == m_end || *m_p != '"')
            return fail("expected a member name");
        if (!parseString())
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != ':')
            return fail("expected ':'");
        ++m_p;
        skipSpace();
        return true;
    }

    bool parseString()
    {
        ++m_p; // the opening quote
        const std::uint32_t node = addNode(Type::String, m_p);
        bool escaped = false;
        for (;;) {
            m_p = skipPlainAscii(m_p, m_end);
            if (m_p == m_end)
                return fail("unterminated string");
            const char c = *m_p;
            if (c == '"')
                break;
            if (c == '\\') {
                escaped = true;
                if (m_end - m_p < 2)
                    return fail("unterminated string");
                switch (m_p[1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    m_p += 2;
                    break;
                case 'u':
                    if (m_end - m_p < 6 || jsonHexDigit(m_p[2]) < 0 || jsonHexDigit(m_p[3]) < 0 ||
                        jsonHexDigit(m_p[4]) < 0 || jsonHexDigit(m_p[5]) < 0)
                        return fail("bad \\u escape");
                    m_p += 6;
                    break;
                default:
                    return fail("bad escape");
                }
                continue;
            }
            const int length = utf8SequenceLength(reinterpret_cast<const unsigned char *>(m_p),
                                                  reinterpret_cast<const unsigned char *>(m_end));
            if (length == 0)
                return fail("invalid UTF-8 in string");
            m_p += length;
        }
        JsonTree::Node &n = (*m_nodes)[node];
        n.escaped = escaped;
        close(node, m_p);
        ++m_p; // the closing quote
        return true;
    }

    bool parseLiteral(QByteArrayView literal, Type type)
    {
        if (m_end - m_p < literal.size() || QByteArrayView(m_p, literal.size()) != literal)
            return fail("invalid literal");
        const std::uint32_t node = addNode(type, m_p);
        m_p += literal.size();
        close(node, m_p);
        return true;
    }

    // number = [ minus ] int [ frac ] [ exp ] (RFC 8259)
    bool parseNumber()
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else if (m_p < m_end && isDigit(*m_p)) {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        } else {
            return fail("expected a value");
        }
        bool integral = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("expected a digit after '.'");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
            integral = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("expected a digit in the exponent");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
            integral = false;
        }
        const std::uint32_t node = addNode(Type::Number, start);
        close(node, m_p);
        // Long or fractional numbers are rare in events: check them the way Qt converts them,
        // so a number Qt refuses (out of double range) is refused here too.
        if ((!integral || m_p - start > 18) && !numberOf(QByteArrayView(start, m_p - start)).ok)
            return fail("number out of range");
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::vector<JsonTree::Node> *m_nodes;
    QString m_error;
};

bool JsonTree::parse(const QByteArray &json)
{
    m_json = json;
    m_nodes.clear();
    m_error.clear();
    if (json.size() >= std::numeric_limits<std::uint32_t>::max()) {
        m_error = QStringLiteral("document too large");
        return false;
    }
    JsonParser parser(m_json, &m_nodes);
    if (parser.parseDocument())
        return true;
    m_error = parser.error();
    m_nodes.clear();
    return false;
}

JsonRef JsonTree::root() const
{
    return m_nodes.empty() ? JsonRef() : JsonRef(this, 0);
}

Type JsonRef::type() const
{
    return m_tree ? m_tree->m_nodes[m_node].type : Type::Undefined;
}

QByteArrayView JsonRef::bytes() const
{
    const JsonTree::Node &n = m_tree->m_nodes[m_node];
    return QByteArrayView(m_tree->m_json.constData() + n.begin, n.size);
}

qsizetype JsonRef::size() const
{
    const Type t = type();
    return t == Type::Object || t == Type::Array ? m_tree->m_nodes[m_node].count : 0;
}

JsonRef JsonRef::value(QLatin1StringView key) const
{
    if (type() != Type::Object)
        return {};
    const std::vector<JsonTree::Node> &nodes = m_tree->m_nodes;
    const char *const json = m_tree->m_json.constData();
    const bool asciiKey = isAscii(key);
    const std::uint32_t count = nodes[m_node].count;
    std::uint32_t keyNode = m_node + 1;
    JsonRef found;
    for (std::uint32_t i = 0; i < count; ++i) {
        // A lookup compares every name (the last equal one wins): keep the usual case cheap.
        const JsonTree::Node &name = nodes[keyNode];
        const bool equal = asciiKey && !name.escaped
                               ? name.size == std::uint32_t(key.size()) &&
                                     std::memcmp(json + name.begin, key.data(), name.size) == 0
                               : JsonRef(m_tree, keyNode).equals(key);
        if (equal)
            found = JsonRef(m_tree, keyNode + 1);
        keyNode = nodes[keyNode + 1].next;
    }
    return found;
}

JsonRef JsonRef::at(qsizetype i) const
{
    if (type() != Type::Array || i < 0 || i >= size())
        return {};
    std::uint32_t node = m_node + 1;
    while (i-- > 0)
        node = m_tree->m_nodes[node].next;
    return {m_tree, node};
}

JsonRef::Iterator &JsonRef::Iterator::operator++()
{
    m_node = m_tree->m_nodes[m_node].next;
    return *this;
}

JsonRef::Iterator JsonRef::begin() const
{
    return type() == Type::Array && size() > 0 ? Iterator(m_tree, m_node + 1) : end();
}

JsonRef::Iterator JsonRef::end() const
{
    return type() == Type::Array ? Iterator(m_tree, m_tree->m_nodes[m_node].next)
                                 : Iterator(m_tree, m_node);
}

bool JsonRef::equals(QLatin1StringView text) const
{
    if (type() != Type::String)
        return false;
    const JsonTree::Node &n = m_tree->m_nodes[m_node];
    if (n.escaped || !isAscii(text)) // the bytes are UTF-8, the text Latin-1: compare as text
        return toString() == text;
    return n.size == std::uint32_t(text.size()) &&
           std::memcmp(m_tree->m_json.constData() + n.begin, text.data(), n.size) == 0;
}

QString JsonRef::toString(const QString &fallback) const
{
    if (type() != Type::String)
        return fallback;
    const QByteArrayView raw = bytes();
    QString out;
    if (!m_tree->m_nodes[m_node].escaped) {
        if (!raw.startsWith("\xEF\xBB\xBF"))
            return QString::fromUtf8(raw);
        appendUtf8(&out, raw.data(), raw.data() + raw.size()); // U+FEFF is text here
        return out;
    }
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *const end = p + raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            appendUtf8(&out, run, p);
        if (p == end)
            break;
        const char c = p[1];
        p += 2;
        switch (c) {
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
        case 'u': // one UTF-16 unit; a surrogate pair is two escapes, as the format says
            out += QChar(char16_t((jsonHexDigit(p[0]) << 12) | (jsonHexDigit(p[1]) << 8) |
                                  (jsonHexDigit(p[2]) << 4) | jsonHexDigit(p[3])));
            p += 4;
            break;
        default: // " \ /
            out += QLatin1Char(c);
            break;
        }
    }
    return out;
}

qint64 JsonRef::toInteger(qint64 fallback) const
{
    if (type() != Type::Number)
        return fallback;
    const Number n = numberOf(bytes());
    return n.integral ? n.integer : fallback;
}

int JsonRef::toInt(int fallback) const
{
    if (type() != Type::Number)
        return fallback;
    const Number n = numberOf(bytes());
    return n.integral && n.integer >= std::numeric_limits<int>::min() &&
                   n.integer <= std::numeric_limits<int>::max()
               ? int(n.integer)
               : fallback;
}

double JsonRef::toDouble(double fallback) const
{
    if (type() != Type::Number)
        return fallback;
    const Number n = numberOf(bytes());
    return n.integral ? double(n.integer) : n.real;
}

bool JsonRef::toBool(bool fallback) const
{
    if (type() != Type::Bool)
        return fallback;
    return bytes().front() == 't';
}

QJsonValue JsonRef::toJsonValue() const
{
    switch (type()) {
    case Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return toBool();
    case Type::Number: {
        const Number n = numberOf(bytes());
        return n.integral ? QJsonValue(n.integer) : QJsonValue(n.real);
    }
    case Type::String:
        return toString();
    case Type::Array: {
        QJsonArray array;
        for (const JsonRef element : *this)
            array.append(element.toJsonValue());
        return array;
    }
    case Type::Object: {
        QJsonObject object;
        const std::uint32_t count = m_tree->m_nodes[m_node].count;
        std::uint32_t keyNode = m_node + 1;
        for (std::uint32_t i = 0; i < count; ++i) {
            const JsonRef value(m_tree, keyNode + 1);
            object.insert(JsonRef(m_tree, keyNode).toString(), value.toJsonValue());
            keyNode = m_tree->m_nodes[keyNode + 1].next;
        }
        return object;
    }
    }
    return {};
}

} // namespace ladder
