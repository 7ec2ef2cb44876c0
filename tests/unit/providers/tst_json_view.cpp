// The decoders' JSON tree: it accepts what RFC 8259 allows, refuses what it does not, and every
// value it yields equals what QJsonDocument makes of the same text.

#include "providers/json_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ladder;
using namespace Qt::StringLiterals;

class TstJsonView : public QObject
{
    Q_OBJECT

private slots:
    void yieldsWhatQtYields_data();
    void yieldsWhatQtYields();
    void refusesMalformedText_data();
    void refusesMalformedText();
    void looksUpMembersAndElements();
    void convertsNumbersAsQtDoes_data();
    void convertsNumbersAsQtDoes();
    void decodesEscapes_data();
    void decodesEscapes();
    void reusesTheTreeForTheNextText();
};

void TstJsonView::yieldsWhatQtYields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << "{}"_ba;
    QTest::newRow("empty array") << " [ ] "_ba;
    QTest::newRow("openai chunk")
        << R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1760000000,)"
           R"("choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null})"_ba;
    QTest::newRow("gemini chunk with signature")
        << R"({"candidates":[{"content":{"role":"model","parts":[{"text":"a","thoughtSignature":)"
           R"("c2ln"},{"functionCall":{"name":"escalate","args":{"reason":"r","n":[1,2.5,-3e2]}}}]},)"
           R"("finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":40}})"_ba;
    QTest::newRow("literals and nesting") << R"([true,false,null,[[[]]],{"a":{"b":{}}}])"_ba;
    QTest::newRow("whitespace everywhere") << "\t{ \"a\" :\r\n [ 1 , 2 ] \n}\r\n"_ba;
    QTest::newRow("utf-8 text") << "{\"t\":\"Grüße 🌍 — 東京\"}"_ba;
    QTest::newRow("escapes")
        << "{\"t\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83c\\udf0d\"}"_ba;
    QTest::newRow("escaped key") << R"({"k\u0065y":1})"_ba;
    QTest::newRow("duplicate keys: the last wins") << R"({"a":1,"a":2})"_ba;
    QTest::newRow("control character as Qt allows") << "{\"a\":\"x\ty\"}"_ba;
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF{\"a\":1}"_ba;
    QTest::newRow("numbers")
        << "[0,-0,1.0,1e2,-2.5E-3,9223372036854775807,"
           "-9223372036854775808,9223372036854775808,123456789012345678901]"_ba;
}

void TstJsonView::yieldsWhatQtYields()
{
    QFETCH(QByteArray, json);
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    JsonTree tree;
    QVERIFY2(tree.parse(json), qPrintable(tree.errorString()));
    const QJsonValue ours = tree.root().toJsonValue();
    QCOMPARE(ours, qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array()));
}

void TstJsonView::refusesMalformedText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << ""_ba << u"expected an object or an array at offset 0"_s;
    QTest::newRow("a bare string") << R"("text")"_ba << u"expected an object or an array"_s;
    QTest::newRow("truncated object") << R"({"a":1)"_ba << u"expected ',' or '}' at offset 6"_s;
    QTest::newRow("truncated string") << R"({"a":"bc)"_ba << u"unterminated string"_s;
    QTest::newRow("missing colon") << R"({"a" 1})"_ba << u"expected ':' at offset 5"_s;
    QTest::newRow("trailing comma") << R"([1,])"_ba << u"expected a value at offset 3"_s;
    QTest::newRow("unquoted key") << R"({a:1})"_ba << u"expected a member name at offset 1"_s;
    QTest::newRow("garbage after") << R"({} x)"_ba << u"garbage after the value at offset 3"_s;
    QTest::newRow("bad literal") << R"([tru])"_ba << u"invalid literal at offset 1"_s;
    QTest::newRow("leading zero") << R"([01])"_ba << u"expected ',' or ']' at offset 2"_s;
    QTest::newRow("bare minus") << R"([-])"_ba << u"expected a value"_s;
    QTest::newRow("fraction without digits") << R"([1.])"_ba << u"expected a digit after '.'"_s;
    QTest::newRow("exponent without digits") << R"([1e+])"_ba << u"exponent"_s;
    QTest::newRow("number out of range") << R"([1e999])"_ba << u"number out of range"_s;
    QTest::newRow("number below double range") << R"([1e-400])"_ba << u"number out of range"_s;
    QTest::newRow("unknown escape") << R"(["\x"])"_ba << u"bad escape at offset 2"_s;
    QTest::newRow("short unicode escape") << R"(["\u12"])"_ba << u"bad \\u escape"_s;
    QTest::newRow("invalid utf-8") << "[\"\xC3\x28\"]"_ba << u"invalid UTF-8 in string"_s;
    QTest::newRow("utf-8 surrogate") << "[\"\xED\xA0\x80\"]"_ba << u"invalid UTF-8 in string"_s;
    QTest::newRow("overlong utf-8") << "[\"\xC0\xAF\"]"_ba << u"invalid UTF-8 in string"_s;
    QTest::newRow("too deep") << QByteArray(1025, '[') + QByteArray(1025, ']')
                              << u"nested too deeply"_s;
}

void TstJsonView::refusesMalformedText()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    JsonTree tree;
    QVERIFY(!tree.parse(json));
    QVERIFY2(tree.errorString().contains(error), qPrintable(tree.errorString()));
    QVERIFY(tree.root().isUndefined());
    QVERIFY(QJsonDocument::fromJson(json).isNull() || json.contains("\\x") || json.contains("1.]"));
}

