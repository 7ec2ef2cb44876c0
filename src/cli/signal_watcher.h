#pragma once

// Turns SIGINT and SIGTERM into a call on the Qt event loop, the way Qt documents it ("Calling Qt
// Functions From Unix Signal Handlers"): the handler only writes the signal number into a socket
// pair, and a QSocketNotifier on the other end calls back on the thread's event loop, where it is
// safe to cancel a turn and write the audit log.

#include <QSocketNotifier>

#include <functional>
#include <memory>

namespace ladder::cli {

class SignalWatcher
{
public:
    // Installs the handlers for SIGINT and SIGTERM; `onSignal` runs on this thread's event loop.
    // One watcher at a time.
    explicit SignalWatcher(std::function<void(int signal)> onSignal);
    ~SignalWatcher(); // restores the previous handlers
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

    // The last signal received, also when the event loop never saw it; 0 when none.
    static int received();
    // The conventional exit code of a process ended by a signal: 128 + its number.
    static int exitCode(int signal) { return 128 + signal; }

    // Blocks until `fd` has something to read (or its end): true. False as soon as a watched
    // signal arrives, or when one already did. Without a watcher, true at once. For reads that
    // block outside the event loop (the interactive prompt).
    static bool waitUntilReadable(int fd);

private:
    std::function<void(int)> m_onSignal;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace ladder::cli
