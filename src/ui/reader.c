/* reader.c — the article screen: reader_draw paints, reader_key acts;
 * quote navigation and search. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/app.h"
#include "engine/xalloc.h"
#include "ui/notes_ui.h"
#include "ui/term.h"
#include <string.h>
#include <unicase.h>
#include <unictype.h>

void reader_search_start(app_t *app, const char *query, bool backward);
void reader_sidebar_result(app_t *app, sidebar_result_t r);

/* --- search (smart case) ---------------------------------------------------- */

/* End of a match of the query starting at byte i, or 0. */
static uint32_t search_match_at(const app_t *app, uint32_t i)
{
    const char *t = app->doc->text, *q = app->query;
    uint32_t len = app->doc->len;
    size_t qn = strlen(q);
    if (app->query_exact)
        return (size_t)(len - i) >= qn && memcmp(t + i, q, qn) == 0 ? i + (uint32_t)qn : 0;
    size_t k = 0;
    while (k < qn) {
        if (i >= len)
            return 0;
        uint32_t a, b;
        i += (uint32_t)term_decode(t + i, len - i, &a);
        k += (size_t)term_decode(q + k, qn - k, &b);
        if (a != b && uc_tolower(a) != uc_tolower(b))
            return 0;
    }
    return i;
}

static bool search_starts_here(const app_t *app, uint32_t i)
{
    unsigned char c = (unsigned char)app->doc->text[i], q0 = (unsigned char)app->query[0];
    if ((c & 0xC0) == 0x80)
        return false;
    if (q0 < 0x80 && c < 0x80 && !app->query_exact)
        return (c | 0x20) == (q0 | 0x20) || c == q0;
    return c == q0 || !app->query_exact;
}

/* The first match starting in [from, to) (forward), or the last one
 * starting in [to, from) (backward). */
static bool search_find(const app_t *app, uint32_t from, uint32_t to, bool backward, span_t *out)
{
    const char *t = app->doc->text;
    if (!backward) {
        if (app->query_exact) {
            size_t qn = strlen(app->query);
            const char *hit = from < to ? memmem(t + from, app->doc->len - from, app->query, qn) : NULL;
            if (hit && (uint32_t)(hit - t) < to) {
                *out = (span_t){(uint32_t)(hit - t), (uint32_t)(hit - t + qn)};
                return true;
            }
            return false;
        }
        for (uint32_t i = from; i < to; i++) {
            uint32_t e;
            if (search_starts_here(app, i) && (e = search_match_at(app, i))) {
                *out = (span_t){i, e};
                return true;
            }
        }
        return false;
    }
    for (uint32_t i = from; i > to;) {
        i--;
        uint32_t e;
        if (search_starts_here(app, i) && (e = search_match_at(app, i))) {
            *out = (span_t){i, e};
            return true;
        }
    }
    return false;
}

static void search_step(app_t *app, bool backward)
{
    if (!app->query) {
        app_message(app, true, "no previous search");
        return;
    }
    uint32_t body = app->body_start, len = app->doc->len;
    uint32_t from = app->top_offset;
    if (!span_is_empty(app->match) && app->match.start >= app->top_offset && app->match.start < app->bottom_offset)
        from = backward ? app->match.start : app->match.start + 1;
    span_t m;
    bool found = backward ? search_find(app, from, body, true, &m) : search_find(app, from, len, false, &m);
    if (!found) {
        found = backward ? search_find(app, len, from, true, &m) : search_find(app, body, from, false, &m);
        if (found)
            app_message(app, false, backward ? "search wrapped to the bottom" : "search wrapped to the top");
    }
    if (!found) {
        app_message(app, true, "not found: %s", app->query);
        app->match = SPAN_NONE;
        return;
    }
    app->match = m;
    app->highlight = true;
    app_show_offset(app, m.start);
}

void reader_search_start(app_t *app, const char *query, bool backward)
{
    if (*query) {
        free(app->query);
        app->query = xstrdup(query);
        /* Smart case: any capital makes the search exact. */
        app->query_exact = false;
        size_t n = strlen(query);
        for (size_t i = 0; i < n;) {
            uint32_t c;
            i += (size_t)term_decode(query + i, n - i, &c);
            if (uc_tolower(c) != c)
                app->query_exact = true;
        }
    }
    app->query_back = backward;
    app->match = SPAN_NONE;
    search_step(app, backward);
}

/* --- quote navigation ------------------------------------------------------- */

static bool reader_quote_ok(const app_t *app, int qi, int speaker, bool any)
{
    return any || app->doc->quotes.items[qi].speaker == speaker;
}

