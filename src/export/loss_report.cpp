#include "loss_report.h"

#include "core/ladder_json.h"
#include "loss_text.h"

#include <QJsonObject>

namespace ladder {

using namespace Qt::StringLiterals;

namespace Internal {

QString code(const QString &s)
{
    return u"`"_s + s + u"`"_s;
}

QString names(const QStringList &list)
{
    QStringList out;
    for (const QString &s : list)
        out << code(s);
    return out.join(u", "_s);
}

QString LossTarget::gateway() const
{
    return liteLlm() ? u"LiteLLM"_s : u"the Portkey gateway"_s;
}

QString LossTarget::gatewaySentence() const
{
    return liteLlm() ? u"LiteLLM"_s : u"The Portkey gateway"_s;
}

QString LossTarget::pick(const QString &tier) const
{
    return liteLlm() ? u"`model: %1`"_s.arg(tier) : u"`metadata.tier: \"%1\"`"_s.arg(tier);
}

QString LossTarget::transitionRef(int i) const
{
    const Transition &t = plan.ladder.transitions[i];
    return u"`/transitions/%1` (%2)"_s.arg(i).arg(code(t.id));
}

QString LossTarget::target(const Transition &t) const
{
    return t.to.isEmpty() ? u"the tier it escalated from"_s : code(t.to);
}

} // namespace Internal

namespace {

using Internal::code;
using Internal::names;

// Writes the report's sentences for one target.
class Writer
{
public:
    Writer(const ExportPlan &plan, ExportFormat format)
        : m_plan(plan)
        , m_format(format)
        , m_ladder(plan.ladder)
        , m_target{plan, format}
    {}

    LossReport run()
    {
        m_report.format = m_format;
        m_report.ladderName = m_ladder.name;
        stepDowns();
        triggers();
        classification();
        postTurn();
        escalateTools();
        returnAfter();
        failovers();
        memory();
        history();
        systemPrompts();
        cache();
        m_report.items << routerSignalLosses(m_target);
        cooldown();
        keys();
        m_report.notes << u"Provider timeouts (connect, first token, idle) are not exported: the "
                          u"gateway's own timeouts apply."_s;
        m_report.notes << u"Tier labels, colours, descriptions and the editor layout do not route "
                          u"requests and have no place in a gateway config."_s;
        return m_report;
    }

private:
    bool liteLlm() const { return m_target.liteLlm(); }
    QString gateway() const { return m_target.gateway(); }
    QString pick(const QString &tier) const { return m_target.pick(tier); }
    QString byDefault() const
    {
        return liteLlm() ? u"a request for the model `%1` (an alias) gets %2"_s.arg(
                               exportSlug(m_ladder.name), code(m_plan.defaultTier))
                         : u"%1 answers every request without `metadata.tier`"_s.arg(
                               code(m_plan.defaultTier));
    }
    QString transitionRef(int i) const { return m_target.transitionRef(i); }
    QString target(const Transition &t) const { return m_target.target(t); }
    void add(const QString &feature, const QString &where, const QString &instead)
    {
        m_report.items << LossItem{feature, where, instead};
    }

    void stepDowns()
    {
        for (int i = 0; i < m_ladder.transitions.size(); ++i) {
            const Transition &t = m_ladder.transitions[i];
            if (t.condition.type != Condition::Type::AfterTurns)
                continue;
            add(u"Turn-count step-down"_s,
                u"%1: %2 → %3 after %4 turns"_s.arg(transitionRef(i), code(t.from), target(t))
                    .arg(t.condition.turns),
                u"%1 cannot count turns: %2, and the step-down from %3 to %4 after %5 turns is "
                u"lost. Send %6 for the first %5 turns yourself."_s.arg(
                    m_target.gatewaySentence(), byDefault(), code(t.from), target(t),
                    QString::number(t.condition.turns), pick(t.from)));
        }
    }

