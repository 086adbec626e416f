/* sidebar.c — the sidebar index: model (pure), then drawing (see sidebar.h). */
#include "config.h"
#include "ui/sidebar.h"
#include "ui/term.h"
#include <stdlib.h>
#include <string.h>

#define SB_NO_TARGET UINT32_MAX
/* Code points of a quote excerpt before the ellipsis. */
#define SB_EXCERPT_CHARS 72
/* Bytes for an excerpt: 72 characters of up to 4 bytes, a space, "…", NUL. */
#define SB_LABEL_MAX (SB_EXCERPT_CHARS * 4 + 8)

static const char *const sb_titles[SB_SEC_COUNT] = {"Speakers", "Quotes", "Entities", "Notes"};
static const char *const sb_type_groups[ENT_TYPE_COUNT] = {
    "People", "Organizations", "Places", "Dates",
};

static sidebar_row_t sb_row(sidebar_row_kind_t kind, sidebar_section_t sec)
{
    return (sidebar_row_t){.kind = kind, .section = sec, .target = SB_NO_TARGET,
                           .entity = -1, .quote = -1, .note = -1, .rank = -1};
}

static bool sb_selectable(const sidebar_row_t *r)
{
    return r->kind != SB_ROW_GROUP;
}

/* Where a jump to quote q lands: its opening mark when it has one. */
static uint32_t sb_quote_target(const quote_t *q)
{
    return span_is_empty(q->open_mark) ? q->span.start : q->open_mark.start;
}

/* A one-line excerpt of text[start, end) into buf: runs of white space
 * become one space; cut at a character boundary after SB_EXCERPT_CHARS
 * characters (or when buf is full) with an ellipsis. */
static void sb_excerpt(const char *text, uint32_t start, uint32_t end, char *buf, size_t cap)
{
    size_t n = 0, chars = 0;
    bool space = false;
    uint32_t i = start;
    while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'))
        i++;
    for (; i < end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        bool lead = (c & 0xC0) != 0x80;
        /* Room for a space, a 4-byte character, the ellipsis and the NUL. */
        if (lead && (chars + (space ? 1 : 0) >= SB_EXCERPT_CHARS || n + 1 + 4 + 3 + 1 > cap)) {
            if (space && chars < SB_EXCERPT_CHARS && n + 1 + 3 + 1 <= cap) {
                buf[n++] = ' ';
            }
            if (n + 3 + 1 <= cap) {
                memcpy(buf + n, "\xE2\x80\xA6", 3);     /* … */
                n += 3;
            }
            break;
        }
        if (space && lead) {
            buf[n++] = ' ';
            chars++;
            space = false;
        }
        buf[n++] = (char)c;
        if (lead)
            chars++;
    }
    buf[n] = '\0';
}

static void sb_rows_free(sidebar_t *sb)
{
    for (size_t i = 0; i < sb->rows.len; i++)
        free(sb->rows.items[i].label);
    sb->rows.len = 0;
}

/* The identity of a row, to find it again after a rebuild. */
static bool sb_same_row(const sidebar_row_t *a, const sidebar_row_t *b)
{
    return a->kind == b->kind && a->section == b->section && a->entity == b->entity
        && a->quote == b->quote && a->note == b->note;
}

static void sb_push_title(sidebar_t *sb, sidebar_section_t sec, uint32_t count)
{
    sidebar_row_t r = sb_row(SB_ROW_TITLE, sec);
    r.count = count;
    r.label = xstrdup(sb_titles[sec]);
    vec_push(&sb->rows, r);
}

/* Quote counts per entity, computed from the quotes themselves. */
static uint32_t *sb_quote_counts(const doc_t *doc)
{
    uint32_t *n = xcalloc(doc->entities.len + 1, sizeof *n);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        int32_t s = doc->quotes.items[i].speaker;
        if (s >= 0 && (size_t)s < doc->entities.len)
            n[s]++;
    }
    return n;
}

/* Ordering helpers that need the doc: qsort has no context pointer, so the
 * keys are copied into the array being sorted. */
typedef struct { int32_t entity; uint32_t count; uint32_t first; } sb_sortkey_t;

