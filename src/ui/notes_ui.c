/* notes_ui.c — notes in the reader (see notes_ui.h). */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/notes_ui.h"
#include "engine/xalloc.h"
#include "notes/export.h"
#include "notes/store.h"
#include "ui/term.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unictype.h>
#include <unistd.h>

#define NU_BUSY_MS 1000         /* a reader waits at most this for another's lock */
#define NU_EXCERPT 40           /* code points of a passage in the panel */
#define NU_MIN_ROWS 8           /* smaller windows get no note panel */

typedef enum { NU_PROMPT_NONE, NU_PROMPT_ADD, NU_PROMPT_EDIT, NU_PROMPT_EXPORT } nu_prompt_t;
typedef enum { NU_CONFIRM_NONE, NU_CONFIRM_DELETE, NU_CONFIRM_OVERWRITE } nu_confirm_t;

/* What identifies a version of a file on disk (the database and its WAL). */
typedef struct { bool exists; long long size, sec, nsec; } nu_stamp_t;

struct notes_ui {
    notes_store_t *st;          /* NULL: notes unavailable (err says why) */
    bool readonly;              /* listed, but changes cannot be saved (err says why) */
    char err[512];
    char *wal_path;
    nu_stamp_t stamp[2];        /* of the database and its WAL at the last listing */
    note_list_t list;           /* anchored by position, then orphans */
    char last_list_err[256];    /* shown once, not on every keystroke */

    VEC(size_t) visible;        /* indices into list of the notes on screen */
    int current;                /* index into list, or -1 */
    int64_t chosen;             /* picked in the sidebar or just written; 0 none */
    uint32_t chosen_top;        /* top_offset when an orphan was picked */

    bool selecting;
    uint32_t anchor, head;      /* the selection's ends (bytes; either order) */

    nu_prompt_t prompt;
    span_t pending_span;        /* NU_PROMPT_ADD: the passage */
    int64_t pending_id;         /* NU_PROMPT_EDIT: the note */
    char *failed;               /* why the last save failed (panel), or NULL */

    nu_confirm_t confirm;
    int64_t confirm_id;
    char *export_path;
    int recalc_depth;
};

typedef struct notes_ui notes_ui_t;

/* --- the list -------------------------------------------------------------- */

static void nu_stat(const char *path, nu_stamp_t *s)
{
    struct stat sb;
    memset(s, 0, sizeof *s);
    if (path && stat(path, &sb) == 0) {
        s->exists = true;
        s->size = (long long)sb.st_size;
        s->sec = (long long)sb.st_mtim.tv_sec;
        s->nsec = (long long)sb.st_mtim.tv_nsec;
    }
}

static bool nu_changed_on_disk(const notes_ui_t *nu)
{
    nu_stamp_t now[2];
    nu_stat(notes_store_path(nu->st), &now[0]);
    nu_stat(nu->wal_path, &now[1]);
    return memcmp(now, nu->stamp, sizeof now) != 0;
}

static const char *nu_label(const note_t *n)
{
    return n->body[0] ? n->body : n->exact;
}

static void nu_feed_sidebar(app_t *app)
{
    notes_ui_t *nu = app->notes;
    sidebar_note_t *rows = nu->list.len ? xcalloc(nu->list.len, sizeof *rows) : NULL;
    for (size_t i = 0; i < nu->list.len; i++) {
        const note_t *n = &nu->list.items[i];
        rows[i] = (sidebar_note_t){.id = n->id, .offset = n->span.start, .label = nu_label(n),
                                   .flags = n->state == NOTE_ORPHAN ? SB_NOTE_ORPHAN : 0};
    }
    sidebar_set_notes(&app->sidebar, rows, nu->list.len);
    free(rows);
}

/* Re-reads the notes from the database (the list is never trusted as a cache). */
static void nu_reload(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu->st)
        return;
    note_list_t fresh = {0};
    if (notes_list(nu->st, &fresh) != NOTES_OK) {
        note_list_free(&fresh);
        const char *e = notes_error(nu->st);
        if (strncmp(e, nu->last_list_err, sizeof nu->last_list_err - 1) != 0) {
            snprintf(nu->last_list_err, sizeof nu->last_list_err, "%s", e);
            app_message(app, true, "%s", e);
        }
        return;
    }
    nu->last_list_err[0] = '\0';
    note_list_free(&nu->list);
    nu->list = fresh;
    nu_stat(notes_store_path(nu->st), &nu->stamp[0]);
    nu_stat(nu->wal_path, &nu->stamp[1]);
    nu->current = -1;
    nu_feed_sidebar(app);
}

