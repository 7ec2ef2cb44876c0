#include "provider_config.h"

#include "core/document_file.h"
#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/openai_provider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace ladder {

using namespace Qt::StringLiterals;

QStringList knownProviderKinds()
{
    return {u"openai"_s, u"anthropic"_s, u"gemini"_s, u"simulated"_s};
}

ProviderKindDefaults providerKindDefaults(const QString &kind)
{
    if (kind == u"openai"_s)
        return {QUrl(u"https://api.openai.com/v1"_s), u"OPENAI_API_KEY"_s};
    if (kind == u"anthropic"_s)
        return {QUrl(u"https://api.anthropic.com/v1"_s), u"ANTHROPIC_API_KEY"_s};
    if (kind == u"gemini"_s)
        return {QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s), u"GEMINI_API_KEY"_s};
    return {};
}

const ProviderConfigEntry *ProviderConfig::entry(const QString &id) const
{
    for (const ProviderConfigEntry &e : providers)
        if (e.id == id)
            return &e;
    return nullptr;
}

namespace {

bool isSecretName(const QString &name);

QString escapeToken(QString token) // RFC 6901
{
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

class Reader
{
public:
    Reader(Diagnostics *diagnostics, QString fileName)
        : m_diagnostics(diagnostics)
        , m_file(std::move(fileName))
    {}
    void error(const QString &path, const QString &message)
    {
        if (m_diagnostics)
            m_diagnostics->append({Diagnostic::Severity::Error, m_file, path, message});
        m_failed = true;
    }
    void warning(const QString &path, const QString &message)
    {
        if (m_diagnostics)
            m_diagnostics->append({Diagnostic::Severity::Warning, m_file, path, message});
    }
    bool failed() const { return m_failed; }

    // Reads an optional string member; a non-string is an error.
    QString string(const QJsonObject &o, const QString &path, const QString &key,
                   bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(path + u'/' + key, u"required string is missing"_s);
            return {};
        }
        if (!v.isString()) {
            error(path + u'/' + key, u"expected a string"_s);
            return {};
        }
        if (required && v.toString().isEmpty())
            error(path + u'/' + key, u"must not be empty"_s);
        return v.toString();
    }

    // Reads an optional object member into *out; false when it is missing or no object (an
    // error then).
    bool object(const QJsonObject &o, const QString &path, const QString &key, QJsonObject *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isObject()) {
            error(path + u'/' + key, u"expected an object"_s);
            return false;
        }
        *out = v.toObject();
        return true;
    }

    void unknownKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()) && !isSecretName(it.key()))
                warning(path + u'/' + escapeToken(it.key()), u"unknown key"_s);
    }

private:
    Diagnostics *m_diagnostics;
    QString m_file;
    bool m_failed = false;
};

// Member names under which people write keys ("apiKey", "api-key", "Authorization", ...),
// compared without case, '-' or '_'. No dialect option is named like this.
bool isSecretName(const QString &name)
{
    static const QStringList names{
        u"apikey"_s,      u"key"_s,         u"token"_s,     u"secret"_s,       u"password"_s,
        u"accesstoken"_s, u"authtoken"_s,   u"bearer"_s,    u"bearertoken"_s,  u"authorization"_s,
        u"xapikey"_s,     u"xgoogapikey"_s, u"secretkey"_s, u"clientsecret"_s, u"privatekey"_s,
        u"headers"_s,     u"credentials"_s};
    QString normalized = name.toLower();
    normalized.remove(u'-');
    normalized.remove(u'_');
    return names.contains(normalized);
}

// Values that are keys whatever they are called: "sk-...", "sk-ant-...", "AIza...", "Bearer ...".
bool looksLikeKey(const QString &value)
{
    static const QRegularExpression pattern(
        u"^(Bearer\\s+\\S{8,}|sk-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|"
        u"(gsk|xai|pplx|hf|or)[_-][A-Za-z0-9_-]{20,})$"_s);
    return pattern.match(value.trimmed()).hasMatch();
}

