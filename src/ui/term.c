/* term.c — escaping (pure) and the curses writer for article text. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/term.h"
#include "engine/xalloc.h"
#include <stdio.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

static bool term_is_bidi_control(uint32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int term_glyph(uint32_t c, term_glyph_t *g)
{
    g->escaped = false;
    g->cp = c;
    if (c == '\t' || c == '\n') {
        g->cp = ' ';
        memcpy(g->text, " ", 2);
        return g->width = 1;
    }
    if (c < 0x20 || c == 0x7F) {
        g->escaped = true;
        g->text[0] = '^';
        g->text[1] = c == 0x7F ? '?' : (char)(c + '@');
        g->text[2] = '\0';
        return g->width = 2;
    }
    if (c < 0x7F) {
        g->text[0] = (char)c;
        g->text[1] = '\0';
        return g->width = 1;
    }
    int w = uc_width(c, "UTF-8");
    /* wcwidth() is what curses and the terminal believe: a code point they
     * do not know would throw every later column off, so show its number. */
    if ((c >= 0x80 && c < 0xA0) || term_is_bidi_control(c) || c == 0x2028 || c == 0x2029
        || w < 0 || wcwidth((wchar_t)c) < 0) {
        g->escaped = true;
        return g->width = snprintf(g->text, sizeof g->text, "<U+%04X>", (unsigned)c);
    }
    int n = u8_uctomb((uint8_t *)g->text, c, TERM_GLYPH_MAX - 1);
    g->text[n > 0 ? n : 0] = '\0';
    return g->width = w;
}

int term_decode(const char *s, size_t n, uint32_t *c)
{
    ucs4_t uc;
    int len = u8_mbtouc(&uc, (const uint8_t *)s, n);
    *c = uc;
    return len > 0 ? len : 1;
}

size_t term_width(const char *s, size_t n)
{
    size_t w = 0;
    term_glyph_t g;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)term_decode(s + i, n - i, &c);
        w += (size_t)term_glyph(c, &g);
    }
    return w;
}

char *term_escape(const char *s, size_t n)
{
    size_t cap = n + 1, len = 0;
    char *out = xmalloc(cap);
    term_glyph_t g;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)term_decode(s + i, n - i, &c);
        term_glyph(c, &g);
        size_t k = strlen(g.text);
        out = xgrow(out, &cap, len + k + 1, 1);
        memcpy(out + len, g.text, k);
        len += k;
    }
    out[len] = '\0';
    return out;
}

size_t term_fit(const char *s, size_t n, int cols, int *used)
{
    int w = 0;
    size_t i = 0;
    term_glyph_t g;
    while (i < n) {
        uint32_t c;
        int k = term_decode(s + i, n - i, &c);
        if (w + term_glyph(c, &g) > cols)
            break;
        w += g.width;
        i += (size_t)k;
    }
    if (used)
        *used = w;
    return i;
}

void term_put_glyph(WINDOW *w, const term_glyph_t *g, attr_t attr, attr_t ctrl_attr)
{
    if (g->escaped) {
        /* Stand-ins are plain ASCII. */
        for (const char *p = g->text; *p; p++)
            waddch(w, (chtype)(unsigned char)*p | ctrl_attr);
        return;
    }
    wchar_t wc[2] = {(wchar_t)g->cp, L'\0'};
    cchar_t cc;
    setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
    wadd_wch(w, &cc);
}

int term_put(WINDOW *w, const char *s, size_t n, int cols, attr_t attr, attr_t ctrl_attr)
{
    int used = 0;
    term_glyph_t g;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)term_decode(s + i, n - i, &c);
        if (used + term_glyph(c, &g) > cols)
            break;
        /* A combining mark with nothing before it would join whatever
         * curses has in the previous cell. */
        if (g.width == 0 && used == 0)
            continue;
        term_put_glyph(w, &g, attr, ctrl_attr);
        used += g.width;
    }
    return used;
}

int term_puts(WINDOW *w, const char *s, int cols, attr_t attr)
{
    return term_put(w, s, strlen(s), cols, attr, attr);
}
