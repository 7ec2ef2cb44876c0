#include "eval_command.h"

#include "run_options.h"
#include "validate_command.h"

#include "eval/cross_validation.h"
#include "eval/eval_report.h"
#include "eval/importers.h"
#include "eval/run_history.h"
#include "providers/provider_config.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace ladder::cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onSigint(int)
{
    g_interrupted = true;
}

QString pct(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

QString quality(const eval::RunMetrics &m)
{
    if (!m.quality)
        return QStringLiteral("–");
    return m.qualityKind == QLatin1String("accuracy") ? pct(*m.quality)
                                                      : QString::number(*m.quality, 'f', 2);
}

QString cell(const QString &text, int width, bool left = false)
{
    return left ? text.leftJustified(width, QLatin1Char(' '), true)
                : text.rightJustified(width, QLatin1Char(' '), true);
}

void printTable(QTextStream &out, const eval::BatchRunner &runner,
                const eval::PreparedEval &prepared)
{
    const eval::Dataset &set = runner.dataset();
    out << set.name << ": " << set.cases.size() << " cases, " << set.turnCount() << " turns ("
        << set.path << ")\n";
    out << "strong model " << prepared.strongModel << ", light model " << prepared.weakModel
        << "\n\n";
    int nameWidth = 8;
    for (const eval::Variant &v : runner.variants())
        nameWidth = std::max(nameWidth, int(v.name.size()) + 2);
    nameWidth = std::min(nameWidth, 40);
    out << cell(QStringLiteral("run"), nameWidth, true) << cell(QStringLiteral("quality"), 9)
        << cell(QStringLiteral("cost $"), 11) << cell(QStringLiteral("$/case"), 11)
        << cell(QStringLiteral("strong"), 8) << cell(QStringLiteral("escal."), 8)
        << cell(QStringLiteral("p50 ms"), 8) << cell(QStringLiteral("p95 ms"), 8)
        << cell(QStringLiteral("switch $"), 10) << cell(QStringLiteral("approx"), 7)
        << cell(QStringLiteral("cases"), 7) << '\n';
    for (int v = 0; v < runner.variants().size(); ++v) {
        const eval::RunMetrics m = runner.metrics(v);
        const QString cost = QString::number(m.costUsd, 'f', 4) +
                             (m.costIsUpperBound ? QStringLiteral("≤") : QString());
        out << cell(m.name, nameWidth, true) << cell(quality(m), 9)
            << cell(m.costIsUpperBound ? QStringLiteral("≤") + QString::number(m.costUsd, 'f', 4)
                                       : cost,
                    11)
            << cell(QString::number(m.costPerCaseUsd, 'f', 6), 11)
            << cell(m.kind == QLatin1String("router") ? QStringLiteral("?")
                                                      : pct(m.strongCallShare),
                    8)
            << cell(pct(m.escalationRate), 8) << cell(QString::number(m.latencyP50Ms, 'f', 0), 8)
            << cell(QString::number(m.latencyP95Ms, 'f', 0), 8)
            << cell(QString::number(m.switchCostUsd, 'f', 4), 10)
            << cell(QString::number(m.approximateTurns), 7) << cell(QString::number(m.cases), 7)
            << '\n';
    }
    if (const std::optional<eval::GapMetrics> gap = eval::sweepGap(runner, prepared)) {
        auto share = [](const std::optional<double> &v) {
            return v ? pct(*v) : QStringLiteral("not reached");
        };
        out << "\nsweep (RouteLLM): CPT(50%) " << share(gap->cpt50) << ", CPT(80%) "
            << share(gap->cpt80) << ", CPT(95%) " << share(gap->cpt95) << ", APGR "
            << (gap->apgr ? QString::number(*gap->apgr, 'f', 3) : QStringLiteral("–")) << '\n';
    }
    out << "\nquality: "
        << (set.labels == eval::LabelKind::Score ? "mean recorded judge score" : "accuracy")
        << "; strong = share of turns answered by " << prepared.strongModel
        << "; costs from the pricing table with tokens estimated at ~4 characters a token; "
           "latency modelled for replayed answers";
    for (const eval::Variant &v : runner.variants())
        if (v.kind == QLatin1String("router")) {
            out << "; recorded routers: cost is an upper bound (every token at " << v.priceAs
                << "'s price)";
            break;
        }
    out << ".\n";
    for (const QString &note : set.notes)
        out << "note: " << note << '\n';
}

class ProgressBar
{
public:
    explicit ProgressBar(bool enabled)
        : m_enabled(enabled)
    {}
    void update(int done, int total)
    {
        if (!m_enabled || total <= 0)
            return;
        const int width = 30;
        const int filled = int(double(done) / total * width);
        QTextStream err(stderr);
        err << '\r' << '[' << QString(filled, QLatin1Char('#'))
            << QString(width - filled, QLatin1Char('.')) << "] " << done << '/' << total
            << " conversations" << Qt::flush;
    }
    void clear()
    {
        if (m_enabled)
            QTextStream(stderr) << "\r\033[K" << Qt::flush;
    }

private:
    bool m_enabled;
};

// The options of `ladder eval` besides --providers, in the order --help lists them.
struct EvalCommandLine {
    const QCommandLineOption judge{
        QStringLiteral("judge"),
        QStringLiteral("The judge model for cases scored by the LLM judge (its cost is shown "
                       "apart); needs --providers."),
        QStringLiteral("PROVIDER:MODEL")};
    const QCommandLineOption cv{
        QStringLiteral("cv"),
        QStringLiteral("K-fold cross-validation: learned detectors are retrained on K-1 folds and "
                       "answer the held-out fold, at every sweep point."),
        QStringLiteral("K")};
    const QCommandLineOption labelRule{
        QStringLiteral("label-rule"),
        QStringLiteral("--cv: when a turn needs the strong tier (see ladder train)."),
        QStringLiteral("rule"), QStringLiteral("margin:1")};
    const QCommandLineOption prune{
        QStringLiteral("prune"),
        QStringLiteral("--cv: leave out weights smaller than F times the largest (see ladder "
                       "train)."),
        QStringLiteral("F"), QStringLiteral("0")};
    const QCommandLineOption dataset{
        QStringLiteral("dataset"),
        QStringLiteral("The data set: MT-Bench replay JSONL, GSM8K CSV, an audit log, or the "
                       "generic JSONL (docs/eval-format.md)."),
        QStringLiteral("path")};
    const QCommandLineOption format{QStringLiteral("format"),
                                    QStringLiteral("mt_bench, gsm8k, audit or jsonl (default: tell "
                                                   "from the file)."),
                                    QStringLiteral("format")};
    const QCommandLineOption map =
        mapOption(QStringLiteral("The tier answers from the recorded answerer (replay provider)."));
    const QCommandLineOption baseline{
        QStringLiteral("baseline"),
        QStringLiteral("Only these baselines (default: always:TIER for every tier)."),
        QStringLiteral("always:TIER")};
    const QCommandLineOption sweep{
        QStringLiteral("sweep"),
        QStringLiteral("Run the ladder once per value of a detector/transition/tier number (or a "
                       "{FIELD} placeholder in a detector's patterns); prints CPT and APGR."),
        QStringLiteral("ID.FIELD=FROM:TO:STEP")};
    const QCommandLineOption concurrency{QStringLiteral("concurrency"),
                                         QStringLiteral("Conversations in flight (default 8)."),
                                         QStringLiteral("n"), QStringLiteral("8")};
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print one JSON object.")};
    const RunOptions run{
        "eval", RunOptions::Providers,
        QStringLiteral("Provider configuration for tiers that are not replayed (real models).")};
    const QCommandLineOption runs{
        QStringLiteral("runs"),
        QStringLiteral("Keep the runs in this SQLite file (default: eval-runs.sqlite in the "
                       "user's data folder)."),
        QStringLiteral("db")};
    const QCommandLineOption noKeep{QStringLiteral("no-keep"),
                                    QStringLiteral("Do not keep the runs.")};
    const QCommandLineOption compare{
        QStringLiteral("compare"),
        QStringLiteral("Compare the ladder's run with a kept run of the same set: a run id, or "
                       "\"last\" (the previous run of the same ladder)."),
        QStringLiteral("run")};
    const QCommandLineOption failures{QStringLiteral("failures-only"),
                                      QStringLiteral("--compare: failing cases only.")};
    const QCommandLineOption differences{QStringLiteral("differences-only"),
                                         QStringLiteral("--compare: changed cases only.")};
    const QCommandLineOption noRouters{
        QStringLiteral("no-routers"),
        QStringLiteral("Leave out the data set's recorded routers (MT-Bench: martian, unify).")};

    QList<QCommandLineOption> all() const
    {
        return {judge, cv,       labelRule, prune,       dataset,     format,
                map,   baseline, sweep,     concurrency, json,        run.providers,
                runs,  noKeep,   compare,   failures,    differences, noRouters};
    }
};

// The plan's mapping, baselines, sweep and routers from the command line (the ladder is read
// later, with the providers file).
bool readPlan(const QCommandLineParser &parser, const EvalCommandLine &cl, eval::EvalPlan *plan,
              QTextStream &err)
{
    if (!OptionReader(parser, "eval").tierMap(cl.map, &plan->map))
        return false;
    for (const QString &b : parser.values(cl.baseline)) {
        if (!b.startsWith(QLatin1String("always:")) || b.size() <= 7) {
            err << "ladder eval: --baseline \"" << b << "\": expected always:TIER\n";
            return false;
        }
        plan->baselines.append(b.mid(7));
    }
    if (parser.isSet(cl.sweep)) {
        QString error;
        plan->sweep = eval::parseSweep(parser.value(cl.sweep), &error);
        if (!plan->sweep) {
            err << "ladder eval: " << error << '\n';
            return false;
        }
    }
    plan->recordedRouters = !parser.isSet(cl.noRouters);
    return true;
}

// Without a providers file every tier must be replayed from the set's recorded answers.
bool everyTierReplayed(const eval::EvalPlan &plan, const eval::Dataset &set, QTextStream &err)
{
    Ladder mapped = plan.ladder;
    QString error;
    if (!eval::applyMapping(&mapped, plan.map, &error)) {
        err << "ladder eval: " << error << '\n';
        return false;
    }
    for (const Tier &t : mapped.tiers) {
        if (t.provider != QLatin1String("replay")) {
            err << "ladder eval: tier \"" << t.id << "\" uses provider \"" << t.provider
                << "\": replay it with --map " << t.id
                << "=ANSWERER (answerers: " << set.answerers.join(QStringLiteral(", "))
                << ") or give --providers FILE\n";
            return false;
        }
    }
    return true;
}

// --cv K: learned detectors retrained per fold. False (with a message) on a bad value.
bool readCrossValidation(const QCommandLineParser &parser, const EvalCommandLine &cl,
                         const eval::Dataset &set, eval::PreparedEval *prepared,
                         std::optional<eval::CrossValidationRun> *out, QTextStream &err)
{
    if (!parser.isSet(cl.cv))
        return true;
    QString error;
    eval::TrainOptions train;
    const std::optional<eval::LabelRule> rule =
        eval::parseLabelRule(parser.value(cl.labelRule), &error);
    if (!OptionReader(parser, "eval").number(cl.prune, 0, 0.9, &train.prune))
        return false;
    bool ok = false;
    const int k = parser.value(cl.cv).toInt(&ok);
    if (rule) {
        train.rule = *rule;
        *out = eval::applyCrossValidation(prepared, set, train, ok ? k : 0, &error);
    }
    if (!*out) {
        err << "ladder eval: " << error << '\n';
        return false;
    }
    return true;
}

// --judge PROVIDER:MODEL of the providers file.
bool readJudge(const QCommandLineParser &parser, const EvalCommandLine &cl, RunRegistry *live,
               eval::JudgeConfig *judge, QTextStream &err)
{
    if (!parser.isSet(cl.judge))
        return true;
    const QString value = parser.value(cl.judge);
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == value.size() - 1 || !live) {
        err << "ladder eval: --judge: expected PROVIDER:MODEL of the --providers file\n";
        return false;
    }
    *judge = {live->provider(value.left(colon)), value.left(colon), value.mid(colon + 1)};
    if (!judge->provider) {
        err << "ladder eval: --judge: no provider \"" << value.left(colon) << "\"\n";
        return false;
    }
    return true;
}

