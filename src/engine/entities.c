/* entities.c — stub until the engine lands. */
#include "config.h"
#include "engine/entities.h"
void entities_find(doc_t *doc) { (void)doc; }
