// The stream events' JSON reader (simdjson On-Demand): it refuses malformed events with a clear
// reason, and every value it yields equals what QJsonDocument makes of the same text.

#include "providers/event_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ladder;
using namespace Qt::StringLiterals;

class TstEventJson : public QObject
{
    Q_OBJECT

private slots:
    void yieldsWhatQtYields_data();
    void yieldsWhatQtYields();
    void refusesMalformedEvents_data();
    void refusesMalformedEvents();
    void readsMembersWithQtsFallbacks();
    void convertsNumbersAsQtDoes_data();
    void convertsNumbersAsQtDoes();
    void decodesEscapes_data();
    void decodesEscapes();
    void reusesTheParserForTheNextEvent();
};

static QJsonObject readWhole(EventJson &json, const QByteArray &text)
{
    ondemand::object root;
    if (!json.parse(text, &root))
        return {};
    const QJsonObject out = json.rootObject();
    json.finish();
    return out;
}

void TstEventJson::yieldsWhatQtYields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << " {} "_ba;
    QTest::newRow("openai chunk")
        << R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1760000000,)"
           R"("choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null})"_ba;
    QTest::newRow("gemini chunk with signature")
        << R"({"candidates":[{"content":{"role":"model","parts":[{"text":"a","thoughtSignature":)"
           R"("c2ln"},{"functionCall":{"name":"escalate","args":{"reason":"r","n":[1,2.5,-3e2]}}}]},)"
           R"("finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":40}})"_ba;
    QTest::newRow("literals and nesting") << R"({"v":[true,false,null,[[[]]],{"a":{"b":{}}}]})"_ba;
    QTest::newRow("whitespace everywhere") << "\t{ \"a\" :\r\n [ 1 , 2 ] \n}\r\n"_ba;
    QTest::newRow("utf-8 text") << "{\"t\":\"Grüße 🌍 — 東京\"}"_ba;
    QTest::newRow("escapes")
        << "{\"t\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83c\\udf0d\"}"_ba;
    QTest::newRow("lone surrogates, as Qt keeps them") << R"({"a":"x\ud83d","b":"\ude00y"})"_ba;
    QTest::newRow("escaped key") << R"({"k\u0065y":1})"_ba;
    QTest::newRow("duplicate keys: the last wins") << R"({"a":1,"a":2})"_ba;
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF{\"a\":1}"_ba;
    QTest::newRow("numbers") << "{\"v\":[0,-0,1.0,1e2,-2.5E-3,9223372036854775807,"
                                "-9223372036854775808,9223372036854775808,18446744073709551616,"
                                "123456789012345678901,-123456789012345678901]}"_ba;
    QTest::newRow("1,024 levels, Qt's limit")
        << "{\"v\":" + QByteArray(1023, '[') + QByteArray(1023, ']') + '}';
}

void TstEventJson::yieldsWhatQtYields()
{
    QFETCH(QByteArray, json);
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    EventJson reader;
    const QJsonObject ours = readWhole(reader, json);
    QVERIFY2(!reader.failed(), qPrintable(reader.errorString()));
    QCOMPARE(ours, qt.object());
}

void TstEventJson::refusesMalformedEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << ""_ba << u"no JSON value"_s;
    QTest::newRow("an array") << "[1,2]"_ba << u"not an object"_s;
    QTest::newRow("a bare string") << R"("text")"_ba << u"not an object"_s;
    QTest::newRow("truncated object")
        << R"({"id":"c1","choices":[{)"_ba << u"unterminated object or array"_s;
    QTest::newRow("not json") << "{not json"_ba << u"unterminated object or array"_s;
    QTest::newRow("truncated string") << R"({"a":"bc)"_ba << u"unterminated string"_s;
    QTest::newRow("missing colon") << R"({"a" 1})"_ba << u"is missing or extra"_s;
    QTest::newRow("trailing comma") << R"({"a":[1,]})"_ba << u"is missing or extra"_s;
    QTest::newRow("unquoted key") << R"({a:1})"_ba << u"is missing or extra"_s;
    QTest::newRow("text after the object")
        << R"({"a":1} {"b":2})"_ba << u"text after the object at offset 8"_s;
    QTest::newRow("a brace too many") << R"({"a":1}})"_ba << u"text after the object at offset 7"_s;
    QTest::newRow("bad literal") << R"({"a":tru})"_ba << u"invalid value"_s;
    QTest::newRow("bad null") << R"({"a":nul})"_ba << u"invalid value"_s;
    QTest::newRow("leading zero") << R"({"a":01})"_ba << u"invalid number"_s;
    QTest::newRow("bare minus") << R"({"a":-})"_ba << u"invalid number"_s;
    QTest::newRow("exponent without digits") << R"({"a":1e+})"_ba << u"invalid number"_s;
    QTest::newRow("number out of range") << R"({"a":1e999})"_ba << u"invalid number"_s;
    QTest::newRow("number below double range") << R"({"a":1e-400})"_ba << u"out of range"_s;
    QTest::newRow("unknown escape") << R"({"a":"\x"})"_ba << u"bad escape in a string"_s;
    QTest::newRow("short unicode escape") << R"({"a":"\u12"})"_ba << u"bad escape"_s;
    QTest::newRow("invalid utf-8") << "{\"a\":\"\xC3\x28\"}"_ba << u"invalid UTF-8"_s;
    QTest::newRow("utf-8 surrogate") << "{\"a\":\"\xED\xA0\x80\"}"_ba << u"invalid UTF-8"_s;
    QTest::newRow("overlong utf-8") << "{\"a\":\"\xC0\xAF\"}"_ba << u"invalid UTF-8"_s;
    QTest::newRow("raw control character") << "{\"a\":\"x\ty\"}"_ba << u"control character"_s;
    QTest::newRow("too deep") << "{\"v\":" + QByteArray(1025, '[') + QByteArray(1025, ']') + '}'
                              << u"nested too deeply"_s;
}