    void triggers()
    {
        for (int i = 0; i < m_ladder.transitions.size(); ++i) {
            const Transition &t = m_ladder.transitions[i];
            if (t.condition.type != Condition::Type::OnSignal)
                continue;
            QStringList signalNames;
            for (PreSignal s : t.condition.preSignals)
                if (s != PreSignal::Classification && s != PreSignal::ManualPick)
                    signalNames << toString(s);
            if (signalNames.isEmpty())
                continue; // classification is reported once per classifier; a manual pick is kept
            add(u"`on_signal` trigger"_s,
                u"%1: %2 → %3 on %4"_s.arg(transitionRef(i), code(t.from), target(t),
                                           names(signalNames)),
                u"No detector runs in %1: these turns stay on the tier the request names. When "
                u"your application sees such a turn, send %2 yourself."_s.arg(gateway(),
                                                                              pick(t.to)));
        }
    }

    void classification()
    {
        if (m_plan.routes.isEmpty())
            return;
        QStringList routes;
        QStringList ids;
        for (const ExportRoute &r : m_plan.routes) {
            routes << u"%1 → %2"_s.arg(r.labels.join(u" | "_s), code(r.tier));
            ids << r.transitionId;
        }
        QString classifier;
        for (int i = 0; i < m_ladder.detectors.size(); ++i) {
            const Detector &d = m_ladder.detectors[i];
            if (d.kind == Detector::Kind::Classifier) {
                classifier =
                    u"`/detectors/%1` (%2%3)"_s.arg(i)
                        .arg(code(d.id))
                        .arg(d.tier.isEmpty() ? QString() : u", listener tier "_s + code(d.tier));
                break;
            }
        }
        const QString where = u"%1 and the transitions %2: %3"_s.arg(
            classifier.isEmpty() ? u"the classification signal"_s : classifier, names(ids),
            routes.join(u", "_s));
        if (liteLlm()) {
            add(u"Classifier routing"_s, where,
                u"LiteLLM routes by model name only and the classifier does not run in it: the "
                u"caller classifies each request and sends the tier as `model` (%1)."_s.arg(
                    routes.join(u", "_s)));
        } else {
            add(u"Classifier routing"_s, where,
                u"Kept as `conditional` routing on `metadata.task` (default %1), but the "
                u"classifier does not run in the gateway: the caller classifies each request "
                u"and passes the label in the `x-portkey-metadata` header, "
                u"e.g. `{\"task\": \"%2\"}`."_s.arg(code(m_plan.defaultTier),
                                                    m_plan.routes.first().labels.first()));
        }
    }

    void postTurn()
    {
        for (int i = 0; i < m_ladder.transitions.size(); ++i) {
            const Transition &t = m_ladder.transitions[i];
            if (t.condition.type != Condition::Type::PostTurn)
                continue;
            QStringList what;
            for (PostSignal s : t.condition.postSignals) {
                switch (s) {
                case PostSignal::EscalateTool:
                    what << u"a call of the `escalate` tool"_s;
                    break;
                case PostSignal::Refusal:
                    what << u"the refusal token %1"_s.arg(
                        code(m_ladder.signalSettings.refusalToken));
                    break;
                case PostSignal::LowConfidence:
                    what << u"a `CONFIDENCE:` line below %1"_s.arg(t.condition.confidenceBelow);
                    break;
                case PostSignal::EmptyAnswer:
                    what << u"an empty answer (whitespace or a refusal boilerplate only)"_s;
                    break;
                case PostSignal::FormatViolation:
                    what << u"the answer's format (the tier's `response_schema` or "
                            u"`required_sections`, the memory's format contract)"_s;
                    break;
                case PostSignal::SelfCheckFailed:
                    what << u"the score of a `self_check` call"_s;
                    break;
                }
            }
            QStringList signalNames;
            for (PostSignal s : t.condition.postSignals)
                signalNames << toString(s);
            QString instead = u"%1 returns the first answer as it is: %2 is not read, and %3 "
                              u"does not answer the turn again."_s.arg(
                                  m_target.gatewaySentence(), what.join(u" or "_s), target(t));
            if (liteLlm() && t.condition.postSignals.contains(PostSignal::Refusal))
                instead += u" The nearest LiteLLM feature is exported: `content_policy_fallbacks` "
                           u"%1 → %2, which fires only when the provider itself rejects the "
                           u"request for its content policy."_s.arg(code(t.from), target(t));
            if (!liteLlm() && (t.condition.postSignals.contains(PostSignal::EmptyAnswer) ||
                               t.condition.postSignals.contains(PostSignal::FormatViolation)))
                instead += u" The nearest Portkey feature is not exported: an output guardrail on "
                           u"%1's target (`default.jsonSchema`, `default.regexMatch`, "
                           u"`default.characterCount`) with `deny: true` fails the request with "
                           u"status 446, and a `fallback` strategy on status 446 asks the next "
                           u"target; it cannot read the memory's format contract, and the "
                           u"discarded answer is not kept."_s.arg(code(t.from));
            add(u"Post-turn escalation"_s,
                u"%1: %2 → %3 on %4"_s.arg(transitionRef(i), code(t.from), target(t),
                                           names(signalNames)),
                instead);
        }
    }

