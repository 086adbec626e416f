/* lexicon.c — the compiled-in word lists, each an open-addressing hash table
 * keyed by the ASCII-case-folded entry. The lists' tables are built at build
 * time: this file, compiled with LEXICON_GEN, is the program that builds them
 * with the code below and prints them as C (lexicon_tables.c), so start-up
 * costs nothing; a group of lists is built on first use and never changes
 * afterwards. */
#include "config.h"
#include "engine/lexicon.h"
#include "engine/xalloc.h"
#include <stdint.h>
#include <string.h>

/* Most lookups miss: the key's length, then one bit of a filter indexed by
 * the hash, reject nearly all misses, touching a few small arrays; the table
 * and the keys, which are larger, only for a hit. */

#define ONES 0x0101010101010101ull
#define HIGHS (ONES * 0x80)

/* Little-endian loads whatever the machine: byte i of s in bits 8i..8i+7
 * (one load each on x86). */
static inline uint64_t load4(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24;
}

static inline uint64_t load8(const char *s)
{
    return load4(s) | load4(s + 4) << 32;
}

/* ASCII upper case to lower case in each byte of w, every other byte
 * unchanged. Bytes are cut to seven bits first so the sums cannot carry;
 * x is in [A, Z] when x + (0x80 - 'A') has its top bit and x + (0x7F - 'Z')
 * has not. */
static inline uint64_t fold8(uint64_t w)
{
    uint64_t x = w & ~HIGHS;
    uint64_t upper = (x + ONES * (0x80 - 'A')) & ~(x + ONES * (0x7F - 'Z')) & ~w & HIGHS;
    return w | upper >> 2;
}

static inline char fold(char c) { return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c; }

/* The hash of the n bytes at s (n > 0), from the first and last four (or the
 * first, middle and last byte) and n; lookups use the top bits. Setting bit 5
 * of every byte maps the two cases of a letter together, and a few other
 * bytes too, which only costs a rare false match that the comparison
 * dismisses. */
static inline uint64_t hash_key(const char *s, size_t n)
{
    uint64_t w = n >= 4 ? load4(s) | load4(s + n - 4) << 32
                        : (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                              (uint64_t)(unsigned char)s[n - 1] << 16;
    return ((w | ONES * 0x20) ^ n) * 0x9E3779B97F4A7C15ull;
}

/* The first min(n, 8) bytes of s (n > 0), zero-filled: overlapping loads
 * that stay within the n bytes. */
static inline uint64_t load_head(const char *s, size_t n)
{
    if (n >= 8)
        return load8(s);
    if (n >= 4)
        return load4(s) | load4(s + n - 4) << 8 * (n - 4);
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 * (n / 2) |
           (uint64_t)(unsigned char)s[n - 1] << 8 * (n - 1);
}

/* The same, folded. */
static inline uint64_t head8(const char *s, size_t n)
{
    return fold8(load_head(s, n));
}

/* Whether key (folded, NUL-terminated, in lex->folded) is the n bytes at s,
 * whose head8() is head (a probe computes it once for all the keys it
 * meets). Eight bytes are compared at once: the key's are already folded
 * and loaded whole, as the padding keeps them in bounds, then cut to n; the
 * head of a shorter key reads into its value, the next key or the padding,
 * and its NUL then differs from s or stops the loop. */
static inline bool same_key(const char *key, uint64_t head, const char *s, size_t n)
{
    if ((load8(key) & (n >= 8 ? ~0ull : (1ull << 8 * n) - 1)) != head)
        return false;
    for (size_t i = 8; i < n; i++)
        if (key[i] != fold(s[i]) || key[i] == '\0')
            return false;
    return key[n] == '\0';
}

uint32_t lexicon_fold_hash(const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = n;
    size_t i = 0;
    /* Setting bit 5 of every byte, as hash_key() does, maps the two cases
     * of a letter together for less than fold8() costs */
    for (; i + 8 < n; i += 8)
        h = (h ^ (load8(s + i) | ONES * 0x20)) * k;
    if (n > 0)
        h = (h ^ (load_head(s + i, n - i) | ONES * 0x20)) * k;   /* the last one to eight bytes */
    /* the low bits, which callers' tables use, from all of the product */
    h ^= h >> 32;
    h *= k;
    return (uint32_t)(h >> 32);
}

bool lexicon_fold_equal(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 < n; i += 8)
        if (fold8(load8(a + i)) != fold8(load8(b + i)))
            return false;
    return n == 0 || head8(a + i, n - i) == head8(b + i, n - i);
}

/* log2 of the least power of two >= n (n >= 1). */
static unsigned log2_ceil(size_t n)
{
    unsigned k = 0;
    while ((size_t)1 << k < n)
        k++;
    return k;
}

