#include "bench_command.h"
