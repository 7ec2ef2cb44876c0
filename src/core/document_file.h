#pragma once

// The one way ladder and providers files are read: at most kMaxDocumentBytes, in chunks, so an
// endless device (`/dev/zero`, a FIFO) or a huge file fails fast with a clear error instead of
// being read until the allocator gives up.

#include <QByteArray>
#include <QString>

#include <optional>

namespace ladder {

// 16 MiB: far above any real ladder (a 2,000-tier ladder is about 2 MB) or providers file.
inline constexpr qint64 kMaxDocumentBytes = 16 * 1024 * 1024;

// The whole file, or nullopt with *error set ("cannot read the file: ..." or "the file is larger
// than 16 MiB, the limit for ladder and providers files"). Never reads more than maxBytes + 1.
std::optional<QByteArray> readDocumentFile(const QString &path, QString *error,
                                           qint64 maxBytes = kMaxDocumentBytes);

} // namespace ladder
