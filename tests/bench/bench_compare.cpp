// app_compare_bench: four Compare columns streaming at about 200 tokens/s each (every column's
// simulated time scale is set from its entry model's modelled speed), rendered offscreen in the
// real CompareView. Prints the frame count and the max / p95 of (a) the time to produce a frame
// (afterAnimating -> frameSwapped) and (b) the interval between frames while streaming, which
// also contains the model updates on the GUI thread. Target: no frame over 32 ms.
//
//   app_compare_bench [--turns N] [--tokens-per-second N]

#include "compare/comparemodel.h"
#include "core/ladder_json.h"
#include "core/resources.h"
#include "providers/simulated_provider.h"
#include "shell/studio.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace ladder;

namespace {

Ladder example(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

struct Stats {
    double max = 0;
    double p95 = 0;
    double mean = 0;
};

Stats summarise(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    s.max = v.constLast();
    s.p95 = v[std::min(v.size() - 1, qsizetype(double(v.size()) * 0.95))];
    for (double x : v)
        s.mean += x;
    s.mean /= double(v.size());
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir dir;
    qputenv("LADDER_STUDIO_DB", dir.filePath(QStringLiteral("bench.sqlite")).toUtf8());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption turnsOption(QStringLiteral("turns"), QStringLiteral("User turns."),
                                         QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption speedOption(QStringLiteral("tokens-per-second"),
                                         QStringLiteral("Streaming speed per column."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    parser.addOptions({turnsOption, speedOption});
    parser.addHelpOption();
    parser.process(app);
    const int turns = parser.value(turnsOption).toInt();
    const double speed = parser.value(speedOption).toDouble();

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport QtQuick.Controls\nimport LadderStudio\n"
                      "ApplicationWindow { width: 1440; height: 900; visible: true\n"
                      "    CompareView { anchors.fill: parent; compare: Studio.compare } }\n",
                      QUrl(QStringLiteral("bench.qml")));
    std::unique_ptr<QObject> root(component.create());
    auto *window = qobject_cast<QQuickWindow *>(root.get());
    if (!window) {
        std::fprintf(stderr, "app_compare_bench: %s\n", qPrintable(component.errorString()));
        return 1;
    }

    CompareModel *compare = Studio::instance()->compare();
    const Ladder framing = example(QStringLiteral("framing"));
    compare->addLadder(framing);
    compare->addLadder(CompareModel::baselineLadder(framing, QStringLiteral("strong")));
    compare->addLadder(CompareModel::baselineLadder(framing, QStringLiteral("light")));
    compare->addLadder(example(QStringLiteral("escalation-tool")));
    for (int i = 0; i < compare->count(); ++i) {
        ChatSessionModel *c = compare->column(i);
        const Tier *entry = c->ladder().tier(c->ladder().entry);
        const double modelled = SimulatedProvider::profileFor(entry->model).tokensPerSecond;
        c->setTimeScale(modelled / speed); // modelled tokens/s shown at `speed` tokens/s
    }

    QElapsedTimer clock;
    clock.start();
    qint64 frameStart = -1;
    qint64 lastSwap = -1;
    bool measuring = false;
    QList<double> frameCost;
    QList<double> intervals;
    QObject::connect(window, &QQuickWindow::afterAnimating,
                     [&] { frameStart = clock.nsecsElapsed(); });
    QObject::connect(window, &QQuickWindow::frameSwapped, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (measuring && frameStart >= 0)
            frameCost.append(double(now - frameStart) / 1e6);
        if (measuring && lastSwap >= 0)
            intervals.append(double(now - lastSwap) / 1e6);
        lastSwap = now;
    });

    QSignalSpy idle(compare, &CompareModel::allIdle);
    const QStringList messages = {
        QStringLiteral("Plan a migration of our billing service to Python 3."),
        QStringLiteral("Write the first step as a shell script."),
        QStringLiteral("What about the legal implications of card data in logs?"),
        QStringLiteral("Summarise the plan as a checklist.")};
    QElapsedTimer wall;
    wall.start();
    for (int t = 0; t < turns; ++t) {
        lastSwap = -1;
        measuring = true;
        compare->send(messages[t % messages.size()]);
        if (!idle.wait(120000)) {
            std::fprintf(stderr, "app_compare_bench: turn %d did not finish\n", t + 1);
            return 1;
        }
        measuring = false;
    }
    qint64 tokens = 0;
    for (int i = 0; i < compare->count(); ++i)
        tokens += compare->column(i)->totals().value(QStringLiteral("outputTokens")).toLongLong();

    const Stats cost = summarise(frameCost);
    const Stats gap = summarise(intervals);
    std::printf("app_compare_bench: %d columns, %d turns, %lld output tokens in %.1f s "
                "(%.0f tokens/s per column target)\n",
                compare->count(), turns, tokens, double(wall.elapsed()) / 1000.0, speed);
    std::printf("frames: %lld\n", qint64(frameCost.size()));
    std::printf("frame time (afterAnimating -> frameSwapped): mean %.2f ms, p95 %.2f ms, "
                "max %.2f ms\n",
                cost.mean, cost.p95, cost.max);
    std::printf("interval between frames while streaming: mean %.2f ms, p95 %.2f ms, "
                "max %.2f ms\n",
                gap.mean, gap.p95, gap.max);
    std::printf("target: no frame over 32 ms: %s\n", cost.max <= 32.0 ? "met" : "NOT met");
    return 0;
}