// Refuses keys anywhere in the file, under any name: they go in key_env or keychain.
void refuseSecrets(Reader &r, const QJsonValue &value, const QString &path)
{
    static const QString where = u"keys do not belong in the providers file: name an environment "
                                 u"variable in key_env or a keychain item in keychain"_s;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString child = path + u'/' + escapeToken(it.key());
            if (isSecretName(it.key()))
                r.error(child, it.key().compare(u"headers"_s, Qt::CaseInsensitive) == 0
                                   ? u"headers cannot be set in the providers file (keys do "
                                     u"not belong in it: name an environment variable in "
                                     u"key_env or a keychain item in keychain)"_s
                                   : where);
            else
                refuseSecrets(r, it.value(), child);
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            refuseSecrets(r, a.at(i), path + u'/' + QString::number(i));
    } else if (value.isString() && looksLikeKey(value.toString())) {
        r.error(path, u"this looks like a key; "_s + where);
    }
}

int readTimeout(Reader &r, const QJsonObject &timeouts, const QString &path, const QString &key,
                int fallback)
{
    const QJsonValue v = timeouts.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d != double(qint64(d)) || d > kMaxTimeoutMs) {
        r.error(path + u'/' + key, u"expected a non-negative integer (milliseconds)"_s);
        return fallback;
    }
    return int(d);
}

double readPrice(Reader &r, const QJsonObject &o, const QString &path, const QString &key,
                 bool required, double fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (required)
            r.error(path + u'/' + key, u"required price is missing (USD per 1M tokens)"_s);
        return fallback;
    }
    if (!v.isDouble() || v.toDouble() < 0 || !std::isfinite(v.toDouble())) {
        r.error(path + u'/' + key, u"expected a non-negative number (USD per 1M tokens)"_s);
        return fallback;
    }
    return v.toDouble();
}

QMap<QString, ModelPrice> readPrices(Reader &r, const QJsonValue &value, const QString &path,
                                     const QString &providerId)
{
    QMap<QString, ModelPrice> prices;
    if (value.isUndefined())
        return prices;
    if (!value.isObject()) {
        r.error(path, u"expected an object: model -> {input_per_mtok, output_per_mtok, "
                      u"cached_input_per_mtok}"_s);
        return prices;
    }
    const QJsonObject models = value.toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString mpath = path + u'/' + escapeToken(it.key());
        if (it.key().isEmpty()) {
            r.error(mpath, u"empty model name"_s);
            continue;
        }
        if (!it.value().isObject()) {
            r.error(mpath, u"expected an object with input_per_mtok and output_per_mtok"_s);
            continue;
        }
        const QJsonObject p = it.value().toObject();
        r.unknownKeys(p, mpath,
                      {u"input_per_mtok"_s, u"output_per_mtok"_s, u"cached_input_per_mtok"_s});
        ModelPrice price;
        price.provider = providerId;
        price.model = it.key();
        price.inputPerMTok = readPrice(r, p, mpath, u"input_per_mtok"_s, true, 0);
        price.outputPerMTok = readPrice(r, p, mpath, u"output_per_mtok"_s, true, 0);
        price.cachedInputPerMTok =
            readPrice(r, p, mpath, u"cached_input_per_mtok"_s, false, price.inputPerMTok);
        prices.insert(price.model, price);
    }
    return prices;
}

} // namespace

