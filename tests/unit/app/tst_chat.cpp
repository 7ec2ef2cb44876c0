// The Chat / Compare / Audit models, headless: ChatSessionModel from session events (escalation,
// fallback and retry notices, failed turns kept), ChatTimelineModel lanes, ChatMemoryModel edits,
// undo and diffs, CompareModel totals, blind reveal and "run from here", AuditCallModel filters and
// export.
#include "audit/auditcallmodel.h"
#include "shell/scriptrunner.h"
#include "chat/chatmemorymodel.h"
#include "chat/chatsessionmodel.h"
#include "chat/chattimelinemodel.h"
#include "common/formatter.h"
#include "compare/comparemodel.h"
#include "core/ladder_json.h"
#include "core/pricing.h"
#include "core/resources.h"
#include "engine/session.h"
#include "shell/studio.h"
#include "store/audit_store.h"
#include "store/response_cache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace ladder;

namespace {

Ladder exampleLadder(const QString &name)
{
    const ParseResult r = parseLadder(readResource(exampleLadderResourcePath(name)));
    return r.ladder;
}

Event makeEvent(Event::Type type, int turn, const QJsonObject &data)
{
    Event e;
    e.type = type;
    e.turn = turn;
    e.data = data;
    return e;
}

QStringList notices(const ChatSessionModel &model)
{
    QStringList out;
    for (const ChatSessionModel::Row &r : model.rows()) {
        if (r.kind == QLatin1String("notice"))
            out.append(r.notice);
    }
    return out;
}

const ChatSessionModel::Row *answerOf(const ChatSessionModel &model, int turn)
{
    for (const ChatSessionModel::Row &r : model.rows()) {
        if (r.kind == QLatin1String("assistant") && r.turn == turn)
            return &r;
    }
    return nullptr;
}

// Sends the turns one after another and waits until the model is idle.
bool runTurns(ChatSessionModel &model, const QStringList &turns)
{
    QSignalSpy idle(&model, &ChatSessionModel::idle);
    for (const QString &t : turns) {
        if (!model.send(t))
            return false;
    }
    return idle.wait(30000) || !model.busy();
}

} // namespace

class ChatModelsTest : public QObject
{
    Q_OBJECT

private slots:
    void costLabelNeverShowsUnknownAsZero_data();
    void costLabelNeverShowsUnknownAsZero();
    void buildsRowsFromEvents_data();
    void buildsRowsFromEvents();
    void escalatesWithDiscardedAnswerViewable();
    void escalationAfterAReturnIsFromTheTierReturnedTo();
    void fallsBackOnRateLimitAndStillAnswers_data();
    void fallsBackOnRateLimitAndStillAnswers();
    void fallbackLineSaysWhoAnswered();
    void manualTierAppliesToTheNextTurnOnly();
    void runFromReplaysTheTurnsSideBySide_data();
    void runFromReplaysTheTurnsSideBySide();
    void runFromRejectsWhatItCannotRun();
    void memoryFieldNamesAreTranslated();
    void editAndResendBranchesIntoNewSession();
    void retryResendsFailedTurn();
    void exportsMarkdownAndJson();
    void timelineLanesStrongestFirst_data();
    void timelineLanesStrongestFirst();
    void memoryEditBecomesUserVersionInjectedAtNextHandoff();
    void memoryEditUndoRestoresField();
    void memoryDiffListsAddedAndRemovedItems_data();
    void memoryDiffListsAddedAndRemovedItems();
    void compareTotalsMatchColumnAnswers();
    void blindModeShufflesAndRevealsAfterPicks();
    void baselineLadderHasOneTier_data();
    void baselineLadderHasOneTier();
    void auditModelFiltersCalls_data();
    void auditModelFiltersCalls();
    void scriptParsesDirectives_data();
    void scriptParsesDirectives();
    void storedSessionReopensReadOnly();
    void responseCacheServesRepeatedChatsWhenTheLadderSwitchesItOn_data();
    void responseCacheServesRepeatedChatsWhenTheLadderSwitchesItOn();
    void auditFailureShowsTheTurnsNotRecorded();
};

