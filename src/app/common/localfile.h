#pragma once

// QML hands over file dialog choices as URLs ("file:///x"), the command line and tests as paths.

#include <QString>
#include <QUrl>

namespace ladder {

// "file:///x" or "/x" -> "/x".
inline QString localFileOf(const QString &pathOrUrl)
{
    return pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl;
}

} // namespace ladder