namespace {

void readBaseUrl(Reader &r, const QJsonObject &o, const QString &path, ProviderConfigEntry *e)
{
    const bool needsUrl = e->kind != u"simulated"_s;
    const QString url = r.string(o, path, u"base_url"_s, needsUrl);
    if (url.isEmpty())
        return;
    e->baseUrl = QUrl(url, QUrl::StrictMode);
    const QString scheme = e->baseUrl.scheme();
    if (!e->baseUrl.isValid() || e->baseUrl.host().isEmpty() ||
        (scheme != u"http"_s && scheme != u"https"_s))
        r.error(path + u"/base_url"_s, u"\"%1\" is not an http(s) URL with a host"_s.arg(url));
    else if (!e->baseUrl.userInfo().isEmpty() || e->baseUrl.hasQuery())
        r.error(path + u"/base_url"_s,
                u"must not carry credentials or a query (keys go in key_env)"_s);
}

void readModels(Reader &r, const QJsonObject &o, const QString &path, ProviderConfigEntry *e)
{
    const QJsonValue models = o.value(u"models"_s);
    if (!models.isUndefined() && !models.isArray()) {
        r.error(path + u"/models"_s, u"expected an array of model names"_s);
        return;
    }
    const QJsonArray array = models.toArray();
    for (qsizetype m = 0; m < array.size(); ++m) {
        if (!array.at(m).isString() || array.at(m).toString().isEmpty())
            r.error(path + u"/models/%1"_s.arg(m), u"expected a non-empty string"_s);
        else
            e->models << array.at(m).toString();
    }
    if (array.isEmpty())
        r.warning(path + u"/models"_s, u"no models listed"_s);
}

// "timeouts" and "limits".
void readTimeoutsAndLimits(Reader &r, const QJsonObject &o, const QString &path,
                           ProviderConfigEntry *e)
{
    QJsonObject t;
    const QString tpath = path + u"/timeouts"_s;
    if (r.object(o, path, u"timeouts"_s, &t)) {
        r.unknownKeys(t, tpath,
                      {u"connect_ms"_s, u"first_token_ms"_s, u"idle_ms"_s, u"total_ms"_s});
        e->timeouts.connectMs = readTimeout(r, t, tpath, u"connect_ms"_s, e->timeouts.connectMs);
        e->timeouts.firstTokenMs =
            readTimeout(r, t, tpath, u"first_token_ms"_s, e->timeouts.firstTokenMs);
        e->timeouts.idleMs = readTimeout(r, t, tpath, u"idle_ms"_s, e->timeouts.idleMs);
        e->timeouts.totalMs = readTimeout(r, t, tpath, u"total_ms"_s, e->timeouts.totalMs);
    }
    QJsonObject l;
    const QString lpath = path + u"/limits"_s;
    if (r.object(o, path, u"limits"_s, &l)) {
        r.unknownKeys(l, lpath, {u"max_answer_bytes"_s});
        const QJsonValue v = l.value(u"max_answer_bytes"_s);
        const double d = v.toDouble(-1);
        if (v.isUndefined()) {
        } else if (!v.isDouble() || d < 0 || d != double(qint64(d)) || d > 1e12) {
            r.error(lpath + u"/max_answer_bytes"_s,
                    u"expected a non-negative integer (bytes; 0 turns the cap off)"_s);
        } else {
            e->limits.maxAnswerBytes = qint64(d);
        }
    }
}

// One entry of "providers"; `ids` holds the ids of the entries before it.
ProviderConfigEntry readEntry(Reader &r, const QJsonObject &o, const QString &path,
                              QSet<QString> *ids)
{
    static const QRegularExpression idPattern(u"^[a-z][a-z0-9_-]*$"_s);
    static const QStringList known{u"id"_s,       u"kind"_s,    u"base_url"_s,   u"key_env"_s,
                                   u"keychain"_s, u"models"_s,  u"timeouts"_s,   u"limits"_s,
                                   u"prices"_s,   u"options"_s, u"description"_s, u"http_client"_s};
    r.unknownKeys(o, path, known);
    ProviderConfigEntry e;
    e.id = r.string(o, path, u"id"_s, true);
    if (!e.id.isEmpty() && !idPattern.match(e.id).hasMatch())
        r.error(path + u"/id"_s, u"\"%1\" must match [a-z][a-z0-9_-]*"_s.arg(e.id));
    if (!e.id.isEmpty() && ids->contains(e.id))
        r.error(path + u"/id"_s, u"duplicate provider id \"%1\""_s.arg(e.id));
    ids->insert(e.id);
    e.kind = r.string(o, path, u"kind"_s, true);
    if (!e.kind.isEmpty() && !knownProviderKinds().contains(e.kind))
        r.error(path + u"/kind"_s, u"unknown kind \"%1\" (expected one of: %2)"_s.arg(
                                       e.kind, knownProviderKinds().join(u", "_s)));
    readBaseUrl(r, o, path, &e);
    e.keyEnv = r.string(o, path, u"key_env"_s);
    e.keychain = r.string(o, path, u"keychain"_s);
    e.description = r.string(o, path, u"description"_s);
    const QString client = r.string(o, path, u"http_client"_s);
    if (client == u"qnam"_s)
        e.client = HttpClientKind::Qnam;
    else if (!client.isEmpty() && client != u"direct"_s)
        r.error(path + u"/http_client"_s,
                u"unknown client \"%1\" (expected direct or qnam)"_s.arg(client));
    readModels(r, o, path, &e);
    readTimeoutsAndLimits(r, o, path, &e);
    e.prices = readPrices(r, o.value(u"prices"_s), path + u"/prices"_s, e.id);
    const QJsonValue options = o.value(u"options"_s);
    if (!options.isUndefined() && !options.isObject())
        r.error(path + u"/options"_s, u"expected an object"_s);
    e.options = options.toObject();
    return e;
}

} // namespace

