/* segment.c — one paragraph into tokens and sentences.
 *
 * Tokens: a word is a run of letters, digits and combining marks that keeps an
 * inner apostrophe or hyphen when a letter follows it (don't, Europe's,
 * Jean-Luc); a number starts with a digit and keeps inner . , : / - before a
 * digit and letters stuck to it (3.5, 1,200, 2026-01-28, 90s); anything else
 * is one punctuation token. Most tokens, ASCII words and numbers that no
 * joiner continues, ASCII punctuation but the apostrophe and the quotation
 * marks that are no apostrophe, are read off bit masks of 63 bytes at a time
 * (block_tokens; SSE2 builds the masks); the others one at a time: ASCII by
 * table, the rest by classify_uc (common letters and punctuation directly,
 * others through libunistring), a word's letters sixteen bytes at a time
 * (SSE2; eight elsewhere).
 * Sentences end at . ! ? … unless the stop follows an abbreviation or a single
 * capital letter (Dr. J. R. Okoye, U.S.) or a lower-case word follows it;
 * closing quotation marks and brackets after the stop stay in the sentence. */
#include "config.h"
#include "engine/segment.h"
#include "engine/lexicon.h"
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum cclass { C_SPACE, C_LETTER, C_DIGIT, C_PUNCT };

static ucs4_t char_at(const char *s, const char *end, int *len)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    ucs4_t uc;
    int n = u8_mbtouc(&uc, (const uint8_t *)s, (size_t)(end - s));
    *len = n > 0 ? n : 1;
    return uc;
}

static enum cclass classify_uc(ucs4_t uc)
{
    /* Quick answers, the same as libunistring's below, for the non-ASCII
     * characters most news text is made of: Latin-1 and Latin Extended
     * letters (but the signs × and ÷), « », and General Punctuation's dashes,
     * quotation marks, bullets and ellipsis (U+2010..U+2027, no space among
     * them). */
    if (uc >= 0xC0 && uc <= 0x24F)
        return uc == 0xD7 || uc == 0xF7 ? C_PUNCT : C_LETTER;
    if ((uc >= 0x2010 && uc <= 0x2027) || uc == 0xAB || uc == 0xBB)
        return C_PUNCT;
    if (uc_is_space(uc) || uc == 0xA0 || uc == 0x202F || uc == 0x2007)
        return C_SPACE;
    if (uc_is_alpha(uc) || uc_is_general_category(uc, UC_CATEGORY_M))
        return C_LETTER;
    if (uc_is_digit(uc))
        return C_DIGIT;
    return C_PUNCT;
}

static bool is_apostrophe(ucs4_t uc) { return uc == '\'' || uc == 0x2019; }
static bool is_hyphen(ucs4_t uc) { return uc == '-' || uc == 0x2010 || uc == 0x2011; }

static bool is_quote_char(ucs4_t uc)
{
    switch (uc) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
        return true;
    default:
        return false;
    }
}

static bool is_upper_letter(ucs4_t uc)
{
    if (uc < 0x80)
        return uc >= 'A' && uc <= 'Z';
    return uc_is_upper(uc) || uc_is_property_titlecase(uc);
}

static bool is_lower_letter(ucs4_t uc)
{
    if (uc < 0x80)
        return uc >= 'a' && uc <= 'z';
    return uc_is_lower(uc);
}

/* Byte classes for the tokenizer's hot loop: one load and test per byte.
 * ASCII is classified here; a byte >= 0x80 starts a longer character, which
 * is decoded and classified by classify_uc. */
enum {
    BC_SPACE = 1,               /* ' ', \t \n \v \f \r */
    BC_ALNUM = 2,               /* an ASCII letter or digit */
    BC_DIGIT = 4,               /* an ASCII digit (with BC_ALNUM) */
    BC_JOIN = 8,                /* may join two parts of a number: ' - . , : / */
    BC_MULTI = 16,              /* the lead (or a stray continuation) of a longer character */
    BC_WORD_JOIN = 32,          /* may join two parts of a word: ' - (with BC_JOIN) */
    BC_STOP = 64,               /* may end a sentence: . ! ? */
};
#define BC_L BC_ALNUM
#define BC_D (BC_ALNUM | BC_DIGIT)
#define BC_M8 BC_MULTI, BC_MULTI, BC_MULTI, BC_MULTI, BC_MULTI, BC_MULTI, BC_MULTI, BC_MULTI
static const unsigned char byte_class[256] = {
    ['\t'] = BC_SPACE, BC_SPACE, BC_SPACE, BC_SPACE, BC_SPACE,        /* \t to \r */
    [' '] = BC_SPACE,
    ['\''] = BC_JOIN | BC_WORD_JOIN, ['-'] = BC_JOIN | BC_WORD_JOIN,
    ['.'] = BC_JOIN | BC_STOP, [','] = BC_JOIN, [':'] = BC_JOIN, ['/'] = BC_JOIN,
    ['!'] = BC_STOP, ['?'] = BC_STOP,
    ['0'] = BC_D, BC_D, BC_D, BC_D, BC_D, BC_D, BC_D, BC_D, BC_D, BC_D,
    ['A'] = BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L,
            BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L,
    ['a'] = BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L,
            BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L, BC_L,
    [0x80] = BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8,
             BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8, BC_M8,
};
#undef BC_L
#undef BC_D
#undef BC_M8

