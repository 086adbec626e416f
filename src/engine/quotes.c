/* quotes.c — pairing quotation marks, one paragraph at a time.
 *
 * Pass 1 collects the candidate marks of a paragraph with the character
 * classes on either side; a backward pass notes, for each single mark, whether
 * a sure closing single mark follows in the paragraph (that decides a plural
 * possessive "nurses’"); pass 2 pairs marks on an explicit stack of at most
 * QUOTES_MAX_DEPTH entries. A closing mark finds its opener in O(1) through a
 * count, per closing mark, of the stack entries that accept it. A paragraph
 * that ends inside a quote continues it when the next paragraph opens with the
 * same mark (newswire); otherwise what is still open ends there, unclosed. */
#include "config.h"
#include "engine/quotes.h"
#include "engine/xalloc.h"
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum mark {
    M_NONE, M_LDQ, M_RDQ, M_LOW_DQ, M_DQ,   /* “ ” „ " */
    M_LSQ, M_RSQ, M_LOW_SQ, M_SQ,           /* ‘ ’ ‚ ' */
    M_LAQ, M_RAQ, M_LSAQ, M_RSAQ,           /* « » ‹ › */
    M_LCB, M_RCB, M_LWCB, M_RWCB,           /* 「 」 『 』 */
    M_COUNT
};

enum role { R_AMBIG, R_OPEN, R_CLOSE, R_OPEN_ONLY, R_CLOSE_ONLY };

#define BIT(m) (1u << (m))
static const struct {
    unsigned char role;         /* preferred role; *_ONLY ignores context */
    unsigned char single;       /* a single mark, which may be an apostrophe */
    unsigned accepts;           /* as an opener: the marks that close it */
} marks[M_COUNT] = {
    [M_LDQ] = {R_OPEN, 0, BIT(M_RDQ) | BIT(M_LDQ)},
    [M_RDQ] = {R_CLOSE, 0, BIT(M_RDQ)},                 /* Swedish ”…” */
    [M_LOW_DQ] = {R_OPEN_ONLY, 0, BIT(M_LDQ) | BIT(M_RDQ)},
    [M_DQ] = {R_AMBIG, 0, BIT(M_DQ)},
    [M_LSQ] = {R_OPEN, 1, BIT(M_RSQ)},
    [M_RSQ] = {R_CLOSE, 1, 0},                          /* never opens: ’90s, ’em */
    [M_LOW_SQ] = {R_OPEN_ONLY, 1, BIT(M_LSQ) | BIT(M_RSQ)},
    [M_SQ] = {R_AMBIG, 1, BIT(M_SQ)},
    [M_LAQ] = {R_OPEN, 0, BIT(M_RAQ)},
    [M_RAQ] = {R_CLOSE, 0, BIT(M_LAQ) | BIT(M_RAQ)},     /* German »…« */
    [M_LSAQ] = {R_OPEN, 0, BIT(M_RSAQ)},
    [M_RSAQ] = {R_CLOSE, 0, BIT(M_LSAQ) | BIT(M_RSAQ)},
    [M_LCB] = {R_OPEN_ONLY, 0, BIT(M_RCB)},
    [M_RCB] = {R_CLOSE_ONLY, 0, 0},
    [M_LWCB] = {R_OPEN_ONLY, 0, BIT(M_RWCB)},
    [M_RWCB] = {R_CLOSE_ONLY, 0, 0},
};

/* The mark at s, with its length in *len; M_NONE if there is none. */
static inline enum mark mark_at(const unsigned char *s, size_t n, size_t *len)
{
    *len = 1;
    if (s[0] == '"')
        return M_DQ;
    if (s[0] == '\'')
        return M_SQ;
    if (s[0] == 0xC2 && n >= 2) {
        *len = 2;
        return s[1] == 0xAB ? M_LAQ : s[1] == 0xBB ? M_RAQ : M_NONE;
    }
    if (n < 3 || s[1] != 0x80)
        return M_NONE;
    *len = 3;
    if (s[0] == 0xE2) {
        switch (s[2]) {
        case 0x98: return M_LSQ;
        case 0x99: return M_RSQ;
        case 0x9A: return M_LOW_SQ;
        case 0x9C: return M_LDQ;
        case 0x9D: return M_RDQ;
        case 0x9E: return M_LOW_DQ;
        case 0xB9: return M_LSAQ;
        case 0xBA: return M_RSAQ;
        default: return M_NONE;
        }
    }
    if (s[0] == 0xE3 && s[2] >= 0x8C && s[2] <= 0x8F)
        return (enum mark)(M_LCB + (s[2] - 0x8C));
    return M_NONE;
}

