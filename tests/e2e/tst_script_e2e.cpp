// End to end: `ladder-studio LADDER --view chat|compare --script FILE --screenshot PNG` plays the
// script's turns on the simulated provider, waits for them, writes a non-blank PNG (dark in the
// dark theme) and exits 0; a script with a bad directive makes it exit non-zero naming the line.
// What the picture shows is checked at known places (items listed beside the PNG): the chat's
// timeline has a lane per tier and each turn's mark in its tier's colour, Compare shows the
// default comparison's three columns. A ladder with a quality gate and a budget shows a
// format_violation escalation and a budget_exceeded step-down on the timeline and in the chat.
#include "../support/screenshot_items.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class ScriptE2eTest : public QObject
{
    Q_OBJECT

private slots:
    void scriptedRunWritesScreenshot_data();
    void scriptedRunWritesScreenshot();
    void badScriptFailsNamingTheLine();
    void gateAndBudgetShowInTheTimeline();

private:
    static void checkShownContent(const QString &ladderPath, const QString &view,
                                  const QImage &image, const QString &png);
    int run(const QStringList &args, const QString &home, QString *err);
};

int ScriptE2eTest::run(const QStringList &args, const QString &home, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.remove(QStringLiteral("LADDER_STUDIO_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LADDER_STUDIO_BIN), args);
    if (!p.waitForFinished(120000))
        return -1;
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

void ScriptE2eTest::scriptedRunWritesScreenshot_data()
{
    QTest::addColumn<QString>("ladder");
    QTest::addColumn<QString>("view");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("theme");
    const QByteArray turns = "Plan a migration of billing to Python 3.\n"
                             "What about the legal implications of card data in logs?\n"
                             "Write the first step as a shell script.\n";
    const QString light = QStringLiteral("light");
    const QString dark = QStringLiteral("dark");
    QTest::newRow("chat, escalation") << "escalation-tool"
                                      << "chat" << turns << light;
    QTest::newRow("chat, escalation, dark") << "escalation-tool"
                                            << "chat" << turns << dark;
    QTest::newRow("chat, rate limited")
        << "framing"
        << "chat" << QByteArray("@faults rate_limited@2\n") + turns << light;
    QTest::newRow("chat, selected turn and memory edit")
        << "framing"
        << "chat" << turns + "@select 2\n@memory constraints=no downtime; keep clients working\n"
        << light;
    QTest::newRow("compare") << "framing"
                             << "compare" << turns << light;
    QTest::newRow("compare, blind") << "framing"
                                    << "compare" << QByteArray("@blind\n") + turns << light;
    QTest::newRow("insights") << "framing"
                              << "insights" << turns << light;
    QTest::newRow("insights, dark") << "framing"
                                    << "insights" << QByteArray("@compare\n") + turns << dark;
    QTest::newRow("audit") << "framing"
                           << "audit" << turns << light;
}

void ScriptE2eTest::scriptedRunWritesScreenshot()
{
    QFETCH(QString, ladder);
    QFETCH(QString, view);
    QFETCH(QByteArray, script);
    QFETCH(QString, theme);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("config/LadderStudio")));
    QFile settings(dir.filePath(QStringLiteral("config/LadderStudio/ladder-studio.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[ui]\ntheme=" + theme.toUtf8() + "\n");
    settings.close();
    QFile file(dir.filePath(QStringLiteral("script.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
    file.close();
    const QString png = dir.filePath(QStringLiteral("out.png"));
    const QString path = QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/%1.json").arg(ladder);
    QString err;
    QCOMPARE(run({path, QStringLiteral("--view"), view, QStringLiteral("--script"), file.fileName(),
                  QStringLiteral("--screenshot"), png},
                 dir.path(), &err),
             0);
    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QSet<QRgb> colours;
    double lightness = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
            lightness += qGray(image.pixel(x, y));
        }
    }
    QVERIFY2(colours.size() > 40, "the picture has real content, not one flat colour");
    // mostly background: light in the light theme, dark in the dark one
    const double meanGray =
        lightness / double((image.height() + 6) / 7 * ((image.width() + 6) / 7));
    if (theme == QLatin1String("dark"))
        QVERIFY2(meanGray < 100, qPrintable(QString::number(meanGray)));
    else
        QVERIFY2(meanGray > 180, qPrintable(QString::number(meanGray)));
    // the session was recorded in the studio's store under XDG_DATA_HOME
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("data/ladder-studio/studio.sqlite"))));
    checkShownContent(path, view, image, png);
}

void ScriptE2eTest::checkShownContent(const QString &ladderPath, const QString &view,
                                      const QImage &image, const QString &png)
{
    const QList<ScreenshotItem> items = readScreenshotItems(png);
    QVERIFY2(!items.isEmpty(), "the items beside the screenshot");
    QFile ladderFile(ladderPath);
    QVERIFY(ladderFile.open(QIODevice::ReadOnly));
    QStringList tierColours;
    for (const QJsonValue &t :
         QJsonDocument::fromJson(ladderFile.readAll()).object().value(u"tiers").toArray())
        tierColours.append(QColor(t.toObject().value(u"color").toString()).name());
    if (view == QLatin1String("chat")) {
        // one lane per tier, its dot in a tier's colour
        const QList<ScreenshotItem> lanes =
            screenshotItemsNamed(items, QStringLiteral("timelineLane:"));
        QCOMPARE(lanes.size(), tierColours.size());
        for (const ScreenshotItem &lane : lanes) {
            QVERIFY2(tierColours.contains(QColor(lane.color).name()), qPrintable(lane.color));
            QVERIFY2(showsItsColour(image, lane, {0.5, 0.5}), qPrintable(lane.name));
        }
        // every turn's mark, in its tier's colour (failed turns are hollow)
        for (int turn = 1; turn <= 3; ++turn) {
            const QList<ScreenshotItem> marks =
                screenshotItemsNamed(items, QStringLiteral("timelineMark:%1").arg(turn));
            QCOMPARE(marks.size(), 1);
            if (QColor(marks[0].color).alpha() == 0)
                continue;
            QVERIFY2(tierColours.contains(QColor(marks[0].color).name()),
                     qPrintable(marks[0].color));
            QVERIFY2(showsItsColour(image, marks[0], {0.25, 0.8}), qPrintable(marks[0].name));
        }
    }
    if (view == QLatin1String("compare")) // the ladder and its strongest and cheapest tier alone
        QCOMPARE(screenshotItemsNamed(items, QStringLiteral("compareColumn")).size(), 3);
}

void ScriptE2eTest::badScriptFailsNamingTheLine()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("script.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n@nonsense\n");
    file.close();
    QString err;
    const int code = run({QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/framing.json"),
                          QStringLiteral("--view"), QStringLiteral("chat"),
                          QStringLiteral("--script"), file.fileName(),
                          QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))},
                         dir.path(), &err);
    QVERIFY(code > 0);
    QVERIFY2(err.contains(QStringLiteral("line 2")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("script.txt")), qPrintable(err));
}

