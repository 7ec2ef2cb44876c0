#include "providers_command.h"

#include "core/pricing.h"
#include "providers/key_source.h"
#include "providers/provider_config.h"
#include "providers/simulated_provider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTextStream>

#include <optional>

namespace ladder::cli {

using namespace Qt::StringLiterals;

namespace {

QString priceText(const QString &model)
{
    const std::optional<ModelPrice> price = PricingTable::builtin().price(model);
    if (!price)
        return u"price unknown"_s;
    return u"$%1 in / $%2 out per Mtok"_s.arg(price->inputPerMTok, 0, 'f', 2)
        .arg(price->outputPerMTok, 0, 'f', 2);
}

ChatResult runOnce(Provider *provider, const ChatRequest &request)
{
    QEventLoop loop;
    QPointer<ProviderCall> call = provider->start(request);
    ChatResult result;
    bool done = false;
    QObject::connect(call, &ProviderCall::finished, &loop, [&] {
        result = call->result();
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

int check(const QString &file, const QString &only, QTextStream &out, QTextStream &err)
{
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::load(file, &diagnostics);
    for (const Diagnostic &d : diagnostics)
        err << d.toString() << '\n';
    if (hasErrors(diagnostics))
        return 2;

    const QHash<QString, ProviderFactory> factories{
        {u"simulated"_s, [](const ProviderConfigEntry &, QObject *parent) -> Provider * {
             auto *simulated = new SimulatedProvider(parent);
             simulated->setTimeScale(0);
             return simulated;
         }}};
    const std::shared_ptr<const KeySource> keys = defaultKeySource();
    ConfiguredProviderRegistry registry(config, keys, factories);
    bool anyFailed = false;
    int checked = 0;
    for (const ProviderConfigEntry &entry : config.providers) {
        if (!only.isEmpty() && entry.id != only)
            continue;
        Provider *provider = registry.provider(entry.id);
        const KeyLookup key = keys->lookup(entry.keyRef());
        const QString keyText = !key.key.isEmpty()             ? key.source
                                : entry.kind == u"simulated"_s ? u"no key needed"_s
                                                               : u"no key"_s;
        for (const QString &model : entry.models) {
            ++checked;
            ChatRequest request;
            request.provider = entry.id;
            request.model = model;
            request.messages = {
                {ChatMessage::Role::User, u"Reply with the single word OK."_s, {}, {}, {}}};
            request.params.maxTokens = 16;
            const ChatResult result = runOnce(provider, request);
            QString status = u"ok"_s;
            if (result.error) {
                anyFailed = true;
                status = toString(result.error->kind);
                if (result.error->httpStatus > 0)
                    status += u" (HTTP %1)"_s.arg(result.error->httpStatus);
            }
            const QString ttft = result.ttftMs > 0 ? u"%1 ms"_s.arg(qRound(result.ttftMs)) : u"-"_s;
            out << entry.id << '\t' << model << '\t' << status << "\tttft " << ttft << '\t'
                << priceText(model) << '\t' << keyText;
            if (result.error)
                out << '\t' << result.error->message;
            out << '\n';
            out.flush();
        }
    }
    if (checked == 0) {
        err << "ladder providers check: no model to check in " << file
            << (only.isEmpty() ? QString() : u" for provider \"%1\""_s.arg(only)) << '\n';
        return 2;
    }
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
