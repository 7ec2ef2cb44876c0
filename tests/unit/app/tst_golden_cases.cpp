// Golden cases made in the studio: "Save this turn as a golden case" in Chat (GoldenCaseDraft)
// and Compare's blind picks as preference cases (PreferenceCases), both read back by the eval
// importer and scored by the eval scorers.

#include "chat/chatsessionmodel.h"
#include "chat/goldencasedraft.h"
#include "compare/comparemodel.h"

#include "core/ladder_json.h"
#include "core/resources.h"
#include "eval/importers.h"
#include "eval/scorers.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ladder;

namespace {

Ladder exampleLadder(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

const ChatSessionModel::Row *answerOf(const ChatSessionModel &model, int turn)
{
    for (const ChatSessionModel::Row &r : model.rows())
        if (r.kind == QLatin1String("assistant") && r.turn == turn)
            return &r;
    return nullptr;
}

} // namespace

class TestGoldenCases : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTest"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void chatTurnBecomesAGoldenCase_data()
    {
        QTest::addColumn<int>("turn");
        QTest::newRow("first turn") << 1;
        QTest::newRow("third turn, after a step down") << 3;
    }
    void chatTurnBecomesAGoldenCase()
    {
        QFETCH(int, turn);
        ChatSessionModel chat;
        chat.setTimeScale(0);
        chat.setLadder(exampleLadder(QStringLiteral("framing")));
        QSignalSpy idle(&chat, &ChatSessionModel::idle);
        const QStringList said{QStringLiteral("Plan a small garden."),
                               QStringLiteral("Only herbs, please."),
                               QStringLiteral("Which herbs like shade?")};
        for (const QString &text : said)
            QVERIFY(chat.send(text));
        QVERIFY(idle.wait(30000) || !chat.busy());
        const ChatSessionModel::Row *answer = answerOf(chat, turn);
        QVERIFY(answer);

        GoldenCaseDraft draft;
        QVERIFY2(draft.prepare(&chat, turn), qPrintable(draft.error()));
        // Prefilled from the turn: the conversation so far, the answering tier, the answer.
        QCOMPARE(draft.turns(), said.mid(0, turn));
        QCOMPARE(draft.property("task").toString(), answer->tierId);
        QCOMPARE(draft.property("scorer").toString(), QStringLiteral("contains"));
        QCOMPARE(draft.property("value").toString(), answer->text.trimmed());
        QCOMPARE(draft.model(), answer->model);
        const QString slug = GoldenCaseDraft::slug(chat.ladderName());
        QVERIFY(!slug.contains(QLatin1Char(' ')));
        QVERIFY2(draft.setPath().endsWith(QStringLiteral("/golden-sets/%1.jsonl").arg(slug)),
                 qPrintable(draft.setPath()));

        const QString path = m_dir.filePath(QStringLiteral("chat-%1.jsonl").arg(turn));
        draft.setSetPath(QUrl::fromLocalFile(path).toString());
        QVERIFY2(draft.save(), qPrintable(draft.error()));
        QCOMPARE(draft.savedId(), QStringLiteral("%1-turn-%2").arg(slug).arg(turn));
        QVERIFY(draft.save()); // a second save is a second case
        QCOMPARE(draft.savedId(), QStringLiteral("%1-turn-%2-2").arg(slug).arg(turn));

        QString error;
        const std::optional<eval::Dataset> set = eval::importDataset(path, QString(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 2);
        const eval::EvalCase &c = set->cases.first();
        QCOMPARE(c.userTurns, said.mid(0, turn));
        QCOMPARE(c.answers.value(answer->model).value(turn - 1).text, answer->text);
        // The recorded answer passes its own expectation; another does not.
        QVERIFY(eval::scoreAnswer(c, turn - 1, answer->model, answer->text, set->labels).pass);
        QVERIFY(
            !eval::scoreAnswer(c, turn - 1, answer->model, QStringLiteral("no idea"), set->labels)
                 .pass);
    }

    void draftRefusesWhatTheSetCannotHold_data()
    {
        QTest::addColumn<QString>("scorer");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("error");
        QTest::newRow("regex without pattern")
            << "regex"
            << ""
            << "chat.jsonl:1: /expect/pattern: the regex scorer needs a pattern";
        QTest::newRow("schema not JSON") << "json_schema"
                                         << "{"
                                         << "/expect/schema: invalid JSON at character 2";
    }
    void draftRefusesWhatTheSetCannotHold()
    {
        QFETCH(QString, scorer);
        QFETCH(QString, schema);
        QFETCH(QString, error);
        ChatSessionModel chat;
        chat.setTimeScale(0);
        chat.setLadder(exampleLadder(QStringLiteral("framing")));
        QSignalSpy idle(&chat, &ChatSessionModel::idle);
        QVERIFY(chat.send(QStringLiteral("Hello")));
        QVERIFY(idle.wait(30000) || !chat.busy());
        GoldenCaseDraft draft;
        QVERIFY(!draft.prepare(&chat, 2)); // not answered
        QVERIFY(draft.prepare(&chat, 1));
        const QString path = m_dir.filePath(QStringLiteral("refused/chat.jsonl"));
        draft.setSetPath(path);
        draft.setProperty("scorer", scorer);
        draft.setProperty("schemaText", schema);
        QVERIFY(!draft.save());
        QVERIFY2(draft.error().startsWith(error), qPrintable(draft.error()));
        QVERIFY(!QFile::exists(path));
    }

    void blindPickBecomesAPreferenceCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("preferences.jsonl"));
        CompareModel compare;
        compare.setTimeScale(0);
        compare.setShuffleSeed(5);
        compare.setPreferenceSetPath(path);
        const Ladder framing = exampleLadder(QStringLiteral("framing"));
        QVERIFY(compare.addLadder(framing, QStringLiteral("framing")));
        QVERIFY(compare.addLadder(CompareModel::baselineLadder(framing, QStringLiteral("light")),
                                  QStringLiteral("always-light")));
        compare.setBlind(true);
        QSignalSpy idle(&compare, &CompareModel::allIdle);
        QCOMPARE(compare.send(QStringLiteral("Design a cache for a web API.")), 2);
        QVERIFY(idle.wait(30000) || !compare.busy());
        QCOMPARE(compare.send(QStringLiteral("Now make it survive restarts.")), 2);
        QVERIFY(idle.wait(30000) || !compare.busy());

