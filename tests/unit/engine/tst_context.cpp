// What a tier gets to see: detectors' signals, the handoff memory and the prompt per policy.

#include "engine/detectors.h"
#include "engine/handoff_memory.h"
#include "engine/prompt_builder.h"
#include "session_test_support.h"

using namespace ladder;

namespace {

Ladder twoTiers(HistoryPolicy::Mode mode, MemoryPolicy::Inject inject)
{
    Ladder l;
    l.entry = "cheap";
    Tier cheap;
    cheap.id = "cheap";
    cheap.model = "gpt-5.4-mini";
    cheap.provider = "openai";
    cheap.systemPrompt = "CHEAP PROMPT";
    cheap.escalateTool = true;
    Tier strong = cheap;
    strong.id = "strong";
    strong.systemPrompt = "STRONG PROMPT";
    strong.escalateTool = false;
    l.tiers = {cheap, strong};
    l.history.mode = mode;
    l.history.lastK = 2;
    l.memory.inject = inject;
    return l;
}

QList<TurnRecord> history(int turns)
{
    QList<TurnRecord> out;
    for (int i = 1; i <= turns; ++i) {
        TurnRecord t;
        t.turn = i;
        t.userText = QStringLiteral("user %1").arg(i);
        t.answer = QStringLiteral("answer %1").arg(i);
        if (i == 1) {
            t.discarded = {
                {ChatMessage::Role::Assistant, "cheap attempt", {{"c1", "escalate", {}}}, {}, {}},
                {ChatMessage::Role::Tool, "escalated", {}, "c1", {}}};
        }
        out.append(t);
    }
    return out;
}

} // namespace