void TstEventJson::refusesMalformedEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    EventJson reader;
    readWhole(reader, json);
    QVERIFY(reader.failed());
    QVERIFY2(reader.errorString().contains(error), qPrintable(reader.errorString()));
    QVERIFY(!reader.finish());
    // Qt refuses them too, but for the two escapes it tolerates (raw controls, "\x").
    QVERIFY(!QJsonDocument::fromJson(json).isObject() || json.contains("\\x") ||
            json.contains('\t'));
}

void TstEventJson::readsMembersWithQtsFallbacks()
{
    EventJson json;
    ondemand::object root;
    QVERIFY(json.parse(R"({"a":{"b":[10,{"c":"deep"},30]},"s":"x","t":true,"n":null,)"
                       R"("d":2.5,"e":[]})"_ba,
                       &root));
    QStringList keys;
    QList<qint64> list;
    QString deep;
    json.forEachMember(root, [&](std::string_view key, ondemand::value v) {
        keys << QString::fromUtf8(key.data(), qsizetype(key.size()));
        if (key == "a") {
            json.forEachMember(v, [&](std::string_view, ondemand::value b) {
                json.forEachElement(b, [&](ondemand::value element) {
                    if (json.type(element) == QJsonValue::Object)
                        json.forEachMember(element, [&](std::string_view, ondemand::value c) {
                            deep = json.toString(c);
                        });
                    else
                        list << json.toInteger(element, -1);
                });
            });
        } else if (key == "s") {
            QCOMPARE(json.toInteger(v, 7), 7); // a wrong type gives the fallback
            QCOMPARE(json.toString(v), u"x"_s);
        } else if (key == "t") {
            QCOMPARE(json.toString(v, u"none"_s), u"none"_s);
            QVERIFY(json.toBool(v));
        } else if (key == "n") {
            QVERIFY(json.isNull(v));
            QCOMPARE(json.toInt(v, 3), 3);
        } else if (key == "d") {
            QCOMPARE(json.toInteger(v, -1), -1); // not integral
        } else if (key == "e") {
            int elements = 0;
            json.forEachElement(v, [&](ondemand::value) { ++elements; });
            QCOMPARE(elements, 0);
        }
    });
    QVERIFY2(json.finish(), qPrintable(json.errorString()));
    QCOMPARE(keys, (QStringList{u"a"_s, u"s"_s, u"t"_s, u"n"_s, u"d"_s, u"e"_s}));
    QCOMPARE(list, (QList<qint64>{10, 30}));
    QCOMPARE(deep, u"deep"_s);

    // A member skipped unread is only bracket-matched (On-Demand); one that is read is checked.
    QVERIFY(json.parse(R"({"skipped":[1 2],"read":1})"_ba, &root));
    json.forEachMember(root, [&](std::string_view, ondemand::value) {});
    QVERIFY(json.finish());
    QVERIFY(json.parse(R"({"read":[1 2]})"_ba, &root));
    json.forEachMember(root, [&](std::string_view, ondemand::value v) { json.toJsonValue(v); });
    QVERIFY(!json.finish());
}

