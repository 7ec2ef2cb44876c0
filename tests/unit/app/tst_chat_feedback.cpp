// Chat feedback as labelled cases (ChatFeedback): thumbs, "Regenerate on a stronger tier" and
// manual tier picks in a real chat on the simulated provider write the right rows to a real
// audit store, and only those that say something about the cheapest tier.

#include "chat/chatfeedback.h"
#include "chat/chatsessionmodel.h"
#include "core/ladder_json.h"
#include "store/audit_store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ladder;

namespace {

const QStringList kTurns{QStringLiteral("Plan a small web shop."), QStringLiteral("Go on."),
                         QStringLiteral("Write the next step.")};

QString tierOf(const ChatSessionModel &chat, int turn)
{
    QString tier;
    for (const ChatSessionModel::Row &r : chat.rows()) {
        if (r.kind == QLatin1String("assistant") && r.turn == turn)
            tier = r.tierId;
    }
    return tier;
}

bool waitIdle(ChatSessionModel &chat)
{
    QSignalSpy idle(&chat, &ChatSessionModel::idle);
    return !chat.busy() || idle.wait(30000);
}

} // namespace

class TestChatFeedback : public QObject
{
    Q_OBJECT

private slots:
    void actionsBecomeLabelledCases_data();
    void actionsBecomeLabelledCases();
    void regeneratingOnAStrongerTierBranchesOnIt();
};

void TestChatFeedback::actionsBecomeLabelledCases_data()
{
    QTest::addColumn<int>("pickTurn"); // the turn sent with a manual tier pick (0: none)
    QTest::addColumn<QString>("pick");
    QTest::addColumn<QStringList>("actions");  // "up:N", "down:N", "regen:N" after the turns
    QTest::addColumn<QStringList>("expected"); // "turn source needs_strong tier", sorted

    // framing: turns 1 and 2 on strong, turn 3 steps down to light (the cheapest).
    QTest::newRow("thumbs down on the light answer")
        << 0 << "" << QStringList{"down:3"} << QStringList{"3 thumbs_down 1 light"};
    QTest::newRow("thumbs up on the light answer")
        << 0 << "" << QStringList{"up:3"} << QStringList{"3 thumbs_up 0 light"};
    QTest::newRow("thumbs down on the strongest tier says nothing")
        << 0 << "" << QStringList{"down:1"} << QStringList{};
    QTest::newRow("thumbs up on the strong tier says nothing")
        << 0 << "" << QStringList{"up:2"} << QStringList{};
    QTest::newRow("a vote taken back")
        << 0 << "" << QStringList{"down:3", "down:3"} << QStringList{};
    QTest::newRow("down then up replaces")
        << 0 << "" << QStringList{"down:3", "up:3"} << QStringList{"3 thumbs_up 0 light"};
    QTest::newRow("two turns, two cases")
        << 0 << "" << QStringList{"down:3", "down:1", "up:3"} << QStringList{"3 thumbs_up 0 light"};
    QTest::newRow("regenerate on a stronger tier")
        << 0 << "" << QStringList{"regen:3"} << QStringList{"3 regenerate_stronger 1 light"};
    QTest::newRow("no stronger tier than the strongest")
        << 0 << "" << QStringList{"regen:1"} << QStringList{};
    QTest::newRow("manual pick above the ladder's tier")
        << 3 << "strong" << QStringList{} << QStringList{"3 manual_pick 1 strong"};
    QTest::newRow("manual pick of the tier the ladder uses")
        << 1 << "strong" << QStringList{} << QStringList{};
    QTest::newRow("manual pick below the ladder's tier")
        << 2 << "light" << QStringList{} << QStringList{};
    QTest::newRow("a vote on the picked answer keeps the pick's case")
        << 3 << "strong" << QStringList{"up:3"} << QStringList{"3 manual_pick 1 strong"};
}

