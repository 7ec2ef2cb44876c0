#pragma once

// Reads `PNG.items.json`, written by `ladder-studio --screenshot PNG` beside the picture: the
// shown items that have an objectName, with their box in window pixels, colour and text. Tests
// use it to check what the picture shows where.

#include <QColor>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QStringList>

struct ScreenshotItem {
    QString name;
    QRectF box; // in the image's pixels
    QString color;
    QString text;
};

// In the order of the item tree; empty when the file is missing or unreadable.
inline QList<ScreenshotItem> readScreenshotItems(const QString &png)
{
    QList<ScreenshotItem> items;
    QFile file(png + QStringLiteral(".items.json"));
    if (!file.open(QIODevice::ReadOnly))
        return items;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const double dpr = root.value(QStringLiteral("devicePixelRatio")).toDouble(1.0);
    for (const QJsonValue &v : root.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        items.append({name,
                      QRectF(o.value(QStringLiteral("x")).toDouble() * dpr,
                             o.value(QStringLiteral("y")).toDouble() * dpr,
                             o.value(QStringLiteral("width")).toDouble() * dpr,
                             o.value(QStringLiteral("height")).toDouble() * dpr),
                      o.value(QStringLiteral("color")).toString(),
                      o.value(QStringLiteral("text")).toString()});
    }
    return items;
}

// The items whose objectName starts with `prefix`.
inline QList<ScreenshotItem> screenshotItemsNamed(const QList<ScreenshotItem> &items,
                                                  const QString &prefix)
{
    QList<ScreenshotItem> out;
    for (const ScreenshotItem &item : items) {
        if (item.name.startsWith(prefix))
            out.append(item);
    }
    return out;
}

// The item's own colour shows in the picture at `at` (relative to its box, 0..1).
inline bool showsItsColour(const QImage &image, const ScreenshotItem &item, QPointF at)
{
    const QPoint p(int(item.box.x() + item.box.width() * at.x()),
                   int(item.box.y() + item.box.height() * at.y()));
    if (!image.rect().contains(p))
        return false;
    return QColor(image.pixel(p)).rgb() == QColor(item.color).rgb();
}
