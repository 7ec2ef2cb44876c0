#pragma once

// The texts the canvas writes on edges: a transition's condition, its signals and failure kinds,
// and the detectors that feed it.

#include "core/ladder.h"
#include "laddernames.h"

#include <QString>
#include <QStringList>

namespace ladder {

// Readable condition label: "after 2 turns", "on high stakes", "escalate tool", ...
QString conditionLabel(const Condition &condition);
// signalLabel(), failureLabel(): laddernames.h.

// The detectors a transition listens to, as node keys: lexicon detectors raising one of its
// on_signal signals, classifiers with one of its labels (any label when it names none).
QStringList listeningDetectors(const Ladder &ladder, const Transition &transition);

} // namespace ladder
