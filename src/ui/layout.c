/* layout.c — lazy, per-block word wrap at UAX #14 break opportunities. */
#include "config.h"
#include "ui/layout.h"
#include "engine/vec.h"
#include "engine/xalloc.h"
#include "ui/term.h"
#include <string.h>
#include <unilbrk.h>

typedef struct {
    uint32_t start, end;        /* bytes of the block */
    bool gap_after;             /* a blank row follows (end of a paragraph) */
    uint32_t gen;               /* width generation the rows below belong to */
    uint32_t nrows;
    uint32_t *rows;             /* start byte of each row */
} block_t;

struct layout {
    const char *text;
    uint32_t len;
    int width;
    uint32_t gen;
    VEC(block_t) blocks;
    uint64_t wrapped;
    /* scratch for one block */
    char *buf;
    char *brk;
    size_t scratch_cap;
};

static bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Cuts a paragraph into blocks of at most LAYOUT_BLOCK_MAX bytes, at a space
 * when there is one, else at a character boundary. */
static void layout_add_paragraph(layout_t *l, uint32_t s, uint32_t e)
{
    while (e - s > LAYOUT_BLOCK_MAX) {
        uint32_t cut = s + LAYOUT_BLOCK_MAX;
        uint32_t c = cut;
        while (c > s + LAYOUT_BLOCK_MAX / 2 && !is_space_byte(l->text[c - 1]))
            c--;
        if (c == s + LAYOUT_BLOCK_MAX / 2) {
            c = cut;    /* no space: stop at a character boundary */
            while (c > s && ((unsigned char)l->text[c] & 0xC0) == 0x80)
                c--;
        }
        vec_push(&l->blocks, (block_t){.start = s, .end = c});
        s = c;
    }
    vec_push(&l->blocks, (block_t){.start = s, .end = e, .gap_after = true});
}

layout_t *layout_new(const char *text, uint32_t len, uint32_t body_start, int width)
{
    layout_t *l = xcalloc(1, sizeof *l);
    l->text = text;
    l->len = len;
    l->width = width < 1 ? 1 : width;
    l->gen = 1;
    uint32_t i = body_start < len ? body_start : len;
    uint32_t para = UINT32_MAX, para_end = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        uint32_t eol = nl ? (uint32_t)(nl - text) : len;
        uint32_t j = i;
        while (j < eol && is_blank_byte(text[j]))
            j++;
        if (j == eol) {         /* a blank line ends the paragraph */
            if (para != UINT32_MAX)
                layout_add_paragraph(l, para, para_end);
            para = UINT32_MAX;
        } else {
            if (para == UINT32_MAX)
                para = i;
            para_end = eol;
        }
        i = eol + 1;
    }
    if (para != UINT32_MAX)
        layout_add_paragraph(l, para, para_end);
    if (l->blocks.len)
        vec_last(&l->blocks).gap_after = false;
    return l;
}

void layout_free(layout_t *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->blocks.len; i++)
        free(l->blocks.items[i].rows);
    vec_free(&l->blocks);
    free(l->buf);
    free(l->brk);
    free(l);
}

void layout_set_width(layout_t *l, int width)
{
    if (width < 1)
        width = 1;
    if (width != l->width) {
        l->width = width;
        l->gen++;
    }
}

int layout_width(const layout_t *l) { return l->width; }
uint32_t layout_nblocks(const layout_t *l) { return (uint32_t)l->blocks.len; }
uint64_t layout_wrapped_blocks(const layout_t *l) { return l->wrapped; }

static void layout_wrap(layout_t *l, block_t *b)
{
    size_t n = b->end - b->start;
    if (n + 1 > l->scratch_cap) {
        l->scratch_cap = n + 1;
        l->buf = xrealloc(l->buf, n + 1);
        l->brk = xrealloc(l->brk, n + 1);
    }
    /* Line ends inside a paragraph are reflowed: break as at a space. */
    char *buf = l->buf;
    memcpy(buf, l->text + b->start, n);
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '\n' || buf[i] == '\t')
            buf[i] = ' ';
    u8_possible_linebreaks((const uint8_t *)buf, n, "UTF-8", l->brk);

    VEC(uint32_t) rows = {0};
    vec_push(&rows, b->start);
    size_t line = 0, brk_at = 0;    /* brk_at: last opportunity in this row, 0 = none */
    long col = 0;
    term_glyph_t g;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int k = term_decode(buf + i, n - i, &c);
        int w = term_glyph(c, &g);
        if (i > line && l->brk[i] != UC_BREAK_PROHIBITED && l->brk[i] != UC_BREAK_UNDEFINED)
            brk_at = i;
        if (c != ' ' && col + w > l->width && i > line) {
            size_t cut = brk_at > line ? brk_at : i;
            vec_push(&rows, b->start + (uint32_t)cut);
            line = cut;
            brk_at = 0;
            col = 0;
            /* The part of the word carried over to the new row. */
            for (size_t j = cut; j < i;) {
                uint32_t cj;
                j += (size_t)term_decode(buf + j, n - j, &cj);
                col += term_glyph(cj, &g);
            }
            w = term_glyph(c, &g);
            if (col + w > l->width && i > line) {
                /* The carried part alone is too wide: cut it where it ends. */
                vec_push(&rows, b->start + (uint32_t)i);
                line = i;
                col = 0;
            }
        }
        col += w;
        i += (size_t)k;
    }
    free(b->rows);
    b->rows = rows.items;
    b->nrows = (uint32_t)rows.len;
    b->gen = l->gen;
    l->wrapped++;
}

