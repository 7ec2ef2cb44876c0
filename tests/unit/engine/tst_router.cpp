// The router as a pure function: state + signals -> decision, on a ladder built in code so the
// tests do not depend on the example files.

#include "engine/router.h"

#include <QTest>

using namespace ladder;

namespace {

Transition edge(const QString &from, const QString &to, Condition c)
{
    Transition t;
    t.from = from;
    t.to = to;
    t.condition = c;
    return t;
}

Condition afterTurns(int n)
{
    Condition c;
    c.type = Condition::Type::AfterTurns;
    c.turns = n;
    return c;
}

Condition onSignals(QList<PreSignal> s, QStringList labels = {})
{
    Condition c;
    c.type = Condition::Type::OnSignal;
    c.preSignals = s;
    c.labels = labels;
    return c;
}

Condition postTurn(QList<PostSignal> s, double below = 0.5)
{
    Condition c;
    c.type = Condition::Type::PostTurn;
    c.postSignals = s;
    c.confidenceBelow = below;
    return c;
}

Condition returnAfter(int n)
{
    Condition c;
    c.type = Condition::Type::ReturnAfter;
    c.turns = n;
    return c;
}

Condition onFailure(QList<FailureKind> k)
{
    Condition c;
    c.type = Condition::Type::OnFailure;
    c.failures = k;
    return c;
}

// strong(0) -> light(1) after 2; light -> strong on high stakes / goal change; light -> strong on
// low confidence or escalate; strong returns after 1; light -> backup(2) on rate limit;
// any -> coder(3) on the "code" label.
Ladder testLadder()
{
    Ladder l;
    l.entry = "strong";
    for (const char *id : {"strong", "light", "backup", "coder"}) {
        Tier t;
        t.id = id;
        t.provider = "simulated";
        t.model = id;
        l.tiers.append(t);
    }
    l.transitions = {
        edge("strong", "light", afterTurns(2)),
        edge("light", "strong", onSignals({PreSignal::HighStakes, PreSignal::GoalChange})),
        edge("light", "strong", postTurn({PostSignal::EscalateTool, PostSignal::LowConfidence})),
        edge("strong", "", returnAfter(1)),
        edge("light", "backup", onFailure({FailureKind::RateLimited})),
        edge("*", "coder", onSignals({PreSignal::Classification}, {"code"})),
    };
    return l;
}

LadderState at(int tier, int turnsOnTier, int escalatedFrom = -1)
{
    return {tier, turnsOnTier, escalatedFrom, 3};
}

} // namespace

