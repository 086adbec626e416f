/* test_sidebar.c — the sidebar model on hand-built documents (no engine), and
 * its drawing into a curses window on a terminal that writes to /dev/null. */
#include "config.h"
#include "tap.h"
#include "ui/sidebar.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* A document built by hand: text plus spans found by searching it. */
static doc_t *doc_make(const char *text)
{
    doc_t *d = xcalloc(1, sizeof *d);
    d->text = xstrdup(text);
    d->len = (uint32_t)strlen(text);
    d->source_name = xstrdup("test");
    return d;
}

static void doc_drop(doc_t *d)
{
    for (size_t i = 0; i < d->entities.len; i++)
        free(d->entities.items[i].name);
    vec_free(&d->entities);
    vec_free(&d->quotes);
    vec_free(&d->mentions);
    vec_free(&d->paragraphs);
    free(d->text);
    free(d->source_name);
    free(d);
}

/* The span of the n-th (0-based) occurrence of s. */
static span_t find(const doc_t *d, const char *s, int n)
{
    const char *p = d->text;
    for (;;) {
        p = strstr(p, s);
        if (!p) {
            printf("# test bug: '%s' not in text\n", s);
            exit(2);
        }
        if (n-- == 0)
            break;
        p++;
    }
    uint32_t start = (uint32_t)(p - d->text);
    return (span_t){start, start + (uint32_t)strlen(s)};
}

static int add_entity(doc_t *d, const char *name, entity_type_t type)
{
    vec_push(&d->entities, (entity_t){.name = xstrdup(name), .type = type});
    return (int)d->entities.len - 1;
}

/* A quote whose inner text is `inner` (n-th occurrence), marks one
 * 3-byte curly quote on each side. */
static void add_quote(doc_t *d, const char *inner, int n, int speaker)
{
    span_t s = find(d, inner, n);
    quote_t q = {.span = s, .open_mark = {s.start - 3, s.start}, .close_mark = {s.end, s.end + 3},
                 .speaker = speaker, .parent = -1};
    vec_push(&d->quotes, q);
}

static void add_mention(doc_t *d, const char *s, int n, int entity, mention_kind_t kind)
{
    vec_push(&d->mentions, (mention_t){find(d, s, n), (uint32_t)entity, kind});
}

static const char *const article =
    "\xE2\x80\x9CWe will act,\xE2\x80\x9D said Kaja Kallas. Mark Rutte agreed: "
    "\xE2\x80\x9CYes.\xE2\x80\x9D \xE2\x80\x9CNever,\xE2\x80\x9D Kallas added. NATO met in "
    "Tallinn. \xE2\x80\x9C" "Anonymous\n   voices   say this is a very long quotation that goes "
    "on and on well past any sidebar width.\xE2\x80\x9D\n";

enum { KALLAS, RUTTE, NATO, TALLINN, URSULA };

static doc_t *sample(void)
{
    doc_t *d = doc_make(article);
    add_entity(d, "Kaja Kallas", ENT_PERSON);
    add_entity(d, "Mark Rutte", ENT_PERSON);
    add_entity(d, "NATO", ENT_ORGANIZATION);
    add_entity(d, "Tallinn", ENT_PLACE);
    add_entity(d, "Ursula", ENT_PERSON);        /* no mention, no quote */
    add_quote(d, "We will act,", 0, KALLAS);
    add_mention(d, "Kaja Kallas", 0, KALLAS, MENTION_NAME);
    add_mention(d, "Mark Rutte", 0, RUTTE, MENTION_NAME);
    add_quote(d, "Yes.", 0, RUTTE);
    add_quote(d, "Never,", 0, KALLAS);
    add_mention(d, "Kallas", 1, KALLAS, MENTION_NAME);
    add_mention(d, "NATO", 0, NATO, MENTION_NAME);
    add_mention(d, "Tallinn", 0, TALLINN, MENTION_NAME);
    add_quote(d, "Anonymous", 0, -1);
    d->quotes.items[3].span.end = find(d, "width.", 0).end;
    d->quotes.items[3].close_mark = (span_t){d->quotes.items[3].span.end, d->quotes.items[3].span.end + 3};
    return d;
}

