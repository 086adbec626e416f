/* fuzz_anchor.c — libFuzzer target: re-anchoring random notes against random
 * text (src/notes/anchor.h), and the notes store's save / re-anchor / export
 * round trip (store.h, export.h).
 * anchor mode: the input is TEXT \0 EXACT \0 PREFIX \0 SUFFIX (missing parts
 * are NULL), the first two bytes of TEXT also giving the hint. Checked: the
 * match lies inside the text, on character boundaries when the text is valid
 * UTF-8; an exact match is the exact text; an orphan is 0,0; similarities are
 * in 0..1. And an oracle: the same note planted in the text with its own
 * prefix and suffix must re-attach exactly to that passage.
 * store mode (first byte 'S'): "S" OLD \0 NEW \0 SPANS: notes are saved on
 * OLD at spans taken from the bytes of SPANS, then listed against NEW. Checked:
 * no note is lost; an orphan has an empty span; an anchored note lies inside
 * NEW on character boundaries, and an exact one holds its exact text; the
 * Markdown export has no raw escape, the JSON export parses. */
#include "config.h"
#include "fuzz.h"
#include "engine/doc.h"
#include "engine/ingest.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include "notes/anchor.h"
#include "notes/export.h"
#include "notes/store.h"
#include <jansson.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

static bool valid(const char *s, size_t n)
{
    return u8_check((const uint8_t *)s, n) == NULL;
}

static bool boundary(const char *t, size_t len, size_t i)
{
    return i == len || (i < len && ((unsigned char)t[i] & 0xC0) != 0x80);
}

static anchor_match_t check_find(const char *text, size_t len, const anchor_sel_t *sel)
{
    anchor_match_t m = anchor_find(text, len, sel);
    FUZZ_CHECK(m.kind == ANCHOR_ORPHAN || m.kind == ANCHOR_EXACT || m.kind == ANCHOR_FUZZY);
    FUZZ_CHECK(m.text_sim >= 0.0 && m.text_sim <= 1.0);
    FUZZ_CHECK(m.ctx_sim >= 0.0 && m.ctx_sim <= 1.0);
    if (m.kind == ANCHOR_ORPHAN) {
        FUZZ_CHECK(m.start == 0 && m.end == 0);
        return m;
    }
    FUZZ_CHECK(m.start <= m.end && m.end <= len);
    if (valid(text, len) && valid(sel->exact, strlen(sel->exact))) {
        FUZZ_CHECK(boundary(text, len, m.start));
        FUZZ_CHECK(boundary(text, len, m.end));
    }
    if (m.kind == ANCHOR_EXACT) {
        size_t n = strlen(sel->exact);
        FUZZ_CHECK(m.end - m.start == n && memcmp(text + m.start, sel->exact, n) == 0);
    }
    return m;
}

