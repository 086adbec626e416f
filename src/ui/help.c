/* help.c — the help screen, generated from the keymap table (keymap.h) with
 * the keys as bound now (defaults plus config.ini [keys]). */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/app.h"
#include "ui/term.h"
#include <stdio.h>
#include <string.h>

enum { HELP_HEAD = 2 };     /* title and a blank line */

static int help_lines(void) { return HELP_HEAD + ACTION_COUNT; }

void help_draw(app_t *app)
{
    attr_t text = theme_attr(&app->theme, THEME_help), key = theme_attr(&app->theme, THEME_help_key);
    int rows = app->text_rows, w = app->cols;
    int max_top = help_lines() - rows > 0 ? help_lines() - rows : 0;
    if (app->help_top > max_top)
        app->help_top = max_top;
    if (app->help_top < 0)
        app->help_top = 0;
    for (int y = 0; y < rows; y++) {
        wmove(stdscr, y, 0);
        for (int x = 0; x < w; x++)
            waddch(stdscr, ' ' | text);
        int line = app->help_top + y;
        wmove(stdscr, y, 1);
        if (line == 0) {
            term_puts(stdscr, "quoth keys \u2014 j/k scroll, q or Esc closes", w - 2, text | A_BOLD);
        } else if (line >= HELP_HEAD && line < help_lines()) {
            action_t a = (action_t)(line - HELP_HEAD);
            char keys[128];
            keymap_keys_of(&app->keymap, a, keys, sizeof keys);
            int kw = w >= 60 ? 16 : 10;
            int used = term_puts(stdscr, *keys ? keys : "(unbound)", kw, key);
            wmove(stdscr, y, 1 + (used + 1 > kw ? used + 1 : kw));
            getyx(stdscr, line, used);
            term_puts(stdscr, action_help(a), w - 1 - used, text);
        }
    }
}

void help_key(app_t *app, action_t a, int key)
{
    (void)key;
    int page = app->text_rows > 2 ? app->text_rows - 1 : 1;
    switch (a) {
    case ACTION_scroll_down: app->help_top++; break;
    case ACTION_scroll_up: app->help_top--; break;
    case ACTION_page_down: case ACTION_half_down: app->help_top += page; break;
    case ACTION_page_up: case ACTION_half_up: app->help_top -= page; break;
    case ACTION_top: app->help_top = 0; break;
    case ACTION_bottom: app->help_top = help_lines(); break;
    case ACTION_quit: case ACTION_help: case ACTION_clear_filter: case ACTION_select:
        app->screen = SCREEN_READER;
        break;
    case ACTION_redraw: clearok(curscr, TRUE); break;
    default: break;
    }
}
