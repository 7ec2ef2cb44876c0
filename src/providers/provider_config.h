#pragma once

// The providers file (`providers/1`): which model APIs exist, where they live, where their keys
// come from and how long to wait. It never holds a key. ConfiguredProviderRegistry turns it into
// the Provider instances a Session uses.
//
// {"format":"providers/1","providers":[{"id":"openai","kind":"openai",
//   "base_url":"https://api.openai.com/v1","key_env":"OPENAI_API_KEY",
//   "keychain":"ladder-studio/openai","models":["gpt-5.4","gpt-5.4-mini"],
//   "timeouts":{"connect_ms":10000,"first_token_ms":60000,"idle_ms":30000,"total_ms":600000},
//   "limits":{"max_answer_bytes":67108864},
//   "prices":{"my-fine-tune":{"input_per_mtok":0.5,"output_per_mtok":2,
//                             "cached_input_per_mtok":0.05}},"options":{}}]}

#include "core/diagnostics.h"
#include "core/pricing.h"
#include "core/validation.h"
#include "engine/provider.h"
#include "providers/http_provider.h"
#include "providers/key_source.h"
#include "providers/simulated_provider.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace ladder {

inline constexpr auto kProvidersFormatId = "providers/1";
// The longest timeout a providers file may give (24 hours); 0 turns a timeout off.
inline constexpr int kMaxTimeoutMs = 24 * 3600 * 1000;

struct ProviderConfigEntry {
    QString id;
    QString kind; // openai | anthropic | gemini | simulated
    QUrl baseUrl;
    QString keyEnv;
    QString keychain;
    QStringList models;
    ProviderTimeouts timeouts;
    ProviderLimits limits;
    QMap<QString, ModelPrice> prices; // "prices": per model, USD per 1M tokens
    QJsonObject options;              // dialect options, see each client's header
    QString description;
    // "http_client": "direct" (the default) or "qnam" (QNetworkAccessManager: HTTP/2 over TLS,
    // system proxy settings); see providers/http_client.h.
    HttpClientKind client = HttpClientKind::Direct;

    KeyRef keyRef() const { return {id, keyEnv, keychain}; }
    bool operator==(const ProviderConfigEntry &) const = default;
};

struct ProviderConfig {
    QList<ProviderConfigEntry> providers;
    QString description;

    const ProviderConfigEntry *entry(const QString &id) const;
    // Errors and warnings name the file and the JSON Pointer, e.g.
    // `providers.json: /providers/1/timeouts/idle_ms: expected a non-negative integer`.
    static ProviderConfig fromJson(const QByteArray &json, Diagnostics *diagnostics,
                                   const QString &fileName = {});
    static ProviderConfig load(const QString &path, Diagnostics *diagnostics);

    // The file text, keys in the order people read them (id, kind, base_url, ...); timeouts only
    // when they differ from the defaults. fromJson(toJson()) gives back an equal config.
    QByteArray toJson() const;
    // Writes toJson() atomically (QSaveFile): a failed write leaves the old file as it was.
    bool save(const QString &path, QString *error) const;

    QStringList ids() const;
    // The built-in prices with this file's "prices" on top (per provider id and model).
    PricingTable pricing(const PricingTable &base = PricingTable::builtin()) const;
    // What a ladder that runs on this file is checked against: the built-in providers plus this
    // file's ids, priced by `pricing` (which must outlive the context).
    ValidationContext validationContext(const PricingTable *pricing) const;
    bool operator==(const ProviderConfig &) const = default;
};

QStringList knownProviderKinds();

// Where a kind's vendor API lives and which environment variable usually holds its key
// (empty for kinds without a vendor, like "simulated").
struct ProviderKindDefaults {
    QUrl baseUrl;
    QString keyEnv;
};
ProviderKindDefaults providerKindDefaults(const QString &kind);

// Creates a provider for an entry whose kind this library does not implement itself (the
// lead's "simulated" provider is registered this way).
using ProviderFactory = std::function<Provider *(const ProviderConfigEntry &, QObject *parent)>;

class ConfiguredProviderRegistry final : public ProviderRegistry
{
public:
    ConfiguredProviderRegistry(const ProviderConfig &config, std::shared_ptr<const KeySource> keys,
                               const QHash<QString, ProviderFactory> &factories = {});
    ~ConfiguredProviderRegistry() override;

    Provider *provider(const QString &providerId) const override;
    const ProviderConfig &config() const { return m_config; }
    // Entries that got no provider (a kind without a factory), as "id (kind)".
    QStringList unavailable() const { return m_unavailable; }

private:
    ProviderConfig m_config;
    std::unique_ptr<QObject> m_owner; // parent of every provider
    QHash<QString, Provider *> m_providers;
    QStringList m_unavailable;
};

// The registry a run uses; the one place the CLI and the studio decide it. Without a providers
// file the simulated provider answers every provider id (the embedded default). With one, its
// entries answer, and its "simulated" entries share that same simulated provider, so time scale
// and faults set on simulated() apply to them too.
class RunRegistry final : public ProviderRegistry
{
public:
    explicit RunRegistry(const ProviderConfig *config = nullptr,
                         std::shared_ptr<const KeySource> keys = {});
    ~RunRegistry() override;

    // Replaces the configured providers (null: simulated only). Providers of the previous
    // configuration are deleted, so no session may still be using them. Null keys: the
    // environment, then the keychain (defaultKeySource()).
    void configure(const ProviderConfig *config, std::shared_ptr<const KeySource> keys = {});

    Provider *provider(const QString &providerId) const override;
    SimulatedProvider &simulated() const { return m_simulated; }
    // The prices a session on this registry uses (SessionOptions::pricing): the built-in table
    // with the providers file's "prices" on top.
    const PricingTable &pricing() const { return m_pricing; }
    // The configured registry, null when the simulated provider answers everything.
    const ConfiguredProviderRegistry *configured() const { return m_configured.get(); }

private:
    mutable SimulatedProvider m_simulated;
    std::unique_ptr<ConfiguredProviderRegistry> m_configured;
    PricingTable m_pricing = PricingTable::builtin();
};

// Configures `registry` for running `ladder` on `config`, read from `providersFile`: what
// `ladder chat` and `ladder serve` do with --providers. `messages` gets a warning for each
// provider id of the ladder (tiers and their fallbacks) the file does not configure.
void configureForLadder(RunRegistry *registry, const ProviderConfig &config,
                        const QString &providersFile, const Ladder &ladder, QStringList *messages);

// A client of `kind` ("openai", "anthropic", "gemini"); null for other kinds.
Provider *createHttpProvider(const QString &kind, HttpProviderSettings settings,
                             QObject *parent = nullptr);

} // namespace ladder
