/* settings.c — stub bodies until the implementation lands (see settings.h). */
#include "config.h"
#include "ui/settings.h"
#include "exit_codes.h"
#include <stdlib.h>

void settings_init(settings_t *s)
{
    *s = (settings_t){.text_width = 80, .sidebar_width = 32, .sidebar_side = SETTINGS_RIGHT};
    s->theme = xstrdup("default");
}
int settings_load(const char *path, settings_t *s, char *err, size_t errlen)
{
    (void)path; (void)err; (void)errlen;
    settings_init(s);
    return EXIT_OK;
}
void settings_free(settings_t *s) { free(s->theme); free(s->path); vec_free(&s->keys); }
char *settings_default_path(void) { return xstrdup("config.ini"); }
bool settings_sidebar_shown(const settings_t *s, int cols)
{
    return s->sidebar == SETTINGS_SIDEBAR_ON
        || (s->sidebar == SETTINGS_SIDEBAR_AUTO && cols >= SETTINGS_SIDEBAR_AUTO_MIN_COLS);
}
int settings_apply_keys(const settings_t *s, settings_bind_fn bind, void *ctx,
                        char *err, size_t errlen)
{
    (void)s; (void)bind; (void)ctx; (void)err; (void)errlen;
    return EXIT_OK;
}
