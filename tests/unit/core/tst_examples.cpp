// The example ladders shipped in resources/ladders: valid, canonical, described by the schema,
// and their detector patterns fire where the seed patterns need them.

#include "core/ladder_json.h"
#include "core/resources.h"
#include "core/validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace ladder;

namespace {

QStringList messages(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.toString());
    return out;
}

Ladder example(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

QJsonObject exampleJson(const QString &name)
{
    return QJsonDocument::fromJson(readResource(exampleLadderResourcePath(name))).object();
}

QJsonObject schema()
{
    return QJsonDocument::fromJson(
               readResource(QStringLiteral(":/ladder/schema/ladder-1.schema.json")))
        .object();
}

// Every string a schema allows by `enum` or `const`, and every property name it declares.
void collectSchema(const QJsonValue &value, QSet<QString> *allowed, QSet<QString> *properties)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectSchema(item, allowed, properties);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("enum")) {
            for (const QJsonValue &v : it.value().toArray())
                allowed->insert(v.toString());
        } else if (it.key() == QLatin1String("const")) {
            allowed->insert(it.value().toString());
        } else if (it.key() == QLatin1String("properties")) {
            const QJsonObject props = it.value().toObject();
            for (auto p = props.begin(); p != props.end(); ++p)
                properties->insert(p.key());
        }
        collectSchema(it.value(), allowed, properties);
    }
}

// Property names used by a document; `layout/nodes` and `params/extra` hold free-form keys.
void collectKeys(const QJsonValue &value, const QString &parentKey, QSet<QString> *keys)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectKeys(item, parentKey, keys);
        return;
    }
    if (!value.isObject() || parentKey == QLatin1String("nodes") ||
        parentKey == QLatin1String("extra"))
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        keys->insert(it.key());
        collectKeys(it.value(), it.key(), keys);
    }
}

QStringList enumValuesUsed(const Ladder &ladder)
{
    QStringList used;
    const QJsonObject json = toJson(ladder);
    used << json.value("memory").toObject().value("inject").toString()
         << json.value("memory").toObject().value("refresh").toString()
         << json.value("history").toObject().value("mode").toString();
    for (const QJsonValue &t : json.value("transitions").toArray()) {
        const QJsonObject when = t.toObject().value("when").toObject();
        used << when.value("type").toString();
        for (const QJsonValue &s : when.value("signals").toArray())
            used << s.toString();
        for (const QJsonValue &e : when.value("errors").toArray())
            used << e.toString();
    }
    for (const QJsonValue &d : json.value("detectors").toArray()) {
        used << d.toObject().value("kind").toString();
        if (d.toObject().contains("signal"))
            used << d.toObject().value("signal").toString();
    }
    for (const QString &field : ladder.memory.fields)
        used << field;
    return used;
}

// Signals the framing ladder's lexicons raise for a sentence, as the engine would (case
// insensitive, any pattern of a detector).
QStringList firedSignals(const Ladder &ladder, const QString &text)
{
    QStringList fired;
    for (const Detector &d : ladder.detectors) {
        if (d.kind != Detector::Kind::Lexicon || !d.enabled)
            continue;
        for (const QString &pattern : d.patterns) {
            const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
            if (re.match(text).hasMatch()) {
                fired.append(toString(d.signal));
                break;
            }
        }
    }
    return fired;
}

QString classify(const Ladder &ladder, const QString &text)
{
    for (const Detector &d : ladder.detectors) {
        if (d.kind != Detector::Kind::Classifier)
            continue;
        for (const auto &[label, patterns] : d.labels) {
            for (const QString &pattern : patterns) {
                if (QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption)
                        .match(text)
                        .hasMatch())
                    return label;
            }
        }
        return d.defaultLabel;
    }
    return {};
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT

private slots:
    void shipsOneExamplePerSeedPattern()
    {
        QCOMPARE(exampleLadderNames(),
                 QStringList({"escalation-tool", "framing", "listener-worker-reasoner", "step-down",
                              "task-registry"}));
    }

    void exampleIsValidAndCanonical_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : exampleLadderNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void exampleIsValidAndCanonical()
    {
        QFETCH(QString, name);
        const QString sourcePath =
            QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/%1.json").arg(name);
        // After editing an example by hand: LADDER_REWRITE_EXAMPLES=1 rewrites it canonically.
        if (qEnvironmentVariableIsSet("LADDER_REWRITE_EXAMPLES")) {
            const ParseResult edited = loadLadderFile(sourcePath);
            QVERIFY(edited.ok());
            QString error;
            QVERIFY2(saveLadderFile(edited.ladder, sourcePath, &error), qPrintable(error));
            QSKIP("rewritten in canonical form: rebuild and run again without the variable");
        }
        const QByteArray bytes = readResource(exampleLadderResourcePath(name));
        QVERIFY(!bytes.isEmpty());
        const ParseResult parsed = parseLadder(bytes, name + QStringLiteral(".json"));
        QCOMPARE(messages(parsed.diagnostics), QStringList());
        ValidationContext context;
        context.fileName = name + QStringLiteral(".json");
        QCOMPARE(messages(validate(parsed.ladder, context)), QStringList());
        QCOMPARE(toCanonicalJson(parsed.ladder), bytes);

        // The source tree's file is the one compiled in, and validateFile agrees.
        QFile source(sourcePath);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(source.readAll(), bytes);
        QCOMPARE(messages(validateFile(sourcePath)), QStringList());
    }

    void exampleTiersHaveFallbackColourAndPosition_data() { exampleIsValidAndCanonical_data(); }

    void exampleTiersHaveFallbackColourAndPosition()
    {
        QFETCH(QString, name);
        const Ladder ladder = example(name);
        QVERIFY(!ladder.name.isEmpty());
        QVERIFY(!ladder.description.isEmpty());
        QSet<QString> colours;
        for (const Tier &tier : ladder.tiers) {
            QVERIFY2(!tier.fallback.isEmpty(), qPrintable(tier.id));
            QVERIFY2(!tier.color.isEmpty(), qPrintable(tier.id));
            QVERIFY2(!tier.systemPrompt.isEmpty(), qPrintable(tier.id));
            colours.insert(tier.color);
            const bool placed = std::any_of(ladder.layout.begin(), ladder.layout.end(),
                                            [&](const NodePosition &p) { return p.id == tier.id; });
            QVERIFY2(placed, qPrintable(tier.id));
        }
        QCOMPARE(colours.size(), ladder.tiers.size());
    }

    void exampleMatchesItsSpecification_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("model");    // provider/model
        QTest::addColumn<QString>("fallback"); // provider/model of the first fallback
        auto row = [](const char *name, const char *tier, const char *model, const char *fallback) {
            QTest::addRow("%s/%s", name, tier) << name << tier << model << fallback;
        };
        row("framing", "strong", "openai/gpt-5.4", "anthropic/claude-sonnet-4-6");
        row("framing", "light", "openai/gpt-5.4-mini", "gemini/gemini-3-flash-preview");
        row("step-down", "advanced", "anthropic/claude-opus-4-6", "openai/gpt-5.4");
        row("step-down", "mid", "anthropic/claude-sonnet-4-6", "openai/gpt-5.4-mini");
        row("step-down", "light", "anthropic/claude-haiku-4-5", "gemini/gemini-2.5-flash");
        row("escalation-tool", "cheap", "gemini/gemini-3-flash-preview", "openai/gpt-5.4-mini");
        row("escalation-tool", "strong", "gemini/gemini-3.1-pro-preview",
            "anthropic/claude-sonnet-4-6");
        row("listener-worker-reasoner", "listener", "openai/gpt-5-nano",
            "gemini/gemini-2.5-flash-lite");
        row("listener-worker-reasoner", "general", "openai/gpt-5-mini",
            "anthropic/claude-haiku-4-5");
        row("listener-worker-reasoner", "coder", "openai/gpt-5.4-mini",
            "gemini/gemini-3-flash-preview");
        row("listener-worker-reasoner", "writer", "anthropic/claude-haiku-4-5",
            "openai/gpt-5-mini");
        row("listener-worker-reasoner", "reasoner", "anthropic/claude-opus-4-6", "openai/gpt-5.4");
        row("task-registry", "agent", "openai/gpt-5.4", "anthropic/claude-opus-4-6");
        row("task-registry", "narrative", "anthropic/claude-sonnet-4-6", "openai/gpt-5.4-mini");
        row("task-registry", "extract", "openai/gpt-5-mini", "anthropic/claude-haiku-4-5");
        row("task-registry", "classify", "gemini/gemini-2.5-flash-lite", "openai/gpt-5-nano");
        row("task-registry", "title", "openai/gpt-5-nano", "gemini/gemini-2.5-flash-lite");
        row("task-registry", "router", "openai/gpt-5-nano", "gemini/gemini-2.5-flash-lite");
    }

    void exampleMatchesItsSpecification()
    {
        QFETCH(QString, name);
        QFETCH(QString, tier);
        QFETCH(QString, model);
        QFETCH(QString, fallback);
        const Ladder ladder = example(name);
        const Tier *t = ladder.tier(tier);
        QVERIFY(t);
        QCOMPARE(t->provider + QLatin1Char('/') + t->model, model);
        QVERIFY(!t->fallback.isEmpty());
        QCOMPARE(t->fallback.first().provider + QLatin1Char('/') + t->fallback.first().model,
                 fallback);
    }

    void taskRegistryTiersCarryTheirOwnParams_data()
    {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<double>("temperature");
        QTest::addColumn<int>("maxTokens");
        QTest::newRow("agent") << "agent" << 0.3 << 4096;
        QTest::newRow("narrative") << "narrative" << 0.7 << 1024;
        QTest::newRow("extract") << "extract" << 0.0 << 512;
        QTest::newRow("classify") << "classify" << 0.0 << 16;
        QTest::newRow("title") << "title" << 0.2 << 32;
    }

    void taskRegistryTiersCarryTheirOwnParams()
    {
        QFETCH(QString, tier);
        QFETCH(double, temperature);
        QFETCH(int, maxTokens);
        const Ladder registry = example(QStringLiteral("task-registry"));
        const Tier *t = registry.tier(tier);
        QVERIFY(t);
        QCOMPARE(t->params.temperature, std::optional<double>(temperature));
        QCOMPARE(t->params.maxTokens, std::optional<int>(maxTokens));
    }

    void schemaIsJsonSchema2020()
    {
        const QJsonObject s = schema();
        QCOMPARE(s.value("$schema").toString(),
                 QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
        QCOMPARE(s.value("type").toString(), QStringLiteral("object"));
        QCOMPARE(s.value("required").toArray(), QJsonArray({"format", "entry", "tiers"}));
    }

    void schemaListsEveryNameOfTheModel()
    {
        QSet<QString> allowed;
        QSet<QString> properties;
        collectSchema(schema(), &allowed, &properties);
        QStringList names;
        for (int i = 0; i < kPreSignalCount; ++i)
            names << toString(PreSignal(i));
        for (int i = 0; i < kPostSignalCount; ++i)
            names << toString(PostSignal(i));
        for (int i = 0; i < kFailureKindCount; ++i) {
            if (FailureKind(i) != FailureKind::Cancelled)
                names << toString(FailureKind(i));
        }
        for (int i = 0; i < 5; ++i)
            names << toString(Condition::Type(i));
        names << "on_switch"
              << "every_turn"
              << "never"
              << "scaffold"
              << "summarize"
              << "none"
              << "full"
              << "clean_handoff"
              << "memory_last_k"
              << "lexicon"
              << "classifier"
              << "goal"
              << "constraints"
              << "non_goals"
              << "assumptions"
              << "plan"
              << "format_contract"
              << "decisions"
              << "open_questions"
              << "unknowns"
              << "ladder/1";
        for (const QString &name : names)
            QVERIFY2(allowed.contains(name), qPrintable(name));
    }

    // The schema's `cache` is an object whose only key is the boolean `enabled`, off by default
    // as in ladder.h.
    void schemaDescribesTheCacheSwitch()
    {
        const QJsonObject s = schema();
        QCOMPARE(s.value("properties").toObject().value("cache").toObject().value("$ref"),
                 QJsonValue("#/$defs/cache"));
        const QJsonObject cache = s.value("$defs").toObject().value("cache").toObject();
        QCOMPARE(cache.value("type"), QJsonValue("object"));
        QCOMPARE(cache.value("additionalProperties"), QJsonValue(false));
        const QJsonObject properties = cache.value("properties").toObject();
        QCOMPARE(properties.keys(), QStringList{"enabled"});
        QCOMPARE(properties.value("enabled").toObject().value("type"), QJsonValue("boolean"));
        QCOMPARE(properties.value("enabled").toObject().value("default"),
                 QJsonValue(CachePolicy{}.enabled));
    }

    // Only the task registry, whose extract, classify and router tiers run at temperature 0,
    // serves repeated calls from the response cache.
    void onlyTheTaskRegistryCachesItsAnswers_data() { exampleIsValidAndCanonical_data(); }

    void onlyTheTaskRegistryCachesItsAnswers()
    {
        QFETCH(QString, name);
        const Ladder ladder = example(name);
        QCOMPARE(ladder.cache.enabled, name == QLatin1String("task-registry"));
        if (!ladder.cache.enabled)
            return;
        const bool deterministicTier =
            std::any_of(ladder.tiers.begin(), ladder.tiers.end(), [](const Tier &t) {
                return t.params.temperature == std::optional<double>(0.0);
            });
        QVERIFY(deterministicTier);
    }

    void exampleUsesOnlyWhatTheSchemaDescribes_data() { exampleIsValidAndCanonical_data(); }

    void exampleUsesOnlyWhatTheSchemaDescribes()
    {
        QFETCH(QString, name);
        QSet<QString> allowed;
        QSet<QString> properties;
        collectSchema(schema(), &allowed, &properties);
        for (const QString &value : enumValuesUsed(example(name)))
            QVERIFY2(allowed.contains(value), qPrintable(value));
        QSet<QString> keys;
        collectKeys(exampleJson(name), QString(), &keys);
        for (const QString &key : keys)
            QVERIFY2(properties.contains(key), qPrintable(key));
    }

    void framingDetectorsFireOnlyWhereExpected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        // The six-turn photo-renamer script: only the legal/security question is high stakes.
        QTest::newRow("script 1: framing request")
            << "I want to build a small command-line tool that renames photos by the date they "
               "were taken."
            << QStringList();
        QTest::newRow("script 2: constraints")
            << "It must run on Linux and macOS and use only the Python standard library."
            << QStringList();
        QTest::newRow("script 3: first step")
            << "Write the function that reads the date from the EXIF data." << QStringList();
        QTest::newRow("script 4: small feature")
            << "Now add a dry-run flag that prints what would change." << QStringList();
        QTest::newRow("script 5: legal and security")
            << "Is it legal to scan my coworkers' photos for GPS data, and is it a security risk?"
            << QStringList{"high_stakes"};
        QTest::newRow("script 6: docs")
            << "Add a short usage section to the README." << QStringList();

        QTest::newRow("goal change")
            << "Actually, forget the photos, let's build a music tagger instead."
            << QStringList{"goal_change"};
        QTest::newRow("constraint conflict")
            << "It must be a single file but it must also be split into modules."
            << QStringList{"constraint_conflict"};
        QTest::newRow("missing information")
            << "Fix the bug in my config, it fails on startup." << QStringList{"missing_info"};
        QTest::newRow("deep debugging")
            << "We get a segfault and a deadlock under load; review the architecture."
            << QStringList{"deep_debugging"};
        QTest::newRow("medical") << "What dose of ibuprofen is safe with this medication?"
                                 << QStringList{"high_stakes"};
        QTest::newRow("upper case still fires") << "IS THIS LEGAL?" << QStringList{"high_stakes"};
    }

    void framingDetectorsFireOnlyWhereExpected()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(firedSignals(example(QStringLiteral("framing")), text), expected);
    }

    void classifiersPickTheTaskType_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        const QString lwr = QStringLiteral("listener-worker-reasoner");
        const QString registry = QStringLiteral("task-registry");
        QTest::newRow("python function") << lwr << "Write a Python function to parse a CSV."
                                         << "code";
        QTest::newRow("c++ compile error") << lwr << "Why does my C++ not compile?"
                                           << "code";
        QTest::newRow("email") << lwr << "Draft a polite email to my landlord."
                               << "writing";
        QTest::newRow("poem") << lwr << "A short poem about autumn, please."
                              << "writing";
        QTest::newRow("small talk") << lwr << "How tall is Mont Blanc?"
                                    << "general";
        QTest::newRow("title") << registry << "Give this chat a title."
                               << "title";
        QTest::newRow("classify") << registry << "Classify these reviews by sentiment."
                                  << "classify";
        QTest::newRow("extract") << registry << "Extract the invoice number and total as JSON."
                                 << "extract";
        QTest::newRow("narrative") << registry << "Write a story about a lighthouse keeper."
                                   << "narrative";
        QTest::newRow("agent by default") << registry << "Book me a train to Lyon."
                                          << "agent";
    }

    void classifiersPickTheTaskType()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(QString, label);
        QCOMPARE(classify(example(name), text), label);
    }
};

QTEST_GUILESS_MAIN(TestExamples)
#include "tst_examples.moc"