/* The class of an ASCII character from its byte class k. */
static inline enum cclass ascii_cclass(unsigned k)
{
    return k & BC_SPACE ? C_SPACE : k & BC_DIGIT ? C_DIGIT : k & BC_ALNUM ? C_LETTER : C_PUNCT;
}

static enum cclass classify(ucs4_t uc)
{
    return uc < 0x80 ? ascii_cclass(byte_class[uc]) : classify_uc(uc);
}

/* Word-at-a-time scanning of letters and digits (SWAR): eight bytes in a
 * uint64_t, byte i of the text in bits 8i..8i+7 whatever the machine's byte
 * order, one result bit (the top one) per byte. */
#define ONES 0x0101010101010101ull
#define HIGHS (ONES * 0x80)

static inline uint64_t load8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;     /* one load on little-endian */
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24 |
           (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 | (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
}

/* The top bit of each byte of w that is an ASCII letter or digit. Bytes are
 * cut to seven bits first so the sums cannot carry into the next byte; x is
 * in [lo, hi] when x + (0x80 - lo) has its top bit and x + (0x7F - hi) has not. */
static inline uint64_t alnum_bytes(uint64_t w)
{
    uint64_t x = w & ~HIGHS, l = x | ONES * 0x20;      /* l: A-Z folded to a-z */
    uint64_t digit = (x + ONES * (0x80 - '0')) & ~(x + ONES * (0x7F - '9'));
    uint64_t letter = (l + ONES * (0x80 - 'a')) & ~(l + ONES * (0x7F - 'z'));
    return (digit | letter) & ~w & HIGHS;
}

/* The index of the first byte whose top bit is set in m (m != 0, top bits only):
 * its trailing zeros over eight (load8 puts byte i in bits 8i..8i+7 on any
 * machine). One instruction: every word's end waits for it. */
static inline unsigned first_byte(uint64_t m)
{
    return (unsigned)__builtin_ctzll(m) >> 3;
}

/* The first byte at or after q, before end, that is not an ASCII letter or
 * digit (or end). */
static inline const char *skip_alnum(const char *q, const char *end)
{
#ifdef __SSE2__
    /* 16 bytes at a time: x is in [lo, lo + n) when x - (lo + 128) is below
     * n - 128 as signed bytes (the wrap-around puts the range at the bottom) */
    for (; end - q >= 16; q += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
        __m128i l = _mm_or_si128(v, _mm_set1_epi8(0x20));     /* A-Z folded to a-z */
        __m128i letter = _mm_cmplt_epi8(_mm_sub_epi8(l, _mm_set1_epi8((char)('a' + 128))),
                                        _mm_set1_epi8(26 - 128));
        __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(v, _mm_set1_epi8((char)('0' + 128))),
                                       _mm_set1_epi8(10 - 128));
        unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFF;
        if (stop)
            return q + __builtin_ctz(stop);
    }
#endif
    for (; end - q >= 8; q += 8) {
        uint64_t stop = ~alnum_bytes(load8(q)) & HIGHS;
        if (stop)
            return q + first_byte(stop);
    }
    while (q < end && (byte_class[(unsigned char)*q] & BC_ALNUM))
        q++;
    return q;
}
#undef ONES
#undef HIGHS

/* Byte masks of 64 bytes of text, bit i for byte i: the tokenizer walks an
 * ASCII stretch by their transitions (a space run, a word's end, its capital
 * letters) instead of byte by byte. Bytes past the paragraph's end count as
 * punctuation, so every walk stops at the end. Bit 63 is a sentinel that
 * stands for no byte: neither space nor letter and a joiner, so each walk
 * stops at it without a bounds check; a block covers 63 bytes of text. */
typedef struct {
    const char *base;           /* the text at bit 0 */
    unsigned len;               /* the bytes of text it covers: BLOCK, fewer at the end */
    uint64_t space;             /* ' ', \t to \r */
    uint64_t alnum, upper, digit;       /* ASCII letters and digits; A-Z; 0-9 */
    uint64_t word_join;         /* may join two parts of a word (BC_MULTI too); a number's
                                 * other joiners are looked up at its end only */
} block_t;
enum { BLOCK = 63 };
#define SENTINEL (1ull << BLOCK)

#ifdef __SSE2__
/* All ones in each byte of v in [lo, lo + n) (see skip_alnum), zeros elsewhere. */
static inline __m128i in_range16(__m128i v, char lo, char n)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)(lo + 128)));
    return _mm_cmplt_epi8(d, _mm_set1_epi8((char)(n - 128)));
}

/* All ones in each byte of v equal to c. */
static inline __m128i equal16(__m128i v, char c)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/* Bit i for byte i of v whose top bit is set. */
static inline uint64_t mask16(__m128i v)
{
    return (uint64_t)_mm_movemask_epi8(v);
}
#endif

/* The masks of the text at p, up to end; the bytes from end on count as
 * punctuation. Bytes past end are read but to limit, the text's end: most
 * paragraphs' last block is read in place, not copied. */
