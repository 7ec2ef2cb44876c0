// The five example ladders end to end over the three real HTTP dialects: a Session with the
// configured OpenAI, Anthropic and Gemini clients talks to three model servers on 127.0.0.1
// (one per dialect, dialect_server.h) that answer as the simulated provider would. The tier
// sequences must be the ones tst_session pins on the simulated provider, usage must come from
// the wire, provider faults must retry or fall back, and the planted API key must appear in no
// event, no audit row and no request body.

#include "dialect_server.h"
#include "provider_test_support.h"

#include "core/ladder_json.h"
#include "engine/session.h"
#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/openai_provider.h"
#include "providers/provider_config.h"
#include "store/audit_store.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

#include <memory>

using namespace ladder;
using namespace ladder::test;
using namespace Qt::StringLiterals;

namespace {

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

const QStringList kFramingScript = {
    QStringLiteral("I want to build a small command-line tool that renames photos by the date "
                   "they were taken."),
    QStringLiteral("It must run on Linux and macOS and use only the Python standard library."),
    QStringLiteral("Write the function that reads the date from the EXIF data."),
    QStringLiteral("Now add a dry-run flag that prints what would change."),
    QStringLiteral("Is it legal to scan my coworkers' photos for GPS data, and is it a security "
                   "risk?"),
    QStringLiteral("Add a short usage section to the README."),
};

const QStringList kEscalationScript = {
    QStringLiteral("What's the capital of Portugal?"),
    QStringLiteral("Why does a quantum harmonic oscillator have non-zero ground-state energy?"),
    QStringLiteral("And the capital of Spain?"),
};

Ladder example(const QString &name)
{
    const ParseResult parsed = loadExampleLadder(name);
    if (!parsed.ok())
        qFatal("example %s does not parse", qPrintable(name));
    return parsed.ladder;
}

QList<Event> ofType(const QList<Event> &events, Event::Type type)
{
    QList<Event> out;
    for (const Event &e : events) {
        if (e.type == type)
            out.append(e);
    }
    return out;
}

QStringList answeringTiers(const QList<Event> &events)
{
    QStringList tiers;
    for (const Event &e : ofType(events, Event::Type::TurnCompleted))
        tiers.append(e.data.value(QStringLiteral("tier")).toString());
    return tiers;
}

QString describe(const QList<Event> &events)
{
    QStringList lines;
    for (const Event &e : events) {
        if (e.type != Event::Type::Delta)
            lines << QString::fromUtf8(e.toJsonLine()).left(300);
    }
    return lines.join(QLatin1Char('\n'));
}

// Three servers, the registry that points at them, and an audit log on a temporary file.
class Rig
{
public:
    Rig()
    {
        if (!openai.listen() || !anthropic.listen() || !gemini.listen())
            qFatal("cannot listen on 127.0.0.1");
        ProviderConfig config;
        for (DialectServer *server : servers()) {
            ProviderConfigEntry e{toString(server->dialect()), toString(server->dialect()),
                                  server->baseUrl()};
            e.timeouts = {5000, 5000, 5000};
            config.providers << e;
        }
        const QString key = QString::fromLatin1(kPlantedKey);
        registry = std::make_unique<ConfiguredProviderRegistry>(
            config, std::make_shared<FakeKeySource>(
                        QHash<QString, QString>{{QStringLiteral("openai"), key},
                                                {QStringLiteral("anthropic"), key},
                                                {QStringLiteral("gemini"), key}}));
        QString error;
        if (!dir.isValid() || !audit.open(auditPath(), &error))
            qFatal("cannot open the audit log: %s", qPrintable(error));
    }

