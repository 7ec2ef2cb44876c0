#include "chat_command.h"

#include "run_options.h"

#include "signal_watcher.h"
#include "validate_command.h"

#include "engine/handoff_memory.h"
#include "engine/session.h"
#include "providers/provider_config.h"
#include "store/audit_store.h"
#include "store/response_cache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>
#include <utility>

namespace ladder::cli {

namespace {

// Exit code when some turns ran but their audit rows could not be written (README).
constexpr int kExitAuditIncomplete = 4;

// Reads user turns one line at a time: from a script file, stdin, or an interactive prompt.
class TurnSource
{
public:
    bool openFile(const QString &path, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
            return false;
        }
        m_useFile = true;
        return true;
    }
    void setPrompt(bool prompt) { m_prompt = prompt; }

    // The next non-empty, non-comment line; false at the end.
    bool next(QString *line)
    {
        for (;;) {
            QString raw;
            if (m_useFile) {
                if (m_file.atEnd())
                    return false;
                raw = QString::fromUtf8(m_file.readLine());
            } else {
                if (m_prompt) {
                    std::cout << "\nyou> " << std::flush;
                }
                std::string s;
                if (!readStdinLine(&s))
                    return false;
                raw = QString::fromStdString(s);
            }
            raw = raw.trimmed();
            if (raw.isEmpty() || raw.startsWith(QLatin1Char('#')))
                continue;
            *line = raw;
            return true;
        }
    }

private:
    // A line of stdin, without its newline. False at the end of input, and as soon as Ctrl+C or
    // SIGTERM arrives while waiting for it (a blocking read would wait for the next Enter).
    bool readStdinLine(std::string *line)
    {
        for (;;) {
            const std::size_t newline = m_stdin.find('\n');
            if (newline != std::string::npos) {
                *line = m_stdin.substr(0, newline);
                m_stdin.erase(0, newline + 1);
                return true;
            }
            if (m_stdinAtEnd) {
                *line = std::exchange(m_stdin, {});
                return !line->empty();
            }
            if (!SignalWatcher::waitUntilReadable(STDIN_FILENO))
                return false;
            char buffer[4096];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                m_stdinAtEnd = true; // the end, or an error: no more turns either way
            else
                m_stdin.append(buffer, std::size_t(n));
        }
    }

    QFile m_file;
    bool m_useFile = false;
    bool m_prompt = false;
    std::string m_stdin; // read, not yet returned
    bool m_stdinAtEnd = false;
};

// "$0.000123", or "cost unknown" when a model of the turn has no known price (never "$0").
QString costText(const QJsonObject &event)
{
    const QJsonValue cost = event.value(QStringLiteral("cost_usd"));
    if (!cost.isDouble() || !event.value(QStringLiteral("cost_known")).toBool(true))
        return QStringLiteral("cost unknown");
    return QStringLiteral("$%1").arg(cost.toDouble(), 0, 'f', 6);
}

// What answers a run, for the interactive banner: the simulated provider, or the providers and
// models of the file that the ladder's tiers and fallbacks call.
QString answeredBy(const Ladder &ladder, const RunProviders &providers)
{
    if (!providers.given)
        return QStringLiteral("simulated provider (no keys, no network)");
    QStringList used;
    auto add = [&](const QString &provider, const QString &model) {
        const ProviderConfigEntry *entry = providers.config.entry(provider);
        const QString kind = entry ? entry->kind : QStringLiteral("not configured");
        const QString item = QStringLiteral("%1/%2 (%3)").arg(provider, model, kind);
        if (!used.contains(item))
            used << item;
    };
    for (const Tier &t : ladder.tiers) {
        add(t.provider, t.model);
        for (const ModelRef &m : t.fallback)
            add(m.provider.isEmpty() ? t.provider : m.provider, m.model);
    }
    return QStringLiteral("answered by %1").arg(used.join(QStringLiteral(", ")));
}

// Prints events for people: which tier answers, escalations, fallbacks, and a summary per turn.
// The memory a tier writes shows as one line (`memory` set: with its fields), never as the raw
// <handoff> block, also while the answer streams.
class HumanPrinter
{
public:
    HumanPrinter(bool streaming, const HandoffMemory *memory)
        : m_streaming(streaming)
        , m_memory(memory)
    {}

