/* json_out.c — `quoth --json`: the JSON contract of DESIGN.md, streamed.
 * The output is written object by object through one buffer (no tree of the
 * whole document, so memory stays flat for a 100 MB article); every string is
 * encoded by jansson (json_dumpb of a reused string value: no hand-written
 * escaping). Building a jansson object per quote cost 1.5 µs each, 6x this.
 * Offsets are code points (doc_cp_offset). */
#include "config.h"
#include "cli/cli.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define FLUSH_AT (64 * 1024)

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

/* Room for n more bytes; the check is inline as every token of output asks. */
static inline void reserve(writer_t *w, size_t n)
{
    if (w->len + n > w->cap)
        w->buf = xgrow(w->buf, &w->cap, w->len + n, 1);
}

static inline void put_n(writer_t *w, const char *s, size_t n)
{
    reserve(w, n);
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    if (w->len >= FLUSH_AT)
        flush(w);
}

static inline void put(writer_t *w, const char *s)
{
    put_n(w, s, strlen(s));
}

static void put_uint(writer_t *w, size_t v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    put_n(w, p, (size_t)(tmp + sizeof tmp - p));
}

/* True when jansson would print s as it is between two quotes: no byte
 * below 0x20, no '"', no '\\' (jansson escapes nothing else by default). */
static bool needs_no_escape(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return false;
    }
    return true;
}

/* A JSON string of n bytes of valid UTF-8, encoded by jansson; a string that
 * jansson would copy unchanged is copied directly (most quote texts). */
static void put_string(writer_t *w, const char *s, size_t n)
{
    if (needs_no_escape(s, n)) {
        reserve(w, n + 2);
        w->buf[w->len] = '"';
        memcpy(w->buf + w->len + 1, s, n);
        w->buf[w->len + n + 1] = '"';
        w->len += n + 2;
        if (w->len >= FLUSH_AT)
            flush(w);
        return;
    }
    if (json_string_setn_nocheck(w->str, s, n) != 0) {
        w->good = false;
        return;
    }
    size_t room = 6 * n + 2;            /* the worst case: every byte as \u00XX */
    reserve(w, room);
    w->len += json_dumpb(w->str, w->buf + w->len, room, JSON_ENCODE_ANY);
    if (w->len >= FLUSH_AT)
        flush(w);
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

/* Code point offsets of byte offsets that mostly increase: counting on from
 * the previous answer reads the text once, in order, instead of a scattered
 * block of it per offset. */
typedef struct {
    uint32_t byte;
    size_t cp;
} cp_cursor_t;

static size_t cursor_cp(const doc_t *doc, cp_cursor_t *c, uint32_t byte)
{
    if (byte < c->byte || byte - c->byte > 4096)
        c->cp = doc_cp_offset(doc, byte);
    else
        c->cp += doc_cp_count(doc, c->byte, byte);
    c->byte = byte;
    return c->cp;
}

/* {"start":S,"end":E,"text":"…"} in code points, or null for an empty span. */
static void put_span_cp(writer_t *w, const doc_t *doc, span_t s, size_t cp_start, size_t cp_end)
{
    put(w, "{\"start\":");
    put_uint(w, cp_start);
    put(w, ",\"end\":");
    put_uint(w, cp_end);
    put(w, ",\"text\":");
    put_string(w, doc->text + s.start, span_len(s));
    put(w, "}");
}

static void put_span(writer_t *w, const doc_t *doc, span_t s, cp_cursor_t *c)
{
    if (span_is_empty(s)) {
        put(w, "null");
        return;
    }
    size_t a = cursor_cp(doc, c, s.start);
    put_span_cp(w, doc, s, a, cursor_cp(doc, c, s.end));
}

/* One cursor for each kind of offset, as each kind increases through the text. */
typedef struct {
    cp_cursor_t start, end, source, cue;
} quote_cursors_t;

static void put_quote(writer_t *w, const doc_t *doc, size_t id, quote_cursors_t *qc)
{
    const quote_t *q = &doc->quotes.items[id];
    put(w, "{\"id\":");
    put_uint(w, id);
    put(w, ",\"start\":");
    put_uint(w, cursor_cp(doc, &qc->start, q->span.start));
    put(w, ",\"end\":");
    put_uint(w, cursor_cp(doc, &qc->end, q->span.end));
    put(w, ",\"text\":");
    if (q->flags & QUOTE_MULTIPARA) {
        char *text = doc_quote_text(doc, q);
        put_string(w, text, strlen(text));
        free(text);
    } else {
        put_string(w, doc->text + q->span.start, span_len(q->span));
    }
    put(w, ",\"speaker\":");
    if (q->speaker >= 0 && (size_t)q->speaker < doc->entities.len) {
        const char *name = doc->entities.items[q->speaker].name;
        put_string(w, name, strlen(name));
        put(w, ",\"speaker_id\":");
        put_uint(w, (size_t)q->speaker);
    } else {
        put(w, "null,\"speaker_id\":null");
    }
    put(w, ",\"source\":");
    put_span(w, doc, q->source, &qc->source);
    put(w, ",\"cue\":");
    put_span(w, doc, q->cue, &qc->cue);
    put(w, "}");
}

/* A NAME mention ready to print: its bytes and its code points. */
typedef struct {
    span_t span;
    size_t cp_start, cp_end;
} out_mention_t;

/* NAME mentions grouped by entity (a counting sort over the mentions, read
 * once in text order so the code points come from one running count): the
 * mentions of entity e are out[first[e] .. first[e + 1]), in text order. */
static out_mention_t *group_mentions(const doc_t *doc, size_t **first_out)
{
    size_t ne = doc->entities.len;
    size_t *first = xcalloc(ne + 2, sizeof *first);
    out_mention_t *out = xmalloc((doc->mentions.len + 1) * sizeof *out);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < ne)
            first[m->entity + 2]++;
    }
    for (size_t e = 1; e <= ne; e++)     /* first[e + 1]: where entity e's run starts */
        first[e + 1] += first[e];
    cp_cursor_t c = {0, 0};
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind != MENTION_NAME || m->entity >= ne)
            continue;
        out_mention_t *o = &out[first[m->entity + 1]++];
        o->span = m->span;
        o->cp_start = cursor_cp(doc, &c, m->span.start);
        o->cp_end = cursor_cp(doc, &c, m->span.end);
    }
    *first_out = first;                 /* now first[e] is where entity e's run starts */
    return out;
}

