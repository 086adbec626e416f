/* attrib.c — stub until the engine lands. */
#include "config.h"
#include "engine/attrib.h"
void attrib_resolve(doc_t *doc) { (void)doc; }