    void print(const Event &e)
    {
        const EventText d{e.data};
        switch (e.type) {
        case Event::Type::TierActive:
            onTierActive(d);
            break;
        case Event::Type::Escalated:
            onEscalated(d);
            break;
        case Event::Type::Fallback:
            onFallback(d);
            break;
        case Event::Type::Delta:
            if (m_streaming)
                stream(m_scaffold.feed(d.s("text")));
            break;
        case Event::Type::MemoryUpdated:
            onMemoryUpdated(d);
            break;
        case Event::Type::TurnCompleted:
            onTurnCompleted(d);
            break;
        case Event::Type::TurnFailed:
            endLine();
            out() << "✗ turn " << e.turn << " failed (" << d.s("error") << "): " << d.s("message")
                  << '\n';
            out().flush();
            break;
        case Event::Type::TurnStarted:
        case Event::Type::Handoff:
            break;
        }
    }

private:
    // An event's data with its string fields by key.
    struct EventText {
        const QJsonObject &d;
        QString s(const char *key) const { return d.value(QLatin1String(key)).toString(); }
    };

    void onTierActive(const EventText &e)
    {
        m_tier = e.s("tier");
        m_model = e.s("model");
        m_headerShown = false;
        m_scaffold.reset();
    }
    void onEscalated(const EventText &e)
    {
        m_scaffold.reset();
        endLine();
        if (e.s("phase") == QLatin1String("post_turn")) {
            header(); // the seed's form: "[cheap: model] ↳ escalating (reason)"
            out() << "↳ escalating (" << e.s("reason") << ")\n";
        } else {
            out() << "↳ escalating from " << e.s("from") << " to " << e.s("to") << " ("
                  << e.s("reason") << ")\n";
        }
        m_headerShown = false;
    }
    void onFallback(const EventText &e)
    {
        m_scaffold.reset();
        endLine();
        if (e.d.contains(QStringLiteral("retry")))
            out() << "↳ " << e.s("error") << " on " << e.s("from_model") << ", retry "
                  << e.d.value(QStringLiteral("retry")).toInt() << '\n';
        else if (e.d.contains(QStringLiteral("to_tier")))
            out() << "↳ " << e.s("error") << " on tier " << e.s("from_tier") << ", falling to "
                  << e.s("to_tier") << '\n';
        else
            out() << "↳ " << e.s("error") << " on " << e.s("from_model") << ", answered by "
                  << e.s("to_model") << '\n';
    }
    void onMemoryUpdated(const EventText &e)
    {
        QStringList fields;
        for (const QJsonValue &f : e.d.value(QStringLiteral("fields")).toArray())
            fields << f.toString();
        m_memoryNote = QStringLiteral("   memory v%1 updated (%2)\n")
                           .arg(e.d.value(QStringLiteral("version")).toInt())
                           .arg(fields.join(QStringLiteral(", ")));
        if (m_memory) {
            // The whole memory as the next tier will see it, without its header line.
            QStringList lines = m_memory->render(0).split(QLatin1Char('\n'));
            lines.removeFirst();
            for (const QString &line : std::as_const(lines)) {
                if (!line.isEmpty())
                    m_memoryNote += QStringLiteral("     ") + line + QLatin1Char('\n');
            }
        }
    }
    void onTurnCompleted(const EventText &e)
    {
        const QJsonObject &d = e.d;
        if (m_streaming) {
            stream(m_scaffold.finish());
        } else {
            header();
            out() << e.s("answer");
        }
        endLine();
        m_headerShown = false;
        const QJsonObject usage = d.value(QStringLiteral("usage")).toObject();
        out() << QStringLiteral("   (%1 in / %2 out tokens, %3, ttft %4 ms, %5 ms%6%7)\n")
                     .arg(usage.value(QStringLiteral("input_tokens")).toInteger())
                     .arg(usage.value(QStringLiteral("output_tokens")).toInteger())
                     .arg(costText(d))
                     .arg(d.value(QStringLiteral("ttft_ms")).toDouble(), 0, 'f', 0)
                     .arg(d.value(QStringLiteral("latency_ms")).toDouble(), 0, 'f', 0)
                     .arg(d.value(QStringLiteral("simulated")).toBool()
                              ? QStringLiteral(", simulated")
                              : QString())
                     .arg(d.value(QStringLiteral("cached")).toBool()
                              ? QStringLiteral(", from the cache")
                              : QString());
        out() << m_memoryNote;
        m_memoryNote.clear();
        out().flush();
    }

    QTextStream &out()
    {
        static QTextStream stream(stdout);
        return stream;
    }
    void header()
    {
        if (!m_headerShown) {
            out() << '[' << m_tier << ": " << m_model << "] ";
            m_headerShown = true;
        }
    }
    void endLine()
    {
        if (m_midLine || m_headerShown)
            out() << '\n';
        m_midLine = false;
        m_heldNewlines = 0;
    }
    // Streamed text; newlines at its end wait for more text, so an answer ends on one line break.
    void stream(const QString &text)
    {
        qsizetype end = text.size();
        while (end > 0 && text[end - 1] == QLatin1Char('\n'))
            --end;
        if (end > 0) {
            header();
            out() << QString(m_heldNewlines, QLatin1Char('\n')) << QStringView(text).left(end);
            m_heldNewlines = 0;
            m_midLine = true;
            out().flush();
        }
        m_heldNewlines += int(text.size() - end);
    }

