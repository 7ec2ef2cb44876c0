#include "session.h"

#include "answer_gate.h"
#include "core/ladder_json.h"
#include "detectors.h"
#include "prompt_builder.h"
#include "self_check.h"
#include "switch_cost.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <functional>

namespace ladder {

namespace {

QJsonObject usageJson(const TokenUsage &u)
{
    return {{QStringLiteral("input_tokens"), u.inputTokens},
            {QStringLiteral("output_tokens"), u.outputTokens},
            {QStringLiteral("cached_tokens"), u.cachedTokens},
            {QStringLiteral("estimated"), u.estimated}};
}

// What a provider asks to get back verbatim with this answer in later requests.
QJsonObject providerData(const ChatResult &r)
{
    return r.raw.value(QStringLiteral("provider_data")).toObject();
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

class Session::Private
{
public:
    Private(Session *q, const Ladder &l, const ProviderRegistry *p, SessionOptions o)
        : q(q)
        , ladder(l)
        , router(l)
        , detectors(l)
        , providers(p)
        , options(std::move(o))
        , confidencePattern(sharedPattern(l.signalSettings.confidencePattern,
                                          QRegularExpression::MultilineOption))
        , cacheOn(options.cache && l.cache.enabled)
    {
        if (options.sessionId.isEmpty())
            options.sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!options.health)
            options.health = &ownHealth;
    }

    // One turn in progress.
    struct Running {
        bool active = false;
        TurnRecord record;
        RouteDecision decision; // how the answering tier was chosen
        int tier = -1;          // tier answering now
        QList<ModelRef> chain;  // the tier's model and its fallbacks
        int chainPos = 0;
        int retries = 0;
        int attempt = 0;
        int escalations = 0;
        QList<int> triedTiers;
        BuiltPrompt prompt;
        QPointer<ProviderCall> call;
        QString streamed;
        double elapsedMs = 0; // modelled time for simulated calls, measured for real ones
        bool escalated = false;
        bool summarized = false;
        int cacheLookups = 0;
        int cacheHits = 0;
        bool allSimulated = true;
        TierParams overrides;         // the API client's temperature / max_tokens for this turn
        bool cancelRequested = false; // cancel() came while no call or retry wait was running
        QString cancelReason;         // why cancel() was called, if it was

        QString cancelMessage() const
        {
            return cancelReason.isEmpty()
                       ? QStringLiteral("the turn was cancelled")
                       : QStringLiteral("the turn was cancelled (%1)").arg(cancelReason);
        }
        QString budgetNote;    // a post-turn escalation the budget held back
        QJsonObject selfCheck; // the self_check call's outcome, for turn_completed
    };

    // What the answer raised, carried through the optional self_check call.
    struct PostTurnFacts {
        quint32 postMask = 0;
        QString reason;
        QString question;
        double confidence = -1;
        GateVerdict gate;
        QString selfCheckReason;
    };

    Session *q;
    Ladder ladder;
    Router router;
    DetectorSet detectors;
    const ProviderRegistry *providers;
    SessionOptions options;
    QRegularExpression confidencePattern;
    const bool cacheOn;   // the caller gave a cache and the ladder switches it on
    int cacheLookups = 0; // over the whole session
    int cacheHits = 0;
    LadderState state;
    HandoffMemory memory;
    QList<TurnRecord> turns;
    Running run;
    ModelHealth ownHealth; // options.health points here unless the caller shares one
    QTimer *retryTimer = nullptr;

    const QString &tierId(int index) const { return ladder.tiers[index].id; }

    // Only deterministic calls are cached: the same request must deserve the same answer.
    bool cacheable(const ChatRequest &request) const
    {
        return cacheOn && request.params.temperature && *request.params.temperature == 0.0;
    }
    // The API client's temperature / max_tokens for this turn, over the tier's.
    void applyOverrides(ChatRequest *request) const
    {
        if (run.overrides.temperature)
            request->params.temperature = run.overrides.temperature;
        if (run.overrides.maxTokens)
            request->params.maxTokens = run.overrides.maxTokens;
    }
    // The request of the call that just ended as it was sent (for the audit and the cache, which
    // keeps it under the client's temperature).
    ChatRequest sentRequest(const ModelRef &model) const
    {
        ChatRequest sent = run.prompt.request;
        sent.provider = model.provider;
        sent.model = model.model;
        applyOverrides(&sent);
        return sent;
    }
    std::optional<ChatResult> lookupCache(const ChatRequest &request);
    void storeInCache(const ChatRequest &request, const ChatResult &result);
    void addCacheFields(QJsonObject *data) const;

    void flushAudit()
    {
        if (options.audit)
            options.audit->flush();
    }

    void emitEvent(Event::Type type, QJsonObject data)
    {
        const Event e{type, run.record.turn, std::move(data)};
        if (options.audit && type != Event::Type::Delta)
            options.audit->recordEvent(options.sessionId, e);
        emit q->event(e);
    }

    void start(const QString &text, const QString &manualTierId, const TierParams &overrides);
    void enterTier(const RouteDecision &decision, int previousTier, const QString &reason);
    void startCall();
    void onCallFinished();
    // A call that is not the answer (summary, classification): audited and counted in the
    // turn, no fallback chain; `done` sees the result or the error.
    void sideCall(ChatRequest request, std::function<void(const ChatResult &)> done);
    void summarizeThen(int outgoingTier, std::function<void()> next);
    void routeTurn(Detection detection, const QString &manualTierId);
    void recordCall(const ChatRequest &sent, const ChatResult &result, double cost);
    // Prices of the turn's calls: a model without a known price makes the turn's cost unknown.
    std::optional<double> priceCall(const QString &provider, const QString &model,
                                    const ChatResult &result) const;
    bool knownCost(const QString &provider, const QString &model) const;
    double addCost(const QString &provider, const QString &model, const ChatResult &result);
    static QJsonValue costJson(const TurnRecord &record);
    void handleFailure(const ChatResult &result);
    void handleAnswer(const ChatResult &result);
    bool wantsSelfCheck(const PostTurnFacts &facts, const ChatResult &result) const;
    void selfCheckThen(const ChatResult &result, PostTurnFacts facts);
    void decidePostTurn(const ChatResult &result, const PostTurnFacts &facts);
    SwitchWeighing weighSwitch(int from, int to, int turns) const;
    bool budgetAllowsEscalation(RouteDecision *post);
    void accept(const ChatResult &result);
    void failTurn(FailureKind kind, const QString &message);
    void finishTurn(bool ok);
    bool cooledDown(const QString &model) const;
    void recordHealth(const QString &model, bool ok);
    double backoffMs(const ProviderError &error) const;
};

std::optional<ChatResult> Session::Private::lookupCache(const ChatRequest &request)
{
    if (!cacheable(request))
        return std::nullopt;
    ++cacheLookups;
    ++run.cacheLookups;
    std::optional<ChatResult> hit = options.cache->lookup(request);
    if (!hit)
        return std::nullopt;
    ++cacheHits;
    ++run.cacheHits;
    hit->cached = true;
    hit->ttftMs = hit->latencyMs = 0; // no model was asked
    return hit;
}

void Session::Private::storeInCache(const ChatRequest &request, const ChatResult &result)
{
    if (cacheable(request) && !result.cached && !result.error)
        options.cache->store(request, result);
}

// The turn's lookups and hits, and the hit rate of the session so far; only when the cache is
// on, so sessions without it print what they always printed.
void Session::Private::addCacheFields(QJsonObject *data) const
{
    if (!cacheOn)
        return;
    data->insert(QStringLiteral("cache_lookups"), run.cacheLookups);
    data->insert(QStringLiteral("cache_hits"), run.cacheHits);
    data->insert(QStringLiteral("cache_hit_rate"),
                 cacheLookups > 0 ? round3(double(cacheHits) / cacheLookups) : 0.0);
}

void Session::Private::start(const QString &text, const QString &manualTierId,
                             const TierParams &overrides)
{
    run = Running{};
    run.active = true;
    run.overrides = overrides;
    run.record.turn = int(turns.size()) + 1;
    run.record.userText = text;
    emitEvent(Event::Type::TurnStarted, {{QStringLiteral("user_text"), text},
                                         {QStringLiteral("session_id"), options.sessionId}});
    flushAudit(); // the user's text is kept even if the process dies during the turn

    QStringList earlierTurns; // for learned detectors that read the conversation so far
    if (detectors.needsEarlierTurns())
        for (const TurnRecord &t : turns)
            earlierTurns.append(t.userText);
    Detection detection = detectors.detect(text, earlierTurns);
    const DetectorSet::ModelClassifier *listener =
        options.classifyWithModel ? detectors.modelClassifier() : nullptr;
    const int listenerTier = listener ? router.tierIndex(listener->tier) : -1;
    if (listenerTier < 0) {
        routeTurn(detection, manualTierId);
        return;
    }
    const Tier &tier = ladder.tiers[listenerTier];
    sideCall(buildClassifierRequest(tier, listener->labels, text),
             [this, detection, manualTierId, listener](const ChatResult &r) mutable {
                 // A failed listener call falls back to the rule-based label.
                 if (!r.error)
                     detection.setLabel(listener->id, parseLabel(r.text, listener->labels,
                                                                 detection.raised.label.isEmpty()
                                                                     ? listener->defaultLabel
                                                                     : detection.raised.label));
                 routeTurn(detection, manualTierId);
             });
}

void Session::Private::routeTurn(Detection detection, const QString &manualTierId)
{
    TurnSignals turnSignals = detection.raised;
    if (!manualTierId.isEmpty())
        turnSignals.manualTier = router.tierIndex(manualTierId);
    addBudgetContext(&turnSignals, ladder, turns, options.spend.get(),
                     [this](const QString &model) { return cooledDown(model); });
    turnSignals.weighSwitch = [this](int from, int to, int n) {
        return weighSwitch(from, to, n);
    };
    const RouteDecision decision = router.route(state, turnSignals);
    QString reason = router.describe(decision);
    if (decision.reason == RouteDecision::Reason::OnSignal)
        reason = QStringLiteral("on ") + detection.explain(PreSignal(decision.signal));
    if (!decision.switchNote.isEmpty())
        reason += QStringLiteral(" (%1)").arg(decision.switchNote);
    if (decision.reason == RouteDecision::Reason::Budget) {
        reason = budgetReason(ladder, turnSignals, tierId(decision.budgetFrom),
                              decision.tier >= 0 ? tierId(decision.tier) : QString());
        if (decision.tier < 0) { // stop: the turn ends like any failed turn, after submit()
            QMetaObject::invokeMethod(
                q, [this, reason] { failTurn(FailureKind::QuotaExhausted, reason); },
                Qt::QueuedConnection);
            return;
        }
    }
    if (decision.escalation) {
        // Where the router stood when the signal fired: after a return_after this turn, the tier
        // it returned to, not the one that answered the last turn.
        const int from = decision.from;
        emitEvent(Event::Type::Escalated,
                  {{QStringLiteral("from"), tierId(from)},
                   {QStringLiteral("to"), tierId(decision.tier)},
                   {QStringLiteral("reason"), reason},
                   {QStringLiteral("signal"), toString(PreSignal(decision.signal))},
                   {QStringLiteral("phase"), QStringLiteral("pre_turn")}});
        run.escalated = true;
    }
    enterTier(decision, state.tier, reason);
}

void Session::Private::enterTier(const RouteDecision &decision, int previousTier,
                                 const QString &reason)
{
    if (previousTier >= 0 && previousTier != decision.tier && !run.summarized &&
        ladder.memory.refresh == MemoryPolicy::Refresh::Summarize) {
        run.summarized = true;
        summarizeThen(previousTier, [this, decision, previousTier, reason] {
            enterTier(decision, previousTier, reason);
        });
        return;
    }
    run.decision = decision;
    run.tier = decision.tier;
    run.triedTiers.append(decision.tier);
    const Tier &tier = ladder.tiers[decision.tier];
    const bool changed = previousTier != decision.tier;

    PromptInputs inputs{&ladder, &tier, &turns, run.record.userText, &memory, changed};
    run.prompt = buildPrompt(inputs);
    if (changed && previousTier >= 0) {
        emitEvent(Event::Type::Handoff,
                  {{QStringLiteral("from"), tierId(previousTier)},
                   {QStringLiteral("to"), tier.id},
                   {QStringLiteral("memory_version"), memory.version()},
                   {QStringLiteral("memory_tokens"), estimateTokens(run.prompt.injectedMemory)},
                   {QStringLiteral("injected"), !run.prompt.injectedMemory.isEmpty()},
                   {QStringLiteral("injected_memory"), run.prompt.injectedMemory}});
    }
    QJsonObject active{{QStringLiteral("tier"), tier.id},
                       {QStringLiteral("label"), tier.label},
                       {QStringLiteral("provider"), tier.provider},
                       {QStringLiteral("model"), tier.model},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("reason_code"), toString(decision.reason)}};
    if (decision.ladderTier >= 0) // a manual pick: where the ladder would have gone
        active.insert(QStringLiteral("ladder_tier"), tierId(decision.ladderTier));
    if (!decision.switchNote.isEmpty()) // a pays_within_turns edge was weighed
        active.insert(QStringLiteral("switch_cost"), decision.switchNote);
    emitEvent(Event::Type::TierActive, std::move(active));

