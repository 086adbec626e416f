/* export.c — Markdown and W3C Web Annotation JSON (see export.h). */
#include "config.h"
#include "notes/export.h"
#include "notes/anchor.h"
#include "engine/xalloc.h"
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* Characters a terminal obeys or that reorder what follows them. */
static bool unsafe(ucs4_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e ||
           c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 ||
           c == 0x2029;
}

typedef VEC(char) buf_t;

static void put(buf_t *b, const char *s, size_t n)
{
    vec_reserve(b, b->len + n + 1);
    memcpy(b->items + b->len, s, n);
    b->len += n;
    b->items[b->len] = '\0';
}

static void puts_(buf_t *b, const char *s)
{
    put(b, s, strlen(s));
}

char *notes_safe_text(const char *s, size_t n, unsigned flags)
{
    buf_t b = {0};
    put(&b, "", 0);
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
        char tmp[16];
        if (c == '\n')
            puts_(&b, flags & SAFE_NEWLINES ? "\n" : "\xe2\x8f\x8e");   /* ⏎ */
        else if (c == '\t')
            puts_(&b, flags & SAFE_NEWLINES ? "\t" : " ");
        else if (c < 0x20 || c == 0x7f) {
            snprintf(tmp, sizeof tmp, "^%c", c == 0x7f ? '?' : (char)(c + 0x40));
            puts_(&b, tmp);
        } else if (unsafe(c)) {
            snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)c);
            puts_(&b, tmp);
        } else if (c == 0xfffd) {
            puts_(&b, "\xef\xbf\xbd");   /* also what an invalid byte became */
        } else {
            put(&b, s + i, (size_t)l);
        }
        i += l > 0 ? (size_t)l : 1;
    }
    return b.items;
}

char *notes_shorten(const char *s, size_t max)
{
    size_t n = strlen(s), cps = anchor_cp_count(s, n);
    if (cps <= max || max < 3)
        return xstrdup(s);
    size_t head = anchor_fwd(s, n, 0, (max - 1) * 2 / 3), tail = anchor_back(s, n, max - 1 - (max - 1) * 2 / 3);
    return xasprintf("%.*s\xe2\x80\xa6%s", (int)head, s, s + tail);
}