void ChatModelsTest::buildsRowsFromEvents_data()
{
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<QStringList>("expectedKinds");
    QTest::addColumn<QString>("answerStatus");
    QTest::addColumn<QString>("answerErrorContains");

    const Event started = makeEvent(Event::Type::TurnStarted, 1, {{"user_text", "hello"}});
    const Event active =
        makeEvent(Event::Type::TierActive, 1, {{"tier", "cheap"}, {"model", "gpt-5.4-mini"}});
    const Event completed =
        makeEvent(Event::Type::TurnCompleted, 1,
                  {{"tier", "strong"},
                   {"model", "gpt-5.4"},
                   {"usage", QJsonObject{{"input_tokens", 10}, {"output_tokens", 20}}},
                   {"cost_usd", 0.01},
                   {"ttft_ms", 100.0},
                   {"latency_ms", 900.0},
                   {"answer", "done"}});

    QTest::newRow("plain answer") << QList<Event>{started, active, completed}
                                  << QStringList{"user", "assistant"} << "done"
                                  << "";
    QTest::newRow("escalation row") << QList<Event>{started, active,
                                                    makeEvent(Event::Type::Escalated, 1,
                                                              {{"from", "cheap"},
                                                               {"to", "strong"},
                                                               {"reason", "legal"},
                                                               {"question", "is it legal?"},
                                                               {"signal", "escalate_tool"},
                                                               {"phase", "post_turn"},
                                                               {"discarded_answer", "cheap try"}}),
                                                    completed}
                                    << QStringList{"user", "notice", "assistant"} << "done"
                                    << "";
    QTest::newRow("fallback row") << QList<Event>{started, active,
                                                  makeEvent(Event::Type::Fallback, 1,
                                                            {{"tier", "cheap"},
                                                             {"from_model", "gpt-5.4-mini"},
                                                             {"to_model", "gemini-3-flash-preview"},
                                                             {"error", "rate_limited"},
                                                             {"message", "429"}}),
                                                  completed}
                                  << QStringList{"user", "notice", "assistant"} << "done"
                                  << "";
    QTest::newRow("failed turn kept") << QList<Event>{started, active,
                                                      makeEvent(Event::Type::TurnFailed, 1,
                                                                {{"tier", "cheap"},
                                                                 {"model", "gpt-5.4-mini"},
                                                                 {"error", "timeout"},
                                                                 {"message", "no answer in 60 s"}})}
                                      << QStringList{"user", "assistant"} << "failed"
                                      << "no answer in 60 s";
    QTest::newRow("cancelled turn")
        << QList<Event>{started, active,
                        makeEvent(Event::Type::TurnFailed, 1,
                                  {{"error", "cancelled"}, {"message", "the turn was cancelled"}})}
        << QStringList{"user", "assistant"} << "cancelled"
        << "Stopped";
}

void ChatModelsTest::buildsRowsFromEvents()
{
    QFETCH(QList<Event>, events);
    QFETCH(QStringList, expectedKinds);
    QFETCH(QString, answerStatus);
    QFETCH(QString, answerErrorContains);

    ChatSessionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLadder(exampleLadder(QStringLiteral("escalation-tool")));
    for (const Event &e : std::as_const(events))
        model.handleEvent(e);

    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds.append(model.index(row).data(ChatSessionModel::KindRole).toString());
    QCOMPARE(kinds, expectedKinds);
    const ChatSessionModel::Row *answer = answerOf(model, 1);
    QVERIFY(answer);
    QCOMPARE(answer->status, answerStatus);
    QVERIFY2(answer->error.contains(answerErrorContains), qPrintable(answer->error));
    QCOMPARE(model.timeline()->rowCount(), answerStatus == QLatin1String("done") ||
                                                   answerStatus == QLatin1String("failed") ||
                                                   answerStatus == QLatin1String("cancelled")
                                               ? 1
                                               : 0);
}

void ChatModelsTest::escalatesWithDiscardedAnswerViewable()
{
    ChatSessionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("escalation-tool")));
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration."),
                             QStringLiteral("What about the legal implications of storing card "
                                            "data in logs? This is high stakes.")}));
    QVERIFY(notices(model).contains(QStringLiteral("escalation")));
    const ChatSessionModel::Row *escalation = nullptr;
    for (const ChatSessionModel::Row &r : model.rows()) {
        if (r.notice == QLatin1String("escalation"))
            escalation = &r;
    }
    QVERIFY(escalation);
    QVERIFY(escalation->text.startsWith(QStringLiteral("↳ escalated to")));
    QVERIFY2(escalation->detail.contains(QStringLiteral("Discarded answer")),
             qPrintable(escalation->detail));
    QVERIFY2(escalation->detail.contains(QStringLiteral("Tool call: escalate(reason:")),
             qPrintable(escalation->detail));
    const ChatSessionModel::Row *answer = answerOf(model, 2);
    QVERIFY(answer);
    QCOMPARE(answer->status, QStringLiteral("done"));
    QCOMPARE(answer->tierId, QStringLiteral("strong"));
    QCOMPARE(model.totals().value(QStringLiteral("escalations")).toInt(), 1);
    QCOMPARE(model.timeline()->rowCount(), 2);
    QVERIFY(model.timeline()->index(1).data(ChatTimelineModel::EscalatedRole).toBool());
}

// Turn 4 escalates after a low-confidence answer on light; turn 5 returns to light, then the
// legal question escalates from there: the notice and the timeline say from light.
void ChatModelsTest::escalationAfterAReturnIsFromTheTierReturnedTo()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    QVERIFY(runTurns(model, {QStringLiteral("I want to build a tool that renames photos by date."),
                             QStringLiteral("It must run on Linux and use only the standard "
                                            "library."),
                             QStringLiteral("Write the function that reads the EXIF date."),
                             QStringLiteral("Estimate how long renaming 10,000 photos takes."),
                             QStringLiteral("Is it legal to scan my coworkers' photos?")}));
    QCOMPARE(model.timeline()->rowCount(), 5);
    const QString light = QStringLiteral("Light (execution)");
    const QString strong = QStringLiteral("Strong (framing)");
    for (int row : {3, 4}) {
        const QModelIndex i = model.timeline()->index(row);
        QVERIFY(i.data(ChatTimelineModel::EscalatedRole).toBool());
        const QString marker = i.data(ChatTimelineModel::MarkerTextRole).toString();
        QVERIFY2(marker.contains(light + QStringLiteral(" → ") + strong), qPrintable(marker));
    }
    const ChatSessionModel::Row *preTurn = nullptr;
    for (const ChatSessionModel::Row &r : model.rows()) {
        if (r.notice == QLatin1String("escalation") && r.turn == 5)
            preTurn = &r;
    }
    QVERIFY(preTurn);
    QVERIFY2(preTurn->detail.contains(QStringLiteral("on ") + light), qPrintable(preTurn->detail));
}

