/* quotes.c — stub until the engine lands. */
#include "config.h"
#include "engine/quotes.h"
