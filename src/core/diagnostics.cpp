#include "diagnostics.h"

#include <algorithm>

namespace ladder {

QString Diagnostic::toString() const
{
    QString out;
    if (!file.isEmpty())
        out += file + QStringLiteral(": ");
    if (line > 0)
        out += QStringLiteral("line %1, column %2: ").arg(line).arg(column);
    if (!path.isEmpty())
        out += path + QStringLiteral(": ");
    if (severity == Severity::Warning)
        out += QStringLiteral("warning: ");
    out += message;
    return out;
}

bool hasErrors(const Diagnostics &d)
{
    return std::any_of(d.begin(), d.end(),
                       [](const Diagnostic &x) { return x.severity == Diagnostic::Severity::Error; });
}

} // namespace ladder
