#include "validate_command.h"
