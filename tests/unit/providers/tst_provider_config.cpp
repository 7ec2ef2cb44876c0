// The providers file: errors that name file and JSON path, the registry built from it, key
// sources, and `ladder providers check` against scripted servers.

#include "provider_test_support.h"

#include "cli/providers_command.h"
#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/openai_provider.h"
#include "providers/provider_check.h"
#include "providers/provider_config.h"

#include <QTemporaryDir>
#include <QTextStream>

using namespace ladder;
using namespace ladder::test;

class TestProviderConfig : public QObject
{
    Q_OBJECT

private slots:
    void reportsErrorWithFileAndPath_data();
    void reportsErrorWithFileAndPath();
    void readsEveryField();
    void readsPricesAndLimits();
    void exampleFileIsValid();
    void warnsOnUnknownKeys();
    void registryCreatesClientPerKind();
    void registryUsesFactoryForSimulated();
    void envKeySourceReadsNamedVariable();
    void chainKeySourceFallsBackInOrder();
    void keychainMissingItemGivesErrorNamingItem();
    void checkCommandPrintsLinePerModel();
    void checkCommandRejectsBadConfig_data();
    void checkCommandRejectsBadConfig();
    void writerRoundTrips_data();
    void writerRoundTrips();
    void writerOrdersKeysAndLeavesDefaultsOut();
    void saveReportsUnwritableFile();
    void runRegistryIsSimulatedUnlessConfigured();
    void checkReportsUnconfiguredTarget();
};

namespace {

QByteArray wrap(const QByteArray &entry)
{
    return R"({"format":"providers/1","providers":[)" + entry + "]}";
}

const QByteArray kGoodEntry = R"({"id":"openai","kind":"openai","base_url":)"
                              R"("https://api.openai.com/v1","models":["gpt-5.4"]})";

} // namespace

