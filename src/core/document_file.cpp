#include "document_file.h"

#include <QFile>

#include <algorithm>

namespace ladder {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

std::optional<QByteArray> readDocumentFile(const QString &path, QString *error, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the file: %1").arg(file.errorString().toLower());
        return std::nullopt;
    }
    auto tooLarge = [&] {
        if (error)
            *error = QStringLiteral("the file is larger than %1, the limit for ladder and "
                                    "providers files")
                         .arg(sizeText(maxBytes));
        return std::nullopt;
    };
    // A regular file says its size up front; a device or a pipe only by being read.
    if (!file.isSequential() && file.size() > maxBytes)
        return tooLarge();
    QByteArray bytes;
    constexpr qint64 kChunk = 64 * 1024;
    for (;;) {
        const qint64 room = maxBytes + 1 - bytes.size();
        if (room <= 0)
            return tooLarge();
        const qsizetype before = bytes.size();
        bytes.resize(before + qsizetype(std::min(kChunk, room)));
        const qint64 got = file.read(bytes.data() + before, bytes.size() - before);
        if (got < 0) {
            if (error)
                *error =
                    QStringLiteral("cannot read the file: %1").arg(file.errorString().toLower());
            return std::nullopt;
        }
        bytes.resize(before + got);
        if (got == 0) // a file's read blocks until there are bytes or the end
            break;
    }
    if (bytes.size() > maxBytes)
        return tooLarge();
    return bytes;
}

} // namespace ladder