void ChatModelsTest::fallsBackOnRateLimitAndStillAnswers_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<QString>("notice");
    QTest::newRow("rate limited") << "rate_limited@1"
                                  << "fallback";
    QTest::newRow("unavailable") << "unavailable@1"
                                 << "retry";
}

void ChatModelsTest::fallsBackOnRateLimitAndStillAnswers()
{
    QFETCH(QString, faults);
    QFETCH(QString, notice);
    ChatSessionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("escalation-tool")));
    model.setFaults(faults);
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration.")}));
    const QStringList got = notices(model);
    QVERIFY2(got.contains(notice), qPrintable(got.join(QLatin1Char(','))));
    QCOMPARE(answerOf(model, 1)->status, QStringLiteral("done"));
}

void ChatModelsTest::fallbackLineSaysWhoAnswered()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    model.setFaults(QStringLiteral("rate_limited@1"));
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration.")}));
    const ChatSessionModel::Row *answer = answerOf(model, 1);
    QVERIFY(answer);
    QCOMPARE(answer->status, QStringLiteral("done"));
    QString line;
    for (const ChatSessionModel::Row &r : model.rows()) {
        if (r.notice == QLatin1String("fallback"))
            line = r.text;
    }
    // "rate limited on <first model>, answered by <the model that answered>"
    QVERIFY2(line.startsWith(QStringLiteral("rate limited on ")), qPrintable(line));
    QVERIFY2(line.endsWith(QStringLiteral(", answered by ") + answer->model), qPrintable(line));
    QVERIFY(!line.contains(answer->model + QStringLiteral(", answered")));
    const QString marker =
        model.timeline()->index(0).data(ChatTimelineModel::MarkerTextRole).toString();
    QVERIFY2(marker.contains(line), qPrintable(marker));
}

void ChatModelsTest::manualTierAppliesToTheNextTurnOnly()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    // framing answers the first turn on its strong tier; force the light one
    model.setManualTier(QStringLiteral("light"));
    QVERIFY(model.send(QStringLiteral("Plan a Python 3 migration.")));
    QCOMPARE(model.manualTier(), QString()); // the selector goes back to the router
    QVERIFY(runTurns(model, {QStringLiteral("Go on.")}));
    QCOMPARE(answerOf(model, 1)->tierId, QStringLiteral("light"));
    QCOMPARE(answerOf(model, 1)->model,
             exampleLadder(QStringLiteral("framing")).tier(QStringLiteral("light"))->model);
    model.setManualTier(QStringLiteral("strong"));
    QVERIFY(runTurns(model, {QStringLiteral("And the next step?")}));
    QCOMPARE(answerOf(model, 3)->tierId, QStringLiteral("strong"));
}

void ChatModelsTest::runFromReplaysTheTurnsSideBySide_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("otherName");
    QTest::addColumn<int>("fromTurn");
    QTest::newRow("another ladder") << "template:escalation-tool"
                                    << "Escalation tool" << 2;
    QTest::newRow("baseline") << "baseline:light"
                              << "always" << 2;
    // framing hands off to its light tier on turn 3: the edited memory is what is injected there
    QTest::newRow("edited memory") << "memory"
                                   << "memory as edited" << 3;
}

void ChatModelsTest::runFromReplaysTheTurnsSideBySide()
{
    QFETCH(QString, variant);
    QFETCH(QString, otherName);
    QFETCH(int, fromTurn);
    ChatSessionModel source;
    source.setTimeScale(0);
    source.setLadder(exampleLadder(QStringLiteral("framing")));
    QVERIFY(runTurns(source, {QStringLiteral("Plan a Python 3 migration of billing."),
                              QStringLiteral("List the modules to port first."),
                              QStringLiteral("Write the first step.")}));
    QVERIFY(source.memory()->setFieldText(QStringLiteral("constraints"),
                                          QStringLiteral("no downtime")));

    CompareModel compare;
    compare.setTimeScale(0);
    QVERIFY(compare.runFrom(&source, fromTurn, variant));
    QCOMPARE(compare.count(), 2);
    QCOMPARE(compare.runFromTurn(), fromTurn);
    QVERIFY(compare.column(0)->label().contains(QStringLiteral("as it ran")));
    QVERIFY2(compare.column(1)->label().contains(otherName),
             qPrintable(compare.column(1)->label()));
    QTRY_VERIFY_WITH_TIMEOUT(!compare.busy(), 30000);
    for (int i = 0; i < compare.count(); ++i) {
        ChatSessionModel *c = compare.column(i);
        QCOMPARE(c->turnCount(), source.turnCount());
        QCOMPARE(c->userTurns(), source.userTurns());
        for (int turn = 1; turn <= source.turnCount(); ++turn)
            QCOMPARE(answerOf(*c, turn)->status, QStringLiteral("done"));
    }
    // The ladder as it ran answers as it did (same seed, same simulated provider).
    for (int turn = 1; turn <= source.turnCount(); ++turn)
        QCOMPARE(answerOf(*compare.column(0), turn)->text, answerOf(source, turn)->text);
    const ChatMemoryModel *replayed = compare.column(1)->memory();
    int userVersions = 0;
    for (const QVariant &v : replayed->versions()) {
        const QVariantMap version = v.toMap();
        if (version.value(QStringLiteral("author")).toString() == QLatin1String("user")) {
            ++userVersions;
            QCOMPARE(version.value(QStringLiteral("turn")).toInt(), fromTurn - 1); // just before
        }
    }
    const bool edited = variant == QLatin1String("memory");
    QCOMPARE(userVersions, edited ? 1 : 0);
    if (edited) {
        const QString injected = compare.column(1)->injectedMemoryAt(fromTurn);
        QVERIFY2(injected.contains(QStringLiteral("no downtime")), qPrintable(injected));
        QVERIFY(
            !compare.column(0)->injectedMemoryAt(fromTurn).contains(QStringLiteral("no downtime")));
    }
    compare.restart();
    QCOMPARE(compare.runFromTurn(), 0);
}