void TestProviderConfig::reportsErrorWithFileAndPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("syntax") << QByteArray("{\"format\":")
                            << "p.json: invalid JSON at offset 10: unterminated object";
    QTest::newRow("not_object") << QByteArray("[]") << "p.json: expected a JSON object";
    QTest::newRow("wrong_format")
        << QByteArray(R"({"format":"providers/2","providers":[]})")
        << R"(p.json: /format: expected "providers/1", got "providers/2")";
    QTest::newRow("missing_providers") << QByteArray(R"({"format":"providers/1"})")
                                       << "p.json: /providers: required array is missing";
    QTest::newRow("entry_not_object") << wrap("3") << "p.json: /providers/0: expected an object";
    QTest::newRow("missing_id") << wrap(R"({"kind":"openai","base_url":"http://x"})")
                                << "p.json: /providers/0/id: required string is missing";
    QTest::newRow("bad_id") << wrap(R"({"id":"Open AI","kind":"openai","base_url":"http://x"})")
                            << R"(p.json: /providers/0/id: "Open AI" must match [a-z][a-z0-9_-]*)";
    QTest::newRow("duplicate_id") << wrap(kGoodEntry + "," + kGoodEntry)
                                  << R"(p.json: /providers/1/id: duplicate provider id "openai")";
    QTest::newRow("unknown_kind")
        << wrap(R"({"id":"x","kind":"cohere","base_url":"http://x"})")
        << R"(p.json: /providers/0/kind: unknown kind "cohere" (expected one of: openai, )"
           R"(anthropic, gemini, simulated))";
    QTest::newRow("missing_base_url")
        << wrap(R"({"id":"x","kind":"gemini"})")
        << "p.json: /providers/0/base_url: required string is missing";
    QTest::newRow("base_url_not_http")
        << wrap(R"({"id":"x","kind":"openai","base_url":"ftp://host/v1"})")
        << R"(p.json: /providers/0/base_url: "ftp://host/v1" is not an http(s) URL with a host)";
    QTest::newRow("base_url_with_key_in_query")
        << wrap(R"({"id":"x","kind":"gemini","base_url":"https://h/v1beta?key=abc"})")
        << "p.json: /providers/0/base_url: must not carry credentials or a query (keys go in "
           "key_env)";
    QTest::newRow("key_in_file")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","api_key":"sk-1"})")
        << "p.json: /providers/0/api_key: keys do not belong in the providers file: name an "
           "environment variable in key_env or a keychain item in keychain";
    // Keys under any other name, anywhere, are refused the same way (not a mere warning).
    const QString refused = "keys do not belong in the providers file: name an environment "
                            "variable in key_env or a keychain item in keychain";
    const QString noHeaders = "headers cannot be set in the providers file (keys do not belong "
                              "in it: name an environment variable in key_env or a keychain item "
                              "in keychain)";
    const QByteArray h = R"({"id":"x","kind":"openai","base_url":"http://h",)";
    QTest::newRow("apiKey") << wrap(h + R"("apiKey":"abc"})")
                            << "p.json: /providers/0/apiKey: " + refused;
    QTest::newRow("api-key") << wrap(h + R"("api-key":"abc"})")
                             << "p.json: /providers/0/api-key: " + refused;
    QTest::newRow("top-level api_key")
        << QByteArray(R"({"format":"providers/1","api_key":"abc","providers":[]})")
        << "p.json: /api_key: " + refused;
    QTest::newRow("headers.Authorization")
        << wrap(h + R"("headers":{"Authorization":"Bearer abcdefghijkl"}})")
        << "p.json: /providers/0/headers: " + noHeaders;
    QTest::newRow("options.api_key") << wrap(h + R"("options":{"api_key":"abc"}})")
                                     << "p.json: /providers/0/options/api_key: " + refused;
    QTest::newRow("options.headers") << wrap(h + R"("options":{"headers":{"x-api-key":"abc"}}})")
                                     << "p.json: /providers/0/options/headers: " + noHeaders;
    QTest::newRow("options.auth.Access-Token")
        << wrap(h + R"("options":{"auth":{"Access-Token":"t"}}})")
        << "p.json: /providers/0/options/auth/Access-Token: " + refused;
    QTest::newRow("a key's value under an innocent name")
        << wrap(h + R"("description":"sk-proj-abcdefghijklmnopqrstuvwxyz0123"})")
        << "p.json: /providers/0/description: this looks like a key; " + refused;
    // Prices per model, and the limits that end a call a server could keep going.
    QTest::newRow("price_not_object")
        << wrap(h + R"("prices":{"m":3}})")
        << "p.json: /providers/0/prices/m: expected an object with input_per_mtok and "
           "output_per_mtok";
    QTest::newRow("price_missing_output")
        << wrap(h + R"("prices":{"m":{"input_per_mtok":1}}})")
        << "p.json: /providers/0/prices/m/output_per_mtok: required price is missing (USD per "
           "1M tokens)";
    QTest::newRow("price_negative")
        << wrap(h + R"("prices":{"org/m":{"input_per_mtok":1,"output_per_mtok":2,)"
                    R"("cached_input_per_mtok":-1}}})")
        << "p.json: /providers/0/prices/org~1m/cached_input_per_mtok: expected a non-negative "
           "number (USD per 1M tokens)";
    QTest::newRow("prices_not_object")
        << wrap(h + R"("prices":[]})")
        << "p.json: /providers/0/prices: expected an object: model -> {input_per_mtok, "
           "output_per_mtok, cached_input_per_mtok}";
    QTest::newRow("total_ms_negative")
        << wrap(h + R"("timeouts":{"total_ms":-5}})")
        << "p.json: /providers/0/timeouts/total_ms: expected a non-negative integer "
           "(milliseconds)";
    QTest::newRow("max_answer_bytes_text")
        << wrap(h + R"("limits":{"max_answer_bytes":"big"}})")
        << "p.json: /providers/0/limits/max_answer_bytes: expected a non-negative integer "
           "(bytes; 0 turns the cap off)";
    QTest::newRow("http_client_unknown")
        << wrap(h + R"("http_client":"curl"})")
        << "p.json: /providers/0/http_client: unknown client \"curl\" (expected direct or qnam)";
    QTest::newRow("key_env_not_string")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","key_env":5})")
        << "p.json: /providers/0/key_env: expected a string";
    QTest::newRow("model_not_string")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","models":["a",2]})")
        << "p.json: /providers/0/models/1: expected a non-empty string";
    QTest::newRow("negative_timeout")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","timeouts":{"idle_ms":-1}})")
        << "p.json: /providers/0/timeouts/idle_ms: expected a non-negative integer "
           "(milliseconds)";
    QTest::newRow("fractional_timeout")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","timeouts":)"
                R"({"connect_ms":1.5}})")
        << "p.json: /providers/0/timeouts/connect_ms: expected a non-negative integer "
           "(milliseconds)";
    QTest::newRow("options_not_object")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","options":[]})")
        << "p.json: /providers/0/options: expected an object";
}

