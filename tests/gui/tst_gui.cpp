// Qt Quick Test runner for the studio's views. A QApplication (not QUICK_TEST_MAIN's
// QGuiApplication), because the studio's views use QtCharts, which needs one.
//
// Everything the views write (the studio's SQLite store, settings, exports) goes to a temporary
// directory that is removed afterwards, never into the user's home: XDG_* point into it before
// the application exists, and TestFiles tells the tests where it is.
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QQmlEngine>
#include <QSet>
#include <QTemporaryDir>
#include <QtQuickTest/quicktest.h>

// What the tests need to look at files the views wrote.
class TestFiles : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString dir READ dir CONSTANT)
    // The built `ladder` program (Export → Serve runs it).
    Q_PROPERTY(QString ladderProgram READ ladderProgram CONSTANT)

public:
    explicit TestFiles(QString dir)
        : m_dir(std::move(dir))
    {}
    QString dir() const { return m_dir; }
    QString ladderProgram() const { return QStringLiteral(LADDER_CLI); }

    Q_INVOKABLE QString path(const QString &name) const { return m_dir + u'/' + name; }
    Q_INVOKABLE bool writeText(const QString &path, const QString &text) const
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(text.toUtf8()) == text.toUtf8().size();
    }
    // LADDER_TEST_SHOTS: a folder where tests leave screenshots of what they show; empty: none.
    Q_INVOKABLE QString shotDir() const { return qEnvironmentVariable("LADDER_TEST_SHOTS"); }
    Q_INVOKABLE QStringList readLines(const QString &path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    // {format, width, height, colours} of an image file; {} when it is not one.
    Q_INVOKABLE QVariantMap imageInfo(const QString &path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = file.readAll();
        const QImage image = QImage::fromData(bytes);
        if (image.isNull())
            return {};
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        return {{QStringLiteral("format"),
                 bytes.startsWith("\x89PNG") ? QStringLiteral("png") : QStringLiteral("other")},
                {QStringLiteral("width"), image.width()},
                {QStringLiteral("height"), image.height()},
                {QStringLiteral("colours"), int(colours.size())}};
    }

private:
    QString m_dir;
};

class Setup : public QObject
{
    Q_OBJECT

public:
    explicit Setup(const QString &dir)
        : m_files(dir)
    {}

public slots:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTests"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the LadderStudio module is compiled in
        qmlRegisterSingletonInstance("LadderStudioTest", 1, 0, "TestFiles", &m_files);
    }

private:
    TestFiles m_files;
};

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        qFatal("no temporary directory: %s", qPrintable(home.errorString()));
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
        qputenv(name, home.filePath(QString::fromLatin1(name)).toLocal8Bit());
    qputenv("LADDER_STUDIO_DB", home.filePath(QStringLiteral("studio.sqlite")).toLocal8Bit());

    QApplication app(argc, argv);
    Setup setup(home.path());
    return quick_test_main_with_setup(argc, argv, "tst_gui", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_gui.moc"
