/* json_out.c — `quoth --json`: the JSON contract of DESIGN.md, streamed.
 * The output is written object by object through one buffer (no tree of the
 * whole document, so memory stays flat for a 100 MB article); every string is
 * encoded by jansson (json_dumpb of a reused string value: no hand-written
 * escaping, but for the "\n" that joins a multi-paragraph quote's parts).
 * Building a jansson object per quote cost 1.5 µs each, 6x this.
 * Offsets are code points (doc_cp_offset). */
#include "config.h"
#include "cli/cli.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define BUF_SIZE (128 * 1024)   /* written out whenever full */

typedef struct {
    FILE *out;
    char *buf;
    size_t len, cap;
    json_t *str;                /* reused for every string value */
    bool good;
} writer_t;

static void flush(writer_t *w)
{
    if (w->len && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->good = false;
    w->len = 0;
}

static void make_room(writer_t *w, size_t n)
{
    flush(w);
    if (n > w->cap)                     /* only a string longer than the buffer */
        w->buf = xgrow(w->buf, &w->cap, n, 1);
}

/* Room for n more bytes at the returned end of the output; the check is
 * inline as every token of output asks. */
static inline char *reserve(writer_t *w, size_t n)
{
    if (w->cap - w->len < n)
        make_room(w, n);
    return w->buf + w->len;
}

static inline void put_n(writer_t *w, const char *s, size_t n)
{
    memcpy(reserve(w, n), s, n);
    w->len += n;
}

/* strlen() of a literal is folded at compile time, as put is inline. */
static inline void put(writer_t *w, const char *s)
{
    put_n(w, s, strlen(s));
}

/* Decimal, two digits at a time from this table (offsets past eight digits). */
static const char digit_pairs[] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes v in decimal at o, which has room for 20 bytes, and returns the
 * end of its digits. */
static inline char *fmt_uint(char *o, uint64_t v)
{
    if (v < 100000000) {
        /* Every offset: its eight digits at once, one a byte of x, the most
         * significant in the lowest byte, split in halves (lanes of 32 bits),
         * quarters (16), then bytes; each division by a multiply and a shift,
         * exact for these ranges (x * 10486 >> 20 is x / 100 below 10^4,
         * x * 103 >> 10 is x / 10 below 100). The zero bytes below the first
         * digit are the leading zeros (all but the last one for 0). */
        uint64_t x = (uint32_t)v / 10000 | (uint64_t)((uint32_t)v % 10000) << 32;
        uint64_t hundreds = (x * 10486 >> 20) & 0x0000007F0000007Full;
        x = hundreds | (x - hundreds * 100) << 16;
        uint64_t tens = (x * 103 >> 10) & 0x000F000F000F000Full;
        x = tens | (x - tens * 10) << 8;
        unsigned zeros = (unsigned)__builtin_ctzll(x | 1ull << 56) >> 3;
        x = (x + 0x3030303030303030ull) >> 8 * zeros;
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);       /* the lowest byte first in memory */
#endif
        memcpy(o, &x, 8);               /* the digits and zeros, which the next output overwrites */
        return o + 8 - zeros;
    }
    char tmp[20], *end = tmp + 20, *p = end;    /* up to 20 digits, backwards */
    for (; v >= 100; v /= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (v % 100), 2);
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    memcpy(o, p, (size_t)(end - p));
    return o + (end - p);
}

/* Writes u + d in decimal at o (room for 20 bytes): an end offset after its
 * start u (below 2^32: at most ten digits), whose nd digits fmt_uint wrote at
 * digits, shortly before o (16 bytes readable there). Mostly only the last
 * two digits differ, so u's are copied and that pair is rewritten, at a
 * fraction of fmt_uint's cost. */
static inline char *fmt_uint_after(char *o, const char *digits, size_t nd, uint64_t u, uint64_t d)
{
    uint64_t last = (uint32_t)u % 100 + d;
    if (u < 100 || last >= 100)        /* the length or the digits before change */
        return fmt_uint(o, u + d);
    /* 16 bytes through a register: a fixed-size memmove (o may overlap
     * digits) would be a call */
    char copy[16];
    memcpy(copy, digits, 16);
    memcpy(o, copy, 16);
    memcpy(o + nd - 2, digit_pairs + 2 * last, 2);
    return o + nd;
}

/* Writes the literal s at o and returns its end (strlen folds, as put's). */
static inline char *fmt_lit(char *o, const char *s)
{
    memcpy(o, s, strlen(s));
    return o + strlen(s);
}