void TestProviderConfig::reportsErrorWithFileAndPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    ProviderConfig::fromJson(json, &diagnostics, QStringLiteral("p.json"));
    QVERIFY(hasErrors(diagnostics));
    QStringList errors;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            errors << d.toString();
    QVERIFY2(errors.contains(expected), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestProviderConfig::readsEveryField()
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(
        R"({"format":"providers/1","providers":[{"id":"local","kind":"openai",)"
        R"("base_url":"http://127.0.0.1:11434/v1","key_env":"OLLAMA_KEY","keychain":)"
        R"("ladder-studio/local","models":["llama3.2","qwen3"],"timeouts":{"connect_ms":100,)"
        R"("first_token_ms":200,"idle_ms":300},"options":{"system_role":"developer"}},)"
        R"({"id":"sim","kind":"simulated","models":["gpt-5.4"]}]})",
        &diagnostics, QStringLiteral("p.json"));
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(config.providers.size(), 2);
    const ProviderConfigEntry *e = config.entry(QStringLiteral("local"));
    QVERIFY(e);
    QCOMPARE(e->kind, QStringLiteral("openai"));
    QCOMPARE(e->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(e->keyEnv, QStringLiteral("OLLAMA_KEY"));
    QCOMPARE(e->keychain, QStringLiteral("ladder-studio/local"));
    QCOMPARE(e->models, (QStringList{QStringLiteral("llama3.2"), QStringLiteral("qwen3")}));
    QCOMPARE(e->timeouts, (ProviderTimeouts{100, 200, 300}));
    QCOMPARE(e->options.value(QStringLiteral("system_role")).toString(),
             QStringLiteral("developer"));
    QCOMPARE(config.entry(QStringLiteral("sim"))->timeouts, ProviderTimeouts{});
    QVERIFY(!config.entry(QStringLiteral("nope")));
}

void TestProviderConfig::readsPricesAndLimits()
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(
        wrap(R"({"id":"my-vllm","kind":"openai","base_url":"http://127.0.0.1:8000/v1",)"
             R"("models":["my-model"],"timeouts":{"total_ms":1234},)"
             R"("limits":{"max_answer_bytes":4096},"prices":{"my-model":{"input_per_mtok":0.5,)"
             R"("output_per_mtok":2,"cached_input_per_mtok":0.05},"other":{"input_per_mtok":1,)"
             R"("output_per_mtok":3}}})"),
        &diagnostics, QStringLiteral("p.json"));
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    const ProviderConfigEntry *e = config.entry(QStringLiteral("my-vllm"));
    QVERIFY(e);
    QCOMPARE(e->timeouts.totalMs, 1234);
    QCOMPARE(e->limits.maxAnswerBytes, 4096);
    QCOMPARE(e->prices.size(), 2);
    const ModelPrice other = e->prices.value(QStringLiteral("other"));
    QCOMPARE(other.cachedInputPerMTok, 1.0); // the input price when not given
    const PricingTable pricing = config.pricing();
    TokenUsage usage;
    usage.inputTokens = 2000000;
    usage.cachedTokens = 1000000;
    usage.outputTokens = 1000000;
    QCOMPARE(pricing.cost(QStringLiteral("my-vllm"), QStringLiteral("my-model"), usage),
             std::optional<double>(0.5 + 0.05 + 2.0));
    QVERIFY(!pricing.cost(QStringLiteral("my-vllm"), QStringLiteral("unpriced"), usage));
    QVERIFY(pricing.cost(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), usage)); // built-in
    const ValidationContext context = config.validationContext(&pricing);
    QVERIFY(context.knownProviders.contains(QStringLiteral("my-vllm")));
    QCOMPARE(context.pricing, &pricing);
}

