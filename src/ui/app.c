/* app.c — terminal set-up, the main loop (recalc, draw, key), geometry. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/app.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include "ui/notes_ui.h"
#include "ui/term.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double app_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: what a keystroke costs, whatever else the
 * machine is doing. */
static double app_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void app_message(app_t *app, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    app->message_error = error;
}

void app_prompt(app_t *app, const char *label, const char *initial, app_prompt_t kind)
{
    prompt_start(&app->prompt, label, initial);
    app->prompt_kind = kind;
    app->message[0] = '\0';
}

/* --- geometry and the reading position ------------------------------------ */

static void app_geometry(app_t *app)
{
    getmaxyx(stdscr, app->rows, app->cols);
    app->too_small = app->cols < APP_MIN_COLS || app->rows < APP_MIN_ROWS;
    if (!app->sidebar_toggled)
        app->sidebar_on = settings_sidebar_shown(&app->settings, app->cols);
    int sb_w = app->settings.sidebar_width;
    /* The sidebar never leaves the article less than 40 columns. */
    bool sb = app->sidebar_on && !app->too_small && app->cols - sb_w - 1 >= 40;
    int art_x = 0, art_w = app->cols;
    if (sb) {
        app->sb_w = sb_w;
        if (app->settings.sidebar_side == SETTINGS_LEFT) {
            app->sb_x = 0;
            art_x = sb_w + 1;           /* one column for the border */
        } else {
            app->sb_x = app->cols - sb_w;
        }
        art_w = app->cols - sb_w - 1;
    } else {
        app->sb_w = 0;
        app->sb_x = -1;
    }
    if (!sb && app->focus == FOCUS_SIDEBAR)
        app->focus = FOCUS_ARTICLE;
    /* Article area: [bar][margin] text ... [minimap] */
    int gutter = art_w >= 30 ? 2 : 0;
    app->minimap_x = art_w >= 30 ? art_x + art_w - 1 : -1;
    int avail = art_w - gutter - (app->minimap_x >= 0 ? 2 : 0);
    int tw = app->settings.text_width > 0 && app->settings.text_width < avail ? app->settings.text_width : avail;
    if (tw < 1)
        tw = 1;
    app->text_w = tw;
    app->text_x = art_x + gutter + (avail - tw) / 2;
    app->bar_x = gutter ? app->text_x - 2 : -1;
    app->margin_x = gutter ? app->text_x - 1 : -1;
    app->text_rows = app->rows - 1 - notes_ui_panel_rows(app);   /* the note panel's row */
    if (app->text_rows < 0)
        app->text_rows = 0;

    if (app->sb_win) {
        delwin(app->sb_win);
        app->sb_win = NULL;
    }
    if (sb && app->text_rows > 0) {
        app->sb_win = newwin(app->text_rows, app->sb_w, 0, app->sb_x);
        sidebar_resize(&app->sidebar, app->text_rows);
    }
    free(app->minimap);
    app->minimap = NULL;
    app->minimap_rows = 0;
}

/* The top row at which the last row of the article sits on the last line. */
static layout_pos_t app_max_top(app_t *app)
{
    layout_pos_t p = layout_last(app->layout);
    layout_move(app->layout, &p, -(long)(app->text_rows > 1 ? app->text_rows - 1 : 0));
    return p;
}

static void app_clamp(app_t *app)
{
    layout_pos_t max = app_max_top(app);
    if (layout_pos_cmp(app->top, max) > 0)
        app->top = max;
    app->top_offset = layout_pos_offset(app->layout, app->top);
}

void app_scroll(app_t *app, long delta)
{
    layout_move(app->layout, &app->top, delta);
    app_clamp(app);
    app->cur_quote_chosen = false;
}