static int nu_index_of(const notes_ui_t *nu, int64_t id)
{
    for (size_t i = 0; i < nu->list.len; i++)
        if (nu->list.items[i].id == id)
            return (int)i;
    return -1;
}

void notes_ui_open(app_t *app)
{
    notes_ui_t *nu = xcalloc(1, sizeof *nu);
    app->notes = nu;
    nu->current = -1;
    char err[512];
    notes_rc rc = notes_store_open(NULL, NOTES_OPEN_CREATE, &nu->st, err, sizeof err);
    if (rc != NOTES_OK) {
        snprintf(nu->err, sizeof nu->err, "%s", err);
        /* Still show the notes there are, read-only (not from a damaged file). */
        char err2[512];
        if (rc != NOTES_CORRUPT && notes_store_open(NULL, NOTES_OPEN_READ, &nu->st, err2, sizeof err2) == NOTES_OK)
            nu->readonly = true;
        app_message(app, true, "%s%s", nu->readonly ? "notes are read-only: " : "notes unavailable: ", err);
    }
    if (!nu->st)
        return;
    notes_store_busy_timeout(nu->st, NU_BUSY_MS);
    nu->wal_path = xasprintf("%s-wal", notes_store_path(nu->st));
    notes_bind(nu->st, app->doc);
    nu_reload(app);
}

void notes_ui_close(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu)
        return;
    notes_store_close(nu->st);
    note_list_free(&nu->list);
    vec_free(&nu->visible);
    free(nu->wal_path);
    free(nu->failed);
    free(nu->export_path);
    free(nu);
    app->notes = NULL;
}

/* --- the current note, the selection ---------------------------------------- */

int notes_ui_panel_rows(const app_t *app)
{
    const notes_ui_t *nu = app->notes;
    if (!nu || app->rows < NU_MIN_ROWS)
        return 0;
    return nu->list.len || nu->selecting || nu->prompt != NU_PROMPT_NONE || nu->confirm != NU_CONFIRM_NONE;
}

static span_t nu_selection(const app_t *app)
{
    const notes_ui_t *nu = app->notes;
    const char *t = app->doc->text;
    uint32_t lo = nu->anchor < nu->head ? nu->anchor : nu->head;
    uint32_t hi = nu->anchor < nu->head ? nu->head : nu->anchor;
    while (lo < hi && (t[lo] == ' ' || t[lo] == '\n' || t[lo] == '\t'))
        lo++;
    while (hi > lo && (t[hi - 1] == ' ' || t[hi - 1] == '\n' || t[hi - 1] == '\t'))
        hi--;
    return (span_t){lo, hi};
}

static bool nu_overlaps(span_t a, uint32_t start, uint32_t end)
{
    return a.start < end && a.end > start;
}

void notes_ui_recalc(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu)
        return;
    /* Another reader may have changed the notes: two stat calls per key. */
    if (nu->st && nu->prompt == NU_PROMPT_NONE && nu_changed_on_disk(nu))
        nu_reload(app);
    /* The panel appeared or went away: lay the screen out again. */
    int panel = app->rows - 1 - app->text_rows;
    if (panel != notes_ui_panel_rows(app) && nu->recalc_depth == 0) {
        nu->recalc_depth++;
        app->rows = -1;
        app_recalc(app);
        nu->recalc_depth--;
        return;
    }
    uint32_t top = app->top_offset, bottom = app->bottom_offset > top ? app->bottom_offset : top + 1;
    nu->visible.len = 0;
    for (size_t i = 0; i < nu->list.len; i++) {
        const note_t *n = &nu->list.items[i];
        if (n->state != NOTE_ORPHAN && nu_overlaps(n->span, top, bottom))
            vec_push(&nu->visible, i);
    }
    nu->current = -1;
    if (nu->chosen) {
        int i = nu_index_of(nu, nu->chosen);
        if (i >= 0 && (nu->list.items[i].state == NOTE_ORPHAN ? nu->chosen_top == top
                                                               : nu_overlaps(nu->list.items[i].span, top, bottom)))
            nu->current = i;
        else
            nu->chosen = 0;
    }
    if (nu->current < 0 && app->cur_quote >= 0) {
        span_t e = doc_quote_extent(&app->doc->quotes.items[app->cur_quote]);
        for (size_t k = 0; k < nu->visible.len && nu->current < 0; k++)
            if (nu_overlaps(nu->list.items[nu->visible.items[k]].span, e.start, e.end))
                nu->current = (int)nu->visible.items[k];
    }
    if (nu->current < 0 && nu->visible.len)
        nu->current = (int)nu->visible.items[0];
}

