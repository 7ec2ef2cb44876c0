#include "signal_watcher.h"

#include <QtGlobal>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ladder::cli {

namespace {

int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
volatile sig_atomic_t g_received = 0;
struct sigaction g_previous[2];
constexpr int kSignals[2] = {SIGINT, SIGTERM};

extern "C" void onUnixSignal(int signal)
{
    const int savedErrno = errno;
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
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0) {
        qWarning("ladder: cannot watch for signals (socketpair failed); Ctrl+C ends at once");
        g_fds[0] = g_fds[1] = -1;
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
    action.sa_flags = SA_RESTART;
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

bool SignalWatcher::waitUntilReadable(int fd)
{
    if (g_fds[1] < 0)
        return true;
    for (;;) {
        // A signal after this check writes to the socket, which wakes the poll.
        if (g_received)
            return false;
        pollfd fds[2] = {{fd, POLLIN, 0}, {g_fds[1], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return true; // let the read report what is wrong
        }
        if (fds[1].revents != 0)
            return false;
        if (fds[0].revents != 0)
            return true;
    }
}

} // namespace ladder::cli