class TestContext : public QObject
{
    Q_OBJECT

private slots:
    void detectorsRaiseSignals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint32>("expected");
        QTest::addColumn<QString>("label");
        QTest::newRow("legal question")
            << "Is it legal to scan my coworkers' photos for GPS data?"
            << (bit(PreSignal::HighStakes) | bit(PreSignal::Classification)) << "general";
        QTest::newRow("plain request") << "Add a short usage section to the README."
                                       << bit(PreSignal::Classification) << "general";
        QTest::newRow("code label")
            << "There is a bug in my parser." << bit(PreSignal::Classification) << "code";
        QTest::newRow("case-insensitive")
            << "LAWSUIT incoming" << (bit(PreSignal::HighStakes) | bit(PreSignal::Classification))
            << "general";
    }
    void detectorsRaiseSignals()
    {
        QFETCH(QString, text);
        QFETCH(quint32, expected);
        QFETCH(QString, label);
        Ladder l;
        Detector stakes;
        stakes.id = "stakes";
        stakes.signal = PreSignal::HighStakes;
        stakes.patterns = {"\\blegal\\b", "\\blawsuit"};
        Detector disabled = stakes;
        disabled.signal = PreSignal::GoalChange;
        disabled.enabled = false;
        Detector classifier;
        classifier.id = "task";
        classifier.kind = Detector::Kind::Classifier;
        classifier.labels = {{"code", {"\\bbug\\b", "\\bcode\\b"}}};
        classifier.defaultLabel = "general";
        l.detectors = {stakes, disabled, classifier};
        const Detection d = DetectorSet(l).detect(text);
        QCOMPARE(d.raised.pre, expected);
        QCOMPARE(d.raised.label, label);
        if (expected & bit(PreSignal::HighStakes))
            QVERIFY(d.explain(PreSignal::HighStakes).contains("stakes"));
    }

    void scaffoldIsParsedIntoFields()
    {
        const QString answer = "Here is the plan.\n<handoff>\ngoal: Rename photos by date\n"
                               "constraints:\n- Linux and macOS\n- standard library only\n"
                               "non-goals: none\nformat contract: Markdown, code blocks\n"
                               "plan:\n1. read EXIF\n2. rename\n</handoff>\nGood luck.";
        QString stripped;
        const std::optional<MemoryContent> c = HandoffMemory::parseScaffold(answer, &stripped);
        QVERIFY(c);
        QCOMPARE((*c)[MemoryField::Goal], QStringList{"Rename photos by date"});
        QCOMPARE((*c)[MemoryField::Constraints],
                 (QStringList{"Linux and macOS", "standard library only"}));
        QVERIFY((*c)[MemoryField::NonGoals].isEmpty());
        QCOMPARE((*c)[MemoryField::FormatContract], QStringList{"Markdown, code blocks"});
        QCOMPARE((*c)[MemoryField::Plan], (QStringList{"read EXIF", "rename"}));
        QCOMPARE(stripped, QString("Here is the plan.\n\nGood luck."));
        QVERIFY(!HandoffMemory::parseScaffold("no block here"));
    }

    // A streamed answer shows no <handoff> block, wherever the deltas split it: once cut in two
    // at every position, once a character at a time.
    void streamedScaffoldIsHidden_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("shown");
        QTest::newRow("block in the middle")
            << "Here is the plan.\n<handoff>\ngoal: rename\nplan:\n- a\n</handoff>\nGood luck."
            << "Here is the plan.\n\nGood luck.";
        QTest::newRow("block at the end") << "Answer.\n<handoff>\ngoal: g\n</handoff>\n"
                                          << "Answer.\n\n";
        QTest::newRow("tags in capitals") << "A <HANDOFF>goal: g</Handoff>B"
                                          << "A B";
        QTest::newRow("look-alikes stay") << "a <hand> and <handoff and </handoff> < stay <"
                                          << "a <hand> and <handoff and </handoff> < stay <";
        QTest::newRow("unterminated block stays hidden") << "Answer.<handoff>goal: g"
                                                         << "Answer.";
        QTest::newRow("two blocks") << "a<handoff>x</handoff>b<handoff>y</handoff>c"
                                    << "abc";
    }
    void streamedScaffoldIsHidden()
    {
        QFETCH(QString, answer);
        QFETCH(QString, shown);
        ScaffoldStreamFilter filter;
        for (qsizetype cut = 0; cut <= answer.size(); ++cut) {
            QString out = filter.feed(answer.left(cut));
            out += filter.feed(answer.mid(cut));
            out += filter.finish();
            QVERIFY2(out == shown, qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(out)));
        }
        QString out;
        for (QChar c : answer)
            out += filter.feed(QString(c));
        out += filter.finish();
        QCOMPARE(out, shown);
    }

    void memoryVersionsRecordAuthors()
    {
        HandoffMemory m;
        MemoryContent c;
        c[MemoryField::Goal] = {"goal one"};
        QVERIFY(m.merge(c, 1, "strong/gpt-5.4"));
        QVERIFY(!m.merge(c, 2, "strong/gpt-5.4")); // nothing changed, no version
        MemoryContent partial;
        partial[MemoryField::Plan] = {"step"};
        QVERIFY(m.merge(partial, 2, "strong/gpt-5.4"));
        QCOMPARE(m.current()[MemoryField::Goal], QStringList{"goal one"}); // kept
        QVERIFY(m.setField(MemoryField::Goal, {"edited"}, 2));
        QCOMPARE(m.version(), 3);
        QCOMPARE(m.versions()[2].author, "user");
        QCOMPARE(m.versions()[0].content[MemoryField::Goal], QStringList{"goal one"});
        QCOMPARE(MemoryContent::fromJson(m.current().toJson()), m.current());
    }

    void renderKeepsTheBudget()
    {
        HandoffMemory m;
        MemoryContent c;
        c[MemoryField::Goal] = {"the goal"};
        c[MemoryField::Unknowns] = {QString(400, 'u')};
        m.merge(c, 1, "strong/x");
        const QString full = m.render(1000);
        QVERIFY(full.contains("Goal: the goal"));
        QVERIFY(full.contains("Unknowns:"));
        const QString tight = m.render(30);
        QVERIFY(tight.contains("Goal: the goal"));
        QVERIFY(!tight.contains("Unknowns:"));
        QVERIFY(tight.contains("trimmed"));
        QVERIFY(estimateTokens(tight) <= 30 + 15);
        QVERIFY(m.render(1000, {"unknowns"}).contains("Unknowns"));
        QVERIFY(!m.render(1000, {"unknowns"}).contains("Goal"));
        QVERIFY(HandoffMemory().render(100).isEmpty());
    }

    void historyPolicyShapesThePrompt_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("expectedMessages");
        QTest::addColumn<bool>("seesDiscarded");
        QTest::addColumn<bool>("seesMemory");
        // system + 3 turns x 2 + user = 8; full adds the 2 discarded messages.
        QTest::newRow("clean handoff")
            << int(HistoryPolicy::Mode::CleanHandoff) << 8 << false << false;
        QTest::newRow("full") << int(HistoryPolicy::Mode::Full) << 10 << true << false;
        // memory + last 2 turns: system + 2 x 2 + user = 6, memory injected.
        QTest::newRow("memory + last k")
            << int(HistoryPolicy::Mode::MemoryLastK) << 6 << false << true;
    }
    void historyPolicyShapesThePrompt()
    {
        QFETCH(int, mode);
        QFETCH(int, expectedMessages);
        QFETCH(bool, seesDiscarded);
        QFETCH(bool, seesMemory);
        const Ladder l = twoTiers(HistoryPolicy::Mode(mode), MemoryPolicy::Inject::OnSwitch);
        const QList<TurnRecord> turns = history(3);
        HandoffMemory memory;
        MemoryContent c;
        c[MemoryField::Goal] = {"THE GOAL"};
        memory.merge(c, 1, "strong/x");
        const BuiltPrompt p = buildPrompt({&l, &l.tiers[1], &turns, "now", &memory, false});
        QCOMPARE(p.request.messages.size(), expectedMessages);
        QCOMPARE(p.request.messages.first().content.contains("THE GOAL"), seesMemory);
        QCOMPARE(p.request.messages.first().content.startsWith("STRONG PROMPT"), true);
        bool discarded = false;
        for (const ChatMessage &m : p.request.messages) {
            QVERIFY(!m.content.contains("CHEAP PROMPT"));
            discarded = discarded || m.content == "cheap attempt";
        }
        QCOMPARE(discarded, seesDiscarded);
        QCOMPARE(p.request.messages.last().content, QString("now"));
        QVERIFY(p.request.tools.isEmpty()); // the strong tier has no escalate tool
    }

    void memoryIsInjectedPerPolicy_data()
    {
        QTest::addColumn<int>("inject");
        QTest::addColumn<bool>("tierChanged");
        QTest::addColumn<bool>("injected");
        QTest::newRow("on switch, switching")
            << int(MemoryPolicy::Inject::OnSwitch) << true << true;
        QTest::newRow("on switch, same tier")
            << int(MemoryPolicy::Inject::OnSwitch) << false << false;
        QTest::newRow("every turn") << int(MemoryPolicy::Inject::EveryTurn) << false << true;
        QTest::newRow("never") << int(MemoryPolicy::Inject::Never) << true << false;
    }
    void memoryIsInjectedPerPolicy()
    {
        QFETCH(int, inject);
        QFETCH(bool, tierChanged);
        QFETCH(bool, injected);
        const Ladder l = twoTiers(HistoryPolicy::Mode::CleanHandoff, MemoryPolicy::Inject(inject));
        const QList<TurnRecord> turns = history(1);
        HandoffMemory memory;
        MemoryContent c;
        c[MemoryField::Goal] = {"THE GOAL"};
        memory.merge(c, 1, "strong/x");
        const BuiltPrompt p = buildPrompt({&l, &l.tiers[0], &turns, "now", &memory, tierChanged});
        QCOMPARE(!p.injectedMemory.isEmpty(), injected);
        QCOMPARE(p.request.messages.first().content.contains("THE GOAL"), injected);
        QCOMPARE(p.request.tools.size(), 1); // cheap has the escalate tool
        QCOMPARE(p.request.tools[0].name, QString("escalate"));
    }
};

QTEST_GUILESS_MAIN(TestContext)
#include "tst_context.moc"
