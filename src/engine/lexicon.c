/* lexicon.c — the compiled-in word lists, each turned once into an
 * open-addressing hash table keyed by the ASCII-case-folded entry.
 * The tables are built on first use and never change afterwards: the cache
 * below is immutable shared data, not program state. */
#include "config.h"
#include "engine/lexicon.h"
#include "engine/xalloc.h"
#include <stdint.h>
#include <string.h>

struct lexicon {
    const char *blob;   /* the original text, to tell a TAB from a line end */
    char *store;        /* the blob with '\n' and '\t' turned into NULs */
    char *folded;       /* store with keys in ASCII lower case, compared by lookups */
    uint32_t *slots;    /* offset+1 of the key in store; 0 is empty */
    size_t mask;        /* slots - 1, a power of two minus one */
    uint64_t lengths;   /* bit n: some key has n bytes (n >= 63: bit 63) */
    uint8_t pairs[8192]; /* bit per folded (first, last) byte pair of the keys */
};

/* Most lookups miss; a key's length and its first and last bytes reject
 * nearly all misses without hashing. */
/* ASCII upper case to lower case, every other byte unchanged: a table, as
 * lookups fold every byte they hash and compare. */
#define F4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define F16(c) F4(c), F4((c) + 4), F4((c) + 8), F4((c) + 12)
#define F64(c) F16(c), F16((c) + 16), F16((c) + 32), F16((c) + 48)
static const unsigned char fold_tab[256] = {
    F64(0),
    '@', F16('a'), F4('q'), F4('u'), 'y', 'z', '[', '\\', ']', '^', '_',
    F16(96), F16(112), F64(128), F64(192),
};
#undef F4
#undef F16
#undef F64

static inline unsigned char fold(unsigned char c) { return fold_tab[c]; }

static inline size_t pair_bit(const char *s, size_t n)
{
    return (size_t)fold((unsigned char)s[0]) << 8 | fold((unsigned char)s[n - 1]);
}

static inline uint32_t hash_folded(const char *s, size_t n)
{
    uint32_t h = 2166136261u;   /* FNV-1a over folded bytes */
    for (size_t i = 0; i < n; i++)
        h = (h ^ fold((unsigned char)s[i])) * 16777619u;
    return h;
}

/* key is already folded (lex->folded). */
static inline bool same_folded(const char *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (key[i] != (char)fold((unsigned char)s[i]))
            return false;
    return key[n] == '\0';
}

static lexicon_t *lexicon_build(const struct lexicon_blob *b)
{
    lexicon_t *lex = xcalloc(1, sizeof *lex);
    lex->blob = b->data;
    lex->store = xmalloc(b->len + 1);
    memcpy(lex->store, b->data, b->len);
    lex->store[b->len] = '\0';
    lex->folded = xmalloc(b->len + 1);
    size_t lines = 0;
    for (size_t i = 0; i < b->len; i++)
        lines += b->data[i] == '\n';
    size_t cap = 16;
    while (cap < lines * 2 + 2)
        cap <<= 1;
    lex->slots = xcalloc(cap, sizeof *lex->slots);
    lex->mask = cap - 1;
    char *p = lex->store, *end = lex->store + b->len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = '\0';
        char *tab = strchr(p, '\t');
        if (tab)
            *tab = '\0';
        size_t klen = strlen(p);
        char *fk = lex->folded + (p - lex->store);
        for (size_t i = 0; i <= klen; i++)
            fk[i] = (char)fold((unsigned char)p[i]);
        if (klen > 0) {
            lex->lengths |= 1ull << (klen < 63 ? klen : 63);
            size_t bit = pair_bit(p, klen);
            lex->pairs[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            size_t h = hash_folded(p, klen) & lex->mask;
            while (lex->slots[h] && !same_folded(lex->folded + lex->slots[h] - 1, p, klen))
                h = (h + 1) & lex->mask;
            if (!lex->slots[h])     /* the first of two equal keys wins */
                lex->slots[h] = (uint32_t)(p - lex->store) + 1;
        }
        p = nl + 1;
    }
    return lex;
}

const lexicon_t *lexicon_get(const char *name)
{
    enum { MAX_LISTS = 64, MEMO = 64 };
    static lexicon_t *cache[MAX_LISTS];
    /* callers pass string literals, called per token: remember the answer by
     * the name's address, then checked by content (a caller's buffer may
     * have changed) */
    static struct { const char *name; size_t i; } memo[MEMO];
    size_t m = ((uintptr_t)name >> 3) % MEMO;
    if (memo[m].name == name && strcmp(lexicon_blobs[memo[m].i].name, name) == 0)
        return cache[memo[m].i];
    for (size_t i = 0; lexicon_blobs[i].name && i < MAX_LISTS; i++) {
        if (lexicon_blobs[i].name[0] != name[0] || strcmp(lexicon_blobs[i].name, name) != 0)
            continue;
        if (!cache[i])
            cache[i] = lexicon_build(&lexicon_blobs[i]);
        memo[m].name = name;
        memo[m].i = i;
        return cache[i];
    }
    return NULL;
}

static const char *lexicon_key(const lexicon_t *lex, const char *s, size_t n)
{
    if (!lex || n == 0 || !(lex->lengths & (1ull << (n < 63 ? n : 63))))
        return NULL;
    size_t bit = pair_bit(s, n);
    if (!(lex->pairs[bit >> 3] & (1u << (bit & 7))))
        return NULL;
    size_t h = hash_folded(s, n) & lex->mask;
    while (lex->slots[h]) {
        if (same_folded(lex->folded + lex->slots[h] - 1, s, n))
            return lex->store + lex->slots[h] - 1;
        h = (h + 1) & lex->mask;
    }
    return NULL;
}

bool lexicon_has(const lexicon_t *lex, const char *s, size_t n)
{
    return lexicon_key(lex, s, n) != NULL;
}

const char *lexicon_value(const lexicon_t *lex, const char *s, size_t n)
{
    const char *key = lexicon_key(lex, s, n);
    if (!key)
        return NULL;
    size_t end = (size_t)(key - lex->store) + strlen(key);
    /* A key without a TAB has no value: its NUL was the line end. */
    return lex->blob[end] == '\t' ? lex->store + end + 1 : NULL;
}
