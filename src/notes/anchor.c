/* anchor.c — exact, then scored fuzzy, then orphan (see anchor.h). */
#include "config.h"
#include "notes/anchor.h"
#include "engine/vec.h"
#include "engine/xalloc.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* Thresholds. A context side is the 32 code points before or after; its
 * similarity is 1 - edit distance / length. Half of the context must survive
 * for a passage to be recognised: enough for typo fixes and a changed speech
 * verb next to the quote, not enough for the same words in another paragraph. */
#define EXACT_CTX_MIN 0.5
#define FUZZY_TEXT_MIN 0.75
#define FUZZY_CTX_MIN 0.5
#define BLIND_TEXT_MIN 0.9      /* no context stored (notes migrated from v1) */
#define HITS_MAX 3              /* prefix-tail and suffix-head hits used, each */
#define HIT_CP 12               /* code points of prefix tail / suffix head searched */
#define HIT_CP_MIN 6            /* shorter tails match too much to be a clue */
#define CAND_MAX 32             /* fuzzy candidates scored per window */
#define OCC_CAP ((size_t)1 << 20) /* occurrences remembered before choosing */
#define NEAR_BYTES 65536        /* searched first around the old position */

typedef VEC(size_t) sizes_t;

static bool is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

size_t anchor_cp_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !is_cont((unsigned char)s[i]);
    return k;
}

size_t anchor_back(const char *text, size_t pos, size_t k)
{
    while (k > 0 && pos > 0) {
        pos--;
        while (pos > 0 && is_cont((unsigned char)text[pos]))
            pos--;
        k--;
    }
    return pos;
}

size_t anchor_fwd(const char *text, size_t len, size_t pos, size_t k)
{
    while (k > 0 && pos < len) {
        pos++;
        while (pos < len && is_cont((unsigned char)text[pos]))
            pos++;
        k--;
    }
    return pos;
}

/* Code points of s[0..n); offs (when wanted) gets the byte offset of each,
 * plus n at the end. Invalid bytes decode as U+FFFD, one byte each. */
static uint32_t *decode(const char *s, size_t n, size_t *count, size_t **offs)
{
    uint32_t *u = xmalloc((n + 1) * sizeof *u);
    size_t *o = offs ? xmalloc((n + 1) * sizeof *o) : NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
        if (o)
            o[k] = i;
        u[k++] = c;
        i += l > 0 ? (size_t)l : 1;
    }
    if (o) {
        o[k] = n;
        *offs = o;
    }
    *count = k;
    return u;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

static size_t edit_distance(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t *row = xmalloc((m + 1) * sizeof *row);
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            row[j] = min3(diag + (a[i - 1] != b[j - 1]), up + 1, row[j - 1] + 1);
            diag = up;
        }
    }
    size_t d = row[m];
    free(row);
    return d;
}

static double sim_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    if (n == 0 && m == 0)
        return 1.0;
    return 1.0 - (double)edit_distance(a, n, b, m) / (double)(n > m ? n : m);
}

double anchor_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n, m;
    uint32_t *ua = decode(a, alen, &n, NULL), *ub = decode(b, blen, &m, NULL);
    double s = sim_cp(ua, n, ub, m);
    free(ua);
    free(ub);
    return s;
}

/* The selector decoded once. */
struct want {
    const char *exact;
    size_t exact_len, m;         /* bytes, code points */
    uint32_t *pre, *suf;         /* NULL when unknown */
    size_t npre, nsuf;
    size_t hint;
};

/* Stored contexts are ANCHOR_CONTEXT long; a tampered database could hold
 * more, so keep the part next to the passage and bound the work. */
static uint32_t *decode_context(const char *s, bool tail, size_t *n)
{
    if (!s) {
        *n = 0;
        return NULL;
    }
    uint32_t *u = decode(s, strlen(s), n, NULL);
    if (*n > 2 * ANCHOR_CONTEXT) {
        if (tail)
            memmove(u, u + *n - 2 * ANCHOR_CONTEXT, 2 * ANCHOR_CONTEXT * sizeof *u);
        *n = 2 * ANCHOR_CONTEXT;
    }
    return u;
}

/* Mean similarity of the known context sides around [s, e); -1 if none known.
 * A side is compared with as many code points as were stored: a short prefix
 * means the passage stood near the start, and text added before the article
 * should not count against it. An empty side must still be empty. */
static double ctx_score(const struct want *w, const char *text, size_t len, size_t s, size_t e)
{
    double sum = 0;
    int known = 0;
    size_t n;
    if (w->pre) {
        size_t b = anchor_back(text, s, w->npre ? w->npre : ANCHOR_CONTEXT);
        uint32_t *u = decode(text + b, s - b, &n, NULL);
        sum += sim_cp(w->pre, w->npre, u, n);
        free(u);
        known++;
    }
    if (w->suf) {
        size_t f = anchor_fwd(text, len, e, w->nsuf ? w->nsuf : ANCHOR_CONTEXT);
        uint32_t *u = decode(text + e, f - e, &n, NULL);
        sum += sim_cp(w->suf, w->nsuf, u, n);
        free(u);
        known++;
    }
    return known ? sum / known : -1.0;
}