void TestProviderConfig::exampleFileIsValid()
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::load(
        QStringLiteral(LADDER_SOURCE_DIR "/src/providers/providers.example.json"), &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(config.providers.size(), 5);
    for (const ProviderConfigEntry &e : config.providers) {
        QVERIFY(!e.models.isEmpty());
        QVERIFY2(e.kind == QStringLiteral("simulated") || e.baseUrl.isValid(), qPrintable(e.id));
    }
}

void TestProviderConfig::warnsOnUnknownKeys()
{
    Diagnostics diagnostics;
    ProviderConfig::fromJson(wrap(R"({"id":"x","kind":"openai","base_url":"http://h",)"
                                  R"("models":["m"],"colour":"red"})"),
                             &diagnostics, QStringLiteral("p.json"));
    QVERIFY(!hasErrors(diagnostics));
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().toString(),
             QStringLiteral("p.json: /providers/0/colour: warning: unknown key"));
}

void TestProviderConfig::registryCreatesClientPerKind()
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(
        R"({"format":"providers/1","providers":[)"
        R"({"id":"oa","kind":"openai","base_url":"http://127.0.0.1:1/v1","models":["m"]},)"
        R"({"id":"an","kind":"anthropic","base_url":"http://127.0.0.1:1/v1","models":["m"]},)"
        R"({"id":"ge","kind":"gemini","base_url":"http://127.0.0.1:1/v1beta","models":["m"],)"
        R"("timeouts":{"idle_ms":5}},)"
        R"({"id":"sim","kind":"simulated","models":["m"]}]})",
        &diagnostics);
    QVERIFY(!hasErrors(diagnostics));
    const ConfiguredProviderRegistry registry(config, std::make_shared<EnvKeySource>());
    QVERIFY(qobject_cast<OpenAiProvider *>(registry.provider(QStringLiteral("oa"))));
    QVERIFY(qobject_cast<AnthropicProvider *>(registry.provider(QStringLiteral("an"))));
    auto *gemini = qobject_cast<GeminiProvider *>(registry.provider(QStringLiteral("ge")));
    QVERIFY(gemini);
    QCOMPARE(gemini->id(), QStringLiteral("ge"));
    QCOMPARE(gemini->settings().timeouts.idleMs, 5);
    QCOMPARE(gemini->settings().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:1/v1beta")));
    QVERIFY(!registry.provider(QStringLiteral("sim")));
    QCOMPARE(registry.unavailable(), QStringList{QStringLiteral("sim (simulated)")});
}

void TestProviderConfig::registryUsesFactoryForSimulated()
{
    ProviderConfig config;
    config.providers << ProviderConfigEntry{QStringLiteral("sim"), QStringLiteral("simulated")};
    QStringList made;
    const ConfiguredProviderRegistry registry(
        config, nullptr,
        {{QStringLiteral("simulated"),
          [&made](const ProviderConfigEntry &e, QObject *parent) -> Provider * {
              made << e.id;
              return new OpenAiProvider(HttpProviderSettings{e.id, {}, {}, {}, {}, {}}, parent);
          }}});
    QCOMPARE(made, QStringList{QStringLiteral("sim")});
    QVERIFY(registry.provider(QStringLiteral("sim")));
    QVERIFY(registry.unavailable().isEmpty());
}

void TestProviderConfig::envKeySourceReadsNamedVariable()
{
    qputenv("LADDER_TEST_KEY_A", " sk-test-PLANTED-123\n");
    const EnvKeySource env;
    const KeyLookup found =
        env.lookup({QStringLiteral("x"), QStringLiteral("LADDER_TEST_KEY_A"), {}});
    QCOMPARE(found.key, QLatin1StringView(kPlantedKey));
    QCOMPARE(found.source, QStringLiteral("env LADDER_TEST_KEY_A"));
    QVERIFY(!found.source.contains(QLatin1StringView(kPlantedKey)));
    qunsetenv("LADDER_TEST_KEY_A");
    QVERIFY(
        env.lookup({QStringLiteral("x"), QStringLiteral("LADDER_TEST_KEY_A"), {}}).key.isEmpty());
    QVERIFY(env.lookup({QStringLiteral("x"), {}, {}}).key.isEmpty());
}

