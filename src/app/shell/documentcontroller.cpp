#include "documentcontroller.h"

#include "appcontroller.h"
#include "common/startup.h"
#include "document/ladderdocument.h"
#include "document/ladderselection.h"

#include <utility>

namespace ladder {

DocumentController::DocumentController(QObject *parent)
    : QObject(parent)
{}

DocumentController::~DocumentController() = default;

void DocumentController::setDocument(LadderDocument *document)
{
    if (m_document == document)
        return;
    m_document = document;
    emit documentChanged();
}

AppController *DocumentController::app() const
{
    return m_app ? m_app : AppController::instance();
}

void DocumentController::openAtStart()
{
    if (!m_document)
        return;
    AppController *application = app();
    if (!Startup::instance()->initialFile().isEmpty()) {
        if (m_document->load(Startup::instance()->initialFile())) {
            remember(m_document->filePath());
        } else {
            const QString before = application->startupError();
            application->setStartupError(before.isEmpty() ? m_document->errorString()
                                                          : before + QLatin1Char('\n') +
                                                                m_document->errorString());
        }
        if (!Startup::instance()->initialSelection().isEmpty())
            m_document->selection()->select(Startup::instance()->initialSelection());
    } else if (!application->recoveryFile().isEmpty()) {
        emit recoveryAsked();
    } else if (!application->lastSessionFile().isEmpty()) {
        m_document->load(application->lastSessionFile());
    }
    if (!application->startupError().isEmpty())
        emit errorOccurred(application->startupError());
}

void DocumentController::guard(const QJSValue &action)
{
    guard([action]() mutable {
        if (!action.isCallable())
            return;
        const QJSValue result = action.call();
        if (result.isError())
            qWarning("ladder-studio: %s", qPrintable(result.toString()));
    });
}

void DocumentController::guard(std::function<void()> action)
{
    if (!m_document || !m_document->isDirty()) {
        run(action);
        return;
    }
    m_pending = std::move(action);
    emit saveChangesAsked();
}

void DocumentController::saveChanges()
{
    saveThen(std::exchange(m_pending, nullptr));
}

void DocumentController::discardChanges()
{
    const std::function<void()> action = std::exchange(m_pending, nullptr);
    if (m_document)
        m_document->removeAutosave();
    run(action);
}

void DocumentController::keepChanges()
{
    m_pending = nullptr;
}

void DocumentController::newDocument()
{
    guard([this] {
        if (!m_document)
            return;
        m_document->newDocument();
        emit opened();
    });
}

void DocumentController::newFromTemplate(const QString &name)
{
    guard([this, name] {
        if (!m_document)
            return;
        if (m_document->newFromTemplate(name))
            emit opened();
        else
            fail(m_document->errorString());
    });
}

void DocumentController::chooseFileToOpen()
{
    guard([this] { emit openFileAsked(); });
}

void DocumentController::open(const QString &pathOrUrl)
{
    guard([this, pathOrUrl] { openNow(pathOrUrl); });
}

bool DocumentController::openNow(const QString &pathOrUrl)
{
    if (!m_document)
        return false;
    if (!m_document->load(pathOrUrl)) {
        fail(m_document->errorString());
        return false;
    }
    remember(m_document->filePath());
    emit opened();
    return true;
}

bool DocumentController::save()
{
    return saveThen(nullptr);
}

bool DocumentController::saveThen(std::function<void()> then)
{
    if (!m_document)
        return false;
    if (m_document->filePath().isEmpty()) {
        m_afterSaveAs = std::move(then);
        emit saveAsAsked();
        return false;
    }
    return saved(m_document->save(), then);
}

bool DocumentController::saved(bool written, const std::function<void()> &then)
{
    if (!written) {
        fail(m_document->errorString());
        return false;
    }
    remember(m_document->filePath());
    run(then);
    return true;
}

void DocumentController::chooseFileToSaveAs()
{
    m_afterSaveAs = nullptr;
    emit saveAsAsked();
}

bool DocumentController::saveAs(const QString &pathOrUrl)
{
    const std::function<void()> then = std::exchange(m_afterSaveAs, nullptr);
    if (!m_document)
        return false;
    return saved(m_document->saveAs(pathOrUrl), then);
}

void DocumentController::cancelSaveAs()
{
    m_afterSaveAs = nullptr;
}

void DocumentController::recover()
{
    if (!m_document)
        return;
    if (!m_document->recoverFrom(app()->recoveryFile()))
        fail(m_document->errorString());
    app()->discardRecovery();
    emit opened();
}

void DocumentController::declineRecovery()
{
    app()->discardRecovery();
    if (m_document && !app()->lastSessionFile().isEmpty())
        m_document->load(app()->lastSessionFile());
}

bool DocumentController::mayClose()
{
    if (!m_document)
        return true;
    if (m_document->isDirty() && !m_closeConfirmed) {
        guard([this] {
            m_closeConfirmed = true;
            emit closeApproved();
        });
        return false;
    }
    app()->saveSession(m_document->filePath());
    m_document->removeAutosave();
    return true;
}

void DocumentController::remember(const QString &path)
{
    app()->addRecentFile(path);
    app()->saveSession(path);
}

void DocumentController::fail(const QString &message)
{
    emit errorOccurred(message);
}

void DocumentController::run(const std::function<void()> &action)
{
    if (action)
        action();
}

} // namespace ladder
