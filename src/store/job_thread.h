#pragma once

// A thread that runs posted jobs one after another, in the order they were posted: a store's
// writer, whose SQLite connection is opened, used and closed on it, so the thread that serves
// users never waits for the disk.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>

namespace ladder::Internal {

// How long a writer waits for more writes before it writes them in one transaction (group
// commit; also what a killed process can lose).
inline constexpr std::chrono::milliseconds kGroupCommitWindow{2};

class JobThread
{
public:
    // post() waits while `maxQueued` jobs are waiting (a stalled disk holds its callers back
    // instead of growing the queue without end).
    explicit JobThread(std::size_t maxQueued = 256);
    ~JobThread(); // runs every job posted so far, then joins
    JobThread(const JobThread &) = delete;
    JobThread &operator=(const JobThread &) = delete;

    void post(std::function<void()> job);

    // Runs f on the thread after what is queued and waits for its result.
    template <typename F> auto call(F f) -> decltype(f())
    {
        std::promise<decltype(f())> promise;
        post([&] {
            if constexpr (std::is_void_v<decltype(f())>) {
                f();
                promise.set_value();
            } else {
                promise.set_value(f());
            }
        });
        return promise.get_future().get();
    }

    bool onThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    void run();

    const std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_space;
    std::deque<std::function<void()>> m_jobs;
    bool m_stop = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace ladder::Internal
