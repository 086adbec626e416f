/* theme.c — colour roles, speaker palette, theme files (see theme.h). */
#include "config.h"
#include "ui/theme.h"
#include "ui/ini.h"
#include "exit_codes.h"
#include "engine/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The compiled-in palette: distinct hues of similar lightness on a dark
 * background, most quoted speaker first. themes/default.ini repeats it. */
static const short theme_default_palette[] = {
    75, 215, 114, 176, 222, 80, 210, 147, 156, 180, 117, 218,
};
/* 8-colour terminals: the six hues that are neither background nor text. */
static const short theme_default_palette8[] = {
    COLOR_CYAN, COLOR_YELLOW, COLOR_GREEN, COLOR_MAGENTA, COLOR_RED, COLOR_BLUE,
};
/* Monochrome: attribute combinations that stay apart from each other. */
static const unsigned theme_default_palette_mono[] = {
    THEME_A_BOLD, THEME_A_UNDERLINE, THEME_A_BOLD | THEME_A_UNDERLINE,
    THEME_A_ITALIC, THEME_A_BOLD | THEME_A_ITALIC, THEME_A_UNDERLINE | THEME_A_ITALIC,
};

static const struct {
    const char *name, *desc;
    theme_style_t style;
} theme_roles[THEME_ROLE_COUNT] = {
#define THEME_ROW_(name, fg, bg, a, m, desc) {#name, desc, {fg, bg, a, m}},
    THEME_ROLES(THEME_ROW_)
#undef THEME_ROW_
};

#define THEME_NELEM(a) (sizeof (a) / sizeof *(a))

void theme_default(theme_t *t)
{
    memset(t, 0, sizeof *t);
    strcpy(t->name, "default");
    t->color = true;
    for (size_t i = 0; i < THEME_ROLE_COUNT; i++)
        t->roles[i] = theme_roles[i].style;
    memcpy(t->palette, theme_default_palette, sizeof theme_default_palette);
    t->npalette = THEME_NELEM(theme_default_palette);
    memcpy(t->palette8, theme_default_palette8, sizeof theme_default_palette8);
    t->npalette8 = THEME_NELEM(theme_default_palette8);
    memcpy(t->palette_mono, theme_default_palette_mono, sizeof theme_default_palette_mono);
    t->npalette_mono = THEME_NELEM(theme_default_palette_mono);
    t->speaker_name_attrs = THEME_A_BOLD;
    t->mode = THEME_MODE_MONO;
    for (size_t i = 0; i < THEME_ROLE_COUNT; i++)
        t->role_attr[i] = 0;
}

void theme_free(theme_t *t)
{
    free(t->path);
    t->path = NULL;
}

const char *theme_role_name(theme_role_t role)
{
    return role < THEME_ROLE_COUNT ? theme_roles[role].name : "";
}

const char *theme_role_description(theme_role_t role)
{
    return role < THEME_ROLE_COUNT ? theme_roles[role].desc : "";
}

int theme_role_by_name(const char *name)
{
    for (int i = 0; i < THEME_ROLE_COUNT; i++)
        if (strcmp(theme_roles[i].name, name) == 0)
            return i;
    return -1;
}

/* --- colours --------------------------------------------------------------- */

