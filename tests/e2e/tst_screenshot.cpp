// End to end: `ladder-studio FILE --view design --screenshot PNG` offscreen writes a real,
// non-blank picture and exits 0; a file it cannot read makes it exit non-zero with a message.
#include <QImage>
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

private:
    int run(const QStringList &args, QString *err);
};

int ScreenshotTest::run(const QStringList &args, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QTemporaryDir home;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LADDER_STUDIO_BIN), args);
    if (!p.waitForFinished(120000))
        return -1;
    *err = QString::fromUtf8(p.readAllStandardError());
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

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