Q_DECLARE_METATYPE(ladder::LadderState)
Q_DECLARE_METATYPE(ladder::RouteDecision::Reason)

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void routesBeforeTheTurn_data()
    {
        QTest::addColumn<LadderState>("state");
        QTest::addColumn<quint32>("pre");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("manual");
        QTest::addColumn<int>("tier");
        QTest::addColumn<RouteDecision::Reason>("reason");
        QTest::addColumn<int>("escalatedFrom");
        using R = RouteDecision::Reason;

        QTest::newRow("first turn starts on the entry tier")
            << LadderState{} << 0u << "" << -1 << 0 << R::Entry << -1;
        QTest::newRow("strong stays for its first two turns")
            << at(0, 1) << 0u << "" << -1 << 0 << R::Stay << -1;
        QTest::newRow("steps down after two turns")
            << at(0, 2) << 0u << "" << -1 << 1 << R::AfterTurns << -1;
        QTest::newRow("light stays without signals")
            << at(1, 5) << 0u << "" << -1 << 1 << R::Stay << -1;
        QTest::newRow("escalates on high stakes")
            << at(1, 1) << bit(PreSignal::HighStakes) << "" << -1 << 0 << R::OnSignal << 1;
        QTest::newRow("escalates on goal change")
            << at(1, 1) << bit(PreSignal::GoalChange) << "" << -1 << 0 << R::OnSignal << 1;
        QTest::newRow("ignores a signal no edge listens to")
            << at(1, 1) << bit(PreSignal::MissingInfo) << "" << -1 << 1 << R::Stay << -1;
        QTest::newRow("strong ignores signals that only light listens to")
            << at(0, 1) << bit(PreSignal::HighStakes) << "" << -1 << 0 << R::Stay << -1;
        QTest::newRow("returns after the escalated turn")
            << at(0, 1, 1) << 0u << "" << -1 << 1 << R::ReturnAfter << -1;
        QTest::newRow("returns, then escalates again on a new signal")
            << at(0, 1, 1) << bit(PreSignal::HighStakes) << "" << -1 << 0 << R::OnSignal << 1;
        QTest::newRow("step down right into a signal goes back up")
            << at(0, 2) << bit(PreSignal::HighStakes) << "" << -1 << 0 << R::OnSignal << 1;
        QTest::newRow("classification routes from any tier")
            << at(1, 3) << bit(PreSignal::Classification) << "code" << -1 << 3 << R::OnSignal << -1;
        QTest::newRow("a label no edge names does not route")
            << at(1, 3) << bit(PreSignal::Classification) << "poetry" << -1 << 1 << R::Stay << -1;
        QTest::newRow("the manual pick wins over everything")
            << at(0, 2, 1) << bit(PreSignal::HighStakes) << "" << 2 << 2 << R::ManualPick << -1;
    }
    void routesBeforeTheTurn()
    {
        QFETCH(LadderState, state);
        QFETCH(quint32, pre);
        QFETCH(QString, label);
        QFETCH(int, manual);
        QFETCH(int, tier);
        QFETCH(RouteDecision::Reason, reason);
        QFETCH(int, escalatedFrom);
        const Router router(testLadder());
        const RouteDecision d = router.route(state, TurnSignals{pre, label, manual});
        QCOMPARE(d.tier, tier);
        QCOMPARE(toString(d.reason), toString(reason));
        QCOMPARE(d.escalatedFrom, escalatedFrom);
        QVERIFY(!router.describe(d).isEmpty());
    }

    // `from` names the tier the router stood on when the transition fired: after a return or a
    // step down earlier in the same decision, that tier, not the one that answered the last turn.
    void firedTransitionNamesTheTierItWasEvaluatedOn_data()
    {
        QTest::addColumn<LadderState>("state");
        QTest::addColumn<quint32>("pre");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("tier");
        QTest::addColumn<int>("from");

        QTest::newRow("escalation from light")
            << at(1, 1) << bit(PreSignal::HighStakes) << "" << 0 << 1;
        QTest::newRow("return to light, then escalate from light")
            << at(0, 1, 1) << bit(PreSignal::HighStakes) << "" << 0 << 1;
        QTest::newRow("step down to light, then escalate from light")
            << at(0, 2) << bit(PreSignal::HighStakes) << "" << 0 << 1;
        QTest::newRow("classification from strong")
            << at(0, 1) << bit(PreSignal::Classification) << "code" << 3 << 0;
        QTest::newRow("a return fires no signal") << at(0, 1, 1) << 0u << "" << 1 << -1;
        QTest::newRow("staying fires nothing") << at(1, 4) << 0u << "" << 1 << -1;
    }
    void firedTransitionNamesTheTierItWasEvaluatedOn()
    {
        QFETCH(LadderState, state);
        QFETCH(quint32, pre);
        QFETCH(QString, label);
        QFETCH(int, tier);
        QFETCH(int, from);
        const Router router(testLadder());
        const RouteDecision d = router.route(state, TurnSignals{pre, label, -1});
        QCOMPARE(d.tier, tier);
        QCOMPARE(d.from, from);
    }

    void reanswersOnPostTurnSignals_data()
    {
        QTest::addColumn<int>("answering");
        QTest::addColumn<quint32>("post");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<int>("tier");

        QTest::newRow("escalate tool") << 1 << bit(PostSignal::EscalateTool) << -1.0 << 0;
        QTest::newRow("low confidence") << 1 << 0u << 0.3 << 0;
        QTest::newRow("confidence at the threshold is enough") << 1 << 0u << 0.5 << -1;
        QTest::newRow("no confidence reported") << 1 << 0u << -1.0 << -1;
        QTest::newRow("refusal has no edge here") << 1 << bit(PostSignal::Refusal) << -1.0 << -1;
        QTest::newRow("strong is terminal") << 0 << bit(PostSignal::EscalateTool) << 0.1 << -1;
    }
    void reanswersOnPostTurnSignals()
    {
        QFETCH(int, answering);
        QFETCH(quint32, post);
        QFETCH(double, confidence);
        QFETCH(int, tier);
        const Router router(testLadder());
        const RouteDecision d = router.postTurn(at(answering, 1), answering, post, confidence);
        QCOMPARE(d.tier, tier);
        if (tier >= 0) {
            QVERIFY(d.escalation);
            QCOMPARE(d.escalatedFrom, answering);
            QCOMPARE(d.from, answering);
        }
    }

    void walksOnFailureEdges_data()
    {
        QTest::addColumn<int>("failed");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<int>("tier");
        QTest::newRow("rate limited light goes to backup") << 1 << FailureKind::RateLimited << 2;
        QTest::newRow("auth failure has no edge") << 1 << FailureKind::Auth << -1;
        QTest::newRow("strong has no failure edge") << 0 << FailureKind::RateLimited << -1;
    }
    void walksOnFailureEdges()
    {
        QFETCH(int, failed);
        QFETCH(FailureKind, kind);
        QFETCH(int, tier);
        const Router router(testLadder());
        QCOMPARE(router.onFailure(at(failed, 1), failed, kind).tier, tier);
    }

    void commitCountsTurnsOnTier()
    {
        const Router router(testLadder());
        LadderState s;
        RouteDecision d = router.route(s, {});
        s = router.commit(s, d);
        QVERIFY(s == (LadderState{0, 1, -1, 1}));
        s = router.commit(s, router.route(s, {}));
        QVERIFY(s == (LadderState{0, 2, -1, 2}));
        s = router.commit(s, router.route(s, {}));
        QVERIFY(s == (LadderState{1, 1, -1, 3}));
        d = router.route(s, {bit(PreSignal::HighStakes), {}, -1});
        s = router.commit(s, d);
        QVERIFY(s == (LadderState{0, 1, 1, 4}));
        s = router.commit(s, router.route(s, {}));
        QVERIFY(s == (LadderState{1, 1, -1, 5}));
    }

    void danglingEdgesNeverFire()
    {
        Ladder l = testLadder();
        l.transitions.prepend(edge("light", "ghost", onSignals({PreSignal::HighStakes})));
        l.transitions.prepend(edge("ghost", "light", afterTurns(1)));
        const Router router(l);
        const RouteDecision d = router.route(at(1, 1), {bit(PreSignal::HighStakes), {}, -1});
        QCOMPARE(d.tier, 0);
        QCOMPARE(d.transition, 3); // indices still match the document
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
