#include "export_command.h"

#include "run_options.h"
#include "validate_command.h"

#include "export/exporter.h"
#include "providers/provider_config.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace ladder::cli {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, QTextStream &err)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << "ladder export: cannot write " << path << ": " << file.errorString() << '\n';
        return false;
    }
    return true;
}

// Writes the export to `path` and its loss report beside it, or the export to stdout and the
// report to stderr without a `path`. The exit code.
int writeExport(const ExportResult &result, const std::optional<QString> &path, QTextStream &err)
{
    const QByteArray report = result.report.toMarkdown().toUtf8();
    if (path) {
        if (!writeFile(*path, result.text, err) || !writeFile(lossReportPath(*path), report, err))
            return 1;
        err << "ladder export: wrote " << *path << " and " << lossReportPath(*path) << " ("
            << (result.report.nothingLost()
                    ? QStringLiteral("nothing lost")
                    : QStringLiteral("%1 feature(s) not expressed").arg(result.report.items.size()))
            << ")\n";
        return 0;
    }
    std::fwrite(result.text.constData(), 1, size_t(result.text.size()), stdout);
    std::fflush(stdout);
    err << report;
    return 0;
}

} // namespace

int runExport(const QStringList &args)
{
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("json, litellm or portkey."),
                                          QStringLiteral("FORMAT"));
    const RunOptions run(
        "export", RunOptions::Providers,
        QStringLiteral("Provider configuration (providers/1 JSON): kinds, base URLs and key "
                       "variable names of the provider ids the ladder uses."));
    const QCommandLineOption output = outputOption(
        QStringLiteral("Write the export to FILE and the loss report to FILE.report.md."));
    const QCommandLineOption noLayoutOption(QStringLiteral("no-layout"),
                                            QStringLiteral("json: leave out the editor layout."));
    QCommandLineParser parser;
    processLadderCommandLine(
        &parser, args,
        QStringLiteral("Export a ladder for production: the canonical ladder/1 JSON, a LiteLLM "
                       "proxy config.yaml or a Portkey gateway config. A loss report lists what "
                       "the target cannot express and what the export does instead "
                       "(FILE.report.md beside -o FILE, else on stderr). Keys never appear: only "
                       "the names of their environment variables."),
        QStringLiteral("A ladder file or a built-in example name."),
        {formatOption, run.providers, output, noLayoutOption}, QStringLiteral("LADDER"));

    QTextStream err(stderr);
    if (!OptionReader(parser, "export").oneArgument("one ladder file or example name"))
        return 2;
    const auto format = exportFormatFromString(parser.value(formatOption));
    if (!format) {
        err << "ladder export: --format: expected json, litellm or portkey\n";
        return 2;
    }

    const QString source = parser.positionalArguments().constFirst();
    RunProviders providers;
    Ladder ladder;
    if (const int code = run.loadProvidersAndLadder(parser, source, &providers, &ladder))
        return code;

    ExportOptions options;
    options.providers = providers.given ? &providers.config : nullptr;
    options.includeLayout = !parser.isSet(noLayoutOption);
    options.fileName = QFileInfo(source).fileName();
    const ExportResult result = exportLadder(ladder, *format, options);
    for (const Diagnostic &d : result.diagnostics)
        err << d.toString() << '\n';
    if (!result.ok())
        return 1;
    return writeExport(
        result, parser.isSet(output) ? std::optional(parser.value(output)) : std::nullopt, err);
}

} // namespace ladder::cli