    void escalateTools()
    {
        for (int i = 0; i < m_ladder.tiers.size(); ++i) {
            const Tier &t = m_ladder.tiers[i];
            if (!t.escalateTool)
                continue;
            add(u"The `escalate` tool"_s,
                u"`/tiers/%1/escalate_tool` (%2)"_s.arg(i).arg(code(t.id)),
                u"A gateway config cannot add a tool to requests: %1 is not offered "
                u"`escalate(reason, question)` and answers every request itself. Offer the tool "
                u"from your client and send the question again with %2 when it is called."_s.arg(
                    code(t.id), pick(escalationTarget(t.id))));
        }
    }

    QString escalationTarget(const QString &from) const
    {
        for (const Transition &t : m_ladder.transitions)
            if (t.condition.type == Condition::Type::PostTurn &&
                t.condition.postSignals.contains(PostSignal::EscalateTool) &&
                (t.from == from || t.from == u"*"_s))
                return t.to;
        return from;
    }

    void returnAfter()
    {
        for (int i = 0; i < m_ladder.transitions.size(); ++i) {
            const Transition &t = m_ladder.transitions[i];
            if (t.condition.type != Condition::Type::ReturnAfter)
                continue;
            add(u"`return_after`"_s,
                u"%1: %2 → %3 after %4 escalated turn(s)"_s
                    .arg(transitionRef(i), code(t.from), target(t))
                    .arg(t.condition.turns),
                u"Nothing escalates inside %1, so nothing returns: a request with %2 is answered "
                u"by %3, and the caller decides when to stop asking for it."_s.arg(
                    gateway(), pick(t.from), code(t.from)));
        }
    }

    void failovers()
    {
        for (const ExportFailover &f : m_plan.failovers) {
            QStringList kinds;
            QStringList noStatus;
            for (FailureKind k : f.failures) {
                kinds << toString(k);
                if (statusCodesFor(k).isEmpty())
                    noStatus << toString(k);
            }
            const QString where =
                u"`%1`: %2 → %3 when its whole fallback chain failed with %4"_s.arg(
                    f.transitionId, code(f.from), code(f.to), names(kinds));
            if (liteLlm()) {
                QString instead = u"%1 is appended to the `fallbacks` of %2, and LiteLLM falls "
                                  u"back on any error once its retries are spent, not only on "
                                  u"%3."_s.arg(code(f.to), code(f.from), names(kinds));
                if (f.failures.contains(FailureKind::BadRequest))
                    instead += u" `bad_request` is also exported as `context_window_fallbacks` "
                               u"%1 → %2, which LiteLLM uses for context-window errors only."_s.arg(
                                   code(f.from), code(f.to));
                add(u"`on_failure` edge"_s, where, instead);
            } else if (!noStatus.isEmpty()) {
                add(u"`on_failure` edge"_s, where,
                    u"Kept as a nested `fallback` on the statuses %1, but %2 have no HTTP "
                    u"status: the gateway moves on for them only when the call fails without a "
                    u"response."_s.arg(statusList(f.failures), names(noStatus)));
            }
        }
    }

