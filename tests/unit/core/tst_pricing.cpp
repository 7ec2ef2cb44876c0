// The built-in pricing table (resources/pricing.json) and cost arithmetic.

#include "core/pricing.h"
#include "core/resources.h"

#include <QtTest>

using namespace ladder;

class TestPricing : public QObject
{
    Q_OBJECT

private slots:
    void builtinTableLoadsWithoutDiagnostics()
    {
        Diagnostics diagnostics;
        const PricingTable table = PricingTable::fromJson(
            readResource(QStringLiteral(":/ladder/pricing.json")), &diagnostics);
        QVERIFY(diagnostics.isEmpty());
        QCOMPARE(table.all().size(), PricingTable::builtin().all().size());
        QVERIFY(table.all().size() >= 16);
        for (const ModelPrice &price : table.all()) {
            QVERIFY2(!price.provider.isEmpty(), qPrintable(price.model));
            QVERIFY2(price.cachedInputPerMTok <= price.inputPerMTok, qPrintable(price.model));
        }
    }

    void costsTokensAtListPrice_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<double>("usd");
        QTest::newRow("1M input of gpt-5.4") << "gpt-5.4" << 1000000LL << 0LL << 0LL << 2.5;
        QTest::newRow("1M output of gpt-5.4") << "gpt-5.4" << 0LL << 0LL << 1000000LL << 15.0;
        QTest::newRow("cached tokens at the cached rate")
            << "gpt-5.4" << 1000000LL << 1000000LL << 0LL << 0.25;
        QTest::newRow("half cached")
            << "claude-sonnet-4-6" << 1000000LL << 500000LL << 0LL << 1.5 + 0.15;
        QTest::newRow("no cache discount means input rate")
            << "gpt-5" << 1000000LL << 1000000LL << 0LL << 1.25;
        QTest::newRow("small call")
            << "gpt-5-nano" << 1000LL << 0LL << 500LL << (1000 * 0.05 + 500 * 0.4) / 1e6;
        QTest::newRow("unknown model is free") << "gpt-9" << 1000000LL << 0LL << 0LL << 0.0;
    }

    void costsTokensAtListPrice()
    {
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        QFETCH(double, usd);
        TokenUsage usage;
        usage.inputTokens = input;
        usage.cachedTokens = cached;
        usage.outputTokens = output;
        QVERIFY(qAbs(PricingTable::builtin().costUsd(model, usage) - usd) < 1e-12);
    }

    // A price is known from the providers file (per provider), from the built-in table, or
    // free (simulated, replay, local); otherwise the cost is unknown, never $0.
    void costIsUnknownWithoutAPrice_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("known");
        QTest::addColumn<double>("cost"); // for 1M input + 1M output tokens
        QTest::newRow("the file's price") << "my-vllm"
                                          << "my-model" << true << 3.0;
        QTest::newRow("the file's price wins over the built-in one") << "openrouter"
                                                                     << "gpt-5.4" << true << 20.0;
        QTest::newRow("other provider keeps the built-in price") << "openai"
                                                                 << "gpt-5.4" << true << 17.5;
        QTest::newRow("no price") << "my-vllm"
                                  << "fine-tune-7" << false << 0.0;
        QTest::newRow("free provider") << "simulated"
                                       << "fine-tune-7" << true << 0.0;
    }

    void costIsUnknownWithoutAPrice()
    {
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(bool, known);
        QFETCH(double, cost);
        PricingTable table = PricingTable::builtin();
        table.setProviderPrice({"my-vllm", "my-model", 1.0, 1.0, 2.0});
        table.setProviderPrice({"openrouter", "gpt-5.4", 4.0, 4.0, 16.0});
        TokenUsage usage;
        usage.inputTokens = 1000000;
        usage.outputTokens = 1000000;
        const std::optional<double> got = table.cost(provider, model, usage);
        QCOMPARE(got.has_value(), known);
        if (known)
            QCOMPARE(*got, cost);
    }

    void reportsBadPricingFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{") << "p.json: invalid JSON: unterminated object";
        QTest::newRow("no models")
            << QByteArray("{}") << "p.json: /models: expected a non-empty object of models";
        QTest::newRow("negative price")
            << QByteArray(R"({"models": {"m": {"provider": "x", "input": -1, "output": 1}}})")
            << "p.json: /models/m: expected non-negative numbers \"input\" and \"output\"";
    }

    void reportsBadPricingFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Diagnostics diagnostics;
        PricingTable::fromJson(json, &diagnostics, QStringLiteral("p.json"));
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
