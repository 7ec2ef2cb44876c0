#include "serve_command.h"

#include "run_options.h"
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
#include <unistd.h>

namespace ladder::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

} // namespace

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serve a ladder behind an OpenAI-compatible endpoint (POST "
                       "/v1/chat/completions, GET /v1/models). Each conversation runs the whole "
                       "ladder; its position lives in the state store."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ladder"),
                                 QStringLiteral("Ladder file, or the name of a built-in example."));
    const RunOptions run("serve", RunOptions::Providers | RunOptions::Seed | RunOptions::Fault |
                                      RunOptions::TimeScale | RunOptions::Audit |
                                      RunOptions::Cache);
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to listen on."),
                                        QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QStringLiteral("Conversation state: sqlite:PATH or redis://HOST:PORT/DB (default: "
                       "sqlite: serve-state.sqlite in the user's data folder)."),
        QStringLiteral("URL"));
    const QCommandLineOption apiKeyOption(
        QStringLiteral("api-key-env"),
        QStringLiteral("Environment variable holding the bearer token clients must send."),
        QStringLiteral("NAME"));
    const QCommandLineOption modelOption(
        QStringLiteral("model-name"),
        QStringLiteral("The model name clients ask for (default: the ladder file's base name)."),
        QStringLiteral("NAME"));
    const QCommandLineOption maxBodyOption(
        QStringLiteral("max-body"), QStringLiteral("Largest request body in bytes."),
        QStringLiteral("BYTES"), QString::number(4 * 1024 * 1024));
    const QCommandLineOption graceOption(
        QStringLiteral("grace"),
        QStringLiteral("On SIGINT/SIGTERM, milliseconds running turns get before they are "
                       "cancelled."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption requestTimeoutOption(
        QStringLiteral("request-timeout"),
        QStringLiteral("Milliseconds a request's headers and body may take to arrive (slow "
                       "clients get 408)."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("Report on stdout as JSON lines: {\"event\": \"listening\", \"url\", "
                       "\"port\", ...} once, {\"event\": \"completion\", \"completions\", "
                       "\"status\", \"tier\", \"model\", \"escalated\", \"cancelled\", "
                       "\"ms\"} after each chat completion, {\"event\": \"stopped\", ...} "
                       "at the end."));
    parser.addOptions(run.options());
    parser.addOptions({hostOption, portOption, stateOption, apiKeyOption, modelOption,
                       maxBodyOption, graceOption, requestTimeoutOption, jsonOption});
    parser.process(args);

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (parser.positionalArguments().size() != 1) {
        err << "ladder serve: expected one ladder file\n";
        return 2;
    }
    const QString ladderArg = parser.positionalArguments().constFirst();
    RunProviders providers;
    Ladder ladder;
    if (const int code = run.loadProvidersAndLadder(parser, ladderArg, &providers, &ladder))
        return code;
    quint64 seed = 0;
    double timeScale = 1;
    if (!run.seed(parser, &seed) || !run.timeScale(parser, &timeScale))
        return 2;

    auto number = [&](const QCommandLineOption &o, double min, double max, double *v) {
        bool ok = false;
        *v = parser.value(o).toDouble(&ok);
        if (!ok || *v < min || *v > max) {
            err << "ladder serve: --" << o.names().constFirst() << ": expected a number from "
                << min << " to " << max << '\n';
            return false;
        }
        return true;
    };
    double port = 0, maxBody = 0, grace = 0, requestTimeout = 0;
    if (!number(portOption, 0, 65535, &port) ||
        !number(maxBodyOption, 1024, 1024.0 * 1024 * 1024, &maxBody) ||
        !number(graceOption, 0, 3600000, &grace) ||
        !number(requestTimeoutOption, 100, 3600000, &requestTimeout))
        return 2;
    const QHostAddress host(parser.value(hostOption));
    if (host.isNull()) {
        err << "ladder serve: --host: not an IP address: " << parser.value(hostOption) << '\n';
        return 2;
    }

    RunRegistry registry;
    if (!run.configure(parser, providers, ladder, &registry))
        return 2;
    registry.simulated().setTimeScale(timeScale);

    serve::ServerOptions options;
    options.pricing = &registry.pricing(); // the file's prices on top of the built-in table
    options.modelId = parser.isSet(modelOption) ? parser.value(modelOption)
                                                : QFileInfo(ladderArg).completeBaseName();
    options.seed = seed;
    options.retry.delayScale = timeScale;
    options.maxBodyBytes = qint64(maxBody);
    options.requestTimeoutMs = int(requestTimeout);
    if (parser.isSet(apiKeyOption)) {
        options.apiKey = qgetenv(parser.value(apiKeyOption).toLocal8Bit().constData());
        if (options.apiKey.isEmpty()) {
            err << "ladder serve: --api-key-env: the environment variable "
                << parser.value(apiKeyOption) << " is empty or not set\n";
            return 2;
        }
    }
    if (!host.isLoopback() && options.apiKey.isEmpty())
        err << "ladder serve: warning: listening on " << host.toString()
            << " without --api-key-env: anyone who can reach this address can spend your "
               "provider budget\n";

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
        parser.isSet(stateOption) ? parser.value(stateOption) : serve::defaultStateUrl();
    QString error;
    std::unique_ptr<serve::StateStore> store = serve::openStateStore(stateUrl, &error);
    if (!store) {
        err << "ladder serve: --state: " << error << '\n';
        return 2;
    }

    serve::Server server(ladder, &registry, store.get(), options);
    if (!server.listen(host, quint16(port), &error)) {
        err << "ladder serve: " << error << '\n';
        return 2;
    }

    if (::pipe(g_signalPipe) != 0) {
        err << "ladder serve: cannot set up signal handling\n";
        return 2;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    bool stopping = false;
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        if (stopping)
            return;
        stopping = true;
        err << "ladder serve: stopping (" << server.activeTurns() << " turns running)\n";
        err.flush();
        server.shutdown(int(grace));
    });
    QObject::connect(&server, &serve::Server::drained, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);

    const bool json = parser.isSet(jsonOption);
    const QString url = QStringLiteral("http://%1:%2/v1").arg(host.toString()).arg(server.port());
    auto jsonLine = [&out](const QJsonObject &o) {
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    };
    if (json) {
        QJsonArray tiers;
        for (const Tier &t : ladder.tiers)
            tiers.append(t.id);
        jsonLine({{QStringLiteral("event"), QStringLiteral("listening")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("port"), int(server.port())},
                  {QStringLiteral("model"), options.modelId},
                  {QStringLiteral("tiers"), tiers},
                  {QStringLiteral("state"), store->describe()}});
        QObject::connect(&server, &serve::Server::completionFinished, [&](QJsonObject o) {
            o.insert(QStringLiteral("event"), QStringLiteral("completion"));
            jsonLine(o);
        });
    } else {
        out << "ladder serve: " << ladder.name << " as model \"" << options.modelId << "\" on "
            << url << " (state " << store->describe() << ")" << Qt::endl;
    }
    QCoreApplication::exec();
    audit.close();
    if (json)
        jsonLine({{QStringLiteral("event"), QStringLiteral("stopped")},
                  {QStringLiteral("requests"), server.requestCount()},
                  {QStringLiteral("completions"), server.completionCount()}});
    else
        out << "ladder serve: stopped after " << server.requestCount() << " requests" << Qt::endl;
    return 0;
}

} // namespace ladder::cli