/* "T:Speakers G:Kaja Kallas Q S E N" — a compact picture of the rows. */
static char *shape(const sidebar_t *sb)
{
    static const char kinds[] = "TGSQEN";
    size_t cap = 1;
    for (size_t i = 0; i < sb->rows.len; i++)
        cap += (sb->rows.items[i].label ? strlen(sb->rows.items[i].label) : 0) + 16;
    char *out = xmalloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < sb->rows.len; i++) {
        const sidebar_row_t *r = &sb->rows.items[i];
        size_t n = strlen(out);
        if (r->kind == SB_ROW_QUOTE)
            sprintf(out + n, "%sQ%d", i ? " " : "", r->quote);
        else
            sprintf(out + n, "%s%c:%s", i ? " " : "", kinds[r->kind], r->label);
        char *nl = strchr(out + n, '\n');
        if (nl)
            *nl = '|';
    }
    return out;
}

static int row_of(const sidebar_t *sb, sidebar_row_kind_t kind, int entity, int quote)
{
    for (size_t i = 0; i < sb->rows.len; i++) {
        const sidebar_row_t *r = &sb->rows.items[i];
        if (r->kind == kind && (entity < 0 || r->entity == entity) && (quote < 0 || r->quote == quote))
            return (int)i;
    }
    return -1;
}

static void test_building(void)
{
    doc_t *d = sample();
    sidebar_t sb;
    sidebar_init(&sb, d);
    char *s = shape(&sb);
    is_str(s, "T:Speakers S:Kaja Kallas S:Mark Rutte "
              "T:Quotes G:Kaja Kallas Q0 Q2 G:Mark Rutte Q1 G:(no speaker) Q3 "
              "T:Entities G:People E:Kaja Kallas E:Mark Rutte E:Ursula "
              "G:Organizations E:NATO G:Places E:Tallinn",
           "rows: speakers by quote count, quotes grouped by speaker, entities by type, no Notes");
    free(s);
    is_int(sb.nspeakers, 2, "two speakers");
    is_int(sb.speakers[0], KALLAS, "most quoted first");
    is_int(sidebar_speaker_rank(&sb, KALLAS), 0, "Kallas has rank 0");
    is_int(sidebar_speaker_rank(&sb, RUTTE), 1, "Rutte has rank 1");
    is_int(sidebar_speaker_rank(&sb, NATO), -1, "an unquoted entity has no rank");
    is_int(sidebar_speaker_rank(&sb, 99), -1, "out of range: no rank");
    is_int(sb.rows.items[1].count, 2, "Kallas: 2 quotes");
    is_int(sb.rows.items[2].count, 1, "Rutte: 1 quote");
    is_int(sb.rows.items[0].count, 2, "Speakers title counts speakers");
    int q3 = row_of(&sb, SB_ROW_QUOTE, -1, 3);
    char buf[300];
    is_str(sidebar_label(&sb, &sb.rows.items[q3], buf, sizeof buf),
           "Anonymous voices say this is a very long quotation that goes on and on w\xE2\x80\xA6",
           "excerpt: one line, white space collapsed, cut after 72 characters with an ellipsis");
    is_str(sidebar_label(&sb, &sb.rows.items[row_of(&sb, SB_ROW_QUOTE, -1, 0)], buf, sizeof buf), "We will act,",
           "short quote: whole text, no ellipsis");
    is_str(sidebar_label(&sb, &sb.rows.items[q3], buf, 20), "Anonymous vo\xE2\x80\xA6",
           "a small buffer: cut sooner, still with the ellipsis and whole characters");
    is_str(sidebar_label(&sb, &sb.rows.items[0], buf, sizeof buf), "Speakers", "other rows: their label");
    int e = row_of(&sb, SB_ROW_ENTITY, KALLAS, -1);
    is_int(sb.rows.items[e].count, 2, "Kallas entity: 2 name mentions");
    is_int(sb.rows.items[e].rank, 0, "an entity row keeps its speaker rank for colouring");
    is_int(sb.selected, 0, "the first row is selected");
    sidebar_free(&sb);
    doc_drop(d);
}