static const char *const theme_color_names[8] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* xterm's RGB for a 256-colour index. */
static void theme_rgb(int c, int rgb[3])
{
    static const int base[16][3] = {
        {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0},
        {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0},
        {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
    };
    static const int level[6] = {0, 95, 135, 175, 215, 255};
    if (c < 16) {
        memcpy(rgb, base[c], sizeof base[c]);
    } else if (c < 232) {
        c -= 16;
        rgb[0] = level[c / 36];
        rgb[1] = level[(c / 6) % 6];
        rgb[2] = level[c % 6];
    } else {
        rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
    }
}

/* The index in [from, to) nearest to rgb (weighted RGB distance). */
static short theme_nearest(const int rgb[3], int from, int to)
{
    long best = -1;
    short pick = (short)from;
    for (int c = from; c < to; c++) {
        int o[3];
        theme_rgb(c, o);
        long dr = rgb[0] - o[0], dg = rgb[1] - o[1], db = rgb[2] - o[2];
        long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (best < 0 || d < best) {
            best = d;
            pick = (short)c;
        }
    }
    return pick;
}

short theme_color_reduce(short color, int n)
{
    if (color < 0 || color < n)
        return color;
    if (n <= 8 && color < 16)
        return (short)(color - 8);
    int rgb[3];
    theme_rgb(color, rgb);
    /* The bright half of the 16 reads as its dim twin on 8-colour terminals,
     * so compare against both and fold. */
    short c = theme_nearest(rgb, 0, n > 16 ? 16 : (n < 8 ? 8 : n));
    if (n == 8 && c >= 8)
        c = (short)(c - 8);
    return c;
}

bool theme_parse_color(const char *word, short *color)
{
    if (strcmp(word, "default") == 0) {
        *color = THEME_DEFAULT_COLOR;
        return true;
    }
    for (short i = 0; i < 8; i++) {
        if (strcmp(word, theme_color_names[i]) == 0) {
            *color = i;
            return true;
        }
        if (strncmp(word, "bright", 6) == 0 && strcmp(word + 6, theme_color_names[i]) == 0) {
            *color = (short)(i + 8);
            return true;
        }
    }
    if (strncmp(word, "color", 5) == 0 && isdigit((unsigned char)word[5])) {
        char *end;
        long v = strtol(word + 5, &end, 10);
        if (*end || v > 255 || (word[5] == '0' && word[6]))
            return false;
        *color = (short)v;
        return true;
    }
    if (word[0] == '#' && strlen(word) == 7 && strspn(word + 1, "0123456789abcdefABCDEF") == 6) {
        unsigned long v = strtoul(word + 1, NULL, 16);
        int rgb[3] = {(int)(v >> 16) & 255, (int)(v >> 8) & 255, (int)v & 255};
        /* 16..255 only: the first 16 are whatever the user's terminal says. */
        *color = theme_nearest(rgb, 16, 256);
        return true;
    }
    return false;
}

static const struct { const char *name; unsigned flag; } theme_attr_names[] = {
    {"normal", THEME_A_NORMAL}, {"bold", THEME_A_BOLD}, {"dim", THEME_A_DIM},
    {"underline", THEME_A_UNDERLINE}, {"reverse", THEME_A_REVERSE},
    {"standout", THEME_A_STANDOUT}, {"italic", THEME_A_ITALIC}, {"blink", THEME_A_BLINK},
};

static bool theme_attr_word(const char *w, size_t n, unsigned *flag)
{
    for (size_t i = 0; i < THEME_NELEM(theme_attr_names); i++)
        if (strlen(theme_attr_names[i].name) == n && strncmp(w, theme_attr_names[i].name, n) == 0) {
            *flag = theme_attr_names[i].flag;
            return true;
        }
    return false;
}

bool theme_parse_attrs(const char *words, unsigned *attrs)
{
    unsigned a = 0;
    size_t nwords = 0;
    for (const char *p = words; *p;) {
        size_t n = strcspn(p, " \t+");
        if (n > 0) {
            unsigned f;
            if (!theme_attr_word(p, n, &f))
                return false;
            a |= f;
            nwords++;
        }
        p += n;
        p += strspn(p, " \t+");
    }
    if (nwords == 0)
        return false;
    *attrs = a;
    return true;
}

/* --- theme files ----------------------------------------------------------- */

/* "FG [BG] [ATTR...]" for [color]. */
static bool theme_parse_style(const char *value, theme_style_t *st, const char **bad)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", value);
    short colors[2];
    int ncolors = 0;
    unsigned attrs = 0;
    for (char *save, *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        short c;
        unsigned a;
        if (theme_parse_color(w, &c) && ncolors < 2) {
            colors[ncolors++] = c;
        } else if (theme_parse_attrs(w, &a)) {
            attrs |= a;
        } else {
            *bad = value + (w - buf);
            return false;
        }
    }
    if (ncolors == 0) {
        *bad = NULL;
        return false;
    }
    st->fg = colors[0];
    if (ncolors == 2)
        st->bg = colors[1];
    st->attrs = attrs;
    return true;
}

