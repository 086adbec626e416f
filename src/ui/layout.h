/* layout.h — the article wrapped to a width, as rows of text (pure, no curses).
 *
 * The text is cut into blocks: paragraphs (runs of lines between blank
 * lines; single line ends inside a paragraph are reflowed as spaces), and
 * paragraphs longer than LAYOUT_BLOCK_MAX bytes are cut at a space into
 * several blocks so that no keystroke ever wraps more than that. A blank row
 * separates paragraphs. Blocks are wrapped lazily, on first use after a
 * width change, greedily at Unicode line-break opportunities (UAX #14,
 * u8_possible_linebreaks) with widths from term_glyph(): a wide character
 * never straddles the right edge, a combining mark stays with its base,
 * spaces at the end of a row hang (they are not drawn), and a word longer
 * than the width is cut between characters.
 *
 * A place in the layout is a (block, row) pair; a place in the text is a
 * byte offset. layout_pos_at() finds the row of an offset by binary search
 * (wrapping one block), so a resize keeps the reading position by keeping
 * the offset of the top row. Every operation costs time proportional to the
 * rows it walks, never to the whole article. */
#ifndef QUOTH_LAYOUT_H
#define QUOTH_LAYOUT_H
#include <stdbool.h>
#include <stdint.h>

#define LAYOUT_BLOCK_MAX 65536u

typedef struct layout layout_t;

typedef struct {
    uint32_t block;
    uint32_t row;               /* rows of the block, then its blank separator */
} layout_pos_t;

typedef struct {
    uint32_t start, end;        /* the bytes drawn on this row (no trailing spaces) */
    uint32_t next;              /* where the next row of the block starts */
    uint32_t block;
    int width;                  /* columns of start..end */
    bool blank;                 /* the separator after a paragraph (start == end) */
} layout_line_t;

/* Lays out text[body_start..len) (text is not copied: it must outlive the
 * layout) at width columns (at least 1). */
layout_t *layout_new(const char *text, uint32_t len, uint32_t body_start, int width);
void layout_free(layout_t *l);

/* Changes the width; blocks are re-wrapped lazily. */
void layout_set_width(layout_t *l, int width);
int layout_width(const layout_t *l);

uint32_t layout_nblocks(const layout_t *l);
/* Rows of a block, counting its blank separator. Wraps it if needed. */
uint32_t layout_block_rows(layout_t *l, uint32_t block);

/* The row at pos; false when pos is past the end (or the text is empty). */
bool layout_line(layout_t *l, layout_pos_t pos, layout_line_t *line);

/* Moves pos by delta rows (negative: up), stopping at the first and last
 * rows; returns the number of rows moved (with delta's sign). */
long layout_move(layout_t *l, layout_pos_t *pos, long delta);

/* The first and the last row. */
layout_pos_t layout_first(const layout_t *l);
layout_pos_t layout_last(layout_t *l);

/* The row showing byte offset; an offset between paragraphs gives the
 * separator (or last row) before it, one before the body the first row. */
layout_pos_t layout_pos_at(layout_t *l, uint32_t byte);

/* The byte offset where the row at pos starts (a separator: its block's end). */
uint32_t layout_pos_offset(layout_t *l, layout_pos_t pos);

/* -1, 0 or 1 as a is before, at or after b. */
int layout_pos_cmp(layout_pos_t a, layout_pos_t b);

/* Blocks wrapped since the layout was made or last re-measured (for tests
 * and benchmarks that check laziness). */
uint64_t layout_wrapped_blocks(const layout_t *l);

#endif
