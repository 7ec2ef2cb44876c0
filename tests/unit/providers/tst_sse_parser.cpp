// The SSE parser: field rules, line ends, and the same events whatever the byte splits.

#include "providers/sse_parser.h"

#include <QTest>

using namespace ladder;

Q_DECLARE_METATYPE(ladder::SseEvent)

namespace {

QList<SseEvent> parseWhole(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events = parser.feed(stream);
    events += parser.finish();
    return events;
}

SseEvent ev(const QByteArray &data, const QString &event = {}, const QString &id = {})
{
    return {event, data, id};
}

const QByteArray kAnthropicSample =
    "event: message_start\r\n"
    "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\"}}\r\n\r\n"
    ": comment\r\n"
    "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n"
    "event: content_block_delta\r\n"
    "data: {\"delta\":{\"text\":\"Grüße 🌍 — 東京\"}}\r\n\r\n"
    "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n";

const QByteArray kMixedSample = "id: 7\ndata: first\ndata: second\n\n"
                                ":keep-alive\n\n"
                                "data:no-space\r\rdata: é\xF0\x9F\x8C\xA7\n\n"
                                "event: done\ndata: [DONE]\n\n";

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesFieldsAndLineEnds_data();
    void parsesFieldsAndLineEnds();
    void givesSameEventsAtEverySplitPoint_data();
    void givesSameEventsAtEverySplitPoint();
    void givesSameEventsFedByteByByte_data();
    void givesSameEventsFedByteByByte();
    void joinsCrLfSplitAcrossFeedsAsOneLineEnd();
    void stopsOnOverlongLine();
    void stopsOnOverlongLineOrEventHoweverItArrives_data();
    void stopsOnOverlongLineOrEventHoweverItArrives();
    void commentsAndBlankLinesAreNoProgress_data();
    void commentsAndBlankLinesAreNoProgress();
};

void TestSseParser::parsesFieldsAndLineEnds_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");

    QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n")
                        << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                          << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("cr_only") << QByteArray("data: a\r\rdata: b\r\r")
                             << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("comment_lines_skipped")
        << QByteArray(": hello\ndata: a\n: mid\n\n:\n\n") << QList<SseEvent>{ev("a")};
    QTest::newRow("multi_line_data_joined")
        << QByteArray("data: one\ndata:two\ndata: \n\n") << QList<SseEvent>{ev("one\ntwo\n")};
    QTest::newRow("event_name_and_id") << QByteArray("event: message_start\nid: 42\ndata: {}\n\n")
                                       << QList<SseEvent>{ev("{}", "message_start", "42")};
    QTest::newRow("id_persists_event_resets")
        << QByteArray("event: x\nid: 1\ndata: a\n\ndata: b\n\n")
        << QList<SseEvent>{ev("a", "x", "1"), ev("b", {}, "1")};
    QTest::newRow("only_first_space_stripped")
        << QByteArray("data:  two spaces\n\n") << QList<SseEvent>{ev(" two spaces")};
    QTest::newRow("field_without_colon_is_empty_data")
        << QByteArray("data\n\n") << QList<SseEvent>{ev("")};
    QTest::newRow("event_without_data_not_dispatched")
        << QByteArray("event: ping\n\ndata: a\n\n") << QList<SseEvent>{ev("a")};
    QTest::newRow("unknown_fields_and_retry_ignored")
        << QByteArray("retry: 100\nfoo: bar\ndata: a\n\n") << QList<SseEvent>{ev("a")};
    QTest::newRow("stream_ends_without_blank_line")
        << QByteArray("data: a\n\ndata: {\"last\":true}")
        << QList<SseEvent>{ev("a"), ev("{\"last\":true}")};
    QTest::newRow("utf8_kept_whole")
        << QByteArray("data: Grüße 🌍\n\n") << QList<SseEvent>{ev("Grüße 🌍")};
}

void TestSseParser::parsesFieldsAndLineEnds()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    QCOMPARE(parseWhole(stream), expected);
}

void TestSseParser::givesSameEventsAtEverySplitPoint_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("anthropic_crlf_utf8") << kAnthropicSample;
    QTest::newRow("mixed_line_ends") << kMixedSample;
}