void notes_ui_choose(app_t *app, int64_t id)
{
    notes_ui_t *nu = app->notes;
    if (!nu)
        return;
    nu->chosen = id;
    nu->chosen_top = app->top_offset;
}

/* --- drawing ----------------------------------------------------------------- */

static bool nu_in(span_t s, uint32_t b)
{
    return b >= s.start && b < s.end;
}

attr_t notes_ui_text_attr(const app_t *app, uint32_t byte, attr_t a)
{
    const notes_ui_t *nu = app->notes;
    if (!nu)
        return a;
    /* The passage being selected or annotated is shown in reverse. */
    if ((nu->selecting && nu_in(nu_selection(app), byte)) ||
        (nu->prompt == NU_PROMPT_ADD && nu_in(nu->pending_span, byte)))
        return a ^ A_REVERSE;
    for (size_t k = 0; k < nu->visible.len; k++)
        if (nu_in(nu->list.items[nu->visible.items[k]].span, byte))
            return a | A_UNDERLINE;
    return a;
}

static void nu_put_glyph(int y, int x, const wchar_t *wc, attr_t a)
{
    cchar_t cc;
    setcchar(&cc, wc, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
    mvwadd_wch(stdscr, y, x, &cc);
}

void notes_ui_margin(const app_t *app, int y, const layout_line_t *line)
{
    const notes_ui_t *nu = app->notes;
    if (!nu || app->margin_x < 0)
        return;
    int mark = 0;       /* 0 none, 1 inside a note, 2 a note starts here */
    bool cur = false;
    uint32_t end = line->next > line->start ? line->next : line->start + 1;
    for (size_t k = 0; k < nu->visible.len; k++) {
        size_t i = nu->visible.items[k];
        span_t s = nu->list.items[i].span;
        if (!nu_overlaps(s, line->start, end))
            continue;
        int m = s.start >= line->start && s.start < end ? 2 : 1;
        if (m > mark)
            mark = m;
        cur |= (int)i == nu->current;
    }
    if (!mark)
        return;
    attr_t a = theme_attr(&app->theme, THEME_note_marker);
    nu_put_glyph(y, app->margin_x, mark == 2 ? L"\u270e" : cur ? L"\u2503" : L"\u2502", a);
}

/* A passage of the doc shortened for one line (caller frees). */
static char *nu_excerpt(const doc_t *doc, span_t s)
{
    char *raw = xstrndup(doc->text + s.start, s.end > s.start ? s.end - s.start : 0);
    char *out = notes_shorten(raw, NU_EXCERPT);
    free(raw);
    return out;
}

/* The panel: the current note, or what is going on (selection, editor, question). */
void notes_ui_draw(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu || notes_ui_panel_rows(app) == 0 || app->text_rows + 2 != app->rows)
        return;
    int y = app->text_rows, w = app->cols;
    attr_t text = theme_attr(&app->theme, THEME_note_text), mark = theme_attr(&app->theme, THEME_note_marker);
    attr_t err = theme_attr(&app->theme, THEME_error), ctrl = theme_attr(&app->theme, THEME_control);
    wmove(stdscr, y, 0);
    for (int x = 0; x < w; x++)
        waddch(stdscr, ' ' | text);
    wmove(stdscr, y, 0);
    int x = term_puts(stdscr, "\u270e ", w, mark);
    char head[96] = "", *passage = NULL;
    const char *body = NULL;
    attr_t body_attr = text;
    const note_t *n = nu->current >= 0 ? &nu->list.items[nu->current] : NULL;
    if (nu->failed) {
        body = nu->failed;
        body_attr = err;
    } else if (nu->confirm == NU_CONFIRM_OVERWRITE) {
        snprintf(head, sizeof head, "export %zu note%s as Markdown \u00b7 y replaces the file, any other key keeps it",
                 nu->list.len, nu->list.len == 1 ? "" : "s");
    } else if (nu->confirm == NU_CONFIRM_DELETE && nu_index_of(nu, nu->confirm_id) >= 0) {
        /* The question is on the status line; here, the whole note. */
        n = &nu->list.items[nu_index_of(nu, nu->confirm_id)];
        passage = notes_shorten(n->exact, NU_EXCERPT);
        snprintf(head, sizeof head, "delete (y) the note on \u201c");
        body = n->body;
        x += term_puts(stdscr, head, w - x, text);
        head[0] = '\0';
        if (x < w)
            x += term_put(stdscr, passage, strlen(passage), w - x, text | A_BOLD, ctrl);
        free(passage);
        passage = NULL;
        if (x < w)
            x += term_puts(stdscr, "\u201d: ", w - x, text);
    } else if (nu->prompt == NU_PROMPT_ADD || nu->prompt == NU_PROMPT_EDIT) {
        span_t s = nu->pending_span;
        int i = nu_index_of(nu, nu->pending_id);
        if (nu->prompt == NU_PROMPT_EDIT && i >= 0)
            passage = notes_shorten(nu->list.items[i].exact, NU_EXCERPT);
        else
            passage = nu_excerpt(app->doc, s);
        snprintf(head, sizeof head, "%s on \u201c", nu->prompt == NU_PROMPT_ADD ? "new note" : "editing the note");
        body = "\u201d \u00b7 Enter saves, Esc cancels";
    } else if (nu->prompt == NU_PROMPT_EXPORT) {
        snprintf(head, sizeof head, "export %zu note%s as Markdown \u00b7 Enter writes, Esc cancels",
                 nu->list.len, nu->list.len == 1 ? "" : "s");
    } else if (nu->selecting) {
        span_t s = nu_selection(app);
        passage = nu_excerpt(app->doc, s);
        snprintf(head, sizeof head, "selection \u201c");
        body = "\u201d \u00b7 \u2190\u2192 w b: word  j k: line  o: other end  a: annotate  Esc: cancel";
    } else if (n) {
        snprintf(head, sizeof head, "%d/%zu%s ", nu->current + 1, nu->list.len,
                 n->state == NOTE_ORPHAN ? " (orphan: passage gone)" : "");
        x += term_puts(stdscr, head, w - x, mark);
        head[0] = '\0';
        if (n->speaker) {
            x += term_put(stdscr, n->speaker, strlen(n->speaker), w - x, text | A_BOLD, ctrl);
            x += term_puts(stdscr, ": ", w - x, text);
        }
        body = n->body[0] ? n->body : "(no note text)";
    } else {
        snprintf(head, sizeof head, "%zu note%s, none on this screen (Tab: the sidebar lists them)",
                 nu->list.len, nu->list.len == 1 ? "" : "s");
    }
    if (head[0] && x < w)
        x += term_puts(stdscr, head, w - x, text);
    if (passage && x < w)
        x += term_put(stdscr, passage, strlen(passage), w - x, text | A_BOLD, ctrl);
    if (body && x < w)
        term_put(stdscr, body, strlen(body), w - x, body_attr, ctrl);
    free(passage);
}