static const char *reader_name(const app_t *app, int entity)
{
    return entity >= 0 && (size_t)entity < app->doc->entities.len ? app->doc->entities.items[entity].name
                                                                    : "(no speaker)";
}

/* dir +1 / -1; speaker filter: -2 for any quote. */
static void reader_quote_step(app_t *app, int dir, int speaker)
{
    const doc_t *doc = app->doc;
    int n = (int)doc->quotes.len;
    bool any = speaker == -2;
    if (n == 0) {
        app_message(app, true, "no quotes in this article");
        return;
    }
    int i;
    if (app->cur_quote >= 0) {
        i = app->cur_quote + dir;
    } else {
        /* The first quote opening on screen (binary search: no walk over
         * the article), or for [ the one before it. */
        int first = (int)doc_quotes_before(doc, app->top_offset);
        i = dir > 0 ? first : first - 1;
    }
    for (; i >= 0 && i < n; i += dir)
        if (reader_quote_ok(app, i, speaker, any)) {
            app_goto_quote(app, i);
            return;
        }
    if (any)
        app_message(app, false, dir > 0 ? "no more quotes: this is the last" : "no earlier quote: this is the first");
    else
        app_message(app, false, dir > 0 ? "no later quote by %s" : "no earlier quote by %s", reader_name(app, speaker));
}

void reader_sidebar_result(app_t *app, sidebar_result_t r)
{
    switch (r.kind) {
    case SB_JUMP:
        if (r.note >= 0)
            notes_ui_choose(app, r.note);
        if (r.quote >= 0)
            app_goto_quote(app, r.quote);
        else
            app_show_offset(app, r.offset);
        break;
    case SB_FILTER:
        app->filter_speaker = r.entity;
        for (size_t i = 0; i < app->doc->quotes.len; i++)
            if (app->doc->quotes.items[i].speaker == r.entity) {
                app_goto_quote(app, (int)i);
                break;
            }
        app_message(app, false, "filter: %s (] and [ follow; Esc clears)", reader_name(app, r.entity));
        break;
    case SB_ORPHAN:
        notes_ui_choose(app, r.note);
        app_message(app, true, "this note's passage is no longer in the article");
        break;
    case SB_NONE: case SB_MOVED:
        break;
    }
}

static bool reader_sidebar_key(app_t *app, action_t a)
{
    static const struct { action_t a; sidebar_key_t k; } map[] = {
        {ACTION_scroll_down, SB_KEY_DOWN}, {ACTION_scroll_up, SB_KEY_UP},
        {ACTION_page_down, SB_KEY_PAGE_DOWN}, {ACTION_page_up, SB_KEY_PAGE_UP},
        {ACTION_half_down, SB_KEY_HALF_DOWN}, {ACTION_half_up, SB_KEY_HALF_UP},
        {ACTION_top, SB_KEY_HOME}, {ACTION_bottom, SB_KEY_END}, {ACTION_select, SB_KEY_ENTER},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].a == a) {
            reader_sidebar_result(app, sidebar_key(&app->sidebar, map[i].k));
            return true;
        }
    return false;
}

