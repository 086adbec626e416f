/* quotes_list.c — `quoth --quotes [--speaker NAME]`: one quote a line,
 *   Kaja Kallas: “Let me be clear: …”
 * with "(unattributed)" for quotes nobody speaks. Article text never reaches
 * the terminal raw: controls are shown as ^X or <U+XXXX>, runs of white space
 * (a line break inside a paragraph) as one space, and the break between the
 * parts of a multi-paragraph quote as " ¶ ". */
#include "config.h"
#include "cli/cli.h"
#include "exit_codes.h"
#include <string.h>
#include <unistr.h>

/* Characters that would steer the terminal or reorder the line. */
static bool is_hidden_format(ucs4_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029 ||
           c == 0xFEFF;
}

/* Writes n bytes of valid UTF-8 text on one line, controls made visible. */
static void put_visible(const char *s, size_t n, FILE *out)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    bool space = false;
    while (p < end) {
        ucs4_t c;
        int k = u8_mbtouc(&c, p, (size_t)(end - p));
        if (k < 1)
            k = 1;
        if (c == ' ' || c == '\t' || c == '\n') {
            space = true;
            p += k;
            continue;
        }
        if (space)
            fputc(' ', out);
        space = false;
        if (c < 0x20 || c == 0x7F)
            fprintf(out, "^%c", c == 0x7F ? '?' : (int)(c + 0x40));
        else if ((c >= 0x80 && c < 0xA0) || is_hidden_format(c))
            fprintf(out, "<U+%04X>", (unsigned)c);
        else
            fwrite(p, 1, (size_t)k, out);
        p += k;
    }
    if (space)
        fputc(' ', out);
}

/* The text between the marks; a multi-paragraph quote's parts joined by ¶. */
static void put_quote(const doc_t *doc, const quote_t *q, FILE *out)
{
    span_t part;
    for (size_t k = 0; doc_quote_part(doc, q, k, &part); k++) {
        if (k > 0)
            fputs(" \xC2\xB6 ", out);
        put_visible(doc->text + part.start, span_len(part), out);
    }
}

int cli_quotes(const doc_t *doc, const char *speaker, FILE *out)
{
    int want = -1;
    if (speaker) {
        want = doc_entity_by_alias(doc, speaker);
        if (want < 0) {
            fprintf(stderr, "quoth: nobody called '%s' in %s\n", speaker, doc->source_name);
            return EXIT_FAILURE_;
        }
    }
    size_t shown = 0;
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const quote_t *q = &doc->quotes.items[i];
        if (speaker && q->speaker != want)
            continue;
        if (q->speaker >= 0 && (size_t)q->speaker < doc->entities.len) {
            const char *name = doc->entities.items[q->speaker].name;
            put_visible(name, strlen(name), out);
        } else {
            fputs("(unattributed)", out);
        }
        fputs(": \xE2\x80\x9C", out);
        put_quote(doc, q, out);
        fputs("\xE2\x80\x9D\n", out);
        shown++;
    }
    if (speaker && shown == 0) {
        fputs("quoth: no quotes by ", stderr);
        put_visible(doc->entities.items[want].name, strlen(doc->entities.items[want].name), stderr);
        fprintf(stderr, " in %s\n", doc->source_name);
        return EXIT_FAILURE_;
    }
    return EXIT_OK;
}
