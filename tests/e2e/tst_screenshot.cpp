// End to end: `ladder-studio FILE --view design --screenshot PNG` offscreen writes a real,
// non-blank picture and exits 0; a file it cannot read makes it exit non-zero with a message; a
// providers file it cannot use opens the studio with the error in the banner; --help and
// --version need no display. The design view shows a node for every tier, inside the picture.
#include "../support/screenshot_items.h"

#include <QColor>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
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

private:
    int run(const QStringList &args, QString *err, QString *out = nullptr,
            const QString &platform = QStringLiteral("offscreen"));
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
    QTemporaryDir home;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
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

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