    QList<DialectServer *> servers() { return {&openai, &anthropic, &gemini}; }
    DialectServer *server(const QString &provider)
    {
        for (DialectServer *s : servers()) {
            if (toString(s->dialect()) == provider)
                return s;
        }
        return nullptr;
    }
    QList<ServedCall> allCalls()
    {
        QList<ServedCall> out;
        for (DialectServer *s : servers())
            out << s->calls();
        return out;
    }
    QString auditPath() const { return dir.filePath(QStringLiteral("audit.sqlite")); }
    // Every byte the audit log left on disk (the database and any WAL or journal beside it).
    QByteArray auditBytes()
    {
        audit.close();
        QByteArray bytes;
        const QDir d(dir.path());
        for (const QString &name : d.entryList(QDir::Files)) {
            QFile f(d.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        return bytes;
    }

    SessionOptions options()
    {
        SessionOptions o;
        o.retry.delayScale = 0;
        o.audit = &audit;
        o.sessionId = QStringLiteral("over-http");
        return o;
    }

    DialectServer openai{Dialect::OpenAi};
    DialectServer anthropic{Dialect::Anthropic};
    DialectServer gemini{Dialect::Gemini};
    std::unique_ptr<ConfiguredProviderRegistry> registry;
    QTemporaryDir dir;
    AuditStore audit;
};

// Runs the turns one after the other; every event lands in *events.
void runTurns(Session &session, const QStringList &turns, QList<Event> *events)
{
    QObject::connect(&session, &Session::event, &session,
                     [events](const Event &e) { events->append(e); });
    for (const QString &text : turns) {
        QSignalSpy finished(&session, &Session::turnFinished);
        QVERIFY(session.submit(text));
        QVERIFY2(finished.wait(20000), qPrintable(u"turn did not finish: "_s + text));
    }
}

// The planted key went out in each call's auth header, and nowhere else.
void checkKeyStaysSecret(Rig &rig, const QList<Event> &events, const QString &someUserText)
{
    const QByteArray key(kPlantedKey);
    for (const Event &e : events)
        QVERIFY2(!e.toJsonLine().contains(key), e.toJsonLine().constData());
    for (DialectServer *server : rig.servers()) {
        for (const ServedCall &call : server->calls()) {
            QVERIFY2(!call.body.contains(key), call.body.constData());
            QVERIFY(!QJsonDocument(call.request.toJson()).toJson().contains(key));
            const QByteArray header = server->dialect() == Dialect::OpenAi      ? "authorization"
                                      : server->dialect() == Dialect::Anthropic ? "x-api-key"
                                                                                : "x-goog-api-key";
            QVERIFY2(call.headers.value(header).endsWith(key), call.target.constData());
        }
    }
    const QByteArray audit = rig.auditBytes();
    QVERIFY2(audit.contains(someUserText.toUtf8()), "the audit log holds the conversation");
    QVERIFY2(!audit.contains(key), "the planted key is in the audit log");
}

// Usage is what the servers put in their wire usage fields, summed over each turn's calls.
void checkUsageFromTheWire(Rig &rig, const QList<Event> &events)
{
    qint64 input = 0;
    qint64 output = 0;
    for (const Event &e : ofType(events, Event::Type::TurnCompleted)) {
        const QJsonObject usage = e.data.value(QStringLiteral("usage")).toObject();
        QVERIFY2(!usage.value(QStringLiteral("estimated")).toBool(), e.toJsonLine().constData());
        QVERIFY(usage.value(QStringLiteral("input_tokens")).toInteger() > 0);
        QVERIFY(usage.value(QStringLiteral("output_tokens")).toInteger() > 0);
        QVERIFY(!e.data.value(QStringLiteral("simulated")).toBool());
        input += usage.value(QStringLiteral("input_tokens")).toInteger();
        output += usage.value(QStringLiteral("output_tokens")).toInteger();
    }
    qint64 wireInput = 0;
    qint64 wireOutput = 0;
    for (const ServedCall &call : rig.allCalls()) {
        wireInput += call.answer.usage.inputTokens;
        wireOutput += call.answer.usage.outputTokens;
    }
    QCOMPARE(input, wireInput);
    QCOMPARE(output, wireOutput);
}

// Each turn was answered by the server of its provider, with its model.
void checkAnsweredOnTheWire(Rig &rig, const QList<Event> &events)
{
    for (const Event &e : ofType(events, Event::Type::TurnCompleted)) {
        const QString provider = e.data.value(QStringLiteral("provider")).toString();
        const QString model = e.data.value(QStringLiteral("model")).toString();
        DialectServer *server = rig.server(provider);
        QVERIFY2(server, qPrintable(provider));
        QVERIFY2(std::any_of(server->calls().begin(), server->calls().end(),
                             [&](const ServedCall &c) {
                                 return c.status == 200 && c.request.model == model;
                             }),
                 qPrintable(provider + u' ' + model));
    }
}

} // namespace

class TestExamplesOverHttp : public QObject
{
    Q_OBJECT

private slots:
    void examplesFollowTheirPatternOverHttp_data();
    void examplesFollowTheirPatternOverHttp();
    void escalationToolHandsOffCleanlyOverHttp_data();
    void escalationToolHandsOffCleanlyOverHttp();
    void providerFaultsRetryOrFallBackOverHttp_data();
    void providerFaultsRetryOrFallBackOverHttp();
    void serverDecodesWhatEachClientPosts_data();
    void serverDecodesWhatEachClientPosts();
    void serverRejectsMalformedBodiesNamingTheJsonPath_data();
    void serverRejectsMalformedBodiesNamingTheJsonPath();
};

void TestExamplesOverHttp::examplesFollowTheirPatternOverHttp_data()
{
    // The scripts and tier sequences of tst_session's examplesFollowTheirPattern.
    QTest::addColumn<QString>("ladder");
    QTest::addColumn<QStringList>("turns");
    QTest::addColumn<QStringList>("tiers");

    QTest::newRow("framing: strong frames, light executes, legal escalates once")
        << "framing" << kFramingScript
        << QStringList{"strong", "strong", "light", "light", "strong", "light"};
    QStringList seven;
    for (int i = 1; i <= 7; ++i)
        seven << QStringLiteral("Step %1: continue the outline.").arg(i);
    QTest::newRow("step-down: 2 advanced, 3 mid, then light")
        << "step-down" << seven
        << QStringList{"advanced", "advanced", "mid", "mid", "mid", "light", "light"};
    QTest::newRow("escalation tool: only the quantum question goes up")
        << "escalation-tool" << kEscalationScript << QStringList{"cheap", "strong", "cheap"};
    QTest::newRow("listener routes by task type; refusal goes to the reasoner")
        << "listener-worker-reasoner"
        << QStringList{"Fix the bug in this Python function that parses dates.",
                       "Write a short poem about autumn.", "What time zone is Lisbon in?",
                       "Is it legal to break my apartment lease early?",
                       "Thanks, and what time zone is Madrid in?"}
        << QStringList{"coder", "writer", "general", "reasoner", "general"};
    QTest::newRow("task registry: each task type to its configured tier")
        << "task-registry"
        << QStringList{"Suggest a title for this chat.",
                       "Classify the sentiment of this review: great product.",
                       "Extract all the dates from this email into JSON.",
                       "Plan the migration of our billing service step by step."}
        << QStringList{"title", "classify", "extract", "agent"};
}

void TestExamplesOverHttp::examplesFollowTheirPatternOverHttp()
{
    QFETCH(QString, ladder);
    QFETCH(QStringList, turns);
    QFETCH(QStringList, tiers);

    Rig rig;
    Session session(example(ladder), rig.registry.get(), rig.options());
    QList<Event> events;
    runTurns(session, turns, &events);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(ofType(events, Event::Type::TurnFailed).isEmpty(), qPrintable(describe(events)));
    QCOMPARE(answeringTiers(events), tiers);
    for (const ServedCall &call : rig.allCalls())
        QVERIFY2(call.status == 200, call.body.constData());
    QVERIFY(!ofType(events, Event::Type::Delta).isEmpty());
    checkAnsweredOnTheWire(rig, events);
    checkUsageFromTheWire(rig, events);
    checkKeyStaysSecret(rig, events, turns.first());
}

void TestExamplesOverHttp::escalationToolHandsOffCleanlyOverHttp_data()
{
    // The example runs both tiers on Gemini; the other rows move them to another dialect, so
    // the escalate tool call travels in each API's own encoding.
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("cheapModel");
    QTest::addColumn<QString>("strongModel");
    QTest::newRow("gemini (the example as shipped)") << "gemini"
                                                     << "gemini-3-flash-preview"
                                                     << "gemini-3.1-pro-preview";
    QTest::newRow("openai") << "openai"
                            << "gpt-5.4-mini"
                            << "gpt-5.4";
    QTest::newRow("anthropic") << "anthropic"
                               << "claude-haiku-4-5"
                               << "claude-opus-4-6";
}

void TestExamplesOverHttp::escalationToolHandsOffCleanlyOverHttp()
{
    QFETCH(QString, provider);
    QFETCH(QString, cheapModel);
    QFETCH(QString, strongModel);

    Ladder ladder = example(QStringLiteral("escalation-tool"));
    QCOMPARE(ladder.tiers.size(), 2);
    ladder.tiers[0].provider = ladder.tiers[1].provider = provider;
    ladder.tiers[0].model = cheapModel;
    ladder.tiers[1].model = strongModel;
    Rig rig;
    Session session(ladder, rig.registry.get(), rig.options());
    QList<Event> events;
    runTurns(session, kEscalationScript.mid(0, 2), &events);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(ofType(events, Event::Type::TurnFailed).isEmpty(), qPrintable(describe(events)));

    // One server served all three calls: cheap, cheap (escalates), strong.
    DialectServer *server = rig.server(provider);
    QCOMPARE(rig.allCalls().size(), server->calls().size());
    const QList<ServedCall> &calls = server->calls();
    QCOMPARE(calls.size(), 3);
    QCOMPARE(calls[0].request.model, cheapModel);
    QCOMPARE(calls[1].request.model, cheapModel);
    QCOMPARE(calls[2].request.model, strongModel);

    // The cheap tier answers the easy question itself.
    const QList<Event> completed = ofType(events, Event::Type::TurnCompleted);
    QCOMPARE(completed.size(), 2);
    QCOMPARE(completed[0].data["tier"].toString(), QStringLiteral("cheap"));
    QVERIFY(!calls[0].answer.text.isEmpty());
    QVERIFY(calls[0].answer.toolCalls.isEmpty());
    QVERIFY(session.turns()[0].answer.startsWith(u"*[simulated "_s + cheapModel));

    // The cheap calls offered the escalate tool, in the dialect's encoding.
    const QJsonObject cheapBody = QJsonDocument::fromJson(calls[1].body).object();
    const QJsonValue tool = cheapBody["tools"][0];
    const QString offered = provider == u"openai"_s ? tool["function"]["name"].toString()
                            : provider == u"anthropic"_s
                                ? tool["name"].toString()
                                : tool["functionDeclarations"][0]["name"].toString();
    QCOMPARE(offered, QStringLiteral("escalate"));
    QCOMPARE(calls[1].request.tools.size(), 1);

    // The hard one: the model calls escalate, and the event carries the model's own reason.
    QCOMPARE(calls[1].answer.toolCalls.size(), 1);
    const ToolCall &call = calls[1].answer.toolCalls.first();
    QCOMPARE(call.name, QStringLiteral("escalate"));
    const QList<Event> escalations = ofType(events, Event::Type::Escalated);
    QCOMPARE(escalations.size(), 1);
    QCOMPARE(escalations[0].turn, 2);
    QCOMPARE(escalations[0].data["from"].toString(), QStringLiteral("cheap"));
    QCOMPARE(escalations[0].data["to"].toString(), QStringLiteral("strong"));
    QCOMPARE(escalations[0].data["signal"].toString(), QStringLiteral("escalate_tool"));
    QVERIFY(!call.arguments["reason"].toString().isEmpty());
    QCOMPARE(escalations[0].data["reason"].toString(), call.arguments["reason"].toString());
    QCOMPARE(escalations[0].data["question"].toString(), call.arguments["question"].toString());

    // The strong call, as the server received it: no cheap system prompt, no tool, no tool call
    // or tool result; the first turn, its answer and the escalated question.
    const QString cheapPrompt = calls[1].request.messages.first().content;
    QCOMPARE(toString(calls[1].request.messages.first().role), toString(ChatMessage::Role::System));
    const QByteArray &strongBody = calls[2].body;
    QVERIFY(!QJsonDocument::fromJson(strongBody).object().contains(QStringLiteral("tools")));
    for (const char *wire : {"\"escalate\"", "tool_calls", "\"tool\"", "tool_use", "tool_result",
                             "functionCall", "functionResponse"})
        QVERIFY2(!strongBody.contains(wire), wire);
    const QList<ChatMessage> &history = calls[2].request.messages;
    QCOMPARE(history.size(), 4);
    QCOMPARE(toString(history[0].role), toString(ChatMessage::Role::System));
    QVERIFY(!history[0].content.isEmpty());
    QVERIFY2(!history[0].content.contains(cheapPrompt), "strong saw the cheap system prompt");
    QCOMPARE(toString(history[1].role), toString(ChatMessage::Role::User));
    QCOMPARE(history[1].content, kEscalationScript[0]);
    QCOMPARE(toString(history[2].role), toString(ChatMessage::Role::Assistant));
    QVERIFY(history[2].content.contains(QStringLiteral("Portugal")));
    QVERIFY(history[2].toolCalls.isEmpty());
    QCOMPARE(toString(history[3].role), toString(ChatMessage::Role::User));
    QCOMPARE(history[3].content, kEscalationScript[1]);

    // Strong answers; the turn's usage covers both of its calls.
    QCOMPARE(completed[1].data["tier"].toString(), QStringLiteral("strong"));
    QCOMPARE(completed[1].data["model"].toString(), strongModel);
    QCOMPARE(completed[1].data["calls"].toInt(), 2);
    QVERIFY(!calls[2].answer.text.isEmpty());
    QVERIFY(calls[2].answer.toolCalls.isEmpty());
    QVERIFY(session.turns()[1].answer.startsWith(u"*[simulated "_s + strongModel));
    QCOMPARE(completed[1].data["usage"]["input_tokens"].toInteger(),
             calls[1].answer.usage.inputTokens + calls[2].answer.usage.inputTokens);
    checkUsageFromTheWire(rig, events);
    checkKeyStaysSecret(rig, events, kEscalationScript.first());
}

void TestExamplesOverHttp::providerFaultsRetryOrFallBackOverHttp_data()
{
    QTest::addColumn<QString>("ladder");
    QTest::addColumn<QString>("userText");
    QTest::addColumn<QString>("provider"); // the tier's provider, whose server fails once
    QTest::addColumn<int>("status");
    QTest::addColumn<HeaderPairs>("headers");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("fromModel");
    QTest::addColumn<QString>("toProvider"); // where the turn is answered
    QTest::addColumn<QString>("toModel");

    const HeaderPairs retryAfter30{{"retry-after", "30"}};
    const QString framing = kFramingScript.first();
    const QString plan = QStringLiteral("Step 1: continue the outline.");
    const QString easy = kEscalationScript.first();

    QTest::newRow("openai 429 retry-after 30: falls back to anthropic")
        << "framing" << framing << "openai" << 429 << retryAfter30 << "rate_limited"
        << "gpt-5.4"
        << "anthropic"
        << "claude-sonnet-4-6";
    QTest::newRow("openai 503: retries gpt-5.4")
        << "framing" << framing << "openai" << 503 << HeaderPairs{} << "unavailable"
        << "gpt-5.4"
        << "openai"
        << "gpt-5.4";
    QTest::newRow("anthropic 429 retry-after 30: falls back to openai")
        << "step-down" << plan << "anthropic" << 429 << retryAfter30 << "rate_limited"
        << "claude-opus-4-6"
        << "openai"
        << "gpt-5.4";
    QTest::newRow("anthropic 529 overloaded: retries claude-opus-4-6")
        << "step-down" << plan << "anthropic" << 529 << HeaderPairs{} << "unavailable"
        << "claude-opus-4-6"
        << "anthropic"
        << "claude-opus-4-6";
    QTest::newRow("gemini 429 retry-after 30: falls back to openai")
        << "escalation-tool" << easy << "gemini" << 429 << retryAfter30 << "rate_limited"
        << "gemini-3-flash-preview"
        << "openai"
        << "gpt-5.4-mini";
    QTest::newRow("gemini 503: retries gemini-3-flash-preview")
        << "escalation-tool" << easy << "gemini" << 503 << HeaderPairs{} << "unavailable"
        << "gemini-3-flash-preview"
        << "gemini"
        << "gemini-3-flash-preview";
}

void TestExamplesOverHttp::providerFaultsRetryOrFallBackOverHttp()
{
    QFETCH(QString, ladder);
    QFETCH(QString, userText);
    QFETCH(QString, provider);
    QFETCH(int, status);
    QFETCH(HeaderPairs, headers);
    QFETCH(QString, error);
    QFETCH(QString, fromModel);
    QFETCH(QString, toProvider);
    QFETCH(QString, toModel);

    Rig rig;
    rig.server(provider)->failNext({status, headers});
    Session session(example(ladder), rig.registry.get(), rig.options());
    QList<Event> events;
    runTurns(session, {userText}, &events);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(ofType(events, Event::Type::TurnFailed).isEmpty(), qPrintable(describe(events)));

    const QList<Event> fallbacks = ofType(events, Event::Type::Fallback);
    QCOMPARE(fallbacks.size(), 1);
    const QJsonObject &f = fallbacks[0].data;
    QCOMPARE(f["error"].toString(), error);
    QCOMPARE(f["from_model"].toString(), fromModel);
    QCOMPARE(f["to_model"].toString(), toModel);
    const bool retry = toModel == fromModel;
    QCOMPARE(f.contains(QStringLiteral("retry")), retry);
    if (retry)
        QCOMPARE(f["retry"].toInt(), 1);
    const QString message = f["message"].toString();
    QVERIFY2(message.startsWith(u"%1 (%2): HTTP %3"_s.arg(provider, fromModel).arg(status)),
             qPrintable(message));
    // The server quoted the key in its error; the client redacted it.
    QVERIFY2(message.contains(QStringLiteral("[redacted]")), qPrintable(message));

    const QList<Event> completed = ofType(events, Event::Type::TurnCompleted);
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed[0].data["provider"].toString(), toProvider);
    QCOMPARE(completed[0].data["model"].toString(), toModel);
    QCOMPARE(completed[0].data["calls"].toInt(), 2);

