#include "fault_schedule.h"