static void theme_word_copy(char *dst, size_t n, const char *s)
{
    size_t k = strcspn(s, " \t,+");
    snprintf(dst, n, "%.*s", (int)(k < n - 1 ? k : n - 1), s);
}

/* A comma-separated list of colours or attribute sets. */
static int theme_parse_list(const ini_t *ini, int line, const char *value, bool colors,
                            short *cout, unsigned *aout, size_t *count,
                            char *err, size_t errlen)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", value);
    size_t n = 0;
    for (char *save, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        while (isspace((unsigned char)*w))
            w++;
        size_t len = strlen(w);
        while (len > 0 && isspace((unsigned char)w[len - 1]))
            w[--len] = '\0';
        if (!*w)
            continue;
        if (n == THEME_PALETTE_MAX)
            return ini_error(ini, line, err, errlen, "more than %d entries", THEME_PALETTE_MAX);
        bool good = colors ? theme_parse_color(w, &cout[n]) && cout[n] >= 0
                           : theme_parse_attrs(w, &aout[n]);
        if (!good)
            return ini_error(ini, line, err, errlen, "'%s' is not %s", w,
                             colors ? "a colour (a name, colorN or #rrggbb)"
                                    : "an attribute set (bold, underline, ...)");
        n++;
    }
    if (n == 0)
        return ini_error(ini, line, err, errlen, "an empty list%s",
                         colors ? " (put #rrggbb colours in double quotes)" : "");
    *count = n;
    return EXIT_OK;
}

static int theme_apply(const ini_t *ini, const ini_entry_t *e, theme_t *t, char *err, size_t errlen)
{
    const char *v = ini_get(ini, e->section, e->key);
    if (!v)
        v = "";
    if (strcmp(e->section, "theme") == 0) {
        if (strcmp(e->key, "name") == 0) {
            snprintf(t->name, sizeof t->name, "%s", v);
        } else if (strcmp(e->key, "color") == 0) {
            int b = ini_bool(v);
            if (b < 0)
                return ini_error(ini, e->line, err, errlen, "color must be true or false, not '%s'", v);
            t->color = b;
        } else if (strcmp(e->key, "description") != 0 && strcmp(e->key, "background") != 0) {
            return ini_error(ini, e->line, err, errlen,
                             "unknown key '%s' in [theme] (name, description, background, color)", e->key);
        }
        return EXIT_OK;
    }
    if (strcmp(e->section, "color") == 0 || strcmp(e->section, "mono") == 0) {
        int r = theme_role_by_name(e->key);
        if (r < 0)
            return ini_error(ini, e->line, err, errlen, "unknown colour role '%s' (see quoth-theme(5))", e->key);
        if (e->section[0] == 'c') {
            const char *bad = NULL;
            theme_style_t st = t->roles[r];
            if (!theme_parse_style(v, &st, &bad)) {
                char word[64];
                if (!bad && !*v)
                    return ini_error(ini, e->line, err, errlen,
                                     "%s has no value (';' and '#' start a comment: "
                                     "put #rrggbb colours in double quotes)", e->key);
                if (!bad)
                    return ini_error(ini, e->line, err, errlen,
                                     "%s needs a colour: FOREGROUND [BACKGROUND] [ATTRIBUTE...]", e->key);
                theme_word_copy(word, sizeof word, bad);
                return ini_error(ini, e->line, err, errlen,
                                 "unknown colour or attribute '%s' for %s", word, e->key);
            }
            t->roles[r] = st;
        } else {
            unsigned a;
            if (!theme_parse_attrs(v, &a)) {
                char word[64];
                theme_word_copy(word, sizeof word, v);
                return ini_error(ini, e->line, err, errlen, "unknown attribute '%s' for %s "
                                 "(normal, bold, dim, underline, reverse, standout, italic, blink)",
                                 word, e->key);
            }
            t->roles[r].mono = a;
        }
        return EXIT_OK;
    }
    if (strcmp(e->section, "speakers") == 0) {
        if (strcmp(e->key, "color") == 0)
            return theme_parse_list(ini, e->line, v, true, t->palette, NULL, &t->npalette, err, errlen);
        if (strcmp(e->key, "color8") == 0)
            return theme_parse_list(ini, e->line, v, true, t->palette8, NULL, &t->npalette8, err, errlen);
        if (strcmp(e->key, "mono") == 0)
            return theme_parse_list(ini, e->line, v, false, NULL, t->palette_mono, &t->npalette_mono,
                                    err, errlen);
        if (strcmp(e->key, "name") == 0) {
            if (!theme_parse_attrs(v, &t->speaker_name_attrs))
                return ini_error(ini, e->line, err, errlen, "unknown attribute in '%s'", v);
            return EXIT_OK;
        }
        return ini_error(ini, e->line, err, errlen,
                         "unknown key '%s' in [speakers] (color, color8, mono, name)", e->key);
    }
    return EXIT_OK;     /* sections are checked on their own line */
}