size_t quotes_mark_len(const char *s, size_t n)
{
    size_t len;
    if (n == 0 || mark_at((const unsigned char *)s, n, &len) == M_NONE || len > n)
        return 0;
    return len;
}

/* What stands beside a mark. */
enum cls { C_EDGE, C_SPACE, C_OPEN_PUNCT, C_PUNCT, C_ALNUM, C_MARK };

/* A character outside ASCII: the mark at at (n bytes), or its Unicode class. */
static enum cls classify_uc(ucs4_t c, const unsigned char *at, size_t n)
{
    size_t len;
    if (mark_at(at, n, &len) != M_NONE)
        return C_MARK;
    if (uc_is_property_white_space(c))
        return C_SPACE;
    if (uc_is_alpha(c) || uc_is_digit(c) || uc_is_general_category(c, UC_MARK))
        return C_ALNUM;
    if (uc_is_general_category(c, UC_OPEN_PUNCTUATION) || uc_is_general_category(c, UC_DASH_PUNCTUATION))
        return C_OPEN_PUNCT;
    return C_PUNCT;
}

/* Inline, as most marks stand beside ASCII. */
static inline enum cls classify(ucs4_t c, const unsigned char *at, size_t n)
{
    if (c >= 0x80)
        return classify_uc(c, at, n);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v')
        return C_SPACE;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return C_ALNUM;
    if (c >= '0' && c <= '9')
        return C_ALNUM;
    if (c == '"' || c == '\'')
        return C_MARK;
    if (c == '(' || c == '[' || c == '{' || c == '/' || c == '-')
        return C_OPEN_PUNCT;
    return C_PUNCT;
}

enum cand_flags {
    CF_APOS = 1 << 0,           /* decided in pass 1: an apostrophe, not a mark */
    CF_WEAK = 1 << 1,           /* s’ + space + word: closes only when nothing surer follows */
    CF_SURE_CLOSE_LATER = 1 << 2, /* a sure closing single mark follows in the paragraph */
};

typedef struct {
    uint32_t pos, len;
    unsigned char mark, lcls, rcls, flags;
} cand_t;

typedef struct {
    uint32_t quote;             /* index into doc->quotes */
    unsigned char mark;
    unsigned accepts;
} entry_t;

typedef struct {
    doc_t *doc;
    VEC(cand_t) cands;
    entry_t stack[QUOTES_MAX_DEPTH];
    unsigned depth;
    unsigned accept_count[M_COUNT]; /* stack entries that a mark would close */
    /* Openers past QUOTES_MAX_DEPTH make no quote, but their closing marks must
     * still pair with them, or they would close the quotes below (hostile
     * input: 10 000 nested quotes). Their accept masks, and counts per mark. */
    VEC(unsigned) overflow;
    unsigned overflow_count[M_COUNT];
    size_t para_first_quote;    /* first quote opened in the current paragraph */
    uint32_t skip_pos;          /* the mark that continues a multi-paragraph quote */
    bool skip_active;
    VEC(int32_t) remap;
} finder_t;

#define QF_DROP (1u << 7)       /* internal: removed when the paragraph ends */

static bool is_digit_at(const char *t, uint32_t i, uint32_t end)
{
    return i < end && t[i] >= '0' && t[i] <= '9';
}

#ifdef __SSE2__
#define MARK_SCAN 32            /* bytes first_mark_byte looks at */

/* The index of the first of the 32 bytes at p that may start a quotation
 * mark — a '"', a '\'' or a non-ASCII byte —, or 32 if none. */