/* The literal key, then v in decimal, in one reservation. */
static inline void put_key_uint(writer_t *w, const char *key, uint64_t v)
{
    char *o = reserve(w, strlen(key) + 20), *o0 = o;
    o = fmt_uint(fmt_lit(o, key), v);
    w->len += (size_t)(o - o0);
}

#ifdef __SSE2__
/* 0xFF in each of the 16 bytes of v that jansson escapes: below 0x20 (v is
 * its own minimum with 0x1F), '"' and '\\'. */
static inline __m128i escaped16(__m128i v)
{
    return _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v),
                        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#endif

/* True when jansson would print s as it is between two quotes: no byte
 * below 0x20, no '"', no '\\' (jansson escapes nothing else by default).
 * With SSE2, 16 bytes at a time by compares (unsigned v <= 0x1F: v is its
 * own minimum with 0x1F: escaped16); shorter strings and other machines eight bytes at
 * a time with the has-zero-byte test ((x - 0x01..) & ~x &
 * 0x80.., exact as to whether some byte matches, not which): bytes < 0x20
 * by subtracting 0x20s, '"' and '\\' as zero bytes of x ^ them. Those XORs
 * keep the high bits of x, so one ~x serves all three. */
static bool needs_no_escape(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#ifdef __SSE2__
    if (n >= 16) {                      /* 16 bytes at a time, the last 16 overlapping */
        for (size_t i = 0;; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + (i + 16 <= n ? i : n - 16)));
            if (_mm_movemask_epi8(escaped16(v)))
                return false;
            if (i + 16 >= n)
                return true;
        }
    }
#endif
    if (n < 8) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == '"' || c == '\\')
                return false;
        }
        return true;
    }
    /* the last eight bytes, which may overlap the others, instead of a byte loop */
    for (size_t i = 0;; i += 8) {
        uint64_t x;
        memcpy(&x, s + (i + 8 <= n ? i : n - 8), 8);
        uint64_t lt = x - ones * 0x20, qu = (x ^ ones * '"') - ones, bs = (x ^ ones * '\\') - ones;
        if ((lt | qu | bs) & ~x & highs)
            return false;
        if (i + 8 >= n)
            return true;
    }
}

/* The inside of a JSON string (no quotes around it) of n bytes of valid
 * UTF-8, encoded by jansson; a string that jansson would copy unchanged is
 * copied directly (most strings). */
static void put_string_body(writer_t *w, const char *s, size_t n)
{
    if (needs_no_escape(s, n)) {
        put_n(w, s, n);
        return;
    }
    if (json_string_setn_nocheck(w->str, s, n) != 0) {
        w->good = false;
        return;
    }
    size_t room = 6 * n + 2;            /* the worst case: every byte as \u00XX */
    char *p = reserve(w, room);
    size_t k = json_dumpb(w->str, p, room, JSON_ENCODE_ANY);
    if (k >= 2) {                       /* the quotes jansson put around it dropped */
        memmove(p, p + 1, k - 2);
        w->len += k - 2;
    }
}

/* A JSON string of n bytes of valid UTF-8; plain says whether it needs no
 * escaping (needs_no_escape), for a caller that knows already. */
static inline void put_string_as(writer_t *w, const char *s, size_t n, bool plain)
{
    if (plain) {
        char *p = reserve(w, n + 2);
        p[0] = '"';
        memcpy(p + 1, s, n);
        p[n + 1] = '"';
        w->len += n + 2;
        return;
    }
    put(w, "\"");
    put_string_body(w, s, n);
    put(w, "\"");
}

/* A JSON string of n bytes of valid UTF-8. */
static void put_string(writer_t *w, const char *s, size_t n)
{
    put_string_as(w, s, n, needs_no_escape(s, n));
}

/* A string from outside the text (a path): invalid UTF-8 bytes become '?'. */
static void put_string_lossy(writer_t *w, const char *s)
{
    size_t n = strlen(s);
    char *c = xstrndup(s, n);
    const uint8_t *bad;
    while ((bad = u8_check((const uint8_t *)c, n)) != NULL)
        c[bad - (const uint8_t *)c] = '?';
    put_string(w, c, n);
    free(c);
}

/* The code points in the n bytes at s (valid UTF-8): the bytes that are not
 * continuation bytes (10xxxxxx), eight at a time: x & ~(x << 1) keeps the top
 * bit of those bytes only, and the multiply sums the eight lanes. */
