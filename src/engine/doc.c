/* doc.c — stub until the engine lands. */
#include "config.h"
#include "engine/doc.h"
void doc_free(doc_t *doc) { free(doc); }
