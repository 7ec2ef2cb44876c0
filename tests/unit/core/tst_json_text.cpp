// The fast JSON reader of ladder files (core/json_text.h): whatever it answers equals what
// QJsonDocument reads, and it leaves to QJsonDocument every text that is not plain, valid JSON.

#include "core/json_text.h"
#include "core/ladder_json.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ladder;

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatQJsonDocumentReads_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("fast"); // the fast reader answers (else it leaves it to Qt)

        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("spaces") << QByteArray(" \r\n\t{ \"a\" : 1 , \"b\":[ ] }\n ") << true;
        QTest::newRow("nested") << QByteArray(
                                       "{\"a\":{\"b\":[1,{\"c\":[true,false,null]}]},\"d\":{}}")
                                << true;
        QTest::newRow("numbers") << QByteArray("{\"a\":[0,-0,1,-12,1.5,-0.25,1e3,2E-2,1.5e+2]}")
                                 << true;
        QTest::newRow("int64 edges")
            << QByteArray("{\"a\":[9223372036854775807,-9223372036854775808,9007199254740993]}")
            << true;
        QTest::newRow("beyond int64") << QByteArray("{\"a\":92233720368547758070}") << true;
        QTest::newRow("escapes") << QByteArray("{\"a\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"}")
                                 << true;
        QTest::newRow("unicode escapes")
            << QByteArray("{\"a\":\"\\u00e9\\u20AC\\ud83d\\ude00\\u0000x\",\"\\u006b\":1}") << true;
        QTest::newRow("utf-8") << QByteArray(
                                      "{\"k\\u00e9\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}")
                               << true;
        QTest::newRow("utf-8 then escape")
            << QByteArray("{\"a\":\"\xc3\xa9\\n\xe2\x82\xac\"}") << true;
        QTest::newRow("byte order mark and an escape")
            << QByteArray("{\"a\":\"\xef\xbb\xbfx\\n\"}") << true;
        QTest::newRow("escaped byte order mark") << QByteArray("{\"a\":\"\\ufeffx\"}") << true;
        QTest::newRow("byte order mark inside") << QByteArray("{\"a\":\"x\xef\xbb\xbf\"}") << true;
        QTest::newRow("noncharacter") << QByteArray("{\"a\":\"\xef\xbf\xbf\"}") << true;
        QTest::newRow("repeated key") << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << true;
        QTest::newRow("keys out of order")
            << QByteArray("{\"z\":1,\"m\":2,\"a\":3,\"Z\":4,\"\":5}") << true;

        // Left to QJsonDocument: errors, and what only it decides.
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("array at top") << QByteArray("[1]") << false;
        QTest::newRow("scalar at top") << QByteArray("1") << false;
        QTest::newRow("trailing garbage") << QByteArray("{} x") << false;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << false;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << false;
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"b") << false;
        QTest::newRow("unterminated object") << QByteArray("{\"a\":[1,2]") << false;
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << false;
        QTest::newRow("short unicode escape") << QByteArray("{\"a\":\"\\u12\"}") << false;
        QTest::newRow("lone high surrogate") << QByteArray("{\"a\":\"\\ud83d\"}") << false;
        QTest::newRow("lone low surrogate") << QByteArray("{\"a\":\"\\ude00\"}") << false;
        QTest::newRow("invalid utf-8") << QByteArray("{\"a\":\"\xce\xba\xe1\"}") << false;
        QTest::newRow("overlong utf-8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
        QTest::newRow("utf-8 surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
        QTest::newRow("raw newline in string") << QByteArray("{\"a\":\"x\ny\"}") << false;
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << false;
        QTest::newRow("bare minus") << QByteArray("{\"a\":-}") << false;
        QTest::newRow("dot without digits") << QByteArray("{\"a\":1.}") << false;
        QTest::newRow("huge exponent") << QByteArray("{\"a\":1e400}") << false;
        QTest::newRow("tiny exponent") << QByteArray("{\"a\":1e-400}") << false;
        QTest::newRow("bad literal") << QByteArray("{\"a\":tru}") << false;
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false;
        QTest::newRow("byte order mark in a string")
            << QByteArray("{\"a\":\"\xef\xbb\xbfx\"}") << false;
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << false;
        QTest::newRow("deep") << QByteArray(600, '[').prepend("{\"a\":") + QByteArray(600, ']') +
                                     "}"
                              << false;
    }

    void readsWhatQJsonDocumentReads()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, fast);
        const std::optional<QJsonObject> mine = parseJsonObjectText(text);
        QJsonParseError error;
        const QJsonDocument theirs = QJsonDocument::fromJson(text, &error);
        QCOMPARE(mine.has_value(), fast);
        if (!mine)
            return;
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(theirs.isObject());
        QCOMPARE(*mine, theirs.object());
        // Same text back: integers stay integers, strings keep every character.
        QCOMPARE(QJsonDocument(*mine).toJson(), theirs.toJson());
    }

    // A long pasted description full of line breaks is read whole and unchanged.
    void readsLongEscapedTextUnchanged()
    {
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("line %1 \u00e9 \"quoted\"\n\n").arg(i);
        const QByteArray json =
            QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("ladder/1")},
                                      {QStringLiteral("description"), text}})
                .toJson();
        const std::optional<QJsonObject> root = parseJsonObjectText(json);
        QVERIFY(root);
        QCOMPARE(root->value(QStringLiteral("description")).toString(), text);
        QCOMPARE(parseLadder(json).ladder.description, text);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_json_text.moc"
