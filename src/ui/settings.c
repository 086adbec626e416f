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

void settings_init(settings_t *s)
{
    memset(s, 0, sizeof *s);
    s->text_width = 80;
    s->sidebar = SETTINGS_SIDEBAR_AUTO;
    s->sidebar_side = SETTINGS_RIGHT;
    s->sidebar_width = 32;
    s->theme = xstrdup("default");
    s->mouse = false;
    s->color = SETTINGS_COLOR_AUTO;
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

static int settings_option(const ini_t *ini, const ini_entry_t *e, settings_t *s,
                           char *err, size_t errlen)
{
    static const char *const sidebar_words[] = {"auto", "on", "off"};
    static const char *const side_words[] = {"left", "right"};
    static const char *const color_words[] = {"auto", "never"};
    const char *v = ini_get(ini, e->section, e->key);
    const char *k = e->key;
    int n;
    if (!v)
        v = "";
    if (strcmp(k, "text_width") == 0) {
        if (!settings_int(v, 0, 1000, &n) || (n > 0 && n < 20))
            return ini_error(ini, e->line, err, errlen,
                             "text_width must be 0 (the whole window) or 20..1000, not '%s'", v);
        s->text_width = n;
    } else if (strcmp(k, "sidebar") == 0) {
        if ((n = settings_word(v, sidebar_words, 3)) < 0)
            return ini_error(ini, e->line, err, errlen, "sidebar must be auto, on or off, not '%s'", v);
        s->sidebar = (settings_sidebar_t)n;
    } else if (strcmp(k, "sidebar_side") == 0) {
        if ((n = settings_word(v, side_words, 2)) < 0)
            return ini_error(ini, e->line, err, errlen, "sidebar_side must be left or right, not '%s'", v);
        s->sidebar_side = (settings_side_t)n;
    } else if (strcmp(k, "sidebar_width") == 0) {
        if (!settings_int(v, 12, 100, &n))
            return ini_error(ini, e->line, err, errlen, "sidebar_width must be 12..100, not '%s'", v);
        s->sidebar_width = n;
    } else if (strcmp(k, "theme") == 0) {
        if (!*v)
            return ini_error(ini, e->line, err, errlen, "theme needs a name or a path");
        free(s->theme);
        s->theme = xstrdup(v);
    } else if (strcmp(k, "mouse") == 0) {
        if ((n = ini_bool(v)) < 0)
            return ini_error(ini, e->line, err, errlen, "mouse must be true or false, not '%s'", v);
        s->mouse = n;
    } else if (strcmp(k, "color") == 0) {
        if ((n = settings_word(v, color_words, 2)) < 0)
            return ini_error(ini, e->line, err, errlen, "color must be auto or never, not '%s'", v);
        s->color = (settings_color_t)n;
    } else {
        return ini_error(ini, e->line, err, errlen,
                         "unknown option '%s' in [options] (text_width, sidebar, sidebar_side, "
                         "sidebar_width, theme, mouse, color)", k);
    }
    return EXIT_OK;
}

/* A key repeated in [keys] keeps iniparser's value (the last) at its last line. */
static void settings_bind(settings_t *s, const ini_t *ini, const ini_entry_t *e)
{
    for (size_t i = 0; i < s->keys.len; i++) {
        if (strcmp(s->keys.items[i].action, e->key) == 0) {
            settings_binding_t b = s->keys.items[i];
            memmove(&s->keys.items[i], &s->keys.items[i + 1],
                    (s->keys.len - i - 1) * sizeof b);
            b.line = e->line;
            s->keys.items[s->keys.len - 1] = b;
            return;
        }
    }
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
            return EXIT_CONFIG;
        }
    }
    return EXIT_OK;
}
