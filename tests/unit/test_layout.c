/* test_layout.c — wrapping, widths, offsets and laziness of ui/layout. */
#include "config.h"
#include "tap.h"
#include "engine/xalloc.h"
#include "ui/layout.h"
#include "ui/term.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* The rows of text at width, joined by '|'. */
static char *rows_str(const char *text, int width)
{
    layout_t *l = layout_new(text, (uint32_t)strlen(text), 0, width);
    size_t cap = 64, len = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    layout_pos_t p = layout_first(l);
    layout_line_t line;
    for (int first = 1; layout_line(l, p, &line); first = 0) {
        size_t k = line.end - line.start;
        char *shown = term_escape(text + line.start, k);
        k = strlen(shown);
        out = xgrow(out, &cap, len + k + 2, 1);
        if (!first)
            out[len++] = '|';
        memcpy(out + len, shown, k);
        free(shown);
        len += k;
        out[len] = '\0';
        if (layout_move(l, &p, 1) != 1)
            break;
    }
    layout_free(l);
    return out;
}

/* Checks every row of text at width: no row wider than width (unless one
 * glyph alone), rows start on character boundaries and never with a
 * combining mark, rows and separators cover the text in order. */
static int check_rows(const char *text, uint32_t len, int width, const char *what)
{
    layout_t *l = layout_new(text, len, 0, width);
    layout_pos_t p = layout_first(l);
    layout_line_t line;
    uint32_t prev_next = 0;
    int good = 1;
    long n = 0;
    while (layout_line(l, p, &line)) {
        n++;
        if (!line.blank) {
            uint32_t c;
            term_glyph_t g;
            term_decode(text + line.start, len - line.start, &c);
            int single = (size_t)term_decode(text + line.start, len - line.start, &c) >= line.end - line.start;
            if (line.width > width && !single) {
                printf("# %s: row %ld is %d columns wide at width %d\n", what, n, line.width, width);
                good = 0;
            }
            if (((unsigned char)text[line.start] & 0xC0) == 0x80) {
                printf("# %s: row %ld starts inside a character\n", what, n);
                good = 0;
            }
            if (term_glyph(c, &g) == 0 && line.start > 0) {
                printf("# %s: row %ld starts with a combining mark\n", what, n);
                good = 0;
            }
            if (line.start < prev_next) {
                printf("# %s: row %ld overlaps the previous one\n", what, n);
                good = 0;
            }
            for (uint32_t i = prev_next; i < line.start; i++)
                if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t') {
                    printf("# %s: byte %u is on no row\n", what, i);
                    good = 0;
                    break;
                }
            prev_next = line.next;
        }
        if (layout_move(l, &p, 1) != 1)
            break;
    }
    layout_free(l);
    return good;
}

