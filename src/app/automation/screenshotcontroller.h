#pragma once

// `--screenshot PNG`: waits until the window has rendered a few complete frames and nobody holds
// the "ready" gate, grabs the window, saves the PNG and quits. Views that need to finish work
// first (a later `--script FILE` that waits for chat turns) call hold("reason") and
// release("reason"). Beside the PNG, `PNG.items.json` lists the shown items that have an
// objectName (name, box in window pixels, colour and text), so tests can check what the picture
// shows where.

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQuickWindow;
class QQmlEngine;
class QJSEngine;

namespace ladder {

class ScreenshotController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ isActive CONSTANT)
    Q_PROPERTY(QStringList holds READ holds NOTIFY holdsChanged)

public:
    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit ScreenshotController(QObject *parent);

    static ScreenshotController *instance();
    static ScreenshotController *create(QQmlEngine *, QJSEngine *);

    // Configures the output before the QML loads; active from then on.
    void setOutput(const QString &pngPath, int timeoutMs = 60000);
    bool isActive() const { return !m_path.isEmpty(); }
    QStringList holds() const { return QStringList(m_holds.cbegin(), m_holds.cend()); }

    // Starts counting frames of `window`; emits finished() once the PNG is written or failed.
    void start(QQuickWindow *window);

    Q_INVOKABLE void hold(const QString &reason);
    Q_INVOKABLE void release(const QString &reason);

    int exitCode() const { return m_exitCode; }
    QString errorString() const { return m_error; }

signals:
    void holdsChanged();
    void finished(int exitCode);

private:
    void onFrame();
    void finish(int code, const QString &error);
    bool writeItems(const QString &path, qreal devicePixelRatio) const;

    QPointer<QQuickWindow> m_window;
    QString m_path;
    QSet<QString> m_holds;
    QTimer m_timeout;
    int m_frames = 0;
    int m_framesAfterReady = 0;
    int m_exitCode = -1;
    QString m_error;
    bool m_done = false;
};

} // namespace ladder
