#include "batch_runner.h"
#include "replay_provider.h"

#include "engine/session.h"
#include "providers/simulated_provider.h"

#include <QEventLoop>

namespace ladder::eval {

// One conversation: one case through one variant.
class BatchRunner::Job : public ProviderRegistry
{
public:
    Job(BatchRunner *runner, int variant, int caseIndex)
        : runner(runner)
        , variant(variant)
        , caseIndex(caseIndex)
        , replay(runner->m_set)
    {
        replay.bindCase(caseIndex);
        SessionOptions options;
        options.seed = runner->m_options.seed;
        options.emitDeltas = false;
        options.retry.delayScale = 0;
        session = std::make_unique<Session>(runner->m_variants.at(variant).ladderFor(caseIndex),
                                            this, options);
        QObject::connect(session.get(), &Session::event, runner, [this](const Event &e) {
            if (e.type == Event::Type::Escalated)
                escalatedTurns.insert(e.turn);
        });
        QObject::connect(session.get(), &Session::turnFinished, runner,
                         [this](int, bool) { next(); });
    }

    Provider *provider(const QString &id) const override
    {
        if (id == QLatin1String("replay"))
            return const_cast<ReplayProvider *>(&replay);
        return runner->m_options.live ? runner->m_options.live->provider(id) : nullptr;
    }

    void next()
    {
        const EvalCase &c = runner->m_set->cases.at(caseIndex);
        const int turn = int(session->turns().size());
        if (turn < c.userTurns.size() && !stopped) {
            session->submit(c.userTurns.at(turn));
            return;
        }
        const JudgeConfig &judge = runner->m_options.judge;
        if (!stopped && !judgeCall && !judged && judge.provider && !session->turns().isEmpty() &&
            !session->turns().last().failed && isJudged(c, turn - 1)) {
            judgeCall = judge.provider->start(
                judgeRequest(judge, c, turn - 1, session->turns().last().answer));
            QObject::connect(judgeCall.data(), &ProviderCall::finished, runner, [this] {
                judgeResult = judgeCall->result();
                judged = true;
                judgeCall.clear();
                next();
            });
            return;
        }
        QMetaObject::invokeMethod(
            runner, [r = runner, self = this] { r->jobDone(self); }, Qt::QueuedConnection);
    }

    void stop()
    {
        stopped = true;
        if (judgeCall)
            judgeCall->cancel();
        if (session->busy())
            session->cancel();
    }

    CaseResult collect() const
    {
        const Variant &v = runner->m_variants.at(variant);
        const EvalCase &c = runner->m_set->cases.at(caseIndex);
        CaseResult out;
        out.caseIndex = caseIndex;
        out.finished = !stopped && session->turns().size() == c.userTurns.size();
        // The replay notes of answering calls, by turn (the last one of a turn answered it).
        QHash<int, ReplayProvider::CallNote> answerNote;
        QHash<int, qint64> forfeited;
        for (const ReplayProvider::CallNote &n : replay.notes()) {
            forfeited[n.turn] += n.switchForfeitedTokens;
            if (!n.sideCall)
                answerNote.insert(n.turn, n);
        }
        const PricingTable &prices = PricingTable::builtin();
        for (const TurnRecord &r : session->turns()) {
            TurnResult t;
            t.turn = r.turn - 1;
            t.tier = r.tierId;
            t.model = r.model;
            t.answer = r.answer;
            t.usage = r.usage;
            t.costUsd = v.priceAs.isEmpty() ? r.costUsd : prices.costUsd(v.priceAs, r.usage);
            const std::optional<ModelPrice> price = prices.price(r.model);
            if (price)
                t.switchCostUsd = forfeitedCacheUsd(*price, forfeited.value(r.turn));
            t.escalated = escalatedTurns.contains(r.turn);
            t.strong = !runner->m_options.strongModel.isEmpty() &&
                       r.model == runner->m_options.strongModel;
            if (r.failed) {
                t.error = QStringLiteral("turn failed");
                out.turns.append(t);
                continue;
            }
            const auto note = answerNote.constFind(r.turn);
            const Tier *tier = v.ladder.tier(r.tierId);
            if (note != answerNote.constEnd() && tier &&
                tier->provider == QLatin1String("replay")) {
                t.approximation = note->approximation;
                t.latencyModelled = true;
                // The replayed call's modelled latency (the session measured ~0 on this machine).
                const SimulatedProfile p = SimulatedProvider::profileFor(r.model);
                t.latencyMs = p.ttftMs + 1000.0 * double(r.usage.outputTokens) / p.tokensPerSecond;
            } else {
                t.latencyMs = r.latencyMs;
            }
            t.score = scoreAnswer(c, t.turn, r.model, r.answer, runner->m_set->labels);
            if (judged && isJudged(c, t.turn)) {
                t.score =
                    judgeResult.error
                        ? Score{std::nullopt, false,
                                QStringLiteral("the judge failed: ") + judgeResult.error->message}
                        : parseJudgeReply(judgeResult.text);
                t.judgeCostUsd = prices.costUsd(runner->m_options.judge.model, judgeResult.usage);
            }
            out.turns.append(t);
        }
        return out;
    }

