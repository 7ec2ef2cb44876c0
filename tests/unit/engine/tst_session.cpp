// The Session on the example ladders and the simulated provider: tier sequences each seed pattern
// promises, escalation, fallbacks, retries, memory and audit.

#include "engine/prompt_builder.h"
#include "session_test_support.h"

#include <QJsonArray>

using namespace ladder;
using namespace ladder::test;

namespace {

SessionOptions quiet()
{
    SessionOptions o;
    o.retry.delayScale = 0;
    return o;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void examplesFollowTheirPattern_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QStringList>("turns");
        QTest::addColumn<QStringList>("tiers");

        QTest::newRow("framing: strong frames, light executes, legal escalates once")
            << "framing" << kFramingScript
            << QStringList{"strong", "strong", "light", "light", "strong", "light"};
        QStringList seven;
        for (int i = 1; i <= 7; ++i)
            seven << QStringLiteral("Step %1: continue the outline.").arg(i);
        QTest::newRow("step-down: 2 advanced, 3 mid, then light")
            << "step-down" << seven
            << QStringList{"advanced", "advanced", "mid", "mid", "mid", "light", "light"};
        QTest::newRow("escalation tool: only the quantum question goes up")
            << "escalation-tool"
            << QStringList{"What's the capital of Portugal?",
                           "Why does a quantum harmonic oscillator have non-zero ground-state "
                           "energy?",
                           "And the capital of Spain?"}
            << QStringList{"cheap", "strong", "cheap"};
        QTest::newRow("listener routes by task type; refusal goes to the reasoner")
            << "listener-worker-reasoner"
            << QStringList{"Fix the bug in this Python function that parses dates.",
                           "Write a short poem about autumn.", "What time zone is Lisbon in?",
                           "Is it legal to break my apartment lease early?",
                           "Thanks, and what time zone is Madrid in?"}
            << QStringList{"coder", "writer", "general", "reasoner", "general"};
        QTest::newRow("task registry: each task type to its configured tier")
            << "task-registry"
            << QStringList{"Suggest a title for this chat.",
                           "Classify the sentiment of this review: great product.",
                           "Extract all the dates from this email into JSON.",
                           "Plan the migration of our billing service step by step."}
            << QStringList{"title", "classify", "extract", "agent"};
    }
    void examplesFollowTheirPattern()
    {
        QFETCH(QString, ladder);
        QFETCH(QStringList, turns);
        QFETCH(QStringList, tiers);
        RecordingRegistry registry;
        Session session(example(ladder), &registry, quiet());
        const QList<Event> events = runTurns(session, turns);
        QCOMPARE(answeringTiers(events), tiers);
        QVERIFY(ofType(events, Event::Type::TurnFailed).isEmpty());
    }

    void escalationToolHandsOffCleanly()
    {
        RecordingRegistry registry;
        Session session(example("escalation-tool"), &registry, quiet());
        const QList<Event> events = runTurns(
            session, {"What's the capital of Portugal?",
                      "Why does a quantum harmonic oscillator have non-zero ground-state energy?"});

        const QList<Event> escalations = ofType(events, Event::Type::Escalated);
        QCOMPARE(escalations.size(), 1);
        QCOMPARE(escalations[0].turn, 2);
        QCOMPARE(escalations[0].data["from"].toString(), "cheap");
        QCOMPARE(escalations[0].data["to"].toString(), "strong");
        QCOMPARE(escalations[0].data["signal"].toString(), "escalate_tool");
        QVERIFY(!escalations[0].data["reason"].toString().isEmpty());

        // Calls: turn 1 cheap, turn 2 cheap (escalates), turn 2 strong.
        const QList<ChatRequest> &requests = registry.requests();
        QCOMPARE(requests.size(), 3);
        const ChatRequest &cheap = requests[1];
        const ChatRequest &strong = requests[2];
        QCOMPARE(cheap.tierId, "cheap");
        QCOMPARE(cheap.tools.size(), 1);
        QCOMPARE(cheap.tools[0].name, "escalate");
        QCOMPARE(strong.tierId, "strong");
        QVERIFY(strong.tools.isEmpty());
        const QString cheapPrompt = cheap.messages.first().content;
        for (const ChatMessage &m : strong.messages) {
            QVERIFY2(m.content != cheapPrompt, "strong saw the cheap tier's system prompt");
            QVERIFY(m.toolCalls.isEmpty());
            QVERIFY(m.role != ChatMessage::Role::Tool);
        }
        // It sees the user conversation: turn 1, its answer, and the escalated question.
        QVERIFY(strong.messages.last().role == ChatMessage::Role::User);
        QVERIFY(strong.messages.last().content.contains("quantum"));
        QVERIFY(std::any_of(strong.messages.begin(), strong.messages.end(),
                            [](const auto &m) { return m.content.contains("Portugal"); }));
    }

