/* test_export.c — Markdown and W3C Web Annotation JSON, parsed back. */
#include "config.h"
#include "notes/export.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char text[] =
    "date 2026-01-28 Kallas spoke.\n\n\xe2\x80\x9cLet me be clear,\xe2\x80\x9d she said.\n";

static note_t mk(int64_t id, note_state state, const char *exact, const char *speaker, const char *body,
                 uint64_t s, uint64_t e)
{
    note_t n = {.id = id, .state = state, .cp_start = s, .cp_end = e};
    n.exact = xstrdup(exact);
    n.prefix = xstrdup("spoke.\n\n\xe2\x80\x9c");
    n.suffix = xstrdup(",\xe2\x80\x9d she said.\n");
    n.speaker = speaker ? xstrdup(speaker) : NULL;
    n.body = xstrdup(body);
    snprintf(n.created, sizeof n.created, "2026-11-28T10:00:00Z");
    snprintf(n.updated, sizeof n.updated, "2026-11-28T11:00:00Z");
    if (state != NOTE_ORPHAN)
        n.span = (span_t){(uint32_t)s + 3, (uint32_t)e + 3};
    return n;
}

/* Runs an exporter into a string. */
static char *run(int (*fn)(FILE *, const notes_export_t *), const notes_export_t *x, int *rc)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    *rc = fn(f, x);
    fclose(f);
    return buf;
}

static void test_safe(void)
{
    char *s = notes_safe_text("a\x1b[31mb\n\xe2\x80\xae" "c\xc2\x9b" "d\x7f", 16, 0);
    is_str(s, "a^[[31mb\xe2\x8f\x8e<U+202E>c<U+009B>d^?", "escape, C1, bidi override, DEL made visible; newline as a symbol");
    free(s);
    s = notes_safe_text("l1\nl2\t\xff", 7, SAFE_NEWLINES);
    is_str(s, "l1\nl2\t\xef\xbf\xbd", "newlines kept on request; invalid byte -> U+FFFD");
    free(s);
    s = notes_shorten("abcdefghijklmnopqrstuvwxyz", 10);
    is_str(s, "abcdef\xe2\x80\xa6xyz", "shortened in the middle to 10 code points");
    free(s);
    s = notes_shorten("short", 10);
    is_str(s, "short", "short text untouched");
    free(s);
}

