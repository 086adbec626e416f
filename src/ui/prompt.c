/* prompt.c — the bottom-line editor. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/prompt.h"
#include "engine/xalloc.h"
#include "ui/keymap.h"
#include "ui/term.h"
#include <stdio.h>
#include <string.h>
#include <unistr.h>

void prompt_start(prompt_t *p, const char *label, const char *initial)
{
    free(p->buf);
    memset(p, 0, sizeof *p);
    snprintf(p->label, sizeof p->label, "%s", label);
    p->cap = 64;
    p->buf = xmalloc(p->cap);
    p->buf[0] = '\0';
    if (initial) {
        p->len = strlen(initial);
        p->buf = xgrow(p->buf, &p->cap, p->len + 1, 1);
        memcpy(p->buf, initial, p->len + 1);
        p->cursor = p->len;
    }
    p->active = true;
}

void prompt_free(prompt_t *p)
{
    free(p->buf);
    p->buf = NULL;
    p->len = p->cap = p->cursor = 0;
    p->active = false;
}

const char *prompt_text(const prompt_t *p) { return p->buf ? p->buf : ""; }

static bool prompt_is_mark(const prompt_t *p, size_t at)
{
    term_glyph_t g;
    uint32_t c;
    if (at >= p->len)
        return false;
    term_decode(p->buf + at, p->len - at, &c);
    return term_glyph(c, &g) == 0;
}

/* The next character boundary after at, taking combining marks along. */
static size_t prompt_next(const prompt_t *p, size_t at)
{
    uint32_t c;
    if (at >= p->len)
        return p->len;
    at += (size_t)term_decode(p->buf + at, p->len - at, &c);
    while (prompt_is_mark(p, at))
        at += (size_t)term_decode(p->buf + at, p->len - at, &c);
    return at;
}

static size_t prompt_prev(const prompt_t *p, size_t at)
{
    do {
        if (at == 0)
            return 0;
        ucs4_t c;
        const uint8_t *s = u8_prev(&c, (const uint8_t *)p->buf + at, (const uint8_t *)p->buf);
        at = s ? (size_t)((const char *)s - p->buf) : at - 1;
    } while (at > 0 && prompt_is_mark(p, at));
    return at;
}

static void prompt_delete(prompt_t *p, size_t from, size_t to)
{
    memmove(p->buf + from, p->buf + to, p->len - to + 1);
    p->len -= to - from;
    if (p->cursor > to)
        p->cursor -= to - from;
    else if (p->cursor > from)
        p->cursor = from;
}

static void prompt_insert(prompt_t *p, int key)
{
    uint8_t u[8];
    int k = u8_uctomb(u, (ucs4_t)key, sizeof u);
    if (k <= 0)
        return;
    p->buf = xgrow(p->buf, &p->cap, p->len + (size_t)k + 1, 1);
    memmove(p->buf + p->cursor + k, p->buf + p->cursor, p->len - p->cursor + 1);
    memcpy(p->buf + p->cursor, u, (size_t)k);
    p->len += (size_t)k;
    p->cursor += (size_t)k;
}

prompt_state_t prompt_key(prompt_t *p, int key)
{
    key = keymap_normalize(key);
    switch (key) {
    case '\n':
        return PROMPT_DONE;
    case 27: case 3: case 7:               /* Esc, C-c, C-g */
        return PROMPT_CANCELLED;
    case KEYMAP_FN(KEY_BACKSPACE):
        if (p->len == 0)
            return PROMPT_CANCELLED;
        if (p->cursor > 0)
            prompt_delete(p, prompt_prev(p, p->cursor), p->cursor);
        break;
    case KEYMAP_FN(KEY_DC): case 4:        /* Delete, C-d */
        if (p->cursor < p->len)
            prompt_delete(p, p->cursor, prompt_next(p, p->cursor));
        break;
    case KEYMAP_FN(KEY_LEFT): case 2:      /* C-b */
        p->cursor = prompt_prev(p, p->cursor);
        break;
    case KEYMAP_FN(KEY_RIGHT): case 6:     /* C-f */
        p->cursor = prompt_next(p, p->cursor);
        break;
    case KEYMAP_FN(KEY_HOME): case 1:      /* C-a */
        p->cursor = 0;
        break;
    case KEYMAP_FN(KEY_END): case 5:       /* C-e */
        p->cursor = p->len;
        break;
    case 21:                               /* C-u */
        prompt_delete(p, 0, p->cursor);
        break;
    case 11:                               /* C-k */
        prompt_delete(p, p->cursor, p->len);
        break;
    default:
        /* Printable characters only; a tab is typed as a space. */
        if (key == '\t')
            key = ' ';
        if (key >= ' ' && !(key >= 0x7F && key < 0xA0) && key < 0x110000 && !(key >= 0xD800 && key < 0xE000))
            prompt_insert(p, key);
        break;
    }
    return PROMPT_EDITING;
}

int prompt_cursor_col(const prompt_t *p)
{
    return (int)term_width(p->buf, p->cursor);
}

void prompt_draw(WINDOW *w, int y, int x, int width, prompt_t *p, attr_t attr)
{
    wmove(w, y, x);
    int lw = term_puts(w, p->label, width, attr);
    int room = width - lw - 1;              /* one column for the cursor at the end */
    if (room < 1) {
        wmove(w, y, x + lw);
        return;
    }
    int col = prompt_cursor_col(p);
    if (col < p->scroll)
        p->scroll = col;
    if (col - p->scroll > room)
        p->scroll = col - room;
    /* Skip the characters left of the scroll column. */
    size_t i = 0;
    int skipped = 0;
    term_glyph_t g;
    while (i < p->len) {
        uint32_t c;
        int k = term_decode(p->buf + i, p->len - i, &c);
        if (skipped + term_glyph(c, &g) > p->scroll)
            break;
        skipped += g.width;
        i += (size_t)k;
    }
    int used = term_put(w, p->buf + i, p->len - i, room, attr, attr | A_BOLD);
    for (int k = lw + used; k < width; k++)
        waddch(w, ' ' | attr);
    wmove(w, y, x + lw + (col - skipped));
}
