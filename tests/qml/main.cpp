// Qt Quick Test runner for the editor. A QApplication (not QUICK_TEST_MAIN's QGuiApplication),
// because the studio's views use QtCharts, which needs one.
#include <QApplication>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(LadderStudioPlugin)

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTests"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the LadderStudio module is compiled in
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "app_qml_test", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "main.moc"
