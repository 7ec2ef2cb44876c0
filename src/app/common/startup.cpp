#include "startup.h"

#include <QJSEngine>

namespace ladder {

Startup::Startup(QObject *parent)
    : QObject(parent)
{}

Startup *Startup::instance()
{
    static Startup *startup = new Startup(nullptr);
    return startup;
}

Startup *Startup::create(QQmlEngine *, QJSEngine *)
{
    Startup *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

} // namespace ladder
