#pragma once

// The embedded default registry: every provider id a ladder names is served by the simulated
// provider, so any ladder runs with no keys and no network.

#include "engine/provider.h"
#include "simulated_provider.h"

namespace ladder {

class SimulatedRegistry : public ProviderRegistry {
public:
    SimulatedRegistry() = default;
    Provider *provider(const QString &) const override { return &m_simulated; }
    SimulatedProvider &simulated() const { return m_simulated; }

private:
    mutable SimulatedProvider m_simulated;
};

} // namespace ladder
