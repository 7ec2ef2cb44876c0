#pragma once

// Incremental parser for `text/event-stream` (the WHATWG server-sent events format) as the three
// model APIs use it: LF, CRLF or CR line ends, `:` comments, multi-line data joined with "\n".
// Bytes may be fed split at any point (mid-line, mid-UTF-8 sequence, between CR and LF).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ladder {

struct SseEvent {
    QString event;   // the `event:` field, empty when the stream names none
    QByteArray data; // UTF-8 bytes of the `data:` lines joined with "\n" (complete lines only)
    QString id;      // the last `id:` seen (it persists across events, as the format says)

    QString dataText() const { return QString::fromUtf8(data); }
    bool operator==(const SseEvent &) const = default;
};

class SseParser
{
public:
    // A line, or the data of one event joined from many `data:` lines, longer than this stops
    // the parser (see overflowed()): a stream cannot make the client buffer without bound,
    // whether the bytes come in one read or in pieces.
    static constexpr qsizetype kDefaultMaxLineBytes = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxLineBytes = kDefaultMaxLineBytes);

    // Parses the next bytes of the stream and returns the events they complete, in order.
    QList<SseEvent> feed(QByteArrayView bytes);
    // Same, appending to `out` (no allocation of a new list per read).
    void feed(QByteArrayView bytes, QList<SseEvent> *out);
    // End of stream: an unterminated last line and an event without its blank line are
    // dispatched as if the stream had ended with "\n\n".
    QList<SseEvent> finish();

    bool overflowed() const { return m_overflowed; }
    // Whether a field line (data, event, id, ...; not a `:` comment, not a blank line) began
    // since the last call: what counts as life for an idle timeout.
    bool takeProgress();
    void reset();

private:
    void processLine(QByteArrayView line, QList<SseEvent> *out);
    void dispatch(QList<SseEvent> *out);
    void overflow();

    QByteArray m_line; // bytes of an incomplete line
    QByteArray m_data;
    QString m_event;
    QString m_lastId;
    qsizetype m_maxLineBytes;
    bool m_hasData = false;
    bool m_skipLf = false; // the previous feed ended with CR: a leading LF belongs to it
    bool m_overflowed = false;
    bool m_progress = false;
};

} // namespace ladder
