#include "job_thread.h"

namespace ladder::Internal {

JobThread::JobThread(std::size_t maxQueued)
    : m_maxQueued(maxQueued)
    , m_thread([this] { run(); })
{}

JobThread::~JobThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void JobThread::post(std::function<void()> job)
{
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [this] { return m_jobs.size() < m_maxQueued; });
    m_jobs.push_back(std::move(job));
    lock.unlock();
    m_wake.notify_one();
}

void JobThread::run()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
            if (m_jobs.empty())
                break; // stopping, and everything posted has run
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        m_space.notify_all();
        job();
    }
}

} // namespace ladder::Internal