// Runs the batch with a progress bar on a terminal; Ctrl+C cancels it.
void runWithProgress(eval::BatchRunner &runner)
{
    ProgressBar bar(isatty(STDERR_FILENO));
    QElapsedTimer sinceDraw;
    sinceDraw.start();
    QObject::connect(&runner, &eval::BatchRunner::progress, [&](int done, int total) {
        if (sinceDraw.elapsed() >= 100 || done == total) {
            bar.update(done, total);
            sinceDraw.restart();
        }
    });
    g_interrupted = false;
    auto previous = std::signal(SIGINT, onSigint);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (g_interrupted)
            runner.cancel();
    });
    interruptPoll.start(50);
    runner.runBlocking();
    interruptPoll.stop();
    std::signal(SIGINT, previous);
    bar.clear();
}

// The kept run --compare names: a run id, or "last" (the ladder's previous run of the set).
std::optional<StoredEvalRun> earlierRun(EvalRunStore &store, const QString &which,
                                        const QString &setName, const QString &ladderName)
{
    if (which != QLatin1String("last"))
        return store.run(which.toLongLong());
    for (const StoredEvalRun &r : store.runs(setName)) {
        if (r.variant == ladderName)
            return r;
    }
    return std::nullopt;
}

// Keeps every variant's run; the id of the ladder's (the first variant's).
qint64 keepRuns(EvalRunStore &store, const eval::BatchRunner &runner, const eval::Dataset &set,
                const QJsonObject &report)
{
    const QJsonArray runs = report.value(QStringLiteral("runs")).toArray();
    qint64 ladderRunId = 0;
    for (int v = 0; v < runner.variants().size(); ++v) {
        StoredEvalRun run;
        run.dataset = set.path;
        run.setName = set.name;
        run.variant = runner.variants().at(v).name;
        run.metrics = runs.at(v).toObject();
        const qint64 id = store.save(run, eval::storedCases(set, runner.results().at(v)));
        if (v == 0)
            ladderRunId = id;
    }
    return ladderRunId;
}