static block_t *layout_block(layout_t *l, uint32_t i)
{
    block_t *b = &l->blocks.items[i];
    if (b->gen != l->gen)
        layout_wrap(l, b);
    return b;
}

uint32_t layout_block_rows(layout_t *l, uint32_t block)
{
    block_t *b = layout_block(l, block);
    return b->nrows + (b->gap_after ? 1 : 0);
}

bool layout_line(layout_t *l, layout_pos_t pos, layout_line_t *line)
{
    if (pos.block >= l->blocks.len)
        return false;
    block_t *b = layout_block(l, pos.block);
    line->block = pos.block;
    if (pos.row >= b->nrows) {
        if (!b->gap_after || pos.row > b->nrows)
            return false;
        line->start = line->end = line->next = b->end;
        line->width = 0;
        line->blank = true;
        return true;
    }
    uint32_t s = b->rows[pos.row];
    uint32_t e = pos.row + 1 < b->nrows ? b->rows[pos.row + 1] : b->end;
    line->next = e;
    while (e > s && is_space_byte(l->text[e - 1]))
        e--;
    line->start = s;
    line->end = e;
    line->width = (int)term_width(l->text + s, e - s);
    line->blank = false;
    return true;
}

long layout_move(layout_t *l, layout_pos_t *pos, long delta)
{
    long moved = 0;
    if (!l->blocks.len)
        return 0;
    while (delta > 0) {
        uint32_t rows = layout_block_rows(l, pos->block);
        if (pos->row + (unsigned long)delta < rows) {
            pos->row += (uint32_t)delta;
            moved += delta;
            break;
        }
        if (pos->block + 1 >= l->blocks.len) {
            moved += rows - 1 - pos->row;
            pos->row = rows - 1;
            break;
        }
        delta -= rows - pos->row;
        moved += rows - pos->row;
        pos->block++;
        pos->row = 0;
    }
    while (delta < 0) {
        if ((long)pos->row + delta >= 0) {
            pos->row = (uint32_t)((long)pos->row + delta);
            moved += delta;
            break;
        }
        if (pos->block == 0) {
            moved -= pos->row;
            pos->row = 0;
            break;
        }
        delta += (long)pos->row + 1;
        moved -= (long)pos->row + 1;
        pos->block--;
        pos->row = layout_block_rows(l, pos->block) - 1;
    }
    return moved;
}

layout_pos_t layout_first(const layout_t *l)
{
    (void)l;
    return (layout_pos_t){0, 0};
}

layout_pos_t layout_last(layout_t *l)
{
    if (!l->blocks.len)
        return (layout_pos_t){0, 0};
    uint32_t b = (uint32_t)l->blocks.len - 1;
    return (layout_pos_t){b, layout_block_rows(l, b) - 1};
}

layout_pos_t layout_pos_at(layout_t *l, uint32_t byte)
{
    if (!l->blocks.len || byte < l->blocks.items[0].start)
        return (layout_pos_t){0, 0};
    size_t lo = 0, hi = l->blocks.len;     /* last block with start <= byte */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->blocks.items[mid].start <= byte)
            lo = mid;
        else
            hi = mid;
    }
    block_t *b = layout_block(l, (uint32_t)lo);
    if (byte >= b->end && b->gap_after)
        return (layout_pos_t){(uint32_t)lo, b->nrows};
    uint32_t rlo = 0, rhi = b->nrows;       /* last row with start <= byte */
    while (rhi - rlo > 1) {
        uint32_t mid = rlo + (rhi - rlo) / 2;
        if (b->rows[mid] <= byte)
            rlo = mid;
        else
            rhi = mid;
    }
    return (layout_pos_t){(uint32_t)lo, rlo};
}

uint32_t layout_pos_offset(layout_t *l, layout_pos_t pos)
{
    if (pos.block >= l->blocks.len)
        return l->len;
    block_t *b = layout_block(l, pos.block);
    return pos.row < b->nrows ? b->rows[pos.row] : b->end;
}

int layout_pos_cmp(layout_pos_t a, layout_pos_t b)
{
    if (a.block != b.block)
        return a.block < b.block ? -1 : 1;
    return a.row < b.row ? -1 : a.row > b.row;
}