/* Occurrences of needle in hay, overlapping, counting up to limit. */
static size_t occurrences(const char *hay, const char *needle, size_t limit)
{
    size_t n = 0;
    for (const char *p = hay; n < limit && (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

/* A doc of bytes, through ingest as quoth reads a file; NULL if refused. */
static doc_t *make_doc(const char *bytes, size_t n)
{
    char err[256], *text, *buf = xmalloc(n + 1);
    size_t len;
    memcpy(buf, bytes, n);
    buf[n] = '\0';
    if (ingest_buffer(buf, n, NULL, &text, &len, err, sizeof err) != EXIT_OK)
        return NULL;
    return doc_new(text, (uint32_t)len, "fuzz.txt");
}

static uint32_t to_boundary(const doc_t *doc, uint32_t at)
{
    if (at > doc->len)
        at = doc->len;
    while (at > 0 && ((unsigned char)doc->text[at] & 0xC0) == 0x80)
        at--;
    return at;
}

static void remove_db(const char *path)
{
    char side[300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", path);
    unlink(side);
}

static void check_exports(const notes_export_t *x)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    FUZZ_CHECK(f && notes_export_md(f, x) == 0 && fclose(f) == 0);
    FUZZ_CHECK(memchr(out, 0x1B, outlen) == NULL);
    for (size_t i = 0; i + 1 < outlen; i++) {
        unsigned char a = (unsigned char)out[i], b = (unsigned char)out[i + 1];
        FUZZ_CHECK(!(a == 0xC2 && b >= 0x80 && b <= 0x9F));     /* C1 */
        FUZZ_CHECK(!(a == 0xE2 && b == 0x80 && i + 2 < outlen   /* U+202A..E */
                     && (unsigned char)out[i + 2] >= 0xAA && (unsigned char)out[i + 2] <= 0xAE));
    }
    FUZZ_CHECK(u8_check((const uint8_t *)out, outlen) == NULL);
    free(out);
    out = NULL;
    f = open_memstream(&out, &outlen);
    FUZZ_CHECK(f && notes_export_json(f, x) == 0 && fclose(f) == 0);
    json_error_t jerr;
    json_t *root = json_loadb(out, outlen, 0, &jerr);
    if (!root)
        fprintf(stderr, "bad JSON export at %d:%d: %s\n", jerr.line, jerr.column, jerr.text);
    FUZZ_CHECK(root != NULL);
    json_decref(root);
    free(out);
}

static void store_round_trip(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    const char *nul = memchr(p, '\0', (size_t)(end - p));
    if (!nul)
        return;
    const char *newp = nul + 1;
    const char *nul2 = memchr(newp, '\0', (size_t)(end - newp));
    if (!nul2)
        return;
    const uint8_t *spans = (const uint8_t *)nul2 + 1;
    size_t nspans = (size_t)(end - (const char *)spans) / 4;
    if (nspans > 8)
        nspans = 8;
    doc_t *old = make_doc(p, (size_t)(nul - p)), *new = make_doc(newp, (size_t)(nul2 - newp));
    if (!old || !new || old->len == 0) {
        if (old)
            doc_free(old);
        if (new)
            doc_free(new);
        return;
    }
    char path[256], err[256];
    const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/quoth-fuzz-notes-%ld.db", tmp && *tmp ? tmp : "/tmp", (long)getpid());
    remove_db(path);
    notes_store_t *st;
    FUZZ_CHECK(notes_store_open(path, NOTES_OPEN_CREATE, &st, err, sizeof err) == NOTES_OK);
    notes_bind(st, old);
    size_t saved = 0;
    for (size_t i = 0; i < nspans; i++) {
        const uint8_t *b = spans + 4 * i;
        uint32_t a = to_boundary(old, ((uint32_t)b[0] << 8 | b[1]) % (old->len + 1));
        uint32_t z = to_boundary(old, ((uint32_t)b[2] << 8 | b[3]) % (old->len + 1));
        span_t sp = {a < z ? a : z, a < z ? z : a};
        int64_t id;
        notes_rc rc = notes_add(st, sp, i % 2 ? "Anna Berg" : NULL, "a note\x1b[31m", &id);
        FUZZ_CHECK(rc == NOTES_OK || rc == NOTES_INVALID);
        saved += rc == NOTES_OK;
    }
    notes_bind(st, new);
    note_list_t list = {0};
    FUZZ_CHECK(notes_list(st, &list) == NOTES_OK);
    /* Same path, so the same article: every saved note comes back. */
    if (list.len != saved)
        fprintf(stderr, "%zu notes saved, %zu listed\n", saved, list.len);
    FUZZ_CHECK(list.len == saved);
    for (size_t i = 0; i < list.len; i++) {
        const note_t *n = &list.items[i];
        if (n->state == NOTE_ORPHAN) {
            FUZZ_CHECK(span_is_empty(n->span));
            continue;
        }
        FUZZ_CHECK(n->span.start <= n->span.end && n->span.end <= new->len);
        FUZZ_CHECK(n->span.start == to_boundary(new, n->span.start));
        FUZZ_CHECK(n->span.end == to_boundary(new, n->span.end));
        if (n->state == NOTE_EXACT)
            FUZZ_CHECK(strlen(n->exact) == span_len(n->span)
                       && memcmp(new->text + n->span.start, n->exact, span_len(n->span)) == 0);
    }
    notes_export_t x = {.doc = new, .path = "/fuzz.txt", .fingerprint = notes_fingerprint(st),
                        .notes = &list};
    check_exports(&x);
    note_list_free(&list);
    notes_store_close(st);
    remove_db(path);
    doc_free(old);
    doc_free(new);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == 'S') {
        store_round_trip(data, size);
        return 0;
    }
    /* Split at NULs: the parts are NUL-terminated copies. */
    char *buf = xmalloc(size + 1);
    memcpy(buf, data, size);
    buf[size] = '\0';
    const char *part[4] = {buf, NULL, NULL, NULL};
    char *end = buf + size;
    for (int i = 1; i < 4; i++) {
        char *nul = memchr(part[i - 1], '\0', (size_t)(end - part[i - 1]));
        if (!nul || nul == end)
            break;
        part[i] = nul + 1;
    }
    const char *text = part[0];
    size_t len = strlen(text);
    if (!part[1] || !part[1][0]) {
        /* No note: exercise the code point helpers on the text alone. */
        size_t cps = anchor_cp_count(text, len);
        FUZZ_CHECK(cps <= len);
        size_t mid = anchor_fwd(text, len, 0, cps / 2);
        FUZZ_CHECK(mid <= len);
        FUZZ_CHECK(anchor_back(text, mid, cps) <= mid);
        FUZZ_CHECK(anchor_fwd(text, len, mid, cps + 1) == len);
        double s = anchor_similarity(text, len / 2, text + len / 2, len - len / 2);
        FUZZ_CHECK(s >= 0.0 && s <= 1.0);
        free(buf);
        return 0;
    }
    size_t hint = size >= 2 ? ((size_t)data[0] << 8 | data[1]) : 0;
    anchor_sel_t sel = {.exact = part[1], .prefix = part[2], .suffix = part[3],
                        .hint = hint % (len + 1)};
    check_find(text, len, &sel);

    /* The oracle: plant PREFIX EXACT SUFFIX in the middle of the text. */
    const char *pre = part[2] ? part[2] : "", *suf = part[3] ? part[3] : "";
    size_t elen = strlen(sel.exact), plen = strlen(pre), slen = strlen(suf);
    /* An empty prefix or suffix says the passage stood at an end of the text. */
    if ((!part[2] || plen) && (!part[3] || slen)
        && valid(text, len) && valid(sel.exact, elen) && valid(pre, plen) && valid(suf, slen)
        && anchor_cp_count(pre, plen) <= ANCHOR_CONTEXT
        && anchor_cp_count(suf, slen) <= ANCHOR_CONTEXT) {
        size_t half = anchor_fwd(text, len, 0, anchor_cp_count(text, len) / 2);
        char *planted = xasprintf("%.*s%s%s%s%s", (int)half, text, pre, sel.exact, suf, text + half);
        size_t at = half + plen, plen_all = strlen(planted);
        if (occurrences(planted, sel.exact, ANCHOR_MAX_EXACT) < ANCHOR_MAX_EXACT) {
            anchor_sel_t again = sel;
            again.hint = at;
            anchor_match_t m = check_find(planted, plen_all, &again);
            if (m.kind != ANCHOR_EXACT)
                fprintf(stderr, "planted note at %zu not found exactly (kind %d, %zu..%zu)\n",
                        at, (int)m.kind, m.start, m.end);
            FUZZ_CHECK(m.kind == ANCHOR_EXACT);
        }
        free(planted);
    }
    free(buf);
    return 0;
}
