#include "scriptrunner.h"

#include "appcontroller.h"
#include "automation/screenshotcontroller.h"
#include "chat/chatfeedback.h"
#include "chat/chatmemorymodel.h"
#include "chat/chatsessionmodel.h"
#include "compare/comparemodel.h"
#include "document/ladderdocument.h"
#include "engine/handoff_memory.h"
#include "providers/fault_schedule.h"
#include "studio.h"

#include <QFile>
#include <QJSEngine>

#include <cstdio>

namespace ladder {

namespace {
constexpr double kScriptTimeScale = 0.05; // screenshots of scripted runs come quickly
const QString kScriptHold = QStringLiteral("script");
} // namespace

std::optional<ChatScript> ChatScript::parse(const QString &text, QString *error)
{
    ChatScript script;
    QString nextTier;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char('@'))) {
            script.turns.append({line, nextTier});
            nextTier.clear();
            continue;
        }
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString directive = line.mid(1, space < 0 ? -1 : space - 1);
        const QString arg = space < 0 ? QString() : line.mid(space + 1).trimmed();
        auto fail = [&](const QString &what) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(i + 1).arg(what);
            return std::nullopt;
        };
        if (directive == QLatin1String("faults")) {
            QString faultError;
            if (!FaultSchedule::parse(arg, &faultError))
                return fail(QStringLiteral("@faults: %1").arg(faultError));
            script.faults = arg;
        } else if (directive == QLatin1String("tier")) {
            if (arg.isEmpty())
                return fail(QStringLiteral("@tier needs a tier id"));
            nextTier = arg;
        } else if (directive == QLatin1String("blind")) {
            script.blind = true;
        } else if (directive == QLatin1String("compare")) {
            script.compare = true;
        } else if (directive == QLatin1String("columns")) {
            script.columns = arg.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString &column : script.columns) {
                column = column.trimmed();
                if (!CompareModel::isVariant(column))
                    return fail(QStringLiteral("@columns: \"%1\" is neither baseline:TIER nor "
                                               "template:NAME")
                                    .arg(column));
            }
        } else if (directive == QLatin1String("select")) {
            bool ok = false;
            script.select = arg.toInt(&ok);
            if (!ok || script.select < 1)
                return fail(QStringLiteral("@select needs a turn number"));
        } else if (directive == QLatin1String("memory")) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            if (eq <= 0 || !memoryFieldFromString(arg.left(eq).trimmed()))
                return fail(QStringLiteral("@memory expects FIELD=item; item"));
            QString items = arg.mid(eq + 1);
            items.replace(QLatin1Char(';'), QLatin1Char('\n'));
            script.memoryEdits.append({arg.left(eq).trimmed(), items});
        } else if (directive == QLatin1String("vote")) {
            bool ok = false;
            const int turn = arg.section(QLatin1Char(' '), 0, 0).toInt(&ok);
            const QString value = arg.section(QLatin1Char(' '), 1).trimmed();
            if (!ok || turn < 1 || (value != QLatin1String("up") && value != QLatin1String("down")))
                return fail(QStringLiteral("@vote expects TURN up|down"));
            script.votes.append({turn, value == QLatin1String("up") ? 1 : -1});
        } else {
            return fail(QStringLiteral("unknown directive @%1").arg(directive));
        }
    }
    return script;
}

ScriptRunner::ScriptRunner(Studio *studio, QObject *parent)
    : QObject(parent)
    , m_studio(studio)
{}

ScriptRunner *ScriptRunner::instance()
{
    static ScriptRunner *runner = new ScriptRunner(Studio::instance());
    return runner;
}

ScriptRunner *ScriptRunner::create(QQmlEngine *, QJSEngine *)
{
    ScriptRunner *r = instance();
    QJSEngine::setObjectOwnership(r, QJSEngine::CppOwnership);
    return r;
}

