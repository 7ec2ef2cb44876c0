#include "audit_store.h"
