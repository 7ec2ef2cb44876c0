#include "prompt_builder.h"

namespace ladder {

namespace {

void appendTurn(QList<ChatMessage> &out, const TurnRecord &t, bool withDiscarded)
{
    if (t.failed)
        return; // a failed turn has no answer; its text is resent by the user if they want
    out.append({ChatMessage::Role::User, t.userText, {}, {}, {}});
    if (withDiscarded)
        out.append(t.discarded);
    out.append({ChatMessage::Role::Assistant, t.answer, {}, {}, {}});
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
