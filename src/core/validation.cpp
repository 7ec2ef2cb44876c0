#include "validation.h"

#include "format_names.h"
#include "ladder_json.h"
#include "response_schema.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace ladder {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString escapePointerToken(QString token)
{
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QString at(const QString &path, const char *key)
{
    return path + QLatin1Char('/') + QLatin1String(key);
}
QString at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('/') + QString::number(index);
}

const QStringList &memoryFieldNames()
{
    static const QStringList names = nameList(kMemoryFieldNames);
    return names;
}

class Validator
{
public:
    Validator(const Ladder &ladder, const ValidationContext &context)
        : m_ladder(ladder)
        , m_context(context)
    {
        // Ladder::tier() searches the list: per transition and layout entry that made validating
        // (on every edit in the studio) quadratic in the tier count.
        m_tierById.reserve(ladder.tiers.size());
        for (const Tier &t : ladder.tiers) {
            if (!m_tierById.contains(t.id)) // the first of duplicate ids, like Ladder::tier()
                m_tierById.insert(t.id, &t);
        }
    }

    Diagnostics run()
    {
        checkFormat();
        checkTiers();
        checkEntry();
        checkTransitions();
        checkDetectors();
        checkReachability();
        checkPolicies();
        checkLayout();
        return m_diagnostics;
    }

private:
    void error(const QString &path, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Error, m_context.fileName, path, message});
    }
    void warning(const QString &path, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Warning, m_context.fileName, path, message});
    }

    void checkRegex(const QString &path, const QString &pattern)
    {
        if (pattern.isEmpty()) {
            warning(path, QStringLiteral("empty pattern: matches every message"));
            return;
        }
        const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            error(path, QStringLiteral("invalid regular expression %1: %2 at offset %3")
                            .arg(quoted(pattern), re.errorString())
                            .arg(re.patternErrorOffset()));
        }
    }

    void checkFormat()
    {
        if (m_ladder.format != QLatin1String(kFormatId)) {
            error(QStringLiteral("/format"),
                  QStringLiteral("unsupported format %1, expected %2")
                      .arg(quoted(m_ladder.format), quoted(QLatin1String(kFormatId))));
        }
    }

    void checkModel(const QString &path, const QString &provider, const QString &model,
                    bool providerGiven)
    {
        if (!m_context.knownProviders.contains(provider)) {
            // Reported once where the provider is named; its models cannot be priced either.
            if (providerGiven)
                error(at(path, "provider"),
                      QStringLiteral("unknown provider %1").arg(quoted(provider)));
            return;
        }
        if (model.isEmpty()) {
            error(at(path, "model"), QStringLiteral("empty model name"));
            return;
        }
        // A model without a price runs; its cost is reported as unknown, never as $0.
        if (m_context.pricing && !PricingTable::isFreeProvider(provider) &&
            !m_context.pricing->price(provider, model)) {
            warning(at(path, "model"),
                    QStringLiteral("no price for model %1: its cost is reported as unknown (give "
                                   "one in the providers file's \"prices\")")
                        .arg(quoted(model)));
        }
    }

    void checkTiers()
    {
        static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_-]*$"));
        if (m_ladder.tiers.isEmpty())
            error(QStringLiteral("/tiers"), QStringLiteral("expected at least one tier"));
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < m_ladder.tiers.size(); ++i) {
            const Tier &tier = m_ladder.tiers.at(i);
            const QString path = at(QStringLiteral("/tiers"), i);
            if (!idPattern.match(tier.id).hasMatch()) {
                error(at(path, "id"),
                      QStringLiteral("invalid tier id %1, expected [a-z][a-z0-9_-]*")
                          .arg(quoted(tier.id)));
            } else if (seen.contains(tier.id)) {
                error(at(path, "id"), QStringLiteral("duplicate tier id %1 (first at /tiers/%2)")
                                          .arg(quoted(tier.id))
                                          .arg(seen.value(tier.id)));
            } else {
                seen.insert(tier.id, i);
            }
            checkModel(path, tier.provider, tier.model, true);
            checkFallback(path, tier);
            for (const SchemaProblem &p :
                 checkSchema(tier.responseSchema, at(path, "response_schema")))
                error(p.path, p.message);
            checkGate(path, tier);
            if (tier.params.temperature &&
                (*tier.params.temperature < 0 || *tier.params.temperature > 2)) {
                error(path + QStringLiteral("/params/temperature"),
                      QStringLiteral("expected a number between 0 and 2"));
            }
            if (tier.params.maxTokens && *tier.params.maxTokens < 1) {
                error(path + QStringLiteral("/params/max_tokens"),
                      QStringLiteral("expected an integer >= 1"));
            }
            static const QRegularExpression colorPattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
            if (!tier.color.isEmpty() && !colorPattern.match(tier.color).hasMatch()) {
                error(
                    at(path, "color"),
                    QStringLiteral("invalid colour %1, expected #rrggbb").arg(quoted(tier.color)));
            }
        }
    }

    // required_sections and self_check: the quality gate's own settings on a tier.
    void checkGate(const QString &path, const Tier &tier)
    {
        for (qsizetype j = 0; j < tier.requiredSections.size(); ++j) {
            if (tier.requiredSections.at(j).trimmed().isEmpty())
                error(at(at(path, "required_sections"), j),
                      QStringLiteral("expected a section name"));
        }
        if (!tier.selfCheck)
            return;
        const SelfCheck &check = *tier.selfCheck;
        const QString checkPath = at(path, "self_check");
        if (!check.tier.isEmpty() && !check.model.isEmpty())
            error(checkPath, QStringLiteral("give \"tier\" or \"model\", not both"));
        if (!check.tier.isEmpty() && !this->tier(check.tier))
            error(at(checkPath, "tier"), QStringLiteral("unknown tier %1").arg(quoted(check.tier)));
        if (!(check.threshold > 0 && check.threshold <= 1))
            error(at(checkPath, "threshold"),
                  QStringLiteral("expected a number above 0 and at most 1"));
        const bool listened = std::any_of(
            m_ladder.transitions.begin(), m_ladder.transitions.end(), [&](const Transition &t) {
                return t.condition.type == Condition::Type::PostTurn &&
                       t.condition.postSignals.contains(PostSignal::SelfCheckFailed) &&
                       (t.from == QLatin1String("*") || t.from == tier.id);
            });
        if (!listened)
            warning(checkPath, QStringLiteral("no post_turn transition from %1 on "
                                              "self_check_failed: the check is never made")
                                   .arg(quoted(tier.id)));
    }

    // The chain (tier model, fallback 0, fallback 1, ...) must not name a model twice: a
    // repeated model would be retried after it already failed.
    void checkFallback(const QString &tierPath, const Tier &tier)
    {
        QHash<QPair<QString, QString>, QString> seen; // (provider, model) -> where
        seen.insert({tier.provider, tier.model}, at(tierPath, "model"));
        for (qsizetype j = 0; j < tier.fallback.size(); ++j) {
            const ModelRef &ref = tier.fallback.at(j);
            const QString path = at(at(tierPath, "fallback"), j);
            const QString provider = ref.provider.isEmpty() ? tier.provider : ref.provider;
            checkModel(path, provider, ref.model, !ref.provider.isEmpty());
            const QPair<QString, QString> key{provider, ref.model};
            if (seen.contains(key)) {
                const QString first = seen.value(key);
                if (first == at(tierPath, "model")) {
                    error(path, QStringLiteral("fallback cycle: %1 is the tier's own model")
                                    .arg(quoted(ref.model)));
                } else {
                    error(path, QStringLiteral("fallback cycle: %1 already appears at %2")
                                    .arg(quoted(ref.model), first));
                }
                continue;
            }
            seen.insert(key, path);
        }
    }

    void checkEntry()
    {
        if (m_ladder.entry.isEmpty())
            error(QStringLiteral("/entry"), QStringLiteral("no entry tier"));
        else if (!tier(m_ladder.entry))
            error(QStringLiteral("/entry"),
                  QStringLiteral("unknown tier %1").arg(quoted(m_ladder.entry)));
    }

    QSet<QString> classifierLabels() const
    {
        QSet<QString> labels;
        for (const Detector &d : m_ladder.detectors) {
            if (d.kind != Detector::Kind::Classifier)
                continue;
            for (const auto &label : d.labels)
                labels.insert(label.first);
            if (!d.defaultLabel.isEmpty())
                labels.insert(d.defaultLabel);
        }
        return labels;
    }

    void checkTransitions()
    {
        const QSet<QString> labels = classifierLabels();
        QSet<QString> ids;
        for (qsizetype i = 0; i < m_ladder.transitions.size(); ++i) {
            const Transition &t = m_ladder.transitions.at(i);
            const QString path = at(QStringLiteral("/transitions"), i);
            const Condition &c = t.condition;
            const QString when = at(path, "when");
            if (!t.id.isEmpty() && ids.contains(t.id))
                error(at(path, "id"),
                      QStringLiteral("duplicate transition id %1").arg(quoted(t.id)));
            ids.insert(t.id);
            if (t.from != QLatin1String("*") && !tier(t.from))
                error(at(path, "from"), QStringLiteral("unknown tier %1").arg(quoted(t.from)));
            if (t.to.isEmpty() && c.type == Condition::Type::ReturnAfter) {
                // back to the tier we escalated from
            } else if (t.to == QLatin1String("*")) {
                error(at(path, "to"), QStringLiteral("\"*\" is only allowed in \"from\""));
            } else if (!tier(t.to)) {
                error(at(path, "to"), QStringLiteral("unknown tier %1").arg(quoted(t.to)));
            }

            if (c.paysWithinTurns < 0)
                error(at(when, "pays_within_turns"), QStringLiteral("expected an integer >= 0"));
            switch (c.type) {
            case Condition::Type::AfterTurns:
            case Condition::Type::ReturnAfter:
                if (c.turns < 1)
                    error(at(when, "turns"), QStringLiteral("expected an integer >= 1"));
                break;
            case Condition::Type::OnSignal: {
                if (c.preSignals.isEmpty())
                    error(at(when, "signals"), QStringLiteral("expected at least one signal"));
                if (c.preSignals.contains(PreSignal::BudgetExceeded))
                    warning(at(when, "signals"),
                            QStringLiteral("budget_exceeded is acted on by the ladder's budget "
                                           "(budget.action), a transition on it never fires"));
                const bool classification = c.preSignals.contains(PreSignal::Classification);
                if (classification && c.labels.isEmpty()) {
                    error(at(when, "labels"),
                          QStringLiteral("the classification signal needs at least one label"));
                } else if (!classification && !c.labels.isEmpty()) {
                    warning(at(when, "labels"),
                            QStringLiteral("labels are ignored without the classification signal"));
                }
                for (qsizetype j = 0; classification && j < c.labels.size(); ++j) {
                    if (!labels.contains(c.labels.at(j))) {
                        error(at(at(when, "labels"), j),
                              QStringLiteral("unknown label %1: no classifier detector has it")
                                  .arg(quoted(c.labels.at(j))));
                    }
                }
                break;
            }
            case Condition::Type::PostTurn:
                if (c.postSignals.isEmpty())
                    error(at(when, "signals"), QStringLiteral("expected at least one signal"));
                if (!(c.confidenceBelow > 0 && c.confidenceBelow < 1))
                    error(at(when, "confidence_below"),
                          QStringLiteral("expected a number between 0 and 1 (exclusive)"));
                if (c.postSignals.contains(PostSignal::EscalateTool)) {
                    const Tier *from = tier(t.from);
                    if (from && !from->escalateTool) {
                        warning(at(when, "signals"),
                                QStringLiteral("tier %1 does not offer the escalate tool "
                                               "(escalate_tool is false)")
                                    .arg(quoted(t.from)));
                    }
                }
                break;
            case Condition::Type::OnFailure:
                if (c.failures.isEmpty())
                    error(at(when, "errors"), QStringLiteral("expected at least one error kind"));
                break;
            }
        }
    }

    void checkDetectors()
    {
        QSet<QString> ids;
        for (qsizetype i = 0; i < m_ladder.detectors.size(); ++i) {
            const Detector &d = m_ladder.detectors.at(i);
            const QString path = at(QStringLiteral("/detectors"), i);
            if (d.id.isEmpty())
                error(at(path, "id"), QStringLiteral("empty detector id"));
            else if (ids.contains(d.id))
                error(at(path, "id"), QStringLiteral("duplicate detector id %1").arg(quoted(d.id)));
            ids.insert(d.id);

            if (d.kind == Detector::Kind::Lexicon) {
                if (d.signal == PreSignal::Classification || d.signal == PreSignal::ManualPick ||
                    d.signal == PreSignal::BudgetExceeded) {
                    error(at(path, "signal"), QStringLiteral("a lexicon detector cannot raise %1")
                                                  .arg(quoted(toString(d.signal))));
                }
                if (d.patterns.isEmpty())
                    warning(at(path, "patterns"), QStringLiteral("no patterns: never fires"));
                for (qsizetype j = 0; j < d.patterns.size(); ++j)
                    checkRegex(at(at(path, "patterns"), j), d.patterns.at(j));
                continue;
            }

            if (d.kind == Detector::Kind::Learned) {
                if (d.signal == PreSignal::Classification || d.signal == PreSignal::ManualPick ||
                    d.signal == PreSignal::BudgetExceeded)
                    error(at(path, "signal"), QStringLiteral("a learned detector cannot raise %1")
                                                  .arg(quoted(toString(d.signal))));
                if (!(d.threshold >= 0 && d.threshold <= 1))
                    error(at(path, "threshold"),
                          QStringLiteral("expected a probability from 0 to 1"));
                if (!d.model)
                    warning(path, QStringLiteral("untrained: raises nothing until trained "
                                                 "(ladder train or the inspector's Train button)"));
                continue;
            }
            if (d.labels.isEmpty())
                error(at(path, "labels"), QStringLiteral("a classifier needs at least one label"));
            if (!d.tier.isEmpty() && !tier(d.tier))
                error(at(path, "tier"), QStringLiteral("unknown tier %1").arg(quoted(d.tier)));
            QSet<QString> labels;
            for (qsizetype j = 0; j < d.labels.size(); ++j) {
                const QString labelPath = at(at(path, "labels"), j);
                const auto &[label, patterns] = d.labels.at(j);
                if (label.isEmpty())
                    error(at(labelPath, "label"), QStringLiteral("empty label"));
                else if (labels.contains(label))
                    error(at(labelPath, "label"),
                          QStringLiteral("duplicate label %1").arg(quoted(label)));
                labels.insert(label);
                for (qsizetype k = 0; k < patterns.size(); ++k)
                    checkRegex(at(at(labelPath, "patterns"), k), patterns.at(k));
            }
        }
    }

    // Breadth-first over transitions from the entry tier; "*" edges leave every reached tier.
    // A tier named by a classifier detector (the listener) is reached by the detector itself.
    void checkReachability()
    {
        if (!tier(m_ladder.entry))
            return; // already reported
        QSet<QString> reached{m_ladder.entry};
        QList<QString> queue{m_ladder.entry};
        for (const Detector &d : m_ladder.detectors) {
            if (d.kind == Detector::Kind::Classifier && tier(d.tier) && !reached.contains(d.tier)) {
                reached.insert(d.tier);
                queue.append(d.tier);
            }
        }
        while (!queue.isEmpty()) {
            const QString current = queue.takeFirst();
            for (const Transition &t : m_ladder.transitions) {
                if (t.from != current && t.from != QLatin1String("*"))
                    continue;
                if (t.to.isEmpty() || !tier(t.to) || reached.contains(t.to))
                    continue;
                reached.insert(t.to);
                queue.append(t.to);
            }
        }
        for (qsizetype i = 0; i < m_ladder.tiers.size(); ++i) {
            const QString &id = m_ladder.tiers.at(i).id;
            if (!reached.contains(id)) {
                warning(at(QStringLiteral("/tiers"), i),
                        QStringLiteral("tier %1 is unreachable from the entry tier %2")
                            .arg(quoted(id), quoted(m_ladder.entry)));
            }
        }
    }

    void checkPolicies()
    {
        const MemoryPolicy &memory = m_ladder.memory;
        if (memory.budgetTokens < 1)
            error(QStringLiteral("/memory/budget_tokens"),
                  QStringLiteral("expected an integer >= 1"));
        for (qsizetype i = 0; i < memory.fields.size(); ++i) {
            if (!memoryFieldNames().contains(memory.fields.at(i))) {
                error(at(QStringLiteral("/memory/fields"), i),
                      QStringLiteral("unknown memory field %1, expected one of %2")
                          .arg(quoted(memory.fields.at(i)),
                               memoryFieldNames().join(QLatin1String(", "))));
            }
        }
        if (m_ladder.history.lastK < 1)
            error(QStringLiteral("/history/last_k"), QStringLiteral("expected an integer >= 1"));

        const BudgetPolicy &budget = m_ladder.budget;
        if (budget.conversationUsd && *budget.conversationUsd < 0)
            error(QStringLiteral("/budget/conversation_usd"),
                  QStringLiteral("expected a spend limit of 0 USD or more"));
        if (budget.sessionUsd && *budget.sessionUsd < 0)
            error(QStringLiteral("/budget/session_usd"),
                  QStringLiteral("expected a spend limit of 0 USD or more"));
        if (!budget.isSet() && budget != BudgetPolicy{})
            warning(QStringLiteral("/budget"),
                    QStringLiteral("no conversation_usd or session_usd: the budget never applies"));

        const SignalSettings &s = m_ladder.signalSettings;
        if (s.refusalToken.trimmed().isEmpty())
            error(QStringLiteral("/signals/refusal_token"), QStringLiteral("empty refusal token"));
        const QRegularExpression confidence(s.confidencePattern);
        if (!confidence.isValid()) {
            checkRegex(QStringLiteral("/signals/confidence_pattern"), s.confidencePattern);
        } else if (confidence.captureCount() < 1) {
            error(QStringLiteral("/signals/confidence_pattern"),
                  QStringLiteral("expected a capture group for the confidence value"));
        }
    }

    void checkLayout()
    {
        for (const NodePosition &node : m_ladder.layout) {
            const bool known = tier(node.id) || node.id == QLatin1String("entry") ||
                               node.id == QLatin1String("memory") ||
                               node.id == QLatin1String("any") || // the node of "from": "*"
                               std::any_of(m_ladder.detectors.begin(), m_ladder.detectors.end(),
                                           [&](const Detector &d) { return d.id == node.id; });
            if (!known) {
                warning(QStringLiteral("/layout/nodes/") + escapePointerToken(node.id),
                        QStringLiteral("no tier or detector %1").arg(quoted(node.id)));
            }
        }
    }

    const Tier *tier(const QString &id) const { return m_tierById.value(id); }

    const Ladder &m_ladder;
    const ValidationContext &m_context;
    Diagnostics m_diagnostics;
    QHash<QString, const Tier *> m_tierById;
};

} // namespace