static bool theme_known_section(const char *s)
{
    return strcmp(s, "theme") == 0 || strcmp(s, "color") == 0
        || strcmp(s, "mono") == 0 || strcmp(s, "speakers") == 0;
}

int theme_parse_file(const char *path, theme_t *t, char *err, size_t errlen)
{
    ini_t ini;
    int rc = ini_open(path, &ini, err, errlen);
    if (rc != EXIT_OK)
        return rc;
    for (size_t i = 0; i < ini.entries.len && rc == EXIT_OK; i++) {
        const ini_entry_t *e = &ini.entries.items[i];
        if (!e->key && !theme_known_section(e->section))
            rc = ini_error(&ini, e->line, err, errlen,
                           "unknown section [%s] (theme, color, mono, speakers)", e->section);
        else if (e->key && !e->section[0])
            rc = ini_error(&ini, e->line, err, errlen,
                           "'%s' is outside a section; themes have [theme], [color], [mono], [speakers]",
                           e->key);
        else if (e->key && !e->superseded)
            rc = theme_apply(&ini, e, t, err, errlen);
    }
    if (rc == EXIT_OK) {
        free(t->path);
        t->path = xstrdup(path);
        if (!ini_get(&ini, "theme", "name")) {
            /* The file's base name, without ".ini". */
            const char *base = strrchr(path, '/');
            base = base ? base + 1 : path;
            size_t n = strlen(base);
            if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
                n -= 4;
            snprintf(t->name, sizeof t->name, "%.*s", (int)n, base);
        }
    }
    ini_close(&ini);
    return rc;
}

static bool theme_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* QUOTH_DATADIR in the environment overrides the build's, so an uninstalled
 * build (the tests) finds the source tree's themes. */
static const char *theme_datadir(void)
{
    const char *d = getenv("QUOTH_DATADIR");
    return d && *d ? d : QUOTH_DATADIR;
}

