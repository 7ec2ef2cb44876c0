#include "switch_cost.h"

#include "core/token_estimate.h"

namespace ladder {

namespace {

QString usd(double v)
{
    return QStringLiteral("$%1").arg(v, 0, 'f', v != 0 && v < 0.01 ? 6 : 4);
}

// One turn on `price` with the prefix read from its prompt cache.
double warmTurnUsd(const ModelPrice &price, const ConversationShape &shape)
{
    TokenUsage usage;
    usage.inputTokens = shape.prefixTokens + shape.newInputTokens;
    usage.cachedTokens = shape.prefixTokens;
    usage.outputTokens = shape.outputTokens;
    return costOf(price, usage);
}

} // namespace

ConversationShape conversationShape(const QList<TurnRecord> &turns, const Tier &current)
{
    ConversationShape shape;
    shape.prefixTokens = estimateTokens(current.systemPrompt.size());
    qint64 userTokens = 0;
    qint64 answerTokens = 0;
    int answered = 0;
    for (const TurnRecord &t : turns) {
        if (t.failed)
            continue;
        const qint64 u = estimateTokens(t.userText.size());
        const qint64 a = estimateTokens(t.answer.size());
        shape.prefixTokens += u + a;
        userTokens += u;
        answerTokens += a;
        ++answered;
    }
    if (answered > 0) {
        shape.newInputTokens = userTokens / answered;
        shape.outputTokens = answerTokens / answered;
    }
    return shape;
}

SwitchWeighing weighSwitch(const QString &fromTier, const std::optional<ModelPrice> &from,
                           const QString &toTier, const std::optional<ModelPrice> &to,
                           const ConversationShape &shape, int turns)
{
    SwitchWeighing w;
    if (!from || !to) {
        w.reason = QStringLiteral("switch_cost: %1 to %2 taken, no price to weigh it by")
                       .arg(fromTier, toTier);
        return w;
    }
    const double saving = (warmTurnUsd(*from, shape) - warmTurnUsd(*to, shape)) * turns;
    const double loss = forfeitedCacheUsd(*to, shape.prefixTokens);
    w.pays = saving > loss;
    w.reason = QStringLiteral("switch_cost: %1 to %2 %3: saves %4 over %5 turns, loses %6 of "
                              "prompt cache on the %7-token prefix")
                   .arg(fromTier, toTier,
                        w.pays ? QStringLiteral("pays") : QStringLiteral("skipped"), usd(saving))
                   .arg(turns)
                   .arg(usd(loss))
                   .arg(shape.prefixTokens);
    return w;
}

} // namespace ladder