    DialectServer *failing = rig.server(provider);
    QCOMPARE(failing->calls().first().status, status);
    QCOMPARE(failing->calls().first().request.model, fromModel);
    DialectServer *answering = rig.server(toProvider);
    QCOMPARE(answering->calls().last().status, 200);
    QCOMPARE(answering->calls().last().request.model, toModel);
    QCOMPARE(rig.allCalls().size(), 2);
    checkUsageFromTheWire(rig, events);
    checkKeyStaysSecret(rig, events, userText);
}

void TestExamplesOverHttp::serverDecodesWhatEachClientPosts_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");

    ChatRequest r = weatherRequest(QString(), QStringLiteral("m-1"));
    ChatMessage assistant{ChatMessage::Role::Assistant, QStringLiteral("Checking."), {}, {}, {}};
    assistant.toolCalls = {
        toolCall(QStringLiteral("call_1"), QStringLiteral("get_weather"), R"({"city":"Paris"})")};
    ChatMessage result{ChatMessage::Role::Tool, QStringLiteral(R"({"temp":21})"), {}, {}, {}};
    result.toolCallId = QStringLiteral("call_1");
    r.messages << assistant << result
               << ChatMessage{
                      ChatMessage::Role::User, QStringLiteral("Thanks · ünïcode"), {}, {}, {}};
    r.params.temperature = 0.5;
    const auto compact = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    QTest::newRow("openai") << int(Dialect::OpenAi) << QByteArray("/v1/chat/completions")
                            << compact(openAiRequestJson(r));
    QTest::newRow("anthropic") << int(Dialect::Anthropic) << QByteArray("/v1/messages")
                               << compact(anthropicRequestJson(r));
    QTest::newRow("gemini") << int(Dialect::Gemini)
                            << QByteArray("/v1beta/models/m-1:streamGenerateContent?alt=sse")
                            << compact(geminiRequestJson(r));
}