void TestProviderConfig::chainKeySourceFallsBackInOrder()
{
    auto first = std::make_shared<FakeKeySource>(
        QHash<QString, QString>{{QStringLiteral("a"), QStringLiteral("key-a1")}});
    auto second = std::make_shared<FakeKeySource>(
        QHash<QString, QString>{{QStringLiteral("a"), QStringLiteral("key-a2")},
                                {QStringLiteral("b"), QStringLiteral("key-b2")}});
    const ChainKeySource chain(first, second);
    QCOMPARE(chain.lookup({QStringLiteral("a"), {}, {}}).key, QStringLiteral("key-a1"));
    QCOMPARE(chain.lookup({QStringLiteral("b"), {}, {}}).key, QStringLiteral("key-b2"));
    QVERIFY(chain.lookup({QStringLiteral("c"), {}, {}}).key.isEmpty());
}

void TestProviderConfig::keychainMissingItemGivesErrorNamingItem()
{
    // Headless there is no secret service; with one, the item does not exist. Either way: no
    // key, and an error that names the item (never a key), asked once.
    const KeychainKeySource keychain;
    const KeyRef ref{QStringLiteral("x"), {}, QStringLiteral("ladder-studio-test/no-such-item")};
    const KeyLookup first = keychain.lookup(ref);
    QVERIFY(first.key.isEmpty());
    QVERIFY2(first.error.startsWith(QStringLiteral("keychain ladder-studio-test/no-such-item: ")),
             qPrintable(first.error));
    QCOMPARE(keychain.lookup(ref).error, first.error);
    QVERIFY(keychain.lookup({QStringLiteral("x"), {}, {}}).error.isEmpty()); // none configured
}

void TestProviderConfig::checkCommandPrintsLinePerModel()
{
    MockHttpServer server;
    QVERIFY(server.listen());
    // One answer, then a rate limit: requests arrive in file order.
    server.enqueue(streamScript(
        {"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"OK\"},"
         "\"finish_reason\":\"stop\"}]}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
         "\"completion_tokens\":1}}\n\ndata: [DONE]\n\n"}));
    server.enqueue(plainResponse(
        429, R"({"type":"error","error":{"type":"rate_limit_error","message":"Slow down"}})",
        {{"retry-after", "3"}}));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("providers.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"providers/1","providers":[)"
            R"({"id":"openai","kind":"openai","base_url":")" +
            server.url(QStringLiteral("v1")).toEncoded() +
            R"(","key_env":"LADDER_TEST_KEY_B","models":["gpt-5.4"]},)"
            R"({"id":"anthropic","kind":"anthropic","base_url":")" +
            server.url(QStringLiteral("v1")).toEncoded() +
            R"(","key_env":"LADDER_TEST_KEY_B","models":["claude-haiku-4-5"]}]})");
    f.close();
    qputenv("LADDER_TEST_KEY_B", kPlantedKey);

    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    const int code = cli::runProvidersCommand(
        {QStringLiteral("ladder"), QStringLiteral("check"), QStringLiteral("--providers"), file},
        out, err);
    qunsetenv("LADDER_TEST_KEY_B");
    out.flush();
    err.flush();
    QCOMPARE(code, 1); // one model failed
    QVERIFY2(errText.isEmpty(), qPrintable(errText));
    const QStringList lines = outText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QStringList ok = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(ok.mid(0, 3), (QStringList{QStringLiteral("openai"), QStringLiteral("gpt-5.4"),
                                        QStringLiteral("ok")}));
    QVERIFY2(ok.at(3).startsWith(QStringLiteral("ttft ")) && ok.at(3).endsWith(" ms"),
             qPrintable(ok.at(3)));
    QCOMPARE(ok.at(4), QStringLiteral("$2.50 in / $15.00 out per Mtok"));
    QCOMPARE(ok.at(5), QStringLiteral("env LADDER_TEST_KEY_B"));
    const QStringList limited = lines.at(1).split(QLatin1Char('\t'));
    QCOMPARE(limited.mid(0, 5),
             (QStringList{QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"),
                          QStringLiteral("rate_limited (HTTP 429)"), QStringLiteral("ttft -"),
                          QStringLiteral("$1.00 in / $5.00 out per Mtok")}));
    QVERIFY(!outText.contains(QLatin1StringView(kPlantedKey)));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).headers.value("x-api-key"), QByteArray(kPlantedKey));
}