    static QString statusList(const QList<FailureKind> &kinds)
    {
        QStringList out;
        for (int c : statusCodesFor(kinds))
            out << QString::number(c);
        return out.join(u", "_s);
    }

    void memory()
    {
        if (m_ladder.memory.inject == MemoryPolicy::Inject::Never || m_ladder.tiers.size() < 2)
            return;
        const QJsonObject m = toJson(m_ladder).value(u"memory"_s).toObject();
        add(u"Handoff memory injection"_s,
            u"`/memory`: inject %1, refresh %2, %3 tokens"_s.arg(
                code(m.value(u"inject"_s).toString()), code(m.value(u"refresh"_s).toString()),
                QString::number(m_ladder.memory.budgetTokens)),
            u"No handoff memory (goal, constraints, plan, decisions, ...) is written or "
            u"injected when the tier changes: each tier sees only the messages the caller "
            u"sends. Keep the conversation in your messages."_s);
    }

    void history()
    {
        if (m_ladder.tiers.size() < 2)
            return;
        switch (m_ladder.history.mode) {
        case HistoryPolicy::Mode::Full:
            return;
        case HistoryPolicy::Mode::CleanHandoff:
            add(u"Clean-handoff history"_s, u"`/history`: mode `clean_handoff`"_s,
                u"%1 forwards the caller's messages unchanged. The ladder shows each tier only "
                u"the user turns and the accepted answers, under its own system prompt: do the "
                u"same in your client (leave out an answer you had re-asked elsewhere and the "
                u"other tiers' system prompts)."_s.arg(m_target.gatewaySentence()));
            return;
        case HistoryPolicy::Mode::MemoryLastK:
            add(u"History window"_s,
                u"`/history`: mode `memory_last_k`, last %1 turns"_s.arg(m_ladder.history.lastK),
                u"%1 forwards every message the caller sends; trim the conversation to the last "
                u"%2 turns in your client."_s.arg(m_target.gatewaySentence(),
                                                  QString::number(m_ladder.history.lastK)));
            return;
        }
    }

    void systemPrompts()
    {
        QStringList tiers;
        for (const Tier &t : m_ladder.tiers)
            if (!t.systemPrompt.trimmed().isEmpty())
                tiers << t.id;
        if (tiers.isEmpty())
            return;
        add(u"Tier system prompts"_s, u"`/tiers/*/system_prompt` of %1"_s.arg(names(tiers)),
            u"A gateway config cannot put a system message in front of the caller's messages: "
            u"send the tier's system prompt (it is in the ladder file) as the first message of "
            u"each request."_s);
    }

    void cache()
    {
        if (!m_ladder.cache.enabled)
            return;
        if (liteLlm())
            add(u"Response cache switch"_s, u"`/cache`: enabled"_s,
                u"Kept as `litellm_settings.cache: true` with LiteLLM's in-memory cache, but "
                u"LiteLLM answers any repeated identical request from it, not only "
                u"temperature-0 calls, and listener classifications are not cached because no "
                u"listener runs."_s);
        else
            add(u"Response cache switch"_s, u"`/cache`: enabled"_s,
                u"Kept as `cache: {\"mode\": \"simple\"}`, but the gateway answers any repeated "
                u"identical request from it, not only temperature-0 calls, and listener "
                u"classifications are not cached because no listener runs."_s);
    }

