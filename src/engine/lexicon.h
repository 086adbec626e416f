/* lexicon.h — the word lists in src/engine/lexicon/ (one .txt file each), compiled
 * in by embed.awk and looked up by hash. One entry a line; see SOURCES.md there for
 * where each list comes from and its licence. */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lexicon_blob { const char *name; const char *data; size_t len; };
extern const struct lexicon_blob lexicon_blobs[];   /* generated; ends with {0} */

/* A list's hash table. Its layout is here only for lexicon_tables[], which
 * is generated at build time (lexicon.c compiled with LEXICON_GEN prints
 * it); callers use the functions below. */
typedef struct lexicon {
    const char *blob;   /* the original text, to tell a TAB from a line end */
    const char *folded; /* the blob with keys in ASCII lower case, compared by
                         * lookups, values as they are, '\n' and '\t' turned
                         * into NULs; 8 NULs past the end, so a key's head
                         * loads in bounds */
    const uint32_t *slots; /* offset+1 of the key in folded; 0 is empty */
    size_t mask;        /* slots - 1, a power of two minus one */
    unsigned slot_shift; /* 64 - log2(number of slots) */
    unsigned filter_shift; /* 64 - log2(bits in filter) */
    uint64_t lengths;   /* bit n: some key has n bytes (n >= 63: bit 63) */
    const uint64_t *filter; /* bit per hash prefix of the keys, 16 bits a key */
} lexicon_t;
extern const lexicon_t lexicon_tables[];    /* generated: lexicon_blobs[i]'s table */

/* The list named name (the file's base name), loaded once; NULL if there is none. */
const lexicon_t *lexicon_get(const char *name);
/* Lookup of the n bytes at s, ignoring ASCII case (callers fold other letters). */
bool lexicon_has(const lexicon_t *lex, const char *s, size_t n);
/* For lists of "key<TAB>value" lines: the value of key (NUL-terminated, possibly
 * empty), or NULL when key is absent or has no TAB. */
const char *lexicon_value(const lexicon_t *lex, const char *s, size_t n);

/* For callers' own tables of words, with the lists' rule for case: a hash
 * of the n bytes at s that ignores ASCII case (every byte counts but for its
 * bit 5, which tells a letter's cases apart), and whether the n bytes at a
 * and b are equal ignoring it. Eight bytes at a time. */
uint32_t lexicon_fold_hash(const char *s, size_t n);
bool lexicon_fold_equal(const char *a, const char *b, size_t n);

/* Several lists asked about one word with one probe, for callers that ask
 * many lists about the same word: bit i of lexicon_lists() says whether the
 * n bytes at s (ASCII case ignored) are a key of the list names[i]. At most
 * 32 lists; NULL if there are more or one of them does not exist, and a NULL
 * group has no keys. Built once by the caller, and never freed: like the
 * lists, it never changes. */
typedef struct lexicon_group lexicon_group_t;
lexicon_group_t *lexicon_group_new(const char *const names[], size_t count);
uint32_t lexicon_lists(const lexicon_group_t *g, const char *s, size_t n);

#endif