static void block_load(block_t *b, const char *p, const char *end, const char *limit)
{
    char pad[64];
    const char *s = p;
    if (limit - p < 64) {
        memset(pad, 0, sizeof pad);     /* 0: a punctuation byte */
        memcpy(pad, p, (size_t)(end - p));
        s = pad;
    }
    b->base = p;
    b->len = end - p < BLOCK ? (unsigned)(end - p) : BLOCK;
    uint64_t space = 0, alnum = 0, upper = 0, digit = 0, word_join = 0;
#ifdef __SSE2__
    /* the classes are joined as vectors, one movemask per mask */
    for (int i = 0; i < 64; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i d = in_range16(v, '0', 10);
        __m128i both = _mm_or_si128(v, equal16(v, '\''));      /* top bit: joins either, >= 0x80 or ' */
        space |= mask16(_mm_or_si128(equal16(v, ' '), in_range16(v, '\t', 5))) << i;
        alnum |= mask16(_mm_or_si128(in_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26), d)) << i;
        upper |= mask16(in_range16(v, 'A', 26)) << i;
        digit |= mask16(d) << i;
        word_join |= mask16(_mm_or_si128(both, equal16(v, '-'))) << i;
    }
#else
    for (int i = 0; i < 64; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned k = byte_class[c];
        space |= (uint64_t)((k & BC_SPACE) != 0) << i;
        alnum |= (uint64_t)((k & BC_ALNUM) != 0) << i;
        upper |= (uint64_t)(c >= 'A' && c <= 'Z') << i;
        digit |= (uint64_t)((k & BC_DIGIT) != 0) << i;
        word_join |= (uint64_t)((k & (BC_MULTI | BC_WORD_JOIN)) != 0) << i;
    }
#endif
    if (end - p < 64) {
        uint64_t in = ~(~0ull << (end - p));    /* the bytes before end */
        space &= in, alnum &= in, upper &= in, digit &= in, word_join &= in;
    }
    b->space = space & ~SENTINEL;
    b->alnum = alnum & ~SENTINEL;
    b->upper = upper;
    b->digit = digit;
    b->word_join = word_join | SENTINEL;
}

/* Characters that can join two parts of a word or number: don't, Jean-Luc, 3.5. */
static inline bool may_join(ucs4_t uc)
{
    return uc < 0x80 ? (byte_class[uc] & BC_JOIN) != 0 : uc == 0x2019 || uc == 0x2010 || uc == 0x2011;
}

/* word_case() for a word of ASCII letters only (its other bytes, of
 * joiners, are no letters), which starts with a letter. Most words start
 * lower case, which settles both flags at once. */
static unsigned ascii_case(const char *s, const char *end)
{
    if (!(*s >= 'A' && *s <= 'Z'))
        return 0;                       /* lower case first: not UPPER, not ALLCAPS */
    int letters = 1;
    for (const char *p = s + 1; p < end; p++) {
        if (*p >= 'a' && *p <= 'z')
            return TOKF_UPPER;          /* a lower-case letter rules out ALLCAPS */
        letters += *p >= 'A' && *p <= 'Z';
    }
    return TOKF_UPPER | (letters >= 2 ? TOKF_ALLCAPS : 0u);
}

/* Word flags from its letters: TOKF_UPPER, TOKF_ALLCAPS. */
static unsigned word_case(const char *s, const char *end)
{
    int len, letters = 0;
    bool lower = false, first_upper = false;
    for (const char *p = s; p < end; p += len) {
        ucs4_t uc = char_at(p, end, &len);
        if (is_upper_letter(uc)) {
            if (letters == 0)
                first_upper = true;
            letters++;
        } else if (is_lower_letter(uc)) {
            lower = true;
            letters++;
        }
    }
    return (first_upper ? TOKF_UPPER : 0u) | (!lower && letters >= 2 ? TOKF_ALLCAPS : 0u);
}

/* The quote marks of doc->quotes that fall in para, sorted; whether each closes. */
typedef struct seg_qmark { uint32_t start; bool closing; } qmark_t;
typedef struct seg_qmarks qmarks_t;

static int qmark_cmp(const void *a, const void *b)
{
    uint32_t x = ((const qmark_t *)a)->start, y = ((const qmark_t *)b)->start;
    return (x > y) - (x < y);
}

/* The first quote whose opening mark is at or after pos. Paragraphs come in
 * order, so the previous answer is a cursor: a few steps forward, else a
 * binary search. */
