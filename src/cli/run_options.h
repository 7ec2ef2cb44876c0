#pragma once

// The options of the commands that run a ladder (chat, serve, eval), defined and read in one
// place: --providers, --seed, --fault, --time-scale, --audit, --cache. Each command names the
// ones it takes; errors are printed as "ladder COMMAND: --OPTION: message".

#include "validate_command.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>

#include <initializer_list>

namespace ladder {
class AuditStore;
class ResponseCache;
} // namespace ladder

namespace ladder::cli {

class RunOptions
{
public:
    enum Option {
        Providers = 0x1,
        Seed = 0x2,
        Fault = 0x4,
        TimeScale = 0x8,
        Audit = 0x10,
        Cache = 0x20,
    };
    // `command`: "chat", "serve", ... (messages); `which`: the Options it takes;
    // `providersHelp`, `timeScaleHelp`: the command's own wording, or empty for the common one.
    RunOptions(const char *command, int which, const QString &providersHelp = {},
               const QString &timeScaleHelp = {});

    QList<QCommandLineOption> options() const;  // for QCommandLineParser::addOptions
    QString prefix() const { return m_prefix; } // "ladder chat: "

    // --providers FILE (when given), then the ladder (a file or an example) checked against
    // it. The exit code on failure (2 bad providers file, 1 invalid ladder), 0 when both load.
    int loadProvidersAndLadder(const QCommandLineParser &parser, const QString &ladderArg,
                               RunProviders *providers, Ladder *ladder) const;
    // The providers file's endpoints for the ladder's tiers (warnings printed) and --fault's
    // simulated failures. False on a bad --fault.
    bool configure(const QCommandLineParser &parser, const RunProviders &providers,
                   const Ladder &ladder, RunRegistry *registry) const;
    // --seed: `*seed` stays as it is when not given. False on a bad value.
    bool seed(const QCommandLineParser &parser, quint64 *seed) const;
    // --time-scale: `*scale` stays as it is (the command's default) when not given.
    bool timeScale(const QCommandLineParser &parser, double *scale) const;
    // Opens --audit when given. False when it cannot be opened.
    bool openAudit(const QCommandLineParser &parser, AuditStore *audit) const;
    // Opens the response cache for a ladder that switches it on (--cache or the default
    // file); warns that --cache is ignored for one that does not. False when it cannot open.
    bool openCache(const QCommandLineParser &parser, const Ladder &ladder,
                   ResponseCache *cache) const;

    const QCommandLineOption providers;
    const QCommandLineOption seedOption;
    const QCommandLineOption fault;
    const QCommandLineOption timeScaleOption;
    const QCommandLineOption audit;
    const QCommandLineOption cache;

private:
    QString m_prefix;
    int m_which;
};

// Reads the values of a command's own options the same way in every command; errors are
// printed as "ladder COMMAND: --OPTION: message" and the reader returns false.
class OptionReader
{
public:
    OptionReader(const QCommandLineParser &parser, const char *command);

    QString prefix() const { return m_prefix; } // "ladder train: "
    // Exactly one positional argument; else "ladder COMMAND: expected `what`".
    bool oneArgument(const char *what) const;
    // Each of `options` is given; else "ladder COMMAND: --NAME is required".
    bool required(std::initializer_list<const QCommandLineOption *> options) const;
    // A whole number from `min` to `max` (the option's default when not given).
    bool integer(const QCommandLineOption &option, int min, int max, int *value) const;
    // A number from `min` to `max` (the option's default when not given).
    bool number(const QCommandLineOption &option, double min, double max, double *value) const;
    // --map TIER=ANSWERER, repeated: which recorded answerer answers for a tier.
    bool tierMap(const QCommandLineOption &option, QHash<QString, QString> *map) const;

private:
    const QCommandLineParser &m_parser;
    QString m_prefix;
};

// The command line of a command that takes one ladder: its description, --help, the ladder
// argument (`ladderHelp`, shown as `ladderSyntax` when given) and the command's options,
// processed from `args` (--help prints and exits).
void processLadderCommandLine(QCommandLineParser *parser, const QStringList &args,
                              const QString &description, const QString &ladderHelp,
                              const QList<QCommandLineOption> &options,
                              const QString &ladderSyntax = {});

// -o/--output FILE, with the command's own help.
QCommandLineOption outputOption(const QString &help);
// --map TIER=ANSWERER, with the command's own help.
QCommandLineOption mapOption(const QString &help);

} // namespace ladder::cli