/* --- words and rows for the selection ---------------------------------------- */

static uint32_t nu_next(const doc_t *d, uint32_t i)
{
    uint32_t c;
    return i < d->len ? i + (uint32_t)term_decode(d->text + i, d->len - i, &c) : d->len;
}

static uint32_t nu_prev(const doc_t *d, uint32_t i)
{
    while (i > 0 && ((unsigned char)d->text[--i] & 0xC0) == 0x80)
        ;
    return i;
}

static bool nu_alnum_at(const doc_t *d, uint32_t i)
{
    uint32_t c;
    if (i >= d->len)
        return false;
    term_decode(d->text + i, d->len - i, &c);
    return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

/* A letter, digit or mark; an apostrophe between two of them (don't, Europe’s). */
static bool nu_word_at(const doc_t *d, uint32_t i)
{
    if (nu_alnum_at(d, i))
        return true;
    if (i >= d->len || i == 0)
        return false;
    uint32_t c;
    term_decode(d->text + i, d->len - i, &c);
    return (c == '\'' || c == 0x2019) && nu_alnum_at(d, nu_prev(d, i)) && nu_alnum_at(d, nu_next(d, i));
}

/* The head moves like a cursor: as the selection's end it stops after a
 * word, as its start before one. */
static void nu_head_word(app_t *app, int dir)
{
    notes_ui_t *nu = app->notes;
    const doc_t *d = app->doc;
    uint32_t h = nu->head, lo = app->body_start;
    bool is_end = nu->head > nu->anchor || (nu->head == nu->anchor && dir > 0);
    if (dir > 0) {
        if (is_end) {
            while (h < d->len && !nu_word_at(d, h))
                h = nu_next(d, h);
            while (h < d->len && nu_word_at(d, h))
                h = nu_next(d, h);
        } else {
            while (h < d->len && nu_word_at(d, h))
                h = nu_next(d, h);
            while (h < d->len && !nu_word_at(d, h))
                h = nu_next(d, h);
        }
    } else {
        if (is_end) {
            while (h > lo && nu_word_at(d, nu_prev(d, h)))
                h = nu_prev(d, h);
            while (h > lo && !nu_word_at(d, nu_prev(d, h)))
                h = nu_prev(d, h);
        } else {
            while (h > lo && !nu_word_at(d, nu_prev(d, h)))
                h = nu_prev(d, h);
            while (h > lo && nu_word_at(d, nu_prev(d, h)))
                h = nu_prev(d, h);
        }
    }
    nu->head = h;
}

/* Keeps the head's row on screen, scrolling as little as possible. */
static void nu_follow_head(app_t *app)
{
    notes_ui_t *nu = app->notes;
    /* The head as an end stands after its last character. */
    uint32_t at = nu->head > nu->anchor && nu->head > app->body_start ? nu_prev(app->doc, nu->head) : nu->head;
    layout_pos_t p = layout_pos_at(app->layout, at);
    layout_pos_t bottom = app->top;
    layout_move(app->layout, &bottom, app->text_rows > 1 ? app->text_rows - 1 : 0);
    if (layout_pos_cmp(p, app->top) < 0) {
        app->top = p;
        app_scroll(app, 0);
    } else if (layout_pos_cmp(p, bottom) > 0) {
        layout_move(app->layout, &p, -(long)(app->text_rows > 1 ? app->text_rows - 1 : 0));
        app->top = p;
        app_scroll(app, 0);
    }
}

/* Moves the head by rows, keeping its column; then to a word's edge. */
static void nu_head_rows(app_t *app, long delta)
{
    notes_ui_t *nu = app->notes;
    const doc_t *d = app->doc;
    layout_pos_t p = layout_pos_at(app->layout, nu->head);
    layout_line_t line;
    int col = 0;
    if (layout_line(app->layout, p, &line) && nu->head >= line.start && nu->head <= line.end)
        col = (int)term_width(d->text + line.start, nu->head - line.start);
    long moved = layout_move(app->layout, &p, delta);
    /* Blank rows between paragraphs hold no text: one more row. */
    if (layout_line(app->layout, p, &line) && line.blank && moved != 0)
        layout_move(app->layout, &p, delta > 0 ? 1 : -1);
    if (!layout_line(app->layout, p, &line))
        return;
    if (moved == 0 && delta > 0)
        nu->head = line.end;
    else if (moved == 0 && delta < 0)
        nu->head = line.start;
    else
        nu->head = line.start + (uint32_t)term_fit(d->text + line.start, line.end - line.start, col, NULL);
    if (nu->head > nu->anchor) {
        while (nu->head < d->len && nu_word_at(d, nu->head) && nu->head > 0 && nu_word_at(d, nu_prev(d, nu->head)))
            nu->head = nu_next(d, nu->head);
    } else {
        while (nu->head > app->body_start && nu_word_at(d, nu_prev(d, nu->head)))
            nu->head = nu_prev(d, nu->head);
    }
}

/* --- actions ----------------------------------------------------------------- */

static bool nu_writable(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu->st)
        app_message(app, true, "notes unavailable: %s", nu->err);
    else if (nu->readonly)
        app_message(app, true, "notes are read-only: %s", nu->err);
    return nu->st && !nu->readonly;
}

