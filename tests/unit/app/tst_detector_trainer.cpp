// The Train button's model: trains a learned detector on a worker thread with progress, shows
// the cross-validated result, and puts the model into the document as one undoable edit.

#include "document/ladderdocument.h"
#include "editor/detectortrainer.h"
#include "labelled_set.h"
#include "store/audit_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ladder;

class TestDetectorTrainer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Twenty cases: proofs the light model gets wrong, poems both get right.
    QString labelledSet()
    {
        return ladder::test::writeLabelledSet(m_dir.filePath(QStringLiteral("labelled.jsonl")));
    }

    // A studio store with `cases` feedback cases: proofs need the strong tier, haikus do not.
    QString storeWithFeedback(const QString &name, int cases)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        AuditStore store;
        QString error;
        if (!store.open(path, &error))
            qFatal("%s", qPrintable(error));
        for (int i = 0; i < cases; ++i) {
            FeedbackCase c;
            c.sessionId = QStringLiteral("chat");
            c.turn = i + 1;
            c.needsStrong = i % 2 == 0;
            c.userText = c.needsStrong ? QStringLiteral("Prove the lemma number %1.").arg(i)
                                       : QStringLiteral("Write a haiku number %1.").arg(i);
            c.source = c.needsStrong ? FeedbackSource::ThumbsDown : FeedbackSource::ThumbsUp;
            if (!store.recordFeedback(c))
                qFatal("%s", qPrintable(store.lastError()));
        }
        return path;
    }

    static const Detector &listener(const LadderDocument &doc)
    {
        return doc.ladder().detectors.first();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTest"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void trainsIntoTheDocumentAsOneUndoableEdit()
    {
        LadderDocument doc;
        QVERIFY(
            doc.load(QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/learned-listener.json")));
        QVERIFY(!listener(doc).model);
        doc.selection()->select(QStringLiteral("detector:listener"));
        QCOMPARE(doc.inspector()->fields().value("detectorKind").toString(),
                 QStringLiteral("learned"));
        QVERIFY(doc.inspector()->fields().value("modelSummary").toString().contains("Untrained"));

        DetectorTrainer trainer;
        trainer.setDocument(&doc);
        trainer.setProperty("detectorId", QStringLiteral("listener"));
        trainer.setDatasetPath(QUrl::fromLocalFile(labelledSet()).toString());
        QSignalSpy finished(&trainer, &DetectorTrainer::finished);
        QSignalSpy progress(&trainer, &DetectorTrainer::progressChanged);
        const int undoBefore = doc.undoStack()->count();
        trainer.train();
        QVERIFY(trainer.running());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(!trainer.failed(), qPrintable(trainer.status()));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(trainer.progress(), 1.0);
        QVERIFY(trainer.result().contains("Held out (5-fold)"));

        QVERIFY(listener(doc).model);
        QCOMPARE(listener(doc).model->trained.value("turns").toInt(), 20);
        QVERIFY(listener(doc).model->probability("Prove the theorem number 99.") >
                listener(doc).model->probability("Write a poem number 99."));
        QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
        QVERIFY(doc.inspector()->fields().value("modelSummary").toString().contains("AUC"));
        QVERIFY(doc.inspector()->fields().value("trained").toBool());

        doc.undo();
        QVERIFY(!listener(doc).model);
    }

    void trainsOnTheFeedbackCasesOfTheStudiosStore_data()
    {
        QTest::addColumn<int>("cases"); // -1: no store
        QTest::addColumn<bool>("withDataset");
        QTest::addColumn<bool>("untick");
        QTest::addColumn<int>("trainedTurns"); // 0: Train is not possible
        QTest::addColumn<QString>("result");
        QTest::newRow("no store") << -1 << false << false << 0 << "";
        QTest::newRow("a store without cases") << 0 << false << false << 0 << "";
        QTest::newRow("cases alone")
            << 12 << false << false << 12 << "12 feedback cases from your chats";
        QTest::newRow("cases and a data set")
            << 12 << true << false << 32 << "Of them, 12 are feedback cases";
        QTest::newRow("cases unticked") << 12 << true << true << 20 << "20 turns of";
    }

    void trainsOnTheFeedbackCasesOfTheStudiosStore()
    {
        QFETCH(int, cases);
        QFETCH(bool, withDataset);
        QFETCH(bool, untick);
        QFETCH(int, trainedTurns);
        QFETCH(QString, result);
        LadderDocument doc;
        QVERIFY(
            doc.load(QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/learned-listener.json")));
        DetectorTrainer trainer;
        trainer.setDocument(&doc);
        trainer.setProperty("detectorId", QStringLiteral("listener"));
        const QString store =
            cases < 0 ? QString()
                      : storeWithFeedback(QString::fromLatin1(QTest::currentDataTag()), cases);
        trainer.setFeedbackPath(store);
        // The inspector's line: "N feedback cases from your chats", ticked when N > 0.
        QCOMPARE(trainer.feedbackCount(), std::max(cases, 0));
        QCOMPARE(trainer.useFeedback(), cases > 0);
        if (untick)
            trainer.setUseFeedback(false);
        if (withDataset)
            trainer.setDatasetPath(labelledSet());
        QCOMPARE(trainer.canTrain(), trainedTurns > 0);
        if (trainedTurns == 0)
            return;
        QSignalSpy finished(&trainer, &DetectorTrainer::finished);
        trainer.train();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(trainer.status()));
        QCOMPARE(listener(doc).model->trained.value("turns").toInt(), trainedTurns);
        QCOMPARE(listener(doc).model->trained.contains("feedback"), !untick);
        QVERIFY2(trainer.result().contains(result), qPrintable(trainer.result()));
        QVERIFY(listener(doc).model->probability("Prove the lemma number 99.") >
                listener(doc).model->probability("Write a haiku number 99."));
    }

    void countsNewFeedbackWhenRefreshed()
    {
        const QString path = storeWithFeedback(QStringLiteral("growing"), 2);
        DetectorTrainer trainer;
        trainer.setFeedbackPath(path);
        QCOMPARE(trainer.feedbackCount(), 2);
        {
            AuditStore store;
            QVERIFY(store.open(path));
            FeedbackCase c;
            c.sessionId = QStringLiteral("later");
            c.turn = 1;
            c.userText = QStringLiteral("Regenerated on a stronger tier");
            c.needsStrong = true;
            c.source = FeedbackSource::RegenerateStronger;
            QVERIFY(store.recordFeedback(c));
        }
        QSignalSpy changed(&trainer, &DetectorTrainer::feedbackChanged);
        trainer.refreshFeedback();
        QCOMPARE(trainer.feedbackCount(), 3);
        QCOMPARE(changed.count(), 1);
    }

    void aBadDataSetLeavesTheDetectorAlone()
    {
        LadderDocument doc;
        QVERIFY(
            doc.load(QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/learned-listener.json")));
        DetectorTrainer trainer;
        trainer.setDocument(&doc);
        trainer.setProperty("detectorId", QStringLiteral("listener"));
        trainer.setDatasetPath(m_dir.filePath(QStringLiteral("missing.jsonl")));
        QSignalSpy finished(&trainer, &DetectorTrainer::finished);
        trainer.train();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(trainer.failed());
        QVERIFY(trainer.status().contains("missing.jsonl"));
        QVERIFY(!listener(doc).model);
    }
};

QTEST_MAIN(TestDetectorTrainer)
#include "tst_detector_trainer.moc"
