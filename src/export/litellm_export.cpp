// A LiteLLM proxy config.yaml (model_list, router_settings, litellm_settings), written with
// yaml-cpp's emitter. One model group per tier (named by the tier id) and per fallback model
// (`<tier>-fallback-N`); router_settings carries the fallback chains and the engine's retry and
// cool-down policy. Keys appear only as `os.environ/NAME` references.

#include "exporter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

std::string number(double v)
{
    return QString::number(v, 'g', 15).toStdString();
}

void emitJson(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        out << YAML::BeginMap;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out << YAML::Key << str(it.key()) << YAML::Value;
            emitJson(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    case QJsonValue::Array:
        out << YAML::BeginSeq;
        for (const QJsonValue &v : value.toArray())
            emitJson(out, v);
        out << YAML::EndSeq;
        return;
    case QJsonValue::Bool:
        out << value.toBool();
        return;
    case QJsonValue::Double:
        out << number(value.toDouble());
        return;
    case QJsonValue::String:
        out << YAML::DoubleQuoted << str(value.toString());
        return;
    default:
        out << YAML::Null;
        return;
    }
}

QString liteLlmModel(const ResolvedModel &m)
{
    // LiteLLM's provider prefix; an OpenAI-compatible server (vLLM, Ollama, ...) is `openai/`
    // with its api_base.
    if (m.kind == u"anthropic"_s)
        return u"anthropic/"_s + m.model;
    if (m.kind == u"gemini"_s)
        return u"gemini/"_s + m.model;
    return u"openai/"_s + m.model;
}

QString groupName(const ExportTier &tier, int chainIndex)
{
    return chainIndex == 0 ? tier.tier.id : u"%1-fallback-%2"_s.arg(tier.tier.id).arg(chainIndex);
}

void emitDeployment(YAML::Emitter &out, const ExportTier &tier, int chainIndex)
{
    const ResolvedModel &m = tier.chain[chainIndex];
    const TierParams &p = tier.tier.params;
    out << YAML::BeginMap;
    out << YAML::Key << "model_name" << YAML::Value << str(groupName(tier, chainIndex));
    out << YAML::Key << "litellm_params" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "model" << YAML::Value << str(liteLlmModel(m));
    if (!m.baseUrl.isEmpty())
        out << YAML::Key << "api_base" << YAML::Value << str(m.baseUrl.toString());
    if (!m.keyEnv.isEmpty())
        out << YAML::Key << "api_key" << YAML::Value << str(u"os.environ/"_s + m.keyEnv);
    if (p.temperature)
        out << YAML::Key << "temperature" << YAML::Value << number(*p.temperature);
    if (p.maxTokens)
        out << YAML::Key << "max_tokens" << YAML::Value << *p.maxTokens;
    for (auto it = p.extra.begin(); it != p.extra.end(); ++it) {
        out << YAML::Key << str(it.key()) << YAML::Value;
        emitJson(out, it.value());
    }
    out << YAML::EndMap;
    out << YAML::EndMap;
}