void TestSseParser::givesSameEventsAtEverySplitPoint()
{
    QFETCH(QByteArray, stream);
    const QList<SseEvent> whole = parseWhole(stream);
    QVERIFY(whole.size() >= 4);
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        for (qsizetype j = i; j <= stream.size(); j += 5) {
            SseParser parser;
            QList<SseEvent> events = parser.feed(stream.left(i));
            events += parser.feed(stream.mid(i, j - i));
            events += parser.feed(stream.mid(j));
            events += parser.finish();
            if (events != whole)
                QFAIL(qPrintable(QStringLiteral("split at %1 and %2 differs").arg(i).arg(j)));
        }
    }
}

void TestSseParser::givesSameEventsFedByteByByte_data()
{
    givesSameEventsAtEverySplitPoint_data();
}

void TestSseParser::givesSameEventsFedByteByByte()
{
    QFETCH(QByteArray, stream);
    SseParser parser;
    QList<SseEvent> events;
    for (char c : stream)
        parser.feed(QByteArrayView(&c, 1), &events);
    events += parser.finish();
    QCOMPARE(events, parseWhole(stream));
}

void TestSseParser::joinsCrLfSplitAcrossFeedsAsOneLineEnd()
{
    SseParser parser;
    QVERIFY(parser.feed("data: a\r").isEmpty());
    // The LF completes the CR line end; only the next CRLF is the blank line.
    QVERIFY(parser.feed("\n").isEmpty());
    QCOMPARE(parser.feed("\r\n"), QList<SseEvent>{ev("a")});
}

void TestSseParser::stopsOnOverlongLine()
{
    SseParser parser(64);
    QVERIFY(parser.feed("data: " + QByteArray(100, 'x')).isEmpty());
    QVERIFY(parser.overflowed());
    QVERIFY(parser.feed("\n\ndata: b\n\n").isEmpty());
    QVERIFY(parser.finish().isEmpty());
}

// The limit holds for a line that arrives in pieces, for one that arrives in a single read, and
// for an event joined from many short `data:` lines.
void TestSseParser::stopsOnOverlongLineOrEventHoweverItArrives_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("pieceSize"); // 0: the whole stream in one read
    QTest::addColumn<bool>("overflows");
    const QByteArray longLine = "data: " + QByteArray(100, 'x') + "\n\n";
    QByteArray manyLines;
    for (int i = 0; i < 20; ++i)
        manyLines += "data: 0123456789\n";
    manyLines += "\n";
    QTest::newRow("long line in one read") << longLine << 0 << true;
    QTest::newRow("long line in pieces") << longLine << 7 << true;
    QTest::newRow("long line with CRLF in one read")
        << QByteArray(longLine).replace("\n", "\r\n") << 0 << true;
    QTest::newRow("event joined from many data lines") << manyLines << 0 << true;
    QTest::newRow("event joined from many data lines, in pieces") << manyLines << 5 << true;
    QTest::newRow("many short events")
        << QByteArray("data: 0123456789\n\n").repeated(20) << 0 << false;
}

void TestSseParser::stopsOnOverlongLineOrEventHoweverItArrives()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, pieceSize);
    QFETCH(bool, overflows);
    SseParser parser(64);
    QList<SseEvent> events;
    if (pieceSize == 0) {
        parser.feed(stream, &events);
    } else {
        for (qsizetype i = 0; i < stream.size(); i += pieceSize)
            parser.feed(stream.mid(i, pieceSize), &events);
    }
    events += parser.finish();
    QCOMPARE(parser.overflowed(), overflows);
    if (overflows)
        QVERIFY(events.isEmpty());
    else
        QCOMPARE(events.size(), 20);
}

// What an idle timeout counts as life: fields, not keep-alive comments or blank lines.
void TestSseParser::commentsAndBlankLinesAreNoProgress_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("progress");
    QTest::newRow("ping comment") << QByteArray(": ping\n\n") << false;
    QTest::newRow("many pings") << QByteArray(": ping\r\n").repeated(50) << false;
    QTest::newRow("a comment in pieces") << QByteArray(": keep-") << false;
    QTest::newRow("blank lines") << QByteArray("\n\n\n") << false;
    QTest::newRow("data") << QByteArray("data: {}\n\n") << true;
    QTest::newRow("a data line in pieces") << QByteArray("data: {\"ch") << true;
    QTest::newRow("event name") << QByteArray("event: ping\n") << true;
}

void TestSseParser::commentsAndBlankLinesAreNoProgress()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, progress);
    SseParser parser;
    parser.feed(bytes);
    QCOMPARE(parser.takeProgress(), progress);
    QVERIFY(!parser.takeProgress()); // taken
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sse_parser.moc"
