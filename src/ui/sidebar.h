/* sidebar.h — the sidebar index: a MODEL built from a doc_t (pure, unit-tested
 * without curses, as neomutt's), and its drawing (the only curses part).
 *
 * Rows, top to bottom (a section is left out when it would be empty):
 *   Speakers (N)         one row per quoted entity, most quoted first (ties:
 *                        first quoted first), with its quote count
 *   Quotes (N)           grouped by speaker in the same order, then
 *                        "(no speaker)"; one short one-line excerpt each
 *   Entities (N)         grouped by type: People, Organizations, Places, Dates
 *   Notes (N)            rows the caller supplies (sidebar_set_notes); only
 *                        when there is at least one note
 * Section titles can be selected; Enter on one collapses / expands it. Group
 * headings are not selectable. A speaker's rank (0 = most quoted) is also its
 * palette colour: speaker_rank[entity] (-1 for entities nobody quotes).
 * Labels are raw article text: drawing escapes them (term.h), nothing else
 * may write them to the terminal.
 * Lifetime: the model keeps a pointer to the doc, which must outlive it.
 * Cost: building is linear in quotes + mentions (plus sorting speakers and
 * entities); every key, sidebar_select_quote and sidebar_row_at are O(1) or
 * O(rows moved); drawing is O(window height). */
#ifndef QUOTH_SIDEBAR_H
#define QUOTH_SIDEBAR_H
#include "engine/doc.h"
#include "ui/theme.h"
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { SB_SEC_SPEAKERS, SB_SEC_QUOTES, SB_SEC_ENTITIES, SB_SEC_NOTES, SB_SEC_COUNT } sidebar_section_t;

typedef enum {
    SB_ROW_TITLE,       /* section title: "Speakers (3)"; selectable (collapse) */
    SB_ROW_GROUP,       /* group heading: a speaker in Quotes, a type in Entities */
    SB_ROW_SPEAKER,     /* entity = the speaker, target = its first quote */
    SB_ROW_QUOTE,       /* quote = index, target = the quote's start */
    SB_ROW_ENTITY,      /* entity = index, target = its first NAME mention */
    SB_ROW_NOTE,        /* note = caller's id, target = the anchor offset */
} sidebar_row_kind_t;

enum sidebar_note_flags { SB_NOTE_ORPHAN = 1 << 0 };

typedef struct {
    sidebar_row_kind_t kind;
    sidebar_section_t section;
    uint32_t target;            /* byte offset into doc->text to jump to */
    int32_t entity;             /* entity index or -1 */
    int32_t quote;              /* quote index or -1 */
    int64_t note;               /* note id or -1 */
    int32_t rank;               /* speaker rank for colouring, or -1 */
    uint32_t count;             /* quotes (speakers, titles), mentions (entities) */
    unsigned flags;             /* SB_NOTE_* */
    char *label;                /* owned; raw text, one line, may be long; NULL for
                                   quotes, whose excerpt sidebar_label() makes */
} sidebar_row_t;

/* What the caller supplies for the Notes section (the notes store's list). */
typedef struct {
    int64_t id;
    uint32_t offset;            /* byte offset of the anchor (ignored for orphans) */
    const char *label;          /* a one-line excerpt of the note; copied */
    unsigned flags;             /* SB_NOTE_ORPHAN */
} sidebar_note_t;

typedef struct sidebar {
    const doc_t *doc;
    VEC(sidebar_row_t) rows;    /* visible rows (collapsed sections hidden) */
    int32_t *speaker_rank;      /* [doc->entities.len]: rank or -1 */
    int32_t *speakers;          /* [nspeakers]: entity index by rank */
    size_t nspeakers;
    bool collapsed[SB_SEC_COUNT];
    size_t selected;            /* index into rows; always a selectable row */
    size_t top;                 /* first row shown */
    int height;                 /* rows that fit (sidebar_resize) */
    sidebar_note_t *notes;      /* copies of the caller's notes (labels owned) */
    size_t nnotes;
    uint32_t *order;            /* quote indices by speaker rank, then text order */
    size_t *bucket;             /* [nspeakers + 2]: rank k's quotes are order[bucket[k] ..
                                   bucket[k+1]); rank nspeakers: no speaker */
    int32_t *quote_row;         /* [doc->quotes.len]: row of each quote, -1 when folded */
} sidebar_t;

typedef enum { SB_KEY_UP, SB_KEY_DOWN, SB_KEY_PAGE_UP, SB_KEY_PAGE_DOWN,
               SB_KEY_HALF_UP, SB_KEY_HALF_DOWN, SB_KEY_HOME, SB_KEY_END,
               SB_KEY_ENTER } sidebar_key_t;

typedef enum {
    SB_NONE,            /* nothing to do (at the top already, empty sidebar) */
    SB_MOVED,           /* the selection moved or a section folded: redraw */
    SB_JUMP,            /* bring offset into view (a quote, an entity, a note) */
    SB_FILTER,          /* set the speaker filter to entity; offset = its first quote */
    SB_ORPHAN,          /* Enter on an orphaned note: note id, nowhere to jump */
} sidebar_result_kind_t;

typedef struct {
    sidebar_result_kind_t kind;
    uint32_t offset;
    int32_t entity;             /* SB_FILTER, SB_JUMP on an entity/quote with a speaker, or -1 */
    int32_t quote;              /* SB_JUMP on a quote, or -1 */
    int64_t note;               /* SB_JUMP / SB_ORPHAN on a note, or -1 */
} sidebar_result_t;

/* --- model (pure) -------------------------------------------------------- */
void sidebar_init(sidebar_t *sb, const doc_t *doc);
void sidebar_free(sidebar_t *sb);
/* Replaces the Notes rows (n == 0 removes the section); keeps the selection
 * on the same row when it still exists. */
void sidebar_set_notes(sidebar_t *sb, const sidebar_note_t *notes, size_t n);
/* Rows that fit; rescrolls so the selection stays visible. */
void sidebar_resize(sidebar_t *sb, int height);
sidebar_result_t sidebar_key(sidebar_t *sb, sidebar_key_t key);
/* Row index drawn at window line y (0 = first line), or -1. */
int sidebar_row_at(const sidebar_t *sb, int y);
/* A mouse click on line y: selects that row and activates it as Enter. */
sidebar_result_t sidebar_click(sidebar_t *sb, int y);
/* Follows the reader: selects the row of quote qi (when the Quotes section is
 * expanded) and scrolls it into view. Returns false when there is none. */
bool sidebar_select_quote(sidebar_t *sb, int qi);
/* The text of row r: its label, or for a quote a one-line excerpt (white
 * space collapsed, at most 72 characters then "…") made in buf, which should
 * hold 300 bytes. Raw article text: escape it before drawing. */
const char *sidebar_label(const sidebar_t *sb, const sidebar_row_t *r, char *buf, size_t n);
/* Palette rank of entity e (-1 when not a speaker or out of range). */
int sidebar_speaker_rank(const sidebar_t *sb, int e);

/* --- drawing (curses) ---------------------------------------------------- */
/* Draws the model into win (its whole size; rows beyond fill blank). Article
 * labels go through term.h's escaping. */
void sidebar_draw(WINDOW *win, const sidebar_t *sb, const theme_t *theme, bool focused);

#endif
