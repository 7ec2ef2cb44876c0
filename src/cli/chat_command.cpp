#include "chat_command.h"
