/* quotes.c — stub until the engine lands. */
#include "config.h"
#include "engine/quotes.h"
void quotes_find(doc_t *doc) { (void)doc; }
