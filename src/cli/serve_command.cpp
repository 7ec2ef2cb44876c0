#include "serve_command.h"

#include "run_options.h"
#include "signal_watcher.h"
#include "validate_command.h"

#include "providers/provider_config.h"
#include "serve/server.h"
#include "store/audit_store.h"
#include "store/response_cache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>

namespace ladder::cli {

namespace {

// The command line of `ladder serve`, options in the order --help lists them.
struct ServeCommandLine {
    const QCommandLineOption host{QStringLiteral("host"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("HOST"), QStringLiteral("127.0.0.1")};
    const QCommandLineOption port{QStringLiteral("port"),
                                  QStringLiteral("Port (0: any free port)."), QStringLiteral("N"),
                                  QStringLiteral("8080")};
    const QCommandLineOption state{
        QStringLiteral("state"),
        QStringLiteral(
            "Conversation state: sqlite:PATH or redis://HOST:PORT/DB (default: "
            "sqlite: serve-state-MODEL.sqlite in the user's data folder; one instance per file)."),
        QStringLiteral("URL")};
    const QCommandLineOption apiKey{
        QStringLiteral("api-key-env"),
        QStringLiteral("Environment variable holding the bearer token clients must send."),
        QStringLiteral("NAME")};
    const QCommandLineOption model{
        QStringLiteral("model-name"),
        QStringLiteral("The model name clients ask for (default: the ladder file's base name)."),
        QStringLiteral("NAME")};
    const QCommandLineOption maxBody{QStringLiteral("max-body"),
                                     QStringLiteral("Largest request body in bytes."),
                                     QStringLiteral("BYTES"), QString::number(4 * 1024 * 1024)};
    const QCommandLineOption grace{
        QStringLiteral("grace"),
        QStringLiteral("On SIGINT/SIGTERM, milliseconds running turns get before they are "
                       "cancelled."),
        QStringLiteral("MS"), QStringLiteral("10000")};
    const QCommandLineOption requestTimeout{
        QStringLiteral("request-timeout"),
        QStringLiteral("Milliseconds a request's headers and body may take to arrive (slow "
                       "clients get 408)."),
        QStringLiteral("MS"), QStringLiteral("10000")};
    const QCommandLineOption json{
        QStringLiteral("json"),
        QStringLiteral("Report on stdout as JSON lines: {\"event\": \"listening\", \"url\", "
                       "\"port\", ...} once, {\"event\": \"completion\", \"completions\", "
                       "\"status\", \"tier\", \"model\", \"escalated\", \"cancelled\", "
                       "\"ms\"} after each chat completion, {\"event\": \"stopped\", ...} "
                       "at the end.")};

    const RunOptions run{"serve", RunOptions::Providers | RunOptions::Seed | RunOptions::Fault |
                                      RunOptions::TimeScale | RunOptions::Audit |
                                      RunOptions::Cache};

    void process(QCommandLineParser *parser, const QStringList &args) const
    {
        processLadderCommandLine(
            parser, args,
            QStringLiteral("Serve a ladder behind an OpenAI-compatible endpoint (POST "
                           "/v1/chat/completions, GET /v1/models). Each conversation runs the "
                           "whole ladder; its position lives in the state store."),
            QStringLiteral("Ladder file, or the name of a built-in example."),
            run.options() + QList<QCommandLineOption>{host, port, state, apiKey, model, maxBody,
                                                      grace, requestTimeout, json});
    }
};

// Where and how to listen, as the command line says.
struct Listening {
    QHostAddress host;
    quint16 port = 0;
    int graceMs = 0;
};

// The numbers and the address of the command line into `options` and `listening`.
bool readServerOptions(const QCommandLineParser &parser, const ServeCommandLine &cl,
                       serve::ServerOptions *options, Listening *listening, QTextStream &err)
{
    const OptionReader read(parser, "serve");
    double port = 0, maxBody = 0, grace = 0, requestTimeout = 0;
    if (!read.number(cl.port, 0, 65535, &port) ||
        !read.number(cl.maxBody, 1024, 1024.0 * 1024 * 1024, &maxBody) ||
        !read.number(cl.grace, 0, 3600000, &grace) ||
        !read.number(cl.requestTimeout, 100, 3600000, &requestTimeout))
        return false;
    listening->host = QHostAddress(parser.value(cl.host));
    if (listening->host.isNull()) {
        err << "ladder serve: --host: not an IP address: " << parser.value(cl.host) << '\n';
        return false;
    }
    listening->port = quint16(port);
    listening->graceMs = int(grace);
    options->maxBodyBytes = qint64(maxBody);
    options->requestTimeoutMs = int(requestTimeout);
    return true;
}

// --api-key-env: the bearer token clients must send; a warning when anyone may call unasked.
bool readApiKey(const QCommandLineParser &parser, const ServeCommandLine &cl,
                const Listening &listening, serve::ServerOptions *options, QTextStream &err)
{
    if (parser.isSet(cl.apiKey)) {
        options->apiKey = qgetenv(parser.value(cl.apiKey).toLocal8Bit().constData());
        if (options->apiKey.isEmpty()) {
            err << "ladder serve: --api-key-env: the environment variable "
                << parser.value(cl.apiKey) << " is empty or not set\n";
            return false;
        }
    }
    if (!listening.host.isLoopback() && options->apiKey.isEmpty())
        err << "ladder serve: warning: listening on " << listening.host.toString()
            << " without --api-key-env: anyone who can reach this address can spend your "
               "provider budget\n";
    return true;
}

void jsonLine(QTextStream &out, const QJsonObject &o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

// "listening" (and with --json one line per completion) once the server listens.
void reportListening(QTextStream &out, bool json, serve::Server &server, const Ladder &ladder,
                     const QString &url, const QString &modelId, const QString &state)
{
    if (!json) {
        out << "ladder serve: " << ladder.name << " as model \"" << modelId << "\" on " << url
            << " (state " << state << ")" << Qt::endl;
        return;
    }
    QJsonArray tiers;
    for (const Tier &t : ladder.tiers)
        tiers.append(t.id);
    jsonLine(out, {{QStringLiteral("event"), QStringLiteral("listening")},
                   {QStringLiteral("url"), url},
                   {QStringLiteral("port"), int(server.port())},
                   {QStringLiteral("model"), modelId},
                   {QStringLiteral("tiers"), tiers},
                   {QStringLiteral("state"), state}});
    QObject::connect(&server, &serve::Server::completionFinished, [&out](QJsonObject o) {
        o.insert(QStringLiteral("event"), QStringLiteral("completion"));
        jsonLine(out, o);
    });
}

void reportStopped(QTextStream &out, bool json, const serve::Server &server)
{
    if (json)
        jsonLine(out, {{QStringLiteral("event"), QStringLiteral("stopped")},
                       {QStringLiteral("requests"), server.requestCount()},
                       {QStringLiteral("completions"), server.completionCount()}});
    else
        out << "ladder serve: stopped after " << server.requestCount() << " requests" << Qt::endl;
}

} // namespace

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    const ServeCommandLine cl;
    cl.process(&parser, args);
    const RunOptions &run = cl.run;

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!OptionReader(parser, "serve").oneArgument("one ladder file"))
        return 2;
    const QString ladderArg = parser.positionalArguments().constFirst();
    RunProviders providers;
    Ladder ladder;
    if (const int code = run.loadProvidersAndLadder(parser, ladderArg, &providers, &ladder))
        return code;
    serve::ServerOptions options;
    double timeScale = 1;
    Listening listening;
    if (!run.seed(parser, &options.seed) || !run.timeScale(parser, &timeScale) ||
        !readServerOptions(parser, cl, &options, &listening, err))
        return 2;

