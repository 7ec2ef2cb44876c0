#include "json_text.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringDecoder>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>
#include <vector>

namespace ladder {

namespace {

// Well below QJsonDocument's own limit (1,024), which then decides.
constexpr int kMaxDepth = 512;

class Parser
{
public:
    explicit Parser(const QByteArray &text)
        : m_p(text.constData())
        , m_end(text.constData() + text.size())
    {}

    std::optional<QJsonObject> document()
    {
        skipSpace();
        if (m_p == m_end || *m_p != '{')
            return std::nullopt;
        QJsonValue root;
        if (!object(&root))
            return std::nullopt;
        skipSpace();
        if (m_p != m_end)
            return std::nullopt;
        return root.toObject();
    }

private:
    const char *m_p;
    const char *m_end;
    int m_depth = 0;

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(const char *word, qsizetype length)
    {
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    bool value(QJsonValue *out)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(out);
        case '[':
            return array(out);
        case '"':
            return stringValue(out);
        case 't':
            *out = QJsonValue(true);
            return literal("true", 4);
        case 'f':
            *out = QJsonValue(false);
            return literal("false", 5);
        case 'n':
            *out = QJsonValue(QJsonValue::Null);
            return literal("null", 4);
        default:
            return number(out);
        }
    }

    bool object(QJsonValue *out)
    {
        if (++m_depth > kMaxDepth)
            return false;
        ++m_p; // '{'
        std::vector<std::pair<QString, QJsonValue>> members;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
        } else {
            for (;;) {
                skipSpace();
                std::pair<QString, QJsonValue> member;
                if (m_p == m_end || *m_p != '"' || !string(&member.first))
                    return false;
                skipSpace();
                if (m_p == m_end || *m_p != ':')
                    return false;
                ++m_p;
                if (!value(&member.second))
                    return false;
                members.push_back(std::move(member));
                skipSpace();
                if (m_p == m_end)
                    return false;
                if (*m_p == '}') {
                    ++m_p;
                    break;
                }
                if (*m_p != ',')
                    return false;
                ++m_p;
            }
        }
        // Inserted in key order, each insert is an append; stable, so the last of a repeated key
        // wins, as in QJsonDocument.
        std::stable_sort(members.begin(), members.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonObject object;
        for (auto &[key, member] : members)
            object.insert(key, member);
        *out = object;
        --m_depth;
        return true;
    }

    bool array(QJsonValue *out)
    {
        if (++m_depth > kMaxDepth)
            return false;
        ++m_p; // '['
        QJsonArray array;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
        } else {
            for (;;) {
                QJsonValue item;
                if (!value(&item))
                    return false;
                array.append(item);
                skipSpace();
                if (m_p == m_end)
                    return false;
                if (*m_p == ']') {
                    ++m_p;
                    break;
                }
                if (*m_p != ',')
                    return false;
                ++m_p;
            }
        }
        *out = array;
        --m_depth;
        return true;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p != start;
    }

