// The temperature-0 response cache and the ChatResult <-> JSON conversion it stores with.

#include "store/audit_store.h"
#include "store/chat_json.h"
#include "store/response_cache.h"
#include "store_test_util.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace ladder;
using namespace ladder::test;

using RequestEdit = std::function<void(ChatRequest &)>;
Q_DECLARE_METATYPE(RequestEdit)
Q_DECLARE_METATYPE(ladder::ChatResult)

class TestResponseCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hitsOnAnIdenticalDeterministicRequest();
    void missesWhenTheRequestDiffers_data();
    void missesWhenTheRequestDiffers();
    void keyIgnoresTurnSeedAndKeyOrder();
    void cachesOnlyTemperatureZero_data();
    void cachesOnlyTemperatureZero();
    void doesNotCacheFailures();
    void persistsAcrossReopenBesideTheAuditLog();
    void damagedEntryIsAMiss();
    void chatResultJsonRoundTrips_data();
    void chatResultJsonRoundTrips();
    void chatResultJsonErrorsNameThePath_data();
    void chatResultJsonErrorsNameThePath();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ResponseCache> m_cache;
    int m_fileCounter = 0;
};

void TestResponseCache::init()
{
    m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_fileCounter));
    m_cache = std::make_unique<ResponseCache>();
    QString error;
    QVERIFY2(m_cache->open(m_path, &error), qPrintable(error));
}

void TestResponseCache::cleanup()
{
    m_cache.reset();
}

void TestResponseCache::hitsOnAnIdenticalDeterministicRequest()
{
    const ChatRequest request = sampleRequest();
    QVERIFY(!m_cache->lookup(request));
    QCOMPARE(m_cache->misses(), 1);
    m_cache->store(request, sampleResult());
    const std::optional<ChatResult> hit = m_cache->lookup(sampleRequest());
    QVERIFY2(hit, qPrintable(m_cache->lastError()));
    QVERIFY(hit->cached);
    QCOMPARE(hit->text, sampleResult().text);
    QCOMPARE(hit->toolCalls, sampleResult().toolCalls);
    QCOMPARE(hit->usage, sampleResult().usage);
    QCOMPARE(hit->finishReason, sampleResult().finishReason);
    QCOMPARE(m_cache->hits(), 1);
    QCOMPARE(m_cache->hitRate(), 0.5);
    QVERIFY(m_cache->lookup(request));
    QVERIFY(m_cache->sync()); // written behind: in the file once synced
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT hits FROM response_cache")).toInt(), 2);
    m_cache->resetCounters();
    QCOMPARE(m_cache->hitRate(), 0.0);
}

void TestResponseCache::missesWhenTheRequestDiffers_data()
{
    QTest::addColumn<RequestEdit>("edit");
    QTest::newRow("model") << RequestEdit([](ChatRequest &r) { r.model += QLatin1Char('x'); });
    QTest::newRow("provider") << RequestEdit([](ChatRequest &r) { r.provider = "anthropic"; });
    QTest::newRow("max tokens") << RequestEdit([](ChatRequest &r) { r.params.maxTokens = 513; });
    QTest::newRow("extra param") << RequestEdit(
        [](ChatRequest &r) { r.params.extra.insert(QStringLiteral("top_p"), 0.9); });
    QTest::newRow("message text") << RequestEdit(
        [](ChatRequest &r) { r.messages.last().content += QLatin1Char('?'); });
    QTest::newRow("message role") << RequestEdit(
        [](ChatRequest &r) { r.messages.last().role = ChatMessage::Role::Assistant; });
    QTest::newRow("one more message") << RequestEdit([](ChatRequest &r) {
        r.messages.append({ChatMessage::Role::User, QStringLiteral("and?"), {}, {}, {}});
    });
    QTest::newRow("no tools") << RequestEdit([](ChatRequest &r) { r.tools.clear(); });
    QTest::newRow("tool schema") << RequestEdit(
        [](ChatRequest &r) { r.tools[0].description = QStringLiteral("other"); });
}

