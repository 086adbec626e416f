/* settings.c — config.ini (see settings.h). */
#include "config.h"
#include "ui/settings.h"
#include "ui/ini.h"
#include "exit_codes.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool settings_set(settings_t *s, const char *k, const char *v, char *why, size_t n);

void settings_init(settings_t *s)
{
    memset(s, 0, sizeof *s);
    s->theme = xstrdup("default");
    /* The defaults are the table's, read by the same code as the file. */
    char why[256];
#define SETTINGS_DEFAULT_(name, kind, def, help) settings_set(s, #name, def, why, sizeof why);
    SETTINGS_OPTIONS(SETTINGS_DEFAULT_)
#undef SETTINGS_DEFAULT_
}

void settings_free(settings_t *s)
{
    for (size_t i = 0; i < s->keys.len; i++) {
        free(s->keys.items[i].action);
        free(s->keys.items[i].key);
    }
    vec_free(&s->keys);
    free(s->theme);
    free(s->path);
    memset(s, 0, sizeof *s);
}

char *settings_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/quoth/config.ini", xdg);
    const char *home = getenv("HOME");
    return xasprintf("%s/.config/quoth/config.ini", home ? home : "");
}

bool settings_sidebar_shown(const settings_t *s, int cols)
{
    switch (s->sidebar) {
    case SETTINGS_SIDEBAR_ON: return true;
    case SETTINGS_SIDEBAR_OFF: return false;
    default: return cols >= SETTINGS_SIDEBAR_AUTO_MIN_COLS;
    }
}

/* One of the words; its index, or -1. */
static int settings_word(const char *v, const char *const *words, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v, words[i]) == 0)
            return i;
    return -1;
}

static bool settings_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end || errno || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

/* Sets option key from its text; false with the reason in why. */
static bool settings_set(settings_t *s, const char *k, const char *v, char *why, size_t n)
{
    static const char *const sidebar_words[] = {"auto", "on", "off"};
    static const char *const side_words[] = {"left", "right"};
    static const char *const color_words[] = {"auto", "never"};
    int x;
    if (strcmp(k, "text_width") == 0) {
        if (!settings_int(v, 0, 1000, &x) || (x > 0 && x < 20))
            return snprintf(why, n, "text_width must be 0 (the whole window) or 20..1000, not '%s'", v), false;
        s->text_width = x;
    } else if (strcmp(k, "sidebar") == 0) {
        if ((x = settings_word(v, sidebar_words, 3)) < 0)
            return snprintf(why, n, "sidebar must be auto, on or off, not '%s'", v), false;
        s->sidebar = (settings_sidebar_t)x;
    } else if (strcmp(k, "sidebar_side") == 0) {
        if ((x = settings_word(v, side_words, 2)) < 0)
            return snprintf(why, n, "sidebar_side must be left or right, not '%s'", v), false;
        s->sidebar_side = (settings_side_t)x;
    } else if (strcmp(k, "sidebar_width") == 0) {
        if (!settings_int(v, 12, 100, &x))
            return snprintf(why, n, "sidebar_width must be 12..100, not '%s'", v), false;
        s->sidebar_width = x;
    } else if (strcmp(k, "theme") == 0) {
        if (!*v)
            return snprintf(why, n, "theme needs a name or a path"), false;
        free(s->theme);
        s->theme = xstrdup(v);
    } else if (strcmp(k, "mouse") == 0) {
        if ((x = ini_bool(v)) < 0)
            return snprintf(why, n, "mouse must be true or false, not '%s'", v), false;
        s->mouse = x;
    } else if (strcmp(k, "color") == 0) {
        if ((x = settings_word(v, color_words, 2)) < 0)
            return snprintf(why, n, "color must be auto or never, not '%s'", v), false;
        s->color = (settings_color_t)x;
    } else {
        static const char names[] =
#define SETTINGS_NAME_(name, kind, def, help) " " #name
            SETTINGS_OPTIONS(SETTINGS_NAME_);
#undef SETTINGS_NAME_
        return snprintf(why, n, "unknown option '%s' in [options] (one of:%s)", k, names), false;
    }
    return true;
}

static int settings_option(const ini_t *ini, const ini_entry_t *e, settings_t *s,
                           char *err, size_t errlen)
{
    const char *v = ini_get(ini, e->section, e->key);
    char why[256];
    if (!settings_set(s, e->key, v ? v : "", why, sizeof why))
        return ini_error(ini, e->line, err, errlen, "%s", why);
    return EXIT_OK;
}

static void settings_bind(settings_t *s, const ini_t *ini, const ini_entry_t *e)
{
    const char *v = ini_get(ini, e->section, e->key);
    vec_push(&s->keys, (settings_binding_t){xstrdup(e->key), xstrdup(v ? v : ""), e->line});
}

int settings_load(const char *path, settings_t *s, char *err, size_t errlen)
{
    settings_init(s);
    char *def = NULL;
    if (!path) {
        def = settings_default_path();
        FILE *f = fopen(def, "r");
        if (!f && errno == ENOENT) {
            free(def);
            return EXIT_OK;
        }
        if (f)
            fclose(f);
        path = def;
    }
    ini_t ini;
    int rc = ini_open(path, &ini, err, errlen);
    free(def);
    if (rc != EXIT_OK)
        return rc;
    for (size_t i = 0; i < ini.entries.len && rc == EXIT_OK; i++) {
        const ini_entry_t *e = &ini.entries.items[i];
        if (e->superseded)
            continue;
        bool options = strcmp(e->section, "options") == 0, keys = strcmp(e->section, "keys") == 0;
        if (!e->key) {
            if (!options && !keys)
                rc = ini_error(&ini, e->line, err, errlen,
                               "unknown section [%s] (config.ini has [options] and [keys])", e->section);
        } else if (!e->section[0]) {
            rc = ini_error(&ini, e->line, err, errlen,
                           "'%s' is outside a section; put options under [options]", e->key);
        } else if (options) {
            rc = settings_option(&ini, e, s, err, errlen);
        } else if (keys) {
            const char *v = ini_get(&ini, e->section, e->key);
            if (!v || !*v)
                rc = ini_error(&ini, e->line, err, errlen,
                               "no key for '%s'; write it quoted: %s = \"x\"", e->key, e->key);
            else
                settings_bind(s, &ini, e);
        }
    }
    if (rc == EXIT_OK)
        s->path = xstrdup(ini.path);
    ini_close(&ini);
    return rc;
}

int settings_apply_keys(const settings_t *s, settings_bind_fn bind, void *ctx,
                        char *err, size_t errlen)
{
    for (size_t i = 0; i < s->keys.len; i++) {
        const settings_binding_t *b = &s->keys.items[i];
        char why[256] = "";
        if (bind(ctx, b->action, b->key, why, sizeof why) != 0) {
            snprintf(err, errlen, "%s:%d: %s", s->path ? s->path : "config", b->line,
                     why[0] ? why : "cannot bind this key");
            ini_sanitize(err);
            return EXIT_CONFIG;
        }
    }
    return EXIT_OK;
}
