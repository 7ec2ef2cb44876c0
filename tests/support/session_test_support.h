#pragma once

// Helpers shared by the engine tests: the example ladders, a provider registry that records every
// request it serves, and an audit sink that keeps what it is given.

#include "core/ladder_json.h"
#include "engine/audit_sink.h"
#include "engine/session.h"
#include "providers/simulated_provider.h"

#include <QHash>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace ladder::test {

// Turns the seed patterns promise tier sequences for (framing: strong, strong, light, light,
// strong, light; escalation tool: cheap, strong, cheap).
inline const QStringList kFramingScript = {
    QStringLiteral("I want to build a small command-line tool that renames photos by the date "
                   "they were taken."),
    QStringLiteral("It must run on Linux and macOS and use only the Python standard library."),
    QStringLiteral("Write the function that reads the date from the EXIF data."),
    QStringLiteral("Now add a dry-run flag that prints what would change."),
    QStringLiteral("Is it legal to scan my coworkers' photos for GPS data, and is it a security "
                   "risk?"),
    QStringLiteral("Add a short usage section to the README."),
};
inline const QStringList kEscalationScript = {
    QStringLiteral("What's the capital of Portugal?"),
    QStringLiteral("Why does a quantum harmonic oscillator have non-zero ground-state energy?"),
    QStringLiteral("And Spain?"),
};

inline Ladder example(const QString &name)
{
    const ParseResult parsed = loadExampleLadder(name);
    if (!parsed.ok())
        qFatal("example %s does not parse", qPrintable(name));
    return parsed.ladder;
}

// Serves every provider id with one simulated provider and remembers each request.
class RecordingRegistry : public ProviderRegistry
{
public:
    RecordingRegistry() { m_simulated.setTimeScale(0); }
    Provider *provider(const QString &) const override { return &m_recorder; }
    SimulatedProvider &simulated() { return m_simulated; }
    const QList<ChatRequest> &requests() const { return m_recorder.requests; }

private:
    class Recorder : public Provider
    {
    public:
        explicit Recorder(Provider *inner)
            : m_inner(inner)
        {}
        QString id() const override { return m_inner->id(); }
        ProviderCall *start(const ChatRequest &request) override
        {
            requests.append(request);
            return m_inner->start(request);
        }
        QList<ChatRequest> requests;

    private:
        Provider *m_inner;
    };
    mutable SimulatedProvider m_simulated;
    mutable Recorder m_recorder{&m_simulated};
};

class RecordingAudit : public AuditSink
{
public:
    void beginSession(const QString &id, const QString &, const QJsonObject &) override
    {
        sessions.append(id);
    }
    void recordEvent(const QString &, const Event &e) override { events.append(e); }
    void recordCall(const CallRecord &call) override { calls.append(call); }
    void flush() override { ++flushes; }

    QStringList sessions;
    QList<Event> events;
    QList<CallRecord> calls;
    int flushes = 0;
};

// A response cache in memory, keyed by the request as the audit would store it.
class MemoryCache : public CallCache
{
public:
    std::optional<ChatResult> lookup(const ChatRequest &request) override
    {
        const auto it = entries.constFind(key(request));
        if (it == entries.constEnd()) {
            ++misses;
            return std::nullopt;
        }
        ++hits;
        return *it;
    }
    void store(const ChatRequest &request, const ChatResult &result) override
    {
        entries.insert(key(request), result);
    }
    static QByteArray key(const ChatRequest &r)
    {
        return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
    }
    QHash<QByteArray, ChatResult> entries;
    int hits = 0;
    int misses = 0;
};

// Runs the turns one after the other and returns every event.
inline QList<Event> runTurns(Session &session, const QStringList &turns)
{
    QList<Event> events;
    QObject::connect(&session, &Session::event, &session,
                     [&events](const Event &e) { events.append(e); });
    for (const QString &text : turns) {
        QSignalSpy finished(&session, &Session::turnFinished);
        if (!session.submit(text))
            qFatal("submit refused");
        if (!finished.wait(5000))
            qFatal("turn did not finish");
    }
    QObject::disconnect(&session, &Session::event, &session, nullptr);
    return events;
}

inline QList<Event> ofType(const QList<Event> &events, Event::Type type)
{
    QList<Event> out;
    for (const Event &e : events) {
        if (e.type == type)
            out.append(e);
    }
    return out;
}

// The tier that answered each turn, from the turn_completed events.
inline QStringList answeringTiers(const QList<Event> &events)
{
    QStringList tiers;
    for (const Event &e : ofType(events, Event::Type::TurnCompleted))
        tiers.append(e.data.value(QStringLiteral("tier")).toString());
    return tiers;
}

} // namespace ladder::test
