#include "run_options.h"

#include "store/audit_store.h"
#include "store/response_cache.h"

#include <QTextStream>

namespace ladder::cli {

namespace {

QString orDefault(const QString &given, const QString &common)
{
    return given.isEmpty() ? common : given;
}

} // namespace

RunOptions::RunOptions(const char *command, int which, const QString &providersHelp,
                       const QString &timeScaleHelp)
    : providers(QStringLiteral("providers"),
                orDefault(providersHelp,
                          QStringLiteral("Provider configuration (providers/1 JSON): real models "
                                         "answer. Keys come from the environment or the OS "
                                         "keychain, never from the file. Default: the "
                                         "simulated provider.")),
                QStringLiteral("FILE"))
    , seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the simulated provider."),
                 QStringLiteral("N"), QStringLiteral("0"))
    , fault(QStringLiteral("fault"),
            QStringLiteral("Fail the first call of turn N: KIND@N[,KIND@N...], KIND one of "
                           "rate_limited, unavailable, timeout, truncated, quota_exhausted."),
            QStringLiteral("SPEC"))
    , timeScaleOption(QStringLiteral("time-scale"),
                      orDefault(timeScaleHelp,
                                QStringLiteral("Simulated streaming speed and retry waits: 1 real "
                                               "time, 0 instant.")),
                      QStringLiteral("F"))
    , audit(QStringLiteral("audit"),
            QStringLiteral("Write every call and event to this SQLite file."), QStringLiteral("DB"))
    , cache(QStringLiteral("cache"),
            QStringLiteral("SQLite response cache for a ladder that switches its cache on "
                           "(\"cache\": {\"enabled\": true}); repeated temperature-0 calls are "
                           "served from it. Default: response-cache.sqlite in the user's data "
                           "folder."),
            QStringLiteral("DB"))
    , m_prefix(QStringLiteral("ladder %1: ").arg(QLatin1String(command)))
    , m_which(which)
{}

QList<QCommandLineOption> RunOptions::options() const
{
    QList<QCommandLineOption> out;
    const std::pair<Option, const QCommandLineOption *> all[] = {
        {Providers, &providers},       {Seed, &seedOption}, {Fault, &fault},
        {TimeScale, &timeScaleOption}, {Audit, &audit},     {Cache, &cache}};
    for (const auto &[option, o] : all) {
        if (m_which & option)
            out << *o;
    }
    return out;
}

int RunOptions::loadProvidersAndLadder(const QCommandLineParser &parser, const QString &ladderArg,
                                       RunProviders *out, Ladder *ladder) const
{
    // The providers file first: a ladder is checked against its provider ids and prices.
    if (!loadRunProviders(parser.value(providers), out))
        return 2;
    if (!loadLadderOrExample(ladderArg, ladder, out->validationContext()))
        return 1;
    return 0;
}

bool RunOptions::configure(const QCommandLineParser &parser, const RunProviders &given,
                           const Ladder &ladder, RunRegistry *registry) const
{
    QTextStream err(stderr);
    if (given.given) {
        QStringList messages;
        configureForLadder(registry, given.config, parser.value(providers), ladder, &messages);
        for (const QString &m : messages)
            err << m_prefix << m << '\n';
    }
    if ((m_which & Fault) && parser.isSet(fault)) {
        QString error;
        const std::optional<FaultSchedule> faults =
            FaultSchedule::parse(parser.value(fault), &error);
        if (!faults) {
            err << m_prefix << "--fault: " << error << '\n';
            return false;
        }
        registry->simulated().setFaults(*faults);
    }
    return true;
}

bool RunOptions::seed(const QCommandLineParser &parser, quint64 *seed) const
{
    if (!parser.isSet(seedOption))
        return true;
    bool ok = false;
    const quint64 value = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        QTextStream(stderr) << m_prefix << "--seed: expected a non-negative integer\n";
        return false;
    }
    *seed = value;
    return true;
}