QJsonArray comparisonJson(const QList<eval::CaseDiff> &diffs)
{
    QJsonArray comparison;
    for (const eval::CaseDiff &d : diffs) {
        comparison.append(
            QJsonObject{{QStringLiteral("case"), d.caseId},
                        {QStringLiteral("quality"), d.quality},
                        {QStringLiteral("before"),
                         d.before.quality ? QJsonValue(*d.before.quality) : QJsonValue()},
                        {QStringLiteral("after"),
                         d.after.quality ? QJsonValue(*d.after.quality) : QJsonValue()},
                        {QStringLiteral("cost_delta_usd"), d.costDeltaUsd},
                        {QStringLiteral("models"), d.after.models}});
    }
    return comparison;
}

// Keeps the runs (unless --no-keep or cancelled), then compares the ladder's with the run
// --compare names. The comparison's cases.
QJsonArray keepAndCompare(const QCommandLineParser &parser, const EvalCommandLine &cl,
                          const eval::BatchRunner &runner, const eval::Dataset &set,
                          const QJsonObject &report, QTextStream &out, QTextStream &err)
{
    if (parser.isSet(cl.noKeep) || runner.cancelled())
        return {};
    EvalRunStore store;
    QString error;
    const QString path =
        parser.isSet(cl.runs) ? parser.value(cl.runs) : EvalRunStore::defaultPath();
    if (!store.open(path, &error)) {
        err << "ladder eval: warning: runs not kept: " << error << '\n';
        return {};
    }
    std::optional<StoredEvalRun> earlier;
    if (parser.isSet(cl.compare)) {
        const QString which = parser.value(cl.compare);
        earlier = earlierRun(store, which, set.name, runner.variants().first().name);
        if (!earlier)
            err << "ladder eval: --compare: no kept run \"" << which << "\" of " << set.name
                << '\n';
    }
    const qint64 ladderRunId = keepRuns(store, runner, set, report);
    if (!store.lastError().isEmpty())
        err << "ladder eval: warning: " << store.lastError() << '\n';
    QJsonArray comparison;
    if (earlier) {
        const eval::CompareFilter filter{parser.isSet(cl.failures), parser.isSet(cl.differences)};
        const QList<eval::CaseDiff> diffs =
            eval::compareRuns(store.cases(earlier->id), store.cases(ladderRunId), filter);
        const eval::CompareSummary s = eval::summarise(diffs);
        if (!parser.isSet(cl.json)) {
            out << "\ncompared with run " << earlier->id << " (" << earlier->variant << ", "
                << earlier->createdAt.toString(Qt::ISODate) << "): " << s.better << " better, "
                << s.worse << " worse, " << s.same << " same, " << s.cheaper << " cheaper, "
                << s.dearer << " dearer\n";
        }
        comparison = comparisonJson(diffs);
    }
    if (!parser.isSet(cl.json))
        err << "runs kept in " << path << " (ladder run " << ladderRunId << ")\n";
    return comparison;
}