void ChatModelsTest::runFromRejectsWhatItCannotRun()
{
    ChatSessionModel source;
    source.setTimeScale(0);
    source.setLadder(exampleLadder(QStringLiteral("framing")));
    CompareModel compare;
    QVERIFY(!compare.runFrom(&source, 1, QStringLiteral("baseline:light"))); // no turns yet
    QVERIFY(runTurns(source, {QStringLiteral("Plan a migration.")}));
    QVERIFY(!compare.runFrom(nullptr, 1, QStringLiteral("baseline:light")));
    QVERIFY(!compare.runFrom(&source, 2, QStringLiteral("baseline:light")));
    QVERIFY(!compare.runFrom(&source, 1, QStringLiteral("baseline:nope")));
    QVERIFY(!compare.runFrom(&source, 1, QStringLiteral("template:nope")));
    QVERIFY(!compare.runFrom(&source, 1, QStringLiteral("bogus")));
    QCOMPARE(compare.count(), 0);
}

// The names users read go through the catalogue (context ladder::ChatMemoryModel).
void ChatModelsTest::memoryFieldNamesAreTranslated()
{
    class Marking : public QTranslator
    {
    public:
        QString translate(const char *context, const char *source, const char *, int) const override
        {
            return QLatin1String(context) == QLatin1String("ladder::ChatMemoryModel")
                       ? QStringLiteral("«%1»").arg(QLatin1String(source))
                       : QString();
        }
        bool isEmpty() const override { return false; }
    } marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const Ladder ladder = exampleLadder(QStringLiteral("framing"));
    Session session(ladder, nullptr);
    ChatMemoryModel memory;
    memory.setSession(&session, 600);
    QStringList names;
    for (int row = 0; row < memory.rowCount(); ++row)
        names.append(memory.index(row).data(ChatMemoryModel::NameRole).toString());
    QVERIFY(memory.setFieldText(QStringLiteral("non_goals"), QStringLiteral("rewrite the UI")));
    const QVariantList diff = memory.diff(0, 1);
    const QVariantList atTurn = memory.fieldsAtTurn(0);
    const QString undoText = memory.undoStack()->undoText();
    QCoreApplication::removeTranslator(&marking);
    QCOMPARE(names.size(), kMemoryFieldCount);
    QCOMPARE(names.constFirst(), QStringLiteral("«Goal»"));
    QVERIFY(names.contains(QStringLiteral("«Non-goals»")));
    QVERIFY(names.contains(QStringLiteral("«Open questions»")));
    QCOMPARE(diff.constFirst().toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("«Non-goals»"));
    QCOMPARE(atTurn.constFirst().toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("«Goal»"));
    QVERIFY2(undoText.contains(QStringLiteral("«Non-goals»")), qPrintable(undoText));
}

void ChatModelsTest::editAndResendBranchesIntoNewSession()
{
    ChatSessionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    QVERIFY(runTurns(model,
                     {QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}));
    const QString before = model.sessionId();
    QSignalSpy idle(&model, &ChatSessionModel::idle);
    QVERIFY(model.editAndResend(2, QStringLiteral("second, edited")));
    QVERIFY(idle.wait(30000));
    QVERIFY(model.sessionId() != before);
    QCOMPARE(model.userTextOf(1), QStringLiteral("first"));
    QCOMPARE(model.userTextOf(2), QStringLiteral("second, edited"));
    QCOMPARE(model.rowOfTurn(3), -1); // the later turn is not part of the branch
}

void ChatModelsTest::retryResendsFailedTurn()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    Ladder ladder = exampleLadder(QStringLiteral("framing"));
    model.setLadder(ladder);
    QSignalSpy idle(&model, &ChatSessionModel::idle);
    QVERIFY(model.send(QStringLiteral("please answer")));
    model.stop(); // cancels the running turn: it stays, as cancelled
    QTRY_VERIFY(!model.busy());
    QCOMPARE(answerOf(model, 1)->status, QStringLiteral("cancelled"));
    QVERIFY(model.retry(1));
    QVERIFY(idle.wait(30000));
    QCOMPARE(model.userTextOf(2), QStringLiteral("please answer"));
    QCOMPARE(answerOf(model, 2)->status, QStringLiteral("done"));
    QCOMPARE(answerOf(model, 1)->status, QStringLiteral("cancelled"));
}