static int sb_by_count(const void *pa, const void *pb)
{
    const sb_sortkey_t *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* Ranks the speakers, then orders the quotes by speaker rank (unattributed
 * last), keeping text order within a speaker: a counting sort, so building
 * the sidebar stays linear in the number of quotes. */
static void sb_rank_speakers(sidebar_t *sb)
{
    const doc_t *doc = sb->doc;
    size_t ne = doc->entities.len, nq = doc->quotes.len;
    uint32_t *counts = sb_quote_counts(doc);
    uint32_t *first = xmalloc((ne + 1) * sizeof *first);
    for (size_t e = 0; e < ne; e++)
        first[e] = UINT32_MAX;
    for (size_t i = nq; i-- > 0;) {
        int32_t s = doc->quotes.items[i].speaker;
        if (s >= 0 && (size_t)s < ne)
            first[s] = (uint32_t)i;
    }
    sb_sortkey_t *keys = xcalloc(ne + 1, sizeof *keys);
    size_t n = 0;
    for (size_t e = 0; e < ne; e++)
        if (counts[e] > 0)
            keys[n++] = (sb_sortkey_t){(int32_t)e, counts[e], first[e]};
    qsort(keys, n, sizeof *keys, sb_by_count);
    sb->speakers = xcalloc(n + 1, sizeof *sb->speakers);
    sb->nspeakers = n;
    for (size_t k = 0; k < n; k++) {
        sb->speakers[k] = keys[k].entity;
        sb->speaker_rank[keys[k].entity] = (int32_t)k;
    }
    /* bucket[k] .. bucket[k+1]: the quotes of rank k; rank n: no speaker. */
    sb->bucket = xcalloc(n + 2, sizeof *sb->bucket);
    for (size_t i = 0; i < nq; i++) {
        int r = sidebar_speaker_rank(sb, doc->quotes.items[i].speaker);
        sb->bucket[(r < 0 ? n : (size_t)r) + 1]++;
    }
    for (size_t k = 0; k <= n; k++)
        sb->bucket[k + 1] += sb->bucket[k];
    sb->order = xmalloc((nq + 1) * sizeof *sb->order);
    size_t *fill = xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, sb->bucket, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < nq; i++) {
        int r = sidebar_speaker_rank(sb, doc->quotes.items[i].speaker);
        sb->order[fill[r < 0 ? n : (size_t)r]++] = (uint32_t)i;
    }
    sb->quote_row = xmalloc((nq + 1) * sizeof *sb->quote_row);
    free(fill);
    free(keys);
    free(first);
    free(counts);
}

static void sb_build_speakers(sidebar_t *sb, const uint32_t *counts)
{
    const doc_t *doc = sb->doc;
    if (sb->nspeakers == 0)
        return;
    sb_push_title(sb, SB_SEC_SPEAKERS, (uint32_t)sb->nspeakers);
    if (sb->collapsed[SB_SEC_SPEAKERS])
        return;
    for (size_t k = 0; k < sb->nspeakers; k++) {
        int32_t e = sb->speakers[k];
        sidebar_row_t r = sb_row(SB_ROW_SPEAKER, SB_SEC_SPEAKERS);
        r.entity = e;
        r.rank = (int32_t)k;
        r.count = counts[e];
        r.label = xstrdup(doc->entities.items[e].name ? doc->entities.items[e].name : "?");
        r.target = sb_quote_target(&doc->quotes.items[sb->order[sb->bucket[k]]]);
        vec_push(&sb->rows, r);
    }
}

static void sb_build_quotes(sidebar_t *sb)
{
    const doc_t *doc = sb->doc;
    for (size_t i = 0; i < doc->quotes.len; i++)
        sb->quote_row[i] = -1;
    if (doc->quotes.len == 0)
        return;
    sb_push_title(sb, SB_SEC_QUOTES, (uint32_t)doc->quotes.len);
    if (sb->collapsed[SB_SEC_QUOTES])
        return;
    for (size_t k = 0; k <= sb->nspeakers; k++) {
        if (sb->bucket[k] == sb->bucket[k + 1])
            continue;
        int32_t e = k < sb->nspeakers ? sb->speakers[k] : -1;
        sidebar_row_t g = sb_row(SB_ROW_GROUP, SB_SEC_QUOTES);
        g.entity = e;
        g.rank = e >= 0 ? (int32_t)k : -1;
        g.label = xstrdup(e >= 0 && doc->entities.items[e].name ? doc->entities.items[e].name
                                                                : "(no speaker)");
        vec_push(&sb->rows, g);
        for (size_t j = sb->bucket[k]; j < sb->bucket[k + 1]; j++) {
            uint32_t qi = sb->order[j];
            const quote_t *q = &doc->quotes.items[qi];
            sidebar_row_t r = sb_row(SB_ROW_QUOTE, SB_SEC_QUOTES);
            r.quote = (int32_t)qi;
            r.entity = e;
            r.rank = g.rank;
            r.target = sb_quote_target(q);
            /* The excerpt is made when drawn (sidebar_label): no copy of
             * every quote is kept. */
            sb->quote_row[qi] = (int32_t)sb->rows.len;
            vec_push(&sb->rows, r);
        }
    }
}

