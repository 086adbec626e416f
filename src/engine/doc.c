/* doc.c — the document model: paragraphs, the date header, offsets, lookups.
 * Everything here is linear in the text or logarithmic per query; nothing
 * recurses. */
#include "config.h"
#include "engine/doc.h"
#include "engine/quotes.h"
#include "engine/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define CP_BLOCK_SHIFT 7        /* 128-byte blocks, as doc.h promises */
#define CP_BLOCK (1u << CP_BLOCK_SHIFT)

static bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A leading "date YYYY-MM-DD" (after optional spaces), followed by white
 * space or the end. Returns the offset where the rest of the text starts. */
static uint32_t parse_date_header(doc_t *doc)
{
    const char *t = doc->text;
    uint32_t i = 0, n = doc->len;
    while (i < n && is_hspace(t[i]))
        i++;
    if (n - i < 15 || memcmp(t + i, "date", 4) != 0 || !is_hspace(t[i + 4]))
        return 0;
    i += 4;
    while (i < n && is_hspace(t[i]))
        i++;
    if (n - i < 10)
        return 0;
    const char *d = t + i;
    for (int k = 0; k < 10; k++)
        if ((k == 4 || k == 7) ? d[k] != '-' : !is_digit(d[k]))
            return 0;
    if (i + 10 < n && !is_hspace(d[10]) && d[10] != '\n')
        return 0;
    memcpy(doc->date, d, 10);
    doc->date[10] = '\0';
    doc->date_span = (span_t){i, i + 10};
    return i + 10;
}

/* A block of lines between blank lines is one paragraph, unless one of its
 * lines is longer than anyone wraps text (paragraphs one a line, without
 * blank lines between them, as text pasted from a web page comes): then each
 * line is a paragraph. */
#define WRAPPED_LINE_MAX 150

/* Trims the line [*a, *b) of surrounding white space. */
static inline void trim(const char *t, uint32_t *a, uint32_t *b)
{
    while (*a < *b && is_hspace(t[*a]))
        (*a)++;
    while (*b > *a && is_hspace(t[*b - 1]))
        (*b)--;
}

/* The block [start, end) of non-blank lines becomes paragraphs. */
static void end_block(doc_t *doc, uint32_t start, uint32_t end, uint32_t longest)
{
    if (end <= start)
        return;
    /* a block of one line (its longest, end to end: most news text) is
     * pushed as it stands, not searched for its line ends again */
    if (longest <= WRAPPED_LINE_MAX || longest == end - start) {
        vec_push(&doc->paragraphs, ((span_t){start, end}));
        return;
    }
    const char *t = doc->text;
    for (uint32_t i = start; i < end;) {
        const char *nl = memchr(t + i, '\n', end - i);
        uint32_t eol = nl ? (uint32_t)(nl - t) : end, a = i, b = eol;
        trim(t, &a, &b);
        vec_push(&doc->paragraphs, ((span_t){a, b}));   /* never blank inside a block */
        i = eol + 1;
    }
}

/* Paragraphs, each trimmed of surrounding white space. */
static void split_paragraphs(doc_t *doc, uint32_t from)
{
    const char *t = doc->text;
    uint32_t n = doc->len, i = from, longest = 0, start = 0, end = 0;
    /* room for news text's paragraphs (one in 200-odd bytes) up front: a
     * large array reserved whole is on huge pages (xalloc.h), where one grown
     * by doubling faults its first megabyte in 4 KiB pages */
    vec_reserve(&doc->paragraphs, n / 256 + 1);
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        uint32_t eol = nl ? (uint32_t)(nl - t) : n, a = i, b = eol;
        trim(t, &a, &b);
        if (a == b) {                   /* a blank line ends the block */
            end_block(doc, start, end, longest);
            start = end = longest = 0;
        } else {
            if (end == 0)
                start = a;
            end = b;
            if (b - a > longest)
                longest = b - a;
        }
        i = eol + 1;
    }
    end_block(doc, start, end, longest);
}

/* The masks of 64-byte windows, 0xFF where a byte is counted, whatever the
 * byte order: read from + 64 - k, the first k bytes of a window (0 <= k <=
 * 64); from + 128 - k, all but the first k; from + 0, all 64. So no mask
 * needs flipping. */