void reader_key(app_t *app, action_t a, int key)
{
    if (notes_ui_key(app, a, key))
        return;
    if (app->focus == FOCUS_SIDEBAR && app->sb_win && reader_sidebar_key(app, a))
        return;
    long page = app->text_rows > 2 ? app->text_rows - 1 : 1;
    switch (a) {
    case ACTION_scroll_down: app_scroll(app, 1); break;
    case ACTION_scroll_up: app_scroll(app, -1); break;
    case ACTION_page_down: app_scroll(app, page); break;
    case ACTION_page_up: app_scroll(app, -page); break;
    case ACTION_half_down: app_scroll(app, app->text_rows / 2 > 0 ? app->text_rows / 2 : 1); break;
    case ACTION_half_up: app_scroll(app, -(app->text_rows / 2 > 0 ? app->text_rows / 2 : 1)); break;
    case ACTION_top:
        app->top = layout_first(app->layout);
        app_scroll(app, 0);
        break;
    case ACTION_bottom:
        app->top = layout_last(app->layout);
        app_scroll(app, 0);
        break;
    case ACTION_next_quote:
    case ACTION_prev_quote:
        reader_quote_step(app, a == ACTION_next_quote ? 1 : -1, app->filter_speaker >= 0 ? app->filter_speaker : -2);
        break;
    case ACTION_next_speaker_quote:
    case ACTION_prev_speaker_quote:
        if (app->cur_quote < 0)
            reader_quote_step(app, a == ACTION_next_speaker_quote ? 1 : -1, -2);
        else
            reader_quote_step(app, a == ACTION_next_speaker_quote ? 1 : -1,
                              app->doc->quotes.items[app->cur_quote].speaker);
        break;
    case ACTION_focus:
        if (!app->sb_win) {
            app_message(app, false, "the sidebar is hidden (s shows it)");
            break;
        }
        app->focus = app->focus == FOCUS_ARTICLE ? FOCUS_SIDEBAR : FOCUS_ARTICLE;
        if (app->focus == FOCUS_SIDEBAR && app->cur_quote >= 0)
            sidebar_select_quote(&app->sidebar, app->cur_quote);
        break;
    case ACTION_select:
        break;
    case ACTION_clear_filter:
        if (app->filter_speaker >= 0) {
            app->filter_speaker = -1;
            app_message(app, false, "filter cleared");
        }
        app->highlight = false;
        if (app->focus == FOCUS_SIDEBAR)
            app->focus = FOCUS_ARTICLE;
        break;
    case ACTION_search:
    case ACTION_search_back:
        app_prompt(app, a == ACTION_search ? "/" : "?", NULL, APP_PROMPT_SEARCH);
        break;
    case ACTION_search_next:
        search_step(app, app->query_back);
        break;
    case ACTION_search_prev:
        search_step(app, !app->query_back);
        break;
    case ACTION_toggle_sidebar:
        app->sidebar_on = !app->sidebar_on;
        app->sidebar_toggled = true;
        app->rows = -1;                 /* recompute the geometry */
        if (app->sidebar_on && app->cols - app->settings.sidebar_width - 1 < 40)
            app_message(app, true, "the window is too narrow for the sidebar");
        break;
    case ACTION_help:
        app->screen = SCREEN_HELP;
        app->help_top = 0;
        break;
    case ACTION_redraw:
        clearok(curscr, TRUE);
        break;
    case ACTION_quit:
        app->running = false;
        break;
    case ACTION_add_note: case ACTION_select_passage: case ACTION_edit_note: case ACTION_delete_note:
    case ACTION_export_notes:           /* notes_ui_key took them */
    case ACTION_NONE: case ACTION_COUNT:
        break;
    }
}

/* --- drawing ---------------------------------------------------------------- */

/* Styles along a row: cursors into quotes and mentions, found once per row
 * by binary search and then advanced with the bytes, so drawing costs time
 * in proportion to the screen, not to the article. */
typedef struct {
    size_t q_next;              /* quotes opening at or before the byte: [0, q_next) */
    size_t m_next;              /* mentions starting at or before the byte */
} style_cursor_t;

static void style_cursor_init(const doc_t *doc, uint32_t byte, style_cursor_t *c)
{
    c->q_next = doc_quotes_before(doc, byte + 1);
    size_t lo = 0, hi = doc->mentions.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->mentions.items[mid].span.start <= byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    c->m_next = lo;
}

static bool reader_in_current(const app_t *app, int q)
{
    for (int guard = 0; q >= 0 && guard < 64; guard++) {
        if (q == app->cur_quote)
            return true;
        q = app->doc->quotes.items[q].parent;
    }
    return false;
}

static attr_t reader_attr(const app_t *app, uint32_t b, style_cursor_t *c, bool *in_cur)
{
    const doc_t *doc = app->doc;
    while (c->q_next < doc->quotes.len && doc_quote_extent(&doc->quotes.items[c->q_next]).start <= b)
        c->q_next++;
    while (c->m_next < doc->mentions.len && doc->mentions.items[c->m_next].span.start <= b)
        c->m_next++;
    /* The innermost quote holding b: the last opened, or one enclosing it. */
    int q = (int)c->q_next - 1;
    for (int guard = 0; q >= 0 && guard < 64; guard++) {
        span_t e = doc_quote_extent(&doc->quotes.items[q]);
        if (b >= e.start && b < e.end)
            break;
        q = doc->quotes.items[q].parent;
    }
    *in_cur = q >= 0 && reader_in_current(app, q);
    if (*in_cur)
        return app_speaker_attr(app, doc->quotes.items[q].speaker, THEME_SPK_CURRENT);
    const mention_t *mm = c->m_next ? &doc->mentions.items[c->m_next - 1] : NULL;
    if (mm && b < mm->span.end) {
        if (sidebar_speaker_rank(&app->sidebar, (int)mm->entity) >= 0)
            return app_speaker_attr(app, (int)mm->entity, THEME_SPK_NAME);
        if (mm->kind == MENTION_NAME && mm->entity < doc->entities.len) {
            static const theme_role_t roles[ENT_TYPE_COUNT] = {
                [ENT_PERSON] = THEME_person, [ENT_ORGANIZATION] = THEME_organization,
                [ENT_PLACE] = THEME_place, [ENT_DATE] = THEME_date};
            entity_type_t t = doc->entities.items[mm->entity].type;
            if (t < ENT_TYPE_COUNT)
                return theme_attr(&app->theme, roles[t]);
        }
    }
    if (q >= 0)
        return app_speaker_attr(app, doc->quotes.items[q].speaker, THEME_SPK_QUOTE);
    return theme_attr(&app->theme, THEME_text);
}