    run.chain = {ModelRef{tier.provider, tier.model}};
    for (const ModelRef &m : tier.fallback)
        run.chain.append({m.provider.isEmpty() ? tier.provider : m.provider, m.model});
    run.chainPos = 0;
    run.retries = 0;
    // Skip models that keep failing, unless every model of the chain is cooling down.
    while (run.chainPos + 1 < run.chain.size() && cooledDown(run.chain[run.chainPos].model))
        ++run.chainPos;
    startCall();
}

void Session::Private::startCall()
{
    if (run.cancelRequested) {
        failTurn(FailureKind::Cancelled, run.cancelMessage());
        return;
    }
    const ModelRef &model = run.chain[run.chainPos];
    ChatRequest request = run.prompt.request;
    request.provider = model.provider;
    request.model = model.model;
    request.turn = run.record.turn;
    request.attempt = ++run.attempt;
    request.seed = options.seed;
    applyOverrides(&request);
    run.streamed.clear();

    Provider *provider = providers ? providers->provider(model.provider) : nullptr;
    if (!provider) {
        ChatResult missing;
        missing.error =
            ProviderError{FailureKind::BadRequest,
                          QStringLiteral("provider \"%1\" is not configured").arg(model.provider)};
        QMetaObject::invokeMethod(
            q, [this, missing] { handleFailure(missing); }, Qt::QueuedConnection);
        return;
    }
    if (std::optional<ChatResult> hit = lookupCache(request)) {
        QMetaObject::invokeMethod(
            q, [this, result = *hit] { handleAnswer(result); }, Qt::QueuedConnection);
        return;
    }
    run.prompt.request.attempt = request.attempt; // the audit row shows the request as sent
    ProviderCall *call = provider->start(request);
    run.call = call;
    QObject::connect(call, &ProviderCall::delta, q, [this](const QString &text) {
        run.streamed += text;
        if (options.emitDeltas) {
            const ModelRef &m = run.chain[run.chainPos];
            emitEvent(Event::Type::Delta, {{QStringLiteral("tier"), tierId(run.tier)},
                                           {QStringLiteral("model"), m.model},
                                           {QStringLiteral("text"), text}});
        }
    });
    QObject::connect(call, &ProviderCall::finished, q, [this] { onCallFinished(); });
}

void Session::Private::onCallFinished()
{
    ProviderCall *call = run.call;
    if (!call)
        return;
    run.call = nullptr;
    const ChatResult result = call->result();
    call->disconnect(q);
    call->deleteLater();
    if (result.error)
        handleFailure(result);
    else
        handleAnswer(result);
}

void Session::Private::sideCall(ChatRequest request, std::function<void(const ChatResult &)> done)
{
    if (run.cancelRequested) {
        failTurn(FailureKind::Cancelled, run.cancelMessage());
        return;
    }
    request.turn = run.record.turn;
    request.attempt = ++run.attempt;
    request.seed = options.seed;
    Provider *provider = providers ? providers->provider(request.provider) : nullptr;
    if (!provider) {
        ChatResult missing;
        missing.error = ProviderError{
            FailureKind::BadRequest,
            QStringLiteral("provider \"%1\" is not configured").arg(request.provider)};
        done(missing);
        return;
    }
    if (std::optional<ChatResult> hit = lookupCache(request)) {
        run.record.calls += 1;
        recordCall(request, *hit, 0); // the audit shows the answer was served from the cache
        done(*hit);
        return;
    }
    ProviderCall *call = provider->start(request);
    run.call = call;
    QObject::connect(call, &ProviderCall::finished, q, [this, call, request, done] {
        run.call = nullptr;
        const ChatResult result = call->result();
        call->disconnect(q);
        call->deleteLater();
        const double cost = addCost(request.provider, request.model, result);
        run.record.usage += result.usage;
        run.record.calls += 1;
        run.elapsedMs += result.latencyMs;
        recordCall(request, result, cost);
        if (result.error && result.error->kind == FailureKind::Cancelled) {
            failTurn(FailureKind::Cancelled, run.cancelMessage());
            return;
        }
        storeInCache(request, result);
        done(result);
    });
}

void Session::Private::summarizeThen(int outgoingTier, std::function<void()> next)
{
    const Tier &tier = ladder.tiers[outgoingTier];
    sideCall(buildSummaryRequest(tier, turns, memory), [this, tier, next](const ChatResult &r) {
        const std::optional<MemoryContent> summary =
            r.error ? std::nullopt : HandoffMemory::parseScaffold(r.text);
        const QString author = tier.id + QLatin1Char('/') + tier.model;
        if (summary && memory.merge(*summary, int(turns.size()), author)) {
            emitEvent(Event::Type::MemoryUpdated,
                      {{QStringLiteral("version"), memory.version()},
                       {QStringLiteral("author"), author},
                       {QStringLiteral("source"), QStringLiteral("summary")},
                       {QStringLiteral("tokens"),
                        estimateTokens(memory.render(ladder.memory.budgetTokens))},
                       {QStringLiteral("budget_tokens"), ladder.memory.budgetTokens}});
        }
        next(); // without a summary the memory stays as it was
    });
}

void Session::Private::recordCall(const ChatRequest &sent, const ChatResult &result, double cost)
{
    if (!options.audit)
        return;
    options.audit->recordCall({options.sessionId, run.record.turn, run.attempt, sent.tierId,
                               sent.provider, sent.model, sent, result, cost,
                               QDateTime::currentDateTimeUtc(),
                               result.cached || knownCost(sent.provider, sent.model)});
    options.audit->flush(); // each finished call, with the events before it, as it happens
}

std::optional<double> Session::Private::priceCall(const QString &provider, const QString &model,
                                                  const ChatResult &result) const
{
    if (result.cached)
        return 0.0; // served from the cache: nothing was billed
    const PricingTable &pricing = options.pricing ? *options.pricing : PricingTable::builtin();
    return pricing.cost(provider, model, result.usage);
}

bool Session::Private::knownCost(const QString &provider, const QString &model) const
{
    return priceCall(provider, model, ChatResult{}).has_value();
}

double Session::Private::addCost(const QString &provider, const QString &model,
                                 const ChatResult &result)
{
    const std::optional<double> cost = priceCall(provider, model, result);
    if (!cost) {
        run.record.costKnown = false; // "cost unknown", never $0
        return 0;
    }
    run.record.costUsd += *cost;
    return *cost;
}

QJsonValue Session::Private::costJson(const TurnRecord &record)
{
    return record.costKnown ? QJsonValue(record.costUsd) : QJsonValue(QJsonValue::Null);
}

void Session::Private::handleFailure(const ChatResult &result)
{
    const ModelRef model = run.chain[run.chainPos];
    const ProviderError &error = *result.error;
    const double cost = addCost(model.provider, model.model, result);
    run.record.usage += result.usage;
    run.record.calls += 1;
    run.elapsedMs += result.latencyMs;
    const ChatRequest sent = sentRequest(model);
    recordCall(sent, result, cost);
    if (error.kind == FailureKind::Cancelled || run.cancelRequested) {
        failTurn(FailureKind::Cancelled, run.cancelMessage());
        return;
    }
    recordHealth(model.model, false);

    const RetryPolicy &policy = options.retry;
    const bool waitTooLong = error.retryAfterMs > policy.maxRetryWaitMs;
    if (error.retryable() && run.retries < policy.maxRetriesPerModel && !waitTooLong) {
        ++run.retries;
        const double delay = backoffMs(error);
        run.elapsedMs += delay;
        emitEvent(Event::Type::Fallback, {{QStringLiteral("tier"), tierId(run.tier)},
                                          {QStringLiteral("from_model"), model.model},
                                          {QStringLiteral("to_model"), model.model},
                                          {QStringLiteral("error"), toString(error.kind)},
                                          {QStringLiteral("message"), error.message},
                                          {QStringLiteral("retry"), run.retries},
                                          {QStringLiteral("delay_ms"), round3(delay)}});
        // The time scale speeds up the simulated provider only: a real server is waited for as
        // it asked (retry-after) or as the backoff says, and delay_ms is what is waited.
        retryTimer->start(int(delay * (result.simulated ? policy.delayScale : 1.0)));
        return;
    }
    if (run.chainPos + 1 < run.chain.size()) {
        ++run.chainPos;
        run.retries = 0;
        emitEvent(Event::Type::Fallback,
                  {{QStringLiteral("tier"), tierId(run.tier)},
                   {QStringLiteral("from_model"), model.model},
                   {QStringLiteral("to_model"), run.chain[run.chainPos].model},
                   {QStringLiteral("error"), toString(error.kind)},
                   {QStringLiteral("message"), error.message}});
        startCall();
        return;
    }
    const RouteDecision next = router.onFailure(state, run.tier, error.kind);
    if (next.tier >= 0 && !run.triedTiers.contains(next.tier)) {
        emitEvent(Event::Type::Fallback,
                  {{QStringLiteral("from_tier"), tierId(run.tier)},
                   {QStringLiteral("to_tier"), tierId(next.tier)},
                   {QStringLiteral("from_model"), model.model},
                   {QStringLiteral("to_model"), ladder.tiers[next.tier].model},
                   {QStringLiteral("error"), toString(error.kind)},
                   {QStringLiteral("message"), error.message}});
        enterTier(next, run.tier, router.describe(next));
        return;
    }
    failTurn(error.kind, error.message);
}

void Session::Private::handleAnswer(const ChatResult &result)
{
    const ModelRef model = run.chain[run.chainPos];
    const double cost = addCost(model.provider, model.model, result);
    if (!result.cached)
        run.record.usage += result.usage;
    run.record.calls += 1;
    run.allSimulated = run.allSimulated && result.simulated;
    const double callStart = run.elapsedMs;
    run.elapsedMs += result.latencyMs;
    run.record.ttftMs = callStart + result.ttftMs;
    const ChatRequest sent = sentRequest(model);
    recordCall(sent, result, cost);
    recordHealth(model.model, true);
    storeInCache(sent, result);

    // Post-turn signals: the escalate tool, a refusal token, self-reported low confidence.
    quint32 postMask = 0;
    QString reason;
    QString question;
    for (const ToolCall &call : result.toolCalls) {
        if (call.name == QLatin1String(kEscalateToolName)) {
            postMask |= bit(PostSignal::EscalateTool);
            reason = call.arguments.value(QStringLiteral("reason")).toString();
            question = call.arguments.value(QStringLiteral("question")).toString();
            break;
        }
    }
    const QString &token = ladder.signalSettings.refusalToken;
    if (!token.isEmpty() && result.text.contains(token))
        postMask |= bit(PostSignal::Refusal);
    double confidence = -1;
    const QRegularExpressionMatch m = confidencePattern.match(result.text);
    if (m.hasMatch())
        confidence = m.captured(1).toDouble();
    PostTurnFacts facts;
    facts.postMask = postMask;
    facts.reason = reason;
    facts.question = question;
    facts.confidence = confidence;
    facts.gate = checkAnswer(result.text, !result.toolCalls.isEmpty(), ladder.tiers[run.tier],
                             ladder.signalSettings, memory.current()[MemoryField::FormatContract],
                             confidencePattern);
    facts.postMask |= facts.gate.postMask;
    if (wantsSelfCheck(facts, result)) {
        selfCheckThen(result, facts);
        return;
    }
    decidePostTurn(result, facts);
}

// Only when nothing else sends the answer up, and an edge would act on a failed check: a call
// whose verdict nobody reads is not made.
bool Session::Private::wantsSelfCheck(const PostTurnFacts &facts, const ChatResult &result) const
{
    const Tier &tier = ladder.tiers[run.tier];
    if (!tier.selfCheck || !result.toolCalls.isEmpty() || run.escalations >= 3)
        return false;
    if (router.postTurn(state, run.tier, facts.postMask, facts.confidence).tier >= 0)
        return false;
    const RouteDecision onFail =
        router.postTurn(state, run.tier, bit(PostSignal::SelfCheckFailed), -1);
    return onFail.tier >= 0 && !run.triedTiers.contains(onFail.tier);
}

void Session::Private::selfCheckThen(const ChatResult &result, PostTurnFacts facts)
{
    const Tier &tier = ladder.tiers[run.tier];
    const SelfCheck check = *tier.selfCheck;
    QString answer = result.text;
    HandoffMemory::parseScaffold(answer, &answer);
    answer.remove(confidencePattern);
    const ChatRequest request =
        buildSelfCheckRequest(ladder, tier, check, run.record.userText, answer.trimmed());
    const QString checker = request.tierId + QLatin1Char('/') + request.model;
    sideCall(request, [this, result, facts, check, checker](const ChatResult &r) mutable {
        QJsonObject outcome{{QStringLiteral("checker"), checker},
                            {QStringLiteral("threshold"), check.threshold}};
        const std::optional<double> score = r.error ? std::nullopt : parseSelfCheckScore(r.text);
        if (r.error)
            outcome.insert(QStringLiteral("error"), r.error->message);
        else if (!score)
            outcome.insert(QStringLiteral("error"), QStringLiteral("no score in the reply"));
        else
            outcome.insert(QStringLiteral("score"), *score);
        // A check that could not be made or read leaves the answer standing.
        if (score && *score < check.threshold) {
            facts.postMask |= bit(PostSignal::SelfCheckFailed);
            facts.selfCheckReason =
                QStringLiteral("self check failed: %1 scored the answer %2, below %3")
                    .arg(checker)
                    .arg(*score)
                    .arg(check.threshold);
        }
        run.selfCheck = outcome;
        decidePostTurn(result, facts);
    });
}

void Session::Private::decidePostTurn(const ChatResult &result, const PostTurnFacts &facts)
{
    QString reason = facts.reason;
    const QString &question = facts.question;
    const double confidence = facts.confidence;
    const GateVerdict &gate = facts.gate;
    RouteDecision post = router.postTurn(state, run.tier, facts.postMask, confidence);
    if (post.tier >= 0 && !budgetAllowsEscalation(&post))
        return;
    if (post.tier >= 0 && !run.triedTiers.contains(post.tier) && run.escalations < 3) {
        ++run.escalations;
        run.escalated = true;
        if (reason.isEmpty() || post.signal != int(PostSignal::EscalateTool)) {
            reason = post.signal == int(PostSignal::LowConfidence)
                         ? QStringLiteral("low confidence (%1)").arg(confidence)
                     : post.signal == int(PostSignal::SelfCheckFailed)
                         ? facts.selfCheckReason
                         : gate.explain(PostSignal(post.signal));
            if (reason.isEmpty())
                reason = router.describe(post);
        }
        ChatMessage attempt{
            ChatMessage::Role::Assistant, result.text, result.toolCalls, {}, providerData(result)};
        run.record.discarded.append(attempt);
        for (const ToolCall &call : result.toolCalls)
            run.record.discarded.append({ChatMessage::Role::Tool,
                                         QStringLiteral("escalated to %1").arg(tierId(post.tier)),
                                         {},
                                         call.id,
                                         {}});
        emitEvent(Event::Type::Escalated,
                  {{QStringLiteral("from"), tierId(run.tier)},
                   {QStringLiteral("to"), tierId(post.tier)},
                   {QStringLiteral("reason"), reason},
                   {QStringLiteral("question"), question},
                   {QStringLiteral("signal"), toString(PostSignal(post.signal))},
                   {QStringLiteral("phase"), QStringLiteral("post_turn")},
                   {QStringLiteral("discarded_answer"), result.text}});
        enterTier(post, run.tier, reason);
        return;
    }
    accept(result);
}

// A post-turn escalation to a tier above the cheapest, once the budget is spent: `stop` fails
// the turn, `step_down` keeps the answer (noted as `budget` in turn_completed). False when the
// turn was failed here.
bool Session::Private::budgetAllowsEscalation(RouteDecision *post)
{
    TurnSignals spend;
    addBudgetContext(&spend, ladder, turns, options.spend.get(),
                     [this](const QString &model) { return cooledDown(model); });
    spend.conversationUsd += run.record.costUsd; // this turn's calls count too
    spend.sessionUsd += run.record.costUsd;
    const RouteDecision b = router.budgeted(*post, spend);
    if (b.reason != RouteDecision::Reason::Budget)
        return true;
    const QString why =
        budgetReason(ladder, spend, tierId(post->tier), b.tier >= 0 ? tierId(b.tier) : QString());
    if (b.tier < 0) {
        failTurn(FailureKind::QuotaExhausted, why);
        return false;
    }
    run.budgetNote = why + QStringLiteral(" (instead of re-answering on %1: %2)")
                               .arg(tierId(post->tier), router.describe(*post));
    post->tier = -1; // the answer stands: a cheaper re-answer is not what the edge asked for
    return true;
}

void Session::Private::accept(const ChatResult &result)
{
    const Tier &tier = ladder.tiers[run.tier];
    const ModelRef model = run.chain[run.chainPos];
    QString answer = result.text;
    if (std::optional<MemoryContent> scaffold = HandoffMemory::parseScaffold(answer, &answer)) {
        if (ladder.memory.refresh == MemoryPolicy::Refresh::Scaffold &&
            memory.merge(*scaffold, run.record.turn, tier.id + QLatin1Char('/') + model.model)) {
            QJsonArray fields;
            for (int i = 0; i < kMemoryFieldCount; ++i) {
                if (!scaffold->fields[i].isEmpty())
                    fields.append(toString(MemoryField(i)));
            }
            emitEvent(Event::Type::MemoryUpdated,
                      {{QStringLiteral("version"), memory.version()},
                       {QStringLiteral("author"), memory.versions().constLast().author},
                       {QStringLiteral("tokens"),
                        estimateTokens(memory.render(ladder.memory.budgetTokens))},
                       {QStringLiteral("budget_tokens"), ladder.memory.budgetTokens},
                       {QStringLiteral("fields"), fields}});
        }
    }
    answer.remove(confidencePattern);
    run.record.answer = answer.trimmed();
    run.record.answerProviderData = providerData(result);
    run.record.tierId = tier.id;
    run.record.model = model.model;
    run.record.injectedMemory = run.prompt.injectedMemory;
    run.record.latencyMs = run.elapsedMs;
    state = router.commit(state, run.decision);

    QJsonObject completed{{QStringLiteral("tier"), tier.id},
                          {QStringLiteral("provider"), model.provider},
                          {QStringLiteral("model"), model.model},
                          {QStringLiteral("usage"), usageJson(run.record.usage)},
                          {QStringLiteral("cost_usd"), costJson(run.record)},
                          {QStringLiteral("cost_known"), run.record.costKnown},
                          {QStringLiteral("ttft_ms"), round3(run.record.ttftMs)},
                          {QStringLiteral("latency_ms"), round3(run.record.latencyMs)},
                          {QStringLiteral("calls"), run.record.calls},
                          {QStringLiteral("escalated"), run.escalated},
                          {QStringLiteral("cached"), run.cacheHits > 0},
                          {QStringLiteral("simulated"), run.allSimulated},
                          {QStringLiteral("answer"), run.record.answer}};
    if (!run.budgetNote.isEmpty())
        completed.insert(QStringLiteral("budget"), run.budgetNote);
    if (!run.selfCheck.isEmpty())
        completed.insert(QStringLiteral("self_check"), run.selfCheck);
    addCacheFields(&completed);
    emitEvent(Event::Type::TurnCompleted, std::move(completed));
    finishTurn(true);
}

void Session::Private::failTurn(FailureKind kind, const QString &message)
{
    run.record.failed = true;
    run.record.latencyMs = run.elapsedMs;
    const ModelRef &model = run.chain.isEmpty() ? ModelRef{} : run.chain[run.chainPos];
    QJsonObject failed{{QStringLiteral("tier"), run.tier >= 0 ? tierId(run.tier) : QString()},
                       {QStringLiteral("model"), model.model},
                       {QStringLiteral("error"), toString(kind)},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("user_text"), run.record.userText},
                       {QStringLiteral("cost_usd"), costJson(run.record)},
                       {QStringLiteral("cost_known"), run.record.costKnown}};
    addCacheFields(&failed);
    emitEvent(Event::Type::TurnFailed, std::move(failed));
    finishTurn(false);
}

