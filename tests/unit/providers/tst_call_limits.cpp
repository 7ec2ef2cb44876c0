// What a server cannot defeat: keep-alive comments are no progress for the idle timeout, a
// stream that never ends meets the per-call deadline, an endless answer meets the size cap, an
// event of 16 MiB is a protocol error. Each ends the call with a typed error.

#include "provider_test_support.h"

#include "providers/openai_provider.h"

using namespace ladder;
using namespace ladder::test;

Q_DECLARE_METATYPE(ladder::ProviderLimits)

class TestCallLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }
    void endsCallsAServerKeepsGoing_data();
    void endsCallsAServerKeepsGoing();

private:
    MockHttpServer m_server;
};

namespace {

QByteArray delta(const QByteArray &text)
{
    return sse(R"({"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,)"
               R"("delta":{"content":")" +
               text + R"("},"finish_reason":null}]})");
}

const QByteArray kEnd = sse(R"({"id":"c1","object":"chat.completion.chunk","model":"m",)"
                            R"("choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})") +
                        "data: [DONE]\n\n";

} // namespace

void TestCallLimits::endsCallsAServerKeepsGoing_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<ProviderTimeouts>("timeouts");
    QTest::addColumn<ProviderLimits>("limits");
    QTest::addColumn<QString>("kind"); // empty: the call completes
    QTest::addColumn<QString>("message");

    const ProviderTimeouts relaxed{3000, 3000, 3000, 0};
    const ProviderLimits noCap{0};

    QList<QByteArray> pings{delta("Hi")};
    for (int i = 0; i < 40; ++i)
        pings << ": ping\n\n";
    pings << kEnd;
    QTest::newRow("only pings after the first token: idle timeout")
        << pings << 50 << ProviderTimeouts{3000, 3000, 300, 0} << noCap << "timeout"
        << "timeout: stream idle after 300 ms";

    QList<QByteArray> tokens;
    for (int i = 0; i < 60; ++i)
        tokens << delta("word ");
    tokens << kEnd;
    QTest::newRow("tokens for longer than the deadline")
        << tokens << 25 << ProviderTimeouts{3000, 3000, 3000, 400} << noCap << "timeout"
        << "timeout: the call took longer than 400 ms (timeouts.total_ms)";
    QTest::newRow("tokens within the deadline")
        << tokens << 0 << ProviderTimeouts{3000, 3000, 3000, 20000} << noCap << QString()
        << QString();

    QTest::newRow("an answer beyond the size cap")
        << tokens << 0 << relaxed << ProviderLimits{2000} << "protocol"
        << "answer larger than 2000 bytes (limits.max_answer_bytes)";
    QTest::newRow("an answer within the size cap")
        << tokens << 0 << relaxed << ProviderLimits{100000} << QString() << QString();

    // 17 data lines of 1 MiB: each line is short enough, the event they join is not.
    QByteArray joined;
    for (int i = 0; i < 17; ++i)
        joined += "data: " + QByteArray(1024 * 1024, 'x') + "\n";
    QTest::newRow("an event of 17 MiB joined from data lines")
        << QList<QByteArray>{delta("Hi"), joined + "\n", kEnd} << 0 << relaxed << noCap
        << "protocol"
        << "stream line or event longer than 16777216 bytes";
    QTest::newRow("a line of 17 MiB")
        << QList<QByteArray>{delta("Hi"), "data: " + QByteArray(17 * 1024 * 1024, 'x') + "\n\n",
                             kEnd}
        << 0 << relaxed << noCap << "protocol"
        << "stream line or event longer than 16777216 bytes";
}

void TestCallLimits::endsCallsAServerKeepsGoing()
{
    QFETCH(QList<QByteArray>, pieces);
    QFETCH(int, gapMs);
    QFETCH(ProviderTimeouts, timeouts);
    QFETCH(ProviderLimits, limits);
    QFETCH(QString, kind);
    QFETCH(QString, message);

    m_server.enqueue(streamScript(pieces, Framing::Chunked, StreamEnd::Finish, gapMs));
    HttpProviderSettings settings =
        mockSettings(QStringLiteral("openai"), m_server.url(QStringLiteral("v1")), timeouts);
    settings.limits = limits;
    OpenAiProvider provider(settings);
    CallOutcome out;
    runCall(provider, weatherRequest(QStringLiteral("openai"), QStringLiteral("m")), &out);
    QCOMPARE(out.result.httpStatus, 200); // the status of the response, failed or not
    if (kind.isEmpty()) {
        QVERIFY2(!out.result.error,
                 qPrintable(out.result.error ? out.result.error->message : QString()));
        QVERIFY(out.result.text.startsWith(QStringLiteral("word word")));
        return;
    }
    QVERIFY(out.result.error);
    QCOMPARE(toString(out.result.error->kind), kind);
    QVERIFY2(out.result.error->message.contains(message), qPrintable(out.result.error->message));
}

QTEST_GUILESS_MAIN(TestCallLimits)
#include "tst_call_limits.moc"