void ChatModelsTest::exportsMarkdownAndJson()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration.")}));
    QTemporaryDir dir;
    QVERIFY(model.exportTo(dir.filePath(QStringLiteral("chat.md"))));
    QVERIFY(model.exportTo(dir.filePath(QStringLiteral("chat.json"))));
    QFile md(dir.filePath(QStringLiteral("chat.md")));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains("Plan a Python 3 migration."));
    QFile json(dir.filePath(QStringLiteral("chat.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("turns")).toArray().size(), 1);
    QVERIFY(!model.exportTo(dir.filePath(QStringLiteral("missing/dir/chat.json"))));
    QVERIFY(model.errorString().contains(QStringLiteral("missing/dir")));
}

void ChatModelsTest::timelineLanesStrongestFirst_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : exampleLadderNames())
        QTest::newRow(qPrintable(name)) << name;
}

void ChatModelsTest::timelineLanesStrongestFirst()
{
    QFETCH(QString, name);
    const Ladder ladder = exampleLadder(name);
    QVERIFY(!ladder.tiers.isEmpty());
    const QStringList lanes = ChatTimelineModel::laneOrder(ladder);
    QCOMPARE(lanes.size(), ladder.tiers.size());
    auto price = [&](const QString &id) {
        const auto p = PricingTable::builtin().price(ladder.tier(id)->model);
        return p ? p->inputPerMTok + p->outputPerMTok : 0.0;
    };
    for (int i = 1; i < lanes.size(); ++i)
        QVERIFY2(price(lanes[i - 1]) >= price(lanes[i]), qPrintable(lanes.join(QLatin1Char(','))));
    ChatTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLadder(ladder);
    model.upsert({1, lanes.constLast(), {}, 0.002});
    model.upsert({2, lanes.constFirst(), {}, 0.004});
    QCOMPARE(model.index(0).data(ChatTimelineModel::LaneRole).toInt(), lanes.size() - 1);
    QCOMPARE(model.index(1).data(ChatTimelineModel::LaneRole).toInt(), 0);
    QCOMPARE(model.maxCost(), 0.004);
}

void ChatModelsTest::memoryEditBecomesUserVersionInjectedAtNextHandoff()
{
    ChatSessionModel model;
    model.setTimeScale(0);
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    // framing: the strong tier frames the first turns, then hands off to the light tier
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration of billing."),
                             QStringLiteral("List the modules to port first.")}));
    ChatMemoryModel *memory = model.memory();
    QAbstractItemModelTester tester(memory, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = memory->version();
    QVERIFY(memory->setFieldText(QStringLiteral("constraints"),
                                 QStringLiteral("- no downtime\nkeep Python 2 clients working")));
    QCOMPARE(memory->version(), before + 1);
    QCOMPARE(memory->author(), QStringLiteral("user"));
    QVERIFY(memory->canUndo());
    QVERIFY(runTurns(
        model, {QStringLiteral("Write the first step."), QStringLiteral("And the next one.")}));
    QString injected;
    for (int turn = 3; turn <= model.turnCount(); ++turn) {
        if (!model.injectedMemoryAt(turn).isEmpty()) {
            injected = model.injectedMemoryAt(turn);
            break;
        }
    }
    QVERIFY2(injected.contains(QStringLiteral("no downtime")), qPrintable(injected));
}

void ChatModelsTest::memoryEditUndoRestoresField()
{
    ChatSessionModel model;
    model.setLadder(exampleLadder(QStringLiteral("framing")));
    model.setTimeScale(0);
    QVERIFY(runTurns(model, {QStringLiteral("Plan a Python 3 migration of billing.")}));
    ChatMemoryModel *memory = model.memory();
    const QString goal = memory->index(0).data(ChatMemoryModel::TextRole).toString();
    QVERIFY(memory->setFieldText(QStringLiteral("goal"), QStringLiteral("a new goal")));
    QCOMPARE(memory->index(0).data(ChatMemoryModel::TextRole).toString(),
             QStringLiteral("a new goal"));
    QVERIFY(!memory->setFieldText(QStringLiteral("goal"), QStringLiteral("a new goal")));
    QVERIFY(!memory->setFieldText(QStringLiteral("no_such_field"), QStringLiteral("x")));
    memory->undo();
    QCOMPARE(memory->index(0).data(ChatMemoryModel::TextRole).toString(), goal);
    memory->redo();
    QCOMPARE(memory->index(0).data(ChatMemoryModel::TextRole).toString(),
             QStringLiteral("a new goal"));
}

void ChatModelsTest::memoryDiffListsAddedAndRemovedItems_data()
{
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    QTest::addColumn<QStringList>("added");
    QTest::addColumn<QStringList>("removed");
    QTest::newRow("added") << QStringList{"a"} << QStringList{"a", "b"} << QStringList{"b"}
                           << QStringList{};
    QTest::newRow("removed") << QStringList{"a", "b"} << QStringList{"b"} << QStringList{}
                             << QStringList{"a"};
    QTest::newRow("replaced") << QStringList{"a"} << QStringList{"c"} << QStringList{"c"}
                              << QStringList{"a"};
}

