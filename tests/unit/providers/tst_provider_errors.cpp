// Typed errors shared by the clients: retry headers, status and error-body mapping, redaction.

#include "providers/stream_decoder.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ladder;

class TestProviderErrors : public QObject
{
    Q_OBJECT

private slots:
    void parsesRetryAfterHeaders_data();
    void parsesRetryAfterHeaders();
    void mapsStatusAndBodyToKind_data();
    void mapsStatusAndBodyToKind();
    void mapsStreamErrorTypeToKind_data();
    void mapsStreamErrorTypeToKind();
    void redactsKeyFromMessages();
    void redactsEveryLongRunOfTheKey_data();
    void redactsEveryLongRunOfTheKey();
};

void TestProviderErrors::parsesRetryAfterHeaders_data()
{
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("none") << QByteArray() << QByteArray() << qint64(-1);
    QTest::newRow("seconds") << QByteArray() << QByteArray("20") << qint64(20000);
    QTest::newRow("fractional_seconds") << QByteArray() << QByteArray(" 1.5 ") << qint64(1500);
    QTest::newRow("ms_preferred") << QByteArray("250") << QByteArray("20") << qint64(250);
    QTest::newRow("ms_fractional") << QByteArray("99.6") << QByteArray() << qint64(100);
    QTest::newRow("bad_ms_falls_back") << QByteArray("soon") << QByteArray("3") << qint64(3000);
    QTest::newRow("http_date_future")
        << QByteArray() << QByteArray("Mon, 23 Nov 2026 12:00:30 GMT") << qint64(30000);
    QTest::newRow("http_date_past")
        << QByteArray() << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << qint64(0);
    QTest::newRow("negative_ignored") << QByteArray("-5") << QByteArray("-1") << qint64(-1);
    QTest::newRow("garbage") << QByteArray() << QByteArray("tomorrow") << qint64(-1);
}

void TestProviderErrors::parsesRetryAfterHeaders()
{
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expected);
    const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), QTimeZone::utc());
    QCOMPARE(parseRetryAfterMs(retryAfterMs, retryAfter, now), expected);
}

void TestProviderErrors::mapsStatusAndBodyToKind_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("shouldRetry");
    QTest::addColumn<QString>("kind");

    const QByteArray none;
    QTest::newRow("400") << 400 << none << none << "bad_request";
    QTest::newRow("401") << 401 << none << none << "auth";
    QTest::newRow("402_gemini_prepaid") << 402 << none << none << "quota_exhausted";
    QTest::newRow("403") << 403 << none << none << "auth";
    QTest::newRow("404") << 404 << none << none << "bad_request";
    QTest::newRow("408") << 408 << none << none << "timeout";
    QTest::newRow("409") << 409 << none << none << "unavailable";
    QTest::newRow("413") << 413 << none << none << "bad_request";
    QTest::newRow("429") << 429 << none << none << "rate_limited";
    QTest::newRow("429_insufficient_quota")
        << 429
        << QByteArray(R"({"error":{"type":"insufficient_quota","code":"insufficient_quota"}})")
        << none << "quota_exhausted";
    QTest::newRow("429_credit_balance_exhausted")
        << 429
        << QByteArray(R"({"error":{"type":"rate_limit_error","code":)"
                      R"("credit_balance_exhausted"}})")
        << none << "quota_exhausted";
    QTest::newRow("500") << 500 << none << none << "unavailable";
    QTest::newRow("503") << 503 << none << none << "unavailable";
    QTest::newRow("504") << 504 << none << none << "timeout";
    QTest::newRow("529") << 529 << none << none << "unavailable";
    QTest::newRow("should_retry_false_503") << 503 << none << QByteArray("false") << "bad_request";
    QTest::newRow("should_retry_true_401") << 401 << none << QByteArray("true") << "unavailable";
    QTest::newRow("non_json_body")
        << 502 << QByteArray("<html>Bad gateway</html>") << none << "unavailable";
}

void TestProviderErrors::mapsStatusAndBodyToKind()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, shouldRetry);
    QFETCH(QString, kind);
    const CallLabel label{QStringLiteral("p"), QStringLiteral("m"), {}};
    const ProviderError e = httpStatusError(label, status, body, -1, shouldRetry);
    QCOMPARE(toString(e.kind), kind);
    QCOMPARE(e.httpStatus, status);
    QVERIFY2(e.message.startsWith(QStringLiteral("p (m): HTTP %1: ").arg(status)),
             qPrintable(e.message));
}