int theme_load(const char *name_or_path, theme_t *t, char *err, size_t errlen)
{
    theme_default(t);
    if (!name_or_path || !*name_or_path)
        name_or_path = "default";
    if (strchr(name_or_path, '/'))
        return theme_parse_file(name_or_path, t, err, errlen);
    if (name_or_path[0] == '.' || strlen(name_or_path) > 64)
    {
        snprintf(err, errlen, "bad theme name '%s'", name_or_path);
        ini_sanitize(err);
        return EXIT_CONFIG;
    }
    char *user;
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        user = xasprintf("%s/quoth/themes/%s.ini", xdg, name_or_path);
    else
        user = xasprintf("%s/.config/quoth/themes/%s.ini", home ? home : "", name_or_path);
    char *sys = xasprintf("%s/themes/%s.ini", theme_datadir(), name_or_path);
    int rc = EXIT_OK;
    if (theme_is_file(user))
        rc = theme_parse_file(user, t, err, errlen);
    else if (theme_is_file(sys))
        rc = theme_parse_file(sys, t, err, errlen);
    else if (strcmp(name_or_path, "default") != 0) {
        snprintf(err, errlen, "theme '%s' not found (looked for %s and %s)", name_or_path, user, sys);
        ini_sanitize(err);
        rc = EXIT_CONFIG;
    }
    free(user);
    free(sys);
    return rc;
}

/* --- curses ---------------------------------------------------------------- */

static attr_t theme_curses_attrs(unsigned a)
{
    attr_t r = A_NORMAL;
    if (a & THEME_A_BOLD) r |= A_BOLD;
    if (a & THEME_A_DIM) r |= A_DIM;
    if (a & THEME_A_UNDERLINE) r |= A_UNDERLINE;
    if (a & THEME_A_REVERSE) r |= A_REVERSE;
    if (a & THEME_A_STANDOUT) r |= A_STANDOUT;
    if (a & THEME_A_ITALIC) r |= A_ITALIC;
    if (a & THEME_A_BLINK) r |= A_BLINK;
    return r;
}

/* Pair numbers handed out so far; COLOR_PAIR() holds 8 bits in an attr_t. */
struct theme_pairs {
    short fg[256], bg[256];
    int n, max;
    bool dflt;                  /* use_default_colors() worked: -1 is allowed */
};

/* The pair for fg on bg, or -1 when none is left. */
static int theme_pair(struct theme_pairs *p, short fg, short bg)
{
    if (!p->dflt) {
        if (fg < 0) fg = COLOR_WHITE;
        if (bg < 0) bg = COLOR_BLACK;
    }
    for (int i = 1; i <= p->n; i++)
        if (p->fg[i] == fg && p->bg[i] == bg)
            return i;
    if (p->n + 1 > p->max)
        return -1;
    p->n++;
    p->fg[p->n] = fg;
    p->bg[p->n] = bg;
    init_pair((short)p->n, fg, bg);
    return p->n;
}

static short theme_fit(const theme_t *t, short c, int ncolors)
{
    return t->mode == THEME_MODE_256 ? c : theme_color_reduce(c, ncolors);
}

static attr_t theme_colored(const theme_t *t, struct theme_pairs *p, int ncolors,
                            short fg, short bg, unsigned attrs, unsigned mono)
{
    int pair = theme_pair(p, theme_fit(t, fg, ncolors), theme_fit(t, bg, ncolors));
    if (pair < 0)
        return theme_curses_attrs(mono);
    return COLOR_PAIR(pair) | theme_curses_attrs(attrs);
}