typedef VEC(span_t) spans_t;

/* Matches of the search that touch [from, to). */
static void reader_matches(const app_t *app, uint32_t from, uint32_t to, spans_t *out)
{
    out->len = 0;
    if (!app->query || !app->highlight)
        return;
    size_t qn = strlen(app->query);
    uint32_t back = (uint32_t)(qn * 4 < from ? qn * 4 : from);
    uint32_t i = from - back;
    span_t m;
    while (i < to && search_find(app, i, to, false, &m)) {
        vec_push(out, m);
        i = m.start + 1;
    }
}

static void reader_draw_row(app_t *app, int y, const layout_line_t *line, const spans_t *matches)
{
    const char *t = app->doc->text;
    attr_t ctrl = theme_attr(&app->theme, THEME_control);
    attr_t hit = theme_attr(&app->theme, THEME_search_match);
    wmove(stdscr, y, app->text_x);
    int col = 0;
    size_t mi = 0;
    term_glyph_t g;
    bool any_cur = false;
    style_cursor_t sc;
    style_cursor_init(app->doc, line->start, &sc);
    for (uint32_t i = line->start; i < line->end;) {
        uint32_t c;
        int k = term_decode(t + i, line->end - i, &c);
        term_glyph(c, &g);
        if (col + g.width > app->text_w)
            break;
        if (g.width == 0 && col == 0) {
            i += (uint32_t)k;
            continue;
        }
        bool in_cur;
        attr_t a = reader_attr(app, i, &sc, &in_cur);
        any_cur |= in_cur;
        while (mi < matches->len && matches->items[mi].end <= i)
            mi++;
        bool matched = mi < matches->len && matches->items[mi].start <= i;
        a = notes_ui_text_attr(app, i, a);
        if (matched)
            a = hit;
        term_put_glyph(stdscr, &g, a, matched ? hit : ctrl);
        col += g.width;
        i += (uint32_t)k;
    }
    /* The current quote's bar in the gutter. */
    if (app->bar_x >= 0 && app->cur_quote >= 0) {
        span_t e = doc_quote_extent(&app->doc->quotes.items[app->cur_quote]);
        if (any_cur || (e.start < line->next && e.end > line->start)) {
            attr_t a = app_speaker_attr(app, app->doc->quotes.items[app->cur_quote].speaker, THEME_SPK_QUOTE);
            cchar_t cc;
            setcchar(&cc, L"\u258e", a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
            mvwadd_wch(stdscr, y, app->bar_x, &cc);
        }
    }
    notes_ui_margin(app, y, line);
}

void reader_draw(app_t *app)
{
    /* The border next to the sidebar. */
    if (app->sb_win) {
        int bx = app->settings.sidebar_side == SETTINGS_LEFT ? app->sb_w : app->sb_x - 1;
        attr_t a = theme_attr(&app->theme, THEME_border);
        cchar_t cc;
        setcchar(&cc, L"\u2502", a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
        mvwvline_set(stdscr, 0, bx, &cc, app->text_rows);
    }
    spans_t matches = {0};
    reader_matches(app, app->top_offset, app->bottom_offset, &matches);
    layout_pos_t p = app->top;
    layout_line_t line;
    bool more = true;
    attr_t tilde = theme_attr(&app->theme, THEME_tilde);
    for (int y = 0; y < app->text_rows; y++) {
        if (more && layout_line(app->layout, p, &line)) {
            if (!line.blank)
                reader_draw_row(app, y, &line, &matches);
            more = layout_move(app->layout, &p, 1) == 1;
        } else {
            more = false;
            mvwaddch(stdscr, y, app->text_x, '~' | tilde);
        }
    }
    app->at_end = !more;
    vec_free(&matches);
    notes_ui_draw(app);
}