/* Takes msg (allocated), or NULL to clear. */
static void nu_set_failed(notes_ui_t *nu, char *msg)
{
    free(nu->failed);
    nu->failed = msg;
}

static void nu_open_editor(app_t *app, nu_prompt_t kind, const char *initial)
{
    notes_ui_t *nu = app->notes;
    nu->prompt = kind;
    /* Too few rows for the panel: the editor's label says the save failed. */
    const char *label = nu->failed && notes_ui_panel_rows(app) == 0 ? "NOT SAVED (Enter retries): "
                        : kind == NU_PROMPT_EXPORT ? "Export notes to: "
                        : kind == NU_PROMPT_ADD ? "Note: " : "Edit note: ";
    app_prompt(app, label, initial, APP_PROMPT_NOTE);
}

static void nu_edit_index(app_t *app, int i)
{
    notes_ui_t *nu = app->notes;
    if (!nu_writable(app))
        return;
    const note_t *n = &nu->list.items[i];
    nu->pending_id = n->id;
    nu->pending_span = n->span;
    nu_set_failed(nu, NULL);
    nu_open_editor(app, NU_PROMPT_EDIT, n->body);
}

static void nu_add(app_t *app)
{
    notes_ui_t *nu = app->notes;
    const doc_t *d = app->doc;
    span_t span;
    if (nu->selecting) {
        span = nu_selection(app);
        if (span_is_empty(span)) {
            app_message(app, true, "the selection is empty: move its end with the arrow keys");
            return;
        }
    } else {
        if (app->cur_quote < 0 || (size_t)app->cur_quote >= d->quotes.len) {
            app_message(app, true, "no quote on screen to annotate; v selects any passage");
            return;
        }
        span = d->quotes.items[app->cur_quote].span;
        if (span_is_empty(span)) {
            app_message(app, true, "this quote is empty; v selects a passage");
            return;
        }
        /* The quote has its note already: edit that one. */
        for (size_t i = 0; i < nu->list.len; i++)
            if (nu->list.items[i].state != NOTE_ORPHAN && nu->list.items[i].span.start == span.start &&
                nu->list.items[i].span.end == span.end) {
                nu_edit_index(app, (int)i);
                return;
            }
    }
    if (!nu_writable(app))
        return;
    nu->pending_span = span;
    nu->pending_id = 0;
    nu_set_failed(nu, NULL);
    nu_open_editor(app, NU_PROMPT_ADD, NULL);
}