/* 1 at the old position, halving one passage length (plus a little) away. */
static double nearness(const struct want *w, size_t pos)
{
    size_t d = pos > w->hint ? pos - w->hint : w->hint - pos;
    return 1.0 / (1.0 + (double)d / (double)(w->exact_len + 256));
}

static void find_all(const char *text, size_t len, const char *needle, size_t nlen, sizes_t *out)
{
    if (nlen == 0 || nlen > len)
        return;
    const char *p = text, *end = text + len;
    while (out->len < OCC_CAP && (p = memmem(p, (size_t)(end - p), needle, nlen)) != NULL) {
        vec_push(out, (size_t)(p - text));
        p++;
    }
}

/* Keeps the k positions of a sorted list that are nearest to hint. */
static void keep_nearest(sizes_t *v, size_t hint, size_t k)
{
    if (v->len <= k)
        return;
    size_t lo = 0, hi = v->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->items[mid] < hint)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t a = lo, b = lo;          /* chosen: [a, b) */
    while (b - a < k) {
        if (a == 0)
            b++;
        else if (b == v->len)
            a--;
        else if (hint - v->items[a - 1] <= v->items[b] - hint)
            a--;
        else
            b++;
    }
    memmove(v->items, v->items + a, (b - a) * sizeof *v->items);
    v->len = b - a;
}

static size_t sub_sat(size_t a, size_t b)
{
    return a > b ? a - b : 0;
}

static size_t add_cap(size_t a, size_t b, size_t cap)
{
    return a + b > cap || a + b < a ? cap : a + b;
}

/* Scores occurrences of the exact text (positions in occ); keeps the best
 * whose context fits. Returns the best score so far. */
static double score_exact(const struct want *w, const char *text, size_t len, const sizes_t *occ,
                          double best_score, anchor_match_t *best)
{
    for (size_t i = 0; i < occ->len; i++) {
        size_t s = occ->items[i], e = s + w->exact_len;
        double near = nearness(w, s), ctx = ctx_score(w, text, len, s, e);
        bool blind = ctx < 0;
        if (blind)
            ctx = near;
        double score = blind ? near : 0.8 * ctx + 0.2 * near;
        if ((blind || ctx >= EXACT_CTX_MIN) && score > best_score) {
            best_score = score;
            *best = (anchor_match_t){ANCHOR_EXACT, s, e, 1.0, ctx};
        }
    }
    return best_score;
}

static bool exact_pass(const struct want *w, const char *text, size_t len, anchor_match_t *best)
{
    /* Near the old place first: an occurrence there with its context intact
     * (or the nearest one, when no context is known) cannot be beaten by one
     * further away, and the whole text need not be searched. */
    sizes_t occ = {0};
    size_t lo = sub_sat(w->hint, NEAR_BYTES), hi = add_cap(w->hint, w->exact_len + NEAR_BYTES, len);
    find_all(text + lo, hi - lo, w->exact, w->exact_len, &occ);
    for (size_t i = 0; i < occ.len; i++)
        occ.items[i] += lo;
    double best_score = score_exact(w, text, len, &occ, -1, best);
    bool settled = best_score >= 0 && (!w->pre && !w->suf ? true : best->ctx_sim >= 1.0);
    if (!settled && (lo > 0 || hi < len)) {
        occ.len = 0;
        find_all(text, len, w->exact, w->exact_len, &occ);
        keep_nearest(&occ, w->hint, ANCHOR_MAX_EXACT);
        best_score = score_exact(w, text, len, &occ, -1, best);
    }
    vec_free(&occ);
    return best_score >= 0;
}

/* Sellers' approximate matching of pat in the window text[a, b): edit
 * distance with a free start, the start carried along each cell. Scores each
 * local minimum within reach and keeps the best in *best. */
