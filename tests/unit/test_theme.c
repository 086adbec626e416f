/* test_theme.c — theme parsing (names, files, errors with lines, search
 * path) and the colour modes theme_start picks on real terminfo entries. */
#include "config.h"
#include "tap.h"
#include "ui/theme.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/quoth-test-theme.XXXXXX";

static char *write_file(const char *name, const char *body)
{
    char *path = xasprintf("%s/%s", tmpdir, name);
    char *dir = xstrdup(path);
    for (char *p = dir + strlen(tmpdir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(dir, 0700);
        *p = '/';
    }
    free(dir);
    FILE *f = fopen(path, "w");
    fputs(body, f);
    fclose(f);
    return path;
}

static void test_names(void)
{
    short c = 99;
    ok(theme_parse_color("red", &c) && c == 1, "red is 1");
    ok(theme_parse_color("brightwhite", &c) && c == 15, "brightwhite is 15");
    ok(theme_parse_color("default", &c) && c == -1, "default is -1");
    ok(theme_parse_color("color214", &c) && c == 214, "color214");
    ok(theme_parse_color("color0", &c) && c == 0, "color0");
    ok(!theme_parse_color("color256", &c), "color256 refused");
    ok(!theme_parse_color("color", &c), "color without a number refused");
    ok(!theme_parse_color("color07", &c), "leading zero refused");
    ok(!theme_parse_color("purpleish", &c), "unknown name refused");
    ok(theme_parse_color("#ff8700", &c) && c == 208, "#ff8700 is colour 208");
    ok(theme_parse_color("#000000", &c) && c == 16, "#000000 is 16 (not the terminal's own 0)");
    ok(theme_parse_color("#EEEEEE", &c) && c == 255, "#EEEEEE is grey 255");
    ok(!theme_parse_color("#ff870", &c), "short hex refused");
    unsigned a = 0;
    ok(theme_parse_attrs("bold underline", &a) && a == (THEME_A_BOLD | THEME_A_UNDERLINE), "bold underline");
    ok(theme_parse_attrs("reverse+italic", &a) && a == (THEME_A_REVERSE | THEME_A_ITALIC), "reverse+italic");
    ok(theme_parse_attrs("normal", &a) && a == 0, "normal is no attribute");
    ok(!theme_parse_attrs("sparkly", &a), "unknown attribute refused");
    ok(!theme_parse_attrs("", &a), "empty refused");
    is_int(theme_color_reduce(196, 8), 1, "bright red reduces to red");
    is_int(theme_color_reduce(21, 8), 4, "blue 21 reduces to blue");
    is_int(theme_color_reduce(252, 8), 7, "light grey reduces to white");
    is_int(theme_color_reduce(234, 8), 0, "dark grey reduces to black");
    is_int(theme_color_reduce(9, 8), 1, "brightred on 8 colours: red");
    is_int(theme_color_reduce(9, 16), 9, "brightred on 16 colours: itself");
    is_int(theme_color_reduce(-1, 8), -1, "default stays default");
    is_int(theme_role_by_name("current_quote"), THEME_current_quote, "role by name");
    is_int(theme_role_by_name("nope"), -1, "unknown role");
    is_str(theme_role_name(THEME_search_match), "search_match", "role name");
}

static bool same_theme(const theme_t *a, const theme_t *b, char *why, size_t n)
{
    for (int r = 0; r < THEME_ROLE_COUNT; r++) {
        const theme_style_t *x = &a->roles[r], *y = &b->roles[r];
        if (x->fg != y->fg || x->bg != y->bg || x->attrs != y->attrs || x->mono != y->mono) {
            snprintf(why, n, "role %s: %d/%d/%u/%u vs %d/%d/%u/%u", theme_role_name(r),
                     x->fg, x->bg, x->attrs, x->mono, y->fg, y->bg, y->attrs, y->mono);
            return false;
        }
    }
    if (a->npalette != b->npalette || memcmp(a->palette, b->palette, a->npalette * sizeof *a->palette)
        || a->npalette8 != b->npalette8 || memcmp(a->palette8, b->palette8, a->npalette8 * sizeof *a->palette8)
        || a->npalette_mono != b->npalette_mono
        || memcmp(a->palette_mono, b->palette_mono, a->npalette_mono * sizeof *a->palette_mono)
        || a->speaker_name_attrs != b->speaker_name_attrs || a->color != b->color) {
        snprintf(why, n, "palettes differ");
        return false;
    }
    return true;
}

static void test_shipped(void)
{
    const char *top = getenv("TOP_SRCDIR");
    if (!top)
        top = ".";
    char err[512] = "", why[256] = "";
    theme_t builtin, t;
    theme_default(&builtin);
    char *path = xasprintf("%s/themes/default.ini", top);
    is_int(theme_parse_file(path, (theme_default(&t), &t), err, sizeof err), EXIT_OK, "default.ini parses %s", err);
    ok(same_theme(&t, &builtin, why, sizeof why), "default.ini is the compiled-in theme %s", why);
    is_str(t.name, "default", "its name");
    theme_free(&t);
    free(path);

    /* light.ini: every role set, so nothing from the dark default leaks in. */
    path = xasprintf("%s/themes/light.ini", top);
    theme_t light;
    theme_default(&light);
    for (int r = 0; r < THEME_ROLE_COUNT; r++)
        light.roles[r] = (theme_style_t){-2, -2, 999, 999};
    light.npalette = 0;
    is_int(theme_parse_file(path, &light, err, sizeof err), EXIT_OK, "light.ini parses %s", err);
    int unset = 0;
    for (int r = 0; r < THEME_ROLE_COUNT; r++)
        unset += light.roles[r].fg == -2 || light.roles[r].mono == 999;
    is_int(unset, 0, "light.ini sets every role, colour and mono");
    ok(light.npalette >= 8, "light.ini has at least 8 speaker colours (%zu)", light.npalette);
    is_int(light.roles[THEME_text].fg, -1, "light text uses the terminal's colours");
    theme_free(&light);
    free(path);

    path = xasprintf("%s/themes/mono.ini", top);
    theme_t mono;
    theme_default(&mono);
    for (int r = 0; r < THEME_ROLE_COUNT; r++)
        mono.roles[r].mono = 999;
    is_int(theme_parse_file(path, &mono, err, sizeof err), EXIT_OK, "mono.ini parses %s", err);
    ok(!mono.color, "mono.ini is attribute-only");
    unset = 0;
    for (int r = 0; r < THEME_ROLE_COUNT; r++)
        unset += mono.roles[r].mono == 999;
    is_int(unset, 0, "mono.ini sets every role's attributes");
    ok(mono.npalette_mono >= 6, "mono.ini has at least 6 speaker forms");
    theme_free(&mono);
    free(path);

    /* The 256-colour palette: 8 or more distinct colours. */
    int distinct = 0;
    for (size_t i = 0; i < builtin.npalette; i++) {
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= builtin.palette[j] == builtin.palette[i];
        distinct += !seen;
    }
    ok(distinct >= 8, "default palette: %d distinct colours", distinct);
}

static void test_files(void)
{
    char err[512] = "";
    theme_t t;
    char *good = write_file("good.ini",
        "; a user theme\n"
        "[theme]\n"
        "name = Sunset\n"
        "[color]\n"
        "quote = \"#ff8700 default underline\"  ; orange, quoted: '#' starts a comment\n"
        "text = brightwhite black\n"
        "[mono]\n"
        "quote = bold+underline\n"
        "[speakers]\n"
        "color = \"red, color33 , #00ff00\"\n"
        "mono = bold, reverse\n");
    theme_default(&t);
    is_int(theme_parse_file(good, &t, err, sizeof err), EXIT_OK, "good file parses %s", err);
    is_str(t.name, "Sunset", "name from [theme]");
    is_int(t.roles[THEME_quote].fg, 208, "quote fg from #rrggbb");
    is_int(t.roles[THEME_quote].bg, -1, "quote bg default");
    is_int(t.roles[THEME_quote].attrs, THEME_A_UNDERLINE, "quote attrs");
    is_int(t.roles[THEME_quote].mono, THEME_A_BOLD | THEME_A_UNDERLINE, "quote mono");
    is_int(t.roles[THEME_text].fg, 15, "text fg");
    is_int(t.roles[THEME_text].bg, 0, "text bg");
    is_int(t.npalette, 3, "three speaker colours");
    is_int(t.palette[1], 33, "second is 33");
    is_int(t.palette[2], 46, "#00ff00 is 46");
    is_int(t.npalette_mono, 2, "two mono forms");
    theme_t def;
    theme_default(&def);
    is_int(t.roles[THEME_status].fg, def.roles[THEME_status].fg, "missing role keeps its default (status fg)");
    is_int(t.roles[THEME_person].mono, def.roles[THEME_person].mono, "missing role keeps its default (person mono)");
    is_int(t.npalette8, def.npalette8, "missing color8 keeps the default");
    theme_free(&t);

    /* A foreground alone keeps the default background. */
    char *fgonly = write_file("fgonly.ini", "[color]\nstatus = red\n");
    theme_default(&t);
    is_int(theme_parse_file(fgonly, &t, err, sizeof err), EXIT_OK, "fg only parses");
    is_int(t.roles[THEME_status].fg, 1, "fg set");
    is_int(t.roles[THEME_status].bg, def.roles[THEME_status].bg, "bg kept");
    is_str(t.name, "fgonly", "no name: the file's base name");
    theme_free(&t);

    struct { const char *name, *body, *want; } bad[] = {
        {"badcolor.ini", "[theme]\nname = x\n\n[color]\nquote = purpleish default\n",
         ":5: unknown colour or attribute 'purpleish' for quote"},
        {"badrole.ini", "[color]\ntext = red\nquotes = blue\n", ":3: unknown colour role 'quotes'"},
        {"badattr.ini", "[mono]\n\n\nstatus = reverse shiny\n", ":4: unknown attribute 'reverse' for status"},
        {"badsection.ini", "; hi\n[colours]\n", ":2: unknown section [colours]"},
        {"outside.ini", "text = red\n", ":1: 'text' is outside a section"},
        {"syntax.ini", "[color]\ntext = red\nthis line is wrong\n", ":3: syntax error"},
        {"nocolor.ini", "[color]\ntext = bold\n", ":2: text needs a colour"},
        {"badlist.ini", "[speakers]\ncolor = red, nothing, blue\n", ":2: 'nothing' is not a colour"},
        {"hash.ini", "[color]\nquote = #ff8700\n", ":2: quote has no value (';' and '#' start a comment"},
        {"hashlist.ini", "[speakers]\ncolor = #ff8700, red\n", ":2: an empty list (put #rrggbb"},
        {"dup.ini", "[color]\nquote = red\nquote = zzz\n", ":3: unknown colour or attribute 'zzz'"},
        {"cont.ini", "[color]\ntext = red \\\n  black\nquote = zzz\n", ":4: unknown colour or attribute 'zzz'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *p = write_file(bad[i].name, bad[i].body);
        theme_default(&t);
        err[0] = '\0';
        int rc = theme_parse_file(p, &t, err, sizeof err);
        is_int(rc, EXIT_CONFIG, "%s: EXIT_CONFIG", bad[i].name);
        char *want = xasprintf("%s%s", p, bad[i].want);
        ok(strncmp(err, want, strlen(want)) == 0, "%s: message names file and line", bad[i].name);
        if (strncmp(err, want, strlen(want)) != 0)
            printf("#   got:  %s\n#   want: %s...\n", err, want);
        free(want);
        theme_free(&t);
        free(p);
    }
    /* A key given twice: the last line counts, an earlier one has no effect. */
    char *dup = write_file("dup2.ini", "[color]\nquote = zzz\nquote = red\n");
    theme_default(&t);
    is_int(theme_parse_file(dup, &t, err, sizeof err), EXIT_OK, "a repeated key: the last line counts %s", err);
    is_int(t.roles[THEME_quote].fg, 1, "its value");
    theme_free(&t);
    free(dup);
    /* The bad-attribute message names the offending word, not the first. */
    char *p = write_file("badattr2.ini", "[mono]\nstatus = shiny\n");
    theme_default(&t);
    theme_parse_file(p, &t, err, sizeof err);
    ok(strstr(err, "'shiny'") != NULL, "unknown attribute named: %s", err);
    theme_free(&t);
    free(p);
    free(good);
    free(fgonly);
}

static void test_search(void)
{
    char err[1024] = "";
    theme_t t;
    char *cfg = xasprintf("%s/config", tmpdir), *data = xasprintf("%s/data", tmpdir);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    setenv("QUOTH_DATADIR", data, 1);
    char *user = write_file("config/quoth/themes/mine.ini", "[color]\nquote = color33\n");
    char *sys = write_file("data/themes/mine.ini", "[color]\nquote = color44\n");
    char *sys2 = write_file("data/themes/shared.ini", "[color]\nquote = color55\n");
    is_int(theme_load("mine", &t, err, sizeof err), EXIT_OK, "user theme found %s", err);
    is_int(t.roles[THEME_quote].fg, 33, "the user's copy wins over the shared one");
    is_str(t.path, user, "path recorded");
    theme_free(&t);
    is_int(theme_load("shared", &t, err, sizeof err), EXIT_OK, "shared theme found in QUOTH_DATADIR/themes");
    is_int(t.roles[THEME_quote].fg, 55, "its values");
    theme_free(&t);
    is_int(theme_load(sys, &t, err, sizeof err), EXIT_OK, "a path is read as is");
    is_int(t.roles[THEME_quote].fg, 44, "its values");
    theme_free(&t);
    is_int(theme_load("default", &t, err, sizeof err), EXIT_OK, "default with no file: compiled in");
    ok(t.path == NULL, "no path for the compiled-in theme");
    theme_free(&t);
    is_int(theme_load(NULL, &t, err, sizeof err), EXIT_OK, "NULL means default");
    theme_free(&t);
    is_int(theme_load("nosuch", &t, err, sizeof err), EXIT_CONFIG, "unknown theme: EXIT_CONFIG");
    ok(strstr(err, "theme 'nosuch' not found") && strstr(err, "config/quoth/themes/nosuch.ini")
       && strstr(err, "data/themes/nosuch.ini"), "message says where it looked: %s", err);
    theme_free(&t);
    is_int(theme_load("../../etc/passwd", &t, err, sizeof err), EXIT_CONFIG, "a path that is no theme file fails");
    theme_free(&t);
    is_int(theme_load(".hidden", &t, err, sizeof err), EXIT_CONFIG, "a dot name is refused");
    theme_free(&t);
    unsetenv("XDG_CONFIG_HOME");
    char *home = xasprintf("%s/home", tmpdir);
    setenv("HOME", home, 1);
    char *fallback = write_file("home/.config/quoth/themes/mine.ini", "[color]\nquote = color66\n");
    is_int(theme_load("mine", &t, err, sizeof err), EXIT_OK, "without XDG_CONFIG_HOME: ~/.config");
    is_int(t.roles[THEME_quote].fg, 66, "the ~/.config copy");
    theme_free(&t);
    free(cfg); free(data); free(user); free(sys); free(sys2); free(home); free(fallback);
}

/* Starts curses on terminal type term (output to /dev/null). */
static SCREEN *open_term(const char *term, FILE **out, FILE **in)
{
    *out = fopen("/dev/null", "w");
    *in = fopen("/dev/null", "r");
    return newterm(term, *out, *in);
}

static void close_term(SCREEN *s, FILE *out, FILE *in)
{
    endwin();
    delscreen(s);
    fclose(out);
    fclose(in);
}

static void test_modes(void)
{
    FILE *out, *in;
    theme_t t;
    theme_default(&t);
    attr_t before = theme_attr(&t, THEME_status);
    is_int(before, A_REVERSE, "before theme_start: the mono form");

    SCREEN *s = open_term("xterm-256color", &out, &in);
    if (!s) {
        ok(1, "# SKIP no xterm-256color terminfo");
        return;
    }
    theme_start(&t, true);
    is_int(t.mode, THEME_MODE_256, "xterm-256color: 256 colours");
    ok(PAIR_NUMBER(theme_attr(&t, THEME_status)) > 0, "status has a colour pair");
    short fg, bg;
    pair_content((short)PAIR_NUMBER(theme_attr(&t, THEME_sidebar_focus)), &fg, &bg);
    ok(fg == 231 && bg == 25, "sidebar_focus pair is 231 on 25 (%d on %d)", fg, bg);
    pair_content((short)PAIR_NUMBER(theme_attr_sidebar(&t, THEME_place)), &fg, &bg);
    ok(fg == 115 && bg == 236, "place in the sidebar: its fg on the sidebar's bg (%d on %d)", fg, bg);
    int distinct = 0;
    for (int i = 0; i < 8; i++) {
        bool seen = false;
        for (int j = 0; j < i; j++)
            seen |= theme_speaker_attr(&t, i, THEME_SPK_QUOTE) == theme_speaker_attr(&t, j, THEME_SPK_QUOTE);
        distinct += !seen;
    }
    is_int(distinct, 8, "8 speakers, 8 distinct looks");
    ok(theme_speaker_attr(&t, 0, THEME_SPK_QUOTE) == theme_speaker_attr(&t, (int)t.nspk, THEME_SPK_QUOTE),
       "ranks past the palette cycle");
    pair_content((short)PAIR_NUMBER(theme_speaker_attr(&t, 0, THEME_SPK_CURRENT)), &fg, &bg);
    ok(fg == 75 && bg == 237, "current quote: speaker colour on current_quote's background");
    ok(theme_speaker_attr(&t, 0, THEME_SPK_NAME) & A_BOLD, "speaker names are bold");
    ok(theme_speaker_attr(&t, -1, THEME_SPK_QUOTE) == theme_attr(&t, THEME_quote), "no speaker: the quote role");
    ok(theme_speaker_attr(&t, -1, THEME_SPK_NAME) == theme_attr(&t, THEME_person), "no speaker name: person");
    ok(t.npairs < 200, "pairs fit in an attr_t (%d)", t.npairs);

    theme_start(&t, false);
    is_int(t.mode, THEME_MODE_MONO, "want_color false (NO_COLOR, --no-color): mono");
    is_int(theme_attr(&t, THEME_status), A_REVERSE, "status: reverse");
    is_int(PAIR_NUMBER(theme_attr(&t, THEME_quote)), 0, "no colour pair in mono");
    ok(theme_speaker_attr(&t, 0, THEME_SPK_QUOTE) != theme_speaker_attr(&t, 1, THEME_SPK_QUOTE),
       "mono: speakers still differ");
    ok(theme_speaker_attr(&t, 0, THEME_SPK_CURRENT) != theme_speaker_attr(&t, 0, THEME_SPK_QUOTE),
       "mono: the current quote differs from the others");
    theme_t m;
    theme_default(&m);
    m.color = false;
    theme_start(&m, true);
    is_int(m.mode, THEME_MODE_MONO, "an attribute-only theme stays mono on a colour terminal");
    close_term(s, out, in);

    s = open_term("xterm", &out, &in);
    if (s) {
        theme_default(&t);
        theme_start(&t, true);
        is_int(t.mode, THEME_MODE_8, "xterm: 8 colours");
        pair_content((short)PAIR_NUMBER(theme_attr(&t, THEME_sidebar_focus)), &fg, &bg);
        ok(fg == COLOR_WHITE && bg == COLOR_BLUE, "sidebar_focus reduced to white on blue (%d on %d)", fg, bg);
        ok(theme_attr(&t, THEME_sidebar_selected) & A_UNDERLINE,
           "a role that reduces to the sidebar's colours gets its mono attributes");
        ok(t.nspk >= 5, "8 colours: %zu speaker colours", t.nspk);
        pair_content((short)PAIR_NUMBER(theme_speaker_attr(&t, 0, THEME_SPK_QUOTE)), &fg, &bg);
        ok(fg < 8 && fg != COLOR_BLACK, "speaker colours are among the 8, not black (%d)", fg);
        close_term(s, out, in);
    }
    s = open_term("vt100", &out, &in);
    if (s) {
        theme_default(&t);
        theme_start(&t, true);
        is_int(t.mode, THEME_MODE_MONO, "vt100: mono");
        bool italic = false;
        for (size_t i = 0; i < t.nspk; i++)
            italic |= (t.spk_attr[THEME_SPK_QUOTE][i] & A_ITALIC) != 0;
        ok(!italic, "vt100 cannot show italic: no speaker relies on it");
        ok(t.nspk >= 2, "still %zu speaker forms", t.nspk);
        close_term(s, out, in);
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *buf = xmalloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Every role has its entry in quoth-theme(5), and the shipped themes set it. */
static void test_documented(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *path = xasprintf("%s/man/quoth-theme.5", top ? top : ".");
    char *man = slurp(path);
    ok(man != NULL, "man page readable");
    for (int r = 0; man && r < THEME_ROLE_COUNT; r++) {
        char *entry = xasprintf("\n.TP\n.B %s\n", theme_role_name(r));
        char *entry1 = xasprintf("\n.TP 18\n.B %s\n", theme_role_name(r));
        ok(strstr(man, entry) || strstr(man, entry1), "role %s documented in quoth-theme(5)", theme_role_name(r));
        free(entry);
        free(entry1);
    }
    free(man);
    free(path);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(tmpdir))
        return 1;
    test_names();
    test_shipped();
    test_files();
    test_search();
    test_modes();
    test_documented();
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        ok(0, "cleanup");
    free(cmd);
    return tap_done();
}