/* The note e and x act on: the sidebar's note row when it has the focus. */
static int nu_target(app_t *app)
{
    notes_ui_t *nu = app->notes;
    const sidebar_t *sb = &app->sidebar;
    if (app->focus == FOCUS_SIDEBAR && app->sb_win && sb->selected < sb->rows.len &&
        sb->rows.items[sb->selected].kind == SB_ROW_NOTE)
        return nu_index_of(nu, sb->rows.items[sb->selected].note);
    return nu->current;
}

static void nu_ask_delete(app_t *app)
{
    notes_ui_t *nu = app->notes;
    int i = nu_target(app);
    if (i < 0) {
        app_message(app, true, nu->list.len ? "no note here (Tab: the sidebar lists them)" : "this article has no notes");
        return;
    }
    if (!nu_writable(app))
        return;
    const note_t *n = &nu->list.items[i];
    char *b = notes_shorten(nu_label(n), 30);
    nu->confirm = NU_CONFIRM_DELETE;
    nu->confirm_id = n->id;
    app_message(app, false, "delete the note \u201c%s\u201d? (y/n)", b);
    free(b);
}

static char *nu_default_export_path(const app_t *app)
{
    const notes_ui_t *nu = app->notes;
    const char *src = app->doc->source_name;
    if (strcmp(src, "-") == 0)
        return xasprintf("./quoth-%.8s.notes.md", nu->st ? notes_fingerprint(nu->st) : "stdin");
    const char *base = strrchr(src, '/');
    base = base ? base + 1 : src;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xasprintf("./%.*s.notes.md", (int)n, base);
}

static void nu_ask_export(app_t *app)
{
    notes_ui_t *nu = app->notes;
    if (!nu->st) {
        app_message(app, true, "notes unavailable: %s", nu->err);
        return;
    }
    nu_reload(app);
    if (nu->list.len == 0) {
        app_message(app, false, "no notes to export");
        return;
    }
    char *path = nu_default_export_path(app);
    nu_set_failed(nu, NULL);
    nu_open_editor(app, NU_PROMPT_EXPORT, path);
    free(path);
}

