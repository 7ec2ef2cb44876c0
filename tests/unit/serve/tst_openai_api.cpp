// The OpenAI wire shapes of `ladder serve`: which requests are accepted, and the error naming the
// field of those that are not.

#include "serve/openai_api.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ladder::serve;

namespace {
const QStringList kTiers{"strong", "light"};
}

class TestOpenAiApi : public QObject
{
    Q_OBJECT

private slots:
    void rejectsWithTheFieldAtFault_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("code");
        QTest::newRow("not JSON") << QByteArray("{\"model\":") << 400 << ""
                                  << "invalid_json";
        QTest::newRow("not an object") << QByteArray("[1,2]") << 400 << ""
                                       << "invalid_json";
        QTest::newRow("empty body") << QByteArray() << 400 << ""
                                    << "invalid_json";
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3) << 400 << ""
                                << "invalid_json";
        QTest::newRow("model missing")
            << QByteArray(R"({"messages":[{"role":"user","content":"hi"}]})") << 400 << "model"
            << "invalid_value";
        QTest::newRow("model a number")
            << QByteArray(R"({"model":3,"messages":[]})") << 400 << "model"
            << "invalid_value";
        QTest::newRow("unknown model")
            << QByteArray(R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})")
            << 404 << "model"
            << "model_not_found";
        QTest::newRow("unknown tier")
            << QByteArray(R"({"model":"framing/huge","messages":[{"role":"user","content":"hi"}]})")
            << 404 << "model"
            << "model_not_found";
        QTest::newRow("messages missing")
            << QByteArray(R"({"model":"framing"})") << 400 << "messages"
            << "invalid_value";
        QTest::newRow("messages empty")
            << QByteArray(R"({"model":"framing","messages":[]})") << 400 << "messages"
            << "invalid_value";
        QTest::newRow("message not an object")
            << QByteArray(R"({"model":"framing","messages":["hi"]})") << 400 << "messages[0]"
            << "invalid_value";
        QTest::newRow("role missing")
            << QByteArray(R"({"model":"framing","messages":[{"content":"hi"}]})") << 400
            << "messages[0].role"
            << "invalid_value";
        QTest::newRow("unknown role")
            << QByteArray(R"({"model":"framing","messages":[{"role":"robot","content":"hi"}]})")
            << 400 << "messages[0].role"
            << "invalid_value";
        QTest::newRow("content a number")
            << QByteArray(R"({"model":"framing","messages":[{"role":"user","content":1}]})") << 400
            << "messages[0].content"
            << "invalid_value";
        QTest::newRow("last message not the user's")
            << QByteArray(
                   R"({"model":"framing","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"}]})")
            << 400 << "messages"
            << "invalid_value";
        QTest::newRow("stream a string")
            << QByteArray(
                   R"({"model":"framing","stream":"yes","messages":[{"role":"user","content":"hi"}]})")
            << 400 << "stream"
            << "invalid_value";
        QTest::newRow("temperature out of range")
            << QByteArray(
                   R"({"model":"framing","temperature":7,"messages":[{"role":"user","content":"hi"}]})")
            << 400 << "temperature"
            << "invalid_value";
        QTest::newRow("max_tokens fractional")
            << QByteArray(
                   R"({"model":"framing","max_tokens":1.5,"messages":[{"role":"user","content":"hi"}]})")
            << 400 << "max_tokens"
            << "invalid_value";
    }
    void rejectsWithTheFieldAtFault()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        QFETCH(QString, code);
        const auto parsed = parseCompletionRequest(body, "framing", kTiers);
        const ApiError *error = std::get_if<ApiError>(&parsed);
        QVERIFY(error);
        QCOMPARE(error->status, status);
        QCOMPARE(error->param, param);
        QCOMPARE(error->code, code);
        const QJsonObject shape = QJsonDocument::fromJson(error->body()).object();
        const QJsonObject e = shape.value("error").toObject();
        for (const char *key : {"message", "type", "param", "code"})
            QVERIFY2(e.contains(key), key);
        if (!param.isEmpty())
            QVERIFY2(e.value("message").toString().startsWith(param) || status == 404,
                     qPrintable(e.value("message").toString()));
    }

    void acceptsWhatClientsSend()
    {
        const QByteArray body = R"({
            "model": "framing/light", "stream": true, "stream_options": {"include_usage": true},
            "temperature": 0.5, "max_completion_tokens": 300, "user": "ignored", "n": 1,
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": [{"type": "text", "text": "first"}]},
                {"role": "assistant", "content": null, "tool_calls": []},
                {"role": "user", "content": "second"}]})";
        const auto parsed = parseCompletionRequest(body, "framing", kTiers);
        const CompletionRequest *r = std::get_if<CompletionRequest>(&parsed);
        QVERIFY(r);
        QCOMPARE(r->tierPin, QString("light"));
        QVERIFY(r->stream);
        QVERIFY(r->includeUsage);
        QCOMPARE(r->system, QString("Be brief."));
        QCOMPARE(r->firstUser, QString("first"));
        QCOMPARE(r->lastUser, QString("second"));
        QCOMPARE(r->userTurns, 2);
        QCOMPARE(*r->overrides.temperature, 0.5);
        QCOMPARE(*r->overrides.maxTokens, 300);
    }

    void conversationIdComesFromTheHeaderOrTheOpening_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header") << QByteArray("conv-42") << ""
                                << "hi"
                                << "conv-42";
        QTest::newRow("header with spaces is hashed") << QByteArray("a b") << ""
                                                      << "hi"
                                                      << "h-";
        QTest::newRow("no header") << QByteArray() << "sys"
                                   << "hi"
                                   << "h-";
    }
    void conversationIdComesFromTheHeaderOrTheOpening()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, system);
        QFETCH(QString, first);
        QFETCH(QString, expected);
        CompletionRequest r;
        r.system = system;
        r.firstUser = first;
        const QString id = conversationId(header, r);
        QVERIFY2(id.startsWith(expected), qPrintable(id));
        if (expected == "h-") {
            QCOMPARE(conversationId({}, r), id); // stable
            CompletionRequest other = r;
            other.firstUser += "!";
            QVERIFY(conversationId({}, other) != id);
            other = r;
            other.system += "!";
            QVERIFY(conversationId({}, other) != id);
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenAiApi)
#include "tst_openai_api.moc"
