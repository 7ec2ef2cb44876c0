// ladder: the command-line face of the engine. Thin: parsing arguments and printing; the work is
// in the libraries.

#include "bench_command.h"
#include "chat_command.h"
#include "eval_command.h"
#include "export_command.h"
#include "providers_command.h"
#include "serve_command.h"
#include "train_command.h"
#include "validate_command.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

int usage(int code)
{
    QTextStream(code == 0 ? stdout : stderr)
        << "usage: ladder <command> [options]\n\n"
           "commands:\n"
           "  validate FILE...            check ladder files; one error per line, exit 1 on "
           "errors\n"
           "  chat LADDER [options]       chat against a ladder (simulated provider by default)\n"
           "  serve LADDER [options]      the ladder behind an OpenAI-compatible endpoint\n"
           "  bench [--turns N]           print the engine's figures as JSON\n"
           "  providers check --providers FILE\n"
           "                              one tiny request per configured model: status, TTFT, "
           "price\n"
           "  export LADDER --format json|litellm|portkey [--providers FILE] [-o FILE]\n"
           "                              a config for a gateway, with a loss report\n"
           "  eval LADDER --dataset PATH  replay a data set through a ladder, baselines and a "
           "sweep:\n"
           "                              quality, cost, strong-call share, CPT/APGR\n"
           "  train LADDER --detector ID --dataset PATH -o OUT\n"
           "                              train a learned detector from recorded answers\n"
           "  examples                    list the built-in example ladders\n\n"
           "Run 'ladder <command> --help' for a command's options.\n";
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ladder"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ladder Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LADDER_VERSION));
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usage(2);
    const QString command = args.at(1);
    args.removeAt(1); // the command's own parser sees "ladder [options]"
    if (command == QLatin1String("validate"))
        return ladder::cli::runValidate(args);
    if (command == QLatin1String("chat"))
        return ladder::cli::runChat(args);
    if (command == QLatin1String("serve"))
        return ladder::cli::runServe(args);
    if (command == QLatin1String("eval"))
        return ladder::cli::runEval(args);
    if (command == QLatin1String("train"))
        return ladder::cli::runTrain(args);
    if (command == QLatin1String("bench"))
        return ladder::cli::runBench(args);
    if (command == QLatin1String("providers"))
        return ladder::cli::runProvidersCommand(args); // "ladder check ..."
    if (command == QLatin1String("export"))
        return ladder::cli::runExport(args);
    if (command == QLatin1String("examples"))
        return ladder::cli::runExamples(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help"))
        return usage(0);
    if (command == QLatin1String("--version")) {
        QTextStream(stdout) << "ladder " << LADDER_VERSION << '\n';
        return 0;
    }
    QTextStream(stderr) << "ladder: unknown command \"" << command << "\"\n";
    return usage(2);
}
