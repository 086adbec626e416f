/* attrib.h — who said each quote (DESIGN.md "attribution"): a sieve, most
 * precise rule first: quote + speech verb + name; name + verb + colon + quote;
 * inverted "said NAME, ROLE"; pronouns and role nouns resolved to the nearest
 * compatible entity; continuation and alternation; paragraph fallback. Scare
 * quotes, titles and nicknames get no speaker. Sets speaker, source and cue of
 * doc->quotes and the entities' nquotes. */
#ifndef QUOTH_ATTRIB_H
#define QUOTH_ATTRIB_H
#include "engine/doc.h"
#include "engine/segment.h"

void attrib_resolve(doc_t *doc);
/* The same, reading the paragraphs' segmentation from the cache that
 * entities_find_cached() recorded instead of segmenting again. */
void attrib_resolve_cached(doc_t *doc, seg_cache_t *cache);

#endif
