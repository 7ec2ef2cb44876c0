#pragma once

// The ladders one eval runs: the ladder itself with its tiers mapped to recorded answerers,
// the always:TIER baselines, the points of a sweep, and the recorded routers of a data set.
//
// A sweep `ID.FIELD=FROM:TO:STEP` sets a number in the ladder's JSON for each point: FIELD of the
// detector, transition (inside its "when") or tier (inside its "params") whose id is ID; or, for
// a detector whose patterns contain "{FIELD}", that placeholder in each pattern (so a lexicon
// `"^[\\s\\S]{{min_chars},}"` becomes a length threshold: "^[\\s\\S]{400,}").

#include "core/ladder.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ladder::eval {

struct SweepSpec {
    QString element; // a detector, transition or tier id
    QString field;
    double from = 0;
    double to = 0;
    double step = 1;
    QList<double> values() const;      // from, from + step, ... up to `to` (at most 200 points)
    QString label(double value) const; // "len.min_chars=400"
};
std::optional<SweepSpec> parseSweep(const QString &text, QString *error);
std::optional<Ladder> applySweep(const Ladder &ladder, const SweepSpec &sweep, double value,
                                 QString *error);

// TIER=ANSWERER: the tier answers from the replay provider with that recorded answerer.
bool applyMapping(Ladder *ladder, const QHash<QString, QString> &map, QString *error);
// The ladder reduced to one tier that answers every turn (no transitions, no detectors).
std::optional<Ladder> alwaysTier(const Ladder &ladder, const QString &tierId, QString *error);
// The model of the most expensive tier (input + output list price); empty when none is priced.
QString strongestModel(const Ladder &ladder);
QString cheapestModel(const Ladder &ladder);

struct Variant {
    QString name; // "framing", "always:strong", "len.min_chars=400", "martian"
    QString kind; // "ladder", "baseline", "sweep", "router"
    Ladder ladder;
    std::optional<double> sweepValue;
    QString priceAs; // routers: the model whose price bills their tokens (an upper bound)
    // Cross-validation (cross_validation.h): the ladder with models trained without fold k,
    // and each case's fold. A case runs on folds[caseFold[case]], never on a model that saw it.
    QList<Ladder> folds;
    QList<int> caseFold;
    const Ladder &ladderFor(int caseIndex) const
    {
        return folds.isEmpty() ? ladder : folds.at(caseFold.at(caseIndex));
    }
};

} // namespace ladder::eval
