#pragma once

// Tokens of a text nobody counted (a provider without usage, a memory block, a simulated
// request): about 4 characters a token, at least 1 for non-empty text. The one place this rule
// lives.

#include <QtGlobal>

namespace ladder {

inline qint64 estimateTokens(qint64 chars)
{
    return chars <= 0 ? 0 : (chars + 3) / 4;
}

} // namespace ladder