    bool m_streaming;
    const HandoffMemory *m_memory; // null: the memory's fields are not printed
    ScaffoldStreamFilter m_scaffold;
    QString m_memoryNote; // printed after the turn's summary
    int m_heldNewlines = 0;
    QString m_tier;
    QString m_model;
    bool m_headerShown = false;
    bool m_midLine = false;
};

// The command line of `ladder chat`, options in the order --help lists them.
struct ChatCommandLine {
    const QCommandLineOption script{QStringLiteral("script"),
                                    QStringLiteral("User turns, one per line ('-': stdin)."),
                                    QStringLiteral("FILE")};
    const QCommandLineOption json{QStringLiteral("json"),
                                  QStringLiteral("Print the events as JSON lines.")};
    const QCommandLineOption noDeltas{QStringLiteral("no-deltas"),
                                      QStringLiteral("Leave delta events out of --json.")};
    const QCommandLineOption classify{
        QStringLiteral("classify"),
        QStringLiteral("How classifier detectors label a turn: 'rules' (their patterns, default) "
                       "or 'model' (a call to their listener tier)."),
        QStringLiteral("HOW"), QStringLiteral("rules")};
    const QCommandLineOption noCache{
        QStringLiteral("no-cache"),
        QStringLiteral("Ask the models every time, even when the ladder switches its cache on.")};
    const QCommandLineOption showMemory{
        QStringLiteral("show-memory"),
        QStringLiteral("After each handoff memory update, print its fields (not only the line "
                       "naming them).")};

    const RunOptions run{"chat",
                         RunOptions::Providers | RunOptions::Seed | RunOptions::Fault |
                             RunOptions::TimeScale | RunOptions::Audit | RunOptions::Cache,
                         {},
                         QStringLiteral("Simulated streaming speed: 1 real time, 0 instant "
                                        "(default: 1 on an interactive terminal, 0 otherwise).")};

    void process(QCommandLineParser *parser, const QStringList &args) const
    {
        processLadderCommandLine(
            parser, args,
            QStringLiteral("Chat against a ladder. One user turn per line of the script (blank "
                           "lines and lines starting with # are skipped); without a script on a "
                           "terminal, an interactive prompt. The simulated provider answers "
                           "unless a provider configuration is given."),
            QStringLiteral("Ladder file, or the name of a built-in example."),
            QList<QCommandLineOption>{script, json, noDeltas, classify, noCache, showMemory} +
                run.options());
    }
};

// "response cache: 42.0 % hit rate (...)" after a chat that used the cache.
void printCacheSummary(QTextStream &out, const ResponseCache &cache, const QString &path)
{
    out << QStringLiteral("response cache: %1 % hit rate (%2 of %3 deterministic calls; %4)\n")
               .arg(cache.hitRate() * 100, 0, 'f', 1)
               .arg(cache.hits())
               .arg(cache.hits() + cache.misses())
               .arg(QDir::toNativeSeparators(path));
}

// Says which turns the audit did not record; true when it recorded everything.
bool reportAudit(const AuditStore &audit, const QString &path, QTextStream &err)
{
    const AuditLosses lost = audit.losses();
    if (!lost.isEmpty())
        err << "ladder chat: --audit: not recorded in " << path << ": " << lost.describe() << " ("
            << lost.firstError << ")\n";
    else if (!audit.lastError().isEmpty())
        err << "ladder chat: --audit: " << audit.lastError() << '\n';
    return lost.isEmpty();
}

// How a chat ended: the turns that failed, and the signal that stopped it (0: none).
struct ChatEnd {
    int failed = 0;
    int stopSignal = 0;