static size_t count_cps(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t cps = n, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        cps -= (size_t)((((x & ~(x << 1) & highs) >> 7) * ones) >> 56);
    }
    for (; i < n; i++)
        cps -= ((unsigned char)s[i] & 0xC0) == 0x80;
    return cps;
}

/* What a span of text needs for its JSON: its code points and whether it
 * needs no escaping (needs_no_escape). */
typedef struct {
    size_t cps;
    bool plain;
} scan_t;

#ifdef __SSE2__
/* The end of a scan: the lanes of v that keep selects added to it (acc:
 * continuation bytes per lane, conts: those summed; bad: escapes), its
 * answer for n bytes. Continuation bytes are those below -64 as signed
 * bytes; psadbw sums the lanes. */
static inline scan_t scan_end(__m128i v, __m128i keep, __m128i acc, __m128i conts, __m128i bad,
                              size_t n)
{
    bad = _mm_or_si128(bad, _mm_and_si128(escaped16(v), keep));
    acc = _mm_sub_epi8(acc, _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), keep));
    conts = _mm_add_epi64(conts, _mm_sad_epu8(acc, _mm_setzero_si128()));
    size_t ncont = (size_t)_mm_cvtsi128_si32(conts) + (size_t)_mm_extract_epi16(conts, 4);
    return (scan_t){n - ncont, !_mm_movemask_epi8(bad)};
}

/* The lanes before k (0 <= k <= 16). */
static inline __m128i lanes_before(size_t k)
{
    const __m128i iota = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm_cmplt_epi8(iota, _mm_set1_epi8((char)k));
}
#endif

/* scan_span past its first case: the n bytes at s scanned once for both, 16
 * at a time. Bytes up to limit may be read (the document's NUL-terminated
 * text), so the last 1 to 16 are one load with the lanes past the end masked
 * off; near the limit, when s has 16 bytes or more, its last 16
 * overlapping, the new lanes only. */
static scan_t scan_long(const char *s, size_t n, const char *limit)
{
#ifdef __SSE2__
    bool in_bounds = (size_t)(limit - s) >= ((n + 15) & ~(size_t)15);
    if (n > 0 && (in_bounds || n >= 16)) {
        const __m128i cont = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
        __m128i bad = zero, acc = zero, conts = zero;    /* acc: each lane its own count, up to 255 */
        size_t i = 0;
        for (unsigned k = 0; n - i > 16; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            bad = _mm_or_si128(bad, escaped16(v));
            acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, cont));
            if (++k == 255) {
                conts = _mm_add_epi64(conts, _mm_sad_epu8(acc, zero));
                acc = zero;
                k = 0;
            }
        }
        /* the last 1 to 16 bytes: the lanes not yet counted that are bytes of s */
        size_t left = n - i;
        if (in_bounds)
            return scan_end(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), lanes_before(left),
                            acc, conts, bad, n);
        __m128i last16 = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        return scan_end(last16, _mm_cmpeq_epi8(lanes_before(16 - left), zero), acc, conts, bad, n);
    }
#else
    (void)limit;
#endif
    return (scan_t){count_cps(s, n), needs_no_escape(s, n)};
}

/* The n bytes at s scanned once for both; bytes up to limit may be read. A
 * name (1 to 16 bytes, and 16 readable) is one load, inline: most spans. */
static inline scan_t scan_span(const char *s, size_t n, const char *limit)
{
#ifdef __SSE2__
    if (n - 1 < 16 && (size_t)(limit - s) >= 16) {
        const __m128i zero = _mm_setzero_si128();
        return scan_end(_mm_loadu_si128((const __m128i *)(const void *)s), lanes_before(n), zero, zero,
                        zero, n);
    }
#endif
    return scan_long(s, n, limit);
}

/* Copies the n bytes at s to o and returns their end; bytes up to limit may
 * be read and 16 written at o. A name (1 to 16 bytes, and 16 readable, as
 * scan_span's one load) is one fixed 16-byte copy, not a memcpy call; the
 * bytes past its end are overwritten by the output after it. */
static inline char *copy_span(char *o, const char *s, size_t n, const char *limit)
{
    if (n <= 16 && (size_t)(limit - s) >= 16)
        memcpy(o, s, 16);
    else
        memcpy(o, s, n);
    return o + n;
}

/* The literal key, then {"start":S,"end":E,"text":"…"} in code points, or
 * null for an empty span. Spans are names and short phrases: counting on
 * from the start is cheaper than a second doc_cp_offset. Always inline: it
 * runs for every mention (110 000 times on 5 MB), its entry and exit cost a
 * tenth of its work, and its caller's key folds into its reservation. */
