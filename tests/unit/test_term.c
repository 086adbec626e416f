/* test_term.c — the escaping of article text (ui/term, pure half). */
#include "config.h"
#include "tap.h"
#include "ui/term.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void esc_is(const char *in, const char *want, const char *name)
{
    char *got = term_escape(in, strlen(in));
    is_str(got, want, "%s", name);
    free(got);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    term_glyph_t g;

    esc_is("plain text", "plain text", "plain ASCII is unchanged");
    esc_is("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
           "accents, CJK and emoji are unchanged");
    esc_is("\x1b[31mred\x1b[0m", "^[[31mred^[[0m", "CSI: ESC shows as ^[");
    esc_is("\x1b]52;c;aGVsbG8=\x07", "^[]52;c;aGVsbG8=^G", "OSC 52 clipboard: ESC and BEL visible");
    esc_is("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "^[]8;;http://x^[\\link^[]8;;^[\\", "OSC 8 hyperlink");
    esc_is("\x1bP1$r\x1b\\", "^[P1$r^[\\", "DCS");
    esc_is("a\x7f" "b", "a^?b", "DEL shows as ^?");
    esc_is("\x01\x02\x1f", "^A^B^_", "other C0 controls show as ^X");
    esc_is("\r\v\f", "^M^K^L", "CR, VT, FF are controls too");
    esc_is("a\tb\nc", "a b c", "TAB and LF are layout: one space");
    esc_is("\xc2\x9b" "31m", "<U+009B>31m", "C1 CSI (U+009B) shows as <U+009B>");
    esc_is("\xc2\x90q\xc2\x9c", "<U+0090>q<U+009C>", "C1 DCS and ST");
    esc_is("\xc2\x85", "<U+0085>", "NEL");
    esc_is("\xe2\x80\xae" "txet", "<U+202E>txet", "RLO shows as <U+202E>");
    const char *bidi[] = {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
                          "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"};
    const char *names[] = {"<U+202A>", "<U+202B>", "<U+202C>", "<U+202D>", "<U+202E>",
                           "<U+2066>", "<U+2067>", "<U+2068>", "<U+2069>"};
    for (int i = 0; i < 9; i++)
        esc_is(bidi[i], names[i], names[i]);
    esc_is("\xe2\x80\xa8", "<U+2028>", "LINE SEPARATOR is not obeyed either");
    esc_is("\xff" "a", "\xef\xbf\xbd" "a", "an invalid byte shows as U+FFFD");

    /* No escaped form contains a byte a terminal would act on. */
    int clean = 1;
    for (uint32_t c = 0; c < 0x3000; c++) {
        term_glyph(c, &g);
        for (const unsigned char *p = (const unsigned char *)g.text; *p; p++)
            if (*p < 0x20 || *p == 0x7f)
                clean = 0;
        if (strstr(g.text, "\xc2\x80") || (g.text[0] == '\xc2' && (unsigned char)g.text[1] < 0xa0))
            clean = 0;
    }
    ok(clean, "no glyph of U+0000..U+2FFF draws a C0, DEL or C1 byte");

    /* Widths: what the layout measures is what is drawn. */
    is_int(term_glyph('a', &g), 1, "ASCII: 1 column");
    is_int(term_glyph(0x65E5, &g), 2, "CJK: 2 columns");
    is_int(term_glyph(0x1F600, &g), 2, "emoji: 2 columns");
    is_int(term_glyph(0x0301, &g), 0, "combining acute: 0 columns");
    is_int(term_glyph(0x1b, &g), 2, "^[: 2 columns");
    ok(g.escaped, "^[ is marked as an escape (drawn in the control colour)");
    is_int(term_glyph(0x202E, &g), 8, "<U+202E>: 8 columns");
    is_int(term_width("a\x1b" "b\xe6\x97\xa5" "e\xcc\x81", 9), 1 + 2 + 1 + 2 + 1, "width of a mixed string");

    /* Fitting never cuts a character or an escape. */
    int used;
    is_int(term_fit("ab\xe6\x97\xa5" "c", 6, 3, &used), 2, "a wide character that does not fit is left out");
    is_int(used, 2, "... and the columns used say so");
    is_int(term_fit("a\x1b" "b", 3, 2, &used), 1, "so is ^[ when only one column is left");
    is_int(term_fit("e\xcc\x81x", 4, 1, &used), 3, "a combining mark goes with its base");
    return tap_done();
}
