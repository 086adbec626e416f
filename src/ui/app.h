/* app.h — the curses reader: quoth FILE opens it on an analysed document.
 * ui/ includes engine and notes, never cli.
 *
 * One state struct (struct app) is the UI's only global state; it is passed
 * to every screen. Each screen is a *_draw / *_key pair; the loop is
 *   app_recalc (model: geometry, layout width, scroll limits, current quote)
 *   -> *_draw (paint only, no model changes) -> doupdate -> read a key -> *_key
 * as in neomutt. The reading position is app->top_offset, a byte offset, so
 * a resize re-wraps around the same text.
 *
 * Hooks for notes (issue 5): add actions to KEYMAP_ACTIONS (keymap.h) and
 * cases to reader_key(); start the bottom editor with app_prompt(app, "Note: ",
 * initial, APP_PROMPT_NOTE) and finish it in app_prompt_done(); draw markers
 * in column app->margin_x (one column left of the text, free for notes) from
 * reader_draw; feed the sidebar's Notes section with sidebar_set_notes(). */
#ifndef QUOTH_APP_H
#define QUOTH_APP_H
#include "engine/doc.h"
#include <stdbool.h>
#include <stdint.h>

struct ui_options {
    const char *config_path;    /* --config, or NULL for $XDG_CONFIG_HOME/quoth/config.ini */
    const char *theme;          /* --theme, or NULL for the config's / "default" */
    bool no_color;              /* --no-color, or NO_COLOR set and non-empty */
    const char *bench_keys;     /* hidden --bench=KEYS: replay KEYS on a pty, print timings */
    double start_time;          /* CLOCK_MONOTONIC seconds when main() started (--bench) */
};

/* Runs the reader until the user quits; returns an exit code of exit_codes.h. */
int ui_run(doc_t *doc, const struct ui_options *opts);

#if defined(NCURSES_VERSION) || defined(getmaxyx)
#include "ui/keymap.h"
#include "ui/layout.h"
#include "ui/prompt.h"
#include "ui/settings.h"
#include "ui/sidebar.h"
#include "ui/theme.h"

typedef enum { SCREEN_READER, SCREEN_HELP } app_screen_t;
typedef enum { FOCUS_ARTICLE, FOCUS_SIDEBAR } app_focus_t;
typedef enum { APP_PROMPT_NONE, APP_PROMPT_SEARCH, APP_PROMPT_NOTE } app_prompt_t;

/* The minimum window: below it only "window too small" is drawn. */
#define APP_MIN_COLS 20
#define APP_MIN_ROWS 3

typedef struct app {
    doc_t *doc;
    settings_t settings;
    theme_t theme;
    keymap_t keymap;
    sidebar_t sidebar;
    layout_t *layout;
    uint32_t body_start;        /* the text after the date header */

    bool running;
    app_screen_t screen;
    app_focus_t focus;
    bool sidebar_on;            /* after auto / s */
    bool sidebar_toggled;       /* s pressed: the user's choice beats auto */

    /* Geometry (app_recalc). */
    int rows, cols;             /* the window */
    bool too_small;
    int text_x, text_w, text_rows;  /* the article column */
    int margin_x;               /* free column left of the text (notes markers) */
    int bar_x;                  /* current-quote bar column, or -1 */
    int minimap_x;              /* -1 when there is no room */
    int sb_x, sb_w;             /* sidebar, when shown */
    WINDOW *sb_win;

    /* Position. */
    layout_pos_t top;
    uint32_t top_offset;        /* the canonical reading position */
    uint32_t bottom_offset;     /* end of the last row on screen (draw) */
    bool at_end;                /* the last row is on screen */

    /* Quotes. */
    int cur_quote;              /* index into doc->quotes, -1 none */
    bool cur_quote_chosen;      /* by a jump (not by scrolling): a resize keeps it in view */
    int filter_speaker;         /* entity index, -1 none */

    /* Search. */
    char *query;
    bool query_back;            /* the last search went backward (?) */
    bool query_exact;           /* smart case: a capital letter in the query */
    span_t match;               /* the current match, empty when none */
    bool highlight;             /* show matches (Esc hides them) */

    /* Bottom line. */
    prompt_t prompt;
    app_prompt_t prompt_kind;
    char message[256];
    bool message_error;

    /* Help screen. */
    int help_top;

    /* Minimap cache, one per row: the speaking entity, -1 unattributed, -3 no quote. */
    int *minimap;
    int minimap_rows;

    /* --bench */
    bool bench;

    /* Notes (notes_ui.c): the store, the list, the selection, the panel. */
    struct notes_ui *notes;
} app_t;

/* Screens. */
void reader_draw(app_t *app);
void reader_key(app_t *app, action_t action, int key);
void help_draw(app_t *app);
void help_key(app_t *app, action_t action, int key);
void status_draw(app_t *app);
void minimap_draw(app_t *app);

/* Model helpers shared by the screens (app.c / reader.c). */
void app_recalc(app_t *app);
void app_message(app_t *app, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_prompt(app_t *app, const char *label, const char *initial, app_prompt_t kind);
/* Scrolls by delta rows (positive: down) within the limits. */
void app_scroll(app_t *app, long delta);
/* Brings byte offset into view (no scroll when it is visible already). */
void app_show_offset(app_t *app, uint32_t byte);
/* Makes quote qi current and brings it into view. */
void app_goto_quote(app_t *app, int qi);
/* Palette attr of entity e's speaker colour, role colour otherwise. */
attr_t app_speaker_attr(const app_t *app, int entity, theme_spk_t how);
#endif

#endif