const char *sidebar_label(const sidebar_t *sb, const sidebar_row_t *r, char *buf, size_t n)
{
    if (r->label)
        return r->label;
    if (r->kind != SB_ROW_QUOTE || r->quote < 0 || (size_t)r->quote >= sb->doc->quotes.len || n == 0)
        return "";
    const doc_t *doc = sb->doc;
    const quote_t *q = &doc->quotes.items[r->quote];
    uint32_t end = q->span.end <= doc->len ? q->span.end : doc->len;
    sb_excerpt(doc->text, q->span.start < end ? q->span.start : end, end, buf, n);
    return buf;
}

static void sb_build_entities(sidebar_t *sb)
{
    const doc_t *doc = sb->doc;
    size_t ne = doc->entities.len;
    if (ne == 0)
        return;
    sb_push_title(sb, SB_SEC_ENTITIES, (uint32_t)ne);
    if (sb->collapsed[SB_SEC_ENTITIES])
        return;
    /* Name mentions per entity and the first of them (any kind when an
     * entity has no NAME mention). */
    sb_sortkey_t *keys = xcalloc(ne + 1, sizeof *keys);
    uint32_t *any_first = xmalloc((ne + 1) * sizeof *any_first);
    for (size_t e = 0; e < ne; e++) {
        keys[e] = (sb_sortkey_t){(int32_t)e, 0, SB_NO_TARGET};
        any_first[e] = SB_NO_TARGET;
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const mention_t *m = &doc->mentions.items[i];
        if (m->entity >= ne)
            continue;
        if (any_first[m->entity] == SB_NO_TARGET)
            any_first[m->entity] = m->span.start;
        if (m->kind == MENTION_NAME) {
            keys[m->entity].count++;
            if (keys[m->entity].first == SB_NO_TARGET)
                keys[m->entity].first = m->span.start;
        }
    }
    for (size_t e = 0; e < ne; e++)
        if (keys[e].first == SB_NO_TARGET)
            keys[e].first = any_first[e];
    qsort(keys, ne, sizeof *keys, sb_by_count);
    for (int t = 0; t < ENT_TYPE_COUNT; t++) {
        bool any = false;
        for (size_t k = 0; k < ne; k++) {
            const entity_t *ent = &doc->entities.items[keys[k].entity];
            if ((int)ent->type != t)
                continue;
            if (!any) {
                sidebar_row_t g = sb_row(SB_ROW_GROUP, SB_SEC_ENTITIES);
                g.label = xstrdup(sb_type_groups[t]);
                vec_push(&sb->rows, g);
                any = true;
            }
            sidebar_row_t r = sb_row(SB_ROW_ENTITY, SB_SEC_ENTITIES);
            r.entity = keys[k].entity;
            r.rank = sidebar_speaker_rank(sb, r.entity);
            r.count = keys[k].count;
            r.target = keys[k].first;
            r.label = xstrdup(ent->name ? ent->name : "?");
            vec_push(&sb->rows, r);
        }
    }
    free(any_first);
    free(keys);
}

static void sb_build_notes(sidebar_t *sb)
{
    if (sb->nnotes == 0)
        return;
    sb_push_title(sb, SB_SEC_NOTES, (uint32_t)sb->nnotes);
    if (sb->collapsed[SB_SEC_NOTES])
        return;
    for (size_t i = 0; i < sb->nnotes; i++) {
        const sidebar_note_t *n = &sb->notes[i];
        sidebar_row_t r = sb_row(SB_ROW_NOTE, SB_SEC_NOTES);
        r.note = n->id;
        r.flags = n->flags;
        r.target = (n->flags & SB_NOTE_ORPHAN) ? SB_NO_TARGET : n->offset;
        r.label = xstrdup(n->label ? n->label : "");
        vec_push(&sb->rows, r);
    }
}

/* The first selectable row at or after i (dir > 0) or at or before i. */
static long sb_find_selectable(const sidebar_t *sb, long i, int dir)
{
    for (; i >= 0 && (size_t)i < sb->rows.len; i += dir)
        if (sb_selectable(&sb->rows.items[i]))
            return i;
    return -1;
}