void Session::Private::finishTurn(bool ok)
{
    turns.append(run.record);
    if (options.spend)
        options.spend->usd += run.record.costUsd;
    run.active = false;
    flushAudit();
    emit q->turnFinished(run.record.turn, ok);
}

SwitchWeighing Session::Private::weighSwitch(int from, int to, int withinTurns) const
{
    const PricingTable &pricing = options.pricing ? *options.pricing : PricingTable::builtin();
    auto cooled = [this](const QString &model) {
        return cooledDown(model);
    };
    const Tier &a = ladder.tiers[from];
    const Tier &b = ladder.tiers[to];
    return ladder::weighSwitch(a.id, pricing.price(a.provider, runningModel(a, cooled)), b.id,
                               pricing.price(b.provider, runningModel(b, cooled)),
                               conversationShape(turns, a), withinTurns);
}

bool Session::Private::cooledDown(const QString &model) const
{
    return options.health->cooledDown(model);
}

void Session::Private::recordHealth(const QString &model, bool ok)
{
    options.health->record(model, ok, options.retry);
}

bool ModelHealth::cooledDown(const QString &model) const
{
    const auto it = m_models.constFind(model);
    return it != m_models.constEnd() && it->cooledUntilMs > m_clock.elapsed();
}

void ModelHealth::record(const QString &model, bool ok, const RetryPolicy &policy)
{
    Entry &e = m_models[model];
    if (ok) {
        e = {};
        return;
    }
    if (++e.consecutiveFailures >= policy.cooldownAfterFailures)
        e.cooledUntilMs = m_clock.elapsed() + policy.cooldownMs;
}

