/* entities.h — named entities (DESIGN.md "entities"): people (titles, initials,
 * particles, hyphens, non-ASCII letters), organisations (suffix words, acronyms
 * defined in parentheses), places (gazetteer), dates. Aliases are clustered
 * into one entity ("Kallas" -> "Kaja Kallas"; "NATO" <-> "North Atlantic
 * Treaty Organization"); people get a gender from the first-name lexicon and
 * from the article's own pronouns. Fills doc->entities and doc->mentions
 * (NAME mentions only, sorted by start).
 *
 * Two passes: the first segments each paragraph once and keeps only the
 * capitalised runs and dates it finds (a few words each); the second clusters
 * them through hash tables, so time stays linear in the text. */
#ifndef QUOTH_ENTITIES_H
#define QUOTH_ENTITIES_H
#include "engine/doc.h"
#include "engine/segment.h"

void entities_find(doc_t *doc);
/* The same, recording each paragraph's segmentation into cache (when not
 * NULL) for attrib_resolve_cached() to replay. */
void entities_find_cached(doc_t *doc, seg_cache_t *cache);

/* The role noun that the words around a person's name give them, lower case
 * into buf. Before the name (!after): a title inside the capitalised run
 * ("Finance Minister" -> "minister", "Gen." -> "general"), a role noun just
 * before it ("head coach Lucía Ferrer" -> "coach"), "the union's president,
 * Beatriz Duarte" -> "president". After it: the head of an apposition
 * ("Maria Lopes, a nurse in Lisbon" -> "nurse"; "who chairs the committee" ->
 * "chair"). first..last are the name's tokens in seg. Returns buf, or NULL. */
const char *entities_role_near(const doc_t *doc, const segment_t *seg, size_t first,
                               size_t last, bool after, char *buf, size_t size);

/* Whether the role word at token i is qualified so that its bearer does not
 * hold the role itself: "deputy mayor", "vice chair", "former minister". */
bool entities_role_qualified(const doc_t *doc, const segment_t *seg, size_t i);

/* Whether the apposition after token last says the person uses they/them. */
bool entities_they_them(const doc_t *doc, const segment_t *seg, size_t last);

#endif
