#pragma once

// `--script FILE`: plays a file's lines as user turns in the chat (or in every column of a
// comparison) on the workspace's models, and holds the screenshot gate until they are done.
// It drives the production classes from outside: `Studio` knows only that an unattended
// run is going on (Studio::setUnattended), never the script.

#include "core/ladder.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QQmlEngine;
class QJSEngine;

namespace ladder {

class LadderDocument;
class Studio;

// A `--script` file: one user turn per line; blank lines and lines starting with '#' are
// skipped; directives start with '@':
//   @faults rate_limited@2,timeout@4   provider faults by turn (simulated provider)
//   @tier ID                            manual tier pick for the next turn
//   @compare                            run in Compare even for --view insights/audit
//   @blind                              compare: blind mode
//   @columns baseline:ID,template:NAME  compare: columns besides the open ladder
//   @select N                           after the run: select turn N (timeline, memory)
//   @memory FIELD=item; item            after the run: a user edit of a memory field
//   @vote N up|down                     after the run: a vote on turn N's answer (chat feedback)
struct ChatScript {
    struct Line {
        QString text;
        QString tier;
    };
    QList<Line> turns;
    QString faults;
    bool blind = false;
    bool compare = false;
    QStringList columns;
    int select = 0;
    QList<QPair<QString, QString>> memoryEdits;
    QList<QPair<int, int>> votes; // turn, +1 / -1

    static std::optional<ChatScript> parse(const QString &text, QString *error);
};

class ScriptRunner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    // Plays on `studio`'s chat and comparison. Not default-constructible: QML must use create(),
    // which returns the one instance (on Studio::instance()).
    explicit ScriptRunner(Studio *studio, QObject *parent = nullptr);

    static ScriptRunner *instance();
    static ScriptRunner *create(QQmlEngine *, QJSEngine *);

    bool isRunning() const { return m_running; }

    // Reads `path` ("-": standard input) and plays it on `document`'s ladder in `view` (compare:
    // every column; otherwise the chat) once the event loop runs. A script that cannot be read or
    // parsed, or a document without tiers, becomes AppController's start-up error.
    void runStartupScript(const QString &path, ladder::LadderDocument *document,
                          const QString &view);
    bool run(const ChatScript &script, const Ladder &ladder, const QString &view);

signals:
    void runningChanged();
    void finished();

private:
    void sendNextLine();
    void finish();

    Studio *m_studio;
    bool m_running = false;
    ChatScript m_script;
    QString m_view;
    int m_pos = 0;
};

} // namespace ladder