/* Fills lex with the keys of the count lists b, in that order (the first of
 * two equal keys wins). With bits (a group), bits[slot] gets bit i for a key
 * of b[i]. In folded, each list is followed by a NUL of its own, so one
 * without a final '\n' does not run into the next, and a single list keeps
 * its blob's offsets. */
static void lexicon_fill(lexicon_t *lex, const struct lexicon_blob *const b[], size_t count,
                         uint32_t **bits)
{
    size_t len = 0, lines = 0;
    for (size_t l = 0; l < count; l++) {
        len += b[l]->len + 1;
        for (const char *q = b[l]->data, *e = q + b[l]->len; (q = memchr(q, '\n', (size_t)(e - q))); q++)
            lines++;
        lines++;    /* a last line without its '\n' */
    }
    char *folded = xcalloc(len + 8, 1);
    unsigned slot_bits = log2_ceil(lines * 2 + 2), filter_bits = log2_ceil(lines * 16 + 64);
    uint32_t *slots = xcalloc((size_t)1 << slot_bits, sizeof *slots);
    uint64_t *filter = xcalloc((size_t)1 << (filter_bits - 6), sizeof *filter);
    lex->folded = folded;
    lex->slots = slots;
    lex->filter = filter;
    lex->mask = ((size_t)1 << slot_bits) - 1;
    lex->slot_shift = 64 - slot_bits;
    lex->filter_shift = 64 - filter_bits;
    if (bits)
        *bits = xcalloc((size_t)1 << slot_bits, sizeof **bits);
    for (size_t l = 0, o = 0; l < count; o += b[l]->len + 1, l++) {
        const char *p = b[l]->data, *end = p + b[l]->len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                nl = end;
            const char *tab = memchr(p, '\t', (size_t)(nl - p));
            size_t klen = (size_t)((tab ? tab : nl) - p), at = o + (size_t)(p - b[l]->data);
            char *fk = folded + at;
            for (size_t i = 0; i < klen; i++)
                fk[i] = fold(p[i]);
            if (tab)
                memcpy(fk + klen + 1, tab + 1, (size_t)(nl - tab - 1));
            if (klen > 0) {
                lex->lengths |= 1ull << (klen < 63 ? klen : 63);
                uint64_t h = hash_key(p, klen);
                filter[h >> lex->filter_shift >> 6] |= 1ull << (h >> lex->filter_shift & 63);
                size_t i = (size_t)(h >> lex->slot_shift);
                uint64_t head = head8(p, klen < 8 ? klen : 8);
                while (slots[i] && !same_key(folded + slots[i] - 1, head, p, klen))
                    i = (i + 1) & lex->mask;
                if (!slots[i])          /* the first of two equal keys wins */
                    slots[i] = (uint32_t)at + 1;
                if (bits)
                    (*bits)[i] |= (uint32_t)1 << l;
            }
            p = nl + 1;
        }
    }
}

#ifndef LEXICON_GEN    /* the generator has no tables yet */
const lexicon_t *lexicon_get(const char *name)
{
    enum { MEMO = 64 };
    /* callers pass string literals, called per token: remember the answer by
     * the name's address, then checked by content (a caller's buffer may
     * have changed) */
    static struct { const char *name; size_t i; } memo[MEMO];
    size_t m = ((uintptr_t)name >> 3) % MEMO;
    if (memo[m].name == name && strcmp(lexicon_blobs[memo[m].i].name, name) == 0)
        return &lexicon_tables[memo[m].i];
    for (size_t i = 0; lexicon_blobs[i].name; i++) {
        if (lexicon_blobs[i].name[0] != name[0] || strcmp(lexicon_blobs[i].name, name) != 0)
            continue;
        memo[m].name = name;
        memo[m].i = i;
        return &lexicon_tables[i];
    }
    return NULL;
}

#endif

/* lexicon_slot's probe of the table for the key with hash h. Out of line,
 * so that the rejections before it, most lookups, are inlined in each
 * lookup function and save no registers. */
__attribute__((noinline)) static size_t probe(const lexicon_t *lex, uint64_t h, const char *s,
                                              size_t n)
{
    uint64_t head = head8(s, n < 8 ? n : 8);
    for (size_t i = (size_t)(h >> lex->slot_shift); lex->slots[i]; i = (i + 1) & lex->mask) {
        if (same_key(lex->folded + lex->slots[i] - 1, head, s, n))
            return i;
    }
    return SIZE_MAX;
}

/* The slot of the key that is the n bytes at s, or SIZE_MAX. */
static inline size_t lexicon_slot(const lexicon_t *lex, const char *s, size_t n)
{
    /* bit 0 of lengths is never set: an empty s is rejected with the rest */
    if (!lex || !(lex->lengths & (1ull << (n < 63 ? n : 63))))
        return SIZE_MAX;
    uint64_t h = hash_key(s, n);
    if (!(lex->filter[h >> lex->filter_shift >> 6] >> (h >> lex->filter_shift & 63) & 1))
        return SIZE_MAX;
    return probe(lex, h, s, n);
}