static void put_entity(writer_t *w, const doc_t *doc, size_t id, const size_t *first,
                       const out_mention_t *ms)
{
    const entity_t *e = &doc->entities.items[id];
    const char *name = e->name ? e->name : "";
    put(w, "{\"id\":");
    put_uint(w, id);
    put(w, ",\"name\":");
    put_string(w, name, strlen(name));
    put(w, ",\"type\":\"");
    put(w, entity_type_name(e->type));   /* a fixed ASCII word */
    put(w, "\",\"mentions\":[");
    for (size_t k = first[id]; k < first[id + 1]; k++) {
        if (k > first[id])
            put(w, ",");
        put_span_cp(w, doc, ms[k].span, ms[k].cp_start, ms[k].cp_end);
    }
    put(w, "],\"quotes\":");
    put_uint(w, e->nquotes);
    put(w, "}");
}

int cli_json(const doc_t *doc, FILE *out)
{
    size_t *first;
    out_mention_t *ms = group_mentions(doc, &first);
    writer_t w = {.out = out, .str = json_string(""), .good = true};
    if (!w.str) {
        fputs("quoth: out of memory\n", stderr);
        return EXIT_FAILURE_;
    }
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
    quote_cursors_t qc = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    for (size_t i = 0; w.good && i < doc->quotes.len; i++) {
        put(&w, i ? ",\n  " : "\n  ");
        put_quote(&w, doc, i, &qc);
    }
    put(&w, doc->quotes.len ? "\n ],\n \"entities\": [" : "],\n \"entities\": [");
    for (size_t i = 0; w.good && i < doc->entities.len; i++) {
        put(&w, i ? ",\n  " : "\n  ");
        put_entity(&w, doc, i, first, ms);
    }
    put(&w, doc->entities.len ? "\n ]\n}\n" : "]\n}\n");
    flush(&w);
    json_decref(w.str);
    free(w.buf);
    free(first);
    free(ms);
    if (!w.good) {
        fputs("quoth: cannot write the JSON output\n", stderr);
        return EXIT_FAILURE_;
    }
    return EXIT_OK;
}
