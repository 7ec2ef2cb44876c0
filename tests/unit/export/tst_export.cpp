// `ladder export`: the five example ladders in all three formats, parsed back with real parsers
// (yaml-cpp, Qt JSON, the ladder reader) and checked field by field; keys only as references;
// a user's own provider id exports with its base_url; every loss is reported.

#include "core/ladder_json.h"
#include "core/learned_model.h"
#include "core/resources.h"
#include "core/validation.h"
#include "export/exporter.h"
#include "providers/provider_config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace ladder;

Q_DECLARE_METATYPE(ladder::Ladder)

namespace {

// Planted in the environment under every key variable: no output may contain it.
constexpr auto kPlantedKey = "sk-planted-5e1f0a9c7d3b2e4f6a8c0d1e3f5a7b9c";

// What the test expects of the vendor ids, written out independently of the exporter.
struct Vendor {
    const char *liteLlmPrefix;
    const char *portkeyProvider;
    const char *keyEnv;
};
Vendor vendor(const QString &providerId)
{
    if (providerId == QLatin1String("anthropic"))
        return {"anthropic/", "anthropic", "ANTHROPIC_API_KEY"};
    if (providerId == QLatin1String("gemini"))
        return {"gemini/", "google", "GEMINI_API_KEY"};
    return {"openai/", "openai", "OPENAI_API_KEY"};
}

Ladder example(const QString &name)
{
    const ParseResult parsed = parseLadder(readResource(exampleLadderResourcePath(name)));
    if (!parsed.ok())
        qFatal("example %s does not parse", qPrintable(name));
    return parsed.ladder;
}

// The tier's chain as (provider, model), primary first.
QList<ModelRef> chainOf(const Tier &t)
{
    QList<ModelRef> chain{{t.provider, t.model}};
    for (const ModelRef &m : t.fallback)
        chain.append({m.provider.isEmpty() ? t.provider : m.provider, m.model});
    return chain;
}

QString q(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

YAML::Node findDeployment(const YAML::Node &modelList, const QString &name)
{
    for (const YAML::Node &entry : modelList)
        if (q(entry["model_name"]) == name)
            return entry;
    return YAML::Node();
}

QJsonObject findTarget(const QJsonArray &targets, const QString &name)
{
    for (const QJsonValue &v : targets)
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    return {};
}

// A tier target's leaves in order: the target itself, or its fallback targets.
QJsonArray chainLeaves(const QJsonObject &target)
{
    if (target.contains(QLatin1String("provider")))
        return QJsonArray{target};
    return target.value(QLatin1String("targets")).toArray();
}

// light answers, strong takes what light cannot; `extra` adds or replaces top-level keys and
// `lightExtra` keys of the light tier, `edge` is the one transition light → strong.
Ladder routerLadder(const QByteArray &edge, const QByteArray &lightExtra = "{}",
                    const QByteArray &extra = "{}")
{
    QJsonObject light{{"id", "light"}, {"provider", "openai"}, {"model", "gpt-5.4-mini"}};
    const QJsonObject add = QJsonDocument::fromJson(lightExtra).object();
    for (auto it = add.begin(); it != add.end(); ++it)
        light.insert(it.key(), it.value());
    QJsonObject root{
        {"format", "ladder/1"},
        {"name", "router signals"},
        {"entry", "light"},
        {"tiers",
         QJsonArray{QJsonObject{{"id", "strong"}, {"provider", "openai"}, {"model", "gpt-5.4"}},
                    light}},
        {"transitions",
         QJsonArray{QJsonDocument::fromJson(R"({"id": "up", "from": "light", "to": "strong",
                                               "when": )" +
                                            edge + "}")
                        .object()}}};
    const QJsonObject more = QJsonDocument::fromJson(extra).object();
    for (auto it = more.begin(); it != more.end(); ++it)
        root.insert(it.key(), it.value());
    const ParseResult parsed = parseLadderObject(root);
    if (!parsed.ok())
        qFatal("router ladder does not parse: %s",
               qPrintable(parsed.diagnostics.first().toString()));
    return parsed.ladder;
}

QList<QString> formats()
{
    return {QStringLiteral("json"), QStringLiteral("litellm"), QStringLiteral("portkey")};
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
                                 "MY_VLLM_API_KEY", "VLLM_KEY"})
            qputenv(name, kPlantedKey);
    }

    void jsonRoundTripsUnchanged_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : exampleLadderNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void jsonRoundTripsUnchanged()
    {
        QFETCH(QString, name);
        const Ladder ladder = example(name);
        const ExportResult result = exportLadder(ladder, ExportFormat::Json);
        QVERIFY(result.ok());
        QJsonParseError error;
        QJsonDocument::fromJson(result.text, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const ParseResult back = parseLadder(result.text);
        QVERIFY(back.ok());
        QVERIFY(!hasErrors(validate(back.ladder)));
        QCOMPARE(back.ladder, ladder);
        QCOMPARE(result.text, readResource(exampleLadderResourcePath(name))); // canonical bytes
        QVERIFY(result.report.nothingLost());
        QVERIFY(result.report.toMarkdown().contains(QLatin1String("Nothing lost")));

        ExportOptions noLayout;
        noLayout.includeLayout = false;
        const ExportResult bare = exportLadder(ladder, ExportFormat::Json, noLayout);
        const ParseResult bareBack = parseLadder(bare.text);
        QVERIFY(bareBack.ok());
        QVERIFY(bareBack.ladder.layout.isEmpty());
        Ladder expected = ladder;
        expected.layout.clear();
        QCOMPARE(bareBack.ladder, expected);
        QVERIFY(bare.report.toMarkdown().contains(QLatin1String("--no-layout")));
    }

    void liteLlmKeepsEveryTierAndFallback_data() { jsonRoundTripsUnchanged_data(); }
    void liteLlmKeepsEveryTierAndFallback()
    {
        QFETCH(QString, name);
        const Ladder ladder = example(name);
        const ExportResult result = exportLadder(ladder, ExportFormat::LiteLlm);
        QVERIFY2(result.ok(), qPrintable(result.diagnostics.value(0).toString()));
        const YAML::Node root = YAML::Load(result.text.toStdString());
        const YAML::Node modelList = root["model_list"];
        QVERIFY(modelList.IsSequence());

        int deployments = 0;
        for (const Tier &tier : ladder.tiers) {
            const QList<ModelRef> chain = chainOf(tier);
            QStringList expectedFallbacks;
            for (int i = 0; i < chain.size(); ++i) {
                const QString group =
                    i == 0 ? tier.id : QStringLiteral("%1-fallback-%2").arg(tier.id).arg(i);
                if (i > 0)
                    expectedFallbacks << group;
                const YAML::Node entry = findDeployment(modelList, group);
                QVERIFY2(entry.IsMap(), qPrintable(group));
                const YAML::Node params = entry["litellm_params"];
                const Vendor v = vendor(chain[i].provider);
                QCOMPARE(q(params["model"]), QLatin1String(v.liteLlmPrefix) + chain[i].model);
                QCOMPARE(q(params["api_key"]), QStringLiteral("os.environ/") + v.keyEnv);
                QVERIFY(!params["api_base"]); // the vendors' own endpoints
                QCOMPARE(params["temperature"].as<double>(), *tier.params.temperature);
                QCOMPARE(params["max_tokens"].as<int>(), *tier.params.maxTokens);
                ++deployments;
            }
            // The fallback order of the tier, as one router_settings.fallbacks entry.
            QStringList got;
            for (const YAML::Node &entry : root["router_settings"]["fallbacks"])
                if (entry[tier.id.toStdString()])
                    for (const YAML::Node &g : entry[tier.id.toStdString()])
                        got << q(g);
            QCOMPARE(got, expectedFallbacks);
        }
        QCOMPARE(int(modelList.size()), deployments);

        const RetryPolicy engine;
        const YAML::Node router = root["router_settings"];
        QCOMPARE(router["num_retries"].as<int>(), engine.maxRetriesPerModel);
        QCOMPARE(router["allowed_fails"].as<int>(), engine.cooldownAfterFailures);
        QCOMPARE(router["cooldown_time"].as<int>(), engine.cooldownMs / 1000);
        QCOMPARE(bool(root["litellm_settings"]), ladder.cache.enabled);
        if (ladder.cache.enabled)
            QCOMPARE(root["litellm_settings"]["cache"].as<bool>(), true);

        // A refusal or low confidence re-answer becomes the nearest LiteLLM feature.
        bool refusal = false;
        for (const Transition &t : ladder.transitions)
            refusal = refusal || t.condition.postSignals.contains(PostSignal::Refusal);
        QCOMPARE(bool(router["content_policy_fallbacks"]), refusal);
    }

    void portkeyKeepsEveryTierAndFallback_data() { jsonRoundTripsUnchanged_data(); }
    void portkeyKeepsEveryTierAndFallback()
    {
        QFETCH(QString, name);
        const Ladder ladder = example(name);
        const ExportResult result = exportLadder(ladder, ExportFormat::Portkey);
        QVERIFY(result.ok());
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(result.text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject strategy = root.value(QLatin1String("strategy")).toObject();
        QCOMPARE(strategy.value(QLatin1String("mode")).toString(), QLatin1String("conditional"));
        const QJsonArray targets = root.value(QLatin1String("targets")).toArray();
        QCOMPARE(targets.size(), ladder.tiers.size());

        const RetryPolicy engine;
        QSet<QString> manualPicks;
        for (const QJsonValue &c : strategy.value(QLatin1String("conditions")).toArray()) {
            const QJsonObject query = c.toObject().value(QLatin1String("query")).toObject();
            if (query.contains(QLatin1String("metadata.tier")))
                manualPicks << c.toObject().value(QLatin1String("then")).toString();
        }
        for (const Tier &tier : ladder.tiers) {
            QVERIFY2(manualPicks.contains(tier.id), qPrintable(tier.id));
            const QJsonObject target = findTarget(targets, tier.id);
            QVERIFY2(!target.isEmpty(), qPrintable(tier.id));
            const QList<ModelRef> chain = chainOf(tier);
            const QJsonArray leaves = chainLeaves(target);
            QCOMPARE(leaves.size(), chain.size());
            if (chain.size() > 1)
                QCOMPARE(target.value(QLatin1String("strategy"))
                             .toObject()
                             .value(QLatin1String("mode"))
                             .toString(),
                         QLatin1String("fallback"));
            for (int i = 0; i < chain.size(); ++i) {
                const QJsonObject leaf = leaves[i].toObject();
                const Vendor v = vendor(chain[i].provider);
                QCOMPARE(leaf.value(QLatin1String("provider")).toString(),
                         QLatin1String(v.portkeyProvider));
                QCOMPARE(leaf.value(QLatin1String("api_key")).toString(),
                         QStringLiteral("${%1}").arg(QLatin1String(v.keyEnv)));
                QVERIFY(!leaf.contains(QLatin1String("custom_host")));
                const QJsonObject params = leaf.value(QLatin1String("override_params")).toObject();
                QCOMPARE(params.value(QLatin1String("model")).toString(), chain[i].model);
                QCOMPARE(params.value(QLatin1String("temperature")).toDouble(),
                         *tier.params.temperature);
                QCOMPARE(params.value(QLatin1String("max_tokens")).toInt(), *tier.params.maxTokens);
                const QJsonObject retry = leaf.value(QLatin1String("retry")).toObject();
                QCOMPARE(retry.value(QLatin1String("attempts")).toInt(), engine.maxRetriesPerModel);
                QVERIFY(retry.value(QLatin1String("on_status_codes")).toArray().contains(429));
            }
        }
        // Classification routes become conditions on metadata.task.
        for (const Transition &t : ladder.transitions) {
            if (!t.condition.preSignals.contains(PreSignal::Classification))
                continue;
            bool found = false;
            for (const QJsonValue &c : strategy.value(QLatin1String("conditions")).toArray()) {
                const QJsonObject o = c.toObject();
                const QJsonObject match = o.value(QLatin1String("query"))
                                              .toObject()
                                              .value(QLatin1String("metadata.task"))
                                              .toObject();
                found = found || (o.value(QLatin1String("then")).toString() == t.to &&
                                  match.value(QLatin1String("$eq")).toString() ==
                                      t.condition.labels.first());
            }
            QVERIFY2(found, qPrintable(t.id));
        }
        QCOMPARE(root.contains(QLatin1String("cache")), ladder.cache.enabled);
    }

    void portkeyDefaultsToTheSettledTier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tier");
        QTest::newRow("framing: light after the step-down") << "framing"
                                                            << "light";
        QTest::newRow("step-down: the last step") << "step-down"
                                                  << "light";
        QTest::newRow("escalation-tool: the entry") << "escalation-tool"
                                                    << "cheap";
        QTest::newRow("listener: the classifier's default label") << "listener-worker-reasoner"
                                                                  << "general";
        QTest::newRow("task-registry: the default label") << "task-registry"
                                                          << "agent";
    }
    void portkeyDefaultsToTheSettledTier()
    {
        QFETCH(QString, name);
        QFETCH(QString, tier);
        const ExportResult result = exportLadder(example(name), ExportFormat::Portkey);
        const QJsonObject root = QJsonDocument::fromJson(result.text).object();
        QCOMPARE(root.value(QLatin1String("strategy"))
                     .toObject()
                     .value(QLatin1String("default"))
                     .toString(),
                 tier);
    }

    void keysAreReferencesOnly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        for (const QString &name : exampleLadderNames())
            for (const QString &format : formats())
                QTest::newRow(qPrintable(name + QLatin1Char('/') + format)) << name << format;
    }
    void keysAreReferencesOnly()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QCOMPARE(qgetenv("OPENAI_API_KEY"), QByteArray(kPlantedKey));
        ProviderConfig providers;
        Diagnostics diagnostics;
        providers = ProviderConfig::fromJson(
            "{\"format\":\"providers/1\",\"providers\":["
            "{\"id\":\"openai\",\"kind\":\"openai\","
            "\"base_url\":\"https://api.openai.com/v1\",\"key_env\":\"OPENAI_API_KEY\"},"
            "{\"id\":\"anthropic\",\"kind\":\"anthropic\","
            "\"base_url\":\"https://api.anthropic.com/v1\","
            "\"keychain\":\"ladder-studio/anthropic\"},"
            "{\"id\":\"gemini\",\"kind\":\"gemini\","
            "\"base_url\":\"https://generativelanguage.googleapis.com/v1beta\","
            "\"key_env\":\"GEMINI_API_KEY\"}]}",
            &diagnostics);
        QVERIFY(!hasErrors(diagnostics));
        ExportOptions options;
        options.providers = &providers;
        const ExportResult result =
            exportLadder(example(name), *exportFormatFromString(format), options);
        QVERIFY(result.ok());
        QVERIFY(!result.text.contains(kPlantedKey));
        QVERIFY(!result.report.toMarkdown().contains(QLatin1String(kPlantedKey)));
        if (format != QLatin1String("json")) {
            // A keychain-only provider gets a variable to set, and the report says so.
            const bool usesAnthropic = result.text.contains("claude");
            QCOMPARE(result.text.contains("ANTHROPIC_API_KEY"), usesAnthropic);
            QCOMPARE(result.report.toMarkdown().contains(QLatin1String("OS keychain")),
                     usesAnthropic);
        }
    }

    void cliNeverPrintsAPlantedKey_data() { keysAreReferencesOnly_data(); }
    void cliNeverPrintsAPlantedKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("export.") + format);
        QProcess p;
        p.start(QStringLiteral(LADDER_CLI),
                {QStringLiteral("export"), name, QStringLiteral("--format"), format,
                 QStringLiteral("-o"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QFile report(lossReportPath(out));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray all = file.readAll() + report.readAll() + p.readAllStandardOutput() +
                               p.readAllStandardError();
        QVERIFY(!all.isEmpty());
        QVERIFY(!all.contains(kPlantedKey));

        // Without -o: the export on stdout, the report on stderr.
        QProcess q2;
        q2.start(QStringLiteral(LADDER_CLI),
                 {QStringLiteral("export"), name, QStringLiteral("--format"), format});
        QVERIFY(q2.waitForFinished(60000));
        QCOMPARE(q2.exitCode(), 0);
        file.seek(0);
        QCOMPARE(q2.readAllStandardOutput(), file.readAll());
        QVERIFY(q2.readAllStandardError().contains("# Loss report"));
    }

    void userProviderExportsItsBaseUrl_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("litellm") << "litellm";
        QTest::newRow("portkey") << "portkey";
    }
    void userProviderExportsItsBaseUrl()
    {
        QFETCH(QString, format);
        Ladder ladder = example(QStringLiteral("framing"));
        ladder.tiers[1].provider = QStringLiteral("my-vllm");
        ladder.tiers[1].model = QStringLiteral("qwen3-8b");
        ladder.tiers[1].fallback = {{QStringLiteral("openai"), QStringLiteral("gpt-5.4-mini")}};
        Diagnostics diagnostics;
        const ProviderConfig providers = ProviderConfig::fromJson(
            "{\"format\":\"providers/1\",\"providers\":[{\"id\":\"my-vllm\","
            "\"kind\":\"openai\",\"base_url\":\"http://10.1.2.3:8000/v1\","
            "\"key_env\":\"VLLM_KEY\",\"models\":[\"qwen3-8b\"]}]}",
            &diagnostics);
        QVERIFY(!hasErrors(diagnostics));
        ExportOptions options;
        options.providers = &providers;
        const ExportResult result = exportLadder(ladder, *exportFormatFromString(format), options);
        QVERIFY2(result.ok(), qPrintable(result.diagnostics.value(0).toString()));
        QVERIFY(!result.text.contains(kPlantedKey));
        if (format == QLatin1String("litellm")) {
            const YAML::Node root = YAML::Load(result.text.toStdString());
            const YAML::Node params = findDeployment(root["model_list"], "light")["litellm_params"];
            QCOMPARE(q(params["model"]), QLatin1String("openai/qwen3-8b"));
            QCOMPARE(q(params["api_base"]), QLatin1String("http://10.1.2.3:8000/v1"));
            QCOMPARE(q(params["api_key"]), QLatin1String("os.environ/VLLM_KEY"));
            const YAML::Node fb =
                findDeployment(root["model_list"], "light-fallback-1")["litellm_params"];
            QVERIFY(!fb["api_base"]); // back on the vendor's endpoint
        } else {
            const QJsonObject root = QJsonDocument::fromJson(result.text).object();
            const QJsonArray leaves = chainLeaves(findTarget(
                root.value(QLatin1String("targets")).toArray(), QStringLiteral("light")));
            QCOMPARE(leaves.size(), 2);
            const QJsonObject leaf = leaves[0].toObject();
            QCOMPARE(leaf.value(QLatin1String("custom_host")).toString(),
                     QLatin1String("http://10.1.2.3:8000/v1"));
            QCOMPARE(leaf.value(QLatin1String("api_key")).toString(), QLatin1String("${VLLM_KEY}"));
            QVERIFY(!leaves[1].toObject().contains(QLatin1String("custom_host")));
        }

        // Without the providers file the id means nothing: an error names the field.
        const ExportResult bare = exportLadder(ladder, *exportFormatFromString(format));
        QVERIFY(!bare.ok());
        QVERIFY(bare.text.isEmpty());
        QVERIFY2(bare.diagnostics.first().toString().contains(
                     QLatin1String("/tiers/1/provider: provider \"my-vllm\"")),
                 qPrintable(bare.diagnostics.first().toString()));
    }

    void onFailureEdgesBecomeNestedFallbacks()
    {
        Ladder ladder = example(QStringLiteral("framing"));
        Transition t;
        t.id = QStringLiteral("light_down");
        t.from = QStringLiteral("light");
        t.to = QStringLiteral("strong");
        t.condition.type = Condition::Type::OnFailure;
        t.condition.failures = {FailureKind::RateLimited, FailureKind::BadRequest};
        ladder.transitions << t;
        const QJsonObject root =
            QJsonDocument::fromJson(exportLadder(ladder, ExportFormat::Portkey).text).object();
        const QJsonObject light =
            findTarget(root.value(QLatin1String("targets")).toArray(), QStringLiteral("light"));
        const QJsonObject strategy = light.value(QLatin1String("strategy")).toObject();
        QCOMPARE(strategy.value(QLatin1String("on_status_codes")).toArray(),
                 (QJsonArray{400, 404, 413, 422, 429}));
        const QJsonArray outer = light.value(QLatin1String("targets")).toArray();
        QCOMPARE(outer.size(), 2);
        QCOMPARE(chainLeaves(outer[1].toObject())[0]
                     .toObject()
                     .value(QLatin1String("override_params"))
                     .toObject()
                     .value(QLatin1String("model"))
                     .toString(),
                 QLatin1String("gpt-5.4"));

        const YAML::Node yaml =
            YAML::Load(exportLadder(ladder, ExportFormat::LiteLlm).text.toStdString());
        QStringList lightFallbacks;
        for (const YAML::Node &entry : yaml["router_settings"]["fallbacks"])
            if (entry["light"])
                for (const YAML::Node &g : entry["light"])
                    lightFallbacks << q(g);
        QCOMPARE(lightFallbacks, (QStringList{"light-fallback-1", "strong", "strong-fallback-1"}));
        QCOMPARE(q(yaml["router_settings"]["context_window_fallbacks"][0]["light"][0]),
                 QLatin1String("strong"));
    }

    void lossReportNamesEveryLoss_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("features");
        const QStringList framing{"Turn-count step-down",     "`on_signal` trigger",
                                  "Post-turn escalation",     "`return_after`",
                                  "Handoff memory injection", "History window",
                                  "Tier system prompts"};
        const QStringList tool{"Post-turn escalation", "The `escalate` tool", "`return_after`",
                               "Clean-handoff history", "Tier system prompts"};
        const QStringList listener{"Classifier routing", "Post-turn escalation", "`return_after`",
                                   "Handoff memory injection", "Clean-handoff history"};
        for (const QString &format : {QStringLiteral("litellm"), QStringLiteral("portkey")}) {
            QTest::newRow(qPrintable("framing/" + format)) << "framing" << format << framing;
            QTest::newRow(qPrintable("escalation-tool/" + format))
                << "escalation-tool" << format << tool;
            QTest::newRow(qPrintable("listener/" + format))
                << "listener-worker-reasoner" << format << listener;
            QTest::newRow(qPrintable("task-registry/" + format))
                << "task-registry" << format
                << QStringList{"Classifier routing", "Response cache switch"};
            QTest::newRow(qPrintable("step-down/" + format))
                << "step-down" << format << QStringList{"Turn-count step-down"};
        }
    }
    void lossReportNamesEveryLoss()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QFETCH(QStringList, features);
        const ExportResult result = exportLadder(example(name), *exportFormatFromString(format));
        QStringList got;
        for (const LossItem &item : result.report.items)
            got << item.feature;
        for (const QString &f : features)
            QVERIFY2(got.contains(f), qPrintable(f + QLatin1String(" missing from ") +
                                                 got.join(QLatin1String(", "))));
        // The step-down item tells what answers instead.
        if (name == QLatin1String("framing")) {
            const QString md = result.report.toMarkdown();
            QVERIFY(md.contains(format == QLatin1String("portkey")
                                    ? QLatin1String("`light` answers every request")
                                    : QLatin1String("`framing-ladder`")));
        }
        // The escalation-tool ladder has no memory to lose: never a made-up loss.
        if (name == QLatin1String("escalation-tool"))
            QVERIFY(!got.contains(QLatin1String("Handoff memory injection")));
    }

    // What a gateway cannot do of the learned detector, the quality gate, the budget and
    // "switch only when it pays": each named with its ladder fields and, where the gateway has
    // something near, what that is and why it is not the same.
    void lossReportNamesTheRouterSignals_data()
    {
        QTest::addColumn<Ladder>("ladder");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("feature");  // an item with this feature ...
        QTest::addColumn<QStringList>("says"); // ... whose text says all of these; empty: none
        const QByteArray onNeedsStrong = R"({"type": "on_signal", "signals": ["needs_strong"]})";
        const QByteArray learned = R"({"detectors": [{"id": "listener", "kind": "learned",
            "signal": "needs_strong", "threshold": 0.7}]})";
        Ladder trained = routerLadder(onNeedsStrong, "{}", learned);
        LearnedModel model;
        model.setWeights(std::vector<float>(256, 0.0f));
        model.weights = {{3, 100}, {17, -40}, {200, 7}};
        model.scale = 0.01;
        model.trained = QJsonObject{{"turns", 160}, {"needs_strong", 52}};
        trained.detectors[0].model = model;
        const QByteArray gate = R"({"type": "post_turn", "signals": ["empty_answer",
            "format_violation", "self_check_failed"]})";
        const QByteArray afterTwo = R"({"type": "after_turns", "turns": 2})";
        const QByteArray pays = R"({"type": "after_turns", "turns": 2,
            "pays_within_turns": 3})";
        const QByteArray stepDown = R"({"budget": {"conversation_usd": 0.5, "session_usd": 20}})";
        const QByteArray stop = R"({"budget": {"conversation_usd": 0.5, "action": "stop"}})";
        for (const QString &f : {QStringLiteral("litellm"), QStringLiteral("portkey")}) {
            const bool lite = f == QLatin1String("litellm");
            const QString strong = lite ? "`model: strong`" : "`metadata.tier: \"strong\"`";
            const QString light = lite ? "`model: light`" : "`metadata.tier: \"light\"`";
            auto row = [&f](const char *name) {
                return &QTest::newRow(qPrintable(f + QLatin1Char('/') + QLatin1String(name)));
            };
            *row("learned, trained")
                << trained << f << "Learned detector"
                << QStringList{"`/detectors/0` (`listener`): kind `learned`, raises "
                               "`needs_strong` at p ≥ 0.7 (trained on 160 turns, 3 weights)",
                               "read by `light` → `strong` (`/transitions/0` (`up`))",
                               "classifier and its weights", "send " + strong + " when p ≥ 0.7"};
            *row("learned, untrained")
                << routerLadder(onNeedsStrong, "{}", learned) << f << "Learned detector"
                << QStringList{"(untrained)", "`needs_strong` is never raised"};
            QStringList gateSays{"on `empty_answer`, `format_violation`, `self_check_failed`",
                                 "an empty answer", "the memory's format contract",
                                 "the score of a `self_check` call"};
            if (!lite)
                gateSays << "`default.jsonSchema`"
                         << "status 446";
            *row("gate signals on a post-turn edge")
                << routerLadder(gate) << f << "Post-turn escalation" << gateSays;
            *row("self_check")
                << routerLadder(gate, R"({"self_check": {"model": "gpt-5-nano",
                    "threshold": 0.6}})")
                << f << "Self-check call"
                << QStringList{"`/tiers/1/self_check` (`light`): model `gpt-5-nano` scores the "
                               "answer, `self_check_failed` below 0.6",
                               "never a second one", "send the question again with " + strong};
            *row("required_sections")
                << routerLadder(gate, R"({"required_sections": ["Answer", "Sources"]})") << f
                << "Format contract"
                << QStringList{"`/tiers/1/required_sections` (`light`): `Answer`, `Sources`",
                               "`format_violation` never fires"};
            *row("response_schema")
                << routerLadder(gate, R"({"response_schema": {"type": "object"}})") << f
                << "Format contract"
                << QStringList{"`/tiers/1/response_schema` (`light`)",
                               "`format_violation` never fires"};
            *row("budget, step_down")
                << routerLadder(afterTwo, "{}", stepDown) << f << "Spend budget"
                << (lite ? QStringList{"`/budget`: `conversation_usd` $0.5, `session_usd` $20, "
                                       "action `step_down`",
                                       "cheapest tier (`light`)", "`budget_exceeded`",
                                       "`max_budget`", "reject a request over budget",
                                       "none steps down",
                                       "none counts the spend of one "
                                       "conversation",
                                       "send " + light + " past the limit"}
                         : QStringList{"action `step_down`", "cheapest tier (`light`)",
                                       "has no spend limit", "send " + light});
            *row("budget, stop")
                << routerLadder(afterTwo, "{}", stop) << f << "Spend budget"
                << (lite ? QStringList{"`/budget`: `conversation_usd` $0.5, action `stop`",
                                       "ends the conversation", "reject a request over budget",
                                       "comes nearest to `stop`"}
                         : QStringList{"action `stop`", "has no spend limit",
                                       "stop sending past the limit"});
            *row("pays_within_turns") << routerLadder(pays) << f << "Switch only when it pays"
                                      << QStringList{"`/transitions/0` (`up`): `light` → `strong`, "
                                                     "`pays_within_turns` 3",
                                                     "prompt-cache", "saves over 3 turns"};
            // None of it where the ladder has none of it.
            for (const char *feature : {"Learned detector", "Self-check call", "Format contract",
                                        "Spend budget", "Switch only when it pays"})
                *row((QByteArray("none: ") + feature).constData())
                    << routerLadder(afterTwo) << f << feature << QStringList{};
        }
    }
    void lossReportNamesTheRouterSignals()
    {
        QFETCH(Ladder, ladder);
        QFETCH(QString, format);
        QFETCH(QString, feature);
        QFETCH(QStringList, says);
        const ExportResult result = exportLadder(ladder, *exportFormatFromString(format));
        QVERIFY(result.ok());
        QList<LossItem> items;
        for (const LossItem &item : result.report.items)
            if (item.feature == feature)
                items << item;
        if (says.isEmpty()) {
            QCOMPARE(items.size(), 0);
            return;
        }
        QCOMPARE(items.size(), 1);
        const QString text = items.first().where + QLatin1Char('\n') + items.first().instead;
        for (const QString &s : says)
            QVERIFY2(text.contains(s), qPrintable(s + QLatin1String("\n  not in:\n") + text));
        // and the Markdown report carries it
        QVERIFY(result.report.toMarkdown().contains(items.first().instead));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
