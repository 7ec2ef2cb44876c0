#include "providers_command.h"

#include "providers/provider_check.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

namespace ladder::cli {

using namespace Qt::StringLiterals;

namespace {

int check(const QString &file, const QString &only, QTextStream &out, QTextStream &err)
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::load(file, &diagnostics);
    for (const Diagnostic &d : diagnostics)
        err << d.toString() << '\n';
    if (hasErrors(diagnostics))
        return 2;
    const QList<ProviderCheckTarget> targets = ProviderCheck::targetsOf(config, only);
    if (targets.isEmpty()) {
        err << "ladder providers check: no model to check in " << file
            << (only.isEmpty() ? QString() : u" for provider \"%1\""_s.arg(only)) << '\n';
        return 2;
    }
    ProviderCheck check(config);
    bool anyFailed = false;
    QObject::connect(&check, &ProviderCheck::checked, [&](const ProviderCheckResult &result) {
        anyFailed = anyFailed || !result.ok();
        out << result.toLine() << '\n';
        out.flush();
    });
    QEventLoop loop;
    QObject::connect(&check, &ProviderCheck::finished, &loop, &QEventLoop::quit);
    check.start(targets);
    loop.exec();
    return anyFailed ? 1 : 0;
}

} // namespace

int runProvidersCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Check the configured model providers: one tiny request per model."_s);
    parser.addPositionalArgument(u"check"_s, u"Send one request per configured model."_s);
    const QCommandLineOption providersOption(u"providers"_s, u"The providers file (providers/1)."_s,
                                             u"FILE"_s);
    const QCommandLineOption onlyOption(u"provider"_s, u"Check only this provider id."_s, u"ID"_s);
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOptions({providersOption, onlyOption, helpOption});
    if (!parser.parse(args)) {
        err << "ladder providers: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << parser.helpText().replace(u"[options] check"_s, u"check [options]"_s);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{u"check"_s}) {
        err << "usage: ladder providers check --providers FILE [--provider ID]\n";
        return 2;
    }
    if (!parser.isSet(providersOption)) {
        err << "ladder providers check: --providers FILE is required\n";
        return 2;
    }
    std::unique_ptr<QCoreApplication> ownApp;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "ladder";
        static char *argv[] = {name, nullptr};
        ownApp = std::make_unique<QCoreApplication>(argc, argv);
    }
    return check(parser.value(providersOption), parser.value(onlyOption), out, err);
}

int runProvidersCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runProvidersCommand(args, out, err);
}

} // namespace ladder::cli
