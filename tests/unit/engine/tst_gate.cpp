// The quality gate on cheap answers (empty_answer, format_violation) and the ladder's budget
// (budget_exceeded: step down or stop), through a session with a scripted provider.

#include "core/ladder_json.h"
#include "core/response_schema.h"
#include "engine/answer_gate.h"
#include "engine/session.h"
#include "session_test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;

namespace {

// Answers each model with the text scripted for it, at once, with a fixed token count, so the
// costs come from the pricing table and the answers from the test.
class ScriptedProvider : public Provider
{
public:
    QString id() const override { return QStringLiteral("fake"); }
    ProviderCall *start(const ChatRequest &request) override
    {
        requests.append(request);
        ChatResult r;
        r.text = answers.value(request.model,
                               QStringLiteral("A good answer from %1.").arg(request.model));
        r.usage.inputTokens = 1000;
        r.usage.outputTokens = 1000;
        r.latencyMs = 1;
        return new Call(r);
    }
    QHash<QString, QString> answers; // model -> answer
    QList<ChatRequest> requests;

private:
    class Call : public ProviderCall
    {
    public:
        explicit Call(const ChatResult &r)
        {
            m_result = r;
            QTimer::singleShot(0, this, [this] { emit finished(); });
        }
        void cancel() override {}
    };
};

class OneProvider : public ProviderRegistry
{
public:
    Provider *provider(const QString &) const override { return &scripted; }
    mutable ScriptedProvider scripted;
};

Ladder parse(const char *json)
{
    const ParseResult parsed = parseLadder(QByteArray(json));
    if (!parsed.ok())
        qFatal("test ladder does not parse");
    return parsed.ladder;
}

// light answers first; empty or badly formatted answers go to strong for the same turn.
const char *kGateLadder = R"({
    "format": "ladder/1", "entry": "light",
    "tiers": [
        {"id": "light", "provider": "fake", "model": "gpt-5.4-mini"},
        {"id": "strong", "provider": "fake", "model": "gpt-5.4"}
    ],
    "transitions": [
        {"id": "gate", "from": "light", "to": "strong",
         "when": {"type": "post_turn", "signals": ["empty_answer", "format_violation"]}},
        {"id": "back", "from": "strong", "when": {"type": "return_after", "turns": 1}}
    ]
})";

