#include "simulated_provider.h"
