#pragma once

// What every gateway export needs to know about a ladder, worked out once: the concrete model
// chain of each tier (provider kind, base URL when it is not the vendor's, the environment variable
// holding the key, never the key), the tier a request without any routing hint lands on, the
// classification routes, the on_failure edges and the retry policy the engine would apply.

#include "core/diagnostics.h"
#include "core/ladder.h"
#include "engine/session.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ladder {

struct ProviderConfig;

enum class ExportFormat { Json, LiteLlm, Portkey };
QString toString(ExportFormat format); // "json", "litellm", "portkey"
std::optional<ExportFormat> exportFormatFromString(const QString &name);
QString exportFormatTitle(ExportFormat format); // "LiteLLM proxy config", ...

struct ResolvedModel {
    QString providerId; // as the ladder names it
    QString kind;       // openai | anthropic | gemini | simulated
    QString model;
    QUrl baseUrl;   // empty when the vendor's own endpoint
    QString keyEnv; // environment variable holding the key; empty when none is needed
    QString path;   // JSON Pointer of the ladder field naming it, e.g. /tiers/0/fallback/1
};

struct ExportTier {
    Tier tier;
    int index = -1;
    QList<ResolvedModel> chain; // the tier's model, then its fallbacks in order
};

// A classification route: the caller's label (a classifier detector's label) picks a tier.
struct ExportRoute {
    QString transitionId;
    QStringList labels;
    QString tier;
};

// An on_failure edge: when the whole chain of `from` failed with one of `failures`.
struct ExportFailover {
    QString transitionId;
    QString from;
    QString to;
    QList<FailureKind> failures;
};

struct ExportPlan {
    Ladder ladder;
    QList<ExportTier> tiers;
    // The tier that answers when the request carries no hint: the classifier's default label
    // when the ladder routes by classification, else the tier the entry settles on after its
    // after_turns step-downs (what answers most turns of a long conversation).
    QString defaultTier;
    QList<ExportRoute> routes;
    QList<ExportFailover> failovers;
    RetryPolicy retry;        // the engine's: retries per model, cool-down after failures
    QStringList keychainOnly; // provider ids whose key only the keychain holds
    Diagnostics diagnostics;  // errors name the ladder field (and file) at fault

    const ExportTier *tier(const QString &id) const;
    bool ok() const { return !hasErrors(diagnostics); }
};

// `providers` may be null: then only the vendor ids openai, anthropic and gemini resolve.
ExportPlan planExport(const Ladder &ladder, const ProviderConfig *providers,
                      const QString &fileName = {});

// The HTTP statuses by which a gateway recognises a failure kind (empty for kinds without one:
// network, protocol, truncated, cancelled).
QList<int> statusCodesFor(FailureKind kind);
QList<int> statusCodesFor(const QList<FailureKind> &kinds); // sorted, unique
QList<FailureKind> retryableFailureKinds();                 // as ProviderError::retryable()
QList<FailureKind> allFailureKinds();

// A name usable as a gateway model group or file stem: "Framing ladder" -> "framing-ladder".
QString exportSlug(const QString &name);

} // namespace ladder