/* Whether byte is on one of the rows now on screen. */
static bool app_visible(app_t *app, uint32_t byte, layout_pos_t *row_out)
{
    layout_pos_t p = layout_pos_at(app->layout, byte);
    if (row_out)
        *row_out = p;
    if (layout_pos_cmp(p, app->top) < 0)
        return false;
    layout_pos_t bottom = app->top;
    layout_move(app->layout, &bottom, app->text_rows - 1);
    return layout_pos_cmp(p, bottom) <= 0;
}

void app_show_offset(app_t *app, uint32_t byte)
{
    layout_pos_t p;
    if (app_visible(app, byte, &p))
        return;
    /* A little context above the target. */
    layout_move(app->layout, &p, -(long)(app->text_rows >= 8 ? 2 : app->text_rows >= 4 ? 1 : 0));
    app->top = p;
    app_clamp(app);
}

void app_goto_quote(app_t *app, int qi)
{
    if (qi < 0 || (size_t)qi >= app->doc->quotes.len)
        return;
    app->cur_quote = qi;
    span_t e = doc_quote_extent(&app->doc->quotes.items[qi]);
    app_show_offset(app, e.start);
    app->cur_quote_chosen = true;
    if (app->sb_win)
        sidebar_select_quote(&app->sidebar, qi);
}

attr_t app_speaker_attr(const app_t *app, int entity, theme_spk_t how)
{
    return theme_speaker_attr(&app->theme, sidebar_speaker_rank(&app->sidebar, entity), how);
}

/* The current quote stays current while any of it is on screen; then the
 * first quote with text on screen takes over (or none). */
static void app_follow_quote(app_t *app)
{
    const doc_t *doc = app->doc;
    layout_pos_t bottom = app->top;
    layout_move(app->layout, &bottom, app->text_rows > 0 ? app->text_rows - 1 : 0);
    layout_line_t last;
    uint32_t end = layout_line(app->layout, bottom, &last) ? last.next : app->doc->len;
    app->bottom_offset = end;
    if (app->cur_quote >= 0 && (size_t)app->cur_quote < doc->quotes.len) {
        span_t e = doc_quote_extent(&doc->quotes.items[app->cur_quote]);
        if (e.end > app->top_offset && e.start < end)
            return;
    }
    int q = doc_quote_at(doc, app->top_offset);
    if (q < 0) {
        size_t first = doc_quotes_before(doc, app->top_offset);
        q = first < doc->quotes.len && doc->quotes.items[first].open_mark.start < end ? (int)first : -1;
    } else {
        /* The outermost quote at the top, not a quotation inside it. */
        while (doc->quotes.items[q].parent >= 0)
            q = doc->quotes.items[q].parent;
    }
    app->cur_quote = q;
    app->cur_quote_chosen = false;
}

void app_recalc(app_t *app)
{
    int r, c;
    getmaxyx(stdscr, r, c);
    /* A current quote that began on screen stays on screen. */
    bool keep_quote = false;
    uint32_t quote_start = 0;
    if (app->cur_quote >= 0 && (r != app->rows || c != app->cols)) {
        quote_start = doc_quote_extent(&app->doc->quotes.items[app->cur_quote]).start;
        keep_quote = app->cur_quote_chosen && quote_start >= app->top_offset && quote_start < app->bottom_offset;
    }
    if (r != app->rows || c != app->cols)
        app_geometry(app);
    if (app->too_small)
        return;
    if (layout_width(app->layout) != app->text_w) {
        layout_set_width(app->layout, app->text_w);
        app->top = layout_pos_at(app->layout, app->top_offset);
    }
    app_clamp(app);
    if (keep_quote)
        app_show_offset(app, quote_start);
    app_follow_quote(app);
    notes_ui_recalc(app);
}

/* --- drawing -------------------------------------------------------------- */

