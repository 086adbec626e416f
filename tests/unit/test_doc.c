/* test_doc.c — the document model: paragraphs, the date header, code point
 * offsets across multi-byte text, quote text, lookups, alias matching. */
#include "config.h"
#include "engine/doc.h"
#include "engine/quotes.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static doc_t *mk(const char *s)
{
    return doc_new(xstrdup(s), (uint32_t)strlen(s), "test");
}

static char *para(const doc_t *d, size_t i)
{
    span_t p = d->paragraphs.items[i];
    return xstrndup(d->text + p.start, span_len(p));
}

static void is_para(const doc_t *d, size_t i, const char *want, const char *name)
{
    if (i >= d->paragraphs.len) {
        ok(0, "%s (only %zu paragraphs)", name, d->paragraphs.len);
        return;
    }
    char *p = para(d, i);
    is_str(p, want, "%s", name);
    free(p);
}

static void test_paragraphs(void)
{
    doc_t *d = mk("\n\nFirst line\nstill first.\n\n  \n\t\nSecond.  \n\n\nThird\n");
    is_int(d->paragraphs.len, 3, "three paragraphs around blank and white-space-only lines");
    is_para(d, 0, "First line\nstill first.", "a paragraph runs over its lines");
    is_para(d, 1, "Second.", "trailing spaces are trimmed");
    is_para(d, 2, "Third", "last paragraph without a final blank line");
    is_str(d->date, "", "no date header");
    doc_free(d);

    d = mk("");
    is_int(d->paragraphs.len, 0, "empty text: no paragraphs");
    is_int(doc_cp_offset(d, 0), 0, "empty text: offset 0");
    is_int(doc_paragraph_at(d, 0), -1, "empty text: no paragraph at 0");
    doc_free(d);

    d = mk("\n \n\n");
    is_int(d->paragraphs.len, 0, "blank text: no paragraphs");
    doc_free(d);

    /* Paragraphs one a line without blank lines (pasted from the web): a line
     * longer than anyone wraps makes every line of its block a paragraph. */
    char *longline = xmalloc(400);
    memset(longline, 'x', 200);
    strcpy(longline + 200, "\nShort line.\n  Third line.  \n\nHard wrapped\nlines stay.");
    d = mk(longline);
    is_int(d->paragraphs.len, 4, "a block with a long line: one paragraph a line");
    is_para(d, 1, "Short line.", "a short line is a paragraph there");
    is_para(d, 2, "Third line.", "trimmed");
    is_para(d, 3, "Hard wrapped\nlines stay.", "a block of short lines stays one paragraph");
    doc_free(d);
    free(longline);

    d = mk("One.\n\nTwo.");
    is_int(doc_paragraph_at(d, 0), 0, "paragraph_at first byte");
    is_int(doc_paragraph_at(d, 3), 0, "paragraph_at last byte");
    is_int(doc_paragraph_at(d, 4), -1, "paragraph_at in the blank line");
    is_int(doc_paragraph_at(d, 6), 1, "paragraph_at second paragraph");
    is_int(doc_paragraph_at(d, 99), -1, "paragraph_at past the end");
    doc_free(d);
}

static void test_date(void)
{
    /* The seed article: a stray space, then the header on the first paragraph's line. */
    doc_t *d = mk(" date 2026-01-28 European Union chief Kaja Kallas spoke.\n\nNext.");
    is_str(d->date, "2026-01-28", "date header after a stray space");
    is_int(d->date_span.start, 6, "date span start");
    is_int(d->date_span.end, 16, "date span end");
    is_para(d, 0, "European Union chief Kaja Kallas spoke.", "first paragraph starts after the header");
    is_int(d->paragraphs.len, 2, "two paragraphs with the header");
    doc_free(d);

    d = mk("date 2026-03-05\n\nTens of thousands.");
    is_str(d->date, "2026-03-05", "header alone on its line");
    is_int(d->paragraphs.len, 1, "the header line is not a paragraph");
    is_para(d, 0, "Tens of thousands.", "the paragraph after a blank line");
    doc_free(d);

    d = mk("date 2026-02-11\nSheffield council voted.");
    is_str(d->date, "2026-02-11", "header followed directly by a line");
    is_para(d, 0, "Sheffield council voted.", "the next line is the first paragraph");
    doc_free(d);

    static const char *const not_headers[] = {
        "date 2026-1-28 text", "dated 2026-01-28 text", "The date 2026-01-28 text",
        "date 2026-01-28x text", "date 20260128", "date", "Date 2026-01-28 text",
    };
    for (size_t i = 0; i < sizeof not_headers / sizeof *not_headers; i++) {
        d = mk(not_headers[i]);
        is_str(d->date, "", "not a header: \"%s\"", not_headers[i]);
        is_int(d->paragraphs.items[0].start, (long long)(not_headers[i][0] == ' '),
               "\"%s\" stays in the first paragraph", not_headers[i]);
        doc_free(d);
    }
    d = mk("date 2026-01-28");
    is_str(d->date, "2026-01-28", "a header and nothing else");
    is_int(d->paragraphs.len, 0, "no paragraph after it");
    doc_free(d);
}

