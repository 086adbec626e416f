/* json_out.c — `quoth --json`: the JSON contract of DESIGN.md, streamed.
 * Each quote and entity is built and dumped as its own small jansson object
 * (no hand escaping, no tree of the whole document), so memory stays flat for
 * a 100 MB article. Offsets are code points (doc_cp_offset). */
#include "config.h"
#include "cli/cli.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define DUMP_FLAGS (JSON_PRESERVE_ORDER | JSON_COMPACT)

static json_t *span_obj(const doc_t *doc, span_t s)
{
    if (span_is_empty(s))
        return json_null();
    return json_pack("{s:I, s:I, s:s%}",
                     "start", (json_int_t)doc_cp_offset(doc, s.start),
                     "end", (json_int_t)doc_cp_offset(doc, s.end),
                     "text", doc->text + s.start, (size_t)span_len(s));
}

static json_t *quote_obj(const doc_t *doc, size_t id)
{
    const quote_t *q = &doc->quotes.items[id];
    char *text = doc_quote_text(doc, q);
    bool has_speaker = q->speaker >= 0 && (size_t)q->speaker < doc->entities.len;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer((json_int_t)id));
    json_object_set_new(o, "start", json_integer((json_int_t)doc_cp_offset(doc, q->span.start)));
    json_object_set_new(o, "end", json_integer((json_int_t)doc_cp_offset(doc, q->span.end)));
    json_object_set_new(o, "text", json_string_nocheck(text));
    json_object_set_new(o, "speaker", has_speaker
                        ? json_string_nocheck(doc->entities.items[q->speaker].name) : json_null());
    json_object_set_new(o, "speaker_id", has_speaker ? json_integer(q->speaker) : json_null());
    json_object_set_new(o, "source", span_obj(doc, q->source));
    json_object_set_new(o, "cue", span_obj(doc, q->cue));
    free(text);
    return o;
}

/* NAME mentions grouped by entity (a counting sort): the mentions of entity e
 * are order[first[e] .. first[e + 1]), in text order. */
static void group_mentions(const doc_t *doc, size_t **first_out, uint32_t **order_out)
{
    size_t ne = doc->entities.len;
    size_t *first = xcalloc(ne + 2, sizeof *first);
    uint32_t *order = xmalloc((doc->mentions.len + 1) * sizeof *order);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < ne)
            first[m->entity + 2]++;
    }
    for (size_t e = 1; e <= ne; e++)     /* first[e + 1]: where entity e's run starts */
        first[e + 1] += first[e];
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->kind == MENTION_NAME && m->entity < ne)
            order[first[m->entity + 1]++] = (uint32_t)i;
    }
    *first_out = first;                 /* now first[e] is where entity e's run starts */
    *order_out = order;
}

/* A string from outside the text (a path): invalid UTF-8 bytes become '?'. */
static json_t *string_lossy(const char *s)
{
    size_t n = strlen(s);
    if (!u8_check((const uint8_t *)s, n))
        return json_stringn_nocheck(s, n);
    char *c = xstrndup(s, n);
    const uint8_t *bad;
    while ((bad = u8_check((const uint8_t *)c, n)) != NULL)
        c[bad - (const uint8_t *)c] = '?';
    json_t *j = json_stringn_nocheck(c, n);
    free(c);
    return j;
}

static json_t *entity_obj(const doc_t *doc, size_t id, const size_t *first, const uint32_t *order)
{
    const entity_t *e = &doc->entities.items[id];
    json_t *mentions = json_array();
    for (size_t k = first[id]; k < first[id + 1]; k++)
        json_array_append_new(mentions, span_obj(doc, doc->mentions.items[order[k]].span));
    return json_pack("{s:I, s:s, s:s, s:o, s:I}",
                     "id", (json_int_t)id,
                     "name", e->name ? e->name : "",
                     "type", entity_type_name(e->type),
                     "mentions", mentions,
                     "quotes", (json_int_t)e->nquotes);
}

/* Dumps o (and frees it); false on a write or allocation error. */
static bool dump(json_t *o, FILE *out, size_t flags)
{
    bool good = o && json_dumpf(o, out, flags) == 0;
    json_decref(o);
    return good;
}

int cli_json(const doc_t *doc, FILE *out)
{
    size_t *first;
    uint32_t *order;
    group_mentions(doc, &first, &order);
    json_t *head = json_pack("{s:s, s:o, s:o, s:s}",
                             "quoth", PACKAGE_VERSION,
                             "source", string_lossy(doc->source_name),
                             "date", doc->date[0] ? json_string(doc->date) : json_null(),
                             "offsets", "codepoints");
    bool good = fputs("{", out) >= 0 && dump(head, out, DUMP_FLAGS | JSON_EMBED) &&
                fputs(",\n \"quotes\": [", out) >= 0;
    for (size_t i = 0; good && i < doc->quotes.len; i++)
        good = fputs(i ? ",\n  " : "\n  ", out) >= 0 && dump(quote_obj(doc, i), out, DUMP_FLAGS);
    good = good && fputs(doc->quotes.len ? "\n ],\n \"entities\": [" : "],\n \"entities\": [", out) >= 0;
    for (size_t i = 0; good && i < doc->entities.len; i++)
        good = fputs(i ? ",\n  " : "\n  ", out) >= 0 &&
               dump(entity_obj(doc, i, first, order), out, DUMP_FLAGS);
    good = good && fputs(doc->entities.len ? "\n ]\n}\n" : "]\n}\n", out) >= 0;
    free(first);
    free(order);
    if (!good) {
        fputs("quoth: cannot write the JSON output\n", stderr);
        return EXIT_FAILURE_;
    }
    return EXIT_OK;
}
