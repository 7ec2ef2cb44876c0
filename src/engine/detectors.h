#pragma once

// Offline detectors: the ladder's lexicons and classifiers, compiled once, run on each user turn.

#include "core/ladder.h"
#include "router.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace ladder {

struct DetectorHit {
    QString detectorId;
    PreSignal signal = PreSignal::HighStakes;
    QString matched; // the text that matched, or the label for a classifier
};

struct Detection {
    TurnSignals raised;
    QList<DetectorHit> hits;
    // "high_stakes (stakes: \"legal\")" for the first hit of `signal`, for event reasons.
    QString explain(PreSignal signal) const;
};

class DetectorSet
{
public:
    explicit DetectorSet(const Ladder &ladder);
    Detection detect(const QString &userText) const;

private:
    struct Lexicon {
        QString id;
        PreSignal signal;
        QList<QRegularExpression> patterns;
    };
    struct Classifier {
        QString id;
        QList<QPair<QString, QList<QRegularExpression>>> labels;
        QString defaultLabel;
    };
    QList<Lexicon> m_lexicons;
    QList<Classifier> m_classifiers;
};

} // namespace ladder
