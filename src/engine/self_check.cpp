#include "self_check.h"

#include <QRegularExpression>

namespace ladder {

namespace {

// Few-shot, as AutoMix does: two short worked checks, then the one to grade.
const char kInstructions[] =
    "You check another assistant's answer before it is shown to the user. Decide whether the "
    "answer is correct, complete and follows the format the user asked for. Reply with one line "
    "\"SCORE: x\" where x is between 0 (wrong or incomplete) and 1 (certainly right), and nothing "
    "else.\n\n"
    "Example 1\nQuestion: What is 12 * 12?\nAnswer: 144\nSCORE: 1.0\n\n"
    "Example 2\nQuestion: Name the capital of Australia and its population.\n"
    "Answer: Sydney.\nSCORE: 0.1";

} // namespace

ChatRequest buildSelfCheckRequest(const Ladder &ladder, const Tier &answering,
                                  const SelfCheck &check, const QString &userText,
                                  const QString &answer)
{
    const Tier *checker = check.tier.isEmpty() ? nullptr : ladder.tier(check.tier);
    ChatRequest r;
    r.provider = checker ? checker->provider : answering.provider;
    r.model = checker ? checker->model : (check.model.isEmpty() ? answering.model : check.model);
    r.tierId = checker ? checker->id : answering.id;
    if (checker)
        r.params = checker->params;
    r.params.temperature = 0.0; // deterministic, so the response cache can serve repeats
    r.params.maxTokens = 16;
    const QString system = check.prompt.isEmpty() ? QString::fromUtf8(kInstructions) : check.prompt;
    r.messages = {{ChatMessage::Role::System, system, {}, {}, {}},
                  {ChatMessage::Role::User,
                   QStringLiteral("Question: %1\nAnswer: %2\nSCORE:").arg(userText, answer),
                   {},
                   {},
                   {}}};
    return r;
}

std::optional<double> parseSelfCheckScore(const QString &reply)
{
    static const QRegularExpression labelled(QStringLiteral("score\\s*[:=]?\\s*([0-9]*\\.?[0-9]+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(QStringLiteral("(?<![0-9.])([0-9]*\\.?[0-9]+)"));
    QRegularExpressionMatch m = labelled.match(reply);
    if (!m.hasMatch())
        m = number.match(reply);
    if (m.hasMatch()) {
        const double v = m.captured(1).toDouble();
        if (v >= 0 && v <= 1)
            return v;
        return std::nullopt; // "7" out of what? not a score we can read
    }
    static const QRegularExpression yes(QStringLiteral("^\\W*(yes|correct)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression no(QStringLiteral("^\\W*(no|incorrect|wrong)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    if (yes.match(reply).hasMatch())
        return 1.0;
    if (no.match(reply).hasMatch())
        return 0.0;
    return std::nullopt;
}

} // namespace ladder