#define FF8 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
static const unsigned char window_mask[192] = {FF8, FF8, FF8, FF8, FF8, FF8, FF8, FF8,
                                               [128] = FF8, FF8, FF8, FF8, FF8, FF8, FF8, FF8};
#undef FF8

/* The continuation bytes (10xxxxxx) among the 64 at p where the 64-byte mask
 * is 0xFF. No branch on the data. */
static inline uint32_t cont_bytes64(const unsigned char *p, const unsigned char *mask)
{
#ifdef __SSE2__
    /* a continuation byte is below -64 as a signed byte: the compare gives it
     * -1, subtracted into 16 lanes (at most 4 each) that psadbw sums */
    const __m128i lim = _mm_set1_epi8(-64);
    __m128i acc = _mm_setzero_si128();
#pragma GCC unroll 4
    for (int j = 0; j < 64; j += 16) {
        __m128i c = _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + j)), lim);
        __m128i m = _mm_loadu_si128((const __m128i *)(const void *)(mask + j));
        acc = _mm_sub_epi8(acc, _mm_and_si128(c, m));
    }
    acc = _mm_sad_epu8(acc, _mm_setzero_si128());
    return (uint32_t)_mm_cvtsi128_si32(acc) + (uint32_t)_mm_extract_epi16(acc, 4);
#else
    const uint64_t highs = 0x8080808080808080ull;
    uint64_t lanes = 0;
    for (int j = 0; j < 64; j += 8) {
        uint64_t w, m;
        memcpy(&w, p + j, 8);
        memcpy(&m, mask + j, 8);
        lanes += ((w & ~(w << 1) & highs) >> 7) & m;   /* 1 in a continuation byte's lane */
    }
    return (uint32_t)((lanes * 0x0101010101010101ull) >> 56);     /* lane sums, at most 64 */
#endif
}

/* Code points in t[from, to): the bytes that are not continuation bytes.
 * Only for the last, short block of the index (under 128 bytes). */
static size_t count_cps(const unsigned char *t, size_t from, size_t to)
{
    size_t cps = 0;
    for (size_t i = from; i < to; i++)
        cps += (t[i] & 0xC0) != 0x80;
    return cps;
}

static void build_cp_index(doc_t *doc)
{
    const unsigned char *t = (const unsigned char *)doc->text;
    size_t nblocks = ((size_t)doc->len >> CP_BLOCK_SHIFT) + 1;
    vec_reserve(&doc->cp_blocks, nblocks);
    uint32_t *cp = doc->cp_blocks.items, cps = 0;
    size_t b = 0;
    for (; b + 1 < nblocks; b++) {      /* the full blocks, in two halves */
        cp[b] = cps;
        const unsigned char *p = t + (b << CP_BLOCK_SHIFT);
        cps += CP_BLOCK - cont_bytes64(p, window_mask) - cont_bytes64(p + 64, window_mask);
    }
    cp[b] = cps;                        /* the last block, short, needs no entry after it */
    doc->cp_blocks.len = nblocks;
}

doc_t *doc_new(char *text, uint32_t len, const char *source_name)
{
    doc_t *doc = xcalloc(1, sizeof *doc);
    doc->text = text;
    doc->len = len;
    doc->source_name = xstrdup(source_name ? source_name : "-");
    split_paragraphs(doc, parse_date_header(doc));
    build_cp_index(doc);
    return doc;
}

void doc_free(doc_t *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->entities.len; i++)
        free(doc->entities.items[i].name);
    vec_free(&doc->entities);
    vec_free(&doc->mentions);
    vec_free(&doc->quotes);
    vec_free(&doc->paragraphs);
    vec_free(&doc->cp_blocks);
    free(doc->source_name);
    free(doc->text);
    free(doc);
}