void printText(QTextStream &out, const eval::BatchRunner &runner,
               const eval::PreparedEval &prepared, const QJsonObject &report,
               const QJsonArray &comparison)
{
    if (runner.cancelled())
        out << "interrupted: " << runner.finished() << " of " << runner.total()
            << " conversations finished; figures cover those.\n";
    printTable(out, runner, prepared);
    if (report.contains(QStringLiteral("cross_validation")))
        out << "note: "
            << report.value(QStringLiteral("cross_validation"))
                   .toObject()
                   .value(QStringLiteral("note"))
                   .toString()
            << ".\n";
    for (const QJsonValue &v : comparison) {
        const QJsonObject d = v.toObject();
        out << "  " << cell(d.value(QStringLiteral("case")).toString(), 10, true) << ' '
            << cell(d.value(QStringLiteral("quality")).toString(), 7, true) << "  "
            << d.value(QStringLiteral("models")).toString() << '\n';
    }
}

} // namespace

int runEval(const QStringList &args)
{
    QCommandLineParser parser;
    const EvalCommandLine cl;
    processLadderCommandLine(
        &parser, args,
        QStringLiteral("Runs every case of a data set through a ladder (the chat engine and "
                       "router) against recorded answers, beside baselines and sweep points, and "
                       "prints quality and cost."),
        QStringLiteral("Ladder file or example"), cl.all());

    QTextStream err(stderr);
    QTextStream out(stdout);
    const OptionReader read(parser, "eval");
    if (!read.oneArgument("one ladder"))
        return 2;
    if (!parser.isSet(cl.dataset)) {
        err << "ladder eval: --dataset PATH is required\n";
        return 2;
    }
    eval::RunnerOptions options;
    eval::EvalPlan plan;
    if (!read.integer(cl.concurrency, 1, 256, &options.concurrency) ||
        !readPlan(parser, cl, &plan, err))
        return 2;
    RunProviders providers;
    if (const int code = cl.run.loadProvidersAndLadder(
            parser, parser.positionalArguments().constFirst(), &providers, &plan.ladder))
        return code;

    QString error;
    const std::optional<eval::Dataset> imported =
        eval::importDataset(parser.value(cl.dataset), parser.value(cl.format), &error);
    if (!imported) {
        err << "ladder eval: " << error << '\n';
        return 1;
    }
    auto set = std::make_shared<const eval::Dataset>(*imported);
    std::unique_ptr<RunRegistry> live;
    if (providers.given)
        live = std::make_unique<RunRegistry>(&providers.config);
    else if (!everyTierReplayed(plan, *set, err))
        return 2;

    std::optional<eval::PreparedEval> prepared = eval::prepareEval(*set, plan, &error);
    if (!prepared) {
        err << "ladder eval: " << error << '\n';
        return 2;
    }
    std::optional<eval::CrossValidationRun> crossValidation;
    if (!readCrossValidation(parser, cl, *set, &*prepared, &crossValidation, err))
        return 2;
    options.live = live.get();
    options.strongModel = prepared->strongModel;
    if (prepared->variants.isEmpty()) {
        err << "ladder eval: nothing to run\n";
        return 2;
    }
    if (!readJudge(parser, cl, live.get(), &options.judge, err))
        return 2;

    eval::BatchRunner runner(set, prepared->variants, options);
    runWithProgress(runner);
    QJsonObject report = eval::reportJson(runner, *prepared);
    if (crossValidation)
        report.insert(QStringLiteral("cross_validation"),
                      eval::crossValidationJson(*crossValidation));
    const QJsonArray comparison = keepAndCompare(parser, cl, runner, *set, report, out, err);
    if (parser.isSet(cl.json)) {
        if (parser.isSet(cl.compare))
            report.insert(QStringLiteral("comparison"), comparison);
        out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        printText(out, runner, *prepared, report, comparison);
    }
    return runner.cancelled() ? 130 : 0;
}

} // namespace ladder::cli