void TestResponseCache::missesWhenTheRequestDiffers()
{
    QFETCH(RequestEdit, edit);
    m_cache->store(sampleRequest(), sampleResult());
    ChatRequest changed = sampleRequest();
    edit(changed);
    QVERIFY(ResponseCache::cacheable(changed));
    QVERIFY(ResponseCache::key(changed) != ResponseCache::key(sampleRequest()));
    QVERIFY(!m_cache->lookup(changed));
    QCOMPARE(m_cache->misses(), 1);
    QCOMPARE(m_cache->hits(), 0);
    QVERIFY(m_cache->lookup(sampleRequest())); // the original is still there
}

void TestResponseCache::keyIgnoresTurnSeedAndKeyOrder()
{
    ChatRequest a = sampleRequest();
    a.params.extra.insert(QStringLiteral("b"), 1);
    a.params.extra.insert(QStringLiteral("a"), 2);
    ChatRequest b = sampleRequest();
    b.params.extra.insert(QStringLiteral("a"), 2);
    b.params.extra.insert(QStringLiteral("b"), 1);
    b.turn = 9;
    b.attempt = 3;
    b.seed = 77;
    b.tierId = QStringLiteral("other-tier");
    QCOMPARE(ResponseCache::key(a), ResponseCache::key(b));
    QCOMPARE(ResponseCache::key(a).size(), 64);
    m_cache->store(a, sampleResult());
    QVERIFY(m_cache->lookup(b));
}

void TestResponseCache::cachesOnlyTemperatureZero_data()
{
    QTest::addColumn<std::optional<double>>("temperature");
    QTest::addColumn<bool>("cacheable");
    QTest::newRow("zero") << std::optional<double>(0.0) << true;
    QTest::newRow("0.7") << std::optional<double>(0.7) << false;
    QTest::newRow("tiny") << std::optional<double>(1e-9) << false;
    QTest::newRow("unset (provider default)") << std::optional<double>() << false;
}

void TestResponseCache::cachesOnlyTemperatureZero()
{
    QFETCH(std::optional<double>, temperature);
    QFETCH(bool, cacheable);
    ChatRequest request = sampleRequest();
    request.params.temperature = temperature;
    QCOMPARE(ResponseCache::cacheable(request), cacheable);
    m_cache->store(request, sampleResult());
    QCOMPARE(m_cache->size(), cacheable ? 1 : 0);
    QCOMPARE(m_cache->lookup(request).has_value(), cacheable);
    // Uncacheable requests count neither as hits nor as misses.
    QCOMPARE(m_cache->hits() + m_cache->misses(), cacheable ? 1 : 0);
}

void TestResponseCache::doesNotCacheFailures()
{
    ChatResult failed = sampleResult();
    failed.error = ProviderError{FailureKind::Timeout, QStringLiteral("late")};
    m_cache->store(sampleRequest(), failed);
    QCOMPARE(m_cache->size(), 0);
    QVERIFY(!m_cache->lookup(sampleRequest()));
}

void TestResponseCache::persistsAcrossReopenBesideTheAuditLog()
{
    m_cache->store(sampleRequest(), sampleResult());
    AuditStore audit; // same file: both tables live side by side
    QVERIFY(audit.open(m_path));
    audit.recordEvent(QStringLiteral("s"), {Event::Type::TurnStarted, 1, {}});
    audit.sync();
    QVERIFY2(audit.lastError().isEmpty(), qPrintable(audit.lastError()));
    m_cache->close();
    ResponseCache reopened;
    QVERIFY(reopened.open(m_path));
    QCOMPARE(reopened.size(), 1);
    const std::optional<ChatResult> hit = reopened.lookup(sampleRequest());
    QVERIFY(hit);
    QCOMPARE(hit->text, sampleResult().text);
    QVERIFY(reopened.clear());
    QCOMPARE(reopened.size(), 0);
}