ProviderConfig ProviderConfig::fromJson(const QByteArray &json, Diagnostics *diagnostics,
                                        const QString &fileName)
{
    ProviderConfig config;
    Reader r(diagnostics, fileName);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.error({}, u"invalid JSON at offset %1: %2"_s.arg(parseError.offset)
                        .arg(parseError.errorString()));
        return config;
    }
    if (!doc.isObject()) {
        r.error({}, u"expected a JSON object"_s);
        return config;
    }
    const QJsonObject root = doc.object();
    refuseSecrets(r, root, {});
    r.unknownKeys(root, {}, {u"format"_s, u"providers"_s, u"description"_s});
    config.description = r.string(root, {}, u"description"_s);
    const QString format = r.string(root, {}, u"format"_s, true);
    if (!format.isEmpty() && format != QLatin1StringView(kProvidersFormatId))
        r.error(u"/format"_s, u"expected \"%1\", got \"%2\""_s.arg(
                                  QLatin1StringView(kProvidersFormatId), format));
    const QJsonValue list = root.value(u"providers"_s);
    if (!list.isArray()) {
        r.error(u"/providers"_s,
                list.isUndefined() ? u"required array is missing"_s : u"expected an array"_s);
        return config;
    }
    QSet<QString> ids;
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = u"/providers/%1"_s.arg(i);
        if (entries.at(i).isObject())
            config.providers.append(readEntry(r, entries.at(i).toObject(), path, &ids));
        else
            r.error(path, u"expected an object"_s);
    }
    return config;
}

ProviderConfig ProviderConfig::load(const QString &path, Diagnostics *diagnostics)
{
    QString error;
    const std::optional<QByteArray> json = readDocumentFile(path, &error);
    if (!json) {
        if (diagnostics)
            diagnostics->append({Diagnostic::Severity::Error, path, {}, error});
        return {};
    }
    return fromJson(*json, diagnostics, path);
}

namespace {

// One JSON value on one line, e.g. "a \"b\"" or ["x","y"] or {"k":1}.
QByteArray inlineJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // without the wrapping [ ]
}

QByteArray member(const char *key, const QJsonValue &value)
{
    return "            \"" + QByteArray(key) + "\": " + inlineJson(value);
}

} // namespace

QByteArray ProviderConfig::toJson() const
{
    QByteArrayList entries;
    const ProviderTimeouts defaults;
    for (const ProviderConfigEntry &e : providers) {
        QByteArrayList lines{member("id", e.id), member("kind", e.kind)};
        if (!e.description.isEmpty())
            lines << member("description", e.description);
        if (!e.baseUrl.isEmpty())
            lines << member("base_url", e.baseUrl.toString());
        if (!e.keyEnv.isEmpty())
            lines << member("key_env", e.keyEnv);
        if (!e.keychain.isEmpty())
            lines << member("keychain", e.keychain);
        lines << member("models", QJsonArray::fromStringList(e.models));
        if (e.timeouts != defaults)
            lines << member("timeouts", QJsonObject{{u"connect_ms"_s, e.timeouts.connectMs},
                                                    {u"first_token_ms"_s, e.timeouts.firstTokenMs},
                                                    {u"idle_ms"_s, e.timeouts.idleMs},
                                                    {u"total_ms"_s, e.timeouts.totalMs}});
        if (e.client == HttpClientKind::Qnam)
            lines << member("http_client", u"qnam"_s);
        if (e.limits != ProviderLimits{})
            lines << member("limits",
                            QJsonObject{{u"max_answer_bytes"_s, double(e.limits.maxAnswerBytes)}});
        if (!e.prices.isEmpty()) {
            QJsonObject prices;
            for (const ModelPrice &p : e.prices) {
                QJsonObject price{{u"input_per_mtok"_s, p.inputPerMTok},
                                  {u"output_per_mtok"_s, p.outputPerMTok}};
                if (p.cachedInputPerMTok != p.inputPerMTok)
                    price.insert(u"cached_input_per_mtok"_s, p.cachedInputPerMTok);
                prices.insert(p.model, price);
            }
            lines << member("prices", prices);
        }
        if (!e.options.isEmpty())
            lines << member("options", e.options);
        entries << "        {\n" + lines.join(",\n") + "\n        }";
    }
    QByteArray out = "{\n    \"format\": " + inlineJson(QLatin1StringView(kProvidersFormatId));
    if (!description.isEmpty())
        out += ",\n    \"description\": " + inlineJson(description);
    out += ",\n    \"providers\": [";
    if (!entries.isEmpty())
        out += "\n" + entries.join(",\n") + "\n    ";
    out += "]\n}\n";
    return out;
}

