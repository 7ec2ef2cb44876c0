#include "sse_parser.h"

#include <cstring>
#include <utility>

namespace ladder {

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{}

void SseParser::reset()
{
    *this = SseParser(m_maxLineBytes);
}

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    feed(bytes, &out);
    return out;
}

void SseParser::feed(QByteArrayView bytes, QList<SseEvent> *out)
{
    if (m_overflowed)
        return;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (m_skipLf && p < end) {
        if (*p == '\n')
            ++p;
        m_skipLf = false;
    }
    while (p < end) {
        // The next line end: memchr scans a typical 200-byte line far faster than a byte loop.
        const char *q = static_cast<const char *>(std::memchr(p, '\n', end - p));
        if (!q)
            q = end;
        if (const void *cr = std::memchr(p, '\r', q - p))
            q = static_cast<const char *>(cr);
        // The same limit whether a line comes in pieces or in one read.
        if (m_line.size() + (q - p) > m_maxLineBytes) {
            overflow();
            return;
        }
        if (q == end) {
            if (m_line.isEmpty() && p < end && *p != ':')
                m_progress = true;
            else if (!m_line.isEmpty() && m_line.front() != ':')
                m_progress = true;
            m_line.append(p, end - p);
            return;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p, q - p), out);
        } else {
            m_line.append(p, q - p);
            processLine(m_line, out);
            m_line.clear();
        }
        if (m_overflowed)
            return;
        if (*q == '\r') {
            if (q + 1 < end) {
                if (q[1] == '\n')
                    ++q;
            } else {
                m_skipLf = true;
            }
        }
        p = q + 1;
    }
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> out;
    if (!m_overflowed) {
        if (!m_line.isEmpty()) {
            const QByteArray line = std::exchange(m_line, {});
            processLine(line, &out);
        }
        dispatch(&out);
    }
    m_skipLf = false;
    return out;
}

void SseParser::overflow()
{
    m_overflowed = true;
    m_line.clear();
    m_data.clear();
    m_hasData = false;
}

bool SseParser::takeProgress()
{
    return std::exchange(m_progress, false);
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> *out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment (keep-alive): not progress
    m_progress = true;
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = line;
    QByteArrayView value;
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    if (field == "data") {
        // An event joined from many `data:` lines is held whole: the line limit holds for it too.
        if (m_data.size() + 1 + value.size() > m_maxLineBytes) {
            overflow();
            return;
        }
        if (m_hasData) {
            m_data.append('\n');
            m_data.append(value);
        } else {
            m_data = value.toByteArray(); // one exact allocation for the usual one-line event
        }
        m_hasData = true;
    } else if (field == "event") {
        m_event = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = QString::fromUtf8(value);
    }
    // `retry` and unknown fields are ignored.
}

void SseParser::dispatch(QList<SseEvent> *out)
{
    if (m_hasData)
        out->append(SseEvent{m_event, m_data, m_lastId});
    m_data.clear();
    m_event.clear();
    m_hasData = false;
}

} // namespace ladder
