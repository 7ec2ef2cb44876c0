// Semantic checks of a ladder: every problem named by its JSON path.

#include "core/ladder_json.h"
#include "core/validation.h"
#include "json_edit.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;

namespace {

QStringList messages(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.toString());
    return out;
}

Ladder parsed(const QJsonObject &root)
{
    const ParseResult result = parseLadderObject(root);
    if (!result.ok())
        qWarning() << messages(result.diagnostics);
    return result.ladder;
}

// An edit of the base ladder: set (or remove, for an undefined value) each pointer in turn.
using Edits = QList<QPair<QString, QJsonValue>>;

QJsonObject edited(const Edits &edits)
{
    QJsonObject root = baseLadder();
    for (const auto &[pointer, value] : edits)
        root = value.isUndefined() ? without(root, pointer) : withValue(root, pointer, value);
    return root;
}

const char *orphanTier = R"({"id": "orphan", "provider": "openai", "model": "gpt-5-nano"})";

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void builtinProvidersAreTheDocumentedOnes()
    {
        QCOMPARE(ValidationContext::builtinProviders(),
                 QStringList({"simulated", "replay", "openai", "anthropic", "gemini", "openrouter",
                              "ollama", "openai-compatible"}));
    }

    void baseLadderHasNoDiagnostics()
    {
        QCOMPARE(messages(validate(parsed(baseLadder()))), QStringList());
    }

    void reportsSemanticProblemsWithJsonPath_data()
    {
        QTest::addColumn<Edits>("edits");
        QTest::addColumn<QStringList>("expected");
        const QJsonValue remove = QJsonValue(QJsonValue::Undefined);

        QTest::newRow("unsupported format")
            << Edits{{"/format", "ladder/2"}}
            << QStringList{"/format: unsupported format \"ladder/2\", expected \"ladder/1\""};
        QTest::newRow("unknown entry")
            << Edits{{"/entry", "x"}} << QStringList{"/entry: unknown tier \"x\""};
        QTest::newRow("no tiers") << Edits{{"/tiers", QJsonArray()}, {"/transitions", QJsonArray()}}
                                  << QStringList{"/tiers: expected at least one tier",
                                                 "/entry: unknown tier \"strong\""};
        QTest::newRow("transition to an unknown tier")
            << Edits{{"/transitions/1/to", "mid"}}
            << QStringList{"/transitions/1/to: unknown tier \"mid\""};
        QTest::newRow("transition from an unknown tier")
            << Edits{{"/transitions/2/from", "mid"}}
            << QStringList{"/transitions/2/from: unknown tier \"mid\""};
        QTest::newRow("transition to any tier")
            << Edits{{"/transitions/1/to", "*"}}
            << QStringList{"/transitions/1/to: \"*\" is only allowed in \"from\""};
        QTest::newRow("duplicate tier id")
            << Edits{{"/tiers/2", parseValue(orphanTier)}, {"/tiers/2/id", "light"}}
            << QStringList{"/tiers/2/id: duplicate tier id \"light\" (first at /tiers/1)"};
        QTest::newRow("invalid tier id")
            << Edits{{"/tiers/2", parseValue(orphanTier)}, {"/tiers/2/id", "Big Tier"}}
            << QStringList{"/tiers/2/id: invalid tier id \"Big Tier\", expected [a-z][a-z0-9_-]*",
                           "/tiers/2: warning: tier \"Big Tier\" is unreachable from the entry "
                           "tier \"strong\""};
        QTest::newRow("unreachable tier")
            << Edits{{"/tiers/2", parseValue(orphanTier)}}
            << QStringList{"/tiers/2: warning: tier \"orphan\" is unreachable from the entry "
                           "tier \"strong\""};
        QTest::newRow("tier reached through a star edge")
            << Edits{{"/tiers/2", parseValue(orphanTier)},
                     {"/transitions/4", parseValue(R"({"from": "*", "to": "orphan",
                        "when": {"type": "on_signal", "signals": ["deep_debugging"]}})")}}
            << QStringList();
        QTest::newRow("tier reached only from an unreachable tier")
            << Edits{{"/tiers/2", parseValue(orphanTier)},
                     {"/tiers/3", parseValue(orphanTier)},
                     {"/tiers/3/id", "island"},
                     {"/transitions/4", parseValue(R"({"from": "island", "to": "orphan",
                        "when": {"type": "after_turns", "turns": 1}})")}}
            << QStringList{"/tiers/2: warning: tier \"orphan\" is unreachable from the entry "
                           "tier \"strong\"",
                           "/tiers/3: warning: tier \"island\" is unreachable from the entry "
                           "tier \"strong\""};
        QTest::newRow("listener tier named by a classifier is reachable")
            << Edits{{"/tiers/2", parseValue(orphanTier)},
                     {"/detectors/1", parseValue(R"({"id": "task", "kind": "classifier",
                        "tier": "orphan", "labels": [{"label": "code", "patterns": ["code"]}]})")}}
            << QStringList();
        QTest::newRow("unknown provider")
            << Edits{{"/tiers/1/provider", "acme"}}
            << QStringList{"/tiers/1/provider: unknown provider \"acme\""};
        QTest::newRow("unknown fallback provider")
            << Edits{{"/tiers/0/fallback/0/provider", "acme"}}
            << QStringList{"/tiers/0/fallback/0/provider: unknown provider \"acme\""};
        QTest::newRow("fallback names the tier's own model")
            << Edits{{"/tiers/0/fallback/1", parseValue(R"({"model": "gpt-5.4"})")}}
            << QStringList{"/tiers/0/fallback/1: fallback cycle: \"gpt-5.4\" is the tier's own "
                           "model"};
        QTest::newRow("fallback model repeated")
            << Edits{{"/tiers/0/fallback/1", parseValue(R"({"provider": "anthropic",
                        "model": "claude-sonnet-4-6"})")}}
            << QStringList{"/tiers/0/fallback/1: fallback cycle: \"claude-sonnet-4-6\" already "
                           "appears at /tiers/0/fallback/0"};
        QTest::newRow("same model through another provider is no cycle")
            << Edits{{"/tiers/0/fallback/1", parseValue(R"({"provider": "openrouter",
                        "model": "gpt-5.4"})")}}
            << QStringList();
        // A new model or a fine-tune runs; its cost is reported as unknown.
        QTest::newRow("model without a price is a warning")
            << Edits{{"/tiers/1/model", "gpt-9"}}
            << QStringList{"/tiers/1/model: warning: no price for model \"gpt-9\": its cost is "
                           "reported as unknown (give one in the providers file's \"prices\")"};
        QTest::newRow("fallback model without a price is a warning")
            << Edits{{"/tiers/0/fallback/0/model", "claude-7"}}
            << QStringList{"/tiers/0/fallback/0/model: warning: no price for model \"claude-7\": "
                           "its cost is reported as unknown (give one in the providers file's "
                           "\"prices\")"};
        QTest::newRow("free providers need no price")
            << Edits{{"/tiers/1/provider", "ollama"},
                     {"/tiers/1/model", "llama3.2"},
                     {"/tiers/0/fallback/0/provider", "simulated"},
                     {"/tiers/0/fallback/0/model", "sim-strong"}}
            << QStringList();
        QTest::newRow("fallback without provider uses the tier's")
            << Edits{{"/tiers/1/provider", "replay"},
                     {"/tiers/1/model", "recorded"},
                     {"/tiers/1/fallback", parseValue(R"([{"model": "recorded-2"}])")}}
            << QStringList();
        QTest::newRow("turns below one")
            << Edits{{"/transitions/0/when/turns", 0}}
            << QStringList{"/transitions/0/when/turns: expected an integer >= 1"};
        QTest::newRow("return_after turns below one")
            << Edits{{"/transitions/3/when/turns", -2}}
            << QStringList{"/transitions/3/when/turns: expected an integer >= 1"};
        QTest::newRow("confidence threshold of one")
            << Edits{{"/transitions/2/when/confidence_below", 1}}
            << QStringList{"/transitions/2/when/confidence_below: expected a number between 0 "
                           "and 1 (exclusive)"};
        QTest::newRow("confidence threshold of zero")
            << Edits{{"/transitions/2/when/confidence_below", 0}}
            << QStringList{"/transitions/2/when/confidence_below: expected a number between 0 "
                           "and 1 (exclusive)"};
        QTest::newRow("empty pre-turn signal list")
            << Edits{{"/transitions/1/when/signals", QJsonArray()}}
            << QStringList{"/transitions/1/when/signals: expected at least one signal"};
        QTest::newRow("empty post-turn signal list")
            << Edits{{"/transitions/2/when/signals", QJsonArray()}}
            << QStringList{"/transitions/2/when/signals: expected at least one signal"};
        QTest::newRow("empty failure list")
            << Edits{{"/transitions/4", parseValue(R"({"from": "light", "to": "strong",
                        "when": {"type": "on_failure", "errors": []}})")}}
            << QStringList{"/transitions/4/when/errors: expected at least one error kind"};
        QTest::newRow("classification without labels")
            << Edits{{"/transitions/1/when/signals/0", "classification"}}
            << QStringList{"/transitions/1/when/labels: the classification signal needs at least "
                           "one label"};
        QTest::newRow("classification label no classifier has")
            << Edits{{"/transitions/1/when/signals/0", "classification"},
                     {"/transitions/1/when/labels", parseValue(R"(["code"])")}}
            << QStringList{"/transitions/1/when/labels/0: unknown label \"code\": no classifier "
                           "detector has it"};
        QTest::newRow("classification label from a default label")
            << Edits{{"/transitions/1/when/signals/0", "classification"},
                     {"/transitions/1/when/labels", parseValue(R"(["general"])")},
                     {"/detectors/1", parseValue(R"({"id": "task", "kind": "classifier",
                        "default_label": "general",
                        "labels": [{"label": "code", "patterns": ["code"]}]})")}}
            << QStringList();
        QTest::newRow("labels without classification")
            << Edits{{"/transitions/1/when/labels", parseValue(R"(["code"])")}}
            << QStringList{"/transitions/1/when/labels: warning: labels are ignored without the "
                           "classification signal"};
        QTest::newRow("escalate signal from a tier without the tool")
            << Edits{{"/transitions/2/when/signals/0", "escalate_tool"}}
            << QStringList{"/transitions/2/when/signals: warning: tier \"light\" does not offer "
                           "the escalate tool (escalate_tool is false)"};
        QTest::newRow("invalid regular expression")
            << Edits{{"/detectors/0/patterns/1", "(unclosed"}}
            << QStringList{"/detectors/0/patterns/1: invalid regular expression \"(unclosed\": "
                           "missing closing parenthesis at offset 9"};
        QTest::newRow("empty pattern")
            << Edits{{"/detectors/0/patterns/1", ""}}
            << QStringList{"/detectors/0/patterns/1: warning: empty pattern: matches every "
                           "message"};
        QTest::newRow("invalid classifier pattern")
            << Edits{{"/detectors/1",
                      parseValue("{\"id\": \"task\", \"kind\": \"classifier\", \"labels\": "
                                 "[{\"label\": \"code\", \"patterns\": [\"code\", \"[a-\"]}]}")}}
            << QStringList{"/detectors/1/labels/0/patterns/1: invalid regular expression "
                           "\"[a-\": missing terminating ] for character class at offset 3"};
        QTest::newRow("classifier without labels")
            << Edits{{"/detectors/1", parseValue(R"({"id": "task", "kind": "classifier",
                        "labels": []})")}}
            << QStringList{"/detectors/1/labels: a classifier needs at least one label"};
        QTest::newRow("classifier with an unknown tier")
            << Edits{{"/detectors/1", parseValue(R"({"id": "task", "kind": "classifier",
                        "tier": "nobody", "labels": [{"label": "a", "patterns": ["a"]}]})")}}
            << QStringList{"/detectors/1/tier: unknown tier \"nobody\""};
        QTest::newRow("duplicate detector id")
            << Edits{{"/detectors/1", baseLadder().value("detectors").toArray().at(0)}}
            << QStringList{"/detectors/1/id: duplicate detector id \"stakes\""};
        QTest::newRow("lexicon raising classification")
            << Edits{{"/detectors/0/signal", "classification"}}
            << QStringList{"/detectors/0/signal: a lexicon detector cannot raise "
                           "\"classification\""};
        QTest::newRow("unknown memory field")
            << Edits{{"/memory", parseValue(R"({"fields": ["goal", "goals"]})")}}
            << QStringList{"/memory/fields/1: unknown memory field \"goals\", expected one of "
                           "goal, constraints, non_goals, assumptions, plan, format_contract, "
                           "decisions, open_questions, unknowns"};
        QTest::newRow("memory budget of zero")
            << Edits{{"/memory", parseValue(R"({"budget_tokens": 0})")}}
            << QStringList{"/memory/budget_tokens: expected an integer >= 1"};
        QTest::newRow("history last_k of zero")
            << Edits{{"/history", parseValue(R"({"mode": "memory_last_k", "last_k": 0})")}}
            << QStringList{"/history/last_k: expected an integer >= 1"};
        QTest::newRow("temperature out of range")
            << Edits{{"/tiers/1/params/temperature", 3.5}}
            << QStringList{"/tiers/1/params/temperature: expected a number between 0 and 2"};
        QTest::newRow("max_tokens of zero")
            << Edits{{"/tiers/1/params/max_tokens", 0}}
            << QStringList{"/tiers/1/params/max_tokens: expected an integer >= 1"};
        QTest::newRow("colour not #rrggbb")
            << Edits{{"/tiers/1/color", "teal"}}
            << QStringList{"/tiers/1/color: invalid colour \"teal\", expected #rrggbb"};
        QTest::newRow("confidence pattern without a group")
            << Edits{{"/signals", parseValue(R"({"confidence_pattern": "CONFIDENCE"})")}}
            << QStringList{"/signals/confidence_pattern: expected a capture group for the "
                           "confidence value"};
        QTest::newRow("empty refusal token")
            << Edits{{"/signals", parseValue(R"({"refusal_token": " "})")}}
            << QStringList{"/signals/refusal_token: empty refusal token"};
        QTest::newRow("layout node of nothing")
            << Edits{{"/layout", parseValue(R"({"nodes": {"ghost": {"x": 0, "y": 0},
                        "strong": {"x": 0, "y": 0}, "stakes": {"x": 0, "y": 0},
                        "entry": {"x": 0, "y": 0}, "memory": {"x": 0, "y": 0}}})")}}
            << QStringList{"/layout/nodes/ghost: warning: no tier or detector \"ghost\""};
        QTest::newRow("response_schema keyword outside the subset")
            << Edits{{"/tiers/1/response_schema",
                      parseValue(R"({"type": "object", "properties": {"n": {"oneOf": []}}})")}}
            << QStringList{"/tiers/1/response_schema/properties/n/oneOf: unsupported keyword "
                           "\"oneOf\", expected one of type, required, properties, "
                           "additionalProperties, items, enum, const, minimum, maximum, "
                           "minLength, maxLength, pattern, minItems, maxItems, title, "
                           "description, $schema"};
        QTest::newRow("response_schema bound of the wrong kind")
            << Edits{{"/tiers/1/response_schema",
                      parseValue(R"({"type": "string", "maxLength": -1, "pattern": "*x",
                                     "additionalProperties": 3})")}}
            << QStringList{"/tiers/1/response_schema/maxLength: expected an integer >= 0",
                           "/tiers/1/response_schema/pattern: expected a valid regular expression",
                           "/tiers/1/response_schema/additionalProperties: expected true, false "
                           "or a schema object"};
        QTest::newRow("required section without a name")
            << Edits{{"/tiers/1/required_sections", parseValue(R"(["Plan", " "])")}}
            << QStringList{"/tiers/1/required_sections/1: expected a section name"};
        QTest::newRow("self_check with tier and model, unknown tier, bad threshold")
            << Edits{{"/tiers/1/self_check",
                      parseValue(R"({"tier": "nope", "model": "gpt-5-nano", "threshold": 0})")}}
            << QStringList{
                   "/tiers/1/self_check: give \"tier\" or \"model\", not both",
                   "/tiers/1/self_check/tier: unknown tier \"nope\"",
                   "/tiers/1/self_check/threshold: expected a number above 0 and at most 1",
                   "/tiers/1/self_check: warning: no post_turn transition from \"light\" on "
                   "self_check_failed: the check is never made"};
        QTest::newRow("pays_within_turns below 0")
            << Edits{{"/transitions/0/when/pays_within_turns", -1}}
            << QStringList{"/transitions/0/when/pays_within_turns: expected an integer >= 0"};
        QTest::newRow("response_schema with an unknown type")
            << Edits{{"/tiers/0/response_schema",
                      parseValue(R"({"type": "array", "items": {"type": ["string", "text"]}})")}}
            << QStringList{"/tiers/0/response_schema/items/type/1: unknown type, expected one of "
                           "object, array, string, number, integer, boolean, null"};
        QTest::newRow("response_schema required is not a list")
            << Edits{{"/tiers/1/response_schema", parseValue(R"({"required": "name"})")}}
            << QStringList{"/tiers/1/response_schema/required: expected an array of property "
                           "names"};
        QTest::newRow("response_schema with an empty enum")
            << Edits{{"/tiers/1/response_schema", parseValue(R"({"enum": []})")}}
            << QStringList{"/tiers/1/response_schema/enum: expected a non-empty array of "
                           "allowed values"};
        QTest::newRow("budget without a limit")
            << Edits{{"/budget", parseValue(R"({"action": "stop"})")}}
            << QStringList{"/budget: warning: no conversation_usd or session_usd: the budget "
                           "never applies"};
        QTest::newRow("transition on budget_exceeded")
            << Edits{{"/transitions/1/when/signals/0", "budget_exceeded"}}
            << QStringList{"/transitions/1/when/signals: warning: budget_exceeded is acted on by "
                           "the ladder's budget (budget.action), a transition on it never fires"};
        QTest::newRow("duplicate transition id")
            << Edits{{"/transitions/0/id", "same"}, {"/transitions/1/id", "same"}}
            << QStringList{"/transitions/1/id: duplicate transition id \"same\""};
        Q_UNUSED(remove);
    }

    void reportsSemanticProblemsWithJsonPath()
    {
        QFETCH(Edits, edits);
        QFETCH(QStringList, expected);
        const ParseResult result = parseLadderObject(edited(edits));
        QCOMPARE(messages(result.diagnostics), QStringList());
        QCOMPARE(messages(validate(result.ladder)), expected);
    }

    void namesTheFileInEveryDiagnostic()
    {
        ValidationContext context;
        context.fileName = QStringLiteral("framing.json");
        const Diagnostics d = validate(parsed(edited({{"/transitions/2/to", "mid"}})), context);
        QCOMPARE(messages(d), QStringList{"framing.json: /transitions/2/to: unknown tier \"mid\""});
    }

    void acceptsProvidersOfTheContext()
    {
        ValidationContext context;
        context.knownProviders.append(QStringLiteral("acme"));
        const Ladder ladder = parsed(edited({{"/tiers/1/provider", "acme"}}));
        // Known now; its model has a price.
        QCOMPARE(messages(validate(ladder, context)), QStringList());
        context.pricing = nullptr; // no table: no price check
        QCOMPARE(messages(validate(parsed(edited({{"/tiers/1/model", "gpt-9"}})), context)),
                 QStringList());
    }

    // What `ladder chat/validate --providers FILE` and the studio check a ladder against: the
    // file's provider ids (besides the built-in ones) and its prices.
    void checksAgainstTheProvidersOfARun_data()
    {
        QTest::addColumn<QStringList>("providerIds");
        QTest::addColumn<bool>("priced"); // my-vllm/my-model has a price in the run's table
        QTest::addColumn<QStringList>("expected");
        const QString unknown = "/tiers/1/provider: unknown provider \"my-vllm\"";
        const QString noPrice = "/tiers/1/model: warning: no price for model \"my-model\": its "
                                "cost is reported as unknown (give one in the providers file's "
                                "\"prices\")";
        QTest::newRow("built-in providers only") << QStringList() << false << QStringList{unknown};
        QTest::newRow("the file's id, no price")
            << QStringList{"my-vllm"} << false << QStringList{noPrice};
        QTest::newRow("the file's id and price")
            << QStringList{"my-vllm", "other"} << true << QStringList();
    }

    void checksAgainstTheProvidersOfARun()
    {
        QFETCH(QStringList, providerIds);
        QFETCH(bool, priced);
        QFETCH(QStringList, expected);
        PricingTable pricing = PricingTable::builtin();
        if (priced)
            pricing.setProviderPrice({"my-vllm", "my-model", 0.2, 0.2, 0.8});
        const ValidationContext context = ValidationContext::withProviders(providerIds, &pricing);
        QVERIFY(context.knownProviders.contains("openai")); // the built-in ones stay
        const Ladder ladder =
            parsed(edited({{"/tiers/1/provider", "my-vllm"}, {"/tiers/1/model", "my-model"}}));
        QCOMPARE(messages(validate(ladder, context)), expected);
    }

    void validatesFilesWithParseAndSemanticDiagnostics_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected"); // "%1" is the file path
        QTest::newRow("syntax error")
            << QByteArray("{\n  \"format\": \"ladder/1\",,\n}")
            << QStringList{"%1: line 2, column 24: invalid JSON: unterminated object"};
        QTest::newRow("type error stops before semantics")
            << QJsonDocument(edited({{"/tiers/1/model", 5}, {"/entry", "nobody"}})).toJson()
            << QStringList{"%1: /tiers/1/model: expected a string"};
        QTest::newRow("semantic error") << QJsonDocument(edited({{"/entry", "nobody"}})).toJson()
                                        << QStringList{"%1: /entry: unknown tier \"nobody\""};
        QTest::newRow("warnings from both stages")
            << QJsonDocument(edited({{"/x", 1}, {"/tiers/2", parseValue(orphanTier)}})).toJson()
            << QStringList{"%1: warning: unknown key \"x\"",
                           "%1: /tiers/2: warning: tier \"orphan\" is unreachable from the entry "
                           "tier \"strong\""};
    }

    void validatesFilesWithParseAndSemanticDiagnostics()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ladder.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QCOMPARE(messages(validateFile(path)), expected.replaceInStrings("%1", path));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