static size_t first_quote(const doc_t *doc, uint32_t pos, size_t hint)
{
    const quote_t *q = doc->quotes.items;
    size_t n = doc->quotes.len;
    if (hint <= n && (hint == 0 || q[hint - 1].open_mark.start < pos)) {
        size_t i = hint;
        for (int k = 0; k < 8 && i < n && q[i].open_mark.start < pos; k++)
            i++;
        if (i == n || q[i].open_mark.start >= pos)
            return i;
    }
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (q[mid].open_mark.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void collect_marks(const doc_t *doc, span_t para, size_t lo, qmarks_t *out)
{
    out->len = 0;
    /* a quote opened in an earlier paragraph may close here (newswire style) */
    for (size_t i = lo; i-- > 0;) {
        const quote_t *q = &doc->quotes.items[i];
        if (q->parent < 0) {
            if (q->span.end > para.start && !span_is_empty(q->close_mark) &&
                q->close_mark.start >= para.start && q->close_mark.start < para.end)
                vec_push(out, (qmark_t){q->close_mark.start, true});
            break;
        }
    }
    for (size_t i = lo; i < doc->quotes.len; i++) {
        const quote_t *q = &doc->quotes.items[i];
        if (q->open_mark.start >= para.end)
            break;
        vec_push(out, (qmark_t){q->open_mark.start, false});
        if (!span_is_empty(q->close_mark) && q->close_mark.start < para.end)
            vec_push(out, (qmark_t){q->close_mark.start, true});
    }
    /* nested quotes push their marks out of order; qsort keeps deep nesting
     * (hostile input) from going quadratic. Most paragraphs nest nothing and
     * need no sort. */
    for (size_t i = 1; i < out->len; i++) {
        if (out->items[i].start < out->items[i - 1].start) {
            qsort(out->items, out->len, sizeof *out->items, qmark_cmp);
            break;
        }
    }
}

/* Marks IN_QUOTE on tokens inside any top-level quote overlapping para,
 * listing the runs marked in seg->quoted. */
static void mark_in_quote(const doc_t *doc, span_t para, segment_t *seg)
{
    size_t lo = seg->qfirst;
    /* step back to the top-level quote that may enclose para.start */
    size_t qi = lo;
    while (qi > 0 && doc->quotes.items[qi - 1].parent >= 0)
        qi--;
    if (qi > 0)
        qi--;
    token_t *tok = seg->tokens.items;
    size_t t = 0, n = seg->tokens.len;
    seg->quoted.len = 0;
    for (; qi < doc->quotes.len && t < n; qi++) {
        const quote_t *q = &doc->quotes.items[qi];
        if (q->parent >= 0)
            continue;
        if (q->open_mark.start >= para.end)
            break;
        /* the tokens before the quote, eight at a time while they last */
        while (t + 8 < n && tok[t + 8].start < q->span.start)
            t += 8;
        while (t < n && tok[t].start < q->span.start)
            t++;
        size_t first = t;
        for (; t < n && tok[t].end <= q->span.end; t++)
            tok[t].flags |= TOKF_IN_QUOTE;
        if (t > first) {
            vec_push(&seg->quoted, (uint32_t)first);
            vec_push(&seg->quoted, (uint32_t)t);
        }
    }
}

static bool is_abbreviation(const char *s, size_t n)
{
    /* looked up once, as lists never change: lexicon_get compares the name
     * on every call */
    static const lexicon_t *abbr;
    if (!abbr)
        abbr = lexicon_get("abbreviations");
    return lexicon_has(abbr, s, n);
}

/* The end of a word or number (kind) whose letters and digits run on from
 * q: it takes in an inner apostrophe or hyphen before a letter (a number:
 * . , : / or a hyphen before a digit) and non-ASCII letters, clearing *ascii
 * when it takes in a non-ASCII letter or digit (not for a joiner: "Europe’s"
 * has the case of "Europes"). */
static const char *word_end(const char *q, const char *end, uint16_t kind, bool *ascii)
{
    /* a word ends at the common "word," and "word." without a look at what
     * follows the comma or stop */
    unsigned joiners = BC_MULTI | (kind == TOK_WORD ? BC_WORD_JOIN : BC_JOIN);
    for (;;) {
        q = skip_alnum(q, end);
        if (q == end || !(byte_class[(unsigned char)*q] & joiners))
            return q;           /* a space or punctuation that joins nothing */
        int l1;
        ucs4_t u1 = char_at(q, end, &l1);
        enum cclass c1 = classify(u1);
        if (c1 == C_LETTER || c1 == C_DIGIT) {
            *ascii = *ascii && u1 < 0x80;
            q += l1;
            continue;
        }
        if (q + l1 >= end || !may_join(u1))
            return q;
        int l2;
        ucs4_t u2 = char_at(q + l1, end, &l2);
        enum cclass c2 = classify(u2);
        bool joins;
        if (kind == TOK_WORD)
            joins = (is_apostrophe(u1) && c2 == C_LETTER) ||
                    (is_hyphen(u1) && (c2 == C_LETTER || c2 == C_DIGIT));
        else
            joins = c2 == C_DIGIT && (u1 == '.' || u1 == ',' || u1 == ':' ||
                                      u1 == '/' || is_hyphen(u1));
        if (!joins)
            return q;
        *ascii = *ascii && u2 < 0x80;
        q += l1 + l2;
    }
}

/* ---- the cache: per paragraph a varint token count, a varint sentence
 * count and each sentence's token count as a varint (sentences cover the
 * tokens in order, so the counts place them); then per token, in the common
 * case, one byte: its length (1 to 15) in the low four bits, TOKF_SPACE_BEFORE
 * in bit 4 and its class (kind and case, see SHORT_CLASSES) in the top three.
 * The gap before a token is implied by TOKF_SPACE_BEFORE: one byte of white
 * space or none (the paragraph's start counts as a space, as in tokenize).
 * Any other token (longer, after a longer gap, or of a rare class) has a 0
 * byte, then a byte of kind and flags, varint (gap beyond the implied one)
 * and varint length. Last, a varint count of the runs of tokens in quotes
 * and per run varints of the tokens before it (since the run before) and in
 * it. TOKF_IN_QUOTE is set from the runs, TOKF_SENT_START from the
 * sentences, as segment_paragraph sets them. Half the bytes of storing every
 * token's flags and length. tokenize writes each token's bytes (put_token,
 * into seg->codes) as it makes the token, and segment_record copies them:
 * reading the tokens back to encode them cost a third of tokenizing. */

enum { CACHED_FLAGS = TOKF_UPPER | TOKF_ALLCAPS | TOKF_QUOTE_MARK | TOKF_SPACE_BEFORE };
#define CODE(kind, flags) ((kind) << 6 | (flags))

/* The token classes one byte holds (numbered from 1, most common first):
 * X(class, kind, flags). The byte's top nibble is class * 2 + SPACE_BEFORE. */
#define SHORT_CLASSES(X)                                                        \
    X(1, TOK_WORD, 0) X(2, TOK_WORD, TOKF_UPPER) X(3, TOK_PUNCT, 0)             \
    X(4, TOK_NUMBER, 0) X(5, TOK_PUNCT, TOKF_QUOTE_MARK)                        \
    X(6, TOK_WORD, TOKF_UPPER | TOKF_ALLCAPS)
#define NIBBLE_OF(c, kind, flags)                                               \
    [CODE(kind, flags)] = (c) << 5, [CODE(kind, flags | TOKF_SPACE_BEFORE)] = (c) << 5 | 16,

/* Kind and cached flags to the short form's top nibble (0: no short form). */
static const uint8_t short_nibble[256] = { SHORT_CLASSES(NIBBLE_OF) };

_Static_assert(CACHED_FLAGS < 64, "kind and flags fit in a byte");

static inline uint8_t *put_varint(uint8_t *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

/* The escape of put_token: out of line, as few tokens take it. */
static uint8_t *put_long_token(uint8_t *p, unsigned code, uint32_t gap, uint32_t len)
{
    *p++ = 0;
    *p++ = (uint8_t)code;
    p = put_varint(p, gap);
    return put_varint(p, len);
}

/* Writes token t, the token after the one ending at prev (para.start - 1
 * for the paragraph's first), in the cache's form at p; returns its end.
 * At most TOKEN_BYTES bytes. short_class: t's kind and flags are known to
 * be of SHORT_CLASSES (block_tokens' tokens), one test fewer. */
enum { TOKEN_BYTES = 12 };      /* the escape: 0, code, two 5-byte varints */
static inline uint8_t *put_token(uint8_t *p, uint32_t prev, token_t t, bool short_class)
{
    uint32_t gap = t.start - prev - ((t.flags & TOKF_SPACE_BEFORE) != 0);
    uint32_t len = t.end - t.start;
    unsigned code = CODE(t.kind, t.flags & CACHED_FLAGS);
    uint8_t nibble = short_nibble[code];
    if (__builtin_expect((gap | len >> 4) != 0 || (!short_class && !nibble), 0))  /* len: 1 to 15 */
        return put_long_token(p, code, gap, len);
    *p = (uint8_t)(nibble | len);
    return p + 1;
}

/* The length of the quotation mark at s that is one whether the quote finder
 * paired it or not (“ ” „ ‟ ‘ ‚ ‛ « », not ’ nor ', apostrophes too), or 0. */
static inline unsigned quote_mark_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;   /* valid UTF-8: no read past its end */
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || (u[2] >= 0x9A && u[2] <= 0x9F)))
        return 3;
    return u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB) ? 2 : 0;
}