static void sb_scroll_to_selection(sidebar_t *sb)
{
    size_t len = sb->rows.len;
    if (len == 0 || sb->height <= 0) {
        sb->top = 0;
        return;
    }
    size_t h = (size_t)sb->height;
    if (sb->selected < sb->top) {
        sb->top = sb->selected;
        /* Show the group heading above the first entry of a group. */
        if (sb->top > 0 && sb->rows.items[sb->top - 1].kind == SB_ROW_GROUP)
            sb->top--;
    }
    if (sb->selected >= sb->top + h)
        sb->top = sb->selected - h + 1;
    /* No blank space below the last row while rows above are hidden. */
    if (sb->top + h > len)
        sb->top = len > h ? len - h : 0;
    if (sb_find_selectable(sb, 0, 1) == (long)sb->selected)
        sb->top = 0;
}

/* Rebuilds the rows from the doc, notes and folds; keeps the selection on
 * the same row or, when it is gone, near where it was. */
static void sb_rebuild(sidebar_t *sb)
{
    sidebar_row_t old = {0};
    bool had = sb->selected < sb->rows.len;
    size_t old_index = sb->selected;
    if (had)
        old = sb->rows.items[sb->selected];
    old.label = NULL;
    sb_rows_free(sb);
    uint32_t *counts = sb_quote_counts(sb->doc);
    sb_build_speakers(sb, counts);
    sb_build_quotes(sb);
    sb_build_entities(sb);
    sb_build_notes(sb);
    free(counts);
    long sel = -1;
    if (had)
        for (size_t i = 0; i < sb->rows.len && sel < 0; i++)
            if (sb_same_row(&sb->rows.items[i], &old))
                sel = (long)i;
    if (sel < 0) {
        long at = (long)(old_index < sb->rows.len ? old_index : sb->rows.len ? sb->rows.len - 1 : 0);
        sel = sb_find_selectable(sb, at, -1);
        if (sel < 0)
            sel = sb_find_selectable(sb, at, 1);
    }
    sb->selected = sel < 0 ? 0 : (size_t)sel;
    sb_scroll_to_selection(sb);
}

void sidebar_init(sidebar_t *sb, const doc_t *doc)
{
    memset(sb, 0, sizeof *sb);
    sb->doc = doc;
    sb->speaker_rank = xmalloc((doc->entities.len + 1) * sizeof *sb->speaker_rank);
    for (size_t i = 0; i < doc->entities.len; i++)
        sb->speaker_rank[i] = -1;
    sb_rank_speakers(sb);
    sb_rebuild(sb);
}

static void sb_notes_free(sidebar_t *sb)
{
    for (size_t i = 0; i < sb->nnotes; i++)
        free((char *)sb->notes[i].label);
    free(sb->notes);
    sb->notes = NULL;
    sb->nnotes = 0;
}

void sidebar_free(sidebar_t *sb)
{
    sb_rows_free(sb);
    vec_free(&sb->rows);
    sb_notes_free(sb);
    free(sb->speaker_rank);
    free(sb->speakers);
    free(sb->order);
    free(sb->bucket);
    free(sb->quote_row);
    memset(sb, 0, sizeof *sb);
}

void sidebar_set_notes(sidebar_t *sb, const sidebar_note_t *notes, size_t n)
{
    sb_notes_free(sb);
    if (n > 0) {
        sb->notes = xcalloc(n, sizeof *sb->notes);
        for (size_t i = 0; i < n; i++) {
            sb->notes[i] = notes[i];
            sb->notes[i].label = xstrdup(notes[i].label ? notes[i].label : "");
        }
        sb->nnotes = n;
    }
    sb_rebuild(sb);
}

void sidebar_resize(sidebar_t *sb, int height)
{
    sb->height = height > 0 ? height : 0;
    sb_scroll_to_selection(sb);
}

int sidebar_speaker_rank(const sidebar_t *sb, int e)
{
    return e >= 0 && (size_t)e < sb->doc->entities.len ? sb->speaker_rank[e] : -1;
}

static sidebar_result_t sb_result(sidebar_result_kind_t kind)
{
    return (sidebar_result_t){.kind = kind, .entity = -1, .quote = -1, .note = -1};
}

/* Moves the selection to the selectable row nearest to `to` in direction dir,
 * else the other way. */