static void test_tie_order(void)
{
    /* Equal counts: the speaker quoted first comes first. */
    doc_t *d = doc_make("\xE2\x80\x9C" "a\xE2\x80\x9D B. \xE2\x80\x9C" "c\xE2\x80\x9D D.");
    add_entity(d, "Zed", ENT_PERSON);
    add_entity(d, "Amy", ENT_PERSON);
    add_quote(d, "a", 0, 1);
    add_quote(d, "c", 0, 0);
    sidebar_t sb;
    sidebar_init(&sb, d);
    is_int(sb.speakers[0], 1, "tie: first quoted speaker ranks first");
    is_int(sidebar_speaker_rank(&sb, 0), 1, "tie: the later one ranks second");
    sidebar_free(&sb);
    doc_drop(d);
}

static void test_enter(void)
{
    doc_t *d = sample();
    sidebar_t sb;
    sidebar_init(&sb, d);
    sidebar_resize(&sb, 40);
    sidebar_result_t r = sidebar_key(&sb, SB_KEY_DOWN);
    is_int(r.kind, SB_MOVED, "j moves");
    is_int(sb.selected, 1, "onto the first speaker");
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_FILTER, "Enter on a speaker: speaker filter");
    is_int(r.entity, KALLAS, "filter on Kallas");
    is_int(r.offset, d->quotes.items[0].open_mark.start, "with the offset of Kallas's first quote");

    sb.selected = (size_t)row_of(&sb, SB_ROW_QUOTE, -1, 2);
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_JUMP, "Enter on a quote: jump");
    is_int(r.offset, d->quotes.items[2].open_mark.start, "to its opening mark");
    is_int(r.quote, 2, "names the quote");
    is_int(r.entity, KALLAS, "and its speaker");

    sb.selected = (size_t)row_of(&sb, SB_ROW_ENTITY, NATO, -1);
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_JUMP, "Enter on an entity: jump");
    is_int(r.offset, find(d, "NATO", 0).start, "to its first name mention");
    is_int(r.entity, NATO, "names the entity");

    sb.selected = (size_t)row_of(&sb, SB_ROW_ENTITY, URSULA, -1);
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_NONE, "Enter on an entity with no mention: nothing");

    /* Folding a section keeps the selection on its title. */
    sb.selected = (size_t)row_of(&sb, SB_ROW_TITLE, -1, -1) + 3;     /* the Quotes title */
    is_int(sb.rows.items[sb.selected].kind, SB_ROW_TITLE, "(Quotes title selected)");
    size_t before = sb.rows.len;
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_MOVED, "Enter on a title folds it");
    is_int(sb.rows.len, before - 7, "Quotes folded: its 7 rows (3 groups, 4 quotes) hidden");
    ok(sb.collapsed[SB_SEC_QUOTES], "marked collapsed");
    is_str(sb.rows.items[sb.selected].label, "Quotes", "selection stays on the title");
    ok(!sidebar_select_quote(&sb, 1), "no quote row to follow while folded");
    sidebar_key(&sb, SB_KEY_ENTER);
    is_int(sb.rows.len, before, "Enter again unfolds");
    sidebar_free(&sb);
    doc_drop(d);
}