static inline __attribute__((always_inline)) void put_span(writer_t *w, const doc_t *doc, const char *key,
                                                          span_t s)
{
    if (span_is_empty(s)) {
        char *o = reserve(w, strlen(key) + 4), *o0 = o;
        o = fmt_lit(fmt_lit(o, key), "null");
        w->len += (size_t)(o - o0);
        return;
    }
    const char *text = doc->text + s.start;
    size_t n = span_len(s);
    const char *limit = doc->text + doc->len + 1;
    scan_t sc = scan_span(text, n, limit);
    size_t start = doc_cp_offset(doc, s.start);
    /* all in one reservation, the text too when it needs no escaping (most
     * spans): the key, 27 bytes of keys and quotes, 20 a number, 16 the
     * text's copy */
    char *o = reserve(w, strlen(key) + 83 + n), *o0 = o;
    o = fmt_lit(fmt_lit(o, key), "{\"start\":");
    char *digits = o;
    o = fmt_uint(o, start);
    size_t nd = (size_t)(o - digits);
    o = fmt_lit(o, ",\"end\":");
    o = fmt_uint_after(o, digits, nd, start, sc.cps);
    if (sc.plain) {
        o = fmt_lit(o, ",\"text\":\"");
        o = fmt_lit(copy_span(o, text, n, limit), "\"}");
        w->len += (size_t)(o - o0);
        return;
    }
    o = fmt_lit(o, ",\"text\":");
    w->len += (size_t)(o - o0);
    put_string_as(w, text, n, false);
    put(w, "}");
}

/* An entity's name, measured and checked for escaping once: a speaker's is
 * written with each of their quotes. */
typedef struct {
    const char *s;
    size_t len;
    bool plain;
} name_t;

static name_t *entity_names(const doc_t *doc)
{
    name_t *names = xmalloc((doc->entities.len + 1) * sizeof *names);
    for (size_t i = 0; i < doc->entities.len; i++) {
        const char *s = doc->entities.items[i].name ? doc->entities.items[i].name : "";
        size_t len = strlen(s);
        names[i] = (name_t){s, len, needs_no_escape(s, len)};
    }
    return names;
}

static void put_quote(writer_t *w, const doc_t *doc, size_t id, const name_t *names)
{
    const quote_t *q = &doc->quotes.items[id];
    bool multi = q->flags & QUOTE_MULTIPARA;
    const char *text = doc->text + q->span.start;
    size_t n = span_len(q->span), start = doc_cp_offset(doc, q->span.start);
    /* A quote in one paragraph is written as it stands, scanned once for
     * its end and its escaping alike; but past a few hundred bytes (a
     * paragraph quoted whole, quotes nested in quotes) its end costs less
     * from the offset index than counted, and the escape check alone is
     * cheaper than scan_span. */
    scan_t sc = {0, false};
    if (!multi && n < 512)
        sc = scan_span(text, n, doc->text + doc->len + 1);
    else if (!multi)
        sc = (scan_t){doc_cp_offset(doc, q->span.end) - start, needs_no_escape(text, n)};
    /* all before the text in one reservation: the separator (",\n  ", its
     * comma not before the first quote), 30 bytes of keys, 20 a number */
    char *o = reserve(w, 94), *o0 = o;
    *o = ',';
    o = fmt_lit(o + (id > 0), "\n  {\"id\":");
    o = fmt_uint(o, id);
    o = fmt_lit(o, ",\"start\":");
    char *digits = o;
    o = fmt_uint(o, start);
    size_t nd = (size_t)(o - digits);
    o = fmt_lit(o, ",\"end\":");
    o = multi ? fmt_uint(o, doc_cp_offset(doc, q->span.end)) : fmt_uint_after(o, digits, nd, start, sc.cps);
    o = fmt_lit(o, ",\"text\":");
    w->len += (size_t)(o - o0);
    if (multi) {
        /* doc_quote_text's parts joined by "\n", written part by part: no
         * copy, and jansson (slow) only for a part that needs escaping */
        put(w, "\"");
        span_t part;
        for (size_t k = 0; doc_quote_part(doc, q, k, &part); k++) {
            if (k)
                put(w, "\\n");
            put_string_body(w, doc->text + part.start, span_len(part));
        }
        put(w, "\"");
    } else {
        put_string_as(w, text, n, sc.plain);
    }
    put(w, ",\"speaker\":");
    if (q->speaker >= 0 && (size_t)q->speaker < doc->entities.len) {
        const name_t *name = &names[q->speaker];
        put_string_as(w, name->s, name->len, name->plain);
        put_key_uint(w, ",\"speaker_id\":", (size_t)q->speaker);
    } else {
        put(w, "null,\"speaker_id\":null");
    }
    put_span(w, doc, ",\"source\":", q->source);
    put_span(w, doc, ",\"cue\":", q->cue);
    put(w, "}");
}

