#pragma once

// The studio's app session for the ladder's budget.session_usd: every chat opened since the app
// started adds its spend to one meter, so a session limit holds across chats, not per chat.

#include "engine/budget.h"

#include <memory>

namespace ladder {

inline std::shared_ptr<SpendMeter> appSessionSpend()
{
    static const std::shared_ptr<SpendMeter> meter = std::make_shared<SpendMeter>();
    return meter;
}

} // namespace ladder