void TestProviderConfig::checkCommandRejectsBadConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("bad_timeout")
        << wrap(R"({"id":"x","kind":"openai","base_url":"http://h","timeouts":{"idle_ms":"5"}})")
        << QStringList() << "/providers/0/timeouts/idle_ms: expected a non-negative integer";
    QTest::newRow("unknown_provider_filter")
        << wrap(kGoodEntry) << QStringList{QStringLiteral("--provider"), QStringLiteral("zzz")}
        << "no model to check";
}

void TestProviderConfig::checkCommandRejectsBadConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, expectedError);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bad.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
    f.close();
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    const int code =
        cli::runProvidersCommand(QStringList{QStringLiteral("ladder"), QStringLiteral("check"),
                                             QStringLiteral("--providers"), file} +
                                     extraArgs,
                                 out, err);
    err.flush();
    QCOMPARE(code, 2);
    QVERIFY2(errText.contains(expectedError), qPrintable(errText));
    QVERIFY2(errText.contains(QStringLiteral("bad.json")), qPrintable(errText));
}

void TestProviderConfig::writerRoundTrips_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("example") << [] {
        QFile f(QStringLiteral(LADDER_SOURCE_DIR "/src/providers/providers.example.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QTest::newRow("empty") << QByteArray(R"({"format":"providers/1","providers":[]})");
    QTest::newRow("text_needing_escapes")
        << wrap("{\"id\":\"x\",\"kind\":\"openai\",\"base_url\":\"http://h:1/v1\","
                "\"description\":\"say \\\"hi\\\"\\n\\u00e9\",\"models\":[\"a\\\\b\"],"
                "\"options\":{\"extra_body\":{\"n\":[1,2.5,null,true]}}}");
    QTest::newRow("prices_and_limits")
        << wrap("{\"id\":\"x\",\"kind\":\"openai\",\"base_url\":\"http://h\","
                "\"models\":[\"m\"],\"timeouts\":{\"total_ms\":0},\"limits\":"
                "{\"max_answer_bytes\":1000},\"prices\":{\"m\":{\"input_per_mtok\":0.1,"
                "\"output_per_mtok\":0.4,\"cached_input_per_mtok\":0.01},\"n\":"
                "{\"input_per_mtok\":0,\"output_per_mtok\":0}}}");
    QTest::newRow("qnam_client") << wrap(
        "{\"id\":\"x\",\"kind\":\"openai\",\"base_url\":\"http://h\","
        "\"http_client\":\"qnam\",\"models\":[\"m\"]}");
    QTest::newRow("zero_timeouts")
        << wrap("{\"id\":\"x\",\"kind\":\"openai\",\"base_url\":\"http://h\","
                "\"models\":[\"m\"],\"timeouts\":{\"connect_ms\":0,\"idle_ms\":0}}");
}

void TestProviderConfig::writerRoundTrips()
{
    QFETCH(QByteArray, json);
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(json, &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    const QByteArray written = config.toJson();
    Diagnostics again;
    const ProviderConfig reread = ProviderConfig::fromJson(written, &again);
    QVERIFY2(again.isEmpty(), written.constData());
    QCOMPARE(reread, config);
    QCOMPARE(reread.toJson(), written);
}

void TestProviderConfig::writerOrdersKeysAndLeavesDefaultsOut()
{
    ProviderConfig config;
    ProviderConfigEntry e{QStringLiteral("local"), QStringLiteral("openai"),
                          QUrl(QStringLiteral("http://127.0.0.1:11434/v1"))};
    e.models = QStringList{QStringLiteral("llama3.2")};
    config.providers << e;
    ProviderConfigEntry sim{QStringLiteral("sim"), QStringLiteral("simulated")};
    sim.keyEnv = QStringLiteral("NONE");
    sim.timeouts.idleMs = 5;
    config.providers << sim;
    QCOMPARE(QString::fromUtf8(config.toJson()),
             QStringLiteral("{\n"
                            "    \"format\": \"providers/1\",\n"
                            "    \"providers\": [\n"
                            "        {\n"
                            "            \"id\": \"local\",\n"
                            "            \"kind\": \"openai\",\n"
                            "            \"base_url\": \"http://127.0.0.1:11434/v1\",\n"
                            "            \"models\": [\"llama3.2\"]\n"
                            "        },\n"
                            "        {\n"
                            "            \"id\": \"sim\",\n"
                            "            \"kind\": \"simulated\",\n"
                            "            \"key_env\": \"NONE\",\n"
                            "            \"models\": [],\n"
                            "            \"timeouts\": {\"connect_ms\":10000,"
                            "\"first_token_ms\":60000,\"idle_ms\":5,\"total_ms\":600000}\n"
                            "        }\n"
                            "    ]\n"
                            "}\n"));
}

void TestProviderConfig::saveReportsUnwritableFile()
{
    QTemporaryDir dir;
    ProviderConfig config;
    const QString good = dir.filePath(QStringLiteral("p.json"));
    QString error;
    QVERIFY(config.save(good, &error));
    Diagnostics diagnostics;
    QCOMPARE(ProviderConfig::load(good, &diagnostics), config);
    const QString bad = dir.filePath(QStringLiteral("missing/p.json"));
    QVERIFY(!config.save(bad, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + bad), qPrintable(error));
}

void TestProviderConfig::runRegistryIsSimulatedUnlessConfigured()
{
    RunRegistry registry;
    QCOMPARE(registry.provider(QStringLiteral("anything")), &registry.simulated());
    QVERIFY(!registry.configured());
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(
        wrap(kGoodEntry + R"(,{"id":"sim","kind":"simulated","models":["gpt-5.4"]})"),
        &diagnostics);
    QVERIFY(!hasErrors(diagnostics));
    registry.configure(&config, std::make_shared<EnvKeySource>());
    QVERIFY(registry.configured());
    QVERIFY(qobject_cast<OpenAiProvider *>(registry.provider(QStringLiteral("openai"))));
    // A "simulated" entry is the registry's own simulated provider (time scale, faults).
    QCOMPARE(registry.provider(QStringLiteral("sim")), &registry.simulated());
    QVERIFY(!registry.provider(QStringLiteral("anthropic")));
    registry.configure(nullptr);
    QCOMPARE(registry.provider(QStringLiteral("anthropic")), &registry.simulated());
}

void TestProviderConfig::checkReportsUnconfiguredTarget()
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::fromJson(
        wrap(R"({"id":"sim","kind":"simulated","models":["gpt-5.4","claude-haiku-4-5"]})"),
        &diagnostics);
    QCOMPARE(ProviderCheck::targetsOf(config).size(), 2);
    QVERIFY(ProviderCheck::targetsOf(config, QStringLiteral("other")).isEmpty());
    ProviderCheck check(config, std::make_shared<EnvKeySource>());
    QList<ProviderCheckResult> results;
    connect(&check, &ProviderCheck::checked, this,
            [&results](const ProviderCheckResult &r) { results << r; });
    QSignalSpy finished(&check, &ProviderCheck::finished);
    check.start({{QStringLiteral("sim"), QStringLiteral("gpt-5.4")},
                 {QStringLiteral("nope"), QStringLiteral("m")}});
    QVERIFY(results.isEmpty()); // nothing happens before the event loop runs
    QVERIFY(finished.wait(5000));
    QCOMPARE(results.size(), 2);
    QVERIFY(results.at(0).ok());
    QCOMPARE(results.at(0).keySource, QStringLiteral("no key needed"));
    QVERIFY(results.at(0).ttftMs > 0);
    QCOMPARE(results.at(1).status(), QStringLiteral("bad_request"));
    QCOMPARE(results.at(1).toLine(), QStringLiteral("nope\tm\tbad_request\tttft -\tprice "
                                                    "unknown\t\tprovider \"nope\" is not "
                                                    "configured"));
    QVERIFY(!check.running());
}

QTEST_GUILESS_MAIN(TestProviderConfig)
#include "tst_provider_config.moc"