/* The NAME mentions grouped by entity (a counting sort, stable so each
 * entity's stay in text order): entity e's are doc->mentions.items[order[k]]
 * for k in [first[e], first[e + 1]). Four bytes a mention, as fresh memory
 * costs more than the code points computed later from the index. */
static uint32_t *group_mentions(const doc_t *doc, size_t **first_out)
{
    size_t ne = doc->entities.len;
    size_t *first = xcalloc(ne + 2, sizeof *first);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < ne)
            first[m->entity + 2]++;
    }
    for (size_t e = 1; e <= ne; e++)     /* first[e + 1]: where entity e's run starts */
        first[e + 1] += first[e];
    uint32_t *order = xmalloc((first[ne + 1] + 1) * sizeof *order);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < ne)
            order[first[m->entity + 1]++] = (uint32_t)i;
    }
    *first_out = first;                 /* now first[e] is where entity e's run starts */
    return order;
}

/* Mentions are printed by entity, so they are read all over the document,
 * each a cache miss or two: asking for the mention twice this far ahead and
 * for its text this far ahead lets the misses overlap. */
#define PREFETCH_AHEAD 16

static void put_entity(writer_t *w, const doc_t *doc, size_t id, const name_t *name,
                       const size_t *first, const uint32_t *order)
{
    const entity_t *e = &doc->entities.items[id];
    const mention_t *ms = doc->mentions.items;
    size_t nnames = first[doc->entities.len];
    put_key_uint(w, "{\"id\":", id);
    put(w, ",\"name\":");
    put_string_as(w, name->s, name->len, name->plain);
    put(w, ",\"type\":\"");
    put(w, entity_type_name(e->type));   /* a fixed ASCII word */
    put(w, "\",\"mentions\":[");
    for (size_t k = first[id]; k < first[id + 1]; k++) {
        if (k + 2 * PREFETCH_AHEAD < nnames)
            __builtin_prefetch(&ms[order[k + 2 * PREFETCH_AHEAD]]);
        if (k + PREFETCH_AHEAD < nnames)
            __builtin_prefetch(doc->text + ms[order[k + PREFETCH_AHEAD]].span.start);
        if (k > first[id])
            put(w, ",");
        put_span(w, doc, "", ms[order[k]].span);
    }
    put_key_uint(w, "],\"quotes\":", e->nquotes);
    put(w, "}");
}

int cli_json(const doc_t *doc, FILE *out)
{
    json_t *str = json_string("");
    if (!str) {
        fputs("quoth: out of memory\n", stderr);
        return EXIT_FAILURE_;
    }
    size_t *first;
    uint32_t *order = group_mentions(doc, &first);
    name_t *names = entity_names(doc);
    writer_t w = {.out = out, .buf = xmalloc(BUF_SIZE), .cap = BUF_SIZE, .str = str, .good = true};
    put(&w, "{\"quoth\":");
    put_string(&w, PACKAGE_VERSION, strlen(PACKAGE_VERSION));
    put(&w, ",\"source\":");
    put_string_lossy(&w, doc->source_name);
    put(&w, ",\"date\":");
    if (doc->date[0])
        put_string(&w, doc->date, strlen(doc->date));
    else
        put(&w, "null");
    put(&w, ",\"offsets\":\"codepoints\",\n \"quotes\": [");
    for (size_t i = 0; w.good && i < doc->quotes.len; i++)
        put_quote(&w, doc, i, names);
    put(&w, doc->quotes.len ? "\n ],\n \"entities\": [" : "],\n \"entities\": [");
    for (size_t i = 0; w.good && i < doc->entities.len; i++) {
        put(&w, i ? ",\n  " : "\n  ");
        put_entity(&w, doc, i, &names[i], first, order);
    }
    put(&w, doc->entities.len ? "\n ]\n}\n" : "]\n}\n");
    flush(&w);
    json_decref(w.str);
    free(w.buf);
    free(first);
    free(order);
    free(names);
    if (!w.good) {
        fputs("quoth: cannot write the JSON output\n", stderr);
        return EXIT_FAILURE_;
    }
    return EXIT_OK;
}