void TestChatFeedback::actionsBecomeLabelledCases()
{
    QFETCH(int, pickTurn);
    QFETCH(QString, pick);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.sqlite"));
    AuditStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    ChatSessionModel chat;
    chat.setAuditStore(&store);
    chat.setTimeScale(0);
    QVERIFY(chat.setLadderFromTemplate(QStringLiteral("framing")));
    for (int t = 1; t <= kTurns.size(); ++t) {
        if (t == pickTurn)
            chat.setManualTier(pick);
        QVERIFY(chat.send(kTurns[t - 1]));
        QVERIFY(waitIdle(chat));
    }
    if (pickTurn == 0) {
        QCOMPARE(tierOf(chat, 1), QStringLiteral("strong"));
        QCOMPARE(tierOf(chat, 3), QStringLiteral("light"));
    }
    const QString firstSession = chat.sessionId();
    ChatFeedback *feedback = chat.feedback();
    for (const QString &action : std::as_const(actions)) {
        const QString verb = action.section(QLatin1Char(':'), 0, 0);
        const int turn = action.section(QLatin1Char(':'), 1).toInt();
        if (verb == QLatin1String("up") || verb == QLatin1String("down")) {
            const int value = verb == QLatin1String("up") ? 1 : -1;
            const int before = feedback->voteOf(turn);
            QVERIFY(feedback->vote(turn, value));
            QCOMPARE(feedback->voteOf(turn), before == value ? 0 : value);
            QCOMPARE(feedback->votes().value(QString::number(turn)).toInt(),
                     feedback->voteOf(turn));
        } else {
            const bool stronger = !feedback->strongerTier(tierOf(chat, turn)).isEmpty();
            QCOMPARE(feedback->regenerateStronger(turn), stronger);
            QVERIFY(waitIdle(chat));
        }
    }

    AuditReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QStringList rows;
    for (const FeedbackCase &c : reader.feedbackCases()) {
        rows << QStringLiteral("%1 %2 %3 %4")
                    .arg(c.turn)
                    .arg(feedbackSourceName(c.source))
                    .arg(c.needsStrong ? 1 : 0)
                    .arg(c.tierId);
        QCOMPARE(c.sessionId, firstSession);
        QCOMPARE(c.userText, kTurns[c.turn - 1]);
        QCOMPARE(c.context, kTurns.mid(0, c.turn - 1));
        QVERIFY(!c.model.isEmpty());
    }
    rows.sort();
    QCOMPARE(rows, expected);
    QCOMPARE(reader.feedbackCount(), int(expected.size()));
}

void TestChatFeedback::regeneratingOnAStrongerTierBranchesOnIt()
{
    QTemporaryDir dir;
    AuditStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("studio.sqlite"))));
    ChatSessionModel chat;
    chat.setAuditStore(&store);
    chat.setTimeScale(0);
    QVERIFY(chat.setLadderFromTemplate(QStringLiteral("step-down")));
    const QStringList order = ChatTimelineModel::laneOrder(chat.ladder());
    QCOMPARE(order.size(), 3);
    for (const QString &t : kTurns) {
        QVERIFY(chat.send(t));
        QVERIFY(waitIdle(chat));
    }
    const QString answered = tierOf(chat, 3);
    const QString stronger = chat.feedback()->strongerTier(answered);
    QVERIFY2(!stronger.isEmpty(), qPrintable(answered));
    QCOMPARE(order.indexOf(stronger), order.indexOf(answered) - 1); // the next one up, not the top
    QVERIFY(chat.feedback()->vote(3, -1));
    const QString before = chat.sessionId();
    QVERIFY(chat.feedback()->regenerateStronger(3));
    QVERIFY(waitIdle(chat));
    QVERIFY(chat.sessionId() != before);         // a new branch
    QCOMPARE(chat.userTextOf(3), kTurns[2]);     // the same turn
    QCOMPARE(tierOf(chat, 3), stronger);         // on the stronger tier
    QVERIFY(chat.manualTier().isEmpty());        // the pick was for that turn only
    QVERIFY(chat.feedback()->votes().isEmpty()); // votes belong to the old branch
    AuditReader reader;
    QVERIFY(reader.open(store.path()));
    const QList<FeedbackCase> cases = reader.feedbackCases();
    QCOMPARE(cases.size(), 1); // the regenerate replaced the thumbs; the pick is not a second case
    QCOMPARE(cases[0].source, FeedbackSource::RegenerateStronger);
    QCOMPARE(cases[0].sessionId, before);
    QCOMPARE(cases[0].tierId, answered);
}

QTEST_MAIN(TestChatFeedback)
#include "tst_chat_feedback.moc"
