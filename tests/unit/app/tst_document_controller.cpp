// DocumentController: the studio window's open / save / save as / recovery / unsaved-changes flow,
// and the recent files and session every opened or saved file leaves behind. Settings and the
// autosave live in a temporary XDG home.
#include "common/files.h"
#include "core/resources.h"
#include "document/ladderdocument.h"
#include "document/ladderinspector.h"
#include "shell/appcontroller.h"
#include "shell/documentcontroller.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ladder;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray exampleJson(const QString &name)
{
    return readResource(exampleLadderResourcePath(name));
}

QString lastSession()
{
    return QSettings().value(QStringLiteral("session/lastFile")).toString();
}

} // namespace

class DocumentControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everySaveRecordsRecentFileAndSession_data();
    void everySaveRecordsRecentFileAndSession();
    void openWithUnsavedChangesAsksFirst_data();
    void openWithUnsavedChangesAsksFirst();
    void recoveryAtStart_data();
    void recoveryAtStart();
    void badFileErrorNamesTheFile_data();
    void badFileErrorNamesTheFile();
    void closeWaitsForTheAnswer_data();
    void closeWaitsForTheAnswer();

private:
    // A fresh application (settings of the temporary home) and a controller on `doc`.
    void start(const StartupOptions &options = {});
    QString path(const QString &name) const { return m_dir->filePath(name); }

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<LadderDocument> m_doc;
    std::unique_ptr<DocumentController> m_files;
};

void DocumentControllerTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Before the first QSettings: it keeps the folder it found first.
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
        qputenv(name, m_home.filePath(QString::fromLatin1(name)).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTest"));
}