static inline unsigned first_mark_byte(const unsigned char *p)
{
    const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\'');
    __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
    /* the top bits: non-ASCII bytes, and the compares' all-ones */
    lo = _mm_or_si128(lo, _mm_or_si128(_mm_cmpeq_epi8(lo, dq), _mm_cmpeq_epi8(lo, sq)));
    hi = _mm_or_si128(hi, _mm_or_si128(_mm_cmpeq_epi8(hi, dq), _mm_cmpeq_epi8(hi, sq)));
    uint32_t m = (uint32_t)_mm_movemask_epi8(lo) | (uint32_t)_mm_movemask_epi8(hi) << 16;
    return m ? (unsigned)__builtin_ctz(m) : MARK_SCAN;
}
#else
#define MARK_SCAN 8

/* The same for 8 bytes, as top bits in a word. One has-zero test covers
 * both ASCII marks: x ^ '"' keeps only bits 0 and 2 for " # & ' (0x22, 0x23,
 * 0x26, 0x27), so a rare # or & is a false alarm that the byte loop
 * dismisses. The test's borrows may flag bytes more significant than a true
 * one, never less: the least significant flag is always true. */
static inline unsigned first_mark_byte(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t v = (w ^ (ones * '"')) & (ones * 0xFA);
    /* a zero byte in v (the classic has-zero test), or a high bit in w */
    uint64_t m = (((v - ones) & ~v) | w) & high;
    if (!m)
        return MARK_SCAN;
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (unsigned)__builtin_clzll(m) >> 3;  /* perhaps a borrow's false alarm: dismissed */
#else
    return (unsigned)__builtin_ctzll(m) >> 3;
#endif
}
#endif

/* The first byte from i on that may start a mark, or end (of a paragraph)
 * if none comes before it: MARK_SCAN bytes at a time past runs of ASCII with
 * no " or ' (most text) while i is below scan_end (where the paragraph or
 * the text's last MARK_SCAN bytes start: bytes past end are read, not
 * taken); from there, i itself. */
static inline uint32_t skip_to_mark(const unsigned char *t, uint32_t i, uint32_t end, uint32_t scan_end)
{
    for (unsigned k = MARK_SCAN; k == MARK_SCAN && i < scan_end; i += k)
        k = first_mark_byte(t + i);
    return i < end ? i : end;
}

