#pragma once

// "Is this provider set up right?": one tiny request per model ("Reply with the single word
// OK.", at most 16 tokens), models one after another, reporting status, time to first token, list
// price and where the key came from (never the key). Asynchronous: `ladder providers check` waits
// for finished(), the studio's Settings does not.

#include "engine/provider.h"
#include "providers/provider_config.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace ladder {

struct ProviderCheckTarget {
    QString providerId;
    QString model;
    bool operator==(const ProviderCheckTarget &) const = default;
};

struct ProviderCheckResult {
    QString providerId;
    QString model;
    std::optional<ProviderError> error; // none: the model answered
    double ttftMs = 0;                  // 0: no first token
    QString keySource; // "env OPENAI_API_KEY", "keychain ...", "no key needed", "no key"
    std::optional<ModelPrice> price; // the providers file's or the built-in one; none: unknown

    bool ok() const { return !error; }
    QString status() const;    // "ok", "rate_limited (HTTP 429)", "network"
    QString ttftText() const;  // "412 ms" or "-"
    QString priceText() const; // "$2.50 in / $15.00 out per Mtok" or "price unknown"
    // The CLI's line: id, model, status, "ttft …", price, key source[, error message], by tabs.
    QString toLine() const;
};

class ProviderCheck : public QObject
{
    Q_OBJECT
public:
    // Null keys: the environment, then the keychain (defaultKeySource()).
    explicit ProviderCheck(const ProviderConfig &config, std::shared_ptr<const KeySource> keys = {},
                           QObject *parent = nullptr);
    ~ProviderCheck() override;

    // Every model of every provider, in file order; only those of `providerId` when given.
    static QList<ProviderCheckTarget> targetsOf(const ProviderConfig &config,
                                                const QString &providerId = {});

    // Checks the targets in order; a target whose provider is not in the config reports a
    // bad_request. Does nothing while a check runs.
    void start(const QList<ProviderCheckTarget> &targets);
    void cancel(); // the running request is cancelled (reported), the rest are dropped
    bool running() const { return m_running; }

Q_SIGNALS:
    void targetStarted(const ladder::ProviderCheckTarget &target);
    void checked(const ladder::ProviderCheckResult &result);
    void finished();

private:
    void next();

    ProviderConfig m_config;
    std::shared_ptr<const KeySource> m_keys;
    RunRegistry m_registry;
    QList<ProviderCheckTarget> m_queue;
    QPointer<ProviderCall> m_call;
    bool m_running = false;
};

} // namespace ladder