static void test_cp_offsets(void)
{
    /* 1-, 2-, 3- and 4-byte characters, over many 256-byte blocks. */
    static const char *const pieces[] = {"a", "é", "€", "😀", "\n", "ž", "中"};
    size_t cap = 0, n = 0, ncp = 0;
    char *s = NULL;
    uint32_t *byte_at_cp = NULL;
    size_t bcap = 0;
    for (size_t i = 0; i < 3000; i++) {
        const char *p = pieces[(i * 7 + i / 5) % 7];
        size_t l = strlen(p);
        s = xgrow(s, &cap, n + l + 1, 1);
        byte_at_cp = xgrow(byte_at_cp, &bcap, ncp + 2, sizeof *byte_at_cp);
        byte_at_cp[ncp++] = (uint32_t)n;
        memcpy(s + n, p, l);
        n += l;
    }
    byte_at_cp[ncp] = (uint32_t)n;
    s[n] = '\0';
    doc_t *d = doc_new(s, (uint32_t)n, "cp");
    size_t wrong = 0;
    for (size_t cp = 0; cp <= ncp; cp++)
        if (doc_cp_offset(d, byte_at_cp[cp]) != cp)
            wrong++;
    is_int(wrong, 0, "every character boundary of %zu bytes maps to its code point", n);
    is_int(doc_cp_offset(d, (uint32_t)n), ncp, "the end maps to the number of code points");
    is_int(doc_cp_offset(d, 256), doc_cp_offset(d, 256), "block boundary is stable");
    doc_free(d);
    free(byte_at_cp);
}

static void test_quote_text_and_lookup(void)
{
    doc_t *d = mk("He said: “One, ‘two’.\n\n“Three.”\n\nAfter.");
    quotes_find(d);
    is_int(d->quotes.len, 2, "a multi-paragraph quote and a nested one");
    char *t = doc_quote_text(d, &d->quotes.items[0]);
    is_str(t, "One, ‘two’.\nThree.", "parts joined by one newline, the re-opening mark left out");
    free(t);
    t = doc_quote_text(d, &d->quotes.items[1]);
    is_str(t, "two", "nested quote text");
    free(t);
    uint32_t two = (uint32_t)(strstr(d->text, "two") - d->text);
    uint32_t three = (uint32_t)(strstr(d->text, "Three") - d->text);
    uint32_t after = (uint32_t)(strstr(d->text, "After") - d->text);
    is_int(doc_quote_at(d, two), 1, "quote_at finds the innermost quote");
    is_int(doc_quote_at(d, three), 0, "quote_at in the continued paragraph");
    is_int(doc_quote_at(d, after), -1, "quote_at outside any quote");
    is_int(doc_quote_at(d, 0), -1, "quote_at before any quote");
    uint32_t one = (uint32_t)(strstr(d->text, "One") - d->text);
    is_int(doc_quote_at(d, one - 3), 0, "the opening mark belongs to its quote");
    doc_free(d);

    d = mk("“A ‘b’ c ‘d’ e” f");
    quotes_find(d);
    uint32_t e = (uint32_t)(strstr(d->text, " e") - d->text);
    is_int(doc_quote_at(d, e), 0, "after the last nested quote: the parent");
    doc_free(d);
}

static void test_alias(void)
{
    doc_t *d = mk("Łukasz Wójcik met Kaja Kallas. Wójcik left.");
    entity_t e1 = {.name = xstrdup("Łukasz Wójcik"), .type = ENT_PERSON};
    entity_t e2 = {.name = xstrdup("Kaja Kallas"), .type = ENT_PERSON};
    vec_push(&d->entities, e1);
    vec_push(&d->entities, e2);
    uint32_t w = (uint32_t)(strstr(d->text, "Wójcik left") - d->text);
    vec_push(&d->mentions, (mention_t){{w, w + (uint32_t)strlen("Wójcik")}, 0, MENTION_NAME});
    uint32_t k = (uint32_t)(strstr(d->text, "Kaja") - d->text);
    vec_push(&d->mentions, (mention_t){{k, k + 11}, 1, MENTION_NAME});
    is_int(doc_entity_by_alias(d, "Kaja Kallas"), 1, "canonical name");
    is_int(doc_entity_by_alias(d, "kaja kallas"), 1, "canonical name in lower case");
    is_int(doc_entity_by_alias(d, "ŁUKASZ WÓJCIK"), 0, "non-ASCII canonical name in upper case");
    is_int(doc_entity_by_alias(d, "wÓjcik"), 0, "a NAME mention, non-ASCII case folded");
    is_int(doc_entity_by_alias(d, "Kallas"), -1, "not a mention, not a name");
    is_int(doc_entity_by_alias(d, ""), -1, "empty name");
    is_str(entity_type_name(ENT_PERSON), "person", "type name person");
    is_str(entity_type_name(ENT_ORGANIZATION), "organization", "type name organization");
    is_str(entity_type_name(ENT_PLACE), "place", "type name place");
    is_str(entity_type_name(ENT_DATE), "date", "type name date");
    doc_free(d);        /* frees the entity names too (valgrind/ASan check it) */
}

int main(void)
{
    test_paragraphs();
    test_date();
    test_cp_offsets();
    test_quote_text_and_lookup();
    test_alias();
    return tap_done();
}
