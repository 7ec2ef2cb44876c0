#pragma once

// Offline detectors: the ladder's lexicons and classifiers, compiled once, run on each user turn.

#include "core/ladder.h"
#include "router.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace ladder {

// A compiled pattern shared by every caller on this thread (compiled and optimised once).
QRegularExpression sharedPattern(const QString &pattern,
                                 QRegularExpression::PatternOptions options = {});

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
    // Replaces the classification (a listener model decided it).
    void setLabel(const QString &detectorId, const QString &label);
};

class DetectorSet
{
public:
    explicit DetectorSet(const Ladder &ladder);
    // `earlierTurns`: the conversation's earlier user turns, for learned models that read them.
    Detection detect(const QString &userText, const QStringList &earlierTurns = {}) const;
    bool needsEarlierTurns() const;

    // The first classifier that names a listener tier, for model-based classification.
    struct ModelClassifier {
        QString id;
        QString tier;
        QStringList labels;
        QString defaultLabel;
    };
    const ModelClassifier *modelClassifier() const
    {
        return m_modelClassifier ? &*m_modelClassifier : nullptr;
    }

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
    struct Learned {
        QString id;
        PreSignal signal;
        double threshold;
        LearnedModel model;
    };
    QList<Lexicon> m_lexicons;
    QList<Learned> m_learned; // trained ones only: an untrained detector raises nothing
    QList<Classifier> m_classifiers;
    std::optional<ModelClassifier> m_modelClassifier;
};

} // namespace ladder
