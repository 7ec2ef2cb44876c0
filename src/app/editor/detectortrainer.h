#pragma once

// The Train button of a learned detector's inspector: imports a data set of recorded answers,
// cross-validates the listener (K folds) and trains it on all turns on a worker thread, with
// progress, then writes the model into the document as one undoable edit.
//
// The cheap and strong answerers are the ladder's cheapest and most expensive tiers' models
// when the data set recorded them (the replay ladders), else its answerers with the lowest and
// highest recorded quality.
//
// It also trains on the labelled cases of the user's chats (store/feedback_cases.h) kept in the
// studio's audit store (feedbackPath): feedbackCount says how many there are, useFeedback
// (on by default when there are any) adds them to the data set's turns, or trains on them
// alone when no data set is picked.

#include "document/ladderdocument.h"
#include "eval/listener_trainer.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

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
    Q_PROPERTY(QString feedbackPath READ feedbackPath WRITE setFeedbackPath NOTIFY feedbackChanged)
    Q_PROPERTY(int feedbackCount READ feedbackCount NOTIFY feedbackChanged)
    Q_PROPERTY(bool useFeedback READ useFeedback WRITE setUseFeedback NOTIFY feedbackChanged)
    Q_PROPERTY(bool canTrain READ canTrain NOTIFY canTrainChanged)
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
    QString feedbackPath() const { return m_feedbackPath; }
    void setFeedbackPath(const QString &path);
    int feedbackCount() const { return m_feedbackCount; }
    bool useFeedback() const { return m_useFeedback.value_or(m_feedbackCount > 0); }
    void setUseFeedback(bool use);
    bool canTrain() const;

    // Counts the feedback cases again (the inspector calls it when it shows).
    Q_INVOKABLE void refreshFeedback();

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
    void feedbackChanged();
    void canTrainChanged();

private:
    struct Outcome;
    struct Job;
    static void runJob(const Job &job, Outcome *outcome); // on the worker thread
    static std::optional<QList<eval::TrainingExample>>
    collectExamples(const Job &job, eval::TrainOptions *options, Outcome *outcome);
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
    QString m_feedbackPath;
    int m_feedbackCount = 0;
    std::optional<bool> m_useFeedback; // unset: on when there are cases
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ladder