int main(void)
{
    test_safe();
    doc_t *doc = doc_new(xstrdup(text), (uint32_t)strlen(text), "/news/kallas.txt");
    note_list_t l = {0};
    vec_push(&l, mk(4, NOTE_EXACT, "Let me be clear", "Kaja Kallas", "first note\nsecond line", 34, 49));
    vec_push(&l, mk(9, NOTE_MOVED, "she said", NULL, "", 53, 61));
    vec_push(&l, mk(11, NOTE_ORPHAN, "a deleted \x1b]0;pwned\x07 passage", "Mark Rutte",
                    "evil \xe2\x80\xae body \xc2\x9b", 500, 520));
    notes_export_t x = {doc, "/news/kallas 1.txt", "00112233aabbccdd", &l};

    int rc;
    char *md = run(notes_export_md, &x, &rc);
    is_int(rc, 0, "markdown written");
    ok(strncmp(md, "# Notes on kallas 1.txt\n", 24) == 0, "heading with the article");
    ok(strstr(md, "- Date: 2026-01-28\n") != NULL, "the date header");
    ok(strstr(md, "- Notes: 3 (1 orphaned)") != NULL, "counts");
    ok(strstr(md, "> Let me be clear\n>\n> \xe2\x80\x94 Kaja Kallas\n\nfirst note\nsecond line\n") != NULL,
       "passage as a block quote with its speaker, then the note");
    ok(strstr(md, "> she said\n\n*(no note text)*") != NULL, "no speaker, empty body");
    char *orph = strstr(md, "## Orphaned notes");
    ok(orph && strstr(orph, "a deleted ^[]0;pwned^G passage") && strstr(md, "Let me be clear") < orph,
       "the orphan in its own section, after the others");
    ok(orph && strstr(orph, "was at characters 500\xe2\x80\x93" "520"), "the orphan's old position");
    ok(strchr(md, '\x1b') == NULL && strstr(md, "\xe2\x80\xae") == NULL && strstr(md, "\xc2\x9b") == NULL,
       "no raw escape, bidi override or C1 control in the Markdown");
    free(md);

    char *js = run(notes_export_json, &x, &rc);
    is_int(rc, 0, "json written");
    ok(strstr(js, "\xe2\x80\xae") == NULL && strstr(js, "\xc2\x9b") == NULL && strchr(js, '\x1b') == NULL,
       "no raw controls in the JSON either");
    json_error_t err;
    json_t *root = json_loads(js, 0, &err);
    ok(root != NULL, "the JSON parses back (%s)", root ? "ok" : err.text);
    is_str(json_string_value(json_object_get(root, "@context")), "http://www.w3.org/ns/anno.jsonld", "@context");
    is_str(json_string_value(json_object_get(root, "type")), "AnnotationCollection", "a collection");
    is_int(json_integer_value(json_object_get(root, "total")), 3, "total");
    json_t *items = json_object_get(json_object_get(root, "first"), "items");
    is_int(json_array_size(items), 3, "three annotations");
    json_t *a = json_array_get(items, 0);
    is_str(json_string_value(json_object_get(a, "type")), "Annotation", "type Annotation");
    is_str(json_string_value(json_object_get(a, "id")), "urn:quoth:note:4", "id");
    is_str(json_string_value(json_object_get(a, "created")), "2026-11-28T10:00:00Z", "created");
    is_str(json_string_value(json_object_get(a, "modified")), "2026-11-28T11:00:00Z", "modified");
    json_t *body = json_object_get(a, "body");
    is_str(json_string_value(json_object_get(body, "type")), "TextualBody", "TextualBody");
    is_str(json_string_value(json_object_get(body, "value")), "first note\nsecond line", "body value");
    json_t *target = json_object_get(a, "target");
    is_str(json_string_value(json_object_get(target, "source")), "file:///news/kallas%201.txt", "source as a file URL");
    json_t *sel = json_object_get(target, "selector");
    is_int(json_array_size(sel), 2, "two selectors");
    json_t *q = json_array_get(sel, 0), *p = json_array_get(sel, 1);
    is_str(json_string_value(json_object_get(q, "type")), "TextQuoteSelector", "quote selector first");
    is_str(json_string_value(json_object_get(q, "exact")), "Let me be clear", "exact");
    is_str(json_string_value(json_object_get(q, "prefix")), "spoke.\n\n\xe2\x80\x9c", "prefix");
    is_str(json_string_value(json_object_get(p, "type")), "TextPositionSelector", "position selector");
    is_int(json_integer_value(json_object_get(p, "start")), 34, "start in code points");
    is_int(json_integer_value(json_object_get(p, "end")), 49, "end");
    ok(json_is_false(json_object_get(a, "orphan")), "orphan: false");
    is_str(json_string_value(json_object_get(a, "speaker")), "Kaja Kallas", "speaker");
    ok(json_is_null(json_object_get(json_array_get(items, 1), "speaker")), "no speaker: null");
    json_t *o = json_array_get(items, 2);
    ok(json_is_true(json_object_get(o, "orphan")), "orphan: true");
    is_str(json_string_value(json_object_get(json_object_get(o, "body"), "value")), "evil \xe2\x80\xae body \xc2\x9b",
           "escaped controls parse back to the exact text");
    json_decref(root);
    free(js);

    /* stdin: no path, the fingerprint names the source. */
    x.path = NULL;
    free(doc->source_name);
    doc->source_name = xstrdup("-");
    js = run(notes_export_json, &x, &rc);
    root = json_loads(js, 0, &err);
    json_t *t0 = json_object_get(json_array_get(json_object_get(json_object_get(root, "first"), "items"), 0), "target");
    is_str(json_string_value(json_object_get(t0, "source")), "urn:quoth:fnv1a64:00112233aabbccdd", "stdin: a URN");
    json_decref(root);
    free(js);

    /* A write error is reported. */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        is_int(notes_export_md(full, &x), -1, "a failed write is reported, not claimed");
        fclose(full);
    }
    note_list_free(&l);
    doc_free(doc);
    return tap_done();
}