void TestExamplesOverHttp::serverDecodesWhatEachClientPosts()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);

    QString error;
    const std::optional<ChatRequest> decoded =
        decodeRequest(Dialect(dialect), target, body, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->model, QStringLiteral("m-1"));
    QCOMPARE(decoded->params.temperature, std::optional<double>(0.5));
    QCOMPARE(decoded->params.maxTokens, std::optional<int>(512));
    const QList<ChatMessage> &messages = decoded->messages;
    QCOMPARE(messages.size(), 5);
    QCOMPARE(toString(messages[0].role), toString(ChatMessage::Role::System));
    QCOMPARE(messages[0].content, QStringLiteral("Be brief."));
    QCOMPARE(messages[1].content, QStringLiteral("Weather in Paris?"));
    QCOMPARE(toString(messages[2].role), toString(ChatMessage::Role::Assistant));
    QCOMPARE(messages[2].content, QStringLiteral("Checking."));
    QCOMPARE(messages[2].toolCalls.size(), 1);
    QCOMPARE(messages[2].toolCalls[0].name, QStringLiteral("get_weather"));
    QCOMPARE(messages[2].toolCalls[0].arguments["city"].toString(), QStringLiteral("Paris"));
    QCOMPARE(toString(messages[3].role), toString(ChatMessage::Role::Tool));
    QCOMPARE(messages[3].toolCallId, QStringLiteral("call_1"));
    QCOMPARE(messages[3].content, QStringLiteral(R"({"temp":21})"));
    QCOMPARE(toString(messages[4].role), toString(ChatMessage::Role::User));
    QCOMPARE(messages[4].content, QStringLiteral("Thanks · ünïcode"));
    QCOMPARE(decoded->tools.size(), 2);
    QCOMPARE(decoded->tools[0].name, QStringLiteral("get_weather"));
    QCOMPARE(decoded->tools[0].parameters, weatherTool().parameters);
    QCOMPARE(decoded->tools[1].name, QStringLiteral("escalate"));
    QCOMPARE(decoded->tools[1].description, escalateToolSpec().description);
}

