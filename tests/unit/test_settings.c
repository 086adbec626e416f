/* test_settings.c — config.ini: defaults, options, [keys] in file order, and
 * one clear message naming the line for every kind of mistake. */
#include "config.h"
#include "tap.h"
#include "ui/settings.h"
#include "exit_codes.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char tmpdir[] = "/tmp/quoth-test-settings.XXXXXX";

static char *write_file(const char *name, const char *body)
{
    char *path = xasprintf("%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    fputs(body, f);
    fclose(f);
    return path;
}

static void test_defaults(void)
{
    char err[512] = "";
    settings_t s;
    char *cfg = xasprintf("%s/emptyconfig", tmpdir);
    mkdir(cfg, 0700);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    is_int(settings_load(NULL, &s, err, sizeof err), EXIT_OK, "no config file: fine");
    ok(s.path == NULL, "no path");
    is_int(s.text_width, 80, "text_width 80");
    is_int(s.sidebar, SETTINGS_SIDEBAR_AUTO, "sidebar auto");
    is_int(s.sidebar_side, SETTINGS_RIGHT, "sidebar right");
    is_int(s.sidebar_width, 32, "sidebar_width 32");
    is_str(s.theme, "default", "theme default");
    ok(!s.mouse, "mouse off");
    is_int(s.color, SETTINGS_COLOR_AUTO, "color auto");
    is_int(s.keys.len, 0, "no bindings");
    ok(!settings_sidebar_shown(&s, 99), "auto: hidden at 99 columns");
    ok(settings_sidebar_shown(&s, 100), "auto: shown at 100 columns");
    settings_free(&s);

    char *want = xasprintf("%s/quoth/config.ini", cfg);
    char *got = settings_default_path();
    is_str(got, want, "default path under XDG_CONFIG_HOME");
    free(got);
    free(want);
    setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/someone", 1);
    got = settings_default_path();
    is_str(got, "/home/someone/.config/quoth/config.ini", "a relative XDG_CONFIG_HOME is ignored: ~/.config");
    free(got);
    unsetenv("XDG_CONFIG_HOME");

    /* The default file is found and read. */
    char *dir = xasprintf("%s/cfg2", tmpdir), *sub = xasprintf("%s/cfg2/quoth", tmpdir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    char *p = write_file("cfg2/quoth/config.ini", "[options]\nmouse = yes\n");
    setenv("XDG_CONFIG_HOME", dir, 1);
    is_int(settings_load(NULL, &s, err, sizeof err), EXIT_OK, "default file read");
    ok(s.mouse, "its value applies");
    is_str(s.path, p, "its path recorded");
    settings_free(&s);
    free(p); free(dir); free(sub); free(cfg);
}

static void test_values(void)
{
    char err[512] = "";
    settings_t s;
    char *p = write_file("full.ini",
        "; my quoth\n"
        "[options]\n"
        "text_width = 72\n"
        "sidebar = off\n"
        "sidebar_side = left\n"
        "sidebar_width = 40   ; wider\n"
        "theme = light\n"
        "mouse = true\n"
        "color = never\n"
        "\n"
        "[keys]\n"
        "next_quote = \"]\"\n"
        "search_forward = \";\"   ; a semicolon, quoted\n"
        "quit = \"#\"\n"
        "Prev_Quote = '\"'\n"
        "scroll_down = \"<Down>\"\n");
    is_int(settings_load(p, &s, err, sizeof err), EXIT_OK, "full file parses %s", err);
    is_int(s.text_width, 72, "text_width");
    is_int(s.sidebar, SETTINGS_SIDEBAR_OFF, "sidebar off");
    ok(!settings_sidebar_shown(&s, 200), "off: hidden even when wide");
    is_int(s.sidebar_side, SETTINGS_LEFT, "left");
    is_int(s.sidebar_width, 40, "width with a trailing comment");
    is_str(s.theme, "light", "theme");
    ok(s.mouse, "mouse");
    is_int(s.color, SETTINGS_COLOR_NEVER, "color never");
    is_int(s.keys.len, 5, "five bindings");
    if (s.keys.len == 5) {
        is_str(s.keys.items[0].action, "next_quote", "first action");
        is_str(s.keys.items[0].key, "]", "first key");
        is_int(s.keys.items[0].line, 12, "its line");
        is_str(s.keys.items[1].key, ";", "a quoted ';' is kept");
        is_str(s.keys.items[2].key, "#", "a quoted '#' is kept");
        is_str(s.keys.items[3].action, "prev_quote", "action names are lower case");
        is_str(s.keys.items[3].key, "\"", "a double quote inside single quotes");
        is_str(s.keys.items[4].key, "<Down>", "key names keep their case");
        is_int(s.keys.items[4].line, 16, "last line");
    }
    settings_free(&s);
    free(p);

    p = write_file("on.ini", "[options]\nsidebar = on\ntext_width = 0\n");
    is_int(settings_load(p, &s, err, sizeof err), EXIT_OK, "sidebar on");
    ok(settings_sidebar_shown(&s, 40), "on: shown even when narrow");
    is_int(s.text_width, 0, "text_width 0: the whole window");
    settings_free(&s);
    free(p);

    /* A repeated action keeps the last value, once, at the last line. */
    p = write_file("dup.ini", "[keys]\nquit = \"q\"\nhelp = \"?\"\nquit = \"x\"\n");
    is_int(settings_load(p, &s, err, sizeof err), EXIT_OK, "repeated action parses");
    is_int(s.keys.len, 2, "one binding per action");
    is_str(s.keys.items[1].action, "quit", "moved to its last place");
    is_str(s.keys.items[1].key, "x", "the last value");
    is_int(s.keys.items[1].line, 4, "the last line");
    settings_free(&s);
    free(p);
}

static void test_errors(void)
{
    struct { const char *name, *body, *want; } bad[] = {
        {"syntax.ini", "[options]\nmouse = true\nmouse true\n", ":3: syntax error"},
        {"unknown.ini", "[options]\n\nfrobnicate = 3\n", ":3: unknown option 'frobnicate' in [options]"},
        {"width.ini", "[options]\ntext_width = wide\n", ":2: text_width must be 0 (the whole window) or 20..1000, not 'wide'"},
        {"width2.ini", "[options]\ntext_width = 5\n", ":2: text_width must be"},
        {"sbw.ini", "[options]\nsidebar_width = 500\n", ":2: sidebar_width must be 12..100, not '500'"},
        {"sidebar.ini", "[options]\nsidebar = maybe\n", ":2: sidebar must be auto, on or off, not 'maybe'"},
        {"side.ini", "[options]\nsidebar_side = top\n", ":2: sidebar_side must be left or right"},
        {"mouse.ini", "[options]\nmouse = sometimes\n", ":2: mouse must be true or false"},
        {"color.ini", "[options]\ncolor = always\n", ":2: color must be auto or never"},
        {"theme.ini", "[options]\ntheme =\n", ":2: theme needs a name or a path"},
        {"section.ini", "[options]\n[colors]\n", ":2: unknown section [colors]"},
        {"outside.ini", "mouse = true\n", ":1: 'mouse' is outside a section"},
        {"emptykey.ini", "[keys]\nquit = ;\n", ":2: no key for 'quit'"},
        {"unquoted.ini", "[keys]\nsearch = ;\n", ":2: no key for 'search'; write it quoted"},
        {"bracket.ini", "[options\n", ":1: syntax error"},
        {"cont.ini", "[options]\ntheme = a \\\n b\nmouse = 7\n", ":4: mouse must be"},
        {"noname.ini", "[options]\n= 3\n", ":2: syntax error"},
    };
    char err[512];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *p = write_file(bad[i].name, bad[i].body);
        settings_t s;
        err[0] = '\0';
        is_int(settings_load(p, &s, err, sizeof err), EXIT_CONFIG, "%s: EXIT_CONFIG", bad[i].name);
        char *want = xasprintf("%s%s", p, bad[i].want);
        bool good = strncmp(err, want, strlen(want)) == 0;
        ok(good, "%s: message names file and line", bad[i].name);
        if (!good)
            printf("#   got:  %s\n#   want: %s...\n", err, want);
        free(want);
        settings_free(&s);
        free(p);
    }
    settings_t s;
    char *p;
    char *missing = xasprintf("%s/nope.ini", tmpdir);
    is_int(settings_load(missing, &s, err, sizeof err), EXIT_CONFIG, "--config to a missing file: EXIT_CONFIG");
    ok(strstr(err, "nope.ini: cannot open: No such file") != NULL, "says so: %s", err);
    settings_free(&s);
    free(missing);

    /* Control characters from the file never reach the terminal raw. */
    p = write_file("esc.ini", "[options]\nsidebar = \x1b]52:c:aGk=\x07\xc2\x9b" "2J\n");
    is_int(settings_load(p, &s, err, sizeof err), EXIT_CONFIG, "escape in a value: EXIT_CONFIG");
    ok(!strchr(err, '\x1b') && !strchr(err, '\x07') && !strstr(err, "\xc2\x9b"), "no raw ESC, BEL or C1 in the message");
    ok(strstr(err, "not '?]52:c:aGk=???2J'") != NULL, "they show as '?': %s", err);
    settings_free(&s);
    free(p);

    /* A line too long for iniparser is reported, not truncated silently. */
    char *body = xmalloc(3000);
    strcpy(body, "[options]\ntheme = ");
    memset(body + strlen(body), 'a', 2000);
    strcpy(body + strlen("[options]\ntheme = ") + 2000, "\n");
    p = write_file("long.ini", body);
    is_int(settings_load(p, &s, err, sizeof err), EXIT_CONFIG, "over-long line: EXIT_CONFIG");
    ok(strstr(err, ":2: line too long") != NULL, "names line 2: %s", err);
    settings_free(&s);
    free(p);
    free(body);
}

/* A keymap stand-in: knows two actions and single-character keys. */
static int fake_bind(void *ctx, const char *action, const char *key, char *why, size_t n)
{
    int *count = ctx;
    if (strcmp(action, "quit") != 0 && strcmp(action, "help") != 0) {
        snprintf(why, n, "unknown action '%s'", action);
        return -1;
    }
    if (strlen(key) != 1) {
        snprintf(why, n, "bad key '%s'", key);
        return -1;
    }
    (*count)++;
    return 0;
}

static void test_apply(void)
{
    char err[512] = "";
    settings_t s;
    char *p = write_file("bind.ini", "[keys]\nquit = \"x\"\nhelp = \"H\"\n");
    int count = 0;
    settings_load(p, &s, err, sizeof err);
    is_int(settings_apply_keys(&s, fake_bind, &count, err, sizeof err), EXIT_OK, "good bindings apply");
    is_int(count, 2, "both handed over");
    settings_free(&s);
    free(p);

    p = write_file("bind2.ini", "[keys]\nquit = \"x\"\n\nfrobnicate = \"f\"\nhelp = \"H\"\n");
    count = 0;
    settings_load(p, &s, err, sizeof err);
    is_int(settings_apply_keys(&s, fake_bind, &count, err, sizeof err), EXIT_CONFIG, "unknown action: EXIT_CONFIG");
    char *want = xasprintf("%s:4: unknown action 'frobnicate'", p);
    is_str(err, want, "the keymap's reason with file and line");
    is_int(count, 1, "stops at the first failure");
    free(want);
    settings_free(&s);
    free(p);

    p = write_file("bind3.ini", "[keys]\nhelp = \"<F99>\"\n");
    settings_load(p, &s, err, sizeof err);
    settings_apply_keys(&s, fake_bind, &count, err, sizeof err);
    want = xasprintf("%s:2: bad key '<F99>'", p);
    is_str(err, want, "bad key string named with its line");
    free(want);
    settings_free(&s);
    free(p);
}

/* Every option of the table has its entry in quoth-theme(5). */
static void test_documented(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *path = xasprintf("%s/man/quoth-theme.5", top ? top : ".");
    FILE *f = fopen(path, "r");
    ok(f != NULL, "man page readable");
    char *man = xcalloc(1, 1 << 20);
    if (f) {
        size_t n = fread(man, 1, (1 << 20) - 1, f);
        man[n] = '\0';
        fclose(f);
    }
    static const char *const names[] = {
#define NAME_(name, kind, def, help) #name,
        SETTINGS_OPTIONS(NAME_)
#undef NAME_
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *bi = xasprintf("\n.BI %s \" = \"", names[i]), *br = xasprintf("\n.BR %s \" = \"", names[i]);
        ok(strstr(man, bi) || strstr(man, br), "option %s documented in quoth-theme(5)", names[i]);
        free(bi);
        free(br);
    }
    free(man);
    free(path);
}

int main(void)
{
    if (!mkdtemp(tmpdir))
        return 1;
    test_defaults();
    test_values();
    test_errors();
    test_apply();
    test_documented();
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        ok(0, "cleanup");
    free(cmd);
    return tap_done();
}
