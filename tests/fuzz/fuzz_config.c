/* fuzz_config.c — libFuzzer target: the config and theme parsers (src/ui/
 * settings.h, theme.h, ini.h) on arbitrary bytes written to a file, as a user's
 * config.ini or themes/NAME.ini would be. Checked: the result is EXIT_OK or
 * EXIT_CONFIG; an error is one line that names the file; a file that loads
 * gives values inside their documented ranges. The bytes are also parsed as
 * one colour word and one attribute list. */
#include "config.h"
#include "fuzz.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include "ui/ini.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include <string.h>
#include <unistd.h>

/* One scratch file per process, rewritten for each input. */
static const char *scratch_path(void)
{
    static char path[256];
    if (!path[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/quoth-fuzz-config-%ld.ini",
                 tmp && *tmp ? tmp : "/tmp", (long)getpid());
    }
    return path;
}

static void check_error(int rc, const char *err, const char *path)
{
    FUZZ_CHECK(rc == EXIT_OK || rc == EXIT_CONFIG);
    if (rc == EXIT_CONFIG) {
        FUZZ_CHECK(err[0] != '\0');
        FUZZ_CHECK(strchr(err, '\n') == NULL);
        FUZZ_CHECK(strstr(err, path) != NULL);
    }
}

static int bind_any(void *ctx, const char *action, const char *key, char *why, size_t whylen)
{
    (void)ctx;
    FUZZ_CHECK(action != NULL && key != NULL);
    if (!key[0]) {
        snprintf(why, whylen, "empty key");
        return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = scratch_path();
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    char err[512];

    ini_t ini;
    err[0] = '\0';
    int rc = ini_open(path, &ini, err, sizeof err);
    check_error(rc, err, path);
    if (rc == EXIT_OK) {
        for (size_t i = 0; i < ini.entries.len; i++)
            FUZZ_CHECK(ini.entries.items[i].line >= 1);
        ini_close(&ini);
    }

    settings_t s;
    err[0] = '\0';
    rc = settings_load(path, &s, err, sizeof err);
    check_error(rc, err, path);
    if (rc == EXIT_OK) {
        FUZZ_CHECK(s.text_width == 0 || (s.text_width >= 20 && s.text_width <= 1000));
        FUZZ_CHECK(s.sidebar_width >= 12 && s.sidebar_width <= 100);
        FUZZ_CHECK(s.theme != NULL);
        err[0] = '\0';
        rc = settings_apply_keys(&s, bind_any, NULL, err, sizeof err);
        check_error(rc, err, path);
    }
    settings_free(&s);

    theme_t t;
    theme_default(&t);
    err[0] = '\0';
    rc = theme_parse_file(path, &t, err, sizeof err);
    check_error(rc, err, path);
    if (rc == EXIT_OK) {
        for (int r = 0; r < THEME_ROLE_COUNT; r++) {
            FUZZ_CHECK(t.roles[r].fg >= -1 && t.roles[r].fg <= 255);
            FUZZ_CHECK(t.roles[r].bg >= -1 && t.roles[r].bg <= 255);
        }
        FUZZ_CHECK(t.npalette <= THEME_PALETTE_MAX);
        FUZZ_CHECK(t.npalette8 <= THEME_PALETTE_MAX);
        FUZZ_CHECK(t.npalette_mono <= THEME_PALETTE_MAX);
        for (size_t i = 0; i < t.npalette; i++)
            FUZZ_CHECK(t.palette[i] >= -1 && t.palette[i] <= 255);
        FUZZ_CHECK(memchr(t.name, '\0', sizeof t.name) != NULL);
    }
    theme_free(&t);
    unlink(path);

    /* The same bytes as one word. */
    char *word = xstrndup((const char *)data, size);
    short color;
    if (theme_parse_color(word, &color))
        FUZZ_CHECK(color >= -1 && color <= 255);
    unsigned attrs;
    (void)theme_parse_attrs(word, &attrs);
    int role = theme_role_by_name(word);
    FUZZ_CHECK(role >= -1 && role < THEME_ROLE_COUNT);
    free(word);
    return 0;
}
