#include "signal_watcher.h"

#include <QtGlobal>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ladder::cli {

namespace {

int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
volatile sig_atomic_t g_received = 0;
pthread_t g_watchingThread; // the thread whose blocking reads a signal must interrupt
struct sigaction g_previous[2];
constexpr int kSignals[2] = {SIGINT, SIGTERM};

extern "C" void onUnixSignal(int signal)
{
    const int savedErrno = errno;
    // The kernel may pick any thread (the audit writer, a Qt worker): hand the signal to the
    // watching thread, so that its blocking read of the prompt is interrupted too.
    if (!pthread_equal(pthread_self(), g_watchingThread)) {
        pthread_kill(g_watchingThread, signal);
        errno = savedErrno;
        return;
    }
    g_received = signal;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

SignalWatcher::SignalWatcher(std::function<void(int)> onSignal)
    : m_onSignal(std::move(onSignal))
{
    g_received = 0;
    g_watchingThread = pthread_self();
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0) {
        qWarning("ladder: cannot watch for signals (socketpair failed); Ctrl+C ends at once");
        return;
    }
    // A full buffer must never block the handler: extra signals are dropped, one is enough.
    ::fcntl(g_fds[0], F_SETFL, ::fcntl(g_fds[0], F_GETFL) | O_NONBLOCK);
    m_notifier = std::make_unique<QSocketNotifier>(g_fds[1], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        char byte = 0;
        if (::read(g_fds[1], &byte, 1) == 1 && m_onSignal)
            m_onSignal(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read of the prompt returns
    for (int i = 0; i < 2; ++i)
        ::sigaction(kSignals[i], &action, &g_previous[i]);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    for (int i = 0; i < 2; ++i)
        ::sigaction(kSignals[i], &g_previous[i], nullptr);
    m_notifier.reset();
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

int SignalWatcher::received()
{
    return g_received;
}

} // namespace ladder::cli