/* Pass 1: the candidate marks of one paragraph. */
static void collect(finder_t *f, span_t para)
{
    const char *text = f->doc->text;
    const unsigned char *t = (const unsigned char *)text;
    uint32_t n = f->doc->len, last = n >= MARK_SCAN ? n - MARK_SCAN + 1 : 0;
    uint32_t scan_end = para.end < last ? para.end : last;
    f->cands.len = 0;
    for (uint32_t i = skip_to_mark(t, para.start, para.end, scan_end); i < para.end;
         i = skip_to_mark(t, i + 1, para.end, scan_end)) {
        unsigned char b = t[i];
        if (b != '"' && b != '\'' && b != 0xC2 && b != 0xE2 && b != 0xE3)
            continue;
        size_t len;
        enum mark m = mark_at(t + i, para.end - i, &len);
        if (m == M_NONE)
            continue;
        cand_t c = {.pos = i, .len = (uint32_t)len, .mark = (unsigned char)m};
        ucs4_t lc = 0, rc = 0;
        if (i == para.start) {
            c.lcls = C_EDGE;
        } else {
            const uint8_t *prev = t + i - 1;
            if (*prev < 0x80)           /* its own character: no u8_prev call */
                lc = *prev;
            else
                prev = u8_prev(&lc, t + i, t + para.start);
            c.lcls = prev ? (unsigned char)classify(lc, prev, (size_t)(t + i - prev)) : C_EDGE;
        }
        uint32_t r = i + (uint32_t)len;
        if (r >= para.end) {
            c.rcls = C_EDGE;
        } else {
            u8_mbtouc(&rc, t + r, para.end - r);
            c.rcls = (unsigned char)classify(rc, t + r, para.end - r);
        }
        if (marks[m].single) {
            bool lopen = c.lcls == C_EDGE || c.lcls == C_SPACE || c.lcls == C_OPEN_PUNCT;
            if (c.lcls == C_ALNUM && c.rcls == C_ALNUM) {
                c.flags |= CF_APOS;                     /* don’t, Europe’s */
            } else if (lopen && c.rcls == C_ALNUM) {
                if (m == M_RSQ && is_digit_at(text, r, para.end))
                    c.flags |= CF_APOS;                 /* the ’90s */
                else if (is_digit_at(text, r, para.end) && is_digit_at(text, r + 1, para.end) &&
                         r + 2 < para.end && text[r + 2] == 's')
                    c.flags |= CF_APOS;                 /* the ‘90s, the '90s */
                else if (m == M_RSQ)
                    c.flags |= CF_APOS;                 /* ’em, ’til */
                /* rock ’n’ roll: a one-letter word between two single marks */
                size_t l2 = 0;
                enum mark m2 = r + 1 < para.end ? mark_at(t + r + 1, para.end - r - 1, &l2) : M_NONE;
                if ((unsigned char)text[r] < 0x80 && marks[m2].single &&
                    (r + 1 + l2 >= para.end || text[r + 1 + l2] == ' ')) {
                    c.flags |= CF_APOS;
                    vec_push(&f->cands, c);
                    cand_t c2 = {.pos = r + 1, .len = (uint32_t)l2, .mark = (unsigned char)m2,
                                 .lcls = C_ALNUM, .rcls = C_SPACE, .flags = CF_APOS};
                    vec_push(&f->cands, c2);
                    i = r + (uint32_t)l2;               /* the loop adds the last byte */
                    continue;
                }
            } else if (c.lcls == C_ALNUM && c.rcls == C_SPACE && (lc == 's' || lc == 'S')) {
                uint32_t k = r;                         /* nurses’ union */
                while (k < para.end && (text[k] == ' ' || text[k] == '\t'))
                    k++;
                if (k < para.end) {
                    ucs4_t nc;
                    u8_mbtouc(&nc, t + k, para.end - k);
                    if (classify(nc, t + k, para.end - k) == C_ALNUM)
                        c.flags |= CF_WEAK;
                }
            }
        }
        vec_push(&f->cands, c);
        i += (uint32_t)len - 1;
    }
    /* Backward: does a sure closing single mark come before the next opening one? */
    bool sure = false;
    for (size_t k = f->cands.len; k-- > 0;) {
        cand_t *c = &f->cands.items[k];
        if (!marks[c->mark].single || (c->flags & CF_APOS))
            continue;
        if (sure)
            c->flags |= CF_SURE_CLOSE_LATER;
        bool lopen = c->lcls == C_EDGE || c->lcls == C_SPACE || c->lcls == C_OPEN_PUNCT;
        bool rend = c->rcls == C_EDGE || c->rcls == C_SPACE || c->rcls == C_PUNCT ||
                    c->rcls == C_MARK || c->rcls == C_OPEN_PUNCT;
        if (!lopen && rend && !(c->flags & CF_WEAK))
            sure = true;
        else if (lopen && c->rcls != C_SPACE && c->rcls != C_EDGE)
            sure = false;
    }
}

/* Adds delta (+1 or -1) to counts[m] for each mark m of the set acc: one or
 * two marks, so the set bits are visited rather than every mark. */
static void count_marks(unsigned counts[M_COUNT], unsigned acc, int delta)
{
    for (; acc; acc &= acc - 1)
        counts[__builtin_ctz(acc)] += (unsigned)delta;
}

static void push(finder_t *f, const cand_t *c, uint32_t para_index)
{
    if (f->depth == QUOTES_MAX_DEPTH) {
        unsigned acc = marks[c->mark].accepts;
        vec_push(&f->overflow, acc);
        count_marks(f->overflow_count, acc, +1);
        return;
    }
    doc_t *doc = f->doc;
    quote_t q = {
        .span = {c->pos + c->len, c->pos + c->len},
        .open_mark = {c->pos, c->pos + c->len},
        .speaker = -1,
        .parent = f->depth ? (int32_t)f->stack[f->depth - 1].quote : -1,
        .paragraph = para_index,
    };
    vec_push(&doc->quotes, q);
    unsigned acc = marks[c->mark].accepts;
    f->stack[f->depth++] = (entry_t){(uint32_t)(doc->quotes.len - 1), c->mark, acc};
    count_marks(f->accept_count, acc, +1);
}

