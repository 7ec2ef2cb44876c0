// libFuzzer entry point: any bytes through the SSE parser. It must never crash, and feeding the
// same bytes in two pieces (split where the first input byte says) must give the same events
// as feeding them at once.

#include "providers/sse_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray stream =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    ladder::SseParser whole;
    QList<ladder::SseEvent> expected = whole.feed(stream);
    expected += whole.finish();

    const qsizetype split = stream.isEmpty() ? 0 : qsizetype(data[0]) % (stream.size() + 1);
    ladder::SseParser pieces;
    QList<ladder::SseEvent> events = pieces.feed(QByteArrayView(stream).first(split));
    events += pieces.feed(QByteArrayView(stream).sliced(split));
    events += pieces.finish();
    if (events != expected)
        std::abort(); // byte splits must not change the events
    return 0;
}
