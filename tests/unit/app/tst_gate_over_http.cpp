// The quality gate and the budget over a loopback upstream: a Session drives the real OpenAI
// client against a scripted HTTP server on 127.0.0.1. Each gate signal (empty_answer,
// format_violation incl. a required section, self_check_failed) fires on a bad cheap answer and
// stays quiet on a good one, and the budget steps down; each shows in the events, the audit (the
// real SQLite audit store in a temporary file, read back through its AuditReader) and the chat's
// rows and timeline.

#include "chat/chatsessionmodel.h"
#include "chat/chattimelinemodel.h"
#include "chat/sessionspend.h"
#include "core/ladder_json.h"
#include "core/pricing.h"
#include "engine/session.h"
#include "provider_test_support.h"
#include "providers/provider_config.h"
#include "session_test_support.h"
#include "store/audit_store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;

namespace {

// An OpenAI Chat Completions stream answering `text`.
MockScript answer(const QString &text, int prompt = 1000, int completion = 1000)
{
    const QJsonObject delta{
        {"choices",
         QJsonArray{QJsonObject{
             {"index", 0}, {"delta", QJsonObject{{"content", text}}}, {"finish_reason", "stop"}}}}};
    const QJsonObject usage{
        {"choices", QJsonArray{}},
        {"usage", QJsonObject{{"prompt_tokens", prompt}, {"completion_tokens", completion}}}};
    return streamScript(
        {"data: " + QJsonDocument(delta).toJson(QJsonDocument::Compact) + "\n\n",
         "data: " + QJsonDocument(usage).toJson(QJsonDocument::Compact) + "\n\ndata: [DONE]\n\n"});
}

struct Upstream {
    Upstream()
    {
        server.listen();
        ProviderConfigEntry openai{QStringLiteral("openai"), QStringLiteral("openai"),
                                   server.url(QStringLiteral("v1"))};
        openai.timeouts = {3000, 3000, 3000};
        config.providers << openai;
        registry = std::make_unique<ConfiguredProviderRegistry>(
            config, std::make_shared<FakeKeySource>(
                        QHash<QString, QString>{{QStringLiteral("openai"), QStringLiteral("k")}}));
    }
    MockHttpServer server;
    ProviderConfig config;
    std::unique_ptr<ConfiguredProviderRegistry> registry;
};

// light answers; a gate signal re-answers the turn on strong, which then hands back.
Ladder gateLadder(const QJsonObject &lightExtra)
{
    QJsonObject light{{"id", "light"}, {"provider", "openai"}, {"model", "gpt-5.4-mini"}};
    for (auto it = lightExtra.begin(); it != lightExtra.end(); ++it)
        light.insert(it.key(), it.value());
    const QJsonObject root{
        {"format", "ladder/1"},
        {"entry", "light"},
        {"tiers",
         QJsonArray{light,
                    QJsonObject{{"id", "strong"}, {"provider", "openai"}, {"model", "gpt-5.4"}}}},
        {"transitions",
         QJsonArray{QJsonObject{{"from", "light"},
                                {"to", "strong"},
                                {"when", QJsonObject{{"type", "post_turn"},
                                                     {"signals",
                                                      QJsonArray{"empty_answer", "format_violation",
                                                                 "self_check_failed"}}}}},
                    QJsonObject{{"from", "strong"},
                                {"when", QJsonObject{{"type", "return_after"}, {"turns", 1}}}}}}};
    const ParseResult parsed = parseLadderObject(root);
    if (!parsed.ok())
        qFatal("gate ladder does not parse");
    return parsed.ladder;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// The audit as a user finds it: an AuditStore writing a SQLite file in a temporary folder, and
// after the run (sync) what AuditReader reads back from that file.
struct StoredAudit {
    StoredAudit()
    {
        if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("audit.sqlite")), &error))
            qFatal("cannot open the audit store: %s", qPrintable(error));
    }
    // Waits for the writer, then opens a reader on the file; false with `error` on failure.
    bool readBack()
    {
        if (!store.sync()) {
            error = store.lastError();
            return false;
        }
        return reader.open(store.path(), &error);
    }
    QList<Event> events(const QString &sessionId, Event::Type type)
    {
        QList<Event> out;
        for (const StoredEvent &e : reader.events(sessionId))
            if (e.event.type == type)
                out.append(e.event);
        return out;
    }
    QTemporaryDir dir;
    AuditStore store;
    AuditReader reader;
    QString error;
};

double priced(const QString &model, qint64 prompt, qint64 completion)
{
    TokenUsage usage;
    usage.inputTokens = prompt;
    usage.outputTokens = completion;
    return PricingTable::builtin().cost(QStringLiteral("openai"), model, usage).value_or(-1);
}

QString timelineMarker(ChatSessionModel &chat, int row)
{
    return chat.timeline()->index(row).data(ChatTimelineModel::MarkerTextRole).toString();
}

} // namespace