static void test_movement(void)
{
    doc_t *d = sample();
    sidebar_t sb;
    sidebar_init(&sb, d);
    sidebar_resize(&sb, 5);
    size_t n = sb.rows.len;
    is_int(sidebar_key(&sb, SB_KEY_UP).kind, SB_NONE, "k at the top: nothing");
    is_int(sb.selected, 0, "still on the first row");
    sb.selected = 2;                                   /* Mark Rutte, then the Quotes title */
    sidebar_key(&sb, SB_KEY_DOWN);
    is_int(sb.selected, 3, "j onto the Quotes title");
    sidebar_key(&sb, SB_KEY_DOWN);
    is_int(sb.selected, 5, "j skips the group heading");
    sidebar_key(&sb, SB_KEY_UP);
    is_int(sb.selected, 3, "k skips it back");
    is_int(sidebar_key(&sb, SB_KEY_END).kind, SB_MOVED, "G moves");
    is_int(sb.selected, n - 1, "G: the last row");
    is_int(sb.top, n - 5, "scrolled so the last row is the bottom line");
    is_int(sidebar_key(&sb, SB_KEY_DOWN).kind, SB_NONE, "j at the bottom: nothing");
    is_int(sidebar_key(&sb, SB_KEY_END).kind, SB_NONE, "G at the bottom: nothing");
    sidebar_key(&sb, SB_KEY_HOME);
    is_int(sb.selected, 0, "g: the first row");
    is_int(sb.top, 0, "scrolled to the top");
    sidebar_key(&sb, SB_KEY_PAGE_DOWN);
    is_int(sb.selected, 5, "PgDn moves a page less one line (4), skipping a group heading");
    ok(sb.selected >= sb.top && sb.selected < sb.top + 5, "selection visible after PgDn");
    sidebar_key(&sb, SB_KEY_PAGE_DOWN);
    sidebar_key(&sb, SB_KEY_PAGE_DOWN);
    ok(sb.selected >= sb.top && sb.selected < sb.top + 5, "selection visible after more PgDn");
    for (int i = 0; i < 20; i++)
        sidebar_key(&sb, SB_KEY_PAGE_DOWN);
    is_int(sb.selected, n - 1, "PgDn stops at the last row");
    sidebar_key(&sb, SB_KEY_PAGE_UP);
    is_int(sb.selected, n - 1 - 4, "PgUp moves back a page");
    for (int i = 0; i < 20; i++)
        sidebar_key(&sb, SB_KEY_HALF_UP);
    is_int(sb.selected, 0, "half pages up stop at the first row");
    is_int(sb.top, 0, "top shown");

    /* Scrolling up onto the first entry of a group shows its heading. */
    sidebar_key(&sb, SB_KEY_END);
    while (sb.selected > 10)
        sidebar_key(&sb, SB_KEY_UP);
    is_int(sb.rows.items[sb.selected].kind, SB_ROW_QUOTE, "(on the last quote)");
    is_int(sb.top, sb.selected - 1, "its group heading is the top line");

    /* Following the reader. */
    ok(sidebar_select_quote(&sb, 1), "select quote 1");
    is_int(sb.rows.items[sb.selected].quote, 1, "its row is selected");
    ok(sb.selected >= sb.top && sb.selected < sb.top + 5, "and visible");
    ok(!sidebar_select_quote(&sb, 42), "no such quote");

    /* Mouse: a line maps to a row; a click selects and activates. */
    sidebar_key(&sb, SB_KEY_HOME);
    is_int(sidebar_row_at(&sb, 0), 0, "line 0 is row 0");
    is_int(sidebar_row_at(&sb, 4), 4, "line 4 is row 4");
    is_int(sidebar_row_at(&sb, 5), -1, "below the window: none");
    is_int(sidebar_row_at(&sb, -1), -1, "above: none");
    sidebar_result_t r = sidebar_click(&sb, 2);
    is_int(r.kind, SB_FILTER, "click on Mark Rutte: filter");
    is_int(r.entity, RUTTE, "on Rutte");
    is_int(sb.selected, 2, "and selects the row");
    r = sidebar_click(&sb, 4);
    is_int(r.kind, SB_NONE, "click on a group heading: nothing");
    is_int(sb.selected, 2, "selection unchanged");

    /* A resize keeps the selection visible. */
    sidebar_key(&sb, SB_KEY_END);
    sidebar_resize(&sb, 3);
    ok(sb.selected >= sb.top && sb.selected < sb.top + 3, "shrunk: selection still visible");
    sidebar_resize(&sb, 100);
    is_int(sb.top, 0, "grown past the rows: top row shown");
    sidebar_resize(&sb, 0);
    is_int(sb.top, 0, "zero height does not crash");
    sidebar_free(&sb);
    doc_drop(d);
}

