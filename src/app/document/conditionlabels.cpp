#include "conditionlabels.h"

#include "graph.h"

#include <QCoreApplication>

namespace ladder {

namespace {

// Translation context of the graph's labels.
class Graph
{
    Q_DECLARE_TR_FUNCTIONS(Graph)
};

// Long signal lists are shortened so edge labels stay readable on the canvas.
QString joinShort(const QStringList &parts, const QString &separator)
{
    if (parts.size() <= 2)
        return parts.join(separator);
    return parts.mid(0, 2).join(QStringLiteral(", ")) +
           QStringLiteral(" +%1").arg(parts.size() - 2);
}

} // namespace

QString conditionLabel(const Condition &c)
{
    const QString orWord = Graph::tr(" or ");
    switch (c.type) {
    case Condition::Type::AfterTurns:
        return c.turns == 1 ? Graph::tr("after 1 turn") : Graph::tr("after %1 turns").arg(c.turns);
    case Condition::Type::ReturnAfter:
        return c.turns == 1 ? Graph::tr("return after 1 turn")
                            : Graph::tr("return after %1 turns").arg(c.turns);
    case Condition::Type::OnSignal: {
        QStringList parts;
        for (PreSignal s : c.preSignals) {
            if (s == PreSignal::Classification && !c.labels.isEmpty())
                parts.append(Graph::tr("label %1").arg(c.labels.join(QStringLiteral(", "))));
            else
                parts.append(signalLabel(s));
        }
        if (parts.isEmpty())
            return Graph::tr("on signal");
        return Graph::tr("on %1").arg(joinShort(parts, orWord));
    }
    case Condition::Type::PostTurn: {
        QStringList parts;
        for (PostSignal s : c.postSignals) {
            if (s == PostSignal::LowConfidence)
                parts.append(Graph::tr("confidence < %1").arg(c.confidenceBelow));
            else if (s == PostSignal::Refusal)
                parts.append(Graph::tr("on refusal"));
            else
                parts.append(signalLabel(s));
        }
        return parts.isEmpty() ? Graph::tr("after answer") : joinShort(parts, orWord);
    }
    case Condition::Type::OnFailure: {
        QStringList parts;
        for (FailureKind k : c.failures)
            parts.append(failureLabel(k));
        if (parts.isEmpty())
            return Graph::tr("on failure");
        return Graph::tr("on %1").arg(joinShort(parts, orWord));
    }
    }
    return {};
}

QStringList listeningDetectors(const Ladder &ladder, const Transition &transition)
{
    const Condition &c = transition.condition;
    QStringList keys;
    if (c.type != Condition::Type::OnSignal)
        return keys;
    for (const Detector &d : ladder.detectors) {
        bool feeds = false;
        if (d.kind == Detector::Kind::Lexicon || d.kind == Detector::Kind::Learned) {
            feeds = c.preSignals.contains(d.signal);
        } else if (c.preSignals.contains(PreSignal::Classification)) {
            feeds = c.labels.isEmpty() ||
                    std::any_of(d.labels.cbegin(), d.labels.cend(),
                                [&c](const auto &label) { return c.labels.contains(label.first); });
        }
        const QString key = nodeKey(NodeKind::Detector, d.id);
        if (feeds && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace ladder
