#include "detectors.h"

#include <algorithm>
#include <unordered_map>

namespace ladder {

QRegularExpression sharedPattern(const QString &pattern, QRegularExpression::PatternOptions options)
{
    // Copies of a QRegularExpression share its compiled (JIT) code, so a batch of sessions over
    // one ladder compiles each pattern once per thread instead of once per session.
    struct Key {
        QString pattern;
        int options;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key &k) const { return qHash(k.pattern) ^ size_t(k.options); }
    };
    thread_local std::unordered_map<Key, QRegularExpression, KeyHash> cache;
    const Key key{pattern, int(options)};
    const auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    if (cache.size() >= 2048)
        cache.clear();
    QRegularExpression re(pattern, options);
    if (re.isValid())
        re.optimize();
    cache.emplace(key, re);
    return re;
}

namespace {

QList<QRegularExpression> compile(const QStringList &patterns)
{
    QList<QRegularExpression> out;
    for (const QString &p : patterns) {
        const QRegularExpression re =
            sharedPattern(p, QRegularExpression::CaseInsensitiveOption |
                                 QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            continue; // validation reports bad patterns with their offset
        out.append(re);
    }
    return out;
}

QString firstMatch(const QList<QRegularExpression> &patterns, const QString &text)
{
    for (const QRegularExpression &re : patterns) {
        const QRegularExpressionMatch m = re.match(text);
        if (m.hasMatch())
            return m.captured(0);
    }
    return {};
}

} // namespace

QString Detection::explain(PreSignal signal) const
{
    for (const DetectorHit &h : hits) {
        if (h.signal == signal)
            return QStringLiteral("%1 (%2: \"%3\")").arg(toString(signal), h.detectorId, h.matched);
    }
    return toString(signal);
}

void Detection::setLabel(const QString &detectorId, const QString &label)
{
    raised.pre |= bit(PreSignal::Classification);
    raised.label = label;
    hits.removeIf([](const DetectorHit &h) { return h.signal == PreSignal::Classification; });
    hits.append({detectorId, PreSignal::Classification, label});
}

DetectorSet::DetectorSet(const Ladder &ladder)
{
    for (const Detector &d : ladder.detectors) {
        if (!d.enabled)
            continue;
        if (d.kind == Detector::Kind::Lexicon) {
            m_lexicons.append({d.id, d.signal, compile(d.patterns)});
        } else if (d.kind == Detector::Kind::Learned) {
            if (d.model)
                m_learned.append({d.id, d.signal, d.threshold, *d.model});
        } else {
            Classifier c{d.id, {}, d.defaultLabel};
            if (!d.tier.isEmpty() && !m_modelClassifier) {
                ModelClassifier m{d.id, d.tier, {}, d.defaultLabel};
                for (const auto &entry : d.labels)
                    m.labels.append(entry.first);
                if (!d.defaultLabel.isEmpty() && !m.labels.contains(d.defaultLabel))
                    m.labels.append(d.defaultLabel);
                m_modelClassifier = m;
            }
            for (const auto &[label, patterns] : d.labels)
                c.labels.append({label, compile(patterns)});
            m_classifiers.append(c);
        }
    }
}

bool DetectorSet::needsEarlierTurns() const
{
    return std::any_of(m_learned.begin(), m_learned.end(),
                       [](const Learned &l) { return l.model.features.context; });
}

Detection DetectorSet::detect(const QString &userText, const QStringList &earlierTurns) const
{
    Detection result;
    for (const Learned &l : m_learned) {
        if (result.raised.pre & bit(l.signal))
            continue;
        const double p = l.model.probability(userText, earlierTurns);
        if (p >= l.threshold) {
            result.raised.pre |= bit(l.signal);
            result.hits.append({l.id, l.signal, QStringLiteral("p=%1").arg(p, 0, 'f', 2)});
        }
    }
    for (const Lexicon &l : m_lexicons) {
        if (result.raised.pre & bit(l.signal))
            continue;
        const QString matched = firstMatch(l.patterns, userText);
        if (!matched.isEmpty()) {
            result.raised.pre |= bit(l.signal);
            result.hits.append({l.id, l.signal, matched});
        }
    }
    for (const Classifier &c : m_classifiers) {
        QString label = c.defaultLabel;
        for (const auto &[candidate, patterns] : c.labels) {
            if (!firstMatch(patterns, userText).isEmpty()) {
                label = candidate;
                break;
            }
        }
        if (label.isEmpty())
            continue;
        result.raised.pre |= bit(PreSignal::Classification);
        result.raised.label = label;
        result.hits.append({c.id, PreSignal::Classification, label});
        break; // one classification per turn: the first classifier decides
    }
    return result;
}

} // namespace ladder