void TstJsonView::looksUpMembersAndElements()
{
    JsonTree tree;
    QVERIFY(tree.parse(R"({"a":{"b":[10,{"c":"deep"},30]},"s":"x","a2":[],"t":true})"_ba));
    const JsonRef root = tree.root();
    QVERIFY(root.isObject());
    QCOMPARE(root.size(), 4);
    const JsonRef list = root.value("a"_L1).value("b"_L1);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toInteger(), 10);
    QCOMPARE(list.at(1).value("c"_L1).toString(), u"deep"_s);
    QCOMPARE(list.at(2).toInt(), 30);
    QVERIFY(list.at(3).isUndefined());
    QVERIFY(list.at(-1).isUndefined());
    QList<qint64> seen;
    for (const JsonRef element : list)
        seen.append(element.toInteger(-1));
    QCOMPARE(seen, (QList<qint64>{10, -1, 30}));
    int emptyElements = 0;
    for (const JsonRef element : root.value("a2"_L1)) {
        Q_UNUSED(element);
        ++emptyElements;
    }
    QCOMPARE(emptyElements, 0);
    QVERIFY(root.value("a2"_L1).isEmpty());
    QVERIFY(root.value("t"_L1).toBool());
    QVERIFY(root.value("s"_L1).equals("x"_L1));
    QVERIFY(!root.value("s"_L1).equals("xy"_L1));
    QVERIFY(root.contains("s"_L1));
    QVERIFY(!root.contains("missing"_L1));
    // Wrong types and missing values give the fallbacks, as QJsonValue does.
    QCOMPARE(root.value("missing"_L1).toString(u"none"_s), u"none"_s);
    QCOMPARE(root.value("s"_L1).toInteger(7), 7);
    QCOMPARE(root.value("a"_L1).value("b"_L1).value("c"_L1).toString(), QString());
    QCOMPARE(root.value("s"_L1).at(0).type(), JsonRef::Type::Undefined);
    QCOMPARE(JsonRef().value("a"_L1).toBool(true), true);

    // Names are Latin-1, the text UTF-8: a non-ASCII name is compared as text.
    QVERIFY(tree.parse("{\"Gr\xC3\xBC\xC3\x9F\":1,\"\xC3\xA9\":2}"_ba));
    QCOMPARE(tree.root().value(QLatin1StringView("Gr\xFC\xDF")).toInt(), 1);
    QCOMPARE(tree.root().value(QLatin1StringView("\xC3\xA9")).toInt(-1), -1);
    QCOMPARE(tree.root().value(QLatin1StringView("\xE9")).toInt(), 2);
}

void TstJsonView::convertsNumbersAsQtDoes_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char *n : {"0", "-0", "42", "-17", "1.0", "1e2", "2.5", "-2.5E-3",
                          "999999999999999999", "9223372036854775807", "-9223372036854775808",
                          "9223372036854775808", "4294967296", "2147483648", "-2147483649"})
        QTest::newRow(n) << QByteArray(n);
}

void TstJsonView::convertsNumbersAsQtDoes()
{
    QFETCH(QByteArray, number);
    const QByteArray json = '[' + number + ']';
    const QJsonValue qt = QJsonDocument::fromJson(json).array().first();
    JsonTree tree;
    QVERIFY2(tree.parse(json), qPrintable(tree.errorString()));
    const JsonRef ours = tree.root().at(0);
    QVERIFY(ours.isNumber());
    QCOMPARE(ours.toInteger(-99), qt.toInteger(-99));
    QCOMPARE(ours.toInt(-99), qt.toInt(-99));
    QCOMPARE(ours.toDouble(), qt.toDouble());
    QCOMPARE(ours.toJsonValue(), qt);
}

void TstJsonView::decodesEscapes_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << R"("plain")"_ba << u"plain"_s;
    QTest::newRow("quote and backslash") << "\"a\\\"b\\\\c\""_ba << u"a\"b\\c"_s;
    QTest::newRow("controls") << R"("\b\f\n\r\t")"_ba << u"\b\f\n\r\t"_s;
    QTest::newRow("solidus") << R"("a\/b")"_ba << u"a/b"_s;
    QTest::newRow("bmp") << R"("caf\u00E9")"_ba << u"café"_s;
    QTest::newRow("surrogate pair") << R"("\ud83c\udf0d!")"_ba << u"🌍!"_s;
    QTest::newRow("leading U+FEFF is text") << "\"\xEF\xBB\xBF" "a\\n\""_ba << u"\uFEFFa\n"_s;
    QTest::newRow("utf-8 around escapes") << "\"Grüße\\n東京\""_ba << u"Grüße\n東京"_s;
}

void TstJsonView::decodesEscapes()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, text);
    JsonTree tree;
    QVERIFY(tree.parse("{\"k\":" + literal + '}'));
    const JsonRef value = tree.root().value("k"_L1);
    QCOMPARE(value.toString(), text);
    QVERIFY(value.equals(QLatin1StringView(text.toLatin1())) || text.toLatin1() != text.toUtf8());
}

void TstJsonView::reusesTheTreeForTheNextText()
{
    JsonTree tree;
    QVERIFY(tree.parse(R"({"a":[1,2,3],"b":"first"})"_ba));
    QVERIFY(tree.parse(R"({"b":"second"})"_ba));
    QCOMPARE(tree.root().size(), 1);
    QCOMPARE(tree.root().value("b"_L1).toString(), u"second"_s);
    QVERIFY(tree.root().value("a"_L1).isUndefined());
    QVERIFY(!tree.parse("{"_ba));
    QVERIFY(tree.root().isUndefined());
    QVERIFY(tree.parse("[]"_ba));
    QVERIFY(tree.root().isArray());
}

QTEST_GUILESS_MAIN(TstJsonView)
#include "tst_json_view.moc"
