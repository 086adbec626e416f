/* status.c — the bottom line: file, date, filter, current quote, position;
 * messages; the prompt when one is open. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/app.h"
#include "ui/term.h"
#include <stdio.h>
#include <string.h>

/* One piece of the status line; text from the article is escaped by term_put. */
typedef struct {
    const char *text;
    int width;
    attr_t attr;
    int priority;               /* dropped first: the highest number */
} piece_t;

static int piece(piece_t *p, const char *text, attr_t attr, int priority)
{
    p->text = text;
    p->width = (int)term_width(text, strlen(text));
    p->attr = attr;
    p->priority = priority;
    return p->width;
}

void status_draw(app_t *app)
{
    int y = app->rows - 1, w = app->cols;
    if (app->prompt.active) {
        prompt_draw(stdscr, y, 0, w, &app->prompt, theme_attr(&app->theme, THEME_prompt));
        return;
    }
    attr_t base = theme_attr(&app->theme, THEME_status), dim = theme_attr(&app->theme, THEME_status_dim);
    wmove(stdscr, y, 0);
    for (int x = 0; x < w; x++)
        waddch(stdscr, ' ' | base);
    const doc_t *doc = app->doc;

    /* Right: filter, current quote, position. */
    char quote[512], pos[16], filter[300];
    filter[0] = '\0';
    if (app->filter_speaker >= 0 && (size_t)app->filter_speaker < doc->entities.len)
        snprintf(filter, sizeof filter, "filter: %s", doc->entities.items[app->filter_speaker].name);
    if (doc->quotes.len == 0)
        snprintf(quote, sizeof quote, "no quotes");
    else if (app->cur_quote < 0)
        snprintf(quote, sizeof quote, "quote -/%zu", doc->quotes.len);
    else {
        int sp = doc->quotes.items[app->cur_quote].speaker;
        snprintf(quote, sizeof quote, "quote %d/%zu \u00b7 %s", app->cur_quote + 1, doc->quotes.len,
                 sp >= 0 && (size_t)sp < doc->entities.len ? doc->entities.items[sp].name : "(no speaker)");
    }
    uint32_t body = app->body_start, len = doc->len > body ? doc->len - body : 0;
    if (app->at_end)
        snprintf(pos, sizeof pos, "%s", app->top_offset <= body ? "all" : "end");
    else
        snprintf(pos, sizeof pos, "%u%%", len ? (unsigned)((uint64_t)(app->bottom_offset - body) * 100 / len) : 100);

    /* Left: the message, or the file and the date. */
    const char *file = strcmp(doc->source_name, "-") == 0 ? "(stdin)" : doc->source_name;
    piece_t left[2], right[3];
    size_t nl = 0, nr = 0;
    if (app->message[0]) {
        piece(&left[nl++], app->message,
              theme_attr(&app->theme, app->message_error ? THEME_error : THEME_message), 0);
    } else {
        piece(&left[nl++], file, base | A_BOLD, 3);
        if (doc->date[0])
            piece(&left[nl++], doc->date, dim, 5);
    }
    if (filter[0])
        piece(&right[nr++], filter, base, 4);
    piece(&right[nr++], quote, base, 1);
    piece(&right[nr++], pos, dim, 2);

    /* Drop the least important pieces until everything fits (one space
     * around and two between pieces); a long path first loses its folders. */
    for (bool shortened = false;;) {
        int need = 1;
        for (size_t i = 0; i < nl; i++)
            need += left[i].width + 2;
        for (size_t i = 0; i < nr; i++)
            need += right[i].width + 2;
        if (need <= w)
            break;
        const char *slash = strrchr(file, '/');
        if (!shortened && !app->message[0] && slash && slash[1]) {
            shortened = true;
            piece(&left[0], slash + 1, left[0].attr, left[0].priority);
            continue;
        }
        piece_t *worst = NULL;
        for (size_t i = 0; i < nl; i++)
            if (left[i].width && (!worst || left[i].priority > worst->priority))
                worst = &left[i];
        for (size_t i = 0; i < nr; i++)
            if (right[i].width && (!worst || right[i].priority > worst->priority))
                worst = &right[i];
        if (!worst || worst->priority <= 1)
            break;              /* the quote and a message are cut, not dropped */
        worst->width = 0;
    }
    int x = 1, rw = 0;
    for (size_t i = 0; i < nr; i++)
        if (right[i].width)
            rw += right[i].width + 2;
    int room_left = w - rw - 1;
    for (size_t i = 0; i < nl && x < room_left; i++) {
        if (!left[i].width)
            continue;
        wmove(stdscr, y, x);
        x += term_put(stdscr, left[i].text, strlen(left[i].text), room_left - x, left[i].attr, left[i].attr) + 2;
    }
    x = w - rw > x ? w - rw : x;
    for (size_t i = 0; i < nr && x < w - 1; i++) {
        if (!right[i].width)
            continue;
        wmove(stdscr, y, x);
        x += term_put(stdscr, right[i].text, strlen(right[i].text), w - 1 - x, right[i].attr, right[i].attr) + 2;
    }
}
