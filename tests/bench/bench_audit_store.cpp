// Measures the audit writes of a turn: 8 events + 1 call recorded, then flush() (one transaction
// on the store's writer thread) on a real SQLite file. Prints microseconds per turn for the
// engine's thread and for the whole store; asserts nothing.
//
//   bench_audit_store [turns=10000] [file]

#include "store/audit_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace ladder;

namespace {

// CPU time (of this thread or process): unlike wall time, not inflated when other processes share
// the cores.
qint64 cpuNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
qint64 threadCpuNs()
{
    return cpuNs(CLOCK_THREAD_CPUTIME_ID);
}
qint64 processCpuNs()
{
    return cpuNs(CLOCK_PROCESS_CPUTIME_ID);
}

ChatRequest sampleRequest()
{
    ChatRequest r;
    r.provider = QStringLiteral("openai");
    r.model = QStringLiteral("gpt-5-mini");
    r.tierId = QStringLiteral("light");
    r.params.temperature = 0.2;
    r.params.maxTokens = 1024;
    const QString paragraph = QStringLiteral(
        "We are designing a rate limiter for a public API; keep answers short and concrete. ");
    r.messages.append({ChatMessage::Role::System, paragraph.repeated(4), {}, {}, {}});
    for (int i = 0; i < 3; ++i) {
        r.messages.append({ChatMessage::Role::User, paragraph.repeated(2), {}, {}, {}});
        r.messages.append({ChatMessage::Role::Assistant, paragraph.repeated(3), {}, {}, {}});
    }
    r.messages.append({ChatMessage::Role::User, paragraph, {}, {}, {}});
    r.tools.append(escalateToolSpec());
    return r;
}

QList<Event> sampleEvents(int turn)
{
    using T = Event::Type;
    const QString tier = QStringLiteral("light");
    return {
        {T::TurnStarted, turn, {{QStringLiteral("user_text_chars"), 84}}},
        {T::TierActive, turn, {{QStringLiteral("tier"), tier}, {QStringLiteral("model"), "m"}}},
        {T::Handoff,
         turn,
         {{QStringLiteral("from"), QStringLiteral("strong")},
          {QStringLiteral("to"), tier},
          {QStringLiteral("memory_tokens"), 412}}},
        {T::Escalated, turn, {{QStringLiteral("reason"), QStringLiteral("escalate_tool")}}},
        {T::Fallback,
         turn,
         {{QStringLiteral("from_model"), QStringLiteral("a")},
          {QStringLiteral("to_model"), QStringLiteral("b")},
          {QStringLiteral("error"), QStringLiteral("rate_limited")}}},
        {T::TierActive, turn, {{QStringLiteral("tier"), QStringLiteral("strong")}}},
        {T::MemoryUpdated, turn, {{QStringLiteral("version"), turn}}},
        {T::TurnCompleted,
         turn,
         {{QStringLiteral("tier"), tier},
          {QStringLiteral("input_tokens"), 1200},
          {QStringLiteral("output_tokens"), 240},
          {QStringLiteral("cost_usd"), 0.00042},
          {QStringLiteral("ttft_ms"), 310.5},
          {QStringLiteral("latency_ms"), 1900.25}}},
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int turns = args.size() > 1 ? std::max(1, args[1].toInt()) : 10000;
    QTemporaryDir dir;
    const QString path =
        args.size() > 2 ? args[2] : dir.filePath(QStringLiteral("bench-audit.sqlite"));

    AuditStore store;
    QString error;
    if (!store.open(path, &error)) {
        std::fprintf(stderr, "bench_audit_store: %s\n", qPrintable(error));
        return 1;
    }
    const QString sessionId = QStringLiteral("bench-session");
    store.beginSession(sessionId, QStringLiteral("Framing ladder"),
                       QJsonObject{{QStringLiteral("format"), QStringLiteral("ladder/1")}});
    store.sync();

    const ChatRequest request = sampleRequest();
    CallRecord call;
    call.sessionId = sessionId;
    call.tierId = QStringLiteral("light");
    call.provider = request.provider;
    call.model = request.model;
    call.request = request;
    call.result.text = QStringLiteral("Use a token bucket per API key. ").repeated(25);
    call.result.usage = {1200, 800, 240, false};
    call.result.finishReason = QStringLiteral("stop");
    call.result.ttftMs = 310.5;
    call.result.latencyMs = 1900.25;
    call.result.raw = QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-123")}};
    call.costUsd = 0.00042;
    call.startedAt = QDateTime::currentDateTimeUtc();

    // The engine thread's share: record the rows and hand the batch over (flush). The writer
    // thread is synced every 100 turns outside the timed part, as turns seconds apart would let
    // it keep up; its own cost is measured over the whole run below.
    QList<qint64> perTurnNs;
    perTurnNs.reserve(turns);
    qint64 callerCpuNs = 0;
    QElapsedTimer total;
    total.start();
    const qint64 processCpuStart = processCpuNs();
    for (int turn = 1; turn <= turns; ++turn) {
        const QList<Event> events = sampleEvents(turn);
        call.turn = turn;
        call.request.turn = turn;
        const qint64 cpu0 = threadCpuNs();
        QElapsedTimer t;
        t.start();
        for (const Event &e : events)
            store.recordEvent(sessionId, e);
        store.recordCall(call);
        store.flush();
        perTurnNs.append(t.nsecsElapsed());
        callerCpuNs += threadCpuNs() - cpu0;
        if (turn % 100 == 0)
            store.sync();
    }
    const bool ok = store.sync();
    const qint64 totalNs = total.nsecsElapsed();
    const qint64 processNs = processCpuNs() - processCpuStart;
    if (!ok) {
        std::fprintf(stderr, "bench_audit_store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    std::sort(perTurnNs.begin(), perTurnNs.end());
    auto pct = [&](double p) {
        const qsizetype i = std::min<qsizetype>(perTurnNs.size() - 1, qsizetype(p * turns));
        return double(perTurnNs[i]) / 1000.0;
    };
    double sumNs = 0;
    for (qint64 ns : perTurnNs)
        sumNs += double(ns);
    std::printf("bench_audit_store: %d turns of 8 events + 1 call, one transaction per turn\n",
                turns);
    std::printf("  engine thread (record + flush): mean %.2f us/turn wall, %.2f us/turn CPU;"
                " p50 %.2f, p99 %.2f, max %.1f us\n",
                sumNs / turns / 1000.0, double(callerCpuNs) / turns / 1000.0, pct(0.5), pct(0.99),
                double(perTurnNs.last()) / 1000.0);
    std::printf("  whole store (both threads): %.1f us/turn CPU; %.1f us/turn wall until all "
                "written\n",
                double(processNs) / turns / 1000.0, double(totalNs) / turns / 1000.0);
    return 0;
}
