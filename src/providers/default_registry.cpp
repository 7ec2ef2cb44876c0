#include "default_registry.h"