    void cooldown()
    {
        const RetryPolicy &r = m_plan.retry;
        if (liteLlm()) {
            m_report.notes << u"Kept: %1 retries per model (`num_retries`), a model cooled down "
                              u"after %2 failures (`allowed_fails`) for %3 s (`cooldown_time`)."_s
                                  .arg(r.maxRetriesPerModel)
                                  .arg(r.cooldownAfterFailures)
                                  .arg(r.cooldownMs / 1000);
            return;
        }
        m_report.notes << u"Kept: %1 retries per model (`retry.attempts`) on the retryable "
                          u"statuses."_s.arg(r.maxRetriesPerModel);
        add(u"Cool-down of a failing model"_s,
            u"the engine's retry policy: after %1 failed calls a model is skipped for %2 s"_s
                .arg(r.cooldownAfterFailures)
                .arg(r.cooldownMs / 1000),
            u"Portkey configs have no cool-down: every request tries the tier's first model "
            u"again, then walks the fallback targets."_s);
    }

    void keys()
    {
        for (const QString &id : m_plan.keychainOnly) {
            QString env;
            for (const ExportTier &t : m_plan.tiers)
                for (const ResolvedModel &m : t.chain)
                    if (m.providerId == id)
                        env = m.keyEnv;
            add(u"Key in the OS keychain"_s, u"provider %1 (`keychain` only)"_s.arg(code(id)),
                u"A gateway reads keys from its environment: the export names %1; set it where "
                u"the gateway runs."_s.arg(code(env)));
        }
        for (const ExportTier &t : m_plan.tiers)
            for (const ResolvedModel &m : t.chain)
                if (m.kind == u"simulated"_s)
                    add(u"Simulated provider"_s, u"%1 (%2)"_s.arg(code(m.path), code(m.providerId)),
                        u"No gateway has the simulated provider: %1 is exported as an "
                        u"OpenAI-compatible model without an endpoint. Map the provider id to a "
                        u"real one with --providers FILE."_s.arg(code(m.model)));
    }

    const ExportPlan &m_plan;
    ExportFormat m_format;
    const Ladder &m_ladder;
    Internal::LossTarget m_target;
    LossReport m_report;
};

} // namespace

LossReport lossReport(const ExportPlan &plan, ExportFormat format, bool layoutDropped)
{
    if (format != ExportFormat::Json)
        return Writer(plan, format).run();
    LossReport report;
    report.format = format;
    report.ladderName = plan.ladder.name;
    if (layoutDropped)
        report.notes << u"The editor layout was left out on request (--no-layout); routing is "
                        u"unchanged."_s;
    return report;
}

QString LossReport::toMarkdown() const
{
    QString md = u"# Loss report: \"%1\" → %2\n\n"_s.arg(ladderName, exportFormatTitle(format));
    if (items.isEmpty()) {
        md += format == ExportFormat::Json
                  ? u"Nothing lost: the export is the canonical `ladder/1` document. `ladder "
                    u"validate` accepts it and it loads back unchanged.\n"_s
                  : u"Nothing lost: every feature of this ladder is expressed in the %1.\n"_s.arg(
                        exportFormatTitle(format));
    } else {
        md += u"%1 feature(s) of the ladder cannot be expressed in a %2. Each is listed with "
              u"what the export does instead; `ladder serve` runs the ladder with all of "
              u"them.\n"_s.arg(items.size())
                  .arg(exportFormatTitle(format));
        for (int i = 0; i < items.size(); ++i) {
            const LossItem &item = items[i];
            md += u"\n## %1. %2\n\n- In the ladder: %3\n- Instead: %4\n"_s.arg(i + 1).arg(
                item.feature, item.where, item.instead);
        }
    }
    if (!notes.isEmpty()) {
        md += u"\n## Notes\n\n"_s;
        for (const QString &n : notes)
            md += u"- "_s + n + u"\n"_s;
    }
    return md;
}

} // namespace ladder
