// The feedback cases of the chats in the audit store (store/feedback_cases.h): a round trip
// through a real SQLite file, a repeated case of a turn replaces the earlier one, taking back a
// vote removes only that source, a session's deletion takes its cases along, an audit file of
// the previous schema is migrated and stays readable, and files that are not audit stores are
// refused by name and left unchanged.

#include "eval/feedback_examples.h"
#include "store/audit_store.h"
#include "store_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;

namespace {

FeedbackCase makeCase(const QString &session, int turn, FeedbackSource source, bool needsStrong,
                      const QString &text = QStringLiteral("Prove the lemma."))
{
    FeedbackCase c;
    c.sessionId = session;
    c.turn = turn;
    c.userText = text;
    c.context = {QStringLiteral("first turn"), QStringLiteral("second turn")};
    c.tierId = QStringLiteral("light");
    c.model = QStringLiteral("gpt-5-mini");
    c.needsStrong = needsStrong;
    c.source = source;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + turn, Qt::UTC);
    return c;
}

} // namespace

class TestFeedbackStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void casesRoundTripWithEveryField_data();
    void casesRoundTripWithEveryField();
    void repeatedFeedbackOnATurnReplaces_data();
    void repeatedFeedbackOnATurnReplaces();
    void removingTakesOnlyTheGivenSources_data();
    void removingTakesOnlyTheGivenSources();
    void deletingASessionDeletesItsCases();
    void previousSchemaIsMigratedAndStaysReadable();
    void trainingExamplesCarryTextContextAndLabel();
    void crossValidationMixesTheLabelsOfFeedbackCases_data();
    void crossValidationMixesTheLabelsOfFeedbackCases();
    void filesThatAreNotAuditStoresAreRefusedByName_data();
    void filesThatAreNotAuditStoresAreRefusedByName();

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<AuditStore> m_store;
    std::unique_ptr<AuditReader> m_reader;
};

void TestFeedbackStore::init()
{
    m_path = m_dir.filePath(QStringLiteral("feedback-%1.sqlite").arg(++m_counter));
    m_store = std::make_unique<AuditStore>();
    QString error;
    QVERIFY2(m_store->open(m_path, &error), qPrintable(error));
    m_reader = std::make_unique<AuditReader>();
    QVERIFY2(m_reader->open(m_path, &error), qPrintable(error));
}

void TestFeedbackStore::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

void TestFeedbackStore::casesRoundTripWithEveryField_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("needsStrong");
    QTest::addColumn<QString>("name");
    QTest::newRow("manual pick") << int(FeedbackSource::ManualPick) << true << "manual_pick";
    QTest::newRow("regenerate stronger")
        << int(FeedbackSource::RegenerateStronger) << true << "regenerate_stronger";
    QTest::newRow("thumbs down") << int(FeedbackSource::ThumbsDown) << true << "thumbs_down";
    QTest::newRow("thumbs up") << int(FeedbackSource::ThumbsUp) << false << "thumbs_up";
}

void TestFeedbackStore::casesRoundTripWithEveryField()
{
    QFETCH(int, source);
    QFETCH(bool, needsStrong);
    QFETCH(QString, name);
    const FeedbackCase in = makeCase(QStringLiteral("s1"), 3, FeedbackSource(source), needsStrong,
                                     QStringLiteral("Ünïcode \"quotes\" and\nlines"));
    QVERIFY(m_store->recordFeedback(in));
    QCOMPARE(feedbackSourceName(FeedbackSource(source)), name);
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT source FROM feedback")).toString(), name);
    const QList<FeedbackCase> out = m_reader->feedbackCases();
    QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].sessionId, in.sessionId);
    QCOMPARE(out[0].turn, 3);
    QCOMPARE(out[0].userText, in.userText);
    QCOMPARE(out[0].context, in.context);
    QCOMPARE(out[0].tierId, in.tierId);
    QCOMPARE(out[0].model, in.model);
    QCOMPARE(out[0].needsStrong, needsStrong);
    QCOMPARE(int(out[0].source), source);
    QCOMPARE(out[0].createdAt, in.createdAt);
    QCOMPARE(m_reader->feedbackCount(), 1);
}

