// app_open_bench: what a user waits for when opening a big ladder. For each size it writes a
// generated ladder (bench_ladder.h; no layout, so the studio lays it out), runs the real
// `ladder-studio FILE --screenshot PNG` offscreen as its own process, from exec to the PNG of a
// settled window (QML loaded, document read, validated, laid out, every area built, first
// frames rendered), and prints the wall time and the process's peak RSS. app_canvas_bench
// measures the canvas alone; this measures the whole open.
//
//   app_open_bench [--studio BIN] [--tiers 300,1000,2000] [--description-mb 10,50]
//                  [--transitions-per-tier F] [--keep DIR] [--timeout S]
//   app_open_bench --generate FILE [--tiers N] [--description-mb M]   (writes one ladder, exits)
//
// Figures on the 2-core build VM (2026-12-03), offscreen; wall time depends on what else runs
// (load average 13 before, 2.7 after), CPU time (user + system) much less:
//                                 before (4665ed1)                 after
//   300 tiers, 1,002 transitions  50.3 s wall,   7.6 s cpu, 240 MB   1.2 s, 0.75 s, 151 MB
//   1,000 tiers, 3,340            364 s, 77 s cpu, 479 MB, no PNG    1.5 s, 0.96 s, 168 MB
//                                 (the capture timed out)
//   2,000 tiers, 6,680            killed after 400 s (258 s cpu,     1.6 s, 1.40 s, 193 MB
//                                 820 MB)
//   30 tiers, 10 MB description   10.5 s, 6.7 s cpu, 228 MB          1.6 s, 0.98 s, 183 MB
//   30 tiers, 50 MB description   32.7 s, 28.2 s cpu, 549 MB         3.3 s, 2.41 s, 548 MB
// (the framing example alone: 0.76 s cpu, the studio's fixed start-up cost).
// After the Export area merged, main had regressed (10:48, load 1.0-1.5); then the Export area
// exports only while shown and ladder files are read by core/json_text (11:47, load 7.9, so wall
// times are inflated; CPU time is the comparable figure):
//                                 before                             after
//   300 tiers                     4.6 s wall, 4.50 s cpu, 169 MB     2.0 s, 0.70 s, 161 MB
//   1,000 tiers                   16.4 s, 16.3 s cpu, 204 MB         2.6 s, 0.96 s, 178 MB
//   2,000 tiers                   47.1 s, 45.4 s cpu, 254 MB         3.5 s, 1.31 s, 203 MB
//   10 MB description             1.7 s, 1.61 s cpu, 198 MB          2.5 s, 0.87 s, 193 MB
//   50 MB description             3.5 s, 3.48 s cpu, 656 MB          4.8 s, 1.67 s, 493 MB
// What the quadratic costs were (perf): Insights' legend rebuilt per tier bar set, node items
// made for the view before the first fit, menus with an item per tier, timeline lanes rebuilt
// per read, Ladder::tier() linear searches in validation, the inspector laying out megabytes of
// text; then the hidden Export area exporting and colouring every ladder opened, and
// QJsonDocument building escaped strings a character at a time.

#include "bench_ladder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ladder;