    int exitCode(bool auditComplete) const
    {
        if (stopSignal)
            return SignalWatcher::exitCode(stopSignal); // 130 (SIGINT), 143 (SIGTERM)
        if (!auditComplete)
            return kExitAuditIncomplete;
        return failed > 0 ? 3 : 0; // 3: some turns failed (each was reported as turn_failed)
    }
};

// The session's events on stdout: as JSON lines without a `printer`, else in its human form.
void printEvents(Session &session, HumanPrinter *printer, QTextStream &out)
{
    QObject::connect(&session, &Session::event, [printer, &out](const Event &e) {
        if (!printer) {
            out << e.toJsonLine() << '\n';
            out.flush();
        } else {
            printer->print(e);
        }
    });
}

// Submits the source's turns one after the other until it runs dry or a signal stops it.
ChatEnd chatUntilDone(Session &session, TurnSource &source)
{
    ChatEnd end;
    int &stopSignal = end.stopSignal; // SIGINT or SIGTERM: no further turn starts
    auto submitNext = [&] {
        QString line;
        if (stopSignal || !source.next(&line)) {
            QCoreApplication::quit();
            return;
        }
        session.submit(line);
    };
    QObject scope; // the connection ends with this function
    QObject::connect(&session, &Session::turnFinished, &scope, [&](int, bool ok) {
        if (!ok)
            ++end.failed;
        QTimer::singleShot(0, submitNext);
    });
    // Ctrl+C / SIGTERM: the turn in flight is cancelled (its call and turn_failed audited),
    // then the audit is written and the process exits 130 / 143. A second signal stops waiting.
    const SignalWatcher signalWatcher([&](int signal) {
        const bool again = stopSignal != 0;
        stopSignal = signal;
        if (session.busy() && !again)
            session.cancel(
                QStringLiteral("interrupted by %1")
                    .arg(signal == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM")));
        else
            QCoreApplication::quit();
    });
    QTimer::singleShot(0, submitNext);
    QCoreApplication::exec();
    if (!stopSignal)
        stopSignal = SignalWatcher::received(); // came while reading the prompt
    return end;
}

} // namespace

int runChat(const QStringList &args)
{
    QCommandLineParser parser;
    const ChatCommandLine cl;
    cl.process(&parser, args);
    const RunOptions &run = cl.run;

    QTextStream err(stderr);
    if (!OptionReader(parser, "chat").oneArgument("one ladder file"))
        return 2;
    RunProviders providers;
    Ladder ladder;
    if (const int code = run.loadProvidersAndLadder(
            parser, parser.positionalArguments().constFirst(), &providers, &ladder))
        return code;
    SessionOptions options;
    if (!run.seed(parser, &options.seed))
        return 2;
    RunRegistry registry;
    if (!run.configure(parser, providers, ladder, &registry))
        return 2;

    TurnSource source;
    if (parser.isSet(cl.script) && parser.value(cl.script) != "-") {
        QString error;
        if (!source.openFile(parser.value(cl.script), &error)) {
            err << "ladder chat: " << error << '\n';
            return 2;
        }
    }
    const bool interactive = !parser.isSet(cl.script) && isatty(STDIN_FILENO);
    const bool json = parser.isSet(cl.json);
    source.setPrompt(interactive && !json);
    double timeScale = interactive ? 1.0 : 0.0;
    if (!run.timeScale(parser, &timeScale))
        return 2;
    registry.simulated().setTimeScale(timeScale);

    AuditStore audit;
    if (!run.openAudit(parser, &audit))
        return 2;
    const QString classify = parser.value(cl.classify);
    if (classify != QLatin1String("rules") && classify != QLatin1String("model")) {
        err << "ladder chat: --classify: expected 'rules' or 'model'\n";
        return 2;
    }
    ResponseCache cache;
    if (!parser.isSet(cl.noCache) && !run.openCache(parser, ladder, &cache))
        return 2;

    options.cache = cache.isOpen() ? &cache : nullptr;
    options.classifyWithModel = classify == QLatin1String("model");
    options.audit = audit.isOpen() ? &audit : nullptr;
    options.pricing = &providers.pricing;
    options.retry.delayScale = timeScale;           // the simulated provider's waits only
    options.spend = std::make_shared<SpendMeter>(); // budget.session_usd: this process
    options.emitDeltas = json ? !parser.isSet(cl.noDeltas) : interactive || timeScale > 0;
    Session session(ladder, &registry, options);

    HumanPrinter printer(options.emitDeltas,
                         parser.isSet(cl.showMemory) ? &session.memory() : nullptr);
    QTextStream out(stdout);
    printEvents(session, json ? nullptr : &printer, out);
    if (interactive && !json)
        out << "ladder chat: " << ladder.name << " — " << answeredBy(ladder, providers)
            << ". Ctrl+D to quit." << Qt::endl;

    const ChatEnd end = chatUntilDone(session, source);
    out.flush();
    audit.close();
    if (cache.isOpen() && !json)
        printCacheSummary(out, cache,
                          parser.isSet(run.cache) ? parser.value(run.cache)
                                                  : ResponseCache::defaultPath());
    const bool auditComplete = reportAudit(audit, parser.value(run.audit), err);
    return end.exitCode(auditComplete);
}

} // namespace ladder::cli
