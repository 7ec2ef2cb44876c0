#pragma once

#include <QList>
#include <QString>

namespace ladder {

// One problem in a document, addressed by file and JSON Pointer (RFC 6901), e.g.
// `framing.json: /transitions/2/to: unknown tier "mid"`.
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;    // as the user named it (may be empty for in-memory documents)
    QString path;    // JSON Pointer, "" for the whole document
    QString message; // lower-case sentence without trailing period
    int line = 0;    // 1-based, only for syntax errors
    int column = 0;

    QString toString() const; // "file: /path: message" (file or path omitted when empty)
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &d);

} // namespace ladder