void ChatModelsTest::memoryDiffListsAddedAndRemovedItems()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QFETCH(QStringList, added);
    QFETCH(QStringList, removed);
    const Ladder ladder = exampleLadder(QStringLiteral("framing"));
    Session session(ladder, nullptr);
    ChatMemoryModel memory;
    memory.setSession(&session, 600);
    QVERIFY(memory.setFieldText(QStringLiteral("plan"), first.join(QLatin1Char('\n'))));
    QVERIFY(memory.setFieldText(QStringLiteral("plan"), second.join(QLatin1Char('\n'))));
    const QVariantList diff = memory.diff(1, 2);
    QCOMPARE(diff.size(), 1);
    const QVariantMap change = diff.constFirst().toMap();
    QCOMPARE(change.value(QStringLiteral("key")).toString(), QStringLiteral("plan"));
    QCOMPARE(change.value(QStringLiteral("added")).toStringList(), added);
    QCOMPARE(change.value(QStringLiteral("removed")).toStringList(), removed);
    QVERIFY(memory.diff(2, 2).isEmpty());
    QCOMPARE(memory.diff(0, 1).size(), 1); // from the empty memory
}

void ChatModelsTest::compareTotalsMatchColumnAnswers()
{
    CompareModel compare;
    compare.setTimeScale(0);
    const Ladder framing = exampleLadder(QStringLiteral("framing"));
    QVERIFY(compare.addLadder(framing));
    QVERIFY(compare.addLadder(CompareModel::baselineLadder(framing, QStringLiteral("light"))));
    QSignalSpy idle(&compare, &CompareModel::allIdle);
    QCOMPARE(compare.send(QStringLiteral("Plan a Python 3 migration.")), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!compare.busy(), 30000);
    for (int i = 0; i < compare.count(); ++i) {
        ChatSessionModel *c = compare.column(i);
        double sum = 0;
        for (const ChatSessionModel::Row &r : c->rows())
            sum += r.kind == QLatin1String("assistant") ? r.cost : 0;
        const QVariantMap totals = c->totals();
        QVERIFY(totals.value(QStringLiteral("cost")).toDouble() > 0);
        QCOMPARE(totals.value(QStringLiteral("cost")).toDouble(), sum);
        QCOMPARE(totals.value(QStringLiteral("answered")).toInt(), 1);
    }
    // the strong-first ladder costs more on its framing turn than the light baseline
    QVERIFY(compare.column(0)->totals().value(QStringLiteral("cost")).toDouble() >
            compare.column(1)->totals().value(QStringLiteral("cost")).toDouble());
}

void ChatModelsTest::blindModeShufflesAndRevealsAfterPicks()
{
    QTemporaryDir dir;
    AuditStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("studio.sqlite"))));
    CompareModel compare;
    compare.setAuditStore(&store);
    compare.setShuffleSeed(3);
    const Ladder framing = exampleLadder(QStringLiteral("framing"));
    QVERIFY(compare.addLadder(framing, QStringLiteral("one")));
    QVERIFY(compare.addLadder(framing, QStringLiteral("two")));
    QVERIFY(compare.addLadder(framing, QStringLiteral("three")));
    QVERIFY(compare.addLadder(framing, QStringLiteral("four")));
    QVERIFY(!compare.addLadder(framing, QStringLiteral("five"))); // at most 4
    compare.setBlind(true);
    QStringList labels;
    QStringList names;
    for (int i = 0; i < compare.count(); ++i) {
        labels.append(compare.column(i)->label());
        names.append(compare.column(i)->property("ladderTitle").toString());
    }
    QCOMPARE(labels, (QStringList{"Ladder A", "Ladder B", "Ladder C", "Ladder D"}));
    QVERIFY2(names != (QStringList{"one", "two", "three", "four"}), "blind order is shuffled");
    QVERIFY(compare.pick(1, 2));
    QCOMPARE(compare.picks().constFirst().toMap().value(QStringLiteral("ladder")).toString(),
             QString()); // hidden until revealed
    compare.reveal();
    QVERIFY(compare.revealed());
    QCOMPARE(compare.column(2)->label(), names[2]);
    QCOMPARE(compare.picks().constFirst().toMap().value(QStringLiteral("ladder")).toString(),
             names[2]);
    QVERIFY(store.sync());
    AuditReader reader;
    QVERIFY(reader.open(dir.filePath(QStringLiteral("studio.sqlite"))));
    const QList<Preference> prefs = reader.preferences(compare.comparisonId());
    QCOMPARE(prefs.size(), 1);
    QCOMPARE(prefs.constFirst().chosenLabel, QStringLiteral("C"));
    QCOMPARE(prefs.constFirst().ladder, names[2]);
}

void ChatModelsTest::baselineLadderHasOneTier_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("strong") << "strong" << true;
    QTest::newRow("light") << "light" << true;
    QTest::newRow("unknown") << "nope" << false;
}