class TestGateOverHttp : public QObject
{
    Q_OBJECT

private slots:
    void gateSignalsOverHttp_data()
    {
        QTest::addColumn<QJsonObject>("light");   // extra keys of the light tier
        QTest::addColumn<QString>("lightAnswer"); // what the upstream answers for light
        QTest::addColumn<QString>("checkReply");  // the self_check's reply, empty: no check
        QTest::addColumn<QString>("signal");      // empty: the cheap answer stands
        QTest::addColumn<QString>("reason");      // part of the escalation reason
        const QJsonObject none;
        const QJsonObject schema = json(R"({"response_schema": {"type": "object",
            "required": ["city"]}})");
        const QJsonObject sections = json(R"({"required_sections": ["Answer", "Sources"]})");
        const QJsonObject check = json(R"({"self_check": {"model": "gpt-5-nano",
            "threshold": 0.5}})");
        QTest::newRow("good answer") << none << "Lisbon."
                                     << ""
                                     << ""
                                     << "";
        QTest::newRow("empty_answer") << none << " \n "
                                      << ""
                                      << "empty_answer"
                                      << "only whitespace";
        QTest::newRow("schema met") << schema << R"({"city": "Lisbon"})"
                                    << ""
                                    << ""
                                    << "";
        QTest::newRow("format_violation: schema") << schema << "Lisbon."
                                                  << ""
                                                  << "format_violation"
                                                  << "not JSON";
        QTest::newRow("sections met") << sections << "## Answer\nLisbon.\n## Sources\nAtlas."
                                      << ""
                                      << ""
                                      << "";
        QTest::newRow("format_violation: required section")
            << sections << "## Answer\nLisbon."
            << ""
            << "format_violation"
            << "required section \"Sources\" is absent";
        QTest::newRow("self check passes") << check << "Lisbon."
                                           << "SCORE: 0.9"
                                           << ""
                                           << "";
        QTest::newRow("self_check_failed")
            << check << "Lisbon."
            << "SCORE: 0.1"
            << "self_check_failed"
            << "self check failed: light/gpt-5-nano scored the answer 0.1, below 0.5";
    }
    void gateSignalsOverHttp()
    {
        QFETCH(QJsonObject, light);
        QFETCH(QString, lightAnswer);
        QFETCH(QString, checkReply);
        QFETCH(QString, signal);
        QFETCH(QString, reason);
        Upstream up;
        up.server.enqueue(answer(lightAnswer));
        if (!checkReply.isEmpty())
            up.server.enqueue(answer(checkReply, 200, 5));
        up.server.enqueue(answer(QStringLiteral("Lisbon is the capital of Portugal.")));
        const Ladder ladder = gateLadder(light);
        StoredAudit audit;
        SessionOptions options;
        options.audit = &audit.store;
        options.retry.maxRetriesPerModel = 0;
        Session session(ladder, up.registry.get(), options);
        ChatSessionModel chat;
        chat.setLadder(ladder);
        connect(&session, &Session::event, &chat, &ChatSessionModel::handleEvent);

        const QList<Event> events = runTurns(session, {QStringLiteral("Capital of Portugal?")});
        const int calls = 1 + (checkReply.isEmpty() ? 0 : 1) + (signal.isEmpty() ? 0 : 1);
        QCOMPARE(up.server.requests().size(), calls);
        QCOMPARE(session.turns().constLast().calls, calls);

        // The audit file: every call of the turn, the cheap answer first (kept even when it
        // was discarded), and the turn's cost is the sum of its calls' costs.
        QVERIFY2(audit.readBack(), qPrintable(audit.error));
        const QString id = session.sessionId();
        const QList<StoredCall> stored = audit.reader.calls(id);
        QCOMPARE(stored.size(), calls);
        QCOMPARE(stored.first().tierId, QString("light"));
        QCOMPARE(stored.first().result.text, lightAnswer);
        double callsUsd = 0;
        for (const StoredCall &c : stored) {
            QVERIFY(c.costKnown);
            QCOMPARE(c.turn, 1);
            callsUsd += c.costUsd;
        }
        const QList<Event> completed = audit.events(id, Event::Type::TurnCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().data.value("calls").toInt(), calls);
        QVERIFY(qAbs(completed.first().data.value("cost_usd").toDouble() - callsUsd) < 1e-12);
        QVERIFY(qAbs(audit.reader.totals(id).costUsd - callsUsd) < 1e-12);
        if (!checkReply.isEmpty()) { // the check went over the wire to its own model
            const QJsonObject sent =
                QJsonDocument::fromJson(up.server.requests().at(1).body).object();
            QCOMPARE(sent.value("model").toString(), QString("gpt-5-nano"));
            // ... is audited as a call of the turn with its own cost, and its score is kept
            const StoredCall &check = stored.at(1);
            QCOMPARE(check.model, QString("gpt-5-nano"));
            QCOMPARE(check.result.text, checkReply);
            QCOMPARE(check.result.usage.inputTokens, qint64(200));
            QCOMPARE(check.result.usage.outputTokens, qint64(5));
            QVERIFY(check.costUsd > 0);
            QVERIFY(qAbs(check.costUsd - priced("gpt-5-nano", 200, 5)) < 1e-12);
            const QJsonObject outcome = completed.first().data.value("self_check").toObject();
            QCOMPARE(outcome.value("checker").toString(), QString("light/gpt-5-nano"));
            QCOMPARE(outcome.value("score").toDouble(), checkReply.mid(7).toDouble());
        } else {
            QVERIFY(!completed.first().data.contains("self_check"));
        }
        const QList<Event> escalated = ofType(events, Event::Type::Escalated);
        const QList<Event> auditedEscalations = audit.events(id, Event::Type::Escalated);
        QCOMPARE(audit.reader.totals(id).escalations, signal.isEmpty() ? 0 : 1);
        QCOMPARE(chat.timeline()->rowCount(), 1);
        const bool timelineEscalated =
            chat.timeline()->index(0).data(ChatTimelineModel::EscalatedRole).toBool();
        if (signal.isEmpty()) {
            QCOMPARE(escalated.size(), 0);
            QCOMPARE(auditedEscalations.size(), 0);
            QCOMPARE(answeringTiers(events), QStringList{"light"});
            QVERIFY(!timelineEscalated);
            return;
        }
        QCOMPARE(escalated.size(), 1);
        const QJsonObject e = escalated.first().data;
        QCOMPARE(e.value("signal").toString(), signal);
        QVERIFY2(e.value("reason").toString().contains(reason),
                 qPrintable(e.value("reason").toString()));
        QCOMPARE(e.value("discarded_answer").toString(), lightAnswer);
        QCOMPARE(auditedEscalations.size(), 1);
        const QJsonObject a = auditedEscalations.first().data;
        QCOMPARE(a.value("signal").toString(), signal);
        QCOMPARE(a.value("reason").toString(), e.value("reason").toString());
        QCOMPARE(a.value("discarded_answer").toString(), lightAnswer);
        QCOMPARE(stored.constLast().tierId, QString("strong"));
        QCOMPARE(stored.constLast().model, QString("gpt-5.4"));
        QCOMPARE(answeringTiers(events), QStringList{"strong"});
        // The chat: the escalation notice keeps the discarded answer behind its details, and the
        // timeline marks the turn with the reason.
        QVERIFY(timelineEscalated);
        QVERIFY2(timelineMarker(chat, 0).contains(reason), qPrintable(timelineMarker(chat, 0)));
        bool kept = false;
        for (int row = 0; row < chat.rowCount(); ++row) {
            const QModelIndex i = chat.index(row);
            if (i.data(ChatSessionModel::KindRole).toString() == "notice" &&
                i.data(ChatSessionModel::DetailRole).toString().contains(lightAnswer.trimmed()))
                kept = true;
        }
        QVERIFY(kept);
    }

    // Past budget.conversation_usd (or session_usd over two conversations of one meter), the
    // second turn steps down from strong to light: in the events, the audit and the timeline.
    void budgetStepsDownOverHttp_data()
    {
        QTest::addColumn<QJsonObject>("budget");
        QTest::addColumn<bool>("secondConversation"); // the step-down is in a new conversation
        QTest::addColumn<QString>("reason");
        QTest::newRow("conversation_usd")
            << json(R"({"conversation_usd": 0.01})") << false
            << "conversation spend $0.0175 passed budget.conversation_usd $0.0100";
        QTest::newRow("session_usd across conversations")
            << json(R"({"session_usd": 0.01})") << true
            << "session spend $0.0175 passed budget.session_usd $0.0100";
        QTest::newRow("under budget") << json(R"({"conversation_usd": 1})") << false << "";
    }
    void budgetStepsDownOverHttp()
    {
        QFETCH(QJsonObject, budget);
        QFETCH(bool, secondConversation);
        QFETCH(QString, reason);
        Upstream up;
        up.server.enqueue(answer(QStringLiteral("One.")));
        up.server.enqueue(answer(QStringLiteral("Two.")));
        const QJsonObject root{{"format", "ladder/1"},
                               {"entry", "strong"},
                               {"tiers", QJsonArray{json(R"({"id": "strong", "provider": "openai",
                                          "model": "gpt-5.4"})"),
                                                    json(R"({"id": "light", "provider": "openai",
                                          "model": "gpt-5.4-mini"})")}},
                               {"transitions", QJsonArray{json(R"({"from": "light", "to": "strong",
                "when": {"type": "after_turns", "turns": 99}})")}},
                               {"budget", budget}};
        const ParseResult parsed = parseLadderObject(root);
        QVERIFY(parsed.ok());
        StoredAudit audit;
        SessionOptions options;
        options.audit = &audit.store;
        options.spend = std::make_shared<SpendMeter>();
        Session first(parsed.ladder, up.registry.get(), options);
        Session second(parsed.ladder, up.registry.get(), options);
        ChatSessionModel chat;
        chat.setLadder(parsed.ladder);
        Session &stepping = secondConversation ? second : first;
        connect(&stepping, &Session::event, &chat, &ChatSessionModel::handleEvent);

        QList<Event> events = runTurns(first, {QStringLiteral("one")});
        events += runTurns(stepping, {QStringLiteral("two")});
        QCOMPARE(answeringTiers(events),
                 (QStringList{"strong", reason.isEmpty() ? "strong" : "light"}));
        const QJsonObject sent = QJsonDocument::fromJson(up.server.requests().at(1).body).object();
        QCOMPARE(sent.value("model").toString(),
                 QString(reason.isEmpty() ? "gpt-5.4" : "gpt-5.4-mini"));
        // The audit file, read back: the step-down is a tier_active of the stepping
        // conversation, and its second call went to the cheap model.
        QVERIFY2(audit.readBack(), qPrintable(audit.error));
        QStringList stepDowns;
        for (const Event &e : audit.events(stepping.sessionId(), Event::Type::TierActive))
            if (e.data.value("reason_code").toString() == "budget_exceeded")
                stepDowns.append(e.data.value("reason").toString());
        const QList<StoredCall> steppingCalls = audit.reader.calls(stepping.sessionId());
        QVERIFY(!steppingCalls.isEmpty());
        QCOMPARE(steppingCalls.constLast().tierId, QString(reason.isEmpty() ? "strong" : "light"));
        QCOMPARE(steppingCalls.constLast().model,
                 QString(reason.isEmpty() ? "gpt-5.4" : "gpt-5.4-mini"));
        QCOMPARE(steppingCalls.size(), secondConversation ? 1 : 2);
        const int last = chat.timeline()->rowCount() - 1;
        const bool marked =
            chat.timeline()->index(last).data(ChatTimelineModel::SteppedDownRole).toBool();
        if (reason.isEmpty()) {
            QCOMPARE(stepDowns, QStringList());
            QVERIFY(!marked);
            return;
        }
        QCOMPARE(stepDowns.size(), 1);
        QVERIFY2(stepDowns.first().contains(reason), qPrintable(stepDowns.first()));
        QVERIFY(stepDowns.first().contains("stepped down from strong to light"));
        QVERIFY(marked);
        QVERIFY2(timelineMarker(chat, last).contains(reason),
                 qPrintable(timelineMarker(chat, last)));
        // and a notice row in the chat says it where it happened
        bool told = false;
        for (int row = 0; row < chat.rowCount(); ++row)
            told = told || chat.index(row)
                               .data(ChatSessionModel::TextRole)
                               .toString()
                               .contains("budget_exceeded");
        QVERIFY(told);
    }

    // The studio's app session: budget.session_usd counts every chat opened since the app
    // started, so a second chat's first turn steps down after the first chat spent the limit.
    void studioSessionBudgetSpansChats()
    {
        const ParseResult parsed = parseLadderObject(json(R"({"format": "ladder/1",
            "entry": "strong",
            "tiers": [{"id": "strong", "provider": "simulated", "model": "gpt-5.4"},
                      {"id": "light", "provider": "simulated", "model": "gpt-5.4-mini"}],
            "transitions": [{"from": "light", "to": "strong",
                             "when": {"type": "after_turns", "turns": 99}}],
            "budget": {"session_usd": 0.000001}})"));
        QVERIFY(parsed.ok());
        appSessionSpend()->usd = 0;
        auto firstTurnTier = [&parsed](ChatSessionModel &chat) {
            chat.setTimeScale(0);
            chat.setLadder(parsed.ladder);
            if (!chat.send(QStringLiteral("Hello")))
                return QString();
            if (!QTest::qWaitFor([&chat] { return !chat.busy(); }, 20000))
                return QString();
            return chat.timeline()->index(0).data(ChatTimelineModel::TierIdRole).toString();
        };
        ChatSessionModel first;
        QCOMPARE(firstTurnTier(first), QString("strong"));
        QVERIFY(appSessionSpend()->usd > 0.000001);
        ChatSessionModel second;
        QCOMPARE(firstTurnTier(second), QString("light"));
        QVERIFY(second.timeline()->index(0).data(ChatTimelineModel::SteppedDownRole).toBool());
        QVERIFY(timelineMarker(second, 0).contains("session spend"));
    }
};

QTEST_MAIN(TestGateOverHttp)
#include "tst_gate_over_http.moc"
