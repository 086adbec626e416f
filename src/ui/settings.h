/* settings.h — the user's config file, config.ini (quoth-theme(5), CONFIG).
 * (The module is not named config.h: "config.h" is autoconf's header and a
 * file of that name next to the UI sources would shadow it.)
 *
 * settings_load(NULL, ...) reads $XDG_CONFIG_HOME/quoth/config.ini (or
 * ~/.config/quoth/config.ini); a missing default file is not an error. An
 * explicit path (--config) must exist. The file has two sections:
 *   [options]  text_width, sidebar, sidebar_side, sidebar_width, theme,
 *              mouse, color (SETTINGS_OPTIONS below)
 *   [keys]     action = "key" pairs, handed in file order to the keymap
 * Every error (syntax, unknown section or option, bad value) is one message
 * "FILE:LINE: what" in err and EXIT_CONFIG; the caller prints
 * "quoth: " err. Pure: no curses. */
#ifndef QUOTH_SETTINGS_H
#define QUOTH_SETTINGS_H
#include "engine/vec.h"
#include <stdbool.h>
#include <stddef.h>

typedef enum { SETTINGS_SIDEBAR_AUTO, SETTINGS_SIDEBAR_ON, SETTINGS_SIDEBAR_OFF } settings_sidebar_t;
typedef enum { SETTINGS_LEFT, SETTINGS_RIGHT } settings_side_t;
typedef enum { SETTINGS_COLOR_AUTO, SETTINGS_COLOR_NEVER } settings_color_t;

/* A sidebar in "auto" mode is shown in windows at least this wide. */
#define SETTINGS_SIDEBAR_AUTO_MIN_COLS 100

/* X(name, kind, default, help) — drives parsing, defaults and the man page. */
#define SETTINGS_OPTIONS(X) \
    X(text_width,    "int",   "80",      "widest text column; 0 uses the whole window (20..1000 otherwise)") \
    X(sidebar,       "enum",  "auto",    "auto (shown at 100 columns or more), on, off") \
    X(sidebar_side,  "enum",  "right",   "left or right") \
    X(sidebar_width, "int",   "32",      "sidebar columns (12..100)") \
    X(theme,         "string","default", "theme name or path (quoth-theme(5))") \
    X(mouse,         "bool",  "false",   "true: wheel scrolls, a click in the sidebar jumps") \
    X(color,         "enum",  "auto",    "auto or never (as --no-color)")

typedef struct {
    char *action;               /* as written, lower case (iniparser lowercases keys) */
    char *key;                  /* the key string, quotes removed */
    int line;                   /* its line in the file */
} settings_binding_t;

typedef struct settings {
    int text_width;
    settings_sidebar_t sidebar;
    settings_side_t sidebar_side;
    int sidebar_width;
    char *theme;
    bool mouse;
    settings_color_t color;
    VEC(settings_binding_t) keys;   /* [keys] in file order */
    char *path;                 /* the file read, NULL when none was */
} settings_t;

/* Fills the defaults. */
void settings_init(settings_t *s);
/* settings_init + the file. Returns EXIT_OK or EXIT_CONFIG (err filled). */
int settings_load(const char *path, settings_t *s, char *err, size_t errlen);
void settings_free(settings_t *s);

/* The default path ($XDG_CONFIG_HOME or ~/.config); caller frees. */
char *settings_default_path(void);

/* Whether the sidebar shows in a window cols wide (auto: >= 100). */
bool settings_sidebar_shown(const settings_t *s, int cols);

/* Hands each [keys] pair to bind (the keymap). bind returns 0, or non-zero
 * after writing why into why ("unknown action", "bad key '<F99>'"); the first
 * failure becomes "FILE:LINE: why" in err and EXIT_CONFIG. */
typedef int (*settings_bind_fn)(void *ctx, const char *action, const char *key,
                                char *why, size_t whylen);
int settings_apply_keys(const settings_t *s, settings_bind_fn bind, void *ctx,
                        char *err, size_t errlen);

#endif