/* Tokenizes, from b's masks, the run of ASCII words and numbers at and after
 * p that end inside the block before punctuation or white space that joins
 * nothing, the ASCII punctuation among them but apostrophes and the
 * quotation marks of quote_mark_len: most of the text. Returns where the run
 * stops: at another token (tokenize's general case), or at the block's end
 * or the paragraph's. *space is TOKF_SPACE_BEFORE for the next token, *prev
 * the end of the token before (see put_token). The tokens and their codes
 * are stored without a capacity check: tokenize reserves room for a token at
 * each byte of the block. */
static const char *block_tokens(const block_t *b, const char *p, const char *text,
                                segment_t *seg, uint16_t *space, uint32_t *prev)
{
    unsigned i = (unsigned)(p - b->base);
    uint32_t base = (uint32_t)(b->base - text);        /* the offset of bit 0 */
    uint16_t sp = *space;
    uint32_t pv = *prev;
    token_t *tok = seg->tokens.items + seg->tokens.len;
    uint8_t *code = seg->codes.items + seg->codes.len;
    for (;;) {
        /* bits are tested in place and runs found by ctz from bit i on: the
         * sentinel ends every run of space and of letters. The space before
         * a token is skipped without a branch: one token in five has none,
         * and a branch on it mispredicted about that often */
        unsigned gap = (unsigned)__builtin_ctzll(~b->space >> i);
        sp = gap ? TOKF_SPACE_BEFORE : sp;
        i += gap;
        if (!(b->alnum >> i & 1)) {
            if (i >= b->len)
                break;  /* the block's end or the paragraph's */
            /* one punctuation character, as tokenize makes it */
            uint32_t start = base + i;
            unsigned char c = (unsigned char)text[start];
            unsigned k = byte_class[c], n = 1;
            uint16_t flags = sp;
            if (k & BC_MULTI) {
                n = quote_mark_len(text + start);
                if (!n)
                    break;      /* any other character that is not ASCII */
                flags |= TOKF_QUOTE_MARK;
            } else if (c == '\'') {
                break;          /* a quote mark or not by the quote finder's marks */
            } else {
                if (k & BC_STOP)
                    vec_push(&seg->stops, (uint32_t)(tok - seg->tokens.items));
                if (c == '"')
                    flags |= TOKF_QUOTE_MARK;
            }
            *tok = (token_t){start, start + n, TOK_PUNCT, flags};
            code = put_token(code, pv, *tok++, true);
            pv = start + n;
            sp = 0;
            i += n;
            if (i > BLOCK)
                break;          /* the mark ends past the block */
            continue;
        }
        uint64_t from = ~0ull << i;
        unsigned e = (unsigned)__builtin_ctzll(~b->alnum & from), n = e - i;
        uint16_t kind = b->digit >> i & 1 ? TOK_NUMBER : TOK_WORD;
        if (b->word_join >> e & 1 ||
            (kind == TOK_NUMBER && e < b->len && byte_class[(unsigned char)text[base + e]] & BC_JOIN))
            break;      /* may run on: the general case */
        uint16_t flags = sp;
        if (b->upper >> i & 1) {        /* ascii_case() from the masks */
            uint64_t word = from & ~(~0ull << e);
            uint64_t caps = b->upper & word, lower = b->alnum & ~b->upper & ~b->digit & word;
            flags |= lower ? TOKF_UPPER
                           : TOKF_UPPER | (caps & (caps - 1) ? TOKF_ALLCAPS : 0);  /* two capitals or more */
        }
        uint32_t start = base + i;
        *tok = (token_t){start, start + n, kind, flags};
        code = put_token(code, pv, *tok++, true);
        pv = start + n;
        sp = 0;
        i = e;
    }
    seg->tokens.len = (size_t)(tok - seg->tokens.items);
    seg->codes.len = (size_t)(code - seg->codes.items);
    *space = sp;
    *prev = pv;
    return b->base + i;
}

