/* entities.h — named entities (DESIGN.md "entities"): people (titles, initials,
 * particles, hyphens, non-ASCII letters), organisations (suffix words, acronyms
 * defined in parentheses), places (gazetteer), dates. Aliases are clustered
 * into one entity ("Kallas" -> "Kaja Kallas"; "NATO" <-> "North Atlantic
 * Treaty Organization"); people get a gender from the first-name lexicon and
 * from the article's own pronouns. Fills doc->entities and doc->mentions. */
#ifndef QUOTH_ENTITIES_H
#define QUOTH_ENTITIES_H
#include "engine/doc.h"
#include "engine/segment.h"

void entities_find(doc_t *doc);

#endif
