/* doc.c — stub until the engine lands. */
#include "config.h"
#include "engine/doc.h"
void doc_free(doc_t *doc) { free(doc->text); free(doc->source_name); free(doc); }
#include "engine/xalloc.h"
doc_t *doc_new(char *text, uint32_t len, const char *source_name)
{
    doc_t *doc = xcalloc(1, sizeof *doc);
    doc->text = text; doc->len = len; doc->source_name = xstrdup(source_name);
    return doc;
}