    RunRegistry registry;
    if (!run.configure(parser, providers, ladder, &registry))
        return 2;
    registry.simulated().setTimeScale(timeScale);
    options.pricing = &registry.pricing(); // the file's prices on top of the built-in table
    options.modelId =
        parser.isSet(cl.model) ? parser.value(cl.model) : QFileInfo(ladderArg).completeBaseName();
    options.retry.delayScale = timeScale;
    if (!readApiKey(parser, cl, listening, &options, err))
        return 2;

    AuditStore audit;
    if (!run.openAudit(parser, &audit))
        return 2;
    if (audit.isOpen())
        options.audit = &audit;
    ResponseCache cache;
    if (!run.openCache(parser, ladder, &cache))
        return 2;
    if (cache.isOpen())
        options.cache = &cache;

    const QString stateUrl =
        parser.isSet(cl.state) ? parser.value(cl.state) : serve::defaultStateUrl(options.modelId);
    QString error;
    std::unique_ptr<serve::StateStore> store = serve::openStateStore(stateUrl, &error);
    if (!store) {
        err << "ladder serve: --state: " << error << '\n';
        return 2;
    }
    serve::Server server(ladder, &registry, store.get(), options);
    if (!server.listen(listening.host, listening.port, &error)) {
        err << "ladder serve: " << error << '\n';
        return 2;
    }

    // SIGINT/SIGTERM: running turns get the grace time, then the process ends.
    bool stopping = false;
    const SignalWatcher signalWatcher([&](int) {
        if (stopping)
            return;
        stopping = true;
        err << "ladder serve: stopping (" << server.activeTurns() << " turns running)\n";
        err.flush();
        server.shutdown(listening.graceMs);
    });
    QObject::connect(&server, &serve::Server::drained, [] { QCoreApplication::quit(); });
    signal(SIGPIPE, SIG_IGN);

    const bool json = parser.isSet(cl.json);
    const QString url =
        QStringLiteral("http://%1:%2/v1").arg(listening.host.toString()).arg(server.port());
    reportListening(out, json, server, ladder, url, options.modelId, store->describe());
    QCoreApplication::exec();
    audit.close();
    reportStopped(out, json, server);
    return 0;
}

} // namespace ladder::cli