void TestResponseCache::damagedEntryIsAMiss()
{
    m_cache->store(sampleRequest(), sampleResult());
    QVERIFY(m_cache->sync());
    rawQuery(m_path, QStringLiteral("UPDATE response_cache SET response_json = '{\"usage\": 5}'"));
    QVERIFY(!m_cache->lookup(sampleRequest()));
    QCOMPARE(m_cache->misses(), 1);
    QVERIFY2(m_cache->lastError().contains(QLatin1String("usage")),
             qPrintable(m_cache->lastError()));
    m_cache->store(sampleRequest(), sampleResult()); // replaced
    QVERIFY(m_cache->lookup(sampleRequest()));
}

void TestResponseCache::chatResultJsonRoundTrips_data()
{
    QTest::addColumn<ChatResult>("result");
    QTest::newRow("defaults") << ChatResult{};
    QTest::newRow("full") << sampleResult();
    ChatResult failed;
    failed.error =
        ProviderError{FailureKind::QuotaExhausted, QStringLiteral("no credit"), 402, 60000};
    QTest::newRow("error") << failed;
    ChatResult big = sampleResult();
    big.usage = {qint64(1) << 40, 3, 4, false};
    big.text = QString::fromUtf8("héllo \xF0\x9F\x98\x80 \"quoted\"\n");
    QTest::newRow("large counts, unicode") << big;
}

void TestResponseCache::chatResultJsonRoundTrips()
{
    QFETCH(ChatResult, result);
    const QByteArray bytes = QJsonDocument(chatResultToJson(result)).toJson();
    QString error;
    const std::optional<ChatResult> back =
        chatResultFromJson(QJsonDocument::fromJson(bytes).object(), "r", &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->text, result.text);
    QCOMPARE(back->toolCalls, result.toolCalls);
    QCOMPARE(back->usage, result.usage);
    QCOMPARE(back->finishReason, result.finishReason);
    QCOMPARE(back->ttftMs, result.ttftMs);
    QCOMPARE(back->latencyMs, result.latencyMs);
    QCOMPARE(back->simulated, result.simulated);
    QCOMPARE(back->cached, result.cached);
    QCOMPARE(back->raw, result.raw);
    QCOMPARE(back->error.has_value(), result.error.has_value());
    if (result.error) {
        QCOMPARE(int(back->error->kind), int(result.error->kind));
        QCOMPARE(back->error->message, result.error->message);
        QCOMPARE(back->error->httpStatus, result.error->httpStatus);
        QCOMPARE(back->error->retryAfterMs, result.error->retryAfterMs);
    }
}

void TestResponseCache::chatResultJsonErrorsNameThePath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("r: expected an object");
    QTest::newRow("text") << QByteArray(R"({"text": 3})") << QStringLiteral("r.text");
    QTest::newRow("usage") << QByteArray(R"({"usage": []})") << QStringLiteral("r.usage");
    QTest::newRow("tokens") << QByteArray(R"({"usage": {"input_tokens": "x"}})")
                            << QStringLiteral("r.usage.input_tokens");
    QTest::newRow("fractional tokens") << QByteArray(R"({"usage": {"output_tokens": 1.5}})")
                                       << QStringLiteral("r.usage.output_tokens");
    QTest::newRow("tool call") << QByteArray(R"({"tool_calls": [{"name": "a"}, 7]})")
                               << QStringLiteral("r.tool_calls[1]");
    QTest::newRow("tool arguments") << QByteArray(R"({"tool_calls": [{"arguments": "x"}]})")
                                    << QStringLiteral("r.tool_calls[0].arguments");
    QTest::newRow("error kind") << QByteArray(R"({"error": {"kind": "melted"}})")
                                << QStringLiteral("r.error.kind");
    QTest::newRow("flag") << QByteArray(R"({"cached": 1})") << QStringLiteral("r.cached");
}

void TestResponseCache::chatResultJsonErrorsNameThePath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    QString error;
    QVERIFY(!chatResultFromJson(value, "r", &error));
    QVERIFY2(error.startsWith(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_response_cache.moc"
