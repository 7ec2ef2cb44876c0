#include "prompt_builder.h"

#include <QRegularExpression>

namespace ladder {

namespace {

void appendTurn(QList<ChatMessage> &out, const TurnRecord &t, bool withDiscarded)
{
    // The user said it, even when no answer came (a failed or cancelled turn): the text stays in
    // the context, with no assistant message after it (the providers merge consecutive user
    // messages where their API wants alternating roles).
    out.append({ChatMessage::Role::User, t.userText, {}, {}, {}});
    if (t.failed)
        return;
    if (withDiscarded)
        out.append(t.discarded);
    out.append({ChatMessage::Role::Assistant, t.answer, {}, {}, t.answerProviderData});
}

} // namespace

BuiltPrompt buildPrompt(const PromptInputs &in)
{
    BuiltPrompt out;
    ChatRequest &r = out.request;
    const Tier &tier = *in.tier;
    r.provider = tier.provider;
    r.model = tier.model;
    r.params = tier.params;
    r.tierId = tier.id;

    const HistoryPolicy &history = in.ladder->history;
    const qsizetype total = in.history->size();
    qsizetype first = 0;
    if (history.mode == HistoryPolicy::Mode::MemoryLastK)
        first = std::max<qsizetype>(0, total - history.lastK);

    const MemoryPolicy &memory = in.ladder->memory;
    bool inject = false;
    switch (memory.inject) {
    case MemoryPolicy::Inject::OnSwitch:
        inject = in.tierChanged;
        break;
    case MemoryPolicy::Inject::EveryTurn:
        inject = true;
        break;
    case MemoryPolicy::Inject::Never:
        break;
    }
    // Turns dropped from the history live on only in the memory.
    if (memory.inject != MemoryPolicy::Inject::Never && first > 0)
        inject = true;
    if (inject)
        out.injectedMemory = in.memory->render(memory.budgetTokens, memory.fields);

    QString system = tier.systemPrompt;
    if (!out.injectedMemory.isEmpty())
        system += (system.isEmpty() ? QString() : QStringLiteral("\n\n")) + out.injectedMemory;
    if (!system.isEmpty())
        r.messages.append({ChatMessage::Role::System, system, {}, {}, {}});

    const bool withDiscarded = history.mode == HistoryPolicy::Mode::Full;
    r.messages.reserve(r.messages.size() + 2 * (total - first) + 1);
    for (qsizetype i = first; i < total; ++i)
        appendTurn(r.messages, (*in.history)[i], withDiscarded);
    r.messages.append({ChatMessage::Role::User, in.userText, {}, {}, {}});

    if (tier.escalateTool)
        r.tools.append(escalateToolSpec());
    return out;
}

ChatRequest buildClassifierRequest(const Tier &listener, const QStringList &labels,
                                   const QString &userText)
{
    ChatRequest r;
    r.provider = listener.provider;
    r.model = listener.model;
    r.tierId = listener.id;
    r.params = listener.params;
    r.params.temperature = 0.0; // deterministic, so the response cache can serve repeats
    if (!r.params.maxTokens)
        r.params.maxTokens = 8;
    QString system = listener.systemPrompt;
    if (!system.isEmpty())
        system += QStringLiteral("\n\n");
    system += QStringLiteral("Classify the user's message. Answer with exactly one label from "
                             "this list and nothing else: %1")
                  .arg(labels.join(QStringLiteral(", ")));
    r.messages = {{ChatMessage::Role::System, system, {}, {}, {}},
                  {ChatMessage::Role::User, userText, {}, {}, {}}};
    return r;
}

QString parseLabel(const QString &answer, const QStringList &labels, const QString &fallback)
{
    const QString text = answer.toLower();
    qsizetype best = -1;
    QString found = fallback;
    for (const QString &label : labels) {
        static const QString boundary = QStringLiteral("(?<![a-z0-9_])%1(?![a-z0-9_])");
        const QRegularExpression re(boundary.arg(QRegularExpression::escape(label.toLower())));
        const QRegularExpressionMatch m = re.match(text);
        if (m.hasMatch() && (best < 0 || m.capturedStart() < best)) {
            best = m.capturedStart();
            found = label;
        }
    }
    return found;
}

ChatRequest buildSummaryRequest(const Tier &tier, const QList<TurnRecord> &history,
                                const HandoffMemory &memory)
{
    ChatRequest r;
    r.provider = tier.provider;
    r.model = tier.model;
    r.tierId = tier.id;
    r.params.temperature = 0.0;
    QString system = QStringLiteral(
        "Summarise the conversation so far for the model that continues it. Answer with only a "
        "<handoff> block, one `field: value` line or `- item` list per field, `none` when empty:\n"
        "<handoff>\ngoal:\nconstraints:\nnon_goals:\nassumptions:\nplan:\n"
        "format_contract:\ndecisions:\nopen_questions:\nunknowns:\n</handoff>\n"
        "Keep every constraint and decision the user stated; invent nothing.");
    const QString current = memory.render(0);
    if (!current.isEmpty())
        system += QStringLiteral("\n\nThe memory so far:\n") + current;
    r.messages.append({ChatMessage::Role::System, system, {}, {}, {}});
    for (const TurnRecord &t : history)
        appendTurn(r.messages, t, false);
    r.messages.append({ChatMessage::Role::User,
                       QStringLiteral("Write the handoff block for the conversation above."),
                       {},
                       {},
                       {}});
    return r;
}

} // namespace ladder
