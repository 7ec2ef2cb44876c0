// End to end: `ladder-studio FILE --view design --screenshot PNG` offscreen writes a real,
// non-blank picture and exits 0; a file it cannot read makes it exit non-zero with a message; a
// providers file it cannot use opens the studio with the error in the banner; --help and
// --version need no display. The design view shows a node for every tier, inside the picture.
// The learned detector's inspector after `ladder train` shows the model and its held-out result;
// Export's Serve panel (--serve) shows the running server's URL, snippets and request count, and
// no `ladder serve` process outlives the studio.
#include "../support/screenshot_items.h"

#include <QColor>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

class ScreenshotTest : public QObject
{
    Q_OBJECT

private slots:
    void screenshotOfTemplateIsNotBlank_data();
    void screenshotOfTemplateIsNotBlank();
    void unreadableFileFailsWithMessage_data();
    void unreadableFileFailsWithMessage();
    void badProvidersFileShowsBanner_data();
    void badProvidersFileShowsBanner();
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void learnedDetectorInspector_data();
    void learnedDetectorInspector();
    void servePanelWhileServing();

private:
    int run(const QStringList &args, QString *err, QString *out = nullptr,
            const QString &platform = QStringLiteral("offscreen"));
    QString m_home; // XDG config and data folders of the next run; empty: a fresh one
};

int ScreenshotTest::run(const QStringList &args, QString *err, QString *out,
                        const QString &platform)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    // No display at all: a QGuiApplication on xcb or wayland would abort.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QTemporaryDir tempHome;
    const QString home = m_home.isEmpty() ? tempHome.path() : m_home;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LADDER_STUDIO_BIN), args);
    if (!p.waitForFinished(120000))
        return -1;
    *err = QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

void ScreenshotTest::screenshotOfTemplateIsNotBlank_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("view");
    QTest::newRow("framing design") << "framing"
                                    << "design";
    QTest::newRow("step-down design") << "step-down"
                                      << "design";
    QTest::newRow("framing settings") << "framing"
                                      << "settings";
    QTest::newRow("framing export") << "framing"
                                    << "export";
    QTest::newRow("framing evaluate") << "framing"
                                      << "evaluate";
}

void ScreenshotTest::screenshotOfTemplateIsNotBlank()
{
    QFETCH(QString, name);
    QFETCH(QString, view);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("out.png"));
    QString err;
    const QString file = QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/%1.json").arg(name);
    QCOMPARE(run({file, QStringLiteral("--view"), view, QStringLiteral("--screenshot"), png}, &err),
             0);
    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QVERIFY(image.width() >= 960 && image.height() >= 600);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 40, "the picture has real content, not one flat colour");
    if (view != QLatin1String("design"))
        return;
    const QList<ScreenshotItem> items = readScreenshotItems(png);
    QFile ladder(file);
    QVERIFY(ladder.open(QIODevice::ReadOnly));
    const QJsonArray tiers =
        QJsonDocument::fromJson(ladder.readAll()).object().value(u"tiers").toArray();
    QVERIFY(!tiers.isEmpty());
    for (const QJsonValue &t : tiers) {
        const QString name = QStringLiteral("node:tier:") + t.toObject().value(u"id").toString();
        const QList<ScreenshotItem> node = screenshotItemsNamed(items, name);
        QCOMPARE(node.size(), 1);
        QVERIFY2(image.rect().contains(node[0].box.center().toPoint()), qPrintable(name));
    }
}

void ScreenshotTest::unreadableFileFailsWithMessage_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: missing file
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not json at all");
}

void ScreenshotTest::unreadableFileFailsWithMessage()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.json"));
    if (!content.isEmpty()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QString png = dir.filePath(QStringLiteral("out.png"));
    QString err;
    const int code = run({file, QStringLiteral("--screenshot"), png}, &err);
    QVERIFY(code > 0);
    QVERIFY2(err.contains(QStringLiteral("broken.json")), qPrintable(err));
    QVERIFY(!QFile::exists(png));
}