static char *slurp(const char *path, uint32_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, k;
    char *buf = xmalloc(cap);
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        buf = xgrow(buf, &cap, n + 4096, 1);
    }
    fclose(f);
    buf[n] = '\0';
    *len = (uint32_t)n;
    return buf;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    char *s;

    /* Greedy wrapping at spaces; trailing spaces hang. */
    is_str(s = rows_str("aaa bbb ccc", 7), "aaa bbb|ccc", "wraps at a space"); free(s);
    is_str(s = rows_str("aaa bbb ccc", 8), "aaa bbb|ccc", "a space at the edge hangs"); free(s);
    is_str(s = rows_str("aaa bbb ccc", 11), "aaa bbb ccc", "fits on one row"); free(s);
    is_str(s = rows_str("abcdefghij", 4), "abcd|efgh|ij", "a word longer than the width is cut"); free(s);
    is_str(s = rows_str("well-known fact", 8), "well-|known|fact", "breaks after a hyphen (UAX #14)"); free(s);
    is_str(s = rows_str("one\ntwo three", 9), "one two|three", "a single line end is reflowed"); free(s);
    is_str(s = rows_str("one\n\n  \ntwo", 9), "one||two", "blank lines make one separator row"); free(s);
    is_str(s = rows_str("a \"quoted,\" b", 11), "a \"quoted,\"|b", "no break inside punctuation"); free(s);

    /* Wide and combining characters. */
    is_str(s = rows_str("日本語のテキスト", 5), "日本|語の|テキ|スト", "CJK: two per 5 columns, none split"); free(s);
    is_str(s = rows_str("日本語のテキスト", 6), "日本語|のテキ|スト", "CJK breaks between ideographs"); free(s);
    is_str(s = rows_str("ab😀😀", 3), "ab|😀|😀", "an emoji never straddles the edge"); free(s);
    is_str(s = rows_str("cafe\xcc\x81 cafe\xcc\x81", 5), "cafe\xcc\x81|cafe\xcc\x81",
           "a combining accent takes no column and stays with its base"); free(s);
    is_str(s = rows_str("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2), "e\xcc\x81" "e\xcc\x81|e\xcc\x81",
           "a cut never separates a mark from its base"); free(s);
    is_str(s = rows_str("a\x1b[31mb", 4), "a^[[|31mb", "ESC counts the two columns of ^["); free(s);
    is_str(s = rows_str("x\xe2\x80\xae" "abc", 9), "x<U+202E>|abc", "U+202E counts the 8 columns of <U+202E>"); free(s);

    {
        layout_t *l = layout_new("日本語", 9, 0, 6);
        layout_line_t line;
        ok(layout_line(l, layout_first(l), &line) && line.width == 6, "row width counts wide characters (6)");
        layout_free(l);
    }

    /* Every row of the corpus and of a mixed-script text obeys the rules. */
    uint32_t clen;
    char *path = xasprintf("%s/tests/corpus/kallas-nato.txt", getenv("TOP_SRCDIR") ? getenv("TOP_SRCDIR") : "..");
    char *corpus = slurp(path, &clen);
    free(path);
    ok(corpus != NULL, "corpus article read");
    if (corpus) {
        int good = 1;
        for (int w = 1; w <= 100; w += (w < 12 ? 1 : 7))
            good &= check_rows(corpus, clen, w, "kallas");
        ok(good, "kallas-nato at widths 1..100: no row too wide, no split, nothing lost");
    }
    const char *mixed = "Précis: «日本の首相» said “e\xcc\x81t\xc3\xa9” 😀👍🏽 한국어 텍스트 "
                        "\x1b]52;c;aGk=\x07 \xc2\x9b" "31m \xe2\x81\xa6rtl\xe2\x81\xa9 end.\n"
                        "Second line of the same paragraph, with العربية and עברית.";
    {
        int good = 1;
        for (int w = 1; w <= 40; w++)
            good &= check_rows(mixed, (uint32_t)strlen(mixed), w, "mixed");
        ok(good, "mixed scripts, emoji, controls at widths 1..40: rules hold");
    }

    /* Offsets: every row is found again from its start and from inside it. */
    if (corpus) {
        layout_t *l = layout_new(corpus, clen, 0, 37);
        layout_pos_t p = layout_first(l);
        layout_line_t line;
        int good = 1, nrows = 0;
        while (layout_line(l, p, &line)) {
            nrows++;
            if (!line.blank) {
                layout_pos_t a = layout_pos_at(l, line.start);
                layout_pos_t b = layout_pos_at(l, line.start + (line.end - line.start) / 2);
                if (layout_pos_cmp(a, p) || layout_pos_cmp(b, p) || layout_pos_offset(l, p) != line.start) {
                    good = 0;
                    printf("# row %d (block %u row %u) not found from its offset\n", nrows, p.block, p.row);
                }
            }
            if (layout_move(l, &p, 1) != 1)
                break;
        }
        ok(good && nrows > 50, "offset -> row is exact for all %d rows", nrows);

        /* Re-wrapping keeps the place: the row at the old offset holds it. */
        layout_pos_t top = layout_first(l);
        layout_move(l, &top, 40);
        uint32_t anchor = layout_pos_offset(l, top);
        layout_set_width(l, 71);
        layout_pos_t again = layout_pos_at(l, anchor);
        layout_line_t l2;
        layout_line(l, again, &l2);
        ok(l2.start <= anchor && anchor < l2.next, "re-wrap 37 -> 71 keeps the offset %u on the top row", anchor);
        layout_set_width(l, 20);
        again = layout_pos_at(l, anchor);
        layout_line(l, again, &l2);
        ok(l2.start <= anchor && anchor < l2.next, "re-wrap 71 -> 20 keeps it too");
        is_int(layout_width(l), 20, "width is the new one");

        /* Movement stops at both ends. */
        layout_pos_t q = layout_first(l);
        is_int(layout_move(l, &q, -5), 0, "cannot move above the first row");
        long down = layout_move(l, &q, 1000000);
        ok(down > 0 && layout_pos_cmp(q, layout_last(l)) == 0, "a long move down stops at the last row");
        is_int(layout_move(l, &q, 3), 0, "cannot move below the last row");
        is_int(layout_move(l, &q, -down), -down, "moving back the same distance returns to the top");
        ok(layout_pos_cmp(q, layout_first(l)) == 0, "... to the first row exactly");
        layout_free(l);
    }

    /* Laziness: a big text; finding a row wraps one block, not the article. */
    {
        size_t plen = strlen("A paragraph of the article, with words. ");
        size_t n = 20000;   /* paragraphs of 3 sentences */
        size_t cap = n * (3 * plen + 2) + 1, len = 0;
        char *big = xmalloc(cap);
        for (size_t i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                memcpy(big + len, "A paragraph of the article, with words. ", plen);
                len += plen;
            }
            big[len++] = '\n';
            big[len++] = '\n';
        }
        big[len] = '\0';
        layout_t *l = layout_new(big, (uint32_t)len, 0, 50);
        is_int(layout_nblocks(l), n, "one block per paragraph");
        is_int(layout_wrapped_blocks(l), 0, "nothing is wrapped before it is needed");
        layout_pos_t mid = layout_pos_at(l, (uint32_t)(len / 2));
        is_int(layout_wrapped_blocks(l), 1, "finding the row of an offset wraps one block");
        layout_move(l, &mid, 40);
        ok(layout_wrapped_blocks(l) <= 12, "moving 40 rows wraps about 40/4 blocks (%llu)",
           (unsigned long long)layout_wrapped_blocks(l));
        layout_last(l);
        layout_set_width(l, 30);
        uint64_t before = layout_wrapped_blocks(l);
        layout_pos_at(l, (uint32_t)(len / 3));
        is_int(layout_wrapped_blocks(l) - before, 1, "after a resize, again one block");
        layout_free(l);
        free(big);
    }

    /* A huge single line is cut into blocks, each wrapped on its own. */
    {
        size_t len = 3 * LAYOUT_BLOCK_MAX + 100;
        char *line = xmalloc(len + 1);
        for (size_t i = 0; i < len; i++)
            line[i] = i % 10 == 9 ? ' ' : 'x';
        line[len] = '\0';
        layout_t *l = layout_new(line, (uint32_t)len, 0, 80);
        ok(layout_nblocks(l) >= 4, "a %zu-byte line is cut into %u blocks", len, layout_nblocks(l));
        layout_pos_t p = layout_pos_at(l, (uint32_t)(len - 5));
        layout_line_t ln;
        ok(layout_line(l, p, &ln) && ln.start <= len - 5 && len - 5 < ln.next, "its last bytes are found");
        is_int(layout_wrapped_blocks(l), 1, "by wrapping one block");
        ok(check_rows(line, (uint32_t)len, 80, "long line"), "its rows obey the rules");
        layout_free(l);
        free(line);
    }

    /* The body may start after a header; empty texts have no rows. */
    {
        const char *t = "date 2026-01-28 Body text here.";
        layout_t *l = layout_new(t, (uint32_t)strlen(t), 16, 80);
        layout_line_t ln;
        ok(layout_line(l, layout_first(l), &ln) && ln.start == 16, "the first row starts at the body");
        ok(layout_pos_cmp(layout_pos_at(l, 3), layout_first(l)) == 0, "an offset in the header maps to the first row");
        layout_free(l);
        l = layout_new("", 0, 0, 80);
        ok(!layout_line(l, layout_first(l), &ln), "an empty text has no rows");
        layout_pos_t p = layout_first(l);
        is_int(layout_move(l, &p, 5), 0, "and nothing to move through");
        layout_free(l);
        l = layout_new("\n\n  \n", 5, 0, 80);
        ok(!layout_line(l, layout_first(l), &ln), "nor does a text of blank lines");
        layout_free(l);
    }
    free(corpus);
    return tap_done();
}
