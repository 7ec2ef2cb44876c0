// The eval's prompt-cache cost model against what the engine bills from a provider's real usage
// fields. A conversation runs twice through the framing ladder (strong for two turns, then
// light): once on the replay provider (the model's prediction: the part of a prompt that repeats
// the previous call to the same model is cached input), once over HTTP against a loopback server
// of each dialect that answers the same texts and reports, as a provider's prompt cache would,
// the repeated prefix in its cached-token field (OpenAI `prompt_tokens_details.cached_tokens`,
// Anthropic `cache_read_input_tokens`, Gemini `cachedContentTokenCount`). Tokens and cost of every
// turn must agree, and the cached tokens must be billed at the cached-input price.

#include "dialect_server.h"
#include "provider_test_support.h"

#include "core/ladder_json.h"
#include "core/pricing.h"
#include "engine/session.h"
#include "eval/replay_provider.h"
#include "providers/provider_config.h"

#include <QSignalSpy>
#include <QTest>

using namespace ladder;
using namespace ladder::test;

namespace {

const QStringList kTurns{
    QStringLiteral("I want to plan a three-day trip to Lisbon in May on a modest budget."),
    QStringLiteral("We are two adults, no car, and we like food markets and old trams."),
    QStringLiteral("Which day is best for Sintra, and how do we get there?"),
    QStringLiteral("List the three cheapest places to eat near the Time Out Market.")};

std::shared_ptr<eval::Dataset> recordedSet(const QString &strong, const QString &light)
{
    auto set = std::make_shared<eval::Dataset>();
    eval::EvalCase c;
    c.id = QStringLiteral("lisbon");
    c.userTurns = kTurns;
    for (int t = 0; t < kTurns.size(); ++t) {
        c.answers[strong].append(
            {QStringLiteral("Strong answer %1: a careful plan with days, trams and markets, "
                            "budget notes and what to book ahead.")
                 .arg(t + 1),
             std::nullopt, std::nullopt});
        c.answers[light].append({QStringLiteral("Light answer %1, short and to the point.\n"
                                                "CONFIDENCE: 0.9")
                                     .arg(t + 1),
                                 std::nullopt, std::nullopt});
    }
    set->cases.append(c);
    set->answerers = {strong, light};
    return set;
}

// framing with both tiers on one provider id and no fallbacks.
Ladder framingOn(const QString &provider, const QString &strong, const QString &light)
{
    Ladder ladder =
        loadLadderFile(QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/framing.json")).ladder;
    for (Tier &tier : ladder.tiers) {
        tier.provider = provider;
        tier.model = tier.id == QLatin1String("strong") ? strong : light;
        tier.fallback.clear();
    }
    return ladder;
}

class OneProvider : public ProviderRegistry
{
public:
    explicit OneProvider(Provider *p)
        : m_provider(p)
    {}
    Provider *provider(const QString &) const override { return m_provider; }

private:
    Provider *m_provider;
};

QList<TurnRecord> runConversation(const Ladder &ladder, const ProviderRegistry *registry)
{
    SessionOptions options;
    options.retry.maxRetriesPerModel = 0;
    options.retry.delayScale = 0;
    Session session(ladder, registry, options);
    QSignalSpy finished(&session, &Session::turnFinished);
    for (int i = 0; i < kTurns.size(); ++i) {
        if (!session.submit(kTurns.at(i)))
            return {};
        if (!finished.wait(15000) && finished.size() <= i)
            return {};
    }
    return session.turns();
}

qint64 promptTokens(const QList<ChatMessage> &messages)
{
    return eval::ReplayProvider::estimateTokens(messages);
}

// A provider's automatic prompt cache, written apart from the eval's model: the leading messages
// a request shares with the previous request to the same model (as the server received them)
// are read from the cache.
class PromptCacheServer
{
public:
    PromptCacheServer(Dialect dialect, std::shared_ptr<const eval::Dataset> set)
        : server(dialect)
        , m_texts(std::move(set))
    {
        server.setAnswerer([this](const ChatRequest &r) { return answer(r); });
    }
    DialectServer server;

private:
    ChatResult answer(ChatRequest request)
    {
        int userTurns = 0;
        for (const ChatMessage &m : request.messages)
            userTurns += m.role == ChatMessage::Role::User;
        request.turn = userTurns;
        // The answer texts as recorded (side calls answer empty, as in a replay).
        ChatResult result = m_texts.answer(request);
        m_texts.resetConversation();
        result.raw = {};
        result.usage = {};
        result.usage.inputTokens = promptTokens(request.messages);
        result.usage.outputTokens = eval::ReplayProvider::estimateTokens(result.text);
        const QList<ChatMessage> previous = m_previous.value(request.model);
        qint64 cached = 0;
        for (qsizetype i = 0; i < request.messages.size() && i < previous.size(); ++i) {
            const ChatMessage &a = request.messages.at(i);
            if (a.role != previous.at(i).role || a.content != previous.at(i).content)
                break;
            cached += eval::ReplayProvider::estimateTokens(a.content);
        }
        result.usage.cachedTokens = cached;
        m_previous.insert(request.model, request.messages);
        return result;
    }

    eval::ReplayProvider m_texts;
    QHash<QString, QList<ChatMessage>> m_previous;
};

} // namespace

class TestSwitchCost : public QObject
{
    Q_OBJECT

private slots:
    void predictionEqualsTheBilledCost_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("strong");
        QTest::addColumn<QString>("light");
        QTest::newRow("openai") << int(Dialect::OpenAi) << "gpt-5.4"
                                << "gpt-5.4-mini";
        QTest::newRow("anthropic") << int(Dialect::Anthropic) << "claude-sonnet-4-6"
                                   << "claude-haiku-4-5";
        QTest::newRow("gemini") << int(Dialect::Gemini) << "gemini-3.1-pro-preview"
                                << "gemini-3-flash-preview";
    }
    void predictionEqualsTheBilledCost()
    {
        QFETCH(int, dialect);
        QFETCH(QString, strong);
        QFETCH(QString, light);
        const auto set = recordedSet(strong, light);

        eval::ReplayProvider replay(set);
        replay.bindCase(0);
        const OneProvider replayRegistry(&replay);
        const QList<TurnRecord> predicted =
            runConversation(framingOn(QStringLiteral("replay"), strong, light), &replayRegistry);
        QCOMPARE(predicted.size(), kTurns.size());

        PromptCacheServer cache(Dialect(dialect), set);
        QVERIFY(cache.server.listen());
        const QString kind = toString(Dialect(dialect));
        ProviderConfig config;
        ProviderConfigEntry entry{kind, kind, cache.server.baseUrl().toString()};
        entry.timeouts = {5000, 5000, 5000};
        config.providers << entry;
        const ConfiguredProviderRegistry live(
            config, std::make_shared<FakeKeySource>(QHash<QString, QString>{{kind, "k"}}));
        const QList<TurnRecord> billed = runConversation(framingOn(kind, strong, light), &live);
        QCOMPARE(billed.size(), kTurns.size());

        const PricingTable &prices = PricingTable::builtin();
        bool sawCache = false;
        bool sawSwitch = false;
        for (int i = 0; i < kTurns.size(); ++i) {
            const TurnRecord &p = predicted.at(i);
            const TurnRecord &b = billed.at(i);
            QCOMPARE(b.model, p.model);
            QCOMPARE(b.answer, p.answer);
            QCOMPARE(b.usage.inputTokens, p.usage.inputTokens);
            QCOMPARE(b.usage.cachedTokens, p.usage.cachedTokens);
            QCOMPARE(b.usage.outputTokens, p.usage.outputTokens);
            QVERIFY(b.costKnown);
            QVERIFY2(qAbs(b.costUsd - p.costUsd) < 1e-12,
                     qPrintable(QStringLiteral("turn %1: billed %2, predicted %3")
                                    .arg(i + 1)
                                    .arg(b.costUsd, 0, 'g', 12)
                                    .arg(p.costUsd, 0, 'g', 12)));
            // The cached part at the cached-input price, the rest at the input price.
            const std::optional<ModelPrice> price = prices.price(b.model);
            QVERIFY(price && price->cachedInputPerMTok < price->inputPerMTok);
            if (b.calls == 1)
                QVERIFY(qAbs(b.costUsd - costOf(*price, b.usage)) < 1e-12);
            sawCache = sawCache || b.usage.cachedTokens > 0;
            sawSwitch = sawSwitch || (i > 0 && b.model != billed.at(i - 1).model);
        }
        QVERIFY(sawCache);
        QVERIFY(sawSwitch);
    }
};

QTEST_GUILESS_MAIN(TestSwitchCost)
#include "tst_switch_cost.moc"