void ScreenshotTest::badProvidersFileShowsBanner_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: missing file
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("not json") << QByteArray("{\"format\": \"providers/1\",");
    QTest::newRow("bad entry") << QByteArray(
        R"({"format": "providers/1", "providers": [{"id": "x", "kind": "nonsense"}]})");
}

void ScreenshotTest::badProvidersFileShowsBanner()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString providers = dir.filePath(QStringLiteral("bad-providers.json"));
    if (!content.isEmpty()) {
        QFile f(providers);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QString png = dir.filePath(QStringLiteral("out.png"));
    const QString file = QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/framing.json");
    QString err;
    // The studio opens (simulated provider), the capture shows the banner, stderr names the file.
    QCOMPARE(
        run({file, QStringLiteral("--providers"), providers, QStringLiteral("--screenshot"), png},
            &err),
        0);
    QVERIFY2(err.contains(QStringLiteral("bad-providers.json")), qPrintable(err));
    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    // ErrorBanner's background (light theme) across a strip of the window.
    int bannerPixels = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 4)
            bannerPixels += QColor(image.pixel(x, y)) == QColor(0xfd, 0xe8, 0xe6) ? 1 : 0;
    }
    QVERIFY2(bannerPixels > 1000,
             qPrintable(QStringLiteral("banner pixels: %1").arg(bannerPixels)));
}

void ScreenshotTest::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--version") << "--version"
                               << "ladder-studio 0.";
    QTest::newRow("-v") << "-v"
                        << "ladder-studio 0.";
    QTest::newRow("--help") << "--help"
                            << "--providers <file>";
    QTest::newRow("-h") << "-h"
                        << "--screenshot <png>";
}

void ScreenshotTest::helpAndVersionNeedNoDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QString err;
    QString out;
    // xcb with no DISPLAY: any QGuiApplication would fail to start.
    QCOMPARE(run({option}, &err, &out, QStringLiteral("xcb")), 0);
    QVERIFY2(out.contains(expected), qPrintable(out + err));
}

// A learned detector selected in the design view: trained by `ladder train --cv 5` on the
// MT-Bench replay, the inspector says what it was trained on and its held-out result; untrained
// (as shipped), it says it raises nothing.
void ScreenshotTest::learnedDetectorInspector_data()
{
    QTest::addColumn<bool>("trained");
    QTest::addColumn<QStringList>("summary"); // what the inspector's model summary says
    QTest::newRow("after training")
        << true
        << QStringList{"Trained on 160 turns of mt_bench (52 need the strong tier) · ",
                       " weights",
                       "Held out (5-fold): AUC 0.",
                       "at threshold 0.50: ",
                       "% strong calls, quality 8.",
                       "(cheap 8.34, strong 9.23)"};
    QTest::newRow("untrained") << false << QStringList{"Untrained: raises nothing until trained."};
}