/* Speakers told apart by attributes alone. */
static void theme_speakers_mono(theme_t *t)
{
    /* Forms the terminal cannot show (italic on a vt100) would make a
     * speaker look like plain text: keep the distinct, visible ones. */
    attr_t shown = termattrs();
    unsigned forms[THEME_PALETTE_MAX];
    attr_t seen[THEME_PALETTE_MAX];
    size_t n = 0;
    for (size_t i = 0; i < t->npalette_mono; i++) {
        attr_t v = theme_curses_attrs(t->palette_mono[i]) & shown;
        bool dup = v == A_NORMAL;
        for (size_t j = 0; j < n && !dup; j++)
            dup = seen[j] == v;
        if (!dup) {
            seen[n] = v;
            forms[n++] = t->palette_mono[i];
        }
    }
    if (n == 0)
        forms[n++] = THEME_A_BOLD;
    unsigned cur = t->roles[THEME_current_quote].mono;
    for (size_t i = 0; i < n; i++) {
        unsigned a = forms[i];
        t->spk_attr[THEME_SPK_QUOTE][i] = theme_curses_attrs(a);
        /* A current quote that would look the same toggles reverse instead. */
        t->spk_attr[THEME_SPK_CURRENT][i] = theme_curses_attrs((a | cur) != a ? a | cur : a ^ THEME_A_REVERSE);
        t->spk_attr[THEME_SPK_NAME][i] = theme_curses_attrs(a | t->speaker_name_attrs);
        t->spk_attr[THEME_SPK_SIDEBAR][i] = theme_curses_attrs(a);
    }
    t->nspk = n;
    unsigned q = t->roles[THEME_quote].mono;
    t->nospk_attr[THEME_SPK_QUOTE] = theme_curses_attrs(q);
    t->nospk_attr[THEME_SPK_CURRENT] = theme_curses_attrs((q | cur) != q ? q | cur : q ^ THEME_A_REVERSE);
    t->nospk_attr[THEME_SPK_NAME] = theme_curses_attrs(t->roles[THEME_person].mono);
    t->nospk_attr[THEME_SPK_SIDEBAR] = theme_curses_attrs(q);
}

static void theme_start_mono(theme_t *t)
{
    for (size_t r = 0; r < THEME_ROLE_COUNT; r++)
        t->role_attr[r] = t->role_sidebar_attr[r] = theme_curses_attrs(t->roles[r].mono);
    theme_speakers_mono(t);
}

