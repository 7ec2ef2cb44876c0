// ladder-studio: the desktop workbench. Everything lives in the area libraries (ladder_app, which
// also imports their static QML plugins).
#include "shell/appcontroller.h"

int main(int argc, char **argv)
{
    return ladder::runLadderStudio(argc, argv);
}