void TestFeedbackStore::repeatedFeedbackOnATurnReplaces_data()
{
    QTest::addColumn<QList<int>>("sources"); // recorded in this order on session s1, turn 2
    QTest::addColumn<int>("last");
    QTest::newRow("same source twice")
        << QList<int>{int(FeedbackSource::ThumbsDown), int(FeedbackSource::ThumbsDown)}
        << int(FeedbackSource::ThumbsDown);
    QTest::newRow("down then up") << QList<int>{int(FeedbackSource::ThumbsDown),
                                                int(FeedbackSource::ThumbsUp)}
                                  << int(FeedbackSource::ThumbsUp);
    QTest::newRow("pick, down, regenerate")
        << QList<int>{int(FeedbackSource::ManualPick), int(FeedbackSource::ThumbsDown),
                      int(FeedbackSource::RegenerateStronger)}
        << int(FeedbackSource::RegenerateStronger);
}

void TestFeedbackStore::repeatedFeedbackOnATurnReplaces()
{
    QFETCH(QList<int>, sources);
    QFETCH(int, last);
    for (int s : sources)
        QVERIFY(m_store->recordFeedback(makeCase(QStringLiteral("s1"), 2, FeedbackSource(s),
                                                 FeedbackSource(s) != FeedbackSource::ThumbsUp)));
    // Another turn and another session with the same turn number stay separate cases.
    QVERIFY(m_store->recordFeedback(
        makeCase(QStringLiteral("s1"), 3, FeedbackSource::ThumbsDown, true)));
    QVERIFY(m_store->recordFeedback(
        makeCase(QStringLiteral("s2"), 2, FeedbackSource::ThumbsDown, true)));
    const QList<FeedbackCase> out = m_reader->feedbackCases();
    QCOMPARE(out.size(), 3);
    QCOMPARE(m_reader->feedbackCount(), 3);
    int found = 0;
    for (const FeedbackCase &c : out) {
        if (c.sessionId == QLatin1String("s1") && c.turn == 2) {
            ++found;
            QCOMPARE(int(c.source), last);
            QCOMPARE(c.needsStrong, FeedbackSource(last) != FeedbackSource::ThumbsUp);
        }
    }
    QCOMPARE(found, 1);
}

void TestFeedbackStore::removingTakesOnlyTheGivenSources_data()
{
    QTest::addColumn<int>("stored");
    QTest::addColumn<bool>("removed");
    QTest::newRow("a thumbs is taken back") << int(FeedbackSource::ThumbsUp) << true;
    QTest::newRow("a regenerate stays") << int(FeedbackSource::RegenerateStronger) << false;
    QTest::newRow("a manual pick stays") << int(FeedbackSource::ManualPick) << false;
}

void TestFeedbackStore::removingTakesOnlyTheGivenSources()
{
    QFETCH(int, stored);
    QFETCH(bool, removed);
    QVERIFY(
        m_store->recordFeedback(makeCase(QStringLiteral("s1"), 1, FeedbackSource(stored), true)));
    QVERIFY(m_store->removeFeedback(QStringLiteral("s1"), 1,
                                    {FeedbackSource::ThumbsUp, FeedbackSource::ThumbsDown}));
    QCOMPARE(m_reader->feedbackCount(), removed ? 0 : 1);
    QVERIFY(m_store->removeFeedback(QStringLiteral("s1"), 1)); // any source
    QCOMPARE(m_reader->feedbackCount(), 0);
}

void TestFeedbackStore::deletingASessionDeletesItsCases()
{
    m_store->beginSession(QStringLiteral("gone"), QStringLiteral("framing"), {});
    m_store->beginSession(QStringLiteral("kept"), QStringLiteral("framing"), {});
    QVERIFY(m_store->recordFeedback(
        makeCase(QStringLiteral("gone"), 1, FeedbackSource::ThumbsDown, true)));
    QVERIFY(m_store->recordFeedback(
        makeCase(QStringLiteral("kept"), 1, FeedbackSource::ThumbsDown, true)));
    QVERIFY(m_store->deleteSession(QStringLiteral("gone")));
    const QList<FeedbackCase> out = m_reader->feedbackCases();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].sessionId, QStringLiteral("kept"));
}

