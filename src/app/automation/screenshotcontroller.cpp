#include "screenshotcontroller.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSaveFile>

namespace ladder {

namespace {
// Frames rendered with nobody holding the gate before the grab: the first frame can still lack
// text laid out asynchronously and items created by Loaders.
constexpr int kSettleFrames = 3;

bool shownOnScreen(const QQuickItem *item)
{
    for (const QQuickItem *i = item; i; i = i->parentItem()) {
        if (!i->isVisible() || i->opacity() <= 0)
            return false;
    }
    return item->width() > 0 && item->height() > 0;
}

// Every shown item with an objectName, depth first: its name, its box in window pixels, and its
// `color` and `text` when it has them.
void collectNamed(const QQuickItem *item, QJsonArray *out)
{
    if (!item->objectName().isEmpty() && shownOnScreen(item)) {
        const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        QJsonObject o{{QStringLiteral("name"), item->objectName()},
                      {QStringLiteral("x"), box.x()},
                      {QStringLiteral("y"), box.y()},
                      {QStringLiteral("width"), box.width()},
                      {QStringLiteral("height"), box.height()}};
        const QVariant color = item->property("color");
        if (color.metaType().id() == QMetaType::QColor)
            o.insert(QStringLiteral("color"), color.value<QColor>().name(QColor::HexArgb));
        const QVariant text = item->property("text");
        if (text.metaType().id() == QMetaType::QString)
            o.insert(QStringLiteral("text"), text.toString());
        out->append(o);
    }
    for (const QQuickItem *child : item->childItems())
        collectNamed(child, out);
}
} // namespace

ScreenshotController::ScreenshotController(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(3, tr("Timed out waiting for the view to become ready (held by: %1)")
                      .arg(holds().join(QStringLiteral(", "))));
    });
}

ScreenshotController *ScreenshotController::instance()
{
    static ScreenshotController *controller = new ScreenshotController(nullptr);
    return controller;
}

ScreenshotController *ScreenshotController::create(QQmlEngine *, QJSEngine *)
{
    ScreenshotController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

void ScreenshotController::setOutput(const QString &pngPath, int timeoutMs)
{
    m_path = pngPath;
    m_timeout.setInterval(timeoutMs);
}

void ScreenshotController::start(QQuickWindow *window)
{
    if (!isActive())
        return;
    if (!window) {
        finish(2, tr("No window to capture"));
        return;
    }
    m_window = window;
    connect(window, &QQuickWindow::frameSwapped, this, &ScreenshotController::onFrame,
            Qt::QueuedConnection);
    m_timeout.start();
    window->update();
}

void ScreenshotController::hold(const QString &reason)
{
    if (m_holds.contains(reason))
        return;
    m_holds.insert(reason);
    m_framesAfterReady = 0;
    emit holdsChanged();
}

void ScreenshotController::release(const QString &reason)
{
    if (!m_holds.remove(reason))
        return;
    emit holdsChanged();
    if (m_window)
        m_window->update();
}

void ScreenshotController::onFrame()
{
    if (m_done || !m_window)
        return;
    ++m_frames;
    if (m_holds.isEmpty())
        ++m_framesAfterReady;
    if (m_framesAfterReady < kSettleFrames) {
        m_window->update(); // keep frames coming even when nothing animates
        return;
    }
    const QImage image = m_window->grabWindow();
    if (image.isNull()) {
        finish(2, tr("Could not grab the window"));
        return;
    }
    const QFileInfo info(m_path);
    QDir().mkpath(info.absolutePath());
    if (!image.save(m_path, "PNG")) {
        finish(2, tr("Could not write %1").arg(m_path));
        return;
    }
    if (!writeItems(m_path + QStringLiteral(".items.json"), image.devicePixelRatio())) {
        finish(2, tr("Could not write %1").arg(m_path + QStringLiteral(".items.json")));
        return;
    }
    finish(0, {});
}

bool ScreenshotController::writeItems(const QString &path, qreal devicePixelRatio) const
{
    QJsonArray items;
    collectNamed(m_window->contentItem(), &items);
    const QJsonObject root{{QStringLiteral("devicePixelRatio"), devicePixelRatio},
                           {QStringLiteral("items"), items}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return file.commit();
}

void ScreenshotController::finish(int code, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_exitCode = code;
    m_error = error;
    emit finished(code);
}

} // namespace ladder
