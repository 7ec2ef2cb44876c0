// Reading and writing the ladder/1 format: diagnostics with exact paths, canonical output.

#include "core/document_file.h"
#include "core/ladder_json.h"
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

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestLadderJson : public QObject
{
    Q_OBJECT

private slots:
    // Ladder (and providers) files are read through readDocumentFile: an endless device or a
    // huge file fails at once with a clear error, without reading it all.
    void capsTheSizeOfALadderFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("ok");
        QTest::newRow("endless device (/dev/zero)") << "zero" << false;
        QTest::newRow("sparse file of 17 MiB") << "huge" << false;
        QTest::newRow("file of exactly 16 MiB (parses, but is no ladder)") << "limit" << false;
        QTest::newRow("an ordinary ladder") << "ladder" << true;
    }

    void capsTheSizeOfALadderFile()
    {
        QFETCH(QString, kind);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        QString path = dir.filePath(kind + ".json");
        if (kind == "zero") {
            path = "/dev/zero";
        } else if (kind == "ladder") {
            path = QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/framing.json");
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(kind == "huge" ? kMaxDocumentBytes + 1024 * 1024 : kMaxDocumentBytes));
        }
        const ParseResult r = loadLadderFile(path);
        QCOMPARE(r.ok(), ok);
        if (ok)
            return;
        QVERIFY(!r.diagnostics.isEmpty());
        QCOMPARE(r.diagnostics.first().file, path);
        const bool tooLarge = kind != "limit";
        QCOMPARE(r.diagnostics.first().message ==
                     "the file is larger than 16 MiB, the limit for ladder and providers files",
                 tooLarge);
    }

    void stopsReadingAnEndlessDeviceAtTheLimit()
    {
        // A device of unknown size is read in chunks and stops one byte past the limit.
        QString error;
        const std::optional<QByteArray> some = readDocumentFile("/dev/zero", &error, 100000);
        QVERIFY(!some);
        QCOMPARE(error, "the file is larger than 100000 bytes, the limit for ladder and providers "
                        "files");
        const std::optional<QByteArray> none = readDocumentFile("/dev/null", &error);
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void baseLadderParsesWithoutDiagnostics()
    {
        const ParseResult result = parseLadder(toBytes(baseLadder()));
        QCOMPARE(messages(result.diagnostics), QStringList());
        QCOMPARE(result.ladder.tiers.size(), 2);
        QCOMPARE(result.ladder.transitions.size(), 4);
        QCOMPARE(result.ladder.transitions.at(0).id, QStringLiteral("t1"));
        QCOMPARE(result.ladder.transitions.at(3).to, QString());
        QCOMPARE(result.ladder.tiers.at(1).params.temperature, std::optional<double>(0.2));
        QCOMPARE(result.ladder.tiers.at(0).params.temperature, std::optional<double>());
    }

    void reportsSyntaxErrorWithLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        QTest::newRow("empty") << QByteArray() << 1 << 1
                               << QStringLiteral("invalid JSON: illegal value");
        QTest::newRow("missing value") << QByteArray("{\n    \"format\": ,\n}") << 2 << 15
                                       << QStringLiteral("invalid JSON: illegal value");
        QTest::newRow("missing comma")
            << QByteArray("{\n  \"format\": \"ladder/1\"\n  \"entry\": \"a\"\n}") << 3 << 3
            << QStringLiteral("invalid JSON: unterminated object");
        QTest::newRow("unterminated object")
            << QByteArray("{\n  \"format\": \"ladder/1\",\n  \"tiers\": [\n") << 4 << 1
            << QStringLiteral("invalid JSON: unterminated array");
        QTest::newRow("column counts characters, not bytes")
            << QByteArray("{\"name\": \"\xc3\xa9t\xc3\xa9\", x}") << 1 << 17
            << QStringLiteral("invalid JSON: unterminated object");
        QTest::newRow("trailing garbage")
            << QByteArray("{}\n  x") << 2 << 3
            << QStringLiteral("invalid JSON: garbage at the end of the document");
        QTest::newRow("top-level number")
            << QByteArray("42") << 1 << 1 << QStringLiteral("invalid JSON: illegal value");
    }

    void reportsSyntaxErrorWithLineAndColumn()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const ParseResult result = parseLadder(json, QStringLiteral("broken.json"));
        QCOMPARE(result.diagnostics.size(), 1);
        const Diagnostic &d = result.diagnostics.first();
        QCOMPARE(d.message, message);
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QCOMPARE(d.file, QStringLiteral("broken.json"));
        QCOMPARE(d.path, QString());
        QVERIFY(!result.ok());
    }

    void reportsTypeAndShapeErrorsWithJsonPointer_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
        QTest::addColumn<QStringList>("expected");

        const QJsonValue remove = QJsonValue(QJsonValue::Undefined);
        QTest::newRow("temperature is a string")
            << "/tiers/1/params/temperature" << QJsonValue("hot")
            << QStringList{"/tiers/1/params/temperature: expected a number"};
        QTest::newRow("missing model")
            << "/tiers/0/model" << remove << QStringList{"/tiers/0: missing \"model\""};
        QTest::newRow("missing provider")
            << "/tiers/1/provider" << remove << QStringList{"/tiers/1: missing \"provider\""};
        QTest::newRow("missing format") << "/format" << remove << QStringList{"missing \"format\""};
        QTest::newRow("missing entry") << "/entry" << remove << QStringList{"missing \"entry\""};
        QTest::newRow("missing tiers") << "/tiers" << remove << QStringList{"missing \"tiers\""};
        QTest::newRow("tiers is an object")
            << "/tiers" << QJsonValue(QJsonObject()) << QStringList{"/tiers: expected an array"};
        QTest::newRow("tier is null")
            << "/tiers/1" << QJsonValue() << QStringList{"/tiers/1: expected an object"};
        QTest::newRow("params is an array") << "/tiers/0/params" << QJsonValue(QJsonArray())
                                            << QStringList{"/tiers/0/params: expected an object"};
        QTest::newRow("null temperature means unset")
            << "/tiers/1/params/temperature" << QJsonValue() << QStringList();
        QTest::newRow("max_tokens is fractional")
            << "/tiers/1/params/max_tokens" << QJsonValue(10.5)
            << QStringList{"/tiers/1/params/max_tokens: expected an integer"};
        QTest::newRow("turns is huge")
            << "/transitions/0/when/turns" << parseValue("1e300")
            << QStringList{"/transitions/0/when/turns: expected an integer"};
        QTest::newRow("escalate_tool is a string")
            << "/tiers/0/escalate_tool" << QJsonValue("yes")
            << QStringList{"/tiers/0/escalate_tool: expected true or false"};
        QTest::newRow("fallback entry without model")
            << "/tiers/0/fallback/0/model" << remove
            << QStringList{"/tiers/0/fallback/0: missing \"model\""};
        QTest::newRow("fallback entry is a string")
            << "/tiers/0/fallback/0" << QJsonValue("gpt-5")
            << QStringList{"/tiers/0/fallback/0: expected an object"};
        QTest::newRow("unknown pre-turn signal")
            << "/transitions/1/when/signals/0" << QJsonValue("panic")
            << QStringList{
                   "/transitions/1/when/signals/0: unknown pre-turn signal \"panic\", "
                   "expected one of goal_change, constraint_conflict, missing_info, "
                   "high_stakes, deep_debugging, classification, manual_pick, budget_exceeded, "
                   "needs_strong"};
        QTest::newRow("post-turn signal in on_signal")
            << "/transitions/1/when/signals/0" << QJsonValue("refusal")
            << QStringList{
                   "/transitions/1/when/signals/0: unknown pre-turn signal \"refusal\", "
                   "expected one of goal_change, constraint_conflict, missing_info, "
                   "high_stakes, deep_debugging, classification, manual_pick, budget_exceeded, "
                   "needs_strong"};
        QTest::newRow("signal is a number")
            << "/transitions/2/when/signals/0" << QJsonValue(3)
            << QStringList{"/transitions/2/when/signals/0: expected a string"};
        QTest::newRow("unknown condition type")
            << "/transitions/0/when/type" << QJsonValue("sometimes")
            << QStringList{"/transitions/0/when/type: unknown condition type \"sometimes\", "
                           "expected one of after_turns, on_signal, post_turn, return_after, "
                           "on_failure"};
        QTest::newRow("cancelled is not a failure an edge reacts to")
            << "/transitions/0/when"
            << parseValue(R"({"type": "on_failure", "errors": ["cancelled"]})")
            << QStringList{
                   "/transitions/0/when/errors/0: unknown error kind \"cancelled\", expected "
                   "one of rate_limited, quota_exhausted, unavailable, timeout, auth, "
                   "bad_request, network, protocol, truncated"};
        QTest::newRow("missing condition")
            << "/transitions/0/when" << remove << QStringList{"/transitions/0: missing \"when\""};
        QTest::newRow("missing to outside return_after")
            << "/transitions/1/to" << remove << QStringList{"/transitions/1: missing \"to\""};
        QTest::newRow("missing turns") << "/transitions/0/when/turns" << remove
                                       << QStringList{"/transitions/0/when: missing \"turns\""};
        QTest::newRow("unknown memory inject")
            << "/memory" << parseValue(R"({"inject": "sometimes"})")
            << QStringList{"/memory/inject: unknown value \"sometimes\", expected one of "
                           "on_switch, every_turn, never"};
        QTest::newRow("history is a string")
            << "/history" << QJsonValue("full") << QStringList{"/history: expected an object"};
        QTest::newRow("layout node without y")
            << "/layout" << parseValue(R"({"nodes": {"strong": {"x": 1}}})")
            << QStringList{"/layout/nodes/strong: missing \"y\""};
        QTest::newRow("layout node id escaped in pointer")
            << "/layout" << parseValue(R"({"nodes": {"a/b~c": {"x": 1, "y": "2"}}})")
            << QStringList{"/layout/nodes/a~1b~0c/y: expected a number"};
        QTest::newRow("detector without patterns")
            << "/detectors/0/patterns" << remove
            << QStringList{"/detectors/0: missing \"patterns\""};
        QTest::newRow("detector pattern is an object")
            << "/detectors/0/patterns/0" << QJsonValue(QJsonObject())
            << QStringList{"/detectors/0/patterns/0: expected a string"};
        QTest::newRow("unknown detector kind")
            << "/detectors/0/kind" << QJsonValue("oracle")
            << QStringList{"/detectors/0/kind: unknown value \"oracle\", expected one of "
                           "lexicon, classifier, learned"};
        QTest::newRow("unknown tier key is a warning")
            << "/tiers/0/colour" << QJsonValue("#ffffff")
            << QStringList{"/tiers/0: warning: unknown key \"colour\""};
        QTest::newRow("unknown top-level key is a warning")
            << "/owner" << QJsonValue("me") << QStringList{"warning: unknown key \"owner\""};
        QTest::newRow("cache is a boolean")
            << "/cache" << QJsonValue(true) << QStringList{"/cache: expected an object"};
        QTest::newRow("cache switch is a string")
            << "/cache/enabled" << QJsonValue("yes")
            << QStringList{"/cache/enabled: expected true or false"};
        QTest::newRow("unknown cache key is a warning")
            << "/cache/ttl" << QJsonValue(60)
            << QStringList{"/cache: warning: unknown key \"ttl\""};
        QTest::newRow("budget is a number")
            << "/budget" << QJsonValue(5) << QStringList{"/budget: expected an object"};
        QTest::newRow("budget limit is a string")
            << "/budget" << parseValue(R"({"conversation_usd": "five"})")
            << QStringList{"/budget/conversation_usd: expected a number"};
        QTest::newRow("budget limit is negative")
            << "/budget" << parseValue(R"({"session_usd": -1})")
            << QStringList{"/budget/session_usd: expected a spend limit of 0 USD or more"};
        QTest::newRow("unknown budget action")
            << "/budget" << parseValue(R"({"conversation_usd": 1, "action": "panic"})")
            << QStringList{"/budget/action: unknown value \"panic\", expected one of "
                           "step_down, stop"};
        QTest::newRow("unknown budget key is a warning")
            << "/budget" << parseValue(R"({"conversation_usd": 1, "monthly_usd": 9})")
            << QStringList{"/budget: warning: unknown key \"monthly_usd\""};
        QTest::newRow("self_check threshold is a string")
            << "/tiers/1/self_check" << parseValue(R"({"threshold": "high"})")
            << QStringList{"/tiers/1/self_check/threshold: expected a number"};
        QTest::newRow("required_sections is a string")
            << "/tiers/1/required_sections" << QJsonValue("Summary")
            << QStringList{"/tiers/1/required_sections: expected an array"};
        QTest::newRow("response_schema is a string")
            << "/tiers/1/response_schema" << QJsonValue("json")
            << QStringList{"/tiers/1/response_schema: expected an object"};
        QTest::newRow("unknown post-turn signal")
            << "/transitions/2/when/signals/0" << QJsonValue("bad_answer")
            << QStringList{"/transitions/2/when/signals/0: unknown post-turn signal "
                           "\"bad_answer\", expected one of escalate_tool, refusal, "
                           "low_confidence, empty_answer, format_violation, self_check_failed"};
        QTest::newRow("key of another condition type is a warning")
            << "/transitions/0/when/signals" << parseValue(R"(["goal_change"])")
            << QStringList{"/transitions/0/when: warning: unknown key \"signals\""};
    }

    void reportsTypeAndShapeErrorsWithJsonPointer()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, expected);
        const QJsonObject root = value.isUndefined() ? without(baseLadder(), pointer)
                                                     : withValue(baseLadder(), pointer, value);
        const ParseResult result = parseLadder(toBytes(root));
        QCOMPARE(messages(result.diagnostics), expected);
    }

    void rejectsNonObjectDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("array of objects") << QByteArray("[{\"format\": \"ladder/1\"}]");
        QTest::newRow("empty array") << QByteArray("[]");
    }

    void rejectsNonObjectDocuments()
    {
        QFETCH(QByteArray, json);
        const ParseResult result = parseLadder(json, QStringLiteral("x.json"));
        QCOMPARE(messages(result.diagnostics),
                 QStringList{"x.json: expected a JSON object at the top level"});
    }

    void writesNumbersInShortestRoundTripForm_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("0.2") << 0.2 << QByteArray("0.2");
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
        QTest::newRow("integer") << 120.0 << QByteArray("120");
        QTest::newRow("negative") << -40.5 << QByteArray("-40.5");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("negative zero") << -0.0 << QByteArray("0");
        QTest::newRow("tiny") << 1e-7 << QByteArray("1e-07");
        QTest::newRow("huge") << 1e300 << QByteArray("1e+300");
    }

    void writesNumbersInShortestRoundTripForm()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        Ladder ladder;
        ladder.layout.append({QStringLiteral("n"), QPointF(value, 1)});
        const QByteArray json = toCanonicalJson(ladder);
        const QByteArray expected = "\"n\": {\n                \"x\": " + text + ",";
        QVERIFY2(json.contains(expected), json.constData());
        const ParseResult reparsed = parseLadder(json);
        QCOMPARE(reparsed.ladder.layout.size(), 1);
        QCOMPARE(reparsed.ladder.layout.first().pos.x(), value);
    }

    void writesKeysInDocumentedOrder()
    {
        const ParseResult result = parseLadder(
            toBytes(withValue(baseLadder(), "/cache", parseValue(R"({"enabled": true})"))));
        const QByteArray json = toCanonicalJson(result.ladder);
        QVERIFY(json.endsWith("}\n"));
        QVERIFY(json.startsWith("{\n    \"format\": \"ladder/1\",\n    \"name\": \"\",\n"));
        const QList<QByteArray> order = {"\"format\"",        "\"name\"",
                                         "\"description\"",   "\"entry\"",
                                         "\"tiers\"",         "\"id\"",
                                         "\"label\"",         "\"role\"",
                                         "\"provider\"",      "\"model\"",
                                         "\"params\"",        "\"system_prompt\"",
                                         "\"fallback\"",      "\"escalate_tool\"",
                                         "\"color\"",         "\"transitions\"",
                                         "\"detectors\"",     "\"memory\"",
                                         "\"inject\"",        "\"refresh\"",
                                         "\"budget_tokens\"", "\"fields\"",
                                         "\"history\"",       "\"mode\"",
                                         "\"last_k\"",        "\"signals\"",
                                         "\"refusal_token\"", "\"confidence_pattern\"",
                                         "\"cache\"",         "\"enabled\"",
                                         "\"layout\"",        "\"nodes\""};
        qsizetype last = -1;
        for (const QByteArray &key : order) {
            const qsizetype at = json.indexOf(key, last + 1);
            QVERIFY2(at > last, key.constData());
            last = at;
        }
    }

    void roundTripsThroughCanonicalJson_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("base") << QString() << QJsonValue();
        QTest::newRow("escapes in strings")
            << "/tiers/0/system_prompt"
            << QJsonValue(QStringLiteral("say \"hi\"\n\ttab \\ slash / ctrl \x01 \u00e9\u65e5 "
                                         "\U0001F600"));
        QTest::newRow("unknown top-level object kept")
            << "/x_custom" << parseValue(R"({"b": [1, 2.5, null, true], "a": {}})");
        QTest::newRow("extra params kept")
            << "/tiers/0/params/extra" << parseValue(R"({"top_p": 0.9, "stop": ["\n"]})");
        QTest::newRow("all condition kinds")
            << "/transitions/4" << parseValue(R"({"id": "fail", "from": "*", "to": "light",
                 "when": {"type": "on_failure", "errors": ["rate_limited", "timeout"]}})");
        QTest::newRow("classifier")
            << "/detectors/1" << parseValue(R"({"id": "task", "kind": "classifier", "tier": "light",
                 "default_label": "other", "enabled": false,
                 "labels": [{"label": "code", "patterns": ["\\bcode\\b"]}]})");
        QTest::newRow("layout")
            << "/layout"
            << parseValue(R"({"nodes": {"strong": {"x": 80, "y": 0.5}, "entry": {"x": -3,
                 "y": 2}}})");
        QTest::newRow("fallback without provider")
            << "/tiers/1/fallback" << parseValue(R"([{"model": "gpt-5"}])");
        QTest::newRow("cache switched on") << "/cache" << parseValue(R"({"enabled": true})");
        QTest::newRow("cache switched off") << "/cache" << parseValue(R"({"enabled": false})");
        QTest::newRow("budget") << "/budget"
                                << parseValue(R"({"conversation_usd": 0.05, "action": "stop"})");
        QTest::newRow("response_schema") << "/tiers/1/response_schema"
                                         << parseValue(R"({"type": "object", "required": ["answer"],
                 "properties": {"answer": {"type": "string"}, "tags": {"type": "array",
                 "items": {"enum": ["a", "b"]}}}})");
        QTest::newRow("gate signals")
            << "/transitions/2/when/signals" << parseValue(R"(["empty_answer", "format_violation",
                                                        "self_check_failed"])");
        QTest::newRow("required sections")
            << "/tiers/1/required_sections" << parseValue(R"(["Summary", "Risks"])");
        QTest::newRow("self_check")
            << "/tiers/1/self_check"
            << parseValue(R"({"model": "gpt-5-nano", "threshold": 0.7, "prompt": "Grade it."})");
        QTest::newRow("pays_within_turns")
            << "/transitions/0/when/pays_within_turns" << QJsonValue(3);
    }

    void roundTripsThroughCanonicalJson()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        const QJsonObject root =
            pointer.isEmpty() ? baseLadder() : withValue(baseLadder(), pointer, value);
        const ParseResult first = parseLadder(toBytes(root));
        QVERIFY(first.ok());
        const QByteArray canonical = toCanonicalJson(first.ladder);
        const ParseResult second = parseLadder(canonical);
        QVERIFY(second.ok());
        QCOMPARE(second.ladder, first.ladder);
        QCOMPARE(toCanonicalJson(second.ladder), canonical);
        // toJson carries the same content as the canonical text.
        const ParseResult fromObject = parseLadderObject(toJson(first.ladder));
        QVERIFY(fromObject.ok());
        QCOMPARE(fromObject.ladder, first.ladder);
    }

    // The switch is written only when it is on, so ladders without it keep their bytes.
    void writesTheCacheSwitchOnlyWhenOn_data()
    {
        QTest::addColumn<QJsonValue>("cache"); // undefined: no "cache" key
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QByteArray>("written"); // empty: not written
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << false << QByteArray();
        QTest::newRow("switched off")
            << parseValue(R"({"enabled": false})") << false << QByteArray();
        QTest::newRow("empty object") << parseValue("{}") << false << QByteArray();
        QTest::newRow("switched on")
            << parseValue(R"({"enabled": true})") << true
            << QByteArray(
                   "\n    \"cache\": {\n        \"enabled\": true\n    },\n    \"layout\": {");
    }

    void writesTheCacheSwitchOnlyWhenOn()
    {
        QFETCH(QJsonValue, cache);
        QFETCH(bool, enabled);
        QFETCH(QByteArray, written);
        const QJsonObject root =
            cache.isUndefined() ? baseLadder() : withValue(baseLadder(), "/cache", cache);
        const ParseResult parsed = parseLadder(toBytes(root));
        QCOMPARE(messages(parsed.diagnostics), QStringList());
        QCOMPARE(parsed.ladder.cache.enabled, enabled);
        const QByteArray canonical = toCanonicalJson(parsed.ladder);
        if (written.isEmpty())
            QVERIFY2(!canonical.contains("\"cache\""), canonical.constData());
        else
            QVERIFY2(canonical.contains(written), canonical.constData());
        QCOMPARE(toJson(parsed.ladder).contains("cache"), enabled);
    }

    void writesControlCharactersAsJsonEscapes()
    {
        Ladder ladder;
        ladder.name = QStringLiteral("a\"b\\c\nd\x01\x1f");
        const QByteArray json = toCanonicalJson(ladder);
        const QByteArray expected = "\"name\": \"a\\\"b\\\\c\\nd\\u0001\\u001f\",";
        QVERIFY2(json.contains(expected), json.constData());
    }

    void savesAndLoadsFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("l.json"));
        const ParseResult parsed = parseLadder(toBytes(baseLadder()));
        QString error;
        QVERIFY2(saveLadderFile(parsed.ladder, path, &error), qPrintable(error));
        const ParseResult loaded = loadLadderFile(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.ladder, parsed.ladder);

        const QString missing = dir.filePath(QStringLiteral("missing.json"));
        const ParseResult notFound = loadLadderFile(missing);
        QCOMPARE(notFound.diagnostics.size(), 1);
        QCOMPARE(notFound.diagnostics.first().file, missing);
        QVERIFY(notFound.diagnostics.first().message.startsWith(
            QStringLiteral("cannot read the file")));
        QVERIFY(!saveLadderFile(parsed.ladder, dir.filePath(QStringLiteral("no/such/dir.json")),
                                &error));
        QVERIFY(error.contains(QStringLiteral("cannot write the file")));
    }
};

QTEST_GUILESS_MAIN(TestLadderJson)
#include "tst_ladder_json.moc"
