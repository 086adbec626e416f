/* analyze.c — the pipeline of DESIGN.md, in order. Each stage reads what the
 * stages before it wrote into the doc and adds its own layer. */
#include "config.h"
#include "engine/analyze.h"
#include "engine/attrib.h"
#include "engine/entities.h"
#include "engine/quotes.h"
#include "engine/segment.h"

doc_t *analyze(char *text, size_t len, const char *source_name)
{
    doc_t *doc = doc_new(text, (uint32_t)len, source_name); /* paragraphs, date */
    quotes_find(doc);           /* quote spans, nesting, multi-paragraph */
    seg_cache_t tokens = {0};   /* each paragraph tokenized once, for both stages */
    /* room for news text (a byte a token, a token every 5 bytes) reserved
     * whole, so that all of it is on huge pages, as in quotes_find */
    vec_reserve(&tokens.bytes, len / 4);
    entities_find_cached(doc, &tokens);   /* names, aliases, gender; mentions */
    attrib_resolve_cached(doc, &tokens);  /* speaker, source and cue of each quote */
    segment_cache_free(&tokens);
    return doc;
}
