/* theme.h — colour roles, the speaker palette and theme files.
 *
 * A theme gives every role (THEME_ROLES below) a colour form (foreground,
 * background, attributes) and an attribute-only form for monochrome; and a
 * speaker palette (colours, plus attribute forms for monochrome).
 * Two passes, as everywhere in the UI:
 *   1. PURE (no curses state; unit-tested): theme_default() fills the
 *      compiled-in theme (identical to themes/default.ini); theme_load() finds
 *      a theme by name or path and parses it over the defaults, so a role a
 *      file leaves out keeps its default.
 *   2. After initscr()/newterm(): theme_start() picks 256 / 8 / mono from
 *      has_colors() and COLORS and from want_color (false for NO_COLOR set and
 *      non-empty, --no-color, or config color = never), calls start_color()
 *      and init_pair(); then theme_attr() and theme_speaker_attr() return the
 *      attr_t (pair included) to draw with. Before theme_start() they return
 *      the mono form.
 * Theme search for a NAME (no '/'): $XDG_CONFIG_HOME/quoth/themes/NAME.ini
 * (or ~/.config/quoth/themes), then QUOTH_DATADIR/themes/NAME.ini, then, for
 * "default" only, the compiled-in theme. A value with '/' is a path.
 * Errors are "FILE:LINE: message" in err; the caller prints "quoth: " err
 * and exits with EXIT_CONFIG. The format is documented in quoth-theme(5). */