void TstEventJson::convertsNumbersAsQtDoes_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char *n : {"0",
                          "-0",
                          "42",
                          "-17",
                          "1.0",
                          "1e2",
                          "2.5",
                          "-2.5E-3",
                          "1e-320",
                          "999999999999999999",
                          "9223372036854775807",
                          "-9223372036854775808",
                          "9223372036854775808",
                          "-9223372036854775809",
                          "-9223372036854775810",
                          "18446744073709551615",
                          "18446744073709551616",
                          "4294967296",
                          "2147483648",
                          "-2147483649"})
        QTest::newRow(n) << QByteArray(n);
}

void TstEventJson::convertsNumbersAsQtDoes()
{
    QFETCH(QByteArray, number);
    const QByteArray text = "{\"n\":" + number + '}';
    const QJsonValue qt = QJsonDocument::fromJson(text).object().value("n"_L1);
    QVERIFY(qt.isDouble());
    EventJson json;
    ondemand::object root;
    QVERIFY(json.parse(text, &root));
    QJsonValue ours;
    qint64 integer = 0;
    int small = 0;
    json.forEachMember(root,
                       [&](std::string_view, ondemand::value v) { ours = json.toJsonValue(v); });
    QVERIFY2(json.finish(), qPrintable(json.errorString()));
    QCOMPARE(ours, qt);
    QCOMPARE(ours.toInteger(-99), qt.toInteger(-99));
    // The decoders' readers agree with the whole-value conversion.
    QVERIFY(json.parse(text, &root));
    json.forEachMember(
        root, [&](std::string_view, ondemand::value v) { integer = json.toInteger(v, -99); });
    QCOMPARE(integer, qt.toInteger(-99));
    QVERIFY(json.parse(text, &root));
    json.forEachMember(root,
                       [&](std::string_view, ondemand::value v) { small = json.toInt(v, -99); });
    QCOMPARE(small, qt.toInt(-99));
}

void TstEventJson::decodesEscapes_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << R"("plain")"_ba << u"plain"_s;
    QTest::newRow("quote and backslash") << "\"a\\\"b\\\\c\""_ba << u"a\"b\\c"_s;
    QTest::newRow("controls") << R"("\b\f\n\r\t")"_ba << u"\b\f\n\r\t"_s;
    QTest::newRow("solidus") << R"("a\/b")"_ba << u"a/b"_s;
    QTest::newRow("bmp") << R"("caf\u00E9")"_ba << u"café"_s;
    QTest::newRow("surrogate pair") << R"("\ud83c\udf0d!")"_ba << u"🌍!"_s;
    QTest::newRow("high surrogate at the end of a token")
        << R"("ok \ud83c")"_ba << QString(u"ok "_s + QChar(0xD83C));
    QTest::newRow("low surrogate opening the next token")
        << R"("\udf0d\n")"_ba << QString(QString(QChar(0xDF0D)) + u"\n"_s);
    QTest::newRow("leading U+FEFF is text") << "\"\xEF\xBB\xBF"
                                               "a\\n\""_ba
                                            << u"\uFEFFa\n"_s;
    QTest::newRow("leading U+FEFF without escapes") << "\"\xEF\xBB\xBF"
                                                       "a\""_ba
                                                    << u"\uFEFFa"_s;
    QTest::newRow("utf-8 around escapes") << "\"Grüße\\n東京\""_ba << u"Grüße\n東京"_s;
}

void TstEventJson::decodesEscapes()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, text);
    EventJson json;
    ondemand::object root;
    QVERIFY(json.parse("{\"k\":" + literal + '}', &root));
    QString read;
    json.forEachMember(root, [&](std::string_view, ondemand::value v) { read = json.toString(v); });
    QVERIFY2(json.finish(), qPrintable(json.errorString()));
    QCOMPARE(read, text);
}

void TstEventJson::reusesTheParserForTheNextEvent()
{
    EventJson json;
    QCOMPARE(readWhole(json, R"({"a":[1,2,3],"b":"first"})"_ba),
             (QJsonObject{{"a", QJsonArray{1, 2, 3}}, {"b", "first"}}));
    QCOMPARE(readWhole(json, R"({"b":"second"})"_ba), (QJsonObject{{"b", "second"}}));
    QVERIFY(!json.failed());
    readWhole(json, "{"_ba);
    QVERIFY(json.failed());
    // A longer event than any before: the buffers grow.
    const QByteArray longText(100000, 'x');
    QCOMPARE(readWhole(json, "{\"t\":\"" + longText + "\"}"),
             (QJsonObject{{"t", QString::fromLatin1(longText)}}));
    QVERIFY(!json.failed());
}

QTEST_GUILESS_MAIN(TstEventJson)
#include "tst_event_json.moc"