bool ProviderConfig::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList ProviderConfig::ids() const
{
    QStringList out;
    for (const ProviderConfigEntry &e : providers)
        out << e.id;
    return out;
}

PricingTable ProviderConfig::pricing(const PricingTable &base) const
{
    PricingTable table = base;
    for (const ProviderConfigEntry &e : providers) {
        for (ModelPrice p : e.prices) {
            p.provider = e.id;
            table.setProviderPrice(p);
        }
    }
    return table;
}

ValidationContext ProviderConfig::validationContext(const PricingTable *pricing) const
{
    return ValidationContext::withProviders(ids(), pricing);
}

void configureForLadder(RunRegistry *registry, const ProviderConfig &config,
                        const QString &providersFile, const Ladder &ladder, QStringList *messages)
{
    registry->configure(&config);
    QStringList missing;
    auto check = [&](const QString &id) {
        if (!config.entry(id) && !missing.contains(id))
            missing << id;
    };
    for (const Tier &t : ladder.tiers) {
        check(t.provider);
        for (const ModelRef &m : t.fallback)
            check(m.provider.isEmpty() ? t.provider : m.provider);
    }
    if (!missing.isEmpty())
        messages->append(QStringLiteral("warning: %1 configures no provider %2; calls to it fail "
                                        "and walk the fallback chain")
                             .arg(providersFile, missing.join(QStringLiteral(", "))));
}

Provider *createHttpProvider(const QString &kind, HttpProviderSettings settings, QObject *parent)
{
    if (kind == u"openai"_s)
        return new OpenAiProvider(std::move(settings), parent);
    if (kind == u"anthropic"_s)
        return new AnthropicProvider(std::move(settings), parent);
    if (kind == u"gemini"_s)
        return new GeminiProvider(std::move(settings), parent);
    return nullptr;
}

ConfiguredProviderRegistry::ConfiguredProviderRegistry(
    const ProviderConfig &config, std::shared_ptr<const KeySource> keys,
    const QHash<QString, ProviderFactory> &factories)
    : m_config(config)
    , m_owner(std::make_unique<QObject>())
{
    for (const ProviderConfigEntry &e : m_config.providers) {
        Provider *provider = nullptr;
        if (auto it = factories.constFind(e.kind); it != factories.constEnd()) {
            provider = (*it)(e, m_owner.get());
        } else {
            HttpProviderSettings settings{e.id, e.baseUrl, e.timeouts, e.keyRef(),
                                          keys, e.options, e.limits,   e.client};
            provider = createHttpProvider(e.kind, std::move(settings), m_owner.get());
        }
        if (provider)
            m_providers.insert(e.id, provider);
        else
            m_unavailable << u"%1 (%2)"_s.arg(e.id, e.kind);
    }
}

ConfiguredProviderRegistry::~ConfiguredProviderRegistry() = default;

Provider *ConfiguredProviderRegistry::provider(const QString &providerId) const
{
    return m_providers.value(providerId);
}

RunRegistry::RunRegistry(const ProviderConfig *config, std::shared_ptr<const KeySource> keys)
{
    configure(config, std::move(keys));
}

RunRegistry::~RunRegistry() = default;

void RunRegistry::configure(const ProviderConfig *config, std::shared_ptr<const KeySource> keys)
{
    m_configured.reset();
    m_pricing = config ? config->pricing() : PricingTable::builtin();
    if (!config)
        return;
    const QHash<QString, ProviderFactory> factories{
        {u"simulated"_s, [this](const ProviderConfigEntry &, QObject *) -> Provider * {
             return &m_simulated;
         }}};
    m_configured = std::make_unique<ConfiguredProviderRegistry>(
        *config, keys ? std::move(keys) : defaultKeySource(), factories);
}

Provider *RunRegistry::provider(const QString &providerId) const
{
    return m_configured ? m_configured->provider(providerId) : &m_simulated;
}

} // namespace ladder
