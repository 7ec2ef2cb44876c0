#include "bench_command.h"

#include "validate_command.h"

#include "engine/router.h"
#include "engine/session.h"
#include "providers/default_registry.h"
#include "store/audit_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <sys/resource.h>

namespace ladder::cli {

namespace {

const QStringList kScript = {
    QStringLiteral("I want to build a small command-line tool that renames photos by date."),
    QStringLiteral("It must run on Linux and macOS and use only the Python standard library."),
    QStringLiteral("Write the function that reads the date from the EXIF data."),
    QStringLiteral("Now add a dry-run flag that prints what would change."),
    QStringLiteral("Is it legal to scan my coworkers' photos for GPS data?"),
    QStringLiteral("Add a short usage section to the README."),
};

template <typename T> T percentile(QList<T> values, double p)
{
    if (values.isEmpty())
        return T{};
    std::sort(values.begin(), values.end());
    const qsizetype i = std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size()));
    return values[i];
}

double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

QJsonObject benchRouter(const Ladder &ladder)
{
    const Router router(ladder);
    // A spread of states and signals, as a session sees them.
    QList<LadderState> states;
    QList<TurnSignals> inputs;
    for (int i = 0; i < 64; ++i) {
        LadderState s;
        s.tier = i % 5 == 0 ? -1 : i % router.tierCount();
        s.turnsOnTier = i % 4;
        s.escalatedFrom = i % 7 == 0 ? 0 : -1;
        s.turn = i;
        states.append(s);
        TurnSignals t;
        t.pre = i % 3 == 0 ? bit(PreSignal(i % 5)) : 0;
        inputs.append(t);
    }
    constexpr int kBatch = 4096;
    QList<double> perDecisionNs;
    int sink = 0;
    QElapsedTimer timer;
    for (int rep = 0; rep < 300; ++rep) {
        timer.start();
        for (int i = 0; i < kBatch; ++i)
            sink += router.route(states[i & 63], inputs[i & 63]).tier;
        perDecisionNs.append(double(timer.nsecsElapsed()) / kBatch);
    }
    return {{QStringLiteral("route_decision_ns_median"), percentile(perDecisionNs, 0.5)},
            {QStringLiteral("route_decision_ns_p95"), percentile(perDecisionNs, 0.95)},
            {QStringLiteral("route_checksum"), sink}};
}

struct SessionRun {
    QList<double> turnMicros;
    double seconds = 0;
    double rssAfterFirstThousandMb = 0;
    double rssEndMb = 0;
    int failed = 0;
};

// Runs `turns` turns against the zero-latency simulated provider with the audit on a real file.
SessionRun runSession(const Ladder &ladder, int turns, const QString &auditPath)
{
    SimulatedRegistry registry;
    registry.simulated().setTimeScale(0);
    AuditStore audit;
    QString error;
    if (!audit.open(auditPath, &error))
        QTextStream(stderr) << "ladder bench: audit: " << error << '\n';
    SessionOptions options;
    options.audit = audit.isOpen() ? &audit : nullptr;
    options.retry.delayScale = 0;
    Session session(ladder, &registry, options);

    SessionRun run;
    run.turnMicros.reserve(turns);
    QElapsedTimer total;
    QElapsedTimer turnTimer;
    QEventLoop loop;
    int done = 0;
    QObject::connect(&session, &Session::turnFinished, &loop, [&](int, bool ok) {
        run.turnMicros.append(double(turnTimer.nsecsElapsed()) / 1000.0);
        run.failed += ok ? 0 : 1;
        if (++done == 1000)
            run.rssAfterFirstThousandMb = currentRssMb();
        if (done == turns) {
            loop.quit();
            return;
        }
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                turnTimer.start();
                session.submit(kScript[done % kScript.size()]);
            },
            Qt::QueuedConnection);
    });
    total.start();
    turnTimer.start();
    session.submit(kScript[0]);
    loop.exec();
    run.seconds = double(total.nsecsElapsed()) / 1e9;
    run.rssEndMb = currentRssMb();
    return run;
}

} // namespace

int runBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measure the engine: router decisions, the overhead of a full turn "
                       "(routing, prompt assembly, memory injection, events and audit write, "
                       "against a zero-latency simulated provider), and a long session."));
    parser.addHelpOption();
    const QCommandLineOption ladderOption(QStringLiteral("ladder"),
                                          QStringLiteral("Ladder to measure (default: framing)."),
                                          QStringLiteral("FILE"), QStringLiteral("framing"));
    const QCommandLineOption turnsOption(QStringLiteral("turns"),
                                         QStringLiteral("Turns of the long session (default "
                                                        "10000)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOptions({ladderOption, turnsOption});
    parser.process(args);

    Ladder ladder;
    if (!loadLadderOrExample(parser.value(ladderOption), &ladder))
        return 1;
    bool ok = false;
    const int longTurns = parser.value(turnsOption).toInt(&ok);
    if (!ok || longTurns < 1) {
        QTextStream(stderr) << "ladder bench: --turns: expected a positive integer\n";
        return 2;
    }
    QTemporaryDir dir;

    QJsonObject figures = benchRouter(ladder);
    const SessionRun overhead =
        runSession(ladder, 2000, dir.filePath(QStringLiteral("overhead.sqlite")));
    figures.insert(QStringLiteral("turn_overhead_us_median"), percentile(overhead.turnMicros, 0.5));
    figures.insert(QStringLiteral("turn_overhead_us_p95"), percentile(overhead.turnMicros, 0.95));

    const SessionRun longRun =
        runSession(ladder, longTurns, dir.filePath(QStringLiteral("long.sqlite")));
    figures.insert(QStringLiteral("session_turns"), longTurns);
    figures.insert(QStringLiteral("session_seconds"), longRun.seconds);
    figures.insert(QStringLiteral("session_failed_turns"), longRun.failed);
    figures.insert(QStringLiteral("rss_after_1000_turns_mb"), longRun.rssAfterFirstThousandMb);
    figures.insert(QStringLiteral("rss_end_mb"), longRun.rssEndMb);
    figures.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
    figures.insert(QStringLiteral("ladder"), ladder.name);
    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace ladder::cli