double Session::Private::backoffMs(const ProviderError &error) const
{
    const RetryPolicy &p = options.retry;
    if (error.retryAfterMs >= 0)
        return double(error.retryAfterMs);
    const double base =
        std::min<double>(p.maxDelayMs, p.baseDelayMs * std::pow(2.0, run.retries - 1));
    // Deterministic jitter for a seed, so simulated sessions replay identically.
    QRandomGenerator rng(quint32(options.seed ^ quint64(run.record.turn * 7919 + run.attempt)));
    return base * (1.0 + p.jitter * (2.0 * rng.generateDouble() - 1.0));
}

Session::Session(const Ladder &ladder, const ProviderRegistry *providers, SessionOptions options,
                 QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, ladder, providers, std::move(options)))
{
    d->retryTimer = new QTimer(this);
    d->retryTimer->setSingleShot(true);
    connect(d->retryTimer, &QTimer::timeout, this, [this] { d->startCall(); });
    // Written with the first turn_started (a chat never used leaves no session behind).
    if (d->options.audit)
        d->options.audit->beginSession(d->options.sessionId, ladder.name, toJson(ladder));
}

Session::~Session()
{
    if (d->run.call)
        d->run.call->disconnect(this);
}

bool Session::submit(const QString &userText, const QString &manualTierId,
                     const TierParams &overrides)
{
    if (d->run.active || d->ladder.tiers.isEmpty())
        return false;
    d->start(userText, manualTierId, overrides);
    return true;
}