QStringList ValidationContext::builtinProviders()
{
    return {QStringLiteral("simulated"), QStringLiteral("replay"),
            QStringLiteral("openai"),    QStringLiteral("anthropic"),
            QStringLiteral("gemini"),    QStringLiteral("openrouter"),
            QStringLiteral("ollama"),    QStringLiteral("openai-compatible")};
}

ValidationContext ValidationContext::withProviders(const QStringList &providerIds,
                                                   const PricingTable *pricing)
{
    ValidationContext context;
    for (const QString &id : providerIds) {
        if (!context.knownProviders.contains(id))
            context.knownProviders.append(id);
    }
    if (pricing)
        context.pricing = pricing;
    return context;
}

Diagnostics validate(const Ladder &ladder, const ValidationContext &context)
{
    return Validator(ladder, context).run();
}

Diagnostics validateFile(const QString &path, const ValidationContext &context)
{
    const ParseResult parsed = loadLadderFile(path);
    Diagnostics diagnostics = parsed.diagnostics;
    // Semantic checks on a document with syntax or type errors would only repeat them.
    if (parsed.ok()) {
        ValidationContext fileContext = context;
        fileContext.fileName = path;
        diagnostics += validate(parsed.ladder, fileContext);
    }
    return diagnostics;
}

} // namespace ladder