static void fuzzy_window(const struct want *w, const uint32_t *pat, const char *text, size_t len,
                         size_t a, size_t b, double *best_score, anchor_match_t *best)
{
    while (a > 0 && is_cont((unsigned char)text[a]))
        a--;
    while (b < len && is_cont((unsigned char)text[b]))
        b++;
    size_t n, *offs, m = w->m;
    uint32_t *t = decode(text + a, b - a, &n, &offs);
    size_t *cost = xmalloc((n + 1) * sizeof *cost), *st = xmalloc((n + 1) * sizeof *st);
    for (size_t j = 0; j <= n; j++)
        cost[j] = 0, st[j] = j;
    for (size_t i = 1; i <= m; i++) {
        size_t dc = cost[0], ds = st[0];
        cost[0] = i;
        st[0] = 0;
        for (size_t j = 1; j <= n; j++) {
            size_t uc = cost[j], us = st[j];
            size_t c = dc + (pat[i - 1] != t[j - 1]), s = ds;
            if (uc + 1 < c)
                c = uc + 1, s = us;
            if (cost[j - 1] + 1 < c)
                c = cost[j - 1] + 1, s = st[j - 1];
            cost[j] = c;
            st[j] = s;
            dc = uc;
            ds = us;
        }
    }
    size_t maxd = (size_t)((1.0 - FUZZY_TEXT_MIN) * (double)m), tried = 0;
    for (size_t j = 1; j <= n && tried < CAND_MAX; j++) {
        bool local_min = cost[j] <= maxd && cost[j] <= cost[j - 1] && (j == n || cost[j] <= cost[j + 1]);
        if (!local_min || st[j] >= j)
            continue;
        if (j < n && cost[j + 1] == cost[j] && st[j + 1] == st[j])
            continue;               /* the same match a character longer: take the end of a plateau */
        tried++;
        size_t s = a + offs[st[j]], e = a + offs[j], span = j - st[j];
        double tsim = 1.0 - (double)cost[j] / (double)(m > span ? m : span);
        double ctx = ctx_score(w, text, len, s, e), near = nearness(w, s);
        bool blind = ctx < 0;
        bool fits = blind ? tsim >= BLIND_TEXT_MIN : tsim >= FUZZY_TEXT_MIN && ctx >= FUZZY_CTX_MIN;
        double score = blind ? 0.8 * tsim + 0.2 * near : 0.5 * tsim + 0.4 * ctx + 0.1 * near;
        if (fits && score > *best_score) {
            *best_score = score;
            *best = (anchor_match_t){ANCHOR_FUZZY, s, e, tsim, blind ? near : ctx};
        }
    }
    free(t);
    free(offs);
    free(cost);
    free(st);
}

/* Where the last (tail) or first code points of a context still occur. */
static void context_hits(const struct want *w, const char *text, size_t len, bool tail, sizes_t *hits,
                         size_t *hit_len)
{
    const uint32_t *u = tail ? w->pre : w->suf;
    size_t n = tail ? w->npre : w->nsuf;
    if (!u || n < HIT_CP_MIN)
        return;
    size_t k = n < HIT_CP ? n : HIT_CP;
    size_t blen;
    uint8_t *bytes = u32_to_u8(tail ? u + n - k : u, k, NULL, &blen);
    if (!bytes)
        return;                     /* out of memory: fewer clues, not an error */
    *hit_len = blen;
    find_all(text, len, (const char *)bytes, blen, hits);
    keep_nearest(hits, w->hint, HITS_MAX);
    free(bytes);
}

static bool fuzzy_pass(const struct want *w, const char *text, size_t len, anchor_match_t *best)
{
    if (w->m > ANCHOR_MAX_FUZZY_CP)
        return false;
    uint32_t *pat = decode(w->exact, w->exact_len, &(size_t){0}, NULL);
    double best_score = -1;
    size_t r = 2 * w->exact_len + 1024;
    fuzzy_window(w, pat, text, len, sub_sat(w->hint, r), add_cap(w->hint, w->exact_len + r, len),
                 &best_score, best);
    /* The passage may have moved further than the window: look where its
     * context still stands. */
    sizes_t hits = {0};
    size_t hl = 0, reach = 2 * w->exact_len + 64;
    context_hits(w, text, len, true, &hits, &hl);
    for (size_t i = 0; i < hits.len; i++) {
        size_t after = hits.items[i] + hl;
        fuzzy_window(w, pat, text, len, sub_sat(after, 64), add_cap(after, reach, len), &best_score, best);
    }
    hits.len = 0;
    context_hits(w, text, len, false, &hits, &hl);
    for (size_t i = 0; i < hits.len; i++) {
        size_t before = hits.items[i];
        fuzzy_window(w, pat, text, len, sub_sat(before, reach), add_cap(before, 64, len), &best_score, best);
    }
    vec_free(&hits);
    free(pat);
    return best_score >= 0;
}

anchor_match_t anchor_find(const char *text, size_t len, const anchor_sel_t *sel)
{
    anchor_match_t best = {ANCHOR_ORPHAN, 0, 0, 0, 0};
    if (!sel->exact || !*sel->exact)
        return best;
    struct want w = {.exact = sel->exact, .exact_len = strlen(sel->exact)};
    w.m = anchor_cp_count(w.exact, w.exact_len);
    w.hint = sel->hint > len ? len : sel->hint;
    w.pre = decode_context(sel->prefix, true, &w.npre);
    w.suf = decode_context(sel->suffix, false, &w.nsuf);
    if (!exact_pass(&w, text, len, &best) && !fuzzy_pass(&w, text, len, &best))
        best = (anchor_match_t){ANCHOR_ORPHAN, 0, 0, 0, 0};
    free(w.pre);
    free(w.suf);
    return best;
}