/* Pops the top entry; its quote ends at end (before a closing mark, if any). */
static void pop(finder_t *f, uint32_t end, span_t close_mark)
{
    entry_t e = f->stack[--f->depth];
    count_marks(f->accept_count, e.accepts, -1);
    quote_t *q = &f->doc->quotes.items[e.quote];
    const char *t = f->doc->text;
    if (span_is_empty(close_mark)) {
        q->flags |= QUOTE_UNCLOSED;
        while (end > q->span.start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n'))
            end--;
        /* A lone straight apostrophe is far likelier than an unclosed ' quote. */
        if (e.mark == M_SQ && !(q->flags & QUOTE_MULTIPARA))
            q->flags |= QF_DROP;
    }
    q->span.end = end;
    q->close_mark = close_mark;
    if (end <= q->span.start)
        q->flags |= QF_DROP;
}

static bool closes(const finder_t *f, enum mark m)
{
    return f->accept_count[m] + f->overflow_count[m] > 0;
}

static void overflow_pop(finder_t *f)
{
    unsigned acc = f->overflow.items[--f->overflow.len];
    count_marks(f->overflow_count, acc, -1);
}

/* A closing mark that pairs with an opener past the depth limit: consumed
 * (with the ignored openers inside it). Amortised O(1): entries popped once. */
static bool overflow_close(finder_t *f, enum mark m)
{
    if (!f->overflow_count[m])
        return false;
    while (!(f->overflow.items[f->overflow.len - 1] & BIT(m)))
        overflow_pop(f);
    overflow_pop(f);
    return true;
}

static void close_with(finder_t *f, const cand_t *c)
{
    span_t mark = {c->pos, c->pos + c->len};
    while (!(f->stack[f->depth - 1].accepts & BIT(c->mark)))
        pop(f, c->pos, SPAN_NONE);              /* inner marks left open end here */
    pop(f, c->pos, mark);
}

/* Pass 2 for one candidate. */
static void pair(finder_t *f, const cand_t *c, uint32_t para_index, uint32_t *last_open_end)
{
    enum mark m = c->mark;
    if (c->flags & CF_APOS)
        return;
    bool after_opener = c->lcls == C_MARK && *last_open_end == c->pos;
    bool lopen = c->lcls == C_EDGE || c->lcls == C_SPACE || c->lcls == C_OPEN_PUNCT || after_opener;
    bool rspace = c->rcls == C_EDGE || c->rcls == C_SPACE;
    bool rpunct = c->rcls == C_PUNCT || c->rcls == C_MARK || c->rcls == C_OPEN_PUNCT;
    /* “” : a closing mark right after its opener is an empty quote (dropped). */
    if (after_opener && f->depth && !f->overflow.len && (rspace || rpunct) &&
        (f->stack[f->depth - 1].accepts & BIT(m)) &&
        marks[m].role != R_OPEN_ONLY) {
        close_with(f, c);
        return;
    }
    enum role role = marks[m].role;
    if (role == R_OPEN_ONLY)
        role = R_OPEN;
    else if (role == R_CLOSE_ONLY)
        role = R_CLOSE;
    else if (lopen && !rspace)
        role = R_OPEN;
    else if (!lopen && (rspace || rpunct))
        role = R_CLOSE;
    else if (lopen && rspace) {
        /* A mark standing alone: French « spaced » guillemets keep their
         * direction; any other lone mark is a stray. */
        if (m != M_LAQ && m != M_RAQ && m != M_LSAQ && m != M_RSAQ)
            return;
    }
    else if (role == R_AMBIG)
        role = closes(f, m) ? R_CLOSE : R_OPEN;

    if (role == R_CLOSE) {
        if (!closes(f, m))
            return;                             /* nothing to close: an apostrophe or a stray */
        if (f->overflow.len) {
            if ((c->flags & CF_WEAK) || overflow_close(f, m))
                return;                         /* an apostrophe, or an ignored quote's end */
            while (f->overflow.len)             /* it closes a real quote below */
                overflow_pop(f);
            if (!f->accept_count[m])
                return;
        }
        if (c->flags & CF_WEAK) {
            /* nurses’ closes only a quote opened just before with a single mark,
             * and only when no sure closing mark follows in the paragraph. */
            if (!(f->stack[f->depth - 1].accepts & BIT(m)) || (c->flags & CF_SURE_CLOSE_LATER))
                return;
        }
        close_with(f, c);
        return;
    }
    if (m == M_RSQ)
        return;                                 /* ’ never opens */
    push(f, c, para_index);
    *last_open_end = c->pos + c->len;
}

/* Drops the quotes marked QF_DROP among those opened in this paragraph,
 * re-pointing parents and the stack. */
static void compact(finder_t *f)
{
    doc_t *doc = f->doc;
    size_t first = f->para_first_quote, n = doc->quotes.len;
    bool any = false;
    for (size_t i = first; i < n && !any; i++)
        any = doc->quotes.items[i].flags & QF_DROP;
    if (!any)
        return;
    f->remap.len = 0;
    vec_reserve(&f->remap, n - first);
    size_t k = first;
    for (size_t i = first; i < n; i++) {
        quote_t q = doc->quotes.items[i];
        int32_t p = q.parent;
        if (p >= (int32_t)first)
            p = f->remap.items[p - first];
        if (q.flags & QF_DROP) {
            f->remap.items[i - first] = p;      /* children move up to the parent */
            continue;
        }
        f->remap.items[i - first] = (int32_t)k;
        q.parent = p;
        doc->quotes.items[k++] = q;
    }
    doc->quotes.len = k;
    for (unsigned d = 0; d < f->depth; d++)
        if (f->stack[d].quote >= first)
            f->stack[d].quote = (uint32_t)f->remap.items[f->stack[d].quote - first];
}

void quotes_find(doc_t *doc)
{
    finder_t f = {.doc = doc};
    const unsigned char *t = (const unsigned char *)doc->text;
    /* Room for news text's density of quotes (one in 200-odd bytes) before
     * the first: capacity costs nothing until touched, and a large array
     * reserved whole is on huge pages from its start, where one grown by
     * doubling has its first megabytes on 4 KiB pages, each a page fault
     * (1900 of them, 20% of all, on 50 MB). */
    vec_reserve(&doc->quotes, doc->len / 256);
    for (size_t p = 0; p < doc->paragraphs.len; p++) {
        span_t para = doc->paragraphs.items[p];
        uint32_t last_open_end = UINT32_MAX;
        f.para_first_quote = doc->quotes.len;
        collect(&f, para);
        for (size_t k = 0; k < f.cands.len; k++) {
            const cand_t *c = &f.cands.items[k];
            if (f.skip_active && c->pos == f.skip_pos) {
                f.skip_active = false;
                last_open_end = c->pos + c->len;
                continue;
            }
            pair(&f, c, (uint32_t)p, &last_open_end);
        }
        f.skip_active = false;
        while (f.overflow.len)
            overflow_pop(&f);
        if (f.depth) {
            /* Newswire: the next paragraph re-opens with the same mark. */
            size_t len;
            bool cont = p + 1 < doc->paragraphs.len &&
                        mark_at(t + doc->paragraphs.items[p + 1].start,
                                span_len(doc->paragraphs.items[p + 1]), &len) == f.stack[0].mark;
            while (f.depth > (cont ? 1u : 0u))
                pop(&f, para.end, SPAN_NONE);
            if (cont) {
                quote_t *q = &doc->quotes.items[f.stack[0].quote];
                q->flags |= QUOTE_MULTIPARA;
                q->span.end = para.end;
                f.skip_active = true;
                f.skip_pos = doc->paragraphs.items[p + 1].start;
            }
        }
        compact(&f);
    }
    vec_free(&f.cands);
    vec_free(&f.remap);
    vec_free(&f.overflow);
}