/* Whether p, in b but not at its start, is at a word or number that runs
 * on past b's end (its letters and digits reach the sentinel): a block
 * loaded at p lets block_tokens take it whole, not tokenize's general case
 * (one word in a block of news text would go there). */
static inline bool runs_past(const block_t *b, const char *p)
{
    unsigned at = (unsigned)(p - b->base);
    return at > 0 && b->alnum >> at == (SENTINEL >> at) - 1;
}

static void tokenize(const doc_t *doc, span_t para, segment_t *seg, const qmarks_t *marks)
{
    const char *text = doc->text;
    const char *p = text + para.start, *end = text + para.end;
    uint16_t space = TOKF_SPACE_BEFORE;     /* the paragraph's start counts as a space */
    uint32_t prev = para.start - 1;         /* unsigned: wraps harmlessly at offset 0 */
    size_t mi = 0;
    block_t b = {.base = p - BLOCK};        /* none loaded yet */
    while (p < end) {
        if (p - b.base >= BLOCK) {
            block_load(&b, p, end, text + doc->len);
            /* every token starts at a byte of its own in the block loaded:
             * room for BLOCK more lets both paths store without a check */
            vec_reserve(&seg->tokens, seg->tokens.len + BLOCK);
            vec_reserve(&seg->codes, seg->codes.len + BLOCK * TOKEN_BYTES);
        }
        p = block_tokens(&b, p, text, seg, &space, &prev);
        if (p == end || p - b.base >= BLOCK)
            continue;
        if (runs_past(&b, p)) {
            b.base = p - BLOCK;         /* the next block from p takes it whole */
            continue;
        }
        /* one token of any other kind, not after ASCII white space */
        unsigned k = byte_class[(unsigned char)*p];
        int len = 1;
        ucs4_t uc = (unsigned char)*p;
        enum cclass c;
        if (k & BC_MULTI) {
            uc = char_at(p, end, &len);
            c = classify_uc(uc);
            if (c == C_SPACE) {
                space = TOKF_SPACE_BEFORE;
                p += len;
                continue;
            }
        } else {
            c = ascii_cclass(k);
        }
        token_t tok = {(uint32_t)(p - text), 0, TOK_PUNCT, space};
        if (c == C_LETTER || c == C_DIGIT) {
            tok.kind = c == C_DIGIT ? TOK_NUMBER : TOK_WORD;
            bool ascii = !(k & BC_MULTI);
            const char *q = word_end(p + len, end, tok.kind, &ascii);
            tok.end = (uint32_t)(q - text);
            if (tok.kind == TOK_WORD)
                tok.flags |= (uint16_t)(ascii ? ascii_case(p, q) : word_case(p, q));
            p = q;
        } else {
            tok.end = tok.start + (uint32_t)len;
            if (k & BC_STOP || uc == 0x2026)
                vec_push(&seg->stops, (uint32_t)seg->tokens.len);     /* is_stop() */
            if (is_quote_char(uc)) {
                while (mi < marks->len && marks->items[mi].start < tok.start)
                    mi++;
                bool known = mi < marks->len && marks->items[mi].start == tok.start;
                /* a single mark is a quote mark only when the quote finder paired it,
                 * or when it restarts a quote at the start of a paragraph */
                if (known || !(uc == '\'' || uc == 0x2019) || tok.start == para.start)
                    tok.flags |= TOKF_QUOTE_MARK;
            }
            p += len;
        }
        space = 0;
        seg->tokens.items[seg->tokens.len++] = tok;
        uint8_t *code = put_token(seg->codes.items + seg->codes.len, prev, tok, false);
        seg->codes.len = (size_t)(code - seg->codes.items);
        prev = tok.end;
    }
}

static bool mark_closes(const token_t *t, const char *text, const qmarks_t *marks)
{
    /* marks are sorted: binary search keeps long paragraphs linear */
    size_t lo = 0, hi = marks->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (marks->items[mid].start < t->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < marks->len && marks->items[lo].start == t->start)
        return marks->items[lo].closing;
    /* not paired by the quote finder: judge by the character and the space before */
    const unsigned char *s = (const unsigned char *)text + t->start;
    bool right = (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9D || s[2] == 0x99)) ||
                 (s[0] == 0xC2 && s[1] == 0xBB);
    return right || !(t->flags & TOKF_SPACE_BEFORE);
}