/* Writes the Markdown next to path and renames it over: never a half file. */
static void nu_write_export(app_t *app, const char *path)
{
    notes_ui_t *nu = app->notes;
    nu_reload(app);
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp), e = 0;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        e = errno;
        if (fd >= 0)
            close(fd);
    } else {
        mode_t um = umask(0);
        umask(um);
        fchmod(fd, 0666 & ~um);
        notes_export_t x = {app->doc, notes_bound_path(nu->st), notes_fingerprint(nu->st), &nu->list};
        int w = notes_export_md(f, &x);
        if (w != 0 || fflush(f) != 0 || fsync(fileno(f)) != 0)
            e = errno ? errno : EIO;
        if (fclose(f) != 0 && !e)
            e = errno;
        if (!e && rename(tmp, path) != 0)
            e = errno;
        if (e)
            unlink(tmp);
    }
    if (e)
        app_message(app, true, "cannot export the notes to %s: %s", path, strerror(e));
    else
        app_message(app, false, "exported %zu note%s to %s", nu->list.len, nu->list.len == 1 ? "" : "s", path);
    free(tmp);
}

static void nu_export_to(app_t *app, const char *text)
{
    notes_ui_t *nu = app->notes;
    while (*text == ' ')
        text++;
    size_t n = strlen(text);
    while (n > 0 && text[n - 1] == ' ')
        n--;
    if (n == 0) {
        app_message(app, false, "not exported");
        return;
    }
    const char *home = getenv("HOME");
    char *path = text[0] == '~' && (n == 1 || text[1] == '/') && home && *home
                     ? xasprintf("%s%.*s", home, (int)n - 1, text + 1)
                     : xstrndup(text, n);
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            app_message(app, true, "%s is a folder: give a file name", path);
            free(path);
            return;
        }
        free(nu->export_path);
        nu->export_path = path;
        nu->confirm = NU_CONFIRM_OVERWRITE;
        app_message(app, false, "%s exists: overwrite it? (y/n)", path);
        return;
    }
    nu_write_export(app, path);
    free(path);
}

void notes_ui_prompt_done(app_t *app, bool done, const char *text)
{
    notes_ui_t *nu = app->notes;
    if (!nu)
        return;
    nu_prompt_t kind = nu->prompt;
    nu->prompt = NU_PROMPT_NONE;
    if (kind == NU_PROMPT_EXPORT) {
        if (done)
            nu_export_to(app, text);
        else
            app_message(app, false, "not exported");
        return;
    }
    if (!done) {
        bool was_failed = nu->failed != NULL;
        nu_set_failed(nu, NULL);
        app_message(app, false, kind == NU_PROMPT_EDIT ? "edit cancelled: the note is unchanged"
                                : was_failed ? "the note was not saved" : "cancelled: no note added");
        return;
    }
    notes_rc rc;
    int64_t id = 0;
    if (kind == NU_PROMPT_EDIT) {
        int i = nu_index_of(nu, nu->pending_id);
        if (i >= 0 && strcmp(nu->list.items[i].body, text) == 0 && !nu->failed) {
            app_message(app, false, "the note is unchanged");
            return;
        }
        rc = notes_edit(nu->st, nu->pending_id, text);
        id = nu->pending_id;
    } else {
        rc = notes_add(nu->st, nu->pending_span, NULL, text, &id);
    }
    if (rc == NOTES_OK) {
        nu_set_failed(nu, NULL);
        nu->selecting = false;
        nu_reload(app);
        notes_ui_choose(app, id);
        app_message(app, false, kind == NU_PROMPT_ADD ? "note saved" : "note updated");
        return;
    }
    /* Not saved: the text stays in the editor, the panel says why. */
    if (rc == NOTES_GONE && kind == NU_PROMPT_EDIT && !span_is_empty(nu->pending_span)) {
        kind = NU_PROMPT_ADD;
        nu_set_failed(nu, xstrdup("the note was deleted by another reader; Enter saves this text as a new note"));
    } else {
        nu_set_failed(nu, xasprintf("NOT SAVED (Enter retries, Esc discards): %s", notes_error(nu->st)));
    }
    nu_open_editor(app, kind, text);
}