void TestExamplesOverHttp::serverRejectsMalformedBodiesNamingTheJsonPath_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    const QByteArray chat = "/v1/chat/completions";
    QTest::newRow("not JSON") << int(Dialect::OpenAi) << chat << QByteArray("{oops")
                              << "/: the body is not a JSON object";
    QTest::newRow("openai unknown role")
        << int(Dialect::OpenAi) << chat
        << QByteArray(R"({"model":"m","stream":true,"messages":[{"role":"bot","content":"x"}]})")
        << R"(/messages/0/role: unknown role "bot")";
    QTest::newRow("openai arguments that are not JSON")
        << int(Dialect::OpenAi) << chat
        << QByteArray(R"({"model":"m","stream":true,"messages":[{"role":"assistant","content":)"
                      R"(null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f",)"
                      R"("arguments":"{oops"}}]}]})")
        << "/messages/0/tool_calls/0/function/arguments: expected a JSON object";
    QTest::newRow("openai without stream")
        << int(Dialect::OpenAi) << chat
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}]})")
        << "/stream: expected true";
    QTest::newRow("anthropic without max_tokens")
        << int(Dialect::Anthropic) << QByteArray("/v1/messages")
        << QByteArray(R"({"model":"m","stream":true,"messages":[]})") << "/max_tokens: required";
    QTest::newRow("anthropic image block")
        << int(Dialect::Anthropic) << QByteArray("/v1/messages")
        << QByteArray(R"({"model":"m","max_tokens":9,"stream":true,"messages":[{"role":"user",)"
                      R"("content":[{"type":"image"}]}]})")
        << R"(/messages/0/content/0/type: unexpected block type "image")";
    QTest::newRow("gemini non-streaming target")
        << int(Dialect::Gemini) << QByteArray("/v1beta/models/m:generateContent")
        << QByteArray(R"({"contents":[]})")
        << "is not /v1beta/models/{model}:streamGenerateContent";
    QTest::newRow("gemini parts not an array")
        << int(Dialect::Gemini) << QByteArray("/v1beta/models/m:streamGenerateContent?alt=sse")
        << QByteArray(R"({"contents":[{"role":"user","parts":{"text":"x"}}]})")
        << "/contents/0/parts: expected an array";
}

void TestExamplesOverHttp::serverRejectsMalformedBodiesNamingTheJsonPath()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!decodeRequest(Dialect(dialect), target, body, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestExamplesOverHttp)
#include "tst_examples_over_http.moc"