void TestProviderErrors::mapsStreamErrorTypeToKind_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("kind");

    QTest::newRow("anthropic_overloaded")
        << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"O"}})")
        << "unavailable";
    QTest::newRow("anthropic_rate_limit")
        << QByteArray(R"({"type":"error","error":{"type":"rate_limit_error"}})") << "rate_limited";
    QTest::newRow("openai_server_error")
        << QByteArray(R"({"error":{"message":"x","type":"server_error","code":null}})")
        << "unavailable";
    QTest::newRow("gemini_numeric_code")
        << QByteArray(R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED"}})") << "rate_limited";
    QTest::newRow("gemini_deadline")
        << QByteArray(R"({"error":{"code":504,"status":"DEADLINE_EXCEEDED"}})") << "timeout";
    QTest::newRow("plain_string_error")
        << QByteArray(R"({"error":"model crashed"})") << "unavailable";
}

void TestProviderErrors::mapsStreamErrorTypeToKind()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, kind);
    const CallLabel label{QStringLiteral("p"), QStringLiteral("m"), {}};
    const ProviderError e = streamErrorEvent(label, QJsonDocument::fromJson(event).object());
    QCOMPARE(toString(e.kind), kind);
    QCOMPARE(e.httpStatus, 200);
}

void TestProviderErrors::redactsKeyFromMessages()
{
    const CallLabel label{QStringLiteral("openai"), QStringLiteral("gpt-5.4"),
                          QStringLiteral("sk-test-PLANTED-123")};
    const ProviderError e = httpStatusError(
        label, 401, R"({"error":{"message":"Incorrect API key provided: sk-test-PLANTED-123"}})",
        -1, {});
    QCOMPARE(e.message,
             QStringLiteral("openai (gpt-5.4): HTTP 401: Incorrect API key provided: [redacted]"));
}

// A server that echoes most of a key (a 403 body quoting 26 of its 28 characters) gives none of
// it away: every run of 12 or more of the key's consecutive characters is redacted.
void TestProviderErrors::redactsEveryLongRunOfTheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    const QString key = QStringLiteral("sk-ant-api03-AbCdEfGhIjKlMnO"); // 28 characters
    QCOMPARE(key.size(), 28);
    QTest::newRow("the whole key") << key << "key " + key + " is invalid"
                                   << "key [redacted] is invalid";
    QTest::newRow("26 of 28 characters (the end cut)")
        << key << "key " + key.left(26) + "... is invalid"
        << "key [redacted]... is invalid";
    QTest::newRow("26 of 28 characters (the start cut)")
        << key << "key ..." + key.mid(2) + " is invalid"
        << "key ...[redacted] is invalid";
    QTest::newRow("a middle run of 12") << key << "saw " + key.mid(8, 12) + "!"
                                        << "saw [redacted]!";
    QTest::newRow("two pieces, masked in the middle")
        << key << key.left(13) + "****" + key.mid(15) << "[redacted]****[redacted]";
    QTest::newRow("a run of 11 stays") << key << "saw " + key.mid(8, 11) + "!"
                                       << "saw " + key.mid(8, 11) + "!";
    QTest::newRow("twice") << key << key.left(20) + " and " + key.mid(10)
                           << "[redacted] and [redacted]";
    QTest::newRow("a short key is redacted whole") << QStringLiteral("abc123") << "bad key abc123."
                                                   << "bad key [redacted].";
    QTest::newRow("no key") << QString() << "text"
                            << "text";
}

void TestProviderErrors::redactsEveryLongRunOfTheKey()
{
    QFETCH(QString, key);
    QFETCH(QString, body);
    QFETCH(QString, expected);
    QCOMPARE(redactKey(body, key), expected);
    // Through the real path: an error body of a 403 becomes the message printed and audited.
    const CallLabel label{QStringLiteral("anthropic"), QStringLiteral("m"), key};
    const QJsonObject error{
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("permission_error")},
                     {QStringLiteral("message"), body}}}};
    const ProviderError e =
        httpStatusError(label, 403, QJsonDocument(error).toJson(QJsonDocument::Compact), -1, {});
    QVERIFY2(e.message.contains(expected), qPrintable(e.message));
    QVERIFY2(key.size() < kMinRedactedRun || !e.message.contains(key.mid(8, kMinRedactedRun)),
             qPrintable(e.message));
}

QTEST_GUILESS_MAIN(TestProviderErrors)
#include "tst_provider_errors.moc"