static sidebar_result_t sb_move_to(sidebar_t *sb, long to, int dir)
{
    if (sb->rows.len == 0)
        return sb_result(SB_NONE);
    if (to < 0)
        to = 0;
    if ((size_t)to >= sb->rows.len)
        to = (long)sb->rows.len - 1;
    long sel = sb_find_selectable(sb, to, dir);
    if (sel < 0)
        sel = sb_find_selectable(sb, to, -dir);
    if (sel < 0 || (size_t)sel == sb->selected)
        return sb_result(SB_NONE);
    sb->selected = (size_t)sel;
    sb_scroll_to_selection(sb);
    return sb_result(SB_MOVED);
}

static sidebar_result_t sb_activate(sidebar_t *sb)
{
    if (sb->selected >= sb->rows.len)
        return sb_result(SB_NONE);
    const sidebar_row_t *r = &sb->rows.items[sb->selected];
    sidebar_result_t res = sb_result(SB_NONE);
    switch (r->kind) {
    case SB_ROW_TITLE:
        sb->collapsed[r->section] = !sb->collapsed[r->section];
        sb_rebuild(sb);
        return sb_result(SB_MOVED);
    case SB_ROW_GROUP:
        return res;
    case SB_ROW_SPEAKER:
        res.kind = SB_FILTER;
        break;
    case SB_ROW_QUOTE:
    case SB_ROW_ENTITY:
        res.kind = r->target == SB_NO_TARGET ? SB_NONE : SB_JUMP;
        break;
    case SB_ROW_NOTE:
        res.kind = (r->flags & SB_NOTE_ORPHAN) ? SB_ORPHAN : SB_JUMP;
        break;
    }
    res.offset = r->target == SB_NO_TARGET ? 0 : r->target;
    res.entity = r->entity;
    res.quote = r->quote;
    res.note = r->note;
    return res;
}

/* One selectable row up or down; nothing at either end. */
static sidebar_result_t sb_step(sidebar_t *sb, int dir)
{
    long to = sb_find_selectable(sb, (long)sb->selected + dir, dir);
    if (to < 0)
        return sb_result(SB_NONE);
    sb->selected = (size_t)to;
    sb_scroll_to_selection(sb);
    return sb_result(SB_MOVED);
}

sidebar_result_t sidebar_key(sidebar_t *sb, sidebar_key_t key)
{
    long page = sb->height > 1 ? sb->height - 1 : 1;
    long half = sb->height > 1 ? sb->height / 2 : 1;
    long sel = (long)sb->selected, last = (long)sb->rows.len - 1;
    switch (key) {
    case SB_KEY_UP: return sb_step(sb, -1);
    case SB_KEY_DOWN: return sb_step(sb, 1);
    case SB_KEY_PAGE_UP: return sb_move_to(sb, sel - page, -1);
    case SB_KEY_PAGE_DOWN: return sb_move_to(sb, sel + page, 1);
    case SB_KEY_HALF_UP: return sb_move_to(sb, sel - half, -1);
    case SB_KEY_HALF_DOWN: return sb_move_to(sb, sel + half, 1);
    case SB_KEY_HOME: return sb_move_to(sb, 0, 1);
    case SB_KEY_END: return sb_move_to(sb, last, -1);
    case SB_KEY_ENTER: return sb_activate(sb);
    }
    return sb_result(SB_NONE);
}

int sidebar_row_at(const sidebar_t *sb, int y)
{
    if (y < 0 || (sb->height > 0 && y >= sb->height))
        return -1;
    size_t i = sb->top + (size_t)y;
    return i < sb->rows.len ? (int)i : -1;
}

sidebar_result_t sidebar_click(sidebar_t *sb, int y)
{
    int i = sidebar_row_at(sb, y);
    if (i < 0 || !sb_selectable(&sb->rows.items[i]))
        return sb_result(SB_NONE);
    sb->selected = (size_t)i;
    sb_scroll_to_selection(sb);
    sidebar_result_t r = sb_activate(sb);
    return r.kind == SB_NONE ? sb_result(SB_MOVED) : r;
}

bool sidebar_select_quote(sidebar_t *sb, int qi)
{
    if (qi < 0 || (size_t)qi >= sb->doc->quotes.len || sb->quote_row[qi] < 0)
        return false;
    sb->selected = (size_t)sb->quote_row[qi];
    sb_scroll_to_selection(sb);
    return true;
}

/* --- drawing ---------------------------------------------------------------- */

/* Columns of indentation per row kind. */
static int sb_indent(sidebar_row_kind_t k)
{
    switch (k) {
    case SB_ROW_TITLE: return 0;
    case SB_ROW_GROUP: return 1;
    case SB_ROW_QUOTE: return 3;
    case SB_ROW_ENTITY: return 3;
    default: return 2;
    }
}