void theme_start(theme_t *t, bool want_color)
{
    t->started = true;
    t->mode = THEME_MODE_MONO;
    t->npairs = 0;
    if (!want_color || !t->color || !has_colors() || start_color() == ERR || COLORS < 8) {
        theme_start_mono(t);
        return;
    }
    struct theme_pairs p = {.max = COLOR_PAIRS - 1 < 255 ? COLOR_PAIRS - 1 : 255};
    p.dflt = use_default_colors() == OK;
    t->mode = COLORS >= 256 ? THEME_MODE_256 : THEME_MODE_8;
    int ncolors = COLORS >= 256 ? 256 : (COLORS >= 16 ? 16 : 8);
    const theme_style_t *text = &t->roles[THEME_text];
    short text_fg = theme_fit(t, text->fg, ncolors), text_bg = theme_fit(t, text->bg, ncolors);
    const theme_style_t *sbar = &t->roles[THEME_sidebar];
    short sb_fg = theme_fit(t, sbar->fg, ncolors), sb_bg = theme_fit(t, sbar->bg, ncolors);
    for (size_t r = 0; r < THEME_ROLE_COUNT; r++) {
        const theme_style_t *s = &t->roles[r];
        unsigned attrs = s->attrs;
        if (t->mode == THEME_MODE_8 && r != THEME_text && r != THEME_sidebar) {
            /* Reduced to few colours a role may look like the text or the
             * sidebar around it: then its attribute form keeps it apart. */
            short fg = theme_fit(t, s->fg, ncolors), bg = theme_fit(t, s->bg, ncolors);
            if (fg == bg || (fg == text_fg && bg == text_bg) || (fg == sb_fg && bg == sb_bg))
                attrs |= s->mono;
        }
        t->role_attr[r] = theme_colored(t, &p, ncolors, s->fg, s->bg, attrs, s->mono);
    }
    for (size_t r = 0; r < THEME_ROLE_COUNT; r++) {
        const theme_style_t *s = &t->roles[r];
        bool own_bg = r == THEME_sidebar_selected || r == THEME_sidebar_focus || r == THEME_search_match;
        t->role_sidebar_attr[r] = own_bg ? t->role_attr[r]
            : theme_colored(t, &p, ncolors, s->fg < 0 ? sbar->fg : s->fg, sbar->bg, s->attrs, s->mono);
    }
    /* The speaker palette: on 8/16 colours the explicit color8 list, else the
     * 256-colour one reduced, without repeats or the text's background. */
    short pal[THEME_PALETTE_MAX];
    size_t n = 0;
    if (t->mode == THEME_MODE_256) {
        memcpy(pal, t->palette, t->npalette * sizeof *pal);
        n = t->npalette;
    } else {
        const short *src = t->npalette8 ? t->palette8 : t->palette;
        size_t nsrc = t->npalette8 ? t->npalette8 : t->npalette;
        for (size_t i = 0; i < nsrc; i++) {
            short c = theme_color_reduce(src[i], ncolors);
            bool dup = c == text_bg || (text_bg < 0 && c == COLOR_BLACK);
            for (size_t j = 0; j < n && !dup; j++)
                dup = pal[j] == c;
            if (!dup)
                pal[n++] = c;
        }
    }
    const theme_style_t *cur = &t->roles[THEME_current_quote];
    for (size_t i = 0; i < n; i++) {
        unsigned mono = t->npalette_mono ? t->palette_mono[i % t->npalette_mono] : THEME_A_BOLD;
        t->spk_attr[THEME_SPK_QUOTE][i] = theme_colored(t, &p, ncolors, pal[i], text->bg, 0, mono);
        t->spk_attr[THEME_SPK_CURRENT][i] =
            theme_colored(t, &p, ncolors, pal[i], cur->bg, cur->attrs, mono | cur->mono);
        t->spk_attr[THEME_SPK_NAME][i] =
            theme_colored(t, &p, ncolors, pal[i], text->bg, t->speaker_name_attrs, mono | t->speaker_name_attrs);
        t->spk_attr[THEME_SPK_SIDEBAR][i] = theme_colored(t, &p, ncolors, pal[i], sbar->bg, 0, mono);
    }
    t->nspk = n;
    if (n == 0)             /* a palette reduced to nothing: speakers by attributes */
        theme_speakers_mono(t);
    const theme_style_t *q = &t->roles[THEME_quote];
    t->nospk_attr[THEME_SPK_QUOTE] = t->role_attr[THEME_quote];
    t->nospk_attr[THEME_SPK_CURRENT] =
        theme_colored(t, &p, ncolors, q->fg, cur->bg, q->attrs | cur->attrs, q->mono | cur->mono);
    t->nospk_attr[THEME_SPK_NAME] = t->role_attr[THEME_person];
    t->nospk_attr[THEME_SPK_SIDEBAR] = t->role_sidebar_attr[THEME_quote];
    t->npairs = p.n;
}

attr_t theme_attr(const theme_t *t, theme_role_t role)
{
    if (role >= THEME_ROLE_COUNT)
        return A_NORMAL;
    if (!t->started)
        return theme_curses_attrs(t->roles[role].mono);
    return t->role_attr[role];
}

attr_t theme_attr_sidebar(const theme_t *t, theme_role_t role)
{
    if (role >= THEME_ROLE_COUNT)
        return A_NORMAL;
    if (!t->started)
        return theme_curses_attrs(t->roles[role].mono);
    return t->role_sidebar_attr[role];
}

attr_t theme_speaker_attr(const theme_t *t, int rank, theme_spk_t how)
{
    if (how >= THEME_SPK_COUNT)
        how = THEME_SPK_QUOTE;
    if (!t->started) {
        if (rank < 0 || t->npalette_mono == 0)
            return theme_curses_attrs(how == THEME_SPK_NAME ? t->roles[THEME_person].mono
                                                            : t->roles[THEME_quote].mono);
        return theme_curses_attrs(t->palette_mono[(size_t)rank % t->npalette_mono]);
    }
    if (rank < 0 || t->nspk == 0)
        return t->nospk_attr[how];
    return t->spk_attr[how][(size_t)rank % t->nspk];
}