        QVERIFY(compare.pick(2, 1));
        const ChatSessionModel *chosen = compare.column(1);
        const ChatSessionModel *other = compare.column(0);
        const QString chosenName = chosen->property("ladderTitle").toString() + QLatin1Char('/') +
                                   answerOf(*chosen, 2)->model;
        const QString otherName = other->property("ladderTitle").toString() + QLatin1Char('/') +
                                  answerOf(*other, 2)->model;
        QVERIFY(chosenName != otherName);

        QString error;
        std::optional<eval::Dataset> set = eval::importDataset(path, QString(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 1);
        eval::EvalCase c = set->cases.first();
        QCOMPARE(c.id, compare.comparisonId() + QStringLiteral("-turn-2"));
        QCOMPARE(c.userTurns.size(), 2);
        QCOMPARE(c.expect.scorer, QStringLiteral("preference"));
        QCOMPARE(c.preferred, chosenName);
        QCOMPARE(c.answers.value(chosenName).value(1).text, answerOf(*chosen, 2)->text);
        QCOMPARE(c.answers.value(otherName).value(1).text, answerOf(*other, 2)->text);
        QVERIFY(eval::scoreAnswer(c, 1, chosenName, QString(), set->labels).pass);
        QVERIFY(!eval::scoreAnswer(c, 1, otherName, QString(), set->labels).pass);

        // Changing one's mind replaces the case; another turn adds one.
        QVERIFY(compare.pick(2, 0));
        QVERIFY(compare.pick(1, 0));
        set = eval::importDataset(path, QString(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 2);
        QCOMPARE(set->cases.first().preferred, otherName);
        QCOMPARE(set->cases.at(1).userTurns.size(), 1);
    }
};

QTEST_MAIN(TestGoldenCases)
#include "tst_golden_cases.moc"
