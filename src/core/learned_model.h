#pragma once

// The model of a learned detector: logistic regression over hashed word and character n-grams of
// the user's turn (and, optionally, of the earlier user turns of the conversation). The trainer
// (eval/listener_trainer.h) writes it, the engine's DetectorSet scores it before each turn.
//
// In the ladder document (docs/ladder-format.md, "Learned detector"):
//   "model": {"version": 1,
//             "features": {"hash_bits": 18, "word_ngrams": [1, 2], "char_ngrams": [3, 5],
//                          "context": false},
//             "bias": -0.41, "scale": 0.0123,
//             "weights": "<base64>",
//             "trained": {...free-form facts about the training run...}}
// `weights` is the sparse weight vector quantised to int8 (weight = q * scale), as a sequence of
// (LEB128 varint of the gap to the previous bucket index, one signed byte q) pairs, in increasing
// bucket order, base64-encoded.

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ladder {

inline constexpr int kLearnedModelVersion = 1;

struct LearnedFeatures {
    int hashBits = 18; // 2^hashBits buckets; 8..24
    int wordMin = 1;   // word n-grams, n in [wordMin, wordMax]; 0 0 for none
    int wordMax = 2;
    int charMin = 3; // character n-grams (inside the space-joined lower-case words)
    int charMax = 5;
    bool context = false; // also the words of the earlier user turns (their own namespace)
    bool operator==(const LearnedFeatures &) const = default;
};

struct LearnedModel {
    int version = kLearnedModelVersion;
    LearnedFeatures features;
    double bias = 0;
    double scale = 0;                     // weight = q * scale
    QList<QPair<quint32, qint8>> weights; // bucket -> quantised weight, by increasing bucket
    QJsonObject trained;                  // facts about the training run (data set, counts)
    bool operator==(const LearnedModel &) const = default;

    // The probability that the turn needs the strong tier.
    double probability(const QString &userText, const QStringList &earlierTurns = {}) const;
    double weight(quint32 bucket) const;
    // Quantises dense weights (one per bucket) into `weights` and `scale`, leaving out those
    // smaller than `pruneBelow` times the largest (0: only those that quantise to 0).
    void setWeights(const std::vector<float> &dense, double pruneBelow = 0);
};

// The hashed feature buckets of a text, sorted and unique; each has the value 1/sqrt(count).
std::vector<quint32> learnedFeatureBuckets(const LearnedFeatures &features, const QString &userText,
                                           const QStringList &earlierTurns = {});

// JSON (see above). Errors name the JSON path under `path` ("/detectors/2/model/weights").
QJsonObject learnedModelToJson(const LearnedModel &model);
struct LearnedModelIssue {
    QString path;
    QString message;
    bool warning = false; // unknown keys; every other issue makes the model unusable
};
std::optional<LearnedModel> learnedModelFromJson(const QJsonObject &object, const QString &path,
                                                 QList<LearnedModelIssue> *errors);

} // namespace ladder