// One `- from: [to, ...]` entry of a fallbacks list.
void emitFallbackList(YAML::Emitter &out, const QList<QPair<QString, QStringList>> &lists)
{
    out << YAML::BeginSeq;
    for (const auto &[from, to] : lists) {
        out << YAML::BeginMap << YAML::Key << str(from) << YAML::Value << YAML::Flow
            << YAML::BeginSeq;
        for (const QString &t : to)
            out << str(t);
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

using FallbackLists = QList<QPair<QString, QStringList>>; // from -> [to, ...]

// The router's fallback lists: general (each tier's own chain, then the tiers its on_failure
// edges lead to), context window (on_failure on bad_request) and content policy (refusals).
struct Fallbacks {
    FallbackLists general;
    FallbackLists contextWindow;
    FallbackLists contentPolicy;
};

Fallbacks fallbacksOf(const ExportPlan &plan)
{
    Fallbacks lists;
    for (const ExportTier &tier : plan.tiers) {
        QStringList chain;
        for (int i = 1; i < tier.chain.size(); ++i)
            chain << groupName(tier, i);
        QStringList contextTargets;
        for (const ExportFailover &f : plan.failovers) {
            if (f.from != tier.tier.id)
                continue;
            if (const ExportTier *to = plan.tier(f.to)) {
                for (int i = 0; i < to->chain.size(); ++i)
                    if (!chain.contains(groupName(*to, i)))
                        chain << groupName(*to, i);
                if (f.failures.contains(FailureKind::BadRequest))
                    contextTargets << f.to;
            }
        }
        if (!chain.isEmpty())
            lists.general.append({tier.tier.id, chain});
        if (!contextTargets.isEmpty())
            lists.contextWindow.append({tier.tier.id, contextTargets});
    }
    for (const Transition &t : plan.ladder.transitions) {
        if (t.condition.type != Condition::Type::PostTurn ||
            !t.condition.postSignals.contains(PostSignal::Refusal) || !plan.tier(t.to))
            continue;
        QStringList from{t.from};
        if (t.from == u"*"_s) {
            from.clear();
            for (const ExportTier &e : plan.tiers)
                if (e.tier.id != t.to)
                    from << e.tier.id;
        }
        for (const QString &f : std::as_const(from))
            lists.contentPolicy.append({f, {t.to}});
    }
    return lists;
}

void emitRouterSettings(YAML::Emitter &out, const ExportPlan &plan)
{
    const Fallbacks lists = fallbacksOf(plan);
    out << YAML::Key << "router_settings" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "num_retries" << YAML::Value << plan.retry.maxRetriesPerModel;
    out << YAML::Key << "allowed_fails" << YAML::Value << plan.retry.cooldownAfterFailures;
    out << YAML::Key << "cooldown_time" << YAML::Value << plan.retry.cooldownMs / 1000;
    out << YAML::Key << "model_group_alias" << YAML::Value << YAML::BeginMap << YAML::Key
        << str(exportSlug(plan.ladder.name)) << YAML::Value << str(plan.defaultTier)
        << YAML::EndMap;
    const std::pair<const char *, const FallbackLists *> keyed[] = {
        {"fallbacks", &lists.general},
        {"context_window_fallbacks", &lists.contextWindow},
        {"content_policy_fallbacks", &lists.contentPolicy}};
    for (const auto &[key, list] : keyed) {
        if (list->isEmpty())
            continue;
        out << YAML::Key << key << YAML::Value;
        emitFallbackList(out, *list);
    }
    out << YAML::EndMap;
}

} // namespace

QByteArray toLiteLlmYaml(const ExportPlan &plan)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment(str(u"LiteLLM proxy config exported by `ladder export` from \"%1\"."_s.arg(
               plan.ladder.name)))
        << YAML::Newline
        << YAML::Comment("What LiteLLM cannot express is in the loss report beside this file.")
        << YAML::Newline
        << YAML::Comment("Keys are environment references (os.environ/NAME), never values.")
        << YAML::Newline;
    out << YAML::BeginMap;

    out << YAML::Key << "model_list" << YAML::Value << YAML::BeginSeq;
    for (const ExportTier &tier : plan.tiers)
        for (int i = 0; i < tier.chain.size(); ++i)
            emitDeployment(out, tier, i);
    out << YAML::EndSeq;
    emitRouterSettings(out, plan);

    if (plan.ladder.cache.enabled) {
        out << YAML::Key << "litellm_settings" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "cache" << YAML::Value << true;
        out << YAML::Key << "cache_params" << YAML::Value << YAML::BeginMap << YAML::Key << "type"
            << YAML::Value << "local" << YAML::EndMap;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    QByteArray text(out.c_str(), qsizetype(out.size()));
    text += '\n';
    return text;
}

} // namespace ladder