static inline bool is_stop(const char *text, const token_t *t)
{
    const char *s = text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && (*s == '.' || *s == '!' || *s == '?')) ||
           (n == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0);
}

/* Whether the stop at token i ends a sentence. */
static bool stop_ends(const char *text, const segment_t *seg, size_t i)
{
    const token_t *t = &seg->tokens.items[i];
    if (text[t->start] == '.' && i > 0) {
        const token_t *w = &seg->tokens.items[i - 1];
        if (w->kind == TOK_WORD && w->end == t->start) {
            size_t n = w->end - w->start;
            int l;
            ucs4_t first = char_at(text + w->start, text + w->end, &l);
            if ((size_t)l == n && is_upper_letter(first))
                return false;           /* an initial: J. R. Okoye, U.S. */
            if (is_abbreviation(text + w->start, n))
                return false;
        }
    }
    /* a following lower-case word continues the sentence: "3 p.m. on Friday";
     * the look-ahead over punctuation is bounded (a run of stops stays linear) */
    for (size_t j = i + 1; j < seg->tokens.len && j <= i + 8; j++) {
        const token_t *n = &seg->tokens.items[j];
        if (n->kind == TOK_PUNCT)
            continue;
        if (n->kind == TOK_WORD && !(n->flags & TOKF_UPPER)) {
            int l;
            ucs4_t uc = char_at(text + n->start, text + n->end, &l);
            return !is_lower_letter(uc);
        }
        break;
    }
    return true;
}

/* Sets TOKF_SENT_START on the first word at or after token from, searching
 * on from token at (a cursor that only moves forward, so runs of sentences
 * without words stay linear). Returns where the word stands (or n). */
static size_t mark_sentence_start(segment_t *seg, size_t from, size_t at)
{
    token_t *tok = seg->tokens.items;
    size_t n = seg->tokens.len;
    if (at < from)
        at = from;
    while (at < n && tok[at].kind == TOK_PUNCT)
        at++;
    if (at < n)
        tok[at].flags |= TOKF_SENT_START;
    return at;
}

/* Only stops can end a sentence, so only the stops tokenize listed are
 * visited, not every token. */
static void split_sentences(const doc_t *doc, segment_t *seg, const qmarks_t *marks)
{
    const char *text = doc->text;
    size_t first = 0, n = seg->tokens.len, next = 0;
    size_t word = mark_sentence_start(seg, 0, 0);
    for (size_t k = 0; k < seg->stops.len; k++) {
        size_t i = seg->stops.items[k];
        if (i < next)
            continue;                   /* taken in by the sentence before */
        /* a run of stops ("?!", "...") ends together */
        while (i + 1 < n && is_stop(text, &seg->tokens.items[i + 1]) &&
               seg->tokens.items[i + 1].start == seg->tokens.items[i].end)
            i++;
        next = i + 1;
        if (!stop_ends(text, seg, i))
            continue;
        /* closing marks and brackets after the stop belong to this sentence */
        while (i + 1 < n) {
            const token_t *c = &seg->tokens.items[i + 1];
            char ch = text[c->start];
            if ((c->flags & TOKF_QUOTE_MARK) && mark_closes(c, text, marks))
                i++;
            else if (c->kind == TOK_PUNCT && (ch == ')' || ch == ']') && !(c->flags & TOKF_SPACE_BEFORE))
                i++;
            else
                break;
        }
        next = i + 1;
        vec_push(&seg->sentences, (sentence_t){(uint32_t)first, (uint32_t)(i + 1 - first)});
        first = i + 1;
        word = mark_sentence_start(seg, first, word);
    }
    if (first < n)
        vec_push(&seg->sentences, (sentence_t){(uint32_t)first, (uint32_t)(n - first)});
}

void segment_paragraph(const doc_t *doc, span_t para, segment_t *seg)
{
    seg->tokens.len = 0;
    seg->sentences.len = 0;
    seg->stops.len = 0;
    seg->codes.len = 0;
    seg->qfirst = first_quote(doc, para.start, seg->qfirst);
    collect_marks(doc, para, seg->qfirst, &seg->marks);
    tokenize(doc, para, seg, &seg->marks);
    mark_in_quote(doc, para, seg);
    split_sentences(doc, seg, &seg->marks);
}

void segment_free(segment_t *seg)
{
    vec_free(&seg->tokens);
    vec_free(&seg->sentences);
    vec_free(&seg->marks);
    vec_free(&seg->stops);
    vec_free(&seg->quoted);
    vec_free(&seg->codes);
}

/* The other way, by the whole byte (but 0): the token a short form stands
 * for, its offsets counted from the end of the token before, padded with
 * zeros to 16 bytes (one vector). Filled from short_nibble on first use. */
typedef struct { token_t tok; uint32_t zero; } short_token_t;
static const short_token_t *short_tokens(void)
{
    static _Alignas(16) short_token_t tab[256];
    static bool filled;
    for (unsigned code = 0; !filled && code < 256; code++) {
        uint32_t gap = (code & TOKF_SPACE_BEFORE) != 0;
        for (uint32_t len = 1; short_nibble[code] && len < 16; len++)
            tab[short_nibble[code] | len].tok = (token_t){gap, gap + len, (uint16_t)(code >> 6),
                                                          (uint16_t)(code & 0x3F)};
    }
    filled = true;
    return tab;
}

static inline uint64_t get_varint(const uint8_t **pp)
{
    const uint8_t *p = *pp;
    uint64_t v = *p & 0x7F;
    for (int shift = 7; *p++ & 0x80; shift += 7)
        v |= (uint64_t)(*p & 0x7F) << shift;
    *pp = p;
    return v;
}