#ifndef QUOTH_THEME_H
#define QUOTH_THEME_H
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(role, fg, bg, color attrs, mono attrs, description)
 * Colours: THEME_DEFAULT_COLOR (-1, the terminal's) or 0..255.
 * Attributes: THEME_A_* flags. This table is the compiled-in default theme. */
#define THEME_ROLES(X) \
    X(text,             THEME_DEFAULT_COLOR, THEME_DEFAULT_COLOR, 0,           0,                        "article text") \
    X(status,           252, 238, 0,           THEME_A_REVERSE,          "status line") \
    X(status_dim,       245, 238, 0,           THEME_A_REVERSE,          "secondary parts of the status line") \
    X(message,          222, 238, THEME_A_BOLD, THEME_A_REVERSE | THEME_A_BOLD, "messages on the status line") \
    X(error,            203, 238, THEME_A_BOLD, THEME_A_REVERSE | THEME_A_BOLD, "error messages") \
    X(sidebar,          250, 236, 0,           0,                        "sidebar entries") \
    X(sidebar_title,    252, 236, THEME_A_BOLD, THEME_A_BOLD | THEME_A_UNDERLINE, "sidebar section titles") \
    X(sidebar_group,    245, 236, 0,           THEME_A_DIM,              "sidebar group headings (a speaker, an entity type)") \
    X(sidebar_count,    244, 236, 0,           THEME_A_DIM,              "counts in the sidebar") \
    X(sidebar_selected, 252, 239, 0,           THEME_A_UNDERLINE,        "selected entry, sidebar not focused") \
    X(sidebar_focus,    231,  25, THEME_A_BOLD, THEME_A_REVERSE,         "selected entry, sidebar focused") \
    X(border,           240, THEME_DEFAULT_COLOR, 0,           THEME_A_DIM,              "line between sidebar and article") \
    X(quote,            187, THEME_DEFAULT_COLOR, 0,           THEME_A_DIM,              "quotes with no speaker") \
    X(quote_mark,       244, THEME_DEFAULT_COLOR, 0,           0,                        "quotation marks") \
    X(current_quote,    THEME_DEFAULT_COLOR, 237, THEME_A_BOLD, THEME_A_REVERSE, "the current quote (its background)") \
    X(search_match,     16, 220, 0,            THEME_A_REVERSE | THEME_A_UNDERLINE, "search matches") \
    X(person,           153, THEME_DEFAULT_COLOR, 0,           THEME_A_BOLD,             "people who are not quoted") \
    X(organization,     180, THEME_DEFAULT_COLOR, 0,           THEME_A_BOLD,             "organisations") \
    X(place,            115, THEME_DEFAULT_COLOR, 0,           THEME_A_BOLD,             "places") \
    X(date,             146, THEME_DEFAULT_COLOR, 0,           0,                        "dates") \
    X(note_marker,      214, THEME_DEFAULT_COLOR, THEME_A_BOLD, THEME_A_BOLD | THEME_A_REVERSE, "marker of a passage with a note") \
    X(note_text,        223, 235, 0,           THEME_A_DIM,              "note text") \
    X(control,          203, THEME_DEFAULT_COLOR, THEME_A_BOLD, THEME_A_REVERSE,         "escaped control characters (^[, <U+202E>)") \
    X(help,             252, 235, 0,           0,                        "help screen") \
    X(help_key,         222, 235, THEME_A_BOLD, THEME_A_BOLD,            "keys on the help screen") \
    X(minimap,          240, THEME_DEFAULT_COLOR, 0,           THEME_A_DIM,              "minimap / gutter background") \
    X(prompt,           252, THEME_DEFAULT_COLOR, 0,           0,                        "the bottom prompt line") \
    X(tilde,            238, THEME_DEFAULT_COLOR, 0,           THEME_A_DIM,              "filler lines past the end")

#define THEME_DEFAULT_COLOR (-1)

enum theme_attr_flags {
    THEME_A_NORMAL = 0,
    THEME_A_BOLD = 1 << 0,
    THEME_A_DIM = 1 << 1,
    THEME_A_UNDERLINE = 1 << 2,
    THEME_A_REVERSE = 1 << 3,
    THEME_A_STANDOUT = 1 << 4,
    THEME_A_ITALIC = 1 << 5,
    THEME_A_BLINK = 1 << 6,
};

typedef enum {
#define THEME_ENUM_(name, fg, bg, a, m, desc) THEME_##name,
    THEME_ROLES(THEME_ENUM_)
#undef THEME_ENUM_
    THEME_ROLE_COUNT
} theme_role_t;

#define THEME_PALETTE_MAX 16

/* How a speaker's colour is used: in their quotes, in the current quote (on
 * current_quote's background, with its attributes), in their name mentions,
 * in the sidebar (on the sidebar's background). */
typedef enum { THEME_SPK_QUOTE, THEME_SPK_CURRENT, THEME_SPK_NAME, THEME_SPK_SIDEBAR,
               THEME_SPK_COUNT } theme_spk_t;

typedef enum { THEME_MODE_MONO, THEME_MODE_8, THEME_MODE_256 } theme_mode_t;

typedef struct {
    short fg, bg;               /* -1 (terminal default) or 0..255 */
    unsigned attrs;             /* THEME_A_* in colour mode */
    unsigned mono;              /* THEME_A_* in monochrome */
} theme_style_t;

typedef struct theme {
    char name[64];              /* [theme] name, or the file's base name */
    char *path;                 /* the file read, NULL for the compiled-in theme */
    bool color;                 /* false: an attribute-only theme (mono.ini) */
    theme_style_t roles[THEME_ROLE_COUNT];
    short palette[THEME_PALETTE_MAX];   /* speaker colours (256-colour indices) */
    size_t npalette;
    short palette8[THEME_PALETTE_MAX];  /* for 8-colour terminals; empty: derived */
    size_t npalette8;
    unsigned palette_mono[THEME_PALETTE_MAX]; /* THEME_A_* forms for monochrome */
    size_t npalette_mono;
    unsigned speaker_name_attrs;        /* added to THEME_SPK_NAME (default bold) */
    /* Filled by theme_start(): */
    bool started;
    theme_mode_t mode;
    attr_t role_attr[THEME_ROLE_COUNT];
    attr_t role_sidebar_attr[THEME_ROLE_COUNT]; /* fg and attrs on the sidebar's bg */
    attr_t spk_attr[THEME_SPK_COUNT][THEME_PALETTE_MAX];
    attr_t nospk_attr[THEME_SPK_COUNT]; /* quote, current unattributed quote, person */
    size_t nspk;                /* distinct speaker forms in this mode */
    int npairs;                 /* colour pairs used */
} theme_t;

/* --- pure part ----------------------------------------------------------- */
void theme_default(theme_t *t);
/* Loads NAME or PATH over the defaults into t (which it initialises). Returns
 * EXIT_OK, or EXIT_CONFIG with "FILE:LINE: message" (or "theme 'x' not
 * found (looked in ...)") in err. */
int theme_load(const char *name_or_path, theme_t *t, char *err, size_t errlen);
/* Parses one theme file over what t holds. */
int theme_parse_file(const char *path, theme_t *t, char *err, size_t errlen);
void theme_free(theme_t *t);

/* Names <-> values; all return false on an unknown word.
 * Colours: default, black red green yellow blue magenta cyan white,
 * bright<name> (8..15), colorN (0..255), #rrggbb (nearest of the 256). */
bool theme_parse_color(const char *word, short *color);
/* Attributes: normal bold dim underline reverse standout italic blink;
 * several joined by spaces or '+'. */
bool theme_parse_attrs(const char *words, unsigned *attrs);
const char *theme_role_name(theme_role_t role);
const char *theme_role_description(theme_role_t role);
int theme_role_by_name(const char *name);   /* -1 when unknown */
/* The nearest of the first n colours (8 or 16) to a 256-colour index. */
short theme_color_reduce(short color, int n);

/* --- curses part --------------------------------------------------------- */
/* Call after initscr()/newterm(). */
void theme_start(theme_t *t, bool want_color);
attr_t theme_attr(const theme_t *t, theme_role_t role);
/* The role's foreground and attributes on the sidebar's background (entity
 * types, escaped controls and the like inside the sidebar). */
attr_t theme_attr_sidebar(const theme_t *t, theme_role_t role);
/* rank: the speaker's rank (sidebar_t.speaker_rank); cycles through the
 * palette; a negative rank gives the quote / current_quote / person role. */
attr_t theme_speaker_attr(const theme_t *t, int rank, theme_spk_t how);

#endif