// Turn 1: light's prose breaks its response_schema (format_violation), strong answers it; the
// two calls pass budget.conversation_usd, so turn 2, which would stay on strong, steps down to
// light (budget_exceeded). The picture shows both on the timeline and as notices in the chat.
void ScriptE2eTest::gateAndBudgetShowInTheTimeline()
{
    QTemporaryDir dir;
    const QString strongColour = QStringLiteral("#5e35b1");
    const QString lightColour = QStringLiteral("#43a047");
    QFile ladder(dir.filePath(QStringLiteral("gate.json")));
    QVERIFY(ladder.open(QIODevice::WriteOnly));
    ladder.write(R"({"format": "ladder/1", "name": "Gate and budget", "entry": "light",
        "budget": {"conversation_usd": 0.0015},
        "tiers": [{"id": "strong", "label": "Strong", "provider": "simulated", "model": "gpt-5.4",
                   "color": "#5e35b1"},
                  {"id": "light", "label": "Light", "provider": "simulated",
                   "model": "gpt-5.4-mini", "color": "#43a047",
                   "response_schema": {"type": "object", "required": ["steps"]}}],
        "transitions": [{"id": "gate", "from": "light", "to": "strong",
                         "when": {"type": "post_turn", "signals": ["format_violation"]}}]})");
    ladder.close();
    QFile script(dir.filePath(QStringLiteral("script.txt")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("Plan a migration of billing to Python 3 as JSON.\n"
                 "Write the first step as a shell script.\n");
    script.close();
    const QString png = dir.filePath(QStringLiteral("gate.png"));
    QString err;
    QCOMPARE(
        run({ladder.fileName(), QStringLiteral("--view"), QStringLiteral("chat"),
             QStringLiteral("--script"), script.fileName(), QStringLiteral("--screenshot"), png},
            dir.path(), &err),
        0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    const QList<ScreenshotItem> items = readScreenshotItems(png);
    auto one = [&items](const QString &name) {
        const QList<ScreenshotItem> found = screenshotItemsNamed(items, name);
        return found.size() == 1 ? found.first() : ScreenshotItem{};
    };
    // The timeline: turn 1 on strong, marked ▲ (escalated); turn 2 on light, marked ▼.
    const ScreenshotItem mark1 = one(QStringLiteral("timelineMark:1"));
    const ScreenshotItem mark2 = one(QStringLiteral("timelineMark:2"));
    QCOMPARE(QColor(mark1.color).name(), strongColour);
    QCOMPARE(QColor(mark2.color).name(), lightColour);
    QVERIFY(showsItsColour(image, mark1, {0.25, 0.8}));
    QVERIFY(showsItsColour(image, mark2, {0.25, 0.8}));
    QCOMPARE(one(QStringLiteral("escalatedMarker:1")).text, QString("▲"));
    QCOMPARE(one(QStringLiteral("stepDownMarker:2")).text, QString("▼"));
    QVERIFY(screenshotItemsNamed(items, QStringLiteral("escalatedMarker:2")).isEmpty());
    QVERIFY(screenshotItemsNamed(items, QStringLiteral("stepDownMarker:1")).isEmpty());
    for (const QString &marker : {"escalatedMarker:1", "stepDownMarker:2"})
        QVERIFY2(image.rect().contains(one(marker).box.center().toPoint()), qPrintable(marker));
    // The chat, top to bottom: the escalation notice (the discarded answer behind Details),
    // strong's answer, the budget notice, light's answer.
    ScreenshotItem escalation;
    ScreenshotItem budget;
    for (const ScreenshotItem &n : screenshotItemsNamed(items, QStringLiteral("noticeText"))) {
        if (n.text.contains(QLatin1String("escalated to Strong: format violation: not JSON")))
            escalation = n;
        if (n.text.contains(QLatin1String("budget_exceeded: conversation spend $")))
            budget = n;
    }
    QVERIFY2(!escalation.name.isEmpty(), "the escalation notice is on screen");
    QVERIFY2(!budget.name.isEmpty(), "the budget notice is on screen");
    QVERIFY2(escalation.text.contains(QLatin1String("response_schema")),
             qPrintable(escalation.text));
    QVERIFY2(budget.text.contains(QLatin1String("passed budget.conversation_usd $0.001500; "
                                                "stepped down from strong to light")),
             qPrintable(budget.text));
    bool detailsBeside = false;
    for (const ScreenshotItem &b : screenshotItemsNamed(items, QStringLiteral("detailsButton")))
        detailsBeside = detailsBeside || (b.box.top() < escalation.box.bottom() &&
                                          b.box.bottom() > escalation.box.top());
    QVERIFY2(detailsBeside, "the discarded answer is kept behind the notice's Details");
    const QList<ScreenshotItem> chips = screenshotItemsNamed(items, QStringLiteral("tierChip"));
    QCOMPARE(chips.size(), 2);
    QCOMPARE(chips[0].text, QString("Strong"));
    QCOMPARE(chips[1].text, QString("Light"));
    QVERIFY(escalation.box.top() < chips[0].box.top());
    QVERIFY(chips[0].box.top() < budget.box.top());
    QVERIFY(budget.box.top() < chips[1].box.top());
    for (const ScreenshotItem &shown : {escalation, budget})
        QVERIFY(image.rect().contains(shown.box.center().toPoint()));
    const QString totals = one(QStringLiteral("chatTotals")).text;
    QVERIFY2(totals.contains(QLatin1String("2 turns")) &&
                 totals.contains(QLatin1String("1 escalations")),
             qPrintable(totals));
}

QTEST_GUILESS_MAIN(ScriptE2eTest)
#include "tst_script_e2e.moc"