namespace {

struct Run {
    int exitCode = -1; // -1: killed after the timeout
    double wallMs = 0;
    double cpuMs = 0; // user + system: what the open costs when other processes share the cores
    double maxRssMb = 0;
};

double cpuMsOf(const rusage &usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

Run runStudio(const QString &studio, const QString &file, const QString &png, int timeoutS,
              const QString &home, const QString &log)
{
    const QByteArray logPath = QFile::encodeName(log);
    const QByteArray bin = QFile::encodeName(studio);
    const QByteArray fileArg = QFile::encodeName(file);
    const QByteArray pngArg = QFile::encodeName(png);
    const QByteArray config = QFile::encodeName(home + QStringLiteral("/config"));
    const QByteArray data = QFile::encodeName(home + QStringLiteral("/data"));
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        setenv("XDG_CONFIG_HOME", config.constData(), 1);
        setenv("XDG_DATA_HOME", data.constData(), 1);
        // The studio's own messages go to a log beside the ladder, not between the figures.
        if (const int fd = open(logPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644); fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        execl(bin.constData(), bin.constData(), fileArg.constData(), "--screenshot",
              pngArg.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    Run run;
    if (pid < 0)
        return run;
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (clock.elapsed() > qint64(timeoutS) * 1000) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            run.wallMs = double(clock.nsecsElapsed()) / 1e6;
            run.cpuMs = cpuMsOf(usage);
            run.maxRssMb = double(usage.ru_maxrss) / 1024.0;
            return run;
        }
        QThread::msleep(5);
    }
    run.wallMs = double(clock.nsecsElapsed()) / 1e6;
    run.cpuMs = cpuMsOf(usage);
    run.maxRssMb = double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

QList<int> intList(const QString &text)
{
    QList<int> values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        values.append(part.trimmed().toInt());
    return values;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption studioOpt(QStringLiteral("studio"),
                                       QStringLiteral("The ladder-studio binary."),
                                       QStringLiteral("bin"), QStringLiteral(LADDER_STUDIO_BIN));
    const QCommandLineOption tiersOpt(QStringLiteral("tiers"),
                                      QStringLiteral("Tier counts, comma-separated."),
                                      QStringLiteral("list"), QStringLiteral("300,1000,2000"));
    const QCommandLineOption perTierOpt(QStringLiteral("transitions-per-tier"),
                                        QStringLiteral("Transitions per tier (like "
                                                       "app_canvas_bench's 1,000 for 300)."),
                                        QStringLiteral("f"), QStringLiteral("3.34"));
    const QCommandLineOption descOpt(QStringLiteral("description-mb"),
                                     QStringLiteral("Description sizes in MB, comma-separated "
                                                    "(a 30-tier ladder each)."),
                                     QStringLiteral("list"), QStringLiteral("10,50"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("Keep the ladders and screenshots in DIR."),
                                     QStringLiteral("dir"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Seconds before a run is killed."),
                                        QStringLiteral("s"), QStringLiteral("180"));
    const QCommandLineOption generateOpt(
        QStringLiteral("generate"),
        QStringLiteral("Write one ladder (the first --tiers, the first --description-mb or none "
                       "when not given) to FILE and exit."),
        QStringLiteral("file"));
    parser.addOptions({studioOpt, tiersOpt, perTierOpt, descOpt, keepOpt, timeoutOpt, generateOpt});
    parser.process(app);
    const double perTier = parser.value(perTierOpt).toDouble();
    const QList<int> tiers = intList(parser.value(tiersOpt));
    const QList<int> descriptions = intList(parser.value(descOpt));

    if (parser.isSet(generateOpt)) {
        const int n = tiers.value(0, 300);
        const qsizetype bytes =
            parser.isSet(descOpt) ? qsizetype(descriptions.value(0)) * 1000 * 1000 : 0;
        const QString path = parser.value(generateOpt);
        if (!writeFile(path, bench::generateLadder(n, int(n * perTier), bytes))) {
            std::fprintf(stderr, "bench: cannot write %s\n", qPrintable(path));
            return 1;
        }
        return 0;
    }

    QTemporaryDir temp;
    const QString dir = parser.isSet(keepOpt) ? parser.value(keepOpt) : temp.path();
    const QString studio = parser.value(studioOpt);
    const int timeoutS = parser.value(timeoutOpt).toInt();
    std::printf("whole process: %s FILE --screenshot PNG, offscreen\n", qPrintable(studio));
    std::printf("%-34s %10s %10s %12s  %s\n", "ladder", "wall ms", "cpu ms", "max RSS MB",
                "result");
    struct Case {
        QString name;
        QByteArray json;
    };
    QList<Case> cases;
    for (int n : tiers)
        cases.append({QStringLiteral("%1 tiers, %2 transitions").arg(n).arg(int(n * perTier)), {}});
    for (int mb : descriptions)
        cases.append({QStringLiteral("30 tiers, %1 MB description").arg(mb), {}});
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const bool isTiers = i < tiers.size();
        const int n = isTiers ? tiers[i] : 30;
        const qsizetype bytes = isTiers ? 0 : qsizetype(descriptions[i - tiers.size()]) * 1000000;
        const QString base = isTiers ? QStringLiteral("%1/tiers-%2").arg(dir).arg(n)
                                     : QStringLiteral("%1/description-%2mb")
                                           .arg(dir)
                                           .arg(descriptions[i - tiers.size()]);
        if (!writeFile(base + QStringLiteral(".json"),
                       bench::generateLadder(n, int(n * perTier), bytes))) {
            std::fprintf(stderr, "bench: cannot write %s.json\n", qPrintable(base));
            return 1;
        }
        QTemporaryDir home;
        const Run run =
            runStudio(studio, base + QStringLiteral(".json"), base + QStringLiteral(".png"),
                      timeoutS, home.path(), base + QStringLiteral(".log"));
        QString result;
        if (run.exitCode < 0)
            result = QStringLiteral("killed after %1 s").arg(timeoutS);
        else if (run.exitCode != 0)
            result = QStringLiteral("exit %1").arg(run.exitCode);
        else if (QImage(base + QStringLiteral(".png")).isNull())
            result = QStringLiteral("no screenshot");
        else
            result = QStringLiteral("ok");
        std::printf("%-34s %10.0f %10.0f %12.0f  %s\n", qPrintable(cases[i].name), run.wallMs,
                    run.cpuMs, run.maxRssMb, qPrintable(result));
        std::fflush(stdout);
    }
    std::printf("target: 1,000 tiers under 2000 ms\n");
    return 0;
}
