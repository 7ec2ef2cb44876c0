#pragma once

// Where API keys come from. Keys live only in memory: they are never written to a config file,
// a ChatRequest, a log line, an error message or the audit log.

#include <QHash>
#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace ladder {

// The places a provider entry names for its key (see provider_config.h).
struct KeyRef {
    QString providerId;
    QString env;      // environment variable, e.g. OPENAI_API_KEY
    QString keychain; // "service/account" in the OS keychain, e.g. ladder-studio/openai
};

struct KeyLookup {
    QString key;    // empty when none was found
    QString source; // "env OPENAI_API_KEY", "keychain ladder-studio/openai" (never the key)
    QString error;  // why a configured source failed (e.g. no D-Bus), for diagnostics
};

class KeySource
{
public:
    virtual ~KeySource() = default;
    virtual KeyLookup lookup(const KeyRef &ref) const = 0;
};

// Reads the variable named by KeyRef::env.
class EnvKeySource final : public KeySource
{
public:
    KeyLookup lookup(const KeyRef &ref) const override;
};

// Reads KeyRef::keychain ("service/account") with QtKeychain. Needs a D-Bus session and a secret
// service on Linux; without them (headless CI) lookups return an error, never block for long.
// Lookups, found or failed, are cached for the life of the object, so a missing secret service
// costs one attempt, not one per call.
class KeychainKeySource final : public KeySource
{
public:
    static bool available(); // built with QtKeychain
    KeyLookup lookup(const KeyRef &ref) const override;

private:
    mutable QHash<QString, QString> m_cache;
    mutable QHash<QString, QString> m_failures;
};

// Tries each source in order and returns the first key found (errors are joined).
class ChainKeySource final : public KeySource
{
public:
    ChainKeySource(std::shared_ptr<const KeySource> first, std::shared_ptr<const KeySource> second);
    KeyLookup lookup(const KeyRef &ref) const override;

private:
    std::shared_ptr<const KeySource> m_first;
    std::shared_ptr<const KeySource> m_second;
};

// Stores `key` in the OS keychain item `keychain` ("service/account"; no slash: the account is
// `providerId`), asynchronously. `done` gets an empty string on success, else why not (never the
// key); it is not called once `context` is gone. Without QtKeychain it fails at once.
void storeKeychainKey(const QString &keychain, const QString &providerId, const QString &key,
                      QObject *context, std::function<void(const QString &error)> done);

// Environment first, then the keychain: what the CLI and the app use.
std::shared_ptr<const KeySource> defaultKeySource();

} // namespace ladder
