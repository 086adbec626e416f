/* anchor.h — re-attaching a note's selectors to a text that may have changed.
 *
 * Pure: no SQLite, no I/O, no global state. Texts are UTF-8; every offset in
 * and out is a BYTE offset, end exclusive. The search goes
 *   1. exact: every occurrence of the exact text, scored by how well the text
 *      around it matches the stored prefix/suffix (plus nearness to the old
 *      position as a tie-break); the best wins if its context fits (the
 *      64 KB around the old position are searched first: an intact context
 *      there settles it without scanning the whole text);
 *   2. fuzzy: an approximate match (edit distance, free start) of the exact
 *      text inside bounded windows around the old position and around the
 *      places where the prefix's tail or the suffix's head still occur; it
 *      wins only if both the passage AND its context are similar enough;
 *   3. orphan: nothing is returned; the caller keeps the note as it was.
 * A look-alike passage whose context does not match is never accepted.
 * Work is bounded: at most ANCHOR_MAX_EXACT occurrences are scored and the
 * fuzzy pass runs on windows of a few times the passage's length. */
#ifndef QUOTH_ANCHOR_H
#define QUOTH_ANCHOR_H
#include <stddef.h>
#include <stdint.h>

#define ANCHOR_CONTEXT 32        /* code points of prefix and suffix kept */
#define ANCHOR_MAX_EXACT 1024    /* occurrences of the exact text scored */
#define ANCHOR_MAX_FUZZY_CP 4096 /* longer passages re-attach only exactly */

typedef struct {
    const char *exact;           /* the passage; must not be empty */
    const char *prefix;          /* what stood before it; NULL when unknown */
    const char *suffix;          /* what stood after it; NULL when unknown */
    size_t hint;                 /* the old start as a byte offset in the new text */
} anchor_sel_t;

typedef enum { ANCHOR_ORPHAN, ANCHOR_EXACT, ANCHOR_FUZZY } anchor_kind_t;

typedef struct {
    anchor_kind_t kind;
    size_t start, end;           /* bytes in the new text; 0,0 for an orphan */
    double text_sim;             /* 0..1: passage similarity (1 for exact) */
    double ctx_sim;              /* 0..1: prefix/suffix similarity */
} anchor_match_t;

anchor_match_t anchor_find(const char *text, size_t len, const anchor_sel_t *sel);

/* Code point helpers on valid UTF-8 (also safe on invalid: never read past). */
size_t anchor_cp_count(const char *s, size_t n);
/* Byte offset k code points before / after pos (clamped at 0 / len). */
size_t anchor_back(const char *text, size_t pos, size_t k);
size_t anchor_fwd(const char *text, size_t len, size_t pos, size_t k);

/* Similarity of two UTF-8 strings by code point edit distance:
 * 1 - distance / max(length); 1 when both are empty. */
double anchor_similarity(const char *a, size_t alen, const char *b, size_t blen);

#endif
