#pragma once

// The labelled cases of the user's chats (store/feedback_cases.h), read from an audit store as
// training examples for a learned listener: caseIndex -1, the turn's user text and earlier
// turns, the label; no recorded quality. `ladder train --feedback` and the detector
// inspector's Train button use them beside (or instead of) a data set.

#include "dataset.h"
#include "listener_trainer.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ladder::eval {

// nullopt with *error naming the file when it is missing or not an audit store.
std::optional<QList<TrainingExample>> feedbackExamples(const QString &auditPath, QString *error);

// The number of cases in the store, without reading them; -1 with *error on failure.
int feedbackCaseCount(const QString &auditPath, QString *error = nullptr);

// What a learned listener trains on: a data set's labelled turns, the chats' feedback cases, or
// both (`ladder train` and the inspector's Train button).
struct TrainingSources {
    QString datasetPath;   // empty: no data set
    QString datasetFormat; // empty: told by the file
    QString feedbackPath;  // an audit store; empty: no feedback cases
    // Sets the answerers to compare once the set is read (empty: the options' stand).
    std::function<void(const Dataset &, TrainOptions *)> pickAnswerers;
};

struct TrainingSet {
    std::optional<Dataset> set; // none: feedback cases only
    QString name;               // the set's, or "chat feedback"
    int feedbackCases = 0;
    QList<TrainingExample> examples;
};

struct TrainingSetError {
    enum class Kind { Unreadable, NothingToTrainOn };
    Kind kind = Kind::Unreadable;
    bool inFeedback = false; // the feedback store's problem, not the data set's
    QString message;         // names the file
};

// nullopt with *error when a source cannot be read, or when no labelled turn comes of them.
std::optional<TrainingSet> trainingSet(const TrainingSources &sources, TrainOptions *options,
                                       TrainingSetError *error);

} // namespace ladder::eval