size_t doc_cp_offset(const doc_t *doc, uint32_t byte)
{
    if (byte > doc->len)
        byte = doc->len;
    const unsigned char *t = (const unsigned char *)doc->text;
    size_t b = byte >> CP_BLOCK_SHIFT;
    uint32_t lo = (uint32_t)(b << CP_BLOCK_SHIFT), off = byte - lo;
    if (doc->len - lo < CP_BLOCK)       /* the last block, short: counted on */
        return doc->cp_blocks.items[b] + count_cps(t, lo, byte);
    /* Counted over the half of the block that holds byte, k bytes into it:
     * the lower half counts on from the block's start over its first k bytes,
     * the upper half back from the next block's start over its last 64 - k. */
    bool upper = off >= CP_BLOCK / 2;
    uint32_t half = upper ? CP_BLOCK / 2 : 0, k = off - half;
    uint32_t cont = cont_bytes64(t + lo + half, window_mask + (upper ? 128 : 64) - k);
    return upper ? doc->cp_blocks.items[b + 1] - (CP_BLOCK / 2 - k - cont)
                 : doc->cp_blocks.items[b] + k - cont;
}

bool doc_quote_part(const doc_t *doc, const quote_t *q, size_t k, span_t *part)
{
    if (!(q->flags & QUOTE_MULTIPARA)) {
        *part = q->span;
        return k == 0;
    }
    size_t p = q->paragraph + k;
    if (p >= doc->paragraphs.len || doc->paragraphs.items[p].start >= q->span.end)
        return false;
    span_t para = doc->paragraphs.items[p];
    uint32_t a = para.start > q->span.start ? para.start : q->span.start;
    uint32_t b = para.end < q->span.end ? para.end : q->span.end;
    if (k > 0)
        a += (uint32_t)quotes_mark_len(doc->text + a, b - a);
    *part = (span_t){a < b ? a : b, b};
    return true;
}

char *doc_quote_text(const doc_t *doc, const quote_t *q)
{
    char *out = xmalloc(span_len(q->span) + 1);
    size_t n = 0;
    span_t part;
    for (size_t k = 0; doc_quote_part(doc, q, k, &part); k++) {
        if (n)
            out[n++] = '\n';
        memcpy(out + n, doc->text + part.start, span_len(part));
        n += span_len(part);
    }
    out[n] = '\0';
    return out;
}

int doc_paragraph_at(const doc_t *doc, uint32_t byte)
{
    size_t lo = 0, hi = doc->paragraphs.len;   /* first paragraph with end > byte */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->paragraphs.items[mid].end <= byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < doc->paragraphs.len && doc->paragraphs.items[lo].start <= byte)
        return (int)lo;
    return -1;
}

span_t doc_quote_extent(const quote_t *q)
{
    uint32_t end = q->span.end;
    if (!span_is_empty(q->close_mark) && q->close_mark.end > end)
        end = q->close_mark.end;
    return (span_t){q->open_mark.start, end};
}

size_t doc_quotes_before(const doc_t *doc, uint32_t byte)
{
    size_t lo = 0, hi = doc->quotes.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->quotes.items[mid].open_mark.start < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int doc_quote_at(const doc_t *doc, uint32_t byte)
{
    /* Quotes nest properly and are sorted by opening mark, so the innermost
     * quote holding byte is the last one opened at or before it or an ancestor. */
    int32_t i = (int32_t)doc_quotes_before(doc, byte + 1) - 1;
    while (i >= 0) {
        span_t e = doc_quote_extent(&doc->quotes.items[i]);
        if (e.start <= byte && byte < e.end)
            return i;
        i = doc->quotes.items[i].parent;
    }
    return -1;
}

static bool same_caseless(const char *a, size_t an, const char *b, size_t bn)
{
    int r;
    if (u8_casecmp((const uint8_t *)a, an, (const uint8_t *)b, bn, NULL, UNINORM_NFC, &r) != 0)
        return an == bn && memcmp(a, b, an) == 0;
    return r == 0;
}

int doc_entity_by_alias(const doc_t *doc, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < doc->entities.len; i++) {
        const char *e = doc->entities.items[i].name;
        if (e && same_caseless(e, strlen(e), name, n))
            return (int)i;
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < doc->entities.len &&
            same_caseless(doc->text + m->span.start, span_len(m->span), name, n))
            return (int)m->entity;
    }
    return -1;
}

const char *entity_type_name(entity_type_t t)
{
    static const char *const names[ENT_TYPE_COUNT] = {
        [ENT_PERSON] = "person", [ENT_ORGANIZATION] = "organization",
        [ENT_PLACE] = "place", [ENT_DATE] = "date",
    };
    return (unsigned)t < ENT_TYPE_COUNT ? names[t] : "unknown";
}
