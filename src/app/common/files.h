#pragma once

// Files and folders as QML and the areas see them: file URLs from dialogs, paths from the command
// line, and the studio's data folder. Every area may use it (`common`).

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ladder {

class Files : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Files(QObject *parent = nullptr);

    // The studio's data folder (autosave, studio.sqlite, serve state): <user data>/ladder-studio,
    // named by the application alone. Files left in the folder of earlier versions,
    // <user data>/LadderStudio/ladder-studio, move here the first time it is asked for.
    static QString dataFolder();

    Q_INVOKABLE QString toLocalFile(const QString &pathOrUrl) const; // "file:///x" or "/x" -> "/x"
    Q_INVOKABLE QString toUrl(const QString &path) const;
    Q_INVOKABLE QString fileName(const QString &path) const;
    // The folder of `path` as a URL (home when `path` is empty): where a file dialog starts.
    Q_INVOKABLE QString folderUrl(const QString &path) const;
};

} // namespace ladder