void DocumentControllerTest::init()
{
    QSettings().clear();
    QFile::remove(Files::dataFolder() + QStringLiteral("/autosave.json"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void DocumentControllerTest::cleanup()
{
    m_files.reset();
    m_doc.reset();
    m_app.reset();
    m_dir.reset();
}

void DocumentControllerTest::start(const StartupOptions &options)
{
    m_files.reset();
    m_doc.reset();
    m_app = std::make_unique<AppController>(nullptr);
    m_app->configure(options, nullptr);
    m_doc = std::make_unique<LadderDocument>();
    m_files = std::make_unique<DocumentController>();
    m_files->setApp(m_app.get());
    m_files->setDocument(m_doc.get());
}

// Save, Save As, Save of a document without a file (the dialog's answer), and "Save" in the
// "save changes?" question: each writes the file and records it as the first recent file and
// the session's file (Save used to leave the session out).
void DocumentControllerTest::everySaveRecordsRecentFileAndSession_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("save to its file") << "save";
    QTest::newRow("save as") << "saveAs";
    QTest::newRow("save without a file asks where") << "saveNew";
    QTest::newRow("save changes? Save") << "saveChanges";
}

void DocumentControllerTest::everySaveRecordsRecentFileAndSession()
{
    QFETCH(QString, how);
    start();
    const QString file = path(QStringLiteral("saved.json"));
    QSignalSpy asked(m_files.get(), &DocumentController::saveAsAsked);
    QSignalSpy errors(m_files.get(), &DocumentController::errorOccurred);
    bool ranAfter = false;
    if (how == QLatin1String("saveNew")) {
        m_files->newDocument();
        m_doc->inspector()->setFieldOf(QString(), QStringLiteral("name"), QStringLiteral("Edited"));
        QVERIFY(!m_files->save());
        QCOMPARE(asked.size(), 1);
        QVERIFY(m_doc->isDirty());
        QVERIFY(m_files->saveAs(file));
    } else {
        QVERIFY(writeFile(file, exampleJson(QStringLiteral("framing"))));
        QVERIFY(m_files->openNow(file));
        QSettings().clear(); // what the save records, not what the open did
        m_app = std::make_unique<AppController>(nullptr);
        m_files->setApp(m_app.get());
        m_doc->inspector()->setFieldOf(QString(), QStringLiteral("name"), QStringLiteral("Edited"));
        QVERIFY(m_doc->isDirty());
        if (how == QLatin1String("save")) {
            QVERIFY(m_files->save());
        } else if (how == QLatin1String("saveAs")) {
            m_files->chooseFileToSaveAs();
            QCOMPARE(asked.size(), 1);
            QVERIFY(m_files->saveAs(file));
        } else {
            QSignalSpy question(m_files.get(), &DocumentController::saveChangesAsked);
            m_files->guard([&ranAfter] { ranAfter = true; });
            QCOMPARE(question.size(), 1);
            QVERIFY(!ranAfter);
            m_files->saveChanges();
            QVERIFY(ranAfter);
        }
    }
    QCOMPARE(errors.size(), 0);
    QVERIFY(!m_doc->isDirty());
    QVERIFY(readFile(file).contains("\"Edited\""));
    const QString absolute = QFileInfo(file).absoluteFilePath();
    QCOMPARE(m_app->recentFiles().value(0), absolute);
    QCOMPARE(lastSession(), absolute);
}

// A dirty document is replaced only after the answer: Save writes it first, Discard drops the
// edit, Cancel keeps it open; a clean document opens without a question.
void DocumentControllerTest::openWithUnsavedChangesAsksFirst_data()
{
    QTest::addColumn<bool>("edited");
    QTest::addColumn<QString>("answer"); // save | discard | cancel | none
    QTest::addColumn<bool>("opened");
    QTest::addColumn<bool>("firstSaved");
    QTest::newRow("clean: no question") << false << "none" << true << false;
    QTest::newRow("save") << true << "save" << true << true;
    QTest::newRow("discard") << true << "discard" << true << false;
    QTest::newRow("cancel") << true << "cancel" << false << false;
}

void DocumentControllerTest::openWithUnsavedChangesAsksFirst()
{
    QFETCH(bool, edited);
    QFETCH(QString, answer);
    QFETCH(bool, opened);
    QFETCH(bool, firstSaved);
    start();
    const QString first = path(QStringLiteral("first.json"));
    const QString second = path(QStringLiteral("second.json"));
    QVERIFY(writeFile(first, exampleJson(QStringLiteral("framing"))));
    QVERIFY(writeFile(second, exampleJson(QStringLiteral("step-down"))));
    QVERIFY(m_files->openNow(first));
    if (edited)
        m_doc->inspector()->setFieldOf(QString(), QStringLiteral("name"), QStringLiteral("Edited"));
    QSignalSpy question(m_files.get(), &DocumentController::saveChangesAsked);
    QSignalSpy openedSpy(m_files.get(), &DocumentController::opened);
    m_files->open(second);
    QCOMPARE(question.size(), edited ? 1 : 0);
    if (edited) {
        QCOMPARE(m_doc->filePath(), QFileInfo(first).absoluteFilePath()); // nothing lost yet
        QVERIFY(m_doc->isDirty());
    }
    if (answer == QLatin1String("save"))
        m_files->saveChanges();
    else if (answer == QLatin1String("discard"))
        m_files->discardChanges();
    else if (answer == QLatin1String("cancel"))
        m_files->keepChanges();
    const QString shown = QFileInfo(opened ? second : first).absoluteFilePath();
    QCOMPARE(m_doc->filePath(), shown);
    QCOMPARE(openedSpy.size(), opened ? 1 : 0);
    QCOMPARE(m_doc->isDirty(), answer == QLatin1String("cancel"));
    QCOMPARE(readFile(first).contains("\"Edited\""), firstSaved);
    QCOMPARE(m_app->recentFiles().value(0), shown);
    QCOMPARE(lastSession(), shown);
}

// An autosave left by a crash: the question comes at start; Yes restores it (unsaved, from the
// file it was made of), No opens the last session's file; either way the autosave is gone.
void DocumentControllerTest::recoveryAtStart_data()
{
    QTest::addColumn<bool>("autosave");
    QTest::addColumn<QString>("answer"); // recover | decline | none
    QTest::addColumn<QString>("ladderName");
    QTest::addColumn<bool>("dirty");
    QTest::newRow("recovered") << true << "recover"
                               << "Recovered" << true;
    QTest::newRow("discarded: the last session") << true << "decline"
                                                 << "Last session" << false;
    QTest::newRow("no autosave: the last session") << false << "none"
                                                   << "Last session" << false;
}

void DocumentControllerTest::recoveryAtStart()
{
    QFETCH(bool, autosave);
    QFETCH(QString, answer);
    QFETCH(QString, ladderName);
    QFETCH(bool, dirty);
    const QString last = path(QStringLiteral("last.json"));
    QByteArray lastJson = exampleJson(QStringLiteral("framing"));
    lastJson.replace("\"Framing ladder\"", "\"Last session\"");
    QVERIFY(writeFile(last, lastJson));
    QSettings().setValue(QStringLiteral("session/lastFile"), last);
    const QString autosaveFile = Files::dataFolder() + QStringLiteral("/autosave.json");
    if (autosave) {
        QByteArray recovered = exampleJson(QStringLiteral("step-down"));
        recovered.replace("\"Step-down ladder\"", "\"Recovered\"");
        QVERIFY(writeFile(autosaveFile, recovered));
        QVERIFY(writeFile(autosaveFile + QStringLiteral(".source"), last.toUtf8()));
    }
    start();
    QSignalSpy asked(m_files.get(), &DocumentController::recoveryAsked);
    QSignalSpy errors(m_files.get(), &DocumentController::errorOccurred);
    m_files->openAtStart();
    QCOMPARE(asked.size(), autosave ? 1 : 0);
    if (answer == QLatin1String("recover"))
        m_files->recover();
    else if (answer == QLatin1String("decline"))
        m_files->declineRecovery();
    QCOMPARE(errors.size(), 0);
    QCOMPARE(m_doc->ladderName(), ladderName);
    QCOMPARE(m_doc->isDirty(), dirty);
    QCOMPARE(m_doc->filePath(), QFileInfo(last).absoluteFilePath());
    QVERIFY(!QFileInfo::exists(autosaveFile));
    QCOMPARE(m_app->recoveryFile(), QString());
}

// A file that cannot be opened or written: an error naming it, the document and the recent
// files as they were.
void DocumentControllerTest::badFileErrorNamesTheFile_data()
{
    QTest::addColumn<QString>("how"); // open | start | saveAs
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // written unless empty
    QTest::newRow("missing") << "open"
                             << "missing.json" << QByteArray();
    QTest::newRow("not JSON") << "open"
                              << "broken.json" << QByteArray("{\"format\": ");
    QTest::newRow("not a ladder") << "open"
                                  << "other.json" << QByteArray("{\"a\": 1}");
    QTest::newRow("start-up file") << "start"
                                   << "broken.json" << QByteArray("[1, 2");
    QTest::newRow("save into a missing folder") << "saveAs"
                                                << "no/such/folder/x.json" << QByteArray();
}

void DocumentControllerTest::badFileErrorNamesTheFile()
{
    QFETCH(QString, how);
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const QString file = path(name);
    if (!content.isEmpty())
        QVERIFY(writeFile(file, content));
    const QString good = path(QStringLiteral("good.json"));
    QVERIFY(writeFile(good, exampleJson(QStringLiteral("framing"))));
    StartupOptions options;
    if (how == QLatin1String("start"))
        options.file = file;
    start(options);
    QSignalSpy errors(m_files.get(), &DocumentController::errorOccurred);
    if (how == QLatin1String("start")) {
        m_files->openAtStart();
        QVERIFY(m_app->startupError().contains(name));
    } else {
        QVERIFY(m_files->openNow(good));
        const QStringList recent = m_app->recentFiles();
        if (how == QLatin1String("open"))
            QVERIFY(!m_files->openNow(file));
        else
            QVERIFY(!m_files->saveAs(file));
        QCOMPARE(m_doc->filePath(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(m_doc->ladderName(), QStringLiteral("Framing ladder"));
        QCOMPARE(m_app->recentFiles(), recent);
    }
    QCOMPARE(errors.size(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(name), qPrintable(message));
}

// Closing the window with unsaved changes waits for the answer; once it is given the window
// closes, recording the session and removing the autosave.
void DocumentControllerTest::closeWaitsForTheAnswer_data()
{
    QTest::addColumn<bool>("edited");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("approved");
    QTest::newRow("clean") << false << "none" << false;
    QTest::newRow("discard") << true << "discard" << true;
    QTest::newRow("cancel") << true << "cancel" << false;
}

void DocumentControllerTest::closeWaitsForTheAnswer()
{
    QFETCH(bool, edited);
    QFETCH(QString, answer);
    QFETCH(bool, approved);
    start();
    const QString file = path(QStringLiteral("open.json"));
    QVERIFY(writeFile(file, exampleJson(QStringLiteral("framing"))));
    QVERIFY(m_files->openNow(file));
    QSettings().remove(QStringLiteral("session/lastFile"));
    const QString autosaveFile = path(QStringLiteral("autosave.json"));
    m_doc->setAutosavePath(autosaveFile);
    if (edited)
        m_doc->inspector()->setFieldOf(QString(), QStringLiteral("name"), QStringLiteral("Edited"));
    QVERIFY(m_doc->writeAutosave());
    QSignalSpy question(m_files.get(), &DocumentController::saveChangesAsked);
    QSignalSpy closeApproved(m_files.get(), &DocumentController::closeApproved);
    QCOMPARE(m_files->mayClose(), !edited);
    QCOMPARE(question.size(), edited ? 1 : 0);
    if (answer == QLatin1String("discard"))
        m_files->discardChanges();
    else if (answer == QLatin1String("cancel"))
        m_files->keepChanges();
    QCOMPARE(closeApproved.size(), approved ? 1 : 0);
    if (approved)
        QVERIFY(m_files->mayClose()); // the window closes again, now without a question
    const bool closed = !edited || approved;
    QCOMPARE(lastSession(), closed ? QFileInfo(file).absoluteFilePath() : QString());
    QCOMPARE(QFileInfo::exists(autosaveFile), !closed);
}

QTEST_MAIN(DocumentControllerTest)
#include "tst_document_controller.moc"
