/* theme.c — stub bodies until the implementation lands (see theme.h). */
#include "config.h"
#include "ui/theme.h"
#include "exit_codes.h"
#include <stdlib.h>
#include <string.h>

void theme_default(theme_t *t)
{
    memset(t, 0, sizeof *t);
    strcpy(t->name, "default");
    t->color = true;
}
int theme_load(const char *name_or_path, theme_t *t, char *err, size_t errlen)
{
    (void)name_or_path; (void)err; (void)errlen;
    theme_default(t);
    return EXIT_OK;
}
int theme_parse_file(const char *path, theme_t *t, char *err, size_t errlen)
{
    (void)path; (void)t; (void)err; (void)errlen;
    return EXIT_OK;
}
void theme_free(theme_t *t) { free(t->path); t->path = NULL; }
bool theme_parse_color(const char *word, short *color) { (void)word; *color = -1; return false; }
bool theme_parse_attrs(const char *words, unsigned *attrs) { (void)words; *attrs = 0; return false; }
const char *theme_role_name(theme_role_t role) { (void)role; return ""; }
const char *theme_role_description(theme_role_t role) { (void)role; return ""; }
int theme_role_by_name(const char *name) { (void)name; return -1; }
short theme_color_reduce(short color, int n) { return (short)(color % n); }
void theme_start(theme_t *t, bool want_color) { (void)want_color; t->mode = THEME_MODE_MONO; }
attr_t theme_attr(const theme_t *t, theme_role_t role) { return t->role_attr[role]; }
attr_t theme_speaker_attr(const theme_t *t, int rank, theme_spk_t how)
{
    (void)t; (void)rank; (void)how;
    return A_BOLD;
}