bool RunOptions::timeScale(const QCommandLineParser &parser, double *scale) const
{
    if (!parser.isSet(timeScaleOption))
        return true;
    bool ok = false;
    const double value = parser.value(timeScaleOption).toDouble(&ok);
    if (!ok || value < 0) {
        QTextStream(stderr) << m_prefix << "--time-scale: expected a number >= 0\n";
        return false;
    }
    *scale = value;
    return true;
}

bool RunOptions::openAudit(const QCommandLineParser &parser, AuditStore *store) const
{
    if (!parser.isSet(audit))
        return true;
    QString error;
    if (!store->open(parser.value(audit), &error)) {
        QTextStream(stderr) << m_prefix << "--audit: " << error << '\n';
        return false;
    }
    return true;
}

bool RunOptions::openCache(const QCommandLineParser &parser, const Ladder &ladder,
                           ResponseCache *store) const
{
    if (!ladder.cache.enabled) {
        if (parser.isSet(cache))
            QTextStream(stderr) << m_prefix
                                << "warning: the ladder does not switch its response cache on "
                                   "(\"cache\": {\"enabled\": true}); --cache is ignored\n";
        return true;
    }
    QString error;
    const QString path = parser.isSet(cache) ? parser.value(cache) : ResponseCache::defaultPath();
    if (!store->open(path, &error)) {
        QTextStream(stderr) << m_prefix << "response cache: " << error << '\n';
        return false;
    }
    return true;
}

OptionReader::OptionReader(const QCommandLineParser &parser, const char *command)
    : m_parser(parser)
    , m_prefix(QStringLiteral("ladder %1: ").arg(QLatin1String(command)))
{}

bool OptionReader::oneArgument(const char *what) const
{
    if (m_parser.positionalArguments().size() == 1)
        return true;
    QTextStream(stderr) << m_prefix << "expected " << what << '\n';
    return false;
}

bool OptionReader::required(std::initializer_list<const QCommandLineOption *> options) const
{
    for (const QCommandLineOption *option : options) {
        if (!m_parser.isSet(*option)) {
            QTextStream(stderr) << m_prefix << "--" << option->names().constLast()
                                << " is required\n";
            return false;
        }
    }
    return true;
}

bool OptionReader::integer(const QCommandLineOption &option, int min, int max, int *value) const
{
    bool ok = false;
    const int v = m_parser.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        QTextStream(stderr) << m_prefix << "--" << option.names().constLast()
                            << ": expected a number from " << min << " to " << max << '\n';
        return false;
    }
    *value = v;
    return true;
}

bool OptionReader::number(const QCommandLineOption &option, double min, double max,
                          double *value) const
{
    bool ok = false;
    const double v = m_parser.value(option).toDouble(&ok);
    if (!ok || v < min || v > max) {
        QTextStream(stderr) << m_prefix << "--" << option.names().constLast()
                            << ": expected a number from " << min << " to " << max << '\n';
        return false;
    }
    *value = v;
    return true;
}

bool OptionReader::tierMap(const QCommandLineOption &option, QHash<QString, QString> *map) const
{
    for (const QString &m : m_parser.values(option)) {
        const qsizetype eq = m.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == m.size() - 1) {
            QTextStream(stderr) << m_prefix << "--" << option.names().constLast() << " \"" << m
                                << "\": expected TIER=ANSWERER\n";
            return false;
        }
        map->insert(m.left(eq), m.mid(eq + 1));
    }
    return true;
}

void processLadderCommandLine(QCommandLineParser *parser, const QStringList &args,
                              const QString &description, const QString &ladderHelp,
                              const QList<QCommandLineOption> &options, const QString &ladderSyntax)
{
    parser->setApplicationDescription(description);
    parser->addHelpOption();
    parser->addPositionalArgument(QStringLiteral("ladder"), ladderHelp, ladderSyntax);
    parser->addOptions(options);
    parser->process(args);
}

QCommandLineOption outputOption(const QString &help)
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, help,
                              QStringLiteral("FILE"));
}

QCommandLineOption mapOption(const QString &help)
{
    return QCommandLineOption(QStringLiteral("map"), help, QStringLiteral("TIER=ANSWERER"));
}

} // namespace ladder::cli
