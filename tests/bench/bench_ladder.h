#pragma once

// The big ladders the studio benchmarks open: `tierCount` tiers and `transitionCount` mostly
// forward transitions between them, no `layout` section (the studio lays them out), seeded so
// every run sees the same file. `descriptionBytes` > 0 gives the ladder and its first tier a
// description of that many bytes (several paragraphs of words), as large pasted specs are.

#include "core/ladder_json.h"

#include <QRandomGenerator>

namespace ladder::bench {

inline QString longText(qsizetype bytes)
{
    static const QString words = QStringLiteral(
        "The strong model frames the problem and the light model executes the plan; a hard turn "
        "goes back up, a failure walks the fallback chain and the handoff memory is injected "
        "at every switch. ");
    QString text;
    text.reserve(bytes + words.size());
    int sentence = 0;
    while (text.size() < bytes) {
        text += words;
        if (++sentence % 8 == 0)
            text += QStringLiteral("\n\n");
    }
    text.truncate(bytes);
    return text;
}

inline QByteArray generateLadder(int tierCount, int transitionCount, qsizetype descriptionBytes = 0)
{
    static const char *models[] = {"gpt-5.4", "gpt-5-mini", "claude-sonnet-4-6", "claude-haiku-4-5",
                                   "gpt-5-nano"};
    static const char *providers[] = {"openai", "openai", "anthropic", "anthropic", "openai"};
    QRandomGenerator rng(42);
    Ladder l;
    l.name = QStringLiteral("Benchmark ladder");
    for (int i = 0; i < tierCount; ++i) {
        Tier t;
        t.id = QStringLiteral("tier%1").arg(i);
        t.label = QStringLiteral("Tier %1").arg(i);
        t.role = i % 3 == 0 ? QStringLiteral("strong") : QStringLiteral("light");
        const int m = int(rng.bounded(5));
        t.model = QString::fromLatin1(models[m]);
        t.provider = QString::fromLatin1(providers[m]);
        if (i % 4 == 0)
            t.fallback.append({{}, QStringLiteral("gpt-5-nano")});
        l.tiers.append(t);
    }
    if (descriptionBytes > 0) {
        l.description = longText(descriptionBytes);
        if (!l.tiers.isEmpty())
            l.tiers.first().description = l.description;
    }
    l.entry = l.tiers.first().id;
    for (int i = 0; i < transitionCount && tierCount > 1; ++i) {
        Transition t;
        t.id = QStringLiteral("t%1").arg(i + 1);
        // Mostly forward edges from a tier to one of the next few, like real ladders.
        const int from = int(rng.bounded(tierCount));
        int to = (from + 1 + int(rng.bounded(6))) % tierCount;
        if (to == from)
            to = (from + 1) % tierCount;
        t.from = l.tiers[from].id;
        t.to = l.tiers[to].id;
        switch (i % 4) {
        case 0:
            t.condition.type = Condition::Type::AfterTurns;
            t.condition.turns = 1 + int(rng.bounded(3));
            break;
        case 1:
            t.condition.type = Condition::Type::OnSignal;
            t.condition.preSignals = {PreSignal::HighStakes};
            break;
        case 2:
            t.condition.type = Condition::Type::PostTurn;
            t.condition.postSignals = {PostSignal::EscalateTool};
            break;
        default:
            t.condition.type = Condition::Type::OnFailure;
            t.condition.failures = {FailureKind::RateLimited};
            break;
        }
        l.transitions.append(t);
    }
    return toCanonicalJson(l);
}

} // namespace ladder::bench
