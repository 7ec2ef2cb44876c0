#pragma once

// The Train button of a learned detector's inspector: imports a data set of recorded answers,
// cross-validates the listener (K folds) and trains it on all turns on a worker thread, with
// progress, then writes the model into the document as one undoable edit.
//
// The cheap and strong answerers are the ladder's cheapest and most expensive tiers' models
// when the data set recorded them (the replay ladders), else its answerers with the lowest and
// highest recorded quality.

#include "document/ladderdocument.h"
#include "eval/listener_trainer.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace ladder {

class DetectorTrainer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::LadderDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString detectorId MEMBER m_detectorId NOTIFY documentChanged)
    Q_PROPERTY(QString datasetPath READ datasetPath WRITE setDatasetPath NOTIFY datasetChanged)
    Q_PROPERTY(int folds MEMBER m_folds NOTIFY datasetChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString result READ result NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
public:
    explicit DetectorTrainer(QObject *parent = nullptr);
    ~DetectorTrainer() override;

    LadderDocument *document() const { return m_document; }
    void setDocument(LadderDocument *document);
    QString datasetPath() const { return m_datasetPath; }
    void setDatasetPath(const QString &pathOrUrl);
    bool running() const { return m_thread != nullptr; }
    double progress() const { return m_progress; }
    QString status() const { return m_status; }
    QString result() const { return m_result; }
    bool failed() const { return m_failed; }

    Q_INVOKABLE void train();
    Q_INVOKABLE void cancel();
    // Blocks until a running training ends (tests, closing).
    void wait();

signals:
    void documentChanged();
    void datasetChanged();
    void runningChanged();
    void progressChanged();
    void statusChanged();
    void finished(bool ok);

private:
    struct Outcome;
    void finish(const std::shared_ptr<Outcome> &outcome);
    void setStatus(const QString &status, const QString &result, bool failed);

    QPointer<LadderDocument> m_document;
    QString m_detectorId;
    QString m_datasetPath;
    int m_folds = 5;
    double m_progress = 0;
    QString m_status;
    QString m_result;
    bool m_failed = false;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ladder
