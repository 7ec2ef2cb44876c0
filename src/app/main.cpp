// ladder-studio: the desktop workbench. Everything lives in the ladder_app library.
#include "shell/appcontroller.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(LadderStudioPlugin)

int main(int argc, char **argv)
{
    return ladder::runLadderStudio(argc, argv);
}
