#include "files.h"

#include "localfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace ladder {

Files::Files(QObject *parent)
    : QObject(parent)
{}

QString Files::dataFolder()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QLatin1Char('/') + QCoreApplication::applicationName();
    QDir().mkpath(dir);
    // AppDataLocation: <user data>/<organisation>/<application>, where earlier versions wrote.
    const QString old = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (old == dir || !QFileInfo(old).isDir())
        return dir;
    for (const char *name :
         {"autosave.json", "studio.sqlite", "studio.sqlite-wal", "studio.sqlite-shm"}) {
        const QString from = old + QLatin1Char('/') + QLatin1String(name);
        const QString to = dir + QLatin1Char('/') + QLatin1String(name);
        // A file already in the new folder is newer: the old one stays where it is.
        if (QFileInfo::exists(from) && !QFileInfo::exists(to) && !QFile::rename(from, to))
            qWarning("ladder-studio: could not move %s to %s", qPrintable(from), qPrintable(to));
    }
    QDir().rmdir(old); // only when empty
    return dir;
}

QString Files::toLocalFile(const QString &pathOrUrl) const
{
    return localFileOf(pathOrUrl);
}

QString Files::toUrl(const QString &path) const
{
    return QUrl::fromLocalFile(path).toString();
}

QString Files::fileName(const QString &path) const
{
    return QFileInfo(toLocalFile(path)).fileName();
}

QString Files::folderUrl(const QString &path) const
{
    const QString local = toLocalFile(path);
    const QString dir = local.isEmpty() ? QDir::homePath() : QFileInfo(local).absolutePath();
    return QUrl::fromLocalFile(dir).toString();
}

} // namespace ladder
