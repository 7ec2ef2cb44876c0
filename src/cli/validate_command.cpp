#include "validate_command.h"

#include "core/ladder_json.h"
#include "core/resources.h"
#include "core/validation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace ladder::cli {

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check ladder files: syntax, types and meaning."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Ladder files."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption providersOption(
        QStringLiteral("providers"),
        QStringLiteral("Check the ladders against this provider configuration (providers/1 "
                       "JSON): its provider ids and prices, as `ladder chat --providers` runs "
                       "them."),
        QStringLiteral("FILE"));
    parser.addOption(providersOption);
    parser.process(args);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        QTextStream(stderr) << "ladder validate: no file given\n";
        return 2;
    }
    RunProviders providers;
    if (!loadRunProviders(parser.value(providersOption), &providers))
        return 2;
    const ValidationContext context = providers.validationContext();
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool anyErrors = false;
    for (const QString &file : files) {
        const Diagnostics diagnostics = validateFile(file, context);
        for (const Diagnostic &d : diagnostics)
            (d.severity == Diagnostic::Severity::Error ? err : out) << d.toString() << '\n';
        if (hasErrors(diagnostics))
            anyErrors = true;
        else
            out << file << ": ok\n";
    }
    return anyErrors ? 1 : 0;
}

int runExamples(const QStringList &)
{
    QTextStream out(stdout);
    for (const QString &name : exampleLadderNames()) {
        const ParseResult parsed = parseLadder(readResource(exampleLadderResourcePath(name)));
        out << name << '\t' << parsed.ladder.name << '\n';
    }
    return 0;
}

bool loadRunProviders(const QString &path, RunProviders *out)
{
    if (path.isEmpty())
        return true;
    Diagnostics diagnostics;
    out->config = ProviderConfig::load(path, &diagnostics);
    QTextStream err(stderr);
    for (const Diagnostic &d : diagnostics)
        err << d.toString() << '\n';
    if (hasErrors(diagnostics))
        return false;
    out->pricing = out->config.pricing();
    out->given = true;
    return true;
}

bool loadLadderOrExample(const QString &nameOrPath, Ladder *out, const ValidationContext &base)
{
    ParseResult parsed;
    Diagnostics diagnostics;
    if (!QFileInfo::exists(nameOrPath) && exampleLadderNames().contains(nameOrPath)) {
        parsed = parseLadder(readResource(exampleLadderResourcePath(nameOrPath)),
                             nameOrPath + QStringLiteral(".json"));
        diagnostics = parsed.diagnostics;
    } else {
        parsed = loadLadderFile(nameOrPath);
        diagnostics = parsed.diagnostics;
    }
    if (parsed.ok()) {
        ValidationContext context = base;
        context.fileName = QFileInfo(nameOrPath).fileName();
        diagnostics += validate(parsed.ladder, context);
    }
    QTextStream err(stderr);
    for (const Diagnostic &d : diagnostics)
        err << d.toString() << '\n';
    *out = parsed.ladder;
    return !hasErrors(diagnostics);
}

} // namespace ladder::cli
