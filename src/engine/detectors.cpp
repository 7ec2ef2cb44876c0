#include "detectors.h"

namespace ladder {

namespace {

QList<QRegularExpression> compile(const QStringList &patterns)
{
    QList<QRegularExpression> out;
    for (const QString &p : patterns) {
        QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption |
                                     QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            continue; // validation reports bad patterns with their offset
        re.optimize();
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

Detection DetectorSet::detect(const QString &userText) const
{
    Detection result;
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