void ChatModelsTest::baselineLadderHasOneTier()
{
    QFETCH(QString, tier);
    QFETCH(bool, valid);
    const Ladder baseline =
        CompareModel::baselineLadder(exampleLadder(QStringLiteral("framing")), tier);
    QCOMPARE(baseline.tiers.size(), valid ? 1 : 0);
    if (valid) {
        QCOMPARE(baseline.entry, tier);
        QVERIFY(baseline.transitions.isEmpty());
    }
}

void ChatModelsTest::auditModelFiltersCalls_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("expected"); // -1: every call
    QTest::newRow("all") << ""
                         << "" << -1;
    QTest::newRow("rate limited") << ""
                                  << "rate_limited" << 1;
    QTest::newRow("strong tier") << "strong"
                                 << "" << 2;
    QTest::newRow("no such tier") << "nope"
                                  << "" << 0;
}

void ChatModelsTest::auditModelFiltersCalls()
{
    QFETCH(QString, tier);
    QFETCH(QString, status);
    QFETCH(int, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.sqlite"));
    AuditStore store;
    QVERIFY(store.open(path));
    ChatSessionModel chat;
    chat.setAuditStore(&store);
    chat.setTimeScale(0);
    chat.setLadder(exampleLadder(QStringLiteral("framing")));
    chat.setFaults(QStringLiteral("rate_limited@3"));
    QVERIFY(runTurns(chat, {QStringLiteral("Plan a migration."), QStringLiteral("Go on."),
                            QStringLiteral("Write the first step.")}));
    QVERIFY(store.sync());

    AuditReader reader;
    QVERIFY(reader.open(path));
    AuditCallModel calls;
    QAbstractItemModelTester tester(&calls, QAbstractItemModelTester::FailureReportingMode::QtTest);
    calls.setReader(&reader);
    calls.setSessionId(chat.sessionId());
    const int all = calls.rowCount();
    QVERIFY(all >= 4);
    calls.setTierFilter(tier);
    calls.setStatusFilter(status);
    QCOMPARE(calls.rowCount(), expected < 0 ? all : expected);
    if (calls.rowCount() > 0) {
        const QVariantMap detail = calls.callDetail(calls.callIdAt(0));
        QVERIFY(detail.value(QStringLiteral("request")).toString().contains("messages"));
        QVERIFY(!detail.contains(QStringLiteral("error")));
    }
    // The export holds the rows shown, each with its request.
    QVERIFY(calls.exportJsonl(dir.filePath(QStringLiteral("calls.jsonl"))));
    QFile jsonl(dir.filePath(QStringLiteral("calls.jsonl")));
    QVERIFY(jsonl.open(QIODevice::ReadOnly | QIODevice::Text));
    const QList<QByteArray> lines = jsonl.readAll().split('\n');
    QCOMPARE(lines.size() - 1, calls.rowCount()); // every line ends with '\n'
    for (int row = 0; row < calls.rowCount(); ++row) {
        const QJsonObject call = QJsonDocument::fromJson(lines[row]).object();
        QCOMPARE(call.value(QStringLiteral("id")).toInteger(), calls.callIdAt(row));
        QVERIFY(
            call.value(QStringLiteral("request")).toObject().contains(QStringLiteral("messages")));
    }
    QVERIFY(calls.callDetail(999999).contains(QStringLiteral("error")));
}

void ChatModelsTest::scriptParsesDirectives_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("turns");
    QTest::addColumn<QString>("errorContains"); // empty: parses
    QTest::newRow("turns and comments") << "# comment\nhello\n\nworld\n" << 2 << "";
    QTest::newRow("directives") << "@faults rate_limited@2\n@tier strong\nhi\n@select 1\n"
                                << 1 << "";
    QTest::newRow("unknown directive") << "@bogus\nhi\n" << 0 << "line 1: unknown directive";
    QTest::newRow("bad faults") << "hi\n@faults nonsense\n" << 0 << "line 2: @faults";
    QTest::newRow("bad memory field") << "@memory nope=x\n" << 0 << "line 1: @memory";
    QTest::newRow("columns") << "@columns baseline:strong, template:step-down\nhi\n" << 1 << "";
    QTest::newRow("bad column") << "@compare\n@columns framing\n"
                                << 0 << "line 2: @columns: \"framing\" is neither";
    QTest::newRow("votes") << "hi\nmore\n@vote 2 down\n@vote 1 up\n" << 2 << "";
    QTest::newRow("bad vote") << "hi\n@vote 1 sideways\n" << 0 << "line 2: @vote expects";
}

