#pragma once

// The labelled cases of the user's chats (store/feedback_cases.h), read from an audit store as
// training examples for a learned listener: caseIndex -1, the turn's user text and earlier
// turns, the label; no recorded quality. `ladder train --feedback` and the detector
// inspector's Train button use them beside (or instead of) a data set.

#include "listener_trainer.h"

#include <QList>
#include <QString>

#include <optional>

namespace ladder::eval {

// nullopt with *error naming the file when it is missing or not an audit store.
std::optional<QList<TrainingExample>> feedbackExamples(const QString &auditPath, QString *error);

// The number of cases in the store, without reading them; -1 with *error on failure.
int feedbackCaseCount(const QString &auditPath, QString *error = nullptr);

} // namespace ladder::eval