    // RFC 8259 numbers; integers that fit are kept as integers, as QJsonDocument does.
    bool number(QJsonValue *out)
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end)
            return false;
        if (*m_p == '0')
            ++m_p;
        else if (!digits())
            return false;
        bool integer = true;
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            integer = false;
            if (!digits())
                return false;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            integer = false;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digits())
                return false;
        }
        if (integer) {
            qint64 n = 0;
            const auto [end, error] = std::from_chars(start, m_p, n);
            if (error == std::errc() && end == m_p) {
                *out = QJsonValue(n);
                return true;
            }
        }
        double d = 0;
        const auto [end, error] = std::from_chars(start, m_p, d);
        if (error != std::errc() || end != m_p)
            return false; // out of range: QJsonDocument decides
        *out = QJsonValue(d);
        return true;
    }

    // Four hex digits after "\u"; m_p is on the 'u'.
    bool hex4(char32_t *out)
    {
        if (m_end - m_p < 5)
            return false;
        char32_t v = 0;
        for (int i = 1; i <= 4; ++i) {
            const int h = jsonHexDigit(m_p[i]);
            if (h < 0)
                return false;
            v = v * 16 + char32_t(h);
        }
        m_p += 5;
        *out = v;
        return true;
    }

    static void appendUtf8(char32_t c, QByteArray *out)
    {
        if (c < 0x80) {
            out->append(char(c));
        } else if (c < 0x800) {
            out->append(char(0xC0 | (c >> 6)));
            out->append(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out->append(char(0xE0 | (c >> 12)));
            out->append(char(0x80 | ((c >> 6) & 0x3F)));
            out->append(char(0x80 | (c & 0x3F)));
        } else {
            out->append(char(0xF0 | (c >> 18)));
            out->append(char(0x80 | ((c >> 12) & 0x3F)));
            out->append(char(0x80 | ((c >> 6) & 0x3F)));
            out->append(char(0x80 | (c & 0x3F)));
        }
    }

    // One escape sequence, m_p on the backslash; lone surrogates and escapes JSON does not have
    // are left to QJsonDocument.
    bool escape(QByteArray *out, bool *ascii)
    {
        if (++m_p == m_end)
            return false;
        const char c = *m_p;
        static const char kSimple[] = "\"\\/bfnrt";
        static const char kMeaning[] = "\"\\/\b\f\n\r\t";
        if (const char *hit = std::strchr(kSimple, c); hit && c != '\0') {
            out->append(kMeaning[hit - kSimple]);
            ++m_p;
            return true;
        }
        char32_t code = 0;
        if (c != 'u' || !hex4(&code))
            return false;
        if (code >= 0xDC00 && code <= 0xDFFF)
            return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            char32_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            ++m_p;
            if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        if (code >= 0x80)
            *ascii = false;
        appendUtf8(code, out);
        return true;
    }

    // A string literal, m_p on its opening quote: its bytes (unescaped into `buffer` when it has
    // escapes) and whether they are all ASCII. Runs between escapes are copied whole.
    bool stringBytes(QByteArray *buffer, QByteArrayView *bytes, bool *ascii)
    {
        ++m_p;
        const char *run = m_p;
        bool escaped = false;
        *ascii = true;
        for (;;) {
            if (m_p == m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c < 0x20)
                return false; // raw control character: QJsonDocument decides
            if (c == '\\') {
                buffer->append(run, m_p - run);
                escaped = true;
                if (!escape(buffer, ascii))
                    return false;
                run = m_p;
                continue;
            }
            if (c >= 0x80)
                *ascii = false;
            ++m_p;
        }
        *bytes = QByteArrayView(run, m_p - run);
        if (escaped) {
            buffer->append(*bytes);
            *bytes = *buffer;
        }
        ++m_p; // closing quote
        // QJsonDocument keeps a byte order mark that opens a string without escapes in its text
        // but drops it from the value: it decides those.
        return escaped || !bytes->startsWith("\xef\xbb\xbf");
    }

    static bool decodeUtf8(QByteArrayView bytes, QString *out)
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                         QStringDecoder::Flag::ConvertInitialBom);
        *out = decoder.decode(bytes);
        return !decoder.hasError(); // invalid UTF-8: QJsonDocument reports it
    }

    bool string(QString *out)
    {
        QByteArray buffer;
        QByteArrayView bytes;
        bool ascii = true;
        if (!stringBytes(&buffer, &bytes, &ascii))
            return false;
        if (!ascii)
            return decodeUtf8(bytes, out);
        *out = QString::fromLatin1(bytes);
        return true;
    }

    // An ASCII value goes into the tree as it is (QJsonObject keeps ASCII as bytes): no UTF-16
    // copy of a long text on the way.
    bool stringValue(QJsonValue *out)
    {
        QByteArray buffer;
        QByteArrayView bytes;
        bool ascii = true;
        if (!stringBytes(&buffer, &bytes, &ascii))
            return false;
        if (ascii) {
            *out = QJsonValue(QLatin1String(bytes.data(), bytes.size()));
            return true;
        }
        QString s;
        if (!decodeUtf8(bytes, &s))
            return false;
        *out = QJsonValue(std::move(s));
        return true;
    }
};

} // namespace

std::optional<QJsonObject> parseJsonObjectText(const QByteArray &text)
{
    return Parser(text).document();
}

} // namespace ladder
