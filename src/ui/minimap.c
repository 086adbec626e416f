/* minimap.c — one column beside the article: the whole article scaled to
 * the window height; each row shows the speaker whose quotes fill most of
 * that stretch, in the speaker's colour; the rows of the part on screen
 * are drawn heavier. Computed once per size (O(quotes)), drawn in O(rows). */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/app.h"
#include "engine/xalloc.h"
#include <stdlib.h>

#define MINIMAP_NONE (-3)
#define MINIMAP_UNATTRIBUTED (-1)

static void minimap_compute(app_t *app)
{
    const doc_t *doc = app->doc;
    int h = app->text_rows;
    free(app->minimap);
    app->minimap = xmalloc((size_t)h * sizeof *app->minimap);
    app->minimap_rows = h;
    uint32_t body = app->body_start, len = doc->len > body ? doc->len - body : 0;
    size_t qi = 0;
    uint64_t *bytes = xcalloc(doc->entities.len + 1, sizeof *bytes);
    for (int r = 0; r < h; r++) {
        uint32_t s = body + (uint32_t)((uint64_t)len * (uint64_t)r / (uint64_t)h);
        uint32_t e = body + (uint32_t)((uint64_t)len * (uint64_t)(r + 1) / (uint64_t)h);
        int best = MINIMAP_NONE;
        uint64_t best_bytes = 0, unattributed = 0;
        /* Top-level quotes do not overlap: walk them in order. */
        while (qi < doc->quotes.len && doc_quote_extent(&doc->quotes.items[qi]).end <= s)
            qi++;
        size_t touched0 = qi;
        for (size_t k = qi; k < doc->quotes.len; k++) {
            const quote_t *q = &doc->quotes.items[k];
            span_t x = doc_quote_extent(q);
            if (x.start >= e)
                break;
            if (q->parent >= 0)
                continue;
            uint32_t a = x.start > s ? x.start : s, b = x.end < e ? x.end : e;
            if (b <= a)
                continue;
            if (q->speaker >= 0 && (size_t)q->speaker < doc->entities.len) {
                bytes[q->speaker] += b - a;
                if (bytes[q->speaker] > best_bytes) {
                    best_bytes = bytes[q->speaker];
                    best = q->speaker;
                }
            } else {
                unattributed += b - a;
            }
        }
        if (unattributed > best_bytes)
            best = MINIMAP_UNATTRIBUTED;
        for (size_t k = touched0; k < doc->quotes.len; k++) {
            const quote_t *q = &doc->quotes.items[k];
            if (doc_quote_extent(q).start >= e)
                break;
            if (q->speaker >= 0 && (size_t)q->speaker < doc->entities.len)
                bytes[q->speaker] = 0;
        }
        app->minimap[r] = best;
    }
    free(bytes);
}

void minimap_draw(app_t *app)
{
    if (app->minimap_x < 0 || app->text_rows <= 0)
        return;
    if (!app->minimap || app->minimap_rows != app->text_rows)
        minimap_compute(app);
    int h = app->text_rows;
    uint32_t body = app->body_start, len = app->doc->len > body ? app->doc->len - body : 0;
    attr_t dim = theme_attr(&app->theme, THEME_minimap);
    for (int r = 0; r < h; r++) {
        uint32_t s = body + (uint32_t)((uint64_t)len * (uint64_t)r / (uint64_t)h);
        uint32_t e = body + (uint32_t)((uint64_t)len * (uint64_t)(r + 1) / (uint64_t)h);
        bool here = (e > app->top_offset && s < app->bottom_offset) || (r == h - 1 && app->at_end);
        int who = app->minimap[r];
        const wchar_t *ch;
        attr_t a;
        if (who == MINIMAP_NONE) {
            ch = here ? L"\u2503" : L"\u2502";      /* heavy / light vertical */
            a = here ? (dim & ~A_DIM) | A_BOLD : dim;
        } else {
            ch = here ? L"\u2588" : L"\u2590";      /* full / right half block */
            a = app_speaker_attr(app, who, THEME_SPK_QUOTE);
        }
        cchar_t cc;
        setcchar(&cc, ch, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
        mvwadd_wch(stdscr, r, app->minimap_x, &cc);
    }
}