void ChatModelsTest::scriptParsesDirectives()
{
    QFETCH(QString, text);
    QFETCH(int, turns);
    QFETCH(QString, errorContains);
    QString error;
    const std::optional<ChatScript> script = ChatScript::parse(text, &error);
    QCOMPARE(script.has_value(), errorContains.isEmpty());
    if (script)
        QCOMPARE(script->turns.size(), turns);
    else
        QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void ChatModelsTest::storedSessionReopensReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.sqlite"));
    AuditStore store;
    QVERIFY(store.open(path));
    ChatSessionModel live;
    live.setAuditStore(&store);
    live.setTimeScale(0);
    live.setLadder(exampleLadder(QStringLiteral("escalation-tool")));
    QVERIFY(runTurns(live, {QStringLiteral("Plan a migration."),
                            QStringLiteral("What about the legal implications of card data in "
                                           "logs? High stakes.")}));
    live.setTitle(QStringLiteral("Billing migration"));
    QVERIFY(store.sync());

    AuditReader reader;
    QVERIFY(reader.open(path));
    ChatSessionModel replay;
    QAbstractItemModelTester tester(&replay,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(replay.openStored(reader, live.sessionId()));
    QVERIFY(replay.readOnly());
    QCOMPARE(replay.title(), QStringLiteral("Billing migration"));
    QCOMPARE(replay.rowCount(), live.rowCount());
    for (int row = 0; row < live.rowCount(); ++row) {
        QCOMPARE(replay.rows()[row].kind, live.rows()[row].kind);
        QCOMPARE(replay.rows()[row].text, live.rows()[row].text);
    }
    QCOMPARE(replay.totals().value(QStringLiteral("cost")).toDouble(),
             live.totals().value(QStringLiteral("cost")).toDouble());
    QVERIFY(!replay.send(QStringLiteral("more")));
    QVERIFY(!replay.openStored(reader, QStringLiteral("no-such-session")));
    QVERIFY(replay.errorString().contains(QStringLiteral("no-such-session")));
}

void ChatModelsTest::responseCacheServesRepeatedChatsWhenTheLadderSwitchesItOn_data()
{
    QTest::addColumn<QString>("ladder");
    QTest::addColumn<bool>("cacheOn");
    QTest::newRow("task-registry switches it on") << QStringLiteral("task-registry") << true;
    QTest::newRow("framing leaves it off") << QStringLiteral("framing") << false;
}

void ChatModelsTest::responseCacheServesRepeatedChatsWhenTheLadderSwitchesItOn()
{
    QFETCH(QString, ladder);
    QFETCH(bool, cacheOn);
    QTemporaryDir dir;
    ResponseCache cache;
    QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))));
    ChatSessionModel model;
    model.setResponseCache(&cache);
    model.setLadder(exampleLadder(ladder));
    QCOMPARE(model.ladder().cache.enabled, cacheOn);
    const QStringList turns = {QStringLiteral("Extract the dates from: met on 3 May, paid 9 June."),
                               QStringLiteral("Classify this ticket: the invoice total is wrong.")};
    QVERIFY(runTurns(model, turns));
    const qint64 hitsAfterFirstChat = cache.hits();
    model.clear();
    QVERIFY(runTurns(model, turns));

    QCOMPARE(hitsAfterFirstChat, 0);
    if (cacheOn)
        QVERIFY2(cache.hits() > 0, "the repeated chat was not answered from the cache");
    else
        QCOMPARE(cache.hits() + cache.misses(), 0);
}

// A session store whose pages are damaged: the chat runs, and says which of its turns the store
// could not record (the banner of the chat view shows auditWarning).
void ChatModelsTest::auditFailureShowsTheTurnsNotRecorded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.sqlite"));
    {
        AuditStore init;
        QVERIFY(init.open(path));
    }
    {
        QList<int> roots;
        int pageSize = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "damage");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            pageSize = q.value(0).toInt();
            QVERIFY(
                q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE rootpage > 1")));
            while (q.next())
                roots << q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        for (int root : roots) {
            f.seek(qint64(root - 1) * pageSize);
            f.write(QByteArray(pageSize, '\x5a'));
        }
    }
    Studio studio(nullptr);
    QVERIFY(studio.openStore(path));
    ChatSessionModel &chat = *studio.chat();
    QSignalSpy warned(&chat, &ChatSessionModel::auditWarningChanged);
    chat.setTimeScale(0);
    chat.setLadder(exampleLadder(QStringLiteral("framing")));
    QVERIFY(runTurns(chat, {QStringLiteral("Plan a migration."), QStringLiteral("Go on.")}));
    QCOMPARE(chat.turnCount(), 2); // the chat itself went on
    QTRY_VERIFY(chat.auditWarning().contains(QStringLiteral("turns 1, 2")));
    QVERIFY2(chat.auditWarning().contains(path), qPrintable(chat.auditWarning()));
    QVERIFY(warned.size() >= 1);
    chat.clear(); // a new chat has nothing lost yet
    QCOMPARE(chat.auditWarning(), QString());
}

void ChatModelsTest::costLabelNeverShowsUnknownAsZero_data()
{
    QTest::addColumn<double>("knownUsd");
    QTest::addColumn<bool>("someUnknown");
    QTest::addColumn<QString>("label");
    QTest::newRow("priced") << 0.0123 << false << "$0.0123";
    QTest::newRow("free") << 0.0 << false << "$0.00";
    QTest::newRow("partly priced") << 0.0123 << true << "$0.0123 + unknown";
    QTest::newRow("priced nowhere") << 0.0 << true << "cost unknown";
}

void ChatModelsTest::costLabelNeverShowsUnknownAsZero()
{
    QFETCH(double, knownUsd);
    QFETCH(bool, someUnknown);
    QFETCH(QString, label);
    QCOMPARE(formatCostLabel(knownUsd, someUnknown), label);
    QCOMPARE(Formatter().costLabel(knownUsd, someUnknown), label);
}

QTEST_MAIN(ChatModelsTest)
#include "tst_chat.moc"