    // Turn 4: light answers with low confidence and strong re-answers (post_turn). Turn 5: the
    // router returns to light (return_after), then the legal question escalates again. The
    // escalation fired on light, so the event and the audit say so.
    void escalationAfterAReturnIsFromTheTierReturnedTo()
    {
        RecordingRegistry registry;
        RecordingAudit audit;
        SessionOptions options = quiet();
        options.audit = &audit;
        Session session(example("framing"), &registry, options);
        const QList<Event> events = runTurns(
            session, {kFramingScript[0], kFramingScript[1], kFramingScript[2],
                      QStringLiteral("Estimate how long renaming 10,000 photos will take."),
                      kFramingScript[4]});
        QCOMPARE(answeringTiers(events),
                 (QStringList{"strong", "strong", "light", "strong", "strong"}));
        const QList<Event> escalations = ofType(events, Event::Type::Escalated);
        QCOMPARE(escalations.size(), 2);
        QCOMPARE(escalations[0].turn, 4);
        QCOMPARE(escalations[0].data["phase"].toString(), "post_turn");
        QCOMPARE(escalations[0].data["from"].toString(), "light");
        QCOMPARE(escalations[1].turn, 5);
        QCOMPARE(escalations[1].data["phase"].toString(), "pre_turn");
        QCOMPARE(escalations[1].data["from"].toString(), "light");
        QCOMPARE(escalations[1].data["to"].toString(), "strong");
        const QList<Event> audited = ofType(audit.events, Event::Type::Escalated);
        QCOMPARE(audited.size(), 2);
        QCOMPARE(audited[1].data["from"].toString(), "light");
    }

    void fallsBackOnRateLimit()
    {
        RecordingRegistry registry;
        registry.simulated().setFaults(*FaultSchedule::parse("rate_limited@2", nullptr));
        Session session(example("framing"), &registry, quiet());
        const QList<Event> events = runTurns(session, kFramingScript.mid(0, 3));

        const QList<Event> fallbacks = ofType(events, Event::Type::Fallback);
        QCOMPARE(fallbacks.size(), 1);
        QCOMPARE(fallbacks[0].turn, 2);
        QCOMPARE(fallbacks[0].data["from_model"].toString(), "gpt-5.4");
        QCOMPARE(fallbacks[0].data["to_model"].toString(), "claude-sonnet-4-6");
        QCOMPARE(fallbacks[0].data["error"].toString(), "rate_limited");
        const QList<Event> completed = ofType(events, Event::Type::TurnCompleted);
        QCOMPARE(completed.size(), 3);
        QCOMPARE(completed[1].data["model"].toString(), "claude-sonnet-4-6");
        QCOMPARE(completed[1].data["calls"].toInt(), 2);
    }