static void nu_confirmed(app_t *app, bool yes)
{
    notes_ui_t *nu = app->notes;
    nu_confirm_t what = nu->confirm;
    nu->confirm = NU_CONFIRM_NONE;
    if (what == NU_CONFIRM_OVERWRITE) {
        if (yes)
            nu_write_export(app, nu->export_path);
        else
            app_message(app, false, "not exported");
        free(nu->export_path);
        nu->export_path = NULL;
        return;
    }
    if (!yes) {
        app_message(app, false, "the note is kept");
        return;
    }
    notes_rc rc = notes_delete(nu->st, nu->confirm_id);
    if (rc == NOTES_OK || rc == NOTES_GONE)
        app_message(app, false, rc == NOTES_OK ? "note deleted" : "the note was already deleted (by another reader)");
    else
        app_message(app, true, "%s", notes_error(nu->st));
    nu_reload(app);
}

static void nu_select_start(app_t *app)
{
    notes_ui_t *nu = app->notes;
    const doc_t *d = app->doc;
    uint32_t start = app->top_offset;
    if (app->cur_quote >= 0 && (size_t)app->cur_quote < d->quotes.len) {
        uint32_t qs = d->quotes.items[app->cur_quote].span.start;
        if (qs > start && qs < app->bottom_offset)
            start = qs;
    }
    while (start < d->len && !nu_word_at(d, start))
        start = nu_next(d, start);
    if (start >= d->len) {
        app_message(app, true, "nothing to select here");
        return;
    }
    nu->selecting = true;
    nu->anchor = nu->head = start;
    nu_head_word(app, 1);
    app->highlight = false;
}

static bool nu_select_key(app_t *app, action_t a, int key)
{
    notes_ui_t *nu = app->notes;
    long page = app->text_rows > 2 ? app->text_rows - 1 : 1, half = app->text_rows / 2 > 0 ? app->text_rows / 2 : 1;
    key = keymap_normalize(key);
    if (key == KEYMAP_FN(KEY_RIGHT) || key == 'w' || key == 'l') {
        nu_head_word(app, 1);
    } else if (key == KEYMAP_FN(KEY_LEFT) || key == 'b') {
        nu_head_word(app, -1);
    } else if (key == 'o') {
        uint32_t t = nu->anchor;
        nu->anchor = nu->head;
        nu->head = t;
    } else {
        switch (a) {
        case ACTION_scroll_down: nu_head_rows(app, 1); break;
        case ACTION_scroll_up: nu_head_rows(app, -1); break;
        case ACTION_page_down: nu_head_rows(app, page); break;
        case ACTION_page_up: nu_head_rows(app, -page); break;
        case ACTION_half_down: nu_head_rows(app, half); break;
        case ACTION_half_up: nu_head_rows(app, -half); break;
        case ACTION_top: nu->head = app->body_start; break;
        case ACTION_bottom: nu->head = app->doc->len; break;
        case ACTION_add_note: nu_add(app); return true;
        case ACTION_select_passage: case ACTION_clear_filter:
            nu->selecting = false;
            app_message(app, false, "selection cancelled");
            return true;
        case ACTION_quit: case ACTION_help: case ACTION_redraw: case ACTION_toggle_sidebar:
            return false;
        default:
            app_message(app, false, "selecting: a annotates, Esc cancels");
            return true;
        }
    }
    nu_follow_head(app);
    return true;
}

bool notes_ui_key(app_t *app, action_t a, int key)
{
    notes_ui_t *nu = app->notes;
    if (!nu)
        return false;
    if (nu->confirm != NU_CONFIRM_NONE) {
        nu_confirmed(app, key == 'y' || key == 'Y');
        return true;
    }
    if (nu->selecting)
        return nu_select_key(app, a, key);
    switch (a) {
    case ACTION_add_note: nu_add(app); return true;
    case ACTION_select_passage: nu_select_start(app); return true;
    case ACTION_edit_note: {
        int i = nu_target(app);
        if (i < 0)
            app_message(app, true, nu->list.len ? "no note here (Tab: the sidebar lists them)" : "this article has no notes");
        else
            nu_edit_index(app, i);
        return true;
    }
    case ACTION_delete_note: nu_ask_delete(app); return true;
    case ACTION_export_notes: nu_ask_export(app); return true;
    default: return false;
    }
}