static void app_draw(app_t *app)
{
    werase(stdscr);
    if (app->too_small) {
        /* Anything at all must fit: as much of the message as there is room for. */
        wmove(stdscr, 0, 0);
        term_puts(stdscr, app->cols >= 16 ? "window too small" : "too small", app->cols, A_BOLD);
        curs_set(0);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    if (app->screen == SCREEN_HELP) {
        help_draw(app);
    } else {
        reader_draw(app);
        minimap_draw(app);
    }
    status_draw(app);
    wnoutrefresh(stdscr);
    if (app->screen == SCREEN_READER && app->sb_win) {
        sidebar_draw(app->sb_win, &app->sidebar, &app->theme, app->focus == FOCUS_SIDEBAR);
        touchwin(app->sb_win);
        wnoutrefresh(app->sb_win);
    }
    if (app->prompt.active) {
        /* status_draw left the cursor at the editing point of the prompt. */
        int y, x;
        getyx(stdscr, y, x);
        curs_set(1);
        wmove(stdscr, y, x);
        wnoutrefresh(stdscr);
    } else {
        curs_set(0);
    }
    doupdate();
}

/* --- keys ------------------------------------------------------------------ */

static void app_prompt_done(app_t *app, bool done);

static void app_key(app_t *app, int key)
{
    if (app->prompt.active) {
        prompt_state_t st = prompt_key(&app->prompt, key);
        if (st != PROMPT_EDITING)
            app_prompt_done(app, st == PROMPT_DONE);
        return;
    }
    app->message[0] = '\0';
    action_t a = keymap_lookup(&app->keymap, key);
    if (app->screen == SCREEN_HELP)
        help_key(app, a, key);
    else
        reader_key(app, a, key);
}

/* The reader's search lives in reader.c; notes hook in here. */
void reader_search_start(app_t *app, const char *query, bool backward);
static void app_prompt_done(app_t *app, bool done)
{
    app_prompt_t kind = app->prompt_kind;
    char *text = xstrdup(prompt_text(&app->prompt));
    bool back = app->prompt.label[0] == '?';
    prompt_free(&app->prompt);
    app->prompt_kind = APP_PROMPT_NONE;
    if (done && kind == APP_PROMPT_SEARCH)
        reader_search_start(app, text, back);
    if (kind == APP_PROMPT_NOTE)
        notes_ui_prompt_done(app, done, text);
    free(text);
}

static void app_mouse(app_t *app)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    bool in_sb = app->sb_win && ev.x >= app->sb_x && ev.x < app->sb_x + app->sb_w && ev.y < app->text_rows;
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        int dir = (ev.bstate & BUTTON4_PRESSED) ? -1 : 1;
        if (in_sb) {
            for (int i = 0; i < 3; i++)
                sidebar_key(&app->sidebar, dir < 0 ? SB_KEY_UP : SB_KEY_DOWN);
        } else if (app->screen == SCREEN_HELP) {
            app->help_top += 3 * dir;
        } else {
            app_scroll(app, 3 * dir);
        }
        return;
    }
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) || app->screen != SCREEN_READER)
        return;
    if (in_sb) {
        app->focus = FOCUS_SIDEBAR;
        void reader_sidebar_result(app_t *app, sidebar_result_t r);
        reader_sidebar_result(app, sidebar_click(&app->sidebar, ev.y));
    } else if (ev.y < app->text_rows) {
        /* A click in the article makes the quote under it current. */
        layout_pos_t p = app->top;
        layout_move(app->layout, &p, ev.y);
        layout_line_t line;
        if (layout_line(app->layout, p, &line) && !line.blank) {
            uint32_t at = line.start + (uint32_t)term_fit(app->doc->text + line.start, line.end - line.start,
                                                         ev.x - app->text_x, NULL);
            int q = doc_quote_at(app->doc, at);
            if (q >= 0)
                app->cur_quote = q;
        }
        app->focus = FOCUS_ARTICLE;
    }
}

/* Reads one key as a keymap int; ERR on nothing (bench) or a closed tty. */
static int app_read_key(void)
{
    wint_t ch;
    int r = wget_wch(stdscr, &ch);
    if (r == ERR)
        return ERR;
    return r == KEY_CODE_YES ? KEYMAP_FN((int)ch) : (int)ch;
}