    void retriesTransientFailureOnTheSameModel_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("unavailable") << "unavailable@1";
        QTest::newRow("timeout") << "timeout@1";
        QTest::newRow("truncated stream") << "truncated@1";
    }
    void retriesTransientFailureOnTheSameModel()
    {
        QFETCH(QString, fault);
        RecordingRegistry registry;
        registry.simulated().setFaults(*FaultSchedule::parse(fault, nullptr));
        Session session(example("framing"), &registry, quiet());
        const QList<Event> events = runTurns(session, kFramingScript.mid(0, 1));
        const QList<Event> fallbacks = ofType(events, Event::Type::Fallback);
        QCOMPARE(fallbacks.size(), 1);
        QCOMPARE(fallbacks[0].data["retry"].toInt(), 1);
        QCOMPARE(fallbacks[0].data["to_model"].toString(), "gpt-5.4");
        const QList<Event> completed = ofType(events, Event::Type::TurnCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed[0].data["model"].toString(), "gpt-5.4");
    }

    void exhaustedChainFailsTheTurnButKeepsIt()
    {
        Ladder ladder = example("escalation-tool");
        ladder.tiers[0].provider = "nowhere"; // no registry serves it
        ladder.tiers[0].fallback = {{"nowhere", "gpt-5.4-mini"}};
        class EmptyRegistry : public ProviderRegistry
        {
        public:
            Provider *provider(const QString &) const override { return nullptr; }
        } registry;
        Session session(ladder, &registry, quiet());
        const QList<Event> events = runTurns(session, {"What's the capital of Portugal?"});
        const QList<Event> failed = ofType(events, Event::Type::TurnFailed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].data["user_text"].toString(), "What's the capital of Portugal?");
        QVERIFY(failed[0].data["message"].toString().contains("not configured"));
        QCOMPARE(session.turns().size(), 1);
        QVERIFY(session.turns()[0].failed);
        QCOMPARE(session.turns()[0].userText, "What's the capital of Portugal?");
        QVERIFY(!session.busy());
    }

    void onFailureEdgeMovesTheTurnToAnotherTier()
    {
        Ladder ladder = example("escalation-tool");
        ladder.tiers[0].provider = "nowhere";
        ladder.tiers[0].fallback.clear();
        Transition t;
        t.from = "cheap";
        t.to = "strong";
        t.condition.type = Condition::Type::OnFailure;
        t.condition.failures = {FailureKind::BadRequest};
        ladder.transitions.append(t);
        class PartialRegistry : public ProviderRegistry
        {
        public:
            Provider *provider(const QString &id) const override
            {
                return id == "nowhere" ? nullptr : &simulated;
            }
            mutable SimulatedProvider simulated;
        } registry;
        registry.simulated.setTimeScale(0);
        Session session(ladder, &registry, quiet());
        const QList<Event> events = runTurns(session, {"What's the capital of Portugal?"});
        QCOMPARE(answeringTiers(events), QStringList{"strong"});
        const QList<Event> fallbacks = ofType(events, Event::Type::Fallback);
        QCOMPARE(fallbacks.size(), 1);
        QCOMPARE(fallbacks[0].data["to_tier"].toString(), "strong");
    }

    void strongTierWritesMemoryInjectedAtHandoff()
    {
        RecordingRegistry registry;
        Session session(example("framing"), &registry, quiet());
        const QList<Event> events = runTurns(session, kFramingScript.mid(0, 3));

        QVERIFY(!ofType(events, Event::Type::MemoryUpdated).isEmpty());
        QVERIFY(session.memory().version() >= 1);
        QVERIFY(session.memory().current()[MemoryField::Goal].first().contains("photos"));
        QVERIFY(session.memory().versions().first().author.startsWith("strong/"));

        const QList<Event> handoffs = ofType(events, Event::Type::Handoff);
        QCOMPARE(handoffs.size(), 1);
        QCOMPARE(handoffs[0].turn, 3);
        QVERIFY(handoffs[0].data["injected"].toBool());
        const ChatRequest &light = registry.requests().last();
        QCOMPARE(light.tierId, "light");
        QVERIFY(light.messages.first().content.contains("## Handoff memory"));
        QVERIFY(light.messages.first().content.contains("Goal:"));
        // The shown answer does not carry the machine-readable block.
        QVERIFY(!session.turns()[0].answer.contains("<handoff>"));
    }

    void listenerModelClassifiesEachTurn()
    {
        RecordingRegistry registry;
        MemoryCache cache;
        SessionOptions options = quiet();
        options.classifyWithModel = true;
        options.cache = &cache;
        Ladder ladder = example("listener-worker-reasoner");
        ladder.cache.enabled = true; // the example leaves the cache off
        Session session(ladder, &registry, options);
        const QStringList turns{"Fix the bug in this Python function that parses dates.",
                                "Write a short poem about autumn.", "What time zone is Lisbon in?",
                                "Write a short poem about autumn."};
        const QList<Event> events = runTurns(session, turns);
        QCOMPARE(answeringTiers(events), (QStringList{"coder", "writer", "general", "writer"}));
        QList<ChatRequest> listener;
        for (const ChatRequest &r : registry.requests()) {
            if (r.tierId == "listener")
                listener.append(r);
        }
        QCOMPARE(listener.size(), 3); // the repeated question is served by the cache
        QCOMPARE(listener[0].model, "gpt-5-nano");
        QCOMPARE(*listener[0].params.temperature, 0.0);
        QVERIFY(listener[0].messages.first().content.contains("code, writing, general"));
        QCOMPARE(cache.hits, 1);
        // The listener's cost is part of the turn.
        QCOMPARE(session.turns()[0].calls, 2);
        QCOMPARE(session.turns()[3].calls, 2);
    }

    void labelIsParsedFromTheListenerAnswer_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("label");
        QTest::newRow("bare label") << "code"
                                    << "code";
        QTest::newRow("sentence") << "The label is: Writing."
                                  << "writing";
        QTest::newRow("first named wins") << "writing, not code"
                                          << "writing";
        QTest::newRow("part of a word does not count") << "codewriting"
                                                       << "general";
        QTest::newRow("nothing usable") << "I cannot tell"
                                        << "general";
    }
    void labelIsParsedFromTheListenerAnswer()
    {
        QFETCH(QString, answer);
        QFETCH(QString, label);
        QCOMPARE(parseLabel(answer, {"code", "writing", "general"}, "general"), label);
    }

    void summarizeRefreshAsksTheOutgoingTierAtHandoff()
    {
        Ladder ladder = example("step-down");
        ladder.memory.refresh = MemoryPolicy::Refresh::Summarize;
        RecordingRegistry registry;
        Session session(ladder, &registry, quiet());
        const QList<Event> events =
            runTurns(session, {"Plan a garden that must survive without watering.",
                               "Use only native plants.", "List the first three plants."});
        QCOMPARE(answeringTiers(events), (QStringList{"advanced", "advanced", "mid"}));
        const QList<ChatRequest> &requests = registry.requests();
        QCOMPARE(requests.size(), 4); // 2 advanced turns, the summary, the mid turn
        QCOMPARE(requests[2].model, "claude-opus-4-6");
        QVERIFY(requests[2].messages.first().content.startsWith("Summarise"));
        QVERIFY(requests[3].messages.first().content.contains("## Handoff memory"));
        QVERIFY(requests[3].messages.first().content.contains("native plants"));
        const QList<Event> updates = ofType(events, Event::Type::MemoryUpdated);
        QVERIFY(std::any_of(updates.begin(), updates.end(), [](const Event &e) {
            return e.turn == 3 && e.data["source"].toString() == "summary";
        }));
        QCOMPARE(session.turns()[2].calls, 2); // the summary is counted in the turn
    }

    void userMemoryEditIsInjectedAtNextHandoff()
    {
        RecordingRegistry registry;
        Session session(example("framing"), &registry, quiet());
        runTurns(session, kFramingScript.mid(0, 2));
        QVERIFY(session.memory().setField(MemoryField::FormatContract,
                                          {"a numbered list, no prose"}, 2));
        QCOMPARE(session.memory().versions().last().author, "user");
        runTurns(session, kFramingScript.mid(2, 1));
        const ChatRequest &light = registry.requests().last();
        QVERIFY(light.messages.first().content.contains("a numbered list, no prose"));
        // The simulated model follows the contract visibly.
        QVERIFY(session.turns().last().answer.contains("\n1. "));
    }

    void eventsAndCallsAreAudited()
    {
        RecordingRegistry registry;
        registry.simulated().setFaults(*FaultSchedule::parse("rate_limited@1", nullptr));
        RecordingAudit audit;
        SessionOptions options = quiet();
        options.audit = &audit;
        options.sessionId = "s-1";
        Session session(example("framing"), &registry, options);
        runTurns(session, kFramingScript.mid(0, 2));

        QCOMPARE(audit.sessions, QStringList{"s-1"});
        QCOMPARE(audit.flushes, 4 + 3); // per turn: start, each call, end
        QCOMPARE(audit.calls.size(), 3);    // rate limited, fallback answer, turn 2
        QCOMPARE(audit.calls[0].attempt, 1);
        QVERIFY(audit.calls[0].result.error.has_value());
        QCOMPARE(audit.calls[1].attempt, 2);
        QCOMPARE(audit.calls[1].model, "claude-sonnet-4-6");
        QVERIFY(audit.calls[1].costUsd > 0);
        QVERIFY(!audit.calls[1].request.messages.isEmpty());
        QCOMPARE(audit.calls[2].turn, 2);
        bool sawCompleted = false;
        for (const Event &e : audit.events) {
            QVERIFY(e.type != Event::Type::Delta);
            sawCompleted = sawCompleted || e.type == Event::Type::TurnCompleted;
        }
        QVERIFY(sawCompleted);
    }

    void turnCompletedCarriesUsageCostAndTimings()
    {
        RecordingRegistry registry;
        Session session(example("framing"), &registry, quiet());
        const QList<Event> events = runTurns(session, kFramingScript.mid(0, 1));
        const Event done = ofType(events, Event::Type::TurnCompleted).first();
        const QJsonObject usage = done.data["usage"].toObject();
        QVERIFY(usage["input_tokens"].toInteger() > 0);
        QVERIFY(usage["output_tokens"].toInteger() > 0);
        const double expected = PricingTable::builtin().costUsd(
            "gpt-5.4", {usage["input_tokens"].toInteger(), 0, usage["output_tokens"].toInteger()});
        QCOMPARE(done.data["cost_usd"].toDouble(), expected);
        QVERIFY(done.data["ttft_ms"].toDouble() > 0);
        QVERIFY(done.data["latency_ms"].toDouble() > done.data["ttft_ms"].toDouble());
        QVERIFY(done.data["simulated"].toBool());
    }

    void sameSeedGivesSameConversation()
    {
        auto answers = [] {
            RecordingRegistry registry;
            SessionOptions o = quiet();
            o.seed = 42;
            Session session(example("framing"), &registry, o);
            runTurns(session, kFramingScript);
            QStringList out;
            for (const TurnRecord &t : session.turns())
                out << t.answer;
            return out;
        };
        QCOMPARE(answers(), answers());
    }

    void cancelEndsTheTurnAtOnce()
    {
        SimulatedProvider slow;
        slow.setTimeScale(1.0); // real time: the turn is still streaming when cancelled
        class One : public ProviderRegistry
        {
        public:
            explicit One(Provider *p)
                : p(p)
            {}
            Provider *provider(const QString &) const override { return p; }
            Provider *p;
        } registry(&slow);
        Session session(example("framing"), &registry, quiet());
        QSignalSpy finished(&session, &Session::turnFinished);
        QList<Event> events;
        connect(&session, &Session::event, this, [&](const Event &e) { events.append(e); });
        QVERIFY(session.submit(kFramingScript[0]));
        QVERIFY(session.busy());
        QVERIFY(!session.submit("second")); // one turn at a time
        session.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][1].toBool(), false);
        const QList<Event> failed = ofType(events, Event::Type::TurnFailed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].data["error"].toString(), "cancelled");
        QVERIFY(!session.busy());
    }

    void manualPickOverridesTheLadder()
    {
        RecordingRegistry registry;
        Session session(example("framing"), &registry, quiet());
        QSignalSpy finished(&session, &Session::turnFinished);
        QVERIFY(session.submit(kFramingScript[0], "light"));
        QVERIFY(finished.wait(2000));
        QCOMPARE(session.turns()[0].tierId, "light");
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