void TestFeedbackStore::previousSchemaIsMigratedAndStaysReadable()
{
    const QString path = m_dir.filePath(QStringLiteral("schema-2.sqlite"));
    {
        Internal::SqliteDatabase old;
        QString error;
        QVERIFY2(old.open(path, Internal::storeMigrations().mid(0, 2),
                          Internal::SqliteDatabase::OpenMode::CreateIfMissing, &error),
                 qPrintable(error));
        QCOMPARE(old.schemaVersion(), 2);
        QSqlQuery q(old.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sessions (id, ladder_name, title, created_at) "
                                      "VALUES ('old', 'framing', 'An old chat', 1)")));
    }
    QCOMPARE(rawQuery(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                           "'feedback'"))
                 .toInt(),
             0);
    AuditReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.feedbackCount(), 0);
    const QList<SessionSummary> sessions = reader.sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions[0].title, QStringLiteral("An old chat"));
    AuditStore store;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(
        store.recordFeedback(makeCase(QStringLiteral("old"), 1, FeedbackSource::ThumbsUp, false)));
    QCOMPARE(reader.feedbackCount(), 1);
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(),
             AuditStore::schemaVersion());
}

void TestFeedbackStore::trainingExamplesCarryTextContextAndLabel()
{
    QVERIFY(m_store->recordFeedback(
        makeCase(QStringLiteral("s1"), 3, FeedbackSource::ThumbsDown, true)));
    QVERIFY(m_store->recordFeedback(makeCase(QStringLiteral("s1"), 1, FeedbackSource::ThumbsUp,
                                             false, QStringLiteral("hello"))));
    QString error;
    QCOMPARE(eval::feedbackCaseCount(m_path, &error), 2);
    const auto examples = eval::feedbackExamples(m_path, &error);
    QVERIFY2(examples, qPrintable(error));
    QCOMPARE(examples->size(), 2);
    for (const eval::TrainingExample &e : *examples) {
        QCOMPARE(e.caseIndex, -1); // not from a data set
        QCOMPARE(e.needsStrong, e.turn == 3);
        QCOMPARE(e.text,
                 e.turn == 3 ? QStringLiteral("Prove the lemma.") : QStringLiteral("hello"));
        QCOMPARE(e.earlierTurns, QStringList({"first turn", "second turn"}));
        QVERIFY(!e.weakQuality && !e.strongQuality);
    }
}

void TestFeedbackStore::crossValidationMixesTheLabelsOfFeedbackCases_data()
{
    QTest::addColumn<int>("folds");
    QTest::addColumn<bool>("alternating"); // labels one after another, else all hard ones first
    QTest::newRow("2 folds, alternating") << 2 << true;
    QTest::newRow("3 folds, alternating") << 3 << true;
    QTest::newRow("2 folds, hard ones first") << 2 << false;
}

// Feedback cases come in the order they were given, often by label: a fold of held-out cases
// must not take all of one label (then no model learns the difference).
void TestFeedbackStore::crossValidationMixesTheLabelsOfFeedbackCases()
{
    QFETCH(int, folds);
    QFETCH(bool, alternating);
    for (int i = 0; i < 24; ++i) {
        const bool hard = alternating ? i % 2 == 0 : i < 12;
        QVERIFY(m_store->recordFeedback(
            makeCase(QStringLiteral("s1"), i + 1,
                     hard ? FeedbackSource::ThumbsDown : FeedbackSource::ThumbsUp, hard,
                     hard ? QStringLiteral("Prove the lemma number %1.").arg(i)
                          : QStringLiteral("Write a haiku number %1.").arg(i))));
    }
    QString error;
    const auto examples = eval::feedbackExamples(m_path, &error);
    QVERIFY2(examples, qPrintable(error));
    const auto cv = eval::crossValidateListener(*examples, eval::TrainOptions(), folds, 0.5);
    QVERIFY(cv);
    QVERIFY(cv->auc);
    QVERIFY2(*cv->auc > 0.8, qPrintable(QString::number(*cv->auc)));
}

void TestFeedbackStore::filesThatAreNotAuditStoresAreRefusedByName_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << "missing"
                             << "no such audit file";
    QTest::newRow("text file") << "text"
                               << "not a SQLite database";
    QTest::newRow("another program's SQLite") << "foreign"
                                              << "another program";
}

void TestFeedbackStore::filesThatAreNotAuditStoresAreRefusedByName()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(QStringLiteral("not-audit-%1.db").arg(kind));
    if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, just some text that is long enough\n")
                    .repeated(40));
    } else if (kind == QLatin1String("foreign")) {
        rawQuery(path, QStringLiteral("CREATE TABLE notes (body TEXT)"));
    }
    QString error;
    QVERIFY(!eval::feedbackExamples(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(eval::feedbackCaseCount(path, &error), -1);
    if (kind == QLatin1String("foreign")) { // left as it was
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master")).toInt(), 1);
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")).toInt(), 0);
    }
}

QTEST_GUILESS_MAIN(TestFeedbackStore)
#include "tst_feedback_store.moc"