/* --- set-up ----------------------------------------------------------------- */

static int app_bind(void *ctx, const char *action, const char *key, char *why, size_t whylen)
{
    return keymap_bind(ctx, action, key, why, whylen);
}

static int app_init(app_t *app, doc_t *doc, const struct ui_options *opts)
{
    char err[512];
    memset(app, 0, sizeof *app);
    app->doc = doc;
    app->cur_quote = -1;
    app->filter_speaker = -1;
    app->rows = app->cols = -1;
    keymap_init(&app->keymap);
    int rc = settings_load(opts->config_path, &app->settings, err, sizeof err);
    if (rc == EXIT_OK)
        rc = settings_apply_keys(&app->settings, app_bind, &app->keymap, err, sizeof err);
    if (rc == EXIT_OK)
        rc = theme_load(opts->theme ? opts->theme : app->settings.theme ? app->settings.theme : "default",
                        &app->theme, err, sizeof err);
    if (rc != EXIT_OK) {
        fprintf(stderr, "quoth: %s\n", err);
        return rc;
    }
    /* The date header is shown on the status line, not in the text. */
    app->body_start = span_is_empty(doc->date_span) ? 0 : doc->date_span.end;
    while (app->body_start < doc->len && (doc->text[app->body_start] == ' ' || doc->text[app->body_start] == '\t'))
        app->body_start++;
    app->layout = layout_new(doc->text, doc->len, app->body_start, 80);
    app->top_offset = app->body_start;
    sidebar_init(&app->sidebar, doc);
    app->highlight = true;
    notes_ui_open(app);
    return EXIT_OK;
}

static void app_free(app_t *app)
{
    notes_ui_close(app);
    if (app->sb_win)
        delwin(app->sb_win);
    sidebar_free(&app->sidebar);
    layout_free(app->layout);
    theme_free(&app->theme);
    settings_free(&app->settings);
    keymap_free(&app->keymap);
    prompt_free(&app->prompt);
    free(app->query);
    free(app->minimap);
}

static void app_start_curses(app_t *app, const struct ui_options *opts)
{
    set_escdelay(25);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    /* Home and End as tmux, screen and rxvt send them, whatever TERM says. */
    static const struct { const char *seq; int key; } alt[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME}, {"\033[F", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
    };
    for (size_t i = 0; i < sizeof alt / sizeof *alt; i++)
        if (key_defined(alt[i].seq) == 0)
            define_key(alt[i].seq, alt[i].key);
    curs_set(0);
    bool want_color = !opts->no_color && app->settings.color != SETTINGS_COLOR_NEVER;
    theme_start(&app->theme, want_color);
    if (app->settings.mouse) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
    }
}

