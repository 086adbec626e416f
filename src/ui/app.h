/* app.h — the curses reader: quoth FILE opens it on an analysed document.
 * ui/ includes engine and notes, never cli. */
#ifndef QUOTH_APP_H
#define QUOTH_APP_H
#include "engine/doc.h"
#include <stdbool.h>

struct ui_options {
    const char *config_path;    /* --config, or NULL for $XDG_CONFIG_HOME/quoth/config.ini */
    const char *theme;          /* --theme, or NULL for the config's / "default" */
    bool no_color;              /* --no-color, or NO_COLOR set and non-empty */
};

/* Runs the reader until the user quits; returns an exit code of exit_codes.h. */
int ui_run(doc_t *doc, const struct ui_options *opts);

#endif