static const char *lexicon_key(const lexicon_t *lex, const char *s, size_t n)
{
    size_t i = lexicon_slot(lex, s, n);
    return i == SIZE_MAX ? NULL : lex->folded + lex->slots[i] - 1;
}

bool lexicon_has(const lexicon_t *lex, const char *s, size_t n)
{
    return lexicon_slot(lex, s, n) != SIZE_MAX;
}

const char *lexicon_value(const lexicon_t *lex, const char *s, size_t n)
{
    const char *key = lexicon_key(lex, s, n);
    if (!key)
        return NULL;
    size_t end = (size_t)(key - lex->folded) + n;     /* key[n] is its NUL (same_key) */
    /* A key without a TAB has no value: its NUL was the line end. */
    return lex->blob[end] == '\t' ? lex->folded + end + 1 : NULL;
}

struct lexicon_group {
    lexicon_t table;    /* every key of the lists; no values */
    uint32_t *bits;     /* per slot: bit i when the key is in list i */
};

lexicon_group_t *lexicon_group_new(const char *const names[], size_t count)
{
    const struct lexicon_blob *b[32];
    if (count > 32)
        return NULL;
    for (size_t l = 0; l < count; l++) {
        size_t i = 0;
        while (lexicon_blobs[i].name && strcmp(lexicon_blobs[i].name, names[l]) != 0)
            i++;
        if (!lexicon_blobs[i].name)
            return NULL;
        b[l] = &lexicon_blobs[i];
    }
    lexicon_group_t *g = xcalloc(1, sizeof *g);
    lexicon_fill(&g->table, b, count, &g->bits);
    return g;
}

uint32_t lexicon_lists(const lexicon_group_t *g, const char *s, size_t n)
{
    if (!g)
        return 0;
    size_t i = lexicon_slot(&g->table, s, n);
    return i == SIZE_MAX ? 0 : g->bits[i];
}

#ifdef LEXICON_GEN
/* ---- the generator of lexicon_tables[] ------------------------------------ */

#include <inttypes.h>
#include <stdio.h>

/* n bytes as the body of a C string literal, in lines; every byte but plain
 * ASCII as a three-digit octal escape (so no digit can extend it, and '?'
 * starts no trigraph, as -std=c11 has them). */
static void print_literal(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i % 64 == 0)
            fputs(i ? "\"\n    \"" : "    \"", stdout);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?')
            putchar(c);
        else
            printf("\\%03o", c);
    }
    fputs(n ? "\"" : "    \"\"", stdout);
}

/* Prints the tables lexicon_fill builds from each list, as C, to stdout. */
int main(void)
{
    static lexicon_t tables[64];     /* kept reachable, for leak checkers */
    puts("/* Generated by lexicon_gen (lexicon.c): the lists' hash tables. */");
    puts("#include \"engine/lexicon.h\"");
    size_t count = 0;
    for (; lexicon_blobs[count].name; count++) {
        if (count == sizeof tables / sizeof *tables) {
            fputs("lexicon_gen: too many lists\n", stderr);
            return 1;
        }
        const struct lexicon_blob *b = &lexicon_blobs[count];
        lexicon_t *lex = &tables[count];
        lex->blob = b->data;
        lexicon_fill(lex, &b, 1, NULL);
        printf("\nextern const char lexicon_blob_%s[];\n", b->name);
        /* the NULs past the text, as lexicon_fill allocates them, from the
         * array's size */
        printf("static const char folded_%s[%zu] =\n", b->name, b->len + 1 + 8);
        print_literal(lex->folded, b->len);
        printf(";\nstatic const uint32_t slots_%s[] = {", b->name);
        for (size_t i = 0; i <= lex->mask; i++)
            printf("%s%" PRIu32 ",", i % 16 ? " " : "\n    ", lex->slots[i]);
        printf("\n};\nstatic const uint64_t filter_%s[] = {", b->name);
        for (size_t i = 0; i < (size_t)1 << (64 - lex->filter_shift - 6); i++)
            printf("%s0x%" PRIx64 ",", i % 8 ? " " : "\n    ", lex->filter[i]);
        puts("\n};");
    }
    puts("\nconst lexicon_t lexicon_tables[] = {");
    for (size_t l = 0; l < count; l++) {
        const lexicon_t *lex = &tables[l];
        const char *n = lexicon_blobs[l].name;
        printf("    {lexicon_blob_%s, folded_%s, slots_%s, %zu, %u, %u, 0x%" PRIx64 ", filter_%s},\n",
               n, n, n, lex->mask, lex->slot_shift, lex->filter_shift, lex->lengths, n);
    }
    puts("};");
    return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
#endif
