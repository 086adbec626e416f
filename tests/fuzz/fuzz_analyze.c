/* fuzz_analyze.c — libFuzzer target: arbitrary bytes through ingestion, the
 * whole analysis and both renderings (--json, --quotes). Besides crashes, it
 * aborts on a broken contract: ingest's text must be valid UTF-8 without NUL,
 * CR or BOM; every span of the model must lie inside the text on character
 * boundaries, in the documented order, with indexes that point into their
 * arrays; the JSON output must parse and list every quote and entity.
 * The same bytes are also ingested as Latin-1 (the --encoding path). */
#include "config.h"
#include "fuzz.h"
#include "cli/cli.h"
#include "engine/analyze.h"
#include "engine/ingest.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <jansson.h>
#include <string.h>
#include <unistr.h>

static bool on_boundary(const doc_t *doc, uint32_t byte)
{
    return byte == doc->len || (byte < doc->len && ((unsigned char)doc->text[byte] & 0xC0) != 0x80);
}

/* A span inside the text, on character boundaries (an empty span may be SPAN_NONE). */
static void check_span(const doc_t *doc, span_t s, bool may_be_empty)
{
    if (may_be_empty && s.start == 0 && s.end == 0)
        return;
    FUZZ_CHECK(s.start <= s.end);
    FUZZ_CHECK(s.end <= doc->len);
    FUZZ_CHECK(on_boundary(doc, s.start));
    FUZZ_CHECK(on_boundary(doc, s.end));
}

static void check_text(const char *text, size_t len)
{
    FUZZ_CHECK(text[len] == '\0');
    FUZZ_CHECK(memchr(text, '\0', len) == NULL);
    FUZZ_CHECK(memchr(text, '\r', len) == NULL);
    FUZZ_CHECK(u8_check((const uint8_t *)text, len) == NULL);
    FUZZ_CHECK(len < 3 || memcmp(text, "\xEF\xBB\xBF", 3) != 0);
}

static void check_doc(const doc_t *doc)
{
    check_text(doc->text, doc->len);
    if (doc->date[0]) {
        FUZZ_CHECK(strlen(doc->date) == 10);
        check_span(doc, doc->date_span, false);
    }
    for (size_t i = 0; i < doc->paragraphs.len; i++) {
        span_t p = doc->paragraphs.items[i];
        check_span(doc, p, false);
        FUZZ_CHECK(!span_is_empty(p));
        FUZZ_CHECK(i == 0 || doc->paragraphs.items[i - 1].end <= p.start);
        FUZZ_CHECK(doc_paragraph_at(doc, p.start) == (int)i);
    }
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const quote_t *q = &doc->quotes.items[i];
        check_span(doc, q->span, false);
        check_span(doc, q->open_mark, false);
        check_span(doc, q->close_mark, true);
        check_span(doc, q->source, true);
        check_span(doc, q->cue, true);
        FUZZ_CHECK(q->open_mark.end <= q->span.start);
        if (!(q->flags & QUOTE_UNCLOSED))
            FUZZ_CHECK(q->span.end <= q->close_mark.start);
        FUZZ_CHECK(q->speaker >= -1 && q->speaker < (int32_t)doc->entities.len);
        FUZZ_CHECK(q->parent >= -1 && q->parent < (int32_t)i);
        FUZZ_CHECK(q->paragraph < doc->paragraphs.len);
        FUZZ_CHECK(i == 0 || doc->quotes.items[i - 1].open_mark.start <= q->open_mark.start);
        char *t = doc_quote_text(doc, q);
        FUZZ_CHECK(u8_check((const uint8_t *)t, strlen(t)) == NULL);
        free(t);
    }
    for (size_t i = 0; i < doc->entities.len; i++) {
        const entity_t *e = &doc->entities.items[i];
        FUZZ_CHECK(e->name != NULL);
        FUZZ_CHECK(u8_check((const uint8_t *)e->name, strlen(e->name)) == NULL);
        FUZZ_CHECK(e->type < ENT_TYPE_COUNT);
        FUZZ_CHECK(e->nquotes <= doc->quotes.len);
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        check_span(doc, m->span, false);
        FUZZ_CHECK(m->entity < doc->entities.len);
        FUZZ_CHECK(i == 0 || doc->mentions.items[i - 1].span.start <= m->span.start);
    }
    /* Code point offsets grow with byte offsets and never exceed them. */
    size_t prev = 0;
    for (uint32_t b = 0; b <= doc->len; b += 97) {
        if (!on_boundary(doc, b))
            continue;
        size_t cp = doc_cp_offset(doc, b);
        FUZZ_CHECK(cp <= b && cp >= prev);
        prev = cp;
    }
}

static void check_json(const doc_t *doc)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(cli_json(doc, f) == EXIT_OK);
    FUZZ_CHECK(fclose(f) == 0);
    json_error_t jerr;
    json_t *root = json_loadb(out, outlen, 0, &jerr);
    if (!root)
        fprintf(stderr, "bad JSON at %d:%d: %s\n", jerr.line, jerr.column, jerr.text);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(json_array_size(json_object_get(root, "quotes")) == doc->quotes.len);
    FUZZ_CHECK(json_array_size(json_object_get(root, "entities")) == doc->entities.len);
    json_decref(root);
    free(out);
}

static FILE *devnull(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    FUZZ_CHECK(f != NULL);
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256], *text;
    size_t len;
    for (int pass = 0; pass < 2; pass++) {
        const char *encoding = pass == 0 ? NULL : "latin1";
        char *buf = xmalloc(size + 1);
        memcpy(buf, data, size);
        buf[size] = '\0';
        err[0] = '\0';
        int rc = ingest_buffer(buf, size, encoding, &text, &len, err, sizeof err);
        if (rc != EXIT_OK) {
            FUZZ_CHECK(rc == EXIT_BAD_INPUT);
            FUZZ_CHECK(err[0] != '\0' && strchr(err, '\n') == NULL);
            /* Latin-1 decodes every byte: only NULs (binary) may refuse it. */
            FUZZ_CHECK(pass == 0 || memchr(data, '\0', size) != NULL);
            continue;
        }
        check_text(text, len);
        if (pass == 1) {        /* the full analysis once is enough */
            free(text);
            continue;
        }
        doc_t *doc = analyze(text, len, "fuzz");
        check_doc(doc);
        check_json(doc);
        FUZZ_CHECK(cli_quotes(doc, NULL, devnull()) == EXIT_OK);
        /* The first speaker's quotes, by the speaker's canonical name. */
        for (size_t i = 0; i < doc->quotes.len; i++) {
            if (doc->quotes.items[i].speaker < 0)
                continue;
            const entity_t *e = &doc->entities.items[doc->quotes.items[i].speaker];
            FUZZ_CHECK(doc_entity_by_alias(doc, e->name) >= 0);
            FUZZ_CHECK(cli_quotes(doc, e->name, devnull()) == EXIT_OK);
            break;
        }
        doc_free(doc);
    }
    return 0;
}