void ScreenshotTest::learnedDetectorInspector()
{
    QFETCH(bool, trained);
    QFETCH(QStringList, summary);
    QTemporaryDir dir;
    QString file = QStringLiteral(LADDER_SOURCE_DIR "/resources/eval/learned-listener.json");
    if (trained) {
        const QString data =
            QStringLiteral(LADDER_SHARED_DATA_DIR "/mt_bench/replay_mt_bench.jsonl");
        if (!QFileInfo::exists(data))
            QSKIP("../shared/data is absent");
        const QString out = dir.filePath(QStringLiteral("listener.json"));
        QProcess train;
        train.start(QStringLiteral(LADDER_CLI),
                    {QStringLiteral("train"), file, QStringLiteral("--detector"),
                     QStringLiteral("listener"), QStringLiteral("--dataset"), data,
                     QStringLiteral("--cv"), QStringLiteral("5"), QStringLiteral("-o"), out});
        QVERIFY(train.waitForFinished(120000));
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
        file = out;
    }
    const QString png = dir.filePath(QStringLiteral("inspector.png"));
    QString err;
    QCOMPARE(
        run({file, QStringLiteral("--view"), QStringLiteral("design"), QStringLiteral("--select"),
             QStringLiteral("detector:listener"), QStringLiteral("--screenshot"), png},
            &err),
        0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    const QList<ScreenshotItem> items = readScreenshotItems(png);
    const QList<ScreenshotItem> model = screenshotItemsNamed(items, QStringLiteral("modelSummary"));
    QCOMPARE(model.size(), 1);
    for (const QString &part : summary)
        QVERIFY2(model[0].text.contains(part), qPrintable(part + " not in: " + model[0].text));
    QVERIFY(image.rect().contains(model[0].box.center().toPoint()));
    // the inspector is the detector's: its threshold slider and Train button beside the summary
    for (const char *name : {"thresholdSlider", "trainButton", "node:detector:listener"}) {
        const QList<ScreenshotItem> shown = screenshotItemsNamed(items, QLatin1String(name));
        QCOMPARE(shown.size(), 1);
        QVERIFY2(image.rect().contains(shown[0].box.center().toPoint()), name);
    }
}

// `ladder-studio FILE --view export --serve --screenshot PNG`: the capture waits for `ladder
// serve` to listen; the panel shows it running, its loopback URL in both snippets and the request
// count; when the studio exits, the server is gone (its port closed, no process left).
void ScreenshotTest::servePanelWhileServing()
{
    QTemporaryDir home;
    m_home = home.path();
    const QString png = home.filePath(QStringLiteral("serve.png"));
    QString err;
    const int code = run({QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/framing.json"),
                          QStringLiteral("--view"), QStringLiteral("export"),
                          QStringLiteral("--serve"), QStringLiteral("--screenshot"), png},
                         &err);
    m_home.clear();
    QCOMPARE(code, 0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    const QList<ScreenshotItem> items = readScreenshotItems(png);
    auto text = [&items, &image](const char *name) {
        const QList<ScreenshotItem> found = screenshotItemsNamed(items, QLatin1String(name));
        if (found.size() != 1 || !image.rect().contains(found[0].box.center().toPoint()))
            return QStringLiteral("<%1 not on screen>").arg(QLatin1String(name));
        return found[0].text;
    };
    QCOMPARE(text("serveStatus"), QString("running"));
    const QString url = text("serveUrl");
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:(\\d+)/v1$")).match(url);
    QVERIFY2(m.hasMatch(), qPrintable(url));
    const quint16 port = m.captured(1).toUShort();
    QVERIFY(port > 0);
    QCOMPARE(text("requestCount"), QString("0"));
    const QString curl = text("snippet_curl");
    QVERIFY2(curl.startsWith(QStringLiteral("curl %1/chat/completions").arg(url)),
             qPrintable(curl));
    QVERIFY2(curl.contains(QLatin1String(R"("model": "framing")")), qPrintable(curl));
    const QString python = text("snippet_python");
    QVERIFY2(python.contains(QStringLiteral(R"(OpenAI(base_url="%1")").arg(url)),
             qPrintable(python));
    QVERIFY2(python.contains(QLatin1String(R"(model="framing")")), qPrintable(python));
    for (const char *name : {"stopButton", "copy_curl", "copy_python"})
        QVERIFY2(!text(name).startsWith(QLatin1Char('<')), name);
    // Nothing left running: no process started with this test's data folder, and the port is
    // closed (the server ends with the studio; a dying one gets a few seconds).
    auto serving = [&home] {
        QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            QFile cmdline(it.next() + QStringLiteral("/cmdline"));
            if (cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().contains(home.path().toUtf8()))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!serving(), 10000);
    QTcpSocket probe;
    probe.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(!probe.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