    BatchRunner *runner;
    int variant;
    int caseIndex;
    ReplayProvider replay;
    std::unique_ptr<Session> session;
    QSet<int> escalatedTurns;
    bool stopped = false;
    QPointer<ProviderCall> judgeCall;
    ChatResult judgeResult;
    bool judged = false;
};

BatchRunner::BatchRunner(std::shared_ptr<const Dataset> set, QList<Variant> variants,
                         RunnerOptions options, QObject *parent)
    : QObject(parent)
    , m_set(std::move(set))
    , m_variants(std::move(variants))
    , m_options(std::move(options))
{
    m_options.concurrency = std::max(1, m_options.concurrency);
    for (int v = 0; v < m_variants.size(); ++v) {
        QList<CaseResult> cases(m_set->cases.size());
        for (int c = 0; c < cases.size(); ++c)
            cases[c].caseIndex = c;
        m_results.append(cases);
    }
}

BatchRunner::~BatchRunner()
{
    for (Job *job : std::as_const(m_active)) {
        job->stop();
        delete job;
    }
}

int BatchRunner::total() const
{
    return int(m_variants.size() * m_set->cases.size());
}

int BatchRunner::finished() const
{
    return m_finished;
}

bool BatchRunner::running() const
{
    return m_running;
}

bool BatchRunner::cancelled() const
{
    return m_cancelled;
}

const QList<Variant> &BatchRunner::variants() const
{
    return m_variants;
}

const QList<QList<CaseResult>> &BatchRunner::results() const
{
    return m_results;
}

const Dataset &BatchRunner::dataset() const
{
    return *m_set;
}

RunMetrics BatchRunner::metrics(int variant) const
{
    RunMetrics m = computeMetrics(*m_set, m_results.at(variant));
    const Variant &v = m_variants.at(variant);
    m.name = v.name;
    m.kind = v.kind;
    m.sweepValue = v.sweepValue;
    m.costIsUpperBound = !v.priceAs.isEmpty();
    return m;
}

void BatchRunner::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    pump();
    if (m_active.isEmpty()) {
        m_running = false;
        emit done(false);
    }
}

void BatchRunner::pump()
{
    // Case-major: every variant answers case 1, then case 2, ...; a cancelled run leaves every
    // variant with (nearly) the same cases, so its partial figures still compare.
    const int variants = int(m_variants.size());
    while (!m_cancelled && m_active.size() < m_options.concurrency && m_next < total()) {
        const int variant = m_next % variants;
        const int caseIndex = m_next / variants;
        ++m_next;
        Job *job = new Job(this, variant, caseIndex);
        m_active.append(job);
        job->next();
    }
}

void BatchRunner::jobDone(Job *job)
{
    if (!m_active.contains(job))
        return;
    m_active.removeOne(job);
    CaseResult result = job->collect();
    const int variant = job->variant;
    const int caseIndex = job->caseIndex;
    delete job;
    if (result.finished) {
        m_results[variant][caseIndex] = std::move(result);
        ++m_finished;
        emit caseFinished(variant, caseIndex);
        emit progress(m_finished, total());
    }
    pump();
    if (m_active.isEmpty() && (m_cancelled || m_next >= total())) {
        m_running = false;
        emit done(m_cancelled);
    }
}

void BatchRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    for (Job *job : std::as_const(m_active))
        job->stop();
}

void BatchRunner::runBlocking()
{
    QEventLoop loop;
    connect(this, &BatchRunner::done, &loop, &QEventLoop::quit);
    start();
    if (m_running)
        loop.exec();
}

} // namespace ladder::eval
