#pragma once

// The studio window's file flow around its one LadderDocument: open, save, save as, the
// "save changes?" question before the document is replaced or the window closes, the start-up
// file (or the last session, or the recovery of an autosave), and what every opened or saved
// file leaves behind: the recent-files list and the session's last file (AppController). The
// window (Main.qml) keeps only the dialogs: it opens them when asked (the *Asked signals) and
// passes their answers back.
//
// In the shell, not in document/: it joins the document to the application's settings.

#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace ladder {

class AppController;
class LadderDocument;

class DocumentController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::LadderDocument *document READ document WRITE setDocument NOTIFY documentChanged)

public:
    explicit DocumentController(QObject *parent = nullptr);
    ~DocumentController() override;

    LadderDocument *document() const { return m_document; }
    void setDocument(LadderDocument *document);
    // The application whose recent files, session and recovery file this follows; by default
    // AppController::instance().
    void setApp(AppController *app) { m_app = app; }

    // Start-up: the file of the command line (its errors and AppController's start-up error
    // reach errorOccurred), else the recovery question when an autosave was left, else the
    // last session's file.
    Q_INVOKABLE void openAtStart();

    // Runs `action` now when the document has no unsaved changes; otherwise asks first
    // (saveChangesAsked) and runs it after saveChanges() or discardChanges(), never after
    // keepChanges().
    Q_INVOKABLE void guard(const QJSValue &action);
    void guard(std::function<void()> action);
    Q_INVOKABLE void saveChanges();    // "Save": save (or ask where), then go on
    Q_INVOKABLE void discardChanges(); // "Discard": drop the autosave, go on
    Q_INVOKABLE void keepChanges();    // "Cancel": nothing happens

    // Guarded replacements of the document (opened() after each that succeeds).
    Q_INVOKABLE void newDocument();
    Q_INVOKABLE void newFromTemplate(const QString &name);
    Q_INVOKABLE void chooseFileToOpen(); // openFileAsked() once the changes are settled
    Q_INVOKABLE void open(const QString &pathOrUrl);
    // Opens without asking (the open dialog's answer: asked before it opened). False after
    // errorOccurred naming the file.
    Q_INVOKABLE bool openNow(const QString &pathOrUrl);

    // Save: to the document's file, or saveAsAsked() when it has none yet.
    Q_INVOKABLE bool save();
    Q_INVOKABLE void chooseFileToSaveAs(); // Save As…: saveAsAsked()
    // The save dialog's answer; runs what waited for the save. False after errorOccurred.
    Q_INVOKABLE bool saveAs(const QString &pathOrUrl);
    Q_INVOKABLE void cancelSaveAs();

    // The recovery question's answers.
    Q_INVOKABLE void recover();
    Q_INVOKABLE void declineRecovery();

    // The window is closing: false (and saveChangesAsked) while unsaved changes wait for an
    // answer, closeApproved() once they are settled. True: the session is recorded, the autosave
    // removed, the window may close.
    Q_INVOKABLE bool mayClose();

signals:
    void documentChanged();
    void saveChangesAsked();
    void openFileAsked();
    void saveAsAsked();
    void recoveryAsked();
    void closeApproved();
    // A ladder the user asked for replaced the document (new, template, opened, recovered).
    void opened();
    void errorOccurred(const QString &message);

private:
    AppController *app() const;
    // One place for what an opened or saved file leaves behind: the recent files and the
    // session's last file.
    void remember(const QString &path);
    bool saveThen(std::function<void()> then);
    // The one end of every save: an error naming the file, or the file remembered and `then`
    // run.
    bool saved(bool written, const std::function<void()> &then);
    void fail(const QString &message);
    static void run(const std::function<void()> &action);

    QPointer<LadderDocument> m_document;
    AppController *m_app = nullptr;
    std::function<void()> m_pending;     // waits for the answer to "save changes?"
    std::function<void()> m_afterSaveAs; // waits for the save dialog
    bool m_closeConfirmed = false;
};

} // namespace ladder