void Session::cancel(const QString &reason)
{
    if (!d->run.active)
        return;
    d->run.cancelReason = reason;
    if (d->retryTimer->isActive()) {
        d->retryTimer->stop();
        d->failTurn(FailureKind::Cancelled, d->run.cancelMessage());
        return;
    }
    if (d->run.call) {
        d->run.call->cancel(); // finishes with Cancelled, which fails the turn
        return;
    }
    // Between two steps (a result queued for the next event loop pass, or a listener of an event
    // cancelling): the turn ends where its next call would start.
    d->run.cancelRequested = true;
}

bool Session::busy() const
{
    return d->run.active;
}
const Ladder &Session::ladder() const
{
    return d->ladder;
}
const QString &Session::sessionId() const
{
    return d->options.sessionId;
}
const LadderState &Session::state() const
{
    return d->state;
}
const HandoffMemory &Session::memory() const
{
    return d->memory;
}
HandoffMemory &Session::memory()
{
    return d->memory;
}
const QList<TurnRecord> &Session::turns() const
{
    return d->turns;
}

bool Session::setSessionId(const QString &sessionId)
{
    if (d->run.active || sessionId.isEmpty())
        return false;
    if (sessionId == d->options.sessionId)
        return true;
    d->options.sessionId = sessionId;
    if (d->options.audit)
        d->options.audit->beginSession(sessionId, d->ladder.name, toJson(d->ladder));
    return true;
}

SessionSnapshot Session::snapshot() const
{
    return {d->state, d->memory.versions(), d->turns};
}

bool Session::restore(const SessionSnapshot &snapshot, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d->run.active)
        return fail(QStringLiteral("a turn is running"));
    const LadderState &s = snapshot.state;
    const int tiers = d->router.tierCount();
    if (s.tier < -1 || s.tier >= tiers || s.escalatedFrom < -1 || s.escalatedFrom >= tiers ||
        s.turn < 0 || s.turnsOnTier < 0)
        return fail(QStringLiteral("state: does not fit the ladder's %1 tiers").arg(tiers));
    for (qsizetype i = 0; i < snapshot.turns.size(); ++i) {
        const QString &tier = snapshot.turns[i].tierId;
        if (!tier.isEmpty() && d->router.tierIndex(tier) < 0)
            return fail(
                QStringLiteral("turns[%1].tier: no tier \"%2\" in the ladder").arg(i).arg(tier));
    }
    d->state = s;
    d->memory.restore(snapshot.memory);
    d->turns = snapshot.turns;
    return true;
}

} // namespace ladder