// strong answers; no transitions, so only the budget moves a turn.
const char *kBudgetLadder = R"({
    "format": "ladder/1", "entry": "strong",
    "tiers": [
        {"id": "strong", "provider": "fake", "model": "gpt-5.4"},
        {"id": "light", "provider": "fake", "model": "gpt-5.4-mini"}
    ],
    "transitions": [
        {"from": "light", "to": "strong", "when": {"type": "after_turns", "turns": 99}}
    ]
})";

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestGate : public QObject
{
    Q_OBJECT

private slots:
    void gateSignalsReanswerOnTheStrongTier_data()
    {
        QTest::addColumn<QString>("answer");       // light's answer
        QTest::addColumn<QJsonObject>("schema");   // light's response_schema
        QTest::addColumn<QStringList>("contract"); // the memory's format_contract
        QTest::addColumn<QString>("signal");       // empty: the answer is accepted
        QTest::addColumn<QString>("reason");       // part of the escalation reason
        const QJsonObject none;
        const QJsonObject schema = object(R"({"type": "object", "required": ["city"],
            "properties": {"city": {"type": "string"},
                           "tags": {"type": "array", "items": {"enum": ["a", "b"]}}}})");

        QTest::newRow("good answer")
            << "Lisbon is the capital of Portugal." << none << QStringList() << ""
            << "";
        QTest::newRow("whitespace") << "  \n\t " << none << QStringList() << "empty_answer"
                                    << "only whitespace";
        QTest::newRow("nothing") << "" << none << QStringList() << "empty_answer"
                                 << "only whitespace";
        QTest::newRow("refusal token only")
            << "[[REFUSE]]" << none << QStringList() << "empty_answer"
            << "only the refusal token";
        QTest::newRow("refusal boilerplate")
            << "I'm sorry, but I can't help with that." << none << QStringList() << "empty_answer"
            << "refusal boilerplate";
        QTest::newRow("another boilerplate") << "Unfortunately, I am unable to assist with this "
                                                "request."
                                             << none << QStringList() << "empty_answer"
                                             << "refusal boilerplate";
        QTest::newRow("a refusal with substance is an answer")
            << "I can't help with the legal side, but here is how EXIF dates work: the "
               "DateTimeOriginal tag holds the capture time as YYYY:MM:DD HH:MM:SS."
            << none << QStringList() << ""
            << "";
        QTest::newRow("schema met")
            << R"({"city": "Lisbon", "tags": ["a"]})" << schema << QStringList() << ""
            << "";
        QTest::newRow("schema met inside a json fence")
            << "```json\n{\"city\": \"Lisbon\"}\n```" << schema << QStringList() << ""
            << "";
        QTest::newRow("schema: not JSON")
            << "Lisbon." << schema << QStringList() << "format_violation"
            << "not JSON";
        QTest::newRow("schema: wrong type")
            << R"({"city": 5})" << schema << QStringList() << "format_violation"
            << "response_schema at \"/city\": expected string, got a number";
        QTest::newRow("schema: missing required")
            << R"({"town": "Lisbon"})" << schema << QStringList() << "format_violation"
            << "missing required property \"city\"";
        QTest::newRow("schema: enum in items") << R"({"city": "Lisbon", "tags": ["a", "z"]})"
                                               << schema << QStringList() << "format_violation"
                                               << "\"/tags/1\": value not in the schema's enum";
        QTest::newRow("contract JSON met")
            << R"({"dates": []})" << none << QStringList{"Reply with JSON only"} << ""
            << "";
        QTest::newRow("contract JSON broken")
            << "The dates are May 1 and May 2." << none << QStringList{"Reply with JSON only"}
            << "format_violation"
            << "the format contract asks for JSON";
        QTest::newRow("contract fenced code met") << "Here:\n```python\nprint(1)\n```" << none
                                                  << QStringList{"code in fenced blocks"} << ""
                                                  << "";
        QTest::newRow("contract fenced code missing")
            << "print(1)" << none << QStringList{"code in fenced blocks"} << "format_violation"
            << "no fenced code block";
        QTest::newRow("contract sections met")
            << "## Summary\nShip it.\n\n**Risks**: the rollout.\n"
            << none << QStringList{"sections: Summary, Risks"} << ""
            << "";
        QTest::newRow("contract section absent")
            << "## Summary\nShip it." << none << QStringList{"sections: Summary, Risks"}
            << "format_violation"
            << "required section \"Risks\" is absent (the format contract)";
        QTest::newRow("contract names a markdown heading")
            << "Ship it." << none << QStringList{"end with a \"## Next steps\" section"}
            << "format_violation"
            << "required section \"Next steps\" is absent";
        QTest::newRow("a section word inside a sentence is not the section")
            << "## Summary\nThe risks are small." << none << QStringList{"headings: Risks"}
            << "format_violation"
            << "\"Risks\" is absent";
    }

    void gateSignalsReanswerOnTheStrongTier()
    {
        QFETCH(QString, answer);
        QFETCH(QJsonObject, schema);
        QFETCH(QStringList, contract);
        QFETCH(QString, signal);
        QFETCH(QString, reason);
        Ladder ladder = parse(kGateLadder);
        ladder.tiers[0].responseSchema = schema;
        OneProvider providers;
        providers.scripted.answers.insert(QStringLiteral("gpt-5.4-mini"), answer);
        RecordingAudit audit;
        SessionOptions options;
        options.audit = &audit;
        Session session(ladder, &providers, options);
        if (!contract.isEmpty())
            session.memory().setField(MemoryField::FormatContract, contract, 0);

        const QList<Event> events = runTurns(session, {QStringLiteral("Capital of Portugal?")});
        const QList<Event> escalated = ofType(events, Event::Type::Escalated);
        if (signal.isEmpty()) {
            QCOMPARE(escalated.size(), 0);
            QCOMPARE(answeringTiers(events), QStringList{"light"});
            QCOMPARE(providers.scripted.requests.size(), 1);
            return;
        }
        QCOMPARE(escalated.size(), 1);
        const QJsonObject e = escalated.first().data;
        QCOMPARE(e.value("signal").toString(), signal);
        QCOMPARE(e.value("phase").toString(), QString("post_turn"));
        QCOMPARE(e.value("from").toString(), QString("light"));
        QCOMPARE(e.value("to").toString(), QString("strong"));
        QVERIFY2(e.value("reason").toString().contains(reason),
                 qPrintable(e.value("reason").toString()));
        // The discarded answer stays visible, in the event, the audit and the turn record.
        QCOMPARE(e.value("discarded_answer").toString(), answer);
        const QList<Event> audited = ofType(audit.events, Event::Type::Escalated);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().data.value("discarded_answer").toString(), answer);
        QCOMPARE(session.turns().constLast().discarded.first().content, answer);
        QCOMPARE(answeringTiers(events), QStringList{"strong"});
        QCOMPARE(audit.calls.size(), 2); // both calls are in the audit
    }

    // A signal not named by the transition does not fire it; a tool call is never empty.
    void gateRaisesOnlyWhatTheAnswerShows_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("toolCall");
        QTest::addColumn<QJsonObject>("schema");
        QTest::addColumn<quint32>("mask");
        const QJsonObject schema = object(R"({"type": "array"})");
        QTest::newRow("good") << "Fine." << false << QJsonObject() << 0u;
        QTest::newRow("empty") << " " << false << QJsonObject() << bit(PostSignal::EmptyAnswer);
        QTest::newRow("empty with a tool call") << "" << true << schema << 0u;
        QTest::newRow("empty is not also a format violation")
            << "" << false << schema << bit(PostSignal::EmptyAnswer);
        QTest::newRow("confidence line ignored")
            << "[1, 2]\nCONFIDENCE: 0.9" << false << schema << 0u;
        QTest::newRow("object is not an array")
            << "{}" << false << schema << bit(PostSignal::FormatViolation);
    }

    // The keywords the eval's json_schema_lite had, now in the one validator (core).
    void widerSchemaSubset_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem"); // "path: message", empty: conforms
        QTest::newRow("const") << R"({"const": "ok"})"
                               << R"("no")"
                               << "/: not the schema's const value";
        QTest::newRow("minimum") << R"({"properties": {"n": {"minimum": 2}}})"
                                 << R"({"n": 1})"
                                 << "/n: below the minimum 2";
        QTest::newRow("maximum met") << R"({"maximum": 2})"
                                     << "2"
                                     << "";
        QTest::newRow("maxLength") << R"({"maxLength": 3})"
                                   << R"("four")"
                                   << "/: longer than maxLength 3";
        QTest::newRow("pattern") << R"({"pattern": "^[A-Z]{2}$"})"
                                 << R"("pt")"
                                 << "/: does not match the pattern";
        QTest::newRow("minItems") << R"({"minItems": 2})"
                                  << "[1]"
                                  << "/: fewer items than minItems 2";
        QTest::newRow("additionalProperties false")
            << R"({"properties": {"a": {}}, "additionalProperties": false})"
            << R"({"a": 1, "b": 2})"
            << "/b: property not allowed (additionalProperties is false)";
        QTest::newRow("additionalProperties schema")
            << R"({"additionalProperties": {"type": "string"}})"
            << R"({"b": 2})"
            << "/b: expected string, got a number";
    }
    void widerSchemaSubset()
    {
        QFETCH(QString, schema);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        const QJsonObject s = QJsonDocument::fromJson(schema.toUtf8()).object();
        QVERIFY(checkSchema(s, QString()).isEmpty());
        const QJsonValue v = QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0);
        const std::optional<SchemaProblem> p = schemaViolation(v, s);
        QCOMPARE(p ? (p->path.isEmpty() ? QStringLiteral("/") : p->path) + ": " + p->message
                   : QString(),
                 problem);
    }

    // The tier's explicit required_sections.
    void requiredSections_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("reason"); // empty: no violation
        QTest::newRow("headings") << "# Plan\nx\n## Risks\ny"
                                  << "";
        QTest::newRow("numbered and bold") << "1. **Plan**\nx\n2) Risks:\ny"
                                           << "";
        QTest::newRow("label lines") << "Plan: x\nRISKS: none"
                                     << "";
        QTest::newRow("one missing")
            << "# Plan\nx"
            << "required section \"Risks\" is absent (the tier's required_sections)";
        QTest::newRow("only mentioned") << "Plan and risks follow."
                                        << "\"Plan\" is absent";
    }
    void requiredSections()
    {
        QFETCH(QString, answer);
        QFETCH(QString, reason);
        Tier tier;
        tier.requiredSections = {QStringLiteral("Plan"), QStringLiteral("Risks")};
        const SignalSettings settings;
        const QRegularExpression confidence(settings.confidencePattern,
                                            QRegularExpression::MultilineOption);
        const GateVerdict v = checkAnswer(answer, false, tier, settings, {}, confidence);
        QCOMPARE(v.postMask, reason.isEmpty() ? 0u : quint32(bit(PostSignal::FormatViolation)));
        QVERIFY2(v.formatReason.contains(reason), qPrintable(v.formatReason));
    }

    // self_check: a verification call after light's answer; below the threshold the turn is
    // answered again by strong. The call is audited and its cost counted on the turn.
    void selfCheckEscalatesALowScore_data()
    {
        QTest::addColumn<QString>("reply");   // the checker's reply
        QTest::addColumn<bool>("listened");   // a post_turn edge on self_check_failed exists
        QTest::addColumn<QString>("signal");  // the escalation's signal, empty: none
        QTest::addColumn<int>("calls");       // provider calls of the turn
        QTest::addColumn<QString>("outcome"); // turn_completed's self_check (kept after escalating)
        QTest::newRow("good answer passes")
            << "SCORE: 0.9" << true << "" << 2
            << R"({"checker":"checker/gpt-5-nano","score":0.9,"threshold":0.6})";
        QTest::newRow("low score escalates")
            << "SCORE: 0.2" << true << "self_check_failed" << 3
            << R"({"checker":"checker/gpt-5-nano","score":0.2,"threshold":0.6})";
        QTest::newRow("a bare no escalates")
            << "No." << true << "self_check_failed" << 3
            << R"({"checker":"checker/gpt-5-nano","score":0,"threshold":0.6})";
        QTest::newRow("unreadable reply keeps the answer")
            << "It depends." << true << "" << 2
            << R"({"checker":"checker/gpt-5-nano","error":"no score in the reply","threshold":0.6})";
        QTest::newRow("nobody listens: no call") << "SCORE: 0.2" << false << "" << 1 << "";
    }
    void selfCheckEscalatesALowScore()
    {
        QFETCH(QString, reply);
        QFETCH(bool, listened);
        QFETCH(QString, signal);
        QFETCH(int, calls);
        QFETCH(QString, outcome);
        Ladder ladder = parse(kGateLadder);
        Tier checker;
        checker.id = QStringLiteral("checker");
        checker.provider = QStringLiteral("fake");
        checker.model = QStringLiteral("gpt-5-nano");
        ladder.tiers.append(checker);
        ladder.tiers[0].selfCheck = SelfCheck{QStringLiteral("checker"), {}, 0.6, {}};
        ladder.transitions[0].condition.postSignals = {PostSignal::SelfCheckFailed};
        if (!listened)
            ladder.transitions.removeFirst();
        OneProvider providers;
        providers.scripted.answers.insert(QStringLiteral("gpt-5-nano"), reply);
        RecordingAudit audit;
        SessionOptions options;
        options.audit = &audit;
        Session session(ladder, &providers, options);
        const QList<Event> events = runTurns(session, {QStringLiteral("Capital of Portugal?")});

        QCOMPARE(providers.scripted.requests.size(), calls);
        QCOMPARE(audit.calls.size(), calls);
        const TurnRecord &turn = session.turns().constLast();
        QCOMPARE(turn.calls, calls);
        if (calls > 1) {
            // The check saw the question and light's answer, and its cost is on the turn.
            const ChatRequest &check = providers.scripted.requests.at(1);
            QCOMPARE(check.model, QString("gpt-5-nano"));
            QVERIFY(check.messages.last().content.contains("Capital of Portugal?"));
            QVERIFY(check.messages.last().content.contains("A good answer from gpt-5.4-mini."));
            const double nano = (1000 * 0.05 + 1000 * 0.4) / 1e6;
            const double mini = (1000 * 0.75 + 1000 * 4.5) / 1e6;
            const double strong = calls == 3 ? (1000 * 2.5 + 1000 * 15.0) / 1e6 : 0.0;
            QCOMPARE(turn.costUsd, mini + nano + strong);
        }
        const QList<Event> escalated = ofType(events, Event::Type::Escalated);
        QCOMPARE(escalated.size(), signal.isEmpty() ? 0 : 1);
        QCOMPARE(answeringTiers(events), QStringList{signal.isEmpty() ? QStringLiteral("light")
                                                                      : QStringLiteral("strong")});
        if (!signal.isEmpty()) {
            const QJsonObject e = escalated.first().data;
            QCOMPARE(e.value("signal").toString(), signal);
            QVERIFY2(e.value("reason").toString().startsWith(
                         "self check failed: checker/gpt-5-nano scored the answer"),
                     qPrintable(e.value("reason").toString()));
            QCOMPARE(e.value("discarded_answer").toString(),
                     QString("A good answer from gpt-5.4-mini."));
        }
        const QJsonObject done = ofType(events, Event::Type::TurnCompleted).last().data;
        if (outcome.isEmpty())
            QVERIFY(!done.contains("self_check"));
        else
            QCOMPARE(done.value("self_check").toObject(),
                     QJsonDocument::fromJson(outcome.toUtf8()).object());
    }

    // pays_within_turns: strong steps down to light only when light's saving over so many turns
    // beats the prompt cache lost on the conversation's prefix (a 10000-token system prompt).
    void switchOnlyWhenItPays_data()
    {
        QTest::addColumn<int>("within"); // pays_within_turns
        QTest::addColumn<int>("prompt"); // strong's system prompt, in characters
        QTest::addColumn<QStringList>("tiers");
        QTest::addColumn<QString>("note"); // part of the second turn's switch_cost note
        QTest::newRow("no option: always switch")
            << 0 << 40000 << QStringList{"strong", "light"} << "";
        QTest::newRow("long prefix, one turn: skipped")
            << 1 << 40000 << QStringList{"strong", "strong"}
            << "switch_cost: strong to light skipped: saves $0.001763 over 1 turns, loses "
               "$0.006751 of prompt cache on the 10002-token prefix";
        QTest::newRow("long prefix, ten turns: pays")
            << 10 << 40000 << QStringList{"strong", "light"}
            << "switch_cost: strong to light pays: saves $0.0176 over 10 turns";
        QTest::newRow("short prefix, one turn: pays")
            << 1 << 40 << QStringList{"strong", "light"} << "strong to light pays";
    }
    void switchOnlyWhenItPays()
    {
        QFETCH(int, within);
        QFETCH(int, prompt);
        QFETCH(QStringList, tiers);
        QFETCH(QString, note);
        Ladder ladder = parse(kBudgetLadder);
        ladder.tiers[0].systemPrompt = QString(prompt, QLatin1Char('x'));
        ladder.transitions = {
            {QStringLiteral("down"), QStringLiteral("strong"), QStringLiteral("light"),
             Condition{Condition::Type::AfterTurns, 1, {}, {}, {}, 0.5, {}, within}}};
        OneProvider providers;
        providers.scripted.answers.insert(QStringLiteral("gpt-5.4"), QStringLiteral("ok"));
        Session session(ladder, &providers);
        const QList<Event> events = runTurns(session, {"one", "two"});
        QStringList got;
        for (const TurnRecord &t : session.turns())
            got.append(t.tierId);
        QCOMPARE(got, tiers);
        const QJsonObject second = ofType(events, Event::Type::TierActive).last().data;
        QVERIFY2(second.value("switch_cost").toString().contains(note),
                 qPrintable(second.value("switch_cost").toString()));
        QCOMPARE(second.contains("switch_cost"), !note.isEmpty());
        if (!note.isEmpty()) // the timeline's reason says it too
            QVERIFY(second.value("reason").toString().contains(note));
    }
    void gateRaisesOnlyWhatTheAnswerShows()
    {
        QFETCH(QString, answer);
        QFETCH(bool, toolCall);
        QFETCH(QJsonObject, schema);
        QFETCH(quint32, mask);
        Tier tier;
        tier.responseSchema = schema;
        const SignalSettings settings;
        const QRegularExpression confidence(settings.confidencePattern,
                                            QRegularExpression::MultilineOption);
        QCOMPARE(checkAnswer(answer, toolCall, tier, settings, {}, confidence).postMask, mask);
    }

    void budgetStepsDownOrStops_data()
    {
        QTest::addColumn<QJsonObject>("budget");
        QTest::addColumn<double>("sessionSpent"); // < 0: no session meter
        QTest::addColumn<QStringList>("tiers");   // answering tier per turn, "failed" when it fails
        QTest::addColumn<QString>("reason");      // reason of the budget decision, if any
        QTest::addColumn<int>("calls");
        // One turn on gpt-5.4 (1000 + 1000 tokens) costs $0.0175.
        QTest::newRow("under budget") << object(R"({"conversation_usd": 1})") << -1.0
                                      << QStringList{"strong", "strong", "strong"} << "" << 3;
        QTest::newRow("step down after the first turn")
            << object(R"({"conversation_usd": 0.01})") << -1.0
            << QStringList{"strong", "light", "light"}
            << "budget_exceeded: conversation spend $0.0175 passed budget.conversation_usd "
               "$0.0100; stepped down from strong to light"
            << 3;
        QTest::newRow("step down is the default action")
            << object(R"({"conversation_usd": 0.02})") << -1.0
            << QStringList{"strong", "strong", "light"}
            << "conversation spend $0.0350 passed budget.conversation_usd $0.0200" << 3;
        QTest::newRow("stop") << object(R"({"conversation_usd": 0.01, "action": "stop"})") << -1.0
                              << QStringList{"strong", "failed", "failed"}
                              << "budget_exceeded: conversation spend $0.0175 passed "
                                 "budget.conversation_usd $0.0100; the turn would go to strong "
                                 "and budget.action is stop"
                              << 1;
        QTest::newRow("session spend from other conversations")
            << object(R"({"session_usd": 0.5})") << 0.6 << QStringList{"light", "light", "light"}
            << "session spend $0.6000 passed budget.session_usd $0.5000" << 3;
        QTest::newRow("session spend of this conversation counts")
            << object(R"({"session_usd": 0.02})") << 0.0 << QStringList{"strong", "strong", "light"}
            << "session spend $0.0350 passed budget.session_usd $0.0200" << 3;
    }
    void budgetStepsDownOrStops()
    {
        QFETCH(QJsonObject, budget);
        QFETCH(double, sessionSpent);
        QFETCH(QStringList, tiers);
        QFETCH(QString, reason);
        QFETCH(int, calls);
        QJsonObject root = QJsonDocument::fromJson(QByteArray(kBudgetLadder)).object();
        root.insert("budget", budget);
        const ParseResult parsed = parseLadderObject(root);
        QVERIFY(parsed.ok());
        OneProvider providers;
        SessionOptions options;
        if (sessionSpent >= 0)
            options.spend = std::make_shared<SpendMeter>(SpendMeter{sessionSpent});
        Session session(parsed.ladder, &providers, options);

        const QList<Event> events = runTurns(session, {"one", "two", "three"});
        QStringList got;
        for (const TurnRecord &t : session.turns())
            got.append(t.failed ? QStringLiteral("failed") : t.tierId);
        QCOMPARE(got, tiers);
        QCOMPARE(providers.scripted.requests.size(), calls);
        if (sessionSpent >= 0) {
            double spent = 0;
            for (const TurnRecord &t : session.turns())
                spent += t.costUsd;
            QCOMPARE(options.spend->usd, sessionSpent + spent);
        }

        QStringList reasons;
        for (const Event &e : events) {
            if (e.type == Event::Type::TierActive &&
                e.data.value("reason_code").toString() == "budget_exceeded")
                reasons.append(e.data.value("reason").toString());
            if (e.type == Event::Type::TurnFailed) {
                QCOMPARE(e.data.value("error").toString(), QString("quota_exhausted"));
                reasons.append(e.data.value("message").toString());
            }
        }
        if (reason.isEmpty()) {
            QCOMPARE(reasons, QStringList());
            return;
        }
        QVERIFY(!reasons.isEmpty());
        QVERIFY2(reasons.first().contains(reason), qPrintable(reasons.first()));
    }

    // Past the budget, a post-turn escalation above the cheapest tier is held back.
    void budgetHoldsBackPostTurnEscalations_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("tiers");
        QTest::addColumn<QString>("note"); // turn_completed's budget field, or the failure
        QTest::newRow("under budget escalates") << "" << QStringList{"strong"} << "";
        QTest::newRow("step_down keeps the cheap answer")
            << "step_down" << QStringList{"light"}
            << "stepped down from strong to light (instead of re-answering on strong: on "
               "empty_answer)";
        QTest::newRow("stop fails the turn") << "stop" << QStringList{"failed"}
                                             << "the turn would go to strong and budget.action "
                                                "is stop";
    }
    void budgetHoldsBackPostTurnEscalations()
    {
        QFETCH(QString, action);
        QFETCH(QStringList, tiers);
        QFETCH(QString, note);
        Ladder ladder = parse(kGateLadder);
        if (!action.isEmpty()) {
            ladder.budget.conversationUsd = 0.0001; // passed by light's own call
            ladder.budget.action =
                action == "stop" ? BudgetPolicy::Action::Stop : BudgetPolicy::Action::StepDown;
        }
        OneProvider providers;
        providers.scripted.answers.insert(QStringLiteral("gpt-5.4-mini"), QStringLiteral(" "));
        Session session(ladder, &providers);
        const QList<Event> events = runTurns(session, {QStringLiteral("Capital of Portugal?")});
        QStringList got;
        for (const TurnRecord &t : session.turns())
            got.append(t.failed ? QStringLiteral("failed") : t.tierId);
        QCOMPARE(got, tiers);
        QString seen;
        for (const Event &e : events) {
            if (e.type == Event::Type::TurnCompleted)
                seen = e.data.value("budget").toString();
            if (e.type == Event::Type::TurnFailed)
                seen = e.data.value("message").toString();
        }
        QVERIFY2(note.isEmpty() ? seen.isEmpty() : seen.contains(note), qPrintable(seen));
        QCOMPARE(ofType(events, Event::Type::Escalated).size(), action.isEmpty() ? 1 : 0);
    }

    // The router steps down to the tier whose running model is cheapest, not the last tier.
    void routerStepsDownByThePriceOfTheRunningModel_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<double>("spent");
        QTest::addColumn<int>("tier");
        QTest::newRow("under budget") << QList<double>{17.5, 5.25} << 0.5 << 0;
        QTest::newRow("cheapest is light") << QList<double>{17.5, 5.25} << 2.0 << 1;
        QTest::newRow("light's model fell back to a dearer one")
            << QList<double>{17.5, 30.0} << 2.0 << 0;
        QTest::newRow("no prices: no step down") << QList<double>{} << 2.0 << 0;
    }
    void routerStepsDownByThePriceOfTheRunningModel()
    {
        QFETCH(QList<double>, prices);
        QFETCH(double, spent);
        QFETCH(int, tier);
        Ladder ladder = parse(kBudgetLadder);
        ladder.budget.conversationUsd = 1.0;
        const Router router(ladder);
        TurnSignals raised;
        raised.conversationUsd = spent;
        raised.tierPrice = prices;
        const RouteDecision d = router.route(LadderState{0, 1, -1, 1}, raised);
        QCOMPARE(d.tier, tier);
        QCOMPARE(d.reason == RouteDecision::Reason::Budget, tier != 0);
    }
};

QTEST_GUILESS_MAIN(TestGate)
#include "tst_gate.moc"