static void test_empty(void)
{
    doc_t *d = doc_make("");
    sidebar_t sb;
    sidebar_init(&sb, d);
    sidebar_resize(&sb, 10);
    is_int(sb.rows.len, 0, "empty document: no rows");
    is_int(sidebar_key(&sb, SB_KEY_DOWN).kind, SB_NONE, "j: nothing");
    is_int(sidebar_key(&sb, SB_KEY_END).kind, SB_NONE, "G: nothing");
    is_int(sidebar_key(&sb, SB_KEY_ENTER).kind, SB_NONE, "Enter: nothing");
    is_int(sidebar_row_at(&sb, 0), -1, "no row at line 0");
    is_int(sidebar_click(&sb, 0).kind, SB_NONE, "click: nothing");

    /* Entities but no quotes: only the Entities section. */
    doc_t *d2 = doc_make("Oslo.");
    add_entity(d2, "Oslo", ENT_PLACE);
    add_mention(d2, "Oslo", 0, 0, MENTION_NAME);
    sidebar_t sb2;
    sidebar_init(&sb2, d2);
    char *s = shape(&sb2);
    is_str(s, "T:Entities G:Places E:Oslo", "no quotes: no Speakers or Quotes section");
    free(s);
    sidebar_free(&sb2);
    doc_drop(d2);
    sidebar_free(&sb);
    doc_drop(d);
}

static void test_notes(void)
{
    doc_t *d = sample();
    sidebar_t sb;
    sidebar_init(&sb, d);
    sidebar_resize(&sb, 8);
    is_int(row_of(&sb, SB_ROW_TITLE, -1, -1), 0, "(titles exist)");
    for (size_t i = 0; i < sb.rows.len; i++)
        ok(sb.rows.items[i].section != SB_SEC_NOTES, "no notes: no Notes row %zu", i);
    sb.selected = (size_t)row_of(&sb, SB_ROW_ENTITY, NATO, -1);
    char label[] = "check \x1b[31mthis";
    sidebar_note_t notes[] = {
        {.id = 7, .offset = 12, .label = label, .flags = 0},
        {.id = 9, .offset = 0, .label = "lost its passage", .flags = SB_NOTE_ORPHAN},
    };
    sidebar_set_notes(&sb, notes, 2);
    label[0] = 'X';         /* the model keeps its own copy */
    size_t n = sb.rows.len;
    is_str(sb.rows.items[n - 3].label, "Notes", "Notes section appears, last");
    is_int(sb.rows.items[n - 3].count, 2, "with its count");
    is_str(sb.rows.items[n - 2].label, "check \x1b[31mthis", "note label copied, raw (escaped when drawn)");
    is_int(sb.rows.items[sb.selected].entity, NATO, "selection stays on NATO across the update");
    sb.selected = n - 2;
    sidebar_result_t r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_JUMP, "Enter on a note: jump");
    is_int(r.offset, 12, "to its anchor");
    is_int(r.note, 7, "names the note");
    sidebar_key(&sb, SB_KEY_DOWN);
    r = sidebar_key(&sb, SB_KEY_ENTER);
    is_int(r.kind, SB_ORPHAN, "Enter on an orphaned note: SB_ORPHAN");
    is_int(r.note, 9, "names it");
    sidebar_set_notes(&sb, NULL, 0);
    is_int(sb.rows.len, n - 3, "no notes: the section goes");
    ok(sb.selected < sb.rows.len && sb.rows.items[sb.selected].kind != SB_ROW_GROUP,
       "selection clamped onto a selectable row");
    ok(sb.selected >= sb.top && sb.selected < sb.top + 8, "and visible");
    sidebar_free(&sb);
    doc_drop(d);
}

