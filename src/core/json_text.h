#pragma once

// JSON text to a QJsonObject, fast on long strings: QJsonDocument::fromJson appends a string that
// holds an escape (a "\n" in a pasted description) to a QString one character at a time, which
// made a 50 MB description cost seconds. This reader copies each run between escapes at once.
//
// It accepts only plain, well-formed documents whose top level is an object and returns
// std::nullopt for anything else (a syntax error, invalid UTF-8, a lone surrogate, a number out
// of range, raw control characters, deep nesting, ...): the caller then asks QJsonDocument,
// which gives the exact error and its offset, or accepts what Qt accepts. Whenever this reader
// answers, the result equals QJsonDocument's (tests/unit/core/tst_json_text.cpp checks it).

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace ladder {

std::optional<QJsonObject> parseJsonObjectText(const QByteArray &text);

// The value of a hex digit of a \uXXXX escape, -1 for any other character. Shared with the
// providers' event reader (providers/event_json), which decodes lone surrogates itself.
constexpr int jsonHexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace ladder