static attr_t sb_row_attr(const sidebar_t *sb, const sidebar_row_t *r, const theme_t *t)
{
    switch (r->kind) {
    case SB_ROW_TITLE: return theme_attr(t, THEME_sidebar_title);
    case SB_ROW_GROUP:
        if (r->section == SB_SEC_QUOTES)
            return r->rank >= 0 ? theme_speaker_attr(t, r->rank, THEME_SPK_SIDEBAR) | A_BOLD
                                : theme_attr(t, THEME_sidebar_group);
        return theme_attr(t, THEME_sidebar_group);
    case SB_ROW_SPEAKER: return theme_speaker_attr(t, r->rank, THEME_SPK_SIDEBAR) | A_BOLD;
    case SB_ROW_QUOTE: return theme_speaker_attr(t, r->rank, THEME_SPK_SIDEBAR);
    case SB_ROW_ENTITY:
        if (r->rank >= 0)
            return theme_speaker_attr(t, r->rank, THEME_SPK_SIDEBAR);
        switch (sb->doc->entities.items[r->entity].type) {
        case ENT_PERSON: return theme_attr_sidebar(t, THEME_person);
        case ENT_ORGANIZATION: return theme_attr_sidebar(t, THEME_organization);
        case ENT_PLACE: return theme_attr_sidebar(t, THEME_place);
        default: return theme_attr_sidebar(t, THEME_date);
        }
    case SB_ROW_NOTE:
        return (r->flags & SB_NOTE_ORPHAN) ? theme_attr_sidebar(t, THEME_error)
                                           : theme_attr_sidebar(t, THEME_note_text);
    }
    return theme_attr(t, THEME_sidebar);
}

void sidebar_draw(WINDOW *win, const sidebar_t *sb, const theme_t *t, bool focused)
{
    int h, w;
    getmaxyx(win, h, w);
    attr_t base = theme_attr(t, THEME_sidebar);
    attr_t sel_attr = theme_attr(t, focused ? THEME_sidebar_focus : THEME_sidebar_selected);
    attr_t ctrl = theme_attr_sidebar(t, THEME_control);
    attr_t count_attr = theme_attr(t, THEME_sidebar_count);
    for (int y = 0; y < h; y++) {
        int i = sidebar_row_at(sb, y);
        bool selected = i >= 0 && (size_t)i == sb->selected;
        attr_t line = selected ? sel_attr : base;
        mvwhline(win, y, 0, ' ' | line, w);
        if (i < 0)
            continue;
        const sidebar_row_t *r = &sb->rows.items[i];
        attr_t a = selected ? sel_attr : sb_row_attr(sb, r, t);
        attr_t ca = selected ? sel_attr : count_attr;
        /* The count, right-aligned, for speakers and entities; in the title. */
        char count[32] = "";
        if (r->kind == SB_ROW_SPEAKER || r->kind == SB_ROW_ENTITY)
            snprintf(count, sizeof count, " %u", r->count);
        int x = sb_indent(r->kind), right = w - (int)strlen(count);
        if (r->kind == SB_ROW_TITLE) {
            char head[96];
            snprintf(head, sizeof head, "%s %s (%u)", sb->collapsed[r->section] ? "+" : "-",
                     r->label, r->count);
            wmove(win, y, 0);
            term_puts(win, head, w, a);
            continue;
        }
        if (right - x < 4) {     /* too narrow for the count: label only */
            right = w;
            count[0] = '\0';
        }
        if (x >= right)
            continue;
        wmove(win, y, x);
        if (r->kind == SB_ROW_NOTE && (r->flags & SB_NOTE_ORPHAN)) {
            int used = term_puts(win, "(orphan) ", right - x, a);
            x += used;
        }
        if (x < right) {
            char buf[SB_LABEL_MAX];
            const char *label = sidebar_label(sb, r, buf, sizeof buf);
            /* A label that does not fit ends in an ellipsis. */
            size_t len = strlen(label);
            int avail = right - x;
            attr_t c = selected ? sel_attr | A_BOLD : ctrl;
            if ((int)term_width(label, len) > avail && avail >= 2) {
                int used = term_put(win, label, len, avail - 1, a, c);
                wmove(win, y, x + used);
                term_puts(win, "\xE2\x80\xA6", 1, a);
            } else {
                term_put(win, label, len, avail, a, c);
            }
        }
        if (count[0]) {
            wmove(win, y, right);
            term_puts(win, count, w - right, ca);
        }
    }
    wattrset(win, A_NORMAL);
}