/* Reads line y of win back as UTF-8. */
static void line_text(WINDOW *w, int y, char *out, size_t n)
{
    wchar_t wbuf[256];
    mvwinnwstr(w, y, 0, wbuf, 255);
    wbuf[255] = 0;
    wcstombs(out, wbuf, n);
    out[n - 1] = '\0';
    for (size_t k = strlen(out); k > 0 && out[k - 1] == ' '; k--)
        out[k - 1] = '\0';
}

static void test_draw(void)
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = out && in ? newterm("xterm-256color", out, in) : NULL;
    if (!scr) {
        ok(1, "# SKIP no xterm-256color terminfo");
        if (out) fclose(out);
        if (in) fclose(in);
        return;
    }
    doc_t *d = sample();
    free(d->entities.items[NATO].name);
    d->entities.items[NATO].name = xstrdup("NA\x1bTO\xE2\x80\xAE");
    theme_t t;
    theme_default(&t);
    theme_start(&t, true);
    sidebar_t sb;
    sidebar_init(&sb, d);
    WINDOW *w = newwin(30, 30, 0, 0);
    sidebar_resize(&sb, 30);
    sidebar_key(&sb, SB_KEY_DOWN);
    sidebar_draw(w, &sb, &t, true);
    char line[512];
    line_text(w, 0, line, sizeof line);
    is_str(line, "- Speakers (2)", "title line with fold mark and count");
    line_text(w, 1, line, sizeof line);
    is_str(line, "  Kaja Kallas                2", "speaker with its count right-aligned");
    line_text(w, 5, line, sizeof line);
    is_str(line, "   We will act,", "a quote excerpt, indented");
    int nato = row_of(&sb, SB_ROW_ENTITY, NATO, -1);
    line_text(w, nato, line, sizeof line);
    is_str(line, "   NA^[TO<U+202E>            1", "control characters in labels drawn escaped");
    ok((mvwinch(w, 1, 5) & A_COLOR) == (theme_attr(&t, THEME_sidebar_focus) & A_COLOR),
       "the selected row has the focus colours");
    ok((mvwinch(w, 2, 5) & A_COLOR) == (theme_speaker_attr(&t, 1, THEME_SPK_SIDEBAR) & A_COLOR),
       "an unselected speaker has the speaker's colour");
    sidebar_draw(w, &sb, &t, false);
    ok((mvwinch(w, 1, 5) & A_COLOR) == (theme_attr(&t, THEME_sidebar_selected) & A_COLOR),
       "unfocused: the selected colours");
    /* A window narrower than any label: clipped, nothing written past it. */
    WINDOW *narrow = newwin(4, 6, 0, 40);
    sidebar_draw(narrow, &sb, &t, true);
    line_text(narrow, 1, line, sizeof line);
    is_str(line, "  Kaj\xE2\x80\xA6", "narrow window: label clipped with an ellipsis, count dropped");
    sidebar_key(&sb, SB_KEY_END);
    sidebar_draw(w, &sb, &t, true);
    int last = (int)(sb.rows.len - 1 - sb.top);
    line_text(w, last, line, sizeof line);
    is_str(line, "   Tallinn                   1", "G: the last row drawn at the bottom of the rows");
    delwin(narrow);
    delwin(w);
    sidebar_free(&sb);
    theme_free(&t);
    doc_drop(d);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    test_building();
    test_tie_order();
    test_enter();
    test_movement();
    test_empty();
    test_notes();
    test_draw();
    return tap_done();
}
