/* term.h — the only code that writes article text to the terminal.
 *
 * Pure half (no curses; unit-tested): the visible form of each character.
 * Text from an article is never written raw: ESC shows as ^[, other C0
 * controls as ^X (TAB and LF, which are layout, as one space), DEL as ^?,
 * C1 controls, the bidi embeddings/overrides/isolates U+202A..U+202E and
 * U+2066..U+2069, unassigned and other unprintable code points as <U+XXXX>.
 * Widths are terminal columns (uc_width: 2 for CJK and emoji, 0 for
 * combining marks). Layout and drawing both measure through term_glyph, so
 * what is laid out is exactly what is drawn.
 *
 * Drawing half (declared only when <curses.h> was included first): puts
 * escaped text into a curses window, clipped to a number of columns, never
 * splitting a wide character. */
#ifndef QUOTH_TERM_H
#define QUOTH_TERM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TERM_GLYPH_MAX 12       /* "<U+10FFFF>" and a NUL */

typedef struct {
    char text[TERM_GLYPH_MAX];  /* UTF-8 to draw, NUL-terminated */
    uint32_t cp;                /* the code point drawn when !escaped */
    int width;                  /* columns: 0 (combining), 1 or 2; escapes 2..10 */
    bool escaped;               /* text is a visible stand-in (^[, <U+202E>) */
} term_glyph_t;

/* The visible form of code point c. Returns g->width. */
int term_glyph(uint32_t c, term_glyph_t *g);

/* Decodes one character of s[0..n) (n > 0) into *c; returns its length in
 * bytes (an invalid byte counts as one byte, decoded as U+FFFD). */
int term_decode(const char *s, size_t n, uint32_t *c);

/* Width in columns of s[0..n) once escaped. */
size_t term_width(const char *s, size_t n);

/* s[0..n) escaped into a fresh NUL-terminated string (caller frees). */
char *term_escape(const char *s, size_t n);

/* Number of bytes of s[0..n) whose escaped form fits in cols columns
 * (never cuts a character); *used receives the columns taken. */
size_t term_fit(const char *s, size_t n, int cols, int *used);

#if defined(NCURSES_VERSION) || defined(getmaxyx)
/* Puts one glyph at the cursor of w with attr; escaped stand-ins are drawn
 * with ctrl_attr instead. */
void term_put_glyph(WINDOW *w, const term_glyph_t *g, attr_t attr, attr_t ctrl_attr);
/* Puts s[0..n) escaped at the cursor, at most cols columns; returns the
 * columns used. For labels, titles and the status line. */
int term_put(WINDOW *w, const char *s, size_t n, int cols, attr_t attr, attr_t ctrl_attr);
/* Puts plain program text (ASCII or trusted UTF-8 of quoth's own) the same way. */
int term_puts(WINDOW *w, const char *s, int cols, attr_t attr);
#endif

#endif