void ScriptRunner::runStartupScript(const QString &path, LadderDocument *document,
                                    const QString &view)
{
    if (path.isEmpty() || m_running)
        return;
    ScreenshotController::instance()->hold(kScriptHold);
    QFile file(path);
    QString error;
    std::optional<ChatScript> script;
    if (path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                   : file.open(QIODevice::ReadOnly)) {
        script = ChatScript::parse(QString::fromUtf8(file.readAll()), &error);
        if (!script)
            error = QStringLiteral("%1: %2").arg(path, error);
    } else {
        error = tr("Cannot read the script %1: %2").arg(path, file.errorString());
    }
    if (!script || !document || document->ladder().tiers.isEmpty()) {
        AppController::instance()->setStartupError(
            !error.isEmpty() ? error : tr("--script needs a ladder file with tiers"));
        ScreenshotController::instance()->release(kScriptHold);
        return;
    }
    // Let the window finish loading first.
    const Ladder ladder = document->ladder();
    QMetaObject::invokeMethod(
        this,
        [this, s = *script, ladder, view] {
            run(s, ladder, s.compare ? QStringLiteral("compare") : view);
        },
        Qt::QueuedConnection);
}

bool ScriptRunner::run(const ChatScript &script, const Ladder &ladder, const QString &view)
{
    m_script = script;
    m_view = view;
    m_pos = 0;
    m_running = true;
    m_studio->setUnattended(true);
    emit runningChanged();
    m_studio->setTimeScale(kScriptTimeScale);
    CompareModel *compare = m_studio->compare();
    ChatSessionModel *chat = m_studio->chat();
    if (view == QLatin1String("compare")) {
        compare->clearColumns();
        compare->setShuffleSeed(7);
        compare->addLadder(ladder);
        const QStringList columns =
            script.columns.isEmpty() ? CompareModel::defaultVariants(ladder) : script.columns;
        for (const QString &c : std::as_const(columns))
            compare->addLadder(CompareModel::variantLadder(ladder, c));
        for (QObject *o : compare->columns()) {
            auto *c = static_cast<ChatSessionModel *>(o);
            c->setSeed(1);
            if (!script.faults.isEmpty())
                c->setFaults(script.faults);
        }
        compare->setBlind(script.blind);
        connect(compare, &CompareModel::allIdle, this, &ScriptRunner::sendNextLine,
                Qt::QueuedConnection);
    } else {
        chat->setSeed(1);
        chat->setLadder(ladder);
        if (!script.faults.isEmpty())
            chat->setFaults(script.faults);
        connect(chat, &ChatSessionModel::idle, this, &ScriptRunner::sendNextLine,
                Qt::QueuedConnection);
    }
    sendNextLine();
    return true;
}

void ScriptRunner::sendNextLine()
{
    if (!m_running)
        return;
    const bool inCompare = m_view == QLatin1String("compare");
    if (inCompare ? m_studio->compare()->busy() : m_studio->chat()->busy())
        return;
    if (m_pos >= m_script.turns.size()) {
        finish();
        return;
    }
    const ChatScript::Line line = m_script.turns[m_pos++];
    if (inCompare) {
        if (m_studio->compare()->send(line.text) == 0)
            finish();
    } else {
        m_studio->chat()->setManualTier(line.tier);
        if (!m_studio->chat()->send(line.text))
            finish();
    }
}

void ScriptRunner::finish()
{
    ChatSessionModel *chat = m_studio->chat();
    disconnect(m_studio->compare(), &CompareModel::allIdle, this, &ScriptRunner::sendNextLine);
    disconnect(chat, &ChatSessionModel::idle, this, &ScriptRunner::sendNextLine);
    for (const auto &[field, items] : std::as_const(m_script.memoryEdits))
        chat->memory()->setFieldText(field, items);
    for (const auto &[turn, value] : std::as_const(m_script.votes))
        chat->feedback()->vote(turn, value);
    if (m_script.select > 0)
        m_studio->setSelectedTurn(m_script.select);
    m_studio->refreshSessions();
    if (m_view != QLatin1String("compare"))
        m_studio->showCallsOf(chat->sessionId());
    m_running = false;
    m_studio->setUnattended(false);
    emit runningChanged();
    emit finished();
    ScreenshotController::instance()->release(kScriptHold);
}

} // namespace ladder