void segment_record(seg_cache_t *cache, const segment_t *seg)
{
    size_t n = seg->tokens.len, ns = seg->sentences.len, nq = seg->quoted.len / 2;
    /* worst case: 5-byte varints */
    vec_reserve(&cache->bytes, cache->bytes.len + 15 + ns * 5 + nq * 10 + seg->codes.len);
    uint8_t *p = cache->bytes.items + cache->bytes.len;
    p = put_varint(p, (uint32_t)n);
    p = put_varint(p, (uint32_t)ns);
    for (size_t s = 0; s < ns; s++)
        p = put_varint(p, seg->sentences.items[s].count);
    if (seg->codes.len)         /* (no tokens ever: a NULL array) */
        memcpy(p, seg->codes.items, seg->codes.len);
    p += seg->codes.len;
    p = put_varint(p, (uint32_t)nq);
    const uint32_t *quoted = seg->quoted.items;
    for (size_t q = 0, end = 0; q < nq; end = quoted[2 * q + 1], q++) {
        p = put_varint(p, quoted[2 * q] - end);
        p = put_varint(p, quoted[2 * q + 1] - quoted[2 * q]);
    }
    cache->bytes.len = (size_t)(p - cache->bytes.items);
}

/* Reads the escaped token at p (its 0 byte), the token after the one ending
 * at prev, into *t; returns the end of its bytes. */
static const uint8_t *get_long_token(const uint8_t *p, uint32_t prev, token_t *t)
{
    uint8_t code = p[1];        /* after the 0 byte: kind and flags */
    p += 2;
    t->start = prev + ((code & TOKF_SPACE_BEFORE) != 0) + (uint32_t)get_varint(&p);
    t->end = t->start + (uint32_t)get_varint(&p);
    t->kind = code >> 6;
    t->flags = code & 0x3F;
    return p;
}

void segment_replay(seg_cache_t *cache, const doc_t *doc, span_t para, segment_t *seg)
{
    const uint8_t *p = cache->bytes.items + cache->pos;
    size_t n = (size_t)get_varint(&p), ns = (size_t)get_varint(&p);
    seg->tokens.len = 0;
    seg->sentences.len = 0;
    seg->qfirst = first_quote(doc, para.start, seg->qfirst);
    vec_reserve(&seg->sentences, ns);
    uint32_t first = 0;
    for (size_t s = 0; s < ns; s++) {
        uint32_t count = (uint32_t)get_varint(&p);
        seg->sentences.items[s] = (sentence_t){first, count};
        first += count;
    }
    seg->sentences.len = ns;
    /* (+ 1: the vector store of the last token runs into the room after it) */
    vec_reserve(&seg->tokens, n + 1);
    const short_token_t *short_token = short_tokens();
    token_t *tok = seg->tokens.items;
    uint32_t prev = para.start - 1;
#ifdef __SSE2__
    /* a short token is one add and one store: its table entry's offsets plus
     * prev in both; the 16 bytes stored put the entry's zero padding in the
     * next token's start, stored after. prevs holds prev in its first two
     * lanes, zeros in the others */
    __m128i prevs = _mm_shuffle_epi32(_mm_cvtsi32_si128((int)prev), _MM_SHUFFLE(1, 1, 0, 0));
    for (size_t i = 0; i < n; i++) {
        if (*p) {
            __m128i t = _mm_add_epi32(_mm_load_si128((const __m128i *)(const void *)&short_token[*p++]),
                                      prevs);
            _mm_storeu_si128((__m128i *)(void *)&tok[i], t);
            prevs = _mm_move_epi64(_mm_shuffle_epi32(t, _MM_SHUFFLE(1, 1, 1, 1)));  /* end, end, 0, 0 */
            continue;
        }
        prev = (uint32_t)_mm_cvtsi128_si32(prevs);
        p = get_long_token(p, prev, &tok[i]);
        prevs = _mm_shuffle_epi32(_mm_cvtsi32_si128((int)tok[i].end), _MM_SHUFFLE(1, 1, 0, 0));
    }
#else
    for (size_t i = 0; i < n; i++) {
        if (*p) {
            token_t t = short_token[*p++].tok;
            t.start += prev;
            t.end += prev;
            tok[i] = t;
        } else {
            p = get_long_token(p, prev, &tok[i]);
        }
        prev = tok[i].end;
    }
#endif
    /* the runs in quotes, listed in seg->quoted as segment_paragraph does */
    size_t nq = (size_t)get_varint(&p);
    vec_reserve(&seg->quoted, 2 * nq);
    for (size_t q = 0, end = 0; q < nq; q++) {
        size_t t = end + (size_t)get_varint(&p);
        end = t + (size_t)get_varint(&p);
        seg->quoted.items[2 * q] = (uint32_t)t;
        seg->quoted.items[2 * q + 1] = (uint32_t)end;
        for (; t < end; t++)
            tok[t].flags |= TOKF_IN_QUOTE;
    }
    seg->quoted.len = 2 * nq;
    seg->tokens.len = n;
    cache->pos = (size_t)(p - cache->bytes.items);
    size_t word = 0;
    for (size_t s = 0; s < ns; s++)
        word = mark_sentence_start(seg, seg->sentences.items[s].first, word);
}

void segment_cache_free(seg_cache_t *cache)
{
    vec_free(&cache->bytes);
}