static const char *display_name(const notes_export_t *x)
{
    const char *name = x->path ? x->path : x->doc->source_name;
    if (!name || strcmp(name, "-") == 0)
        return "standard input";
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

/* Each line of s (already safe) prefixed with "> ". */
static void quote_block(buf_t *b, const char *s)
{
    const char *p = s;
    do {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        puts_(b, n ? "> " : ">");
        put(b, p, n);
        puts_(b, "\n");
        p = nl ? nl + 1 : NULL;
    } while (p);
}

static void md_note(buf_t *b, const note_t *n, size_t num)
{
    char *exact = notes_safe_text(n->exact, strlen(n->exact), SAFE_NEWLINES);
    char *speaker = n->speaker ? notes_safe_text(n->speaker, strlen(n->speaker), 0) : NULL;
    char *body = notes_safe_text(n->body, strlen(n->body), SAFE_NEWLINES);
    char *head = xasprintf("### %zu. %s%s(%s %llu\xe2\x80\x93%llu)\n\n", num, speaker ? speaker : "",
                           speaker ? " " : "", n->state == NOTE_ORPHAN ? "was at characters" : "characters",
                           (unsigned long long)n->cp_start, (unsigned long long)n->cp_end);
    puts_(b, head);
    quote_block(b, exact);
    if (speaker) {
        puts_(b, ">\n> \xe2\x80\x94 ");
        puts_(b, speaker);
        puts_(b, "\n");
    }
    puts_(b, "\n");
    if (*body) {
        puts_(b, body);
        puts_(b, "\n\n");
    } else {
        puts_(b, "*(no note text)*\n\n");
    }
    free(head);
    free(exact);
    free(speaker);
    free(body);
}

int notes_export_md(FILE *out, const notes_export_t *x)
{
    buf_t b = {0};
    size_t orphans = 0, total = x->notes->len;
    for (size_t i = 0; i < total; i++)
        orphans += x->notes->items[i].state == NOTE_ORPHAN;
    char *name = notes_safe_text(display_name(x), strlen(display_name(x)), 0);
    char *path = x->path ? notes_safe_text(x->path, strlen(x->path), 0) : xstrdup("standard input");
    char *head = xasprintf("# Notes on %s\n\n- Source: %s\n%s%s%s- Fingerprint: fnv1a64:%s\n"
                           "- Notes: %zu (%zu orphaned)\n\n",
                           name, path, x->doc->date[0] ? "- Date: " : "", x->doc->date,
                           x->doc->date[0] ? "\n" : "", x->fingerprint, total, orphans);
    puts_(&b, head);
    free(head);
    free(name);
    free(path);
    size_t num = 0;
    if (total > orphans)
        puts_(&b, "## Notes\n\n");
    for (size_t i = 0; i < total; i++)
        if (x->notes->items[i].state != NOTE_ORPHAN)
            md_note(&b, &x->notes->items[i], ++num);
    if (orphans) {
        puts_(&b, "## Orphaned notes\n\n"
                  "These passages are no longer in the article; each note is kept as it was written.\n\n");
        for (size_t i = 0; i < total; i++)
            if (x->notes->items[i].state == NOTE_ORPHAN)
                md_note(&b, &x->notes->items[i], ++num);
    }
    if (total == 0)
        puts_(&b, "No notes yet.\n");
    size_t w = b.len ? fwrite(b.items, 1, b.len, out) : 0;
    bool good = w == b.len;
    vec_free(&b);
    return good ? 0 : -1;
}

/* jansson wants valid UTF-8; the database might hold anything. */
static json_t *jstr(const char *s)
{
    json_t *j = json_string(s);
    if (!j) {
        buf_t b = {0};
        size_t n = strlen(s);
        put(&b, "", 0);
        for (size_t i = 0; i < n;) {
            ucs4_t c;
            int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
            put(&b, c == 0xfffd ? "\xef\xbf\xbd" : s + i, c == 0xfffd ? 3 : (size_t)l);
            i += l > 0 ? (size_t)l : 1;
        }
        j = json_string(b.items);
        vec_free(&b);
    }
    return j ? j : json_string("");
}

static json_t *jstr_or_null(const char *s)
{
    return s ? jstr(s) : json_null();
}

/* file:// URI: everything outside the unreserved set and "/" percent-encoded. */
static char *file_url(const char *path)
{
    buf_t b = {0};
    puts_(&b, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        char tmp[4];
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            put(&b, (const char *)p, 1);
        else {
            snprintf(tmp, sizeof tmp, "%%%02X", *p);
            puts_(&b, tmp);
        }
    }
    return b.items;
}

static json_t *annotation(const note_t *n, const char *source)
{
    json_t *quote = json_pack("{s:s, s:o}", "type", "TextQuoteSelector", "exact", jstr(n->exact));
    if (n->prefix)
        json_object_set_new(quote, "prefix", jstr(n->prefix));
    if (n->suffix)
        json_object_set_new(quote, "suffix", jstr(n->suffix));
    json_t *pos = json_pack("{s:s, s:I, s:I}", "type", "TextPositionSelector", "start",
                            (json_int_t)n->cp_start, "end", (json_int_t)n->cp_end);
    char id[48];
    snprintf(id, sizeof id, "urn:quoth:note:%lld", (long long)n->id);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:o, s:s, s:s}, s:{s:s, s:[o, o]}, s:b, s:o}",
                     "id", id, "type", "Annotation", "motivation", "commenting",
                     "created", n->created, "modified", n->updated,
                     "body", "type", "TextualBody", "value", jstr(n->body), "format", "text/plain",
                     "purpose", "commenting",
                     "target", "source", source, "selector", quote, pos,
                     "orphan", n->state == NOTE_ORPHAN,
                     "speaker", jstr_or_null(n->speaker));
}

/* Writes JSON text with the characters jansson leaves raw (DEL, C1, bidi
 * controls, line separators) escaped: they only occur inside strings. */
static int write_json_safe(FILE *out, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
        if (unsafe(c) && c != '\n') {
            if (fprintf(out, "\\u%04X", (unsigned)c) < 0)
                return -1;
        } else if (fwrite(s + i, 1, (size_t)l, out) != (size_t)l) {
            return -1;
        }
        i += l > 0 ? (size_t)l : 1;
    }
    return 0;
}

int notes_export_json(FILE *out, const notes_export_t *x)
{
    char *source = x->path ? file_url(x->path) : xasprintf("urn:quoth:fnv1a64:%s", x->fingerprint);
    json_t *items = json_array();
    for (size_t i = 0; i < x->notes->len; i++)
        json_array_append_new(items, annotation(&x->notes->items[i], source));
    char label[600];
    snprintf(label, sizeof label, "Notes on %s", display_name(x));
    char fp[32];
    snprintf(fp, sizeof fp, "fnv1a64:%s", x->fingerprint);
    json_t *root = json_pack("{s:s, s:s, s:o, s:s, s:s, s:o, s:{s:s, s:s}, s:I, s:{s:s, s:o}}",
                             "@context", ANNO_CONTEXT, "type", "AnnotationCollection",
                             "label", jstr(label), "source", source, "fingerprint", fp,
                             "date", x->doc->date[0] ? json_string(x->doc->date) : json_null(),
                             "generator", "type", "Software", "name", PACKAGE_NAME " " PACKAGE_VERSION,
                             "total", (json_int_t)x->notes->len,
                             "first", "type", "AnnotationPage", "items", items);
    char *text = root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    int rc = text ? write_json_safe(out, text) : -1;
    if (rc == 0 && fputc('\n', out) == EOF)
        rc = -1;
    free(text);
    json_decref(root);
    free(source);
    return rc;
}
