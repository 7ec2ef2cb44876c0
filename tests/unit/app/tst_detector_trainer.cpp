// The Train button's model: trains a learned detector on a worker thread with progress, shows
// the cross-validated result, and puts the model into the document as one undoable edit.

#include "document/ladderdocument.h"
#include "editor/detectortrainer.h"

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
        const QString path = m_dir.filePath(QStringLiteral("labelled.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        for (int i = 0; i < 20; ++i) {
            const bool hard = i % 2 == 0;
            const QJsonObject c{
                {"id", QStringLiteral("c%1").arg(i)},
                {"turns", QJsonArray{hard ? QStringLiteral("Prove the theorem number %1.").arg(i)
                                          : QStringLiteral("Write a poem number %1.").arg(i)}},
                {"answers", QJsonObject{{"gpt-4-1106-preview", QJsonArray{"a"}},
                                        {"mistralai/Mixtral-8x7B-Instruct-v0.1", QJsonArray{"b"}}}},
                {"labels",
                 QJsonObject{{"gpt-4-1106-preview", QJsonArray{true}},
                             {"mistralai/Mixtral-8x7B-Instruct-v0.1", QJsonArray{!hard}}}}};
            f.write(QJsonDocument(c).toJson(QJsonDocument::Compact) + '\n');
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