/* --bench: the reader on a pseudo-terminal of its own, keys replayed. */
static int app_bench(app_t *app, const struct ui_options *opts, double entered)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master)) {
        perror("quoth: --bench: no pseudo-terminal");
        return EXIT_TERMINAL;
    }
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    struct winsize ws = {.ws_row = 50, .ws_col = 160};
    const char *size = getenv("QUOTH_BENCH_SIZE");      /* "COLSxROWS" */
    if (size)
        sscanf(size, "%hux%hu", &ws.ws_col, &ws.ws_row);
    ioctl(slave, TIOCSWINSZ, &ws);
    pid_t drain = fork();
    if (drain == 0) {               /* the terminal: reads and forgets */
        char buf[65536];
        close(slave);
        while (read(master, buf, sizeof buf) > 0)
            ;
        _exit(0);
    }
    close(master);
    FILE *tty = fdopen(slave, "r+");
    SCREEN *scr = newterm("xterm-256color", tty, tty);
    if (!scr) {
        fputs("quoth: --bench: cannot start curses on the pseudo-terminal\n", stderr);
        return EXIT_TERMINAL;
    }
    app_start_curses(app, opts);
    app->bench = true;
    app_recalc(app);
    app_draw(app);
    double first = app_now();
    const char *k = opts->bench_keys;
    size_t n = strlen(k);
    double *t = xcalloc(n + 1, sizeof *t);
    size_t nk = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)term_decode(k + i, n - i, &c);
        double t0 = app_cpu();
        app_key(app, c == '\n' ? '\r' : (int)c);
        app_recalc(app);
        app_draw(app);
        t[nk++] = app_cpu() - t0;
    }
    if (app->sb_win) {          /* windows die before their screen (valgrind) */
        delwin(app->sb_win);
        app->sb_win = NULL;
    }
    endwin();
    delscreen(scr);
    fclose(tty);
    waitpid(drain, NULL, 0);
    double sum = 0, max = 0;
    for (size_t i = 0; i < nk; i++) {
        sum += t[i];
        if (t[i] > max)
            max = t[i];
    }
    /* Median by a simple sort: nk is small. */
    for (size_t i = 1; i < nk; i++)
        for (size_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
            double x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    printf("size %ux%u  bytes %u  first_screen_ms %.2f  reader_ms %.2f  keys %zu  key_mean_ms %.3f"
           "  key_median_ms %.3f  key_max_ms %.3f  blocks_wrapped %llu of %u\n",
           ws.ws_col, ws.ws_row, app->doc->len, (first - opts->start_time) * 1e3, (first - entered) * 1e3, nk,
           nk ? sum / (double)nk * 1e3 : 0.0, nk ? t[nk / 2] * 1e3 : 0.0, max * 1e3,
           (unsigned long long)layout_wrapped_blocks(app->layout), layout_nblocks(app->layout));
    free(t);
    return EXIT_OK;
}

int ui_run(doc_t *doc, const struct ui_options *opts)
{
    app_t app;
    double entered = app_now();
    int rc = app_init(&app, doc, opts);
    if (rc != EXIT_OK) {
        app_free(&app);
        return rc;
    }
    if (opts->bench_keys) {
        rc = app_bench(&app, opts, entered);
        app_free(&app);
        return rc;
    }
    /* Keyboard and screen: stdin and stdout when they are a terminal, else
     * the controlling terminal, as less and tig do (quoth - reads the
     * article from a pipe). */
    FILE *in = stdin, *out = stdout, *tty = NULL;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        tty = fopen("/dev/tty", "r+");
        if (!tty) {
            fprintf(stderr, "quoth: no terminal to read keys from (%s); "
                    "use --json or --quotes to print the analysis\n", strerror(errno));
            app_free(&app);
            return EXIT_TERMINAL;
        }
        if (!isatty(STDIN_FILENO))
            in = tty;
        if (!isatty(STDOUT_FILENO))
            out = tty;
    }
    SCREEN *scr = newterm(NULL, out, in);
    if (!scr) {
        const char *term = getenv("TERM");
        fprintf(stderr, "quoth: cannot use the terminal '%s' (is TERM right?)\n", term ? term : "");
        if (tty)
            fclose(tty);
        app_free(&app);
        return EXIT_TERMINAL;
    }
    app_start_curses(&app, opts);
    app.running = true;
    int errs = 0;
    while (app.running) {
        app_recalc(&app);
        app_draw(&app);
        int key = app_read_key();
        if (key == ERR) {
            /* The terminal went away (hang-up): do not spin. */
            if (++errs > 100)
                break;
            continue;
        }
        errs = 0;
        if (key == KEYMAP_FN(KEY_RESIZE))
            continue;
        if (key == KEYMAP_FN(KEY_MOUSE)) {
            app_mouse(&app);
            continue;
        }
        app_key(&app, key);
    }
    /* Windows die before their screen: delwin after delscreen reads freed
     * memory (valgrind: invalid read in delwin from app_free). */
    if (app.sb_win) {
        delwin(app.sb_win);
        app.sb_win = NULL;
    }
    endwin();
    delscreen(scr);
    if (tty)
        fclose(tty);
    app_free(&app);
    return EXIT_OK;
}
