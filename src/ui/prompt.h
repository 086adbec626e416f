/* prompt.h — a one-line UTF-8 editor for the bottom line (search, notes).
 *
 *   prompt_t p;  prompt_start(&p, "/", NULL);
 *   each key: switch (prompt_key(&p, key)) { PROMPT_DONE: use prompt_text(&p) ... }
 *   each repaint: prompt_draw(win, y, x, width, &p, attr);   (places the cursor)
 *   prompt_free(&p);
 * Keys are keymap.h ints (code points, KEYMAP_FN(curses code)). Editing is by
 * character (code point; a combining mark moves and is deleted with its base):
 * printable characters insert, Backspace / Delete remove the character
 * before / under the cursor, Left Right Home End (and C-a C-e) move, C-u
 * clears to the start, C-k to the end; Enter ends with PROMPT_DONE; Esc, C-c,
 * C-g and Backspace on an empty line with PROMPT_CANCELLED. Wide characters
 * take two columns; the line scrolls sideways to keep the cursor in view;
 * control characters typed or pasted are escaped when drawn (term.h).
 * The editing half is pure (no curses); only prompt_draw draws. */
#ifndef QUOTH_PROMPT_H
#define QUOTH_PROMPT_H
#include <stdbool.h>
#include <stddef.h>

typedef enum { PROMPT_EDITING, PROMPT_DONE, PROMPT_CANCELLED } prompt_state_t;

typedef struct prompt {
    char label[64];             /* shown before the text: "/", "Note: " */
    char *buf;                  /* UTF-8, NUL-terminated */
    size_t len, cap;
    size_t cursor;              /* byte offset, on a character boundary */
    int scroll;                 /* first column of the text shown */
    bool active;
} prompt_t;

void prompt_start(prompt_t *p, const char *label, const char *initial);
prompt_state_t prompt_key(prompt_t *p, int key);
const char *prompt_text(const prompt_t *p);
/* Columns from the start of the text to the cursor. */
int prompt_cursor_col(const prompt_t *p);
void prompt_free(prompt_t *p);

#if defined(NCURSES_VERSION) || defined(getmaxyx)
/* Draws label and text on line y from column x, width columns wide, and
 * leaves the curses cursor at the editing point. */
void prompt_draw(WINDOW *w, int y, int x, int width, prompt_t *p, attr_t attr);
#endif

#endif
