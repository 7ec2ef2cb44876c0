#include "resources.h"

#include <QDir>
#include <QFile>

namespace ladder {

QStringList exampleLadderNames()
{
    QStringList names;
    const auto entries = QDir(QStringLiteral(":/ladder/ladders"))
                             .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : entries)
        names.append(file.chopped(5));
    return names;
}

QString exampleLadderResourcePath(const QString &name)
{
    return QStringLiteral(":/ladder/ladders/%1.json").arg(name);
}

QByteArray readResource(const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace ladder
